package scraper

import (
	"bytes"
	"strings"

	"golang.org/x/net/html/atom"
)

// Themes build product tabs and accordions in two parts: a label (a tab,
// a button, a summary) and a panel, often apart, the labels in a tab bar
// and the panels after it. The panel that an "Ingredients" label opens is
// an ingredient section wherever it sits. Labels and panels are tied as
// themes tie them:
//
//   - aria-controls="p3" or href="#p3" or data-target/data-tab/data-link on
//     the label, and id="p3" (or the same data-* value) on the panel;
//   - aria-labelledby="l3" on the panel, id="l3" on the label;
//   - sibling order: the third tab of a tab bar opens the third panel.
//
// A theme that prints its tabs twice (desktop tabs, mobile accordion) gives
// the same list twice; dedupeLists reads it once.

// tabLinks is what a label element says about the panel it opens.
type tabLinks struct {
	targets []string // panel ids and data-* keys the label names
	id      string   // the label's own id, for aria-labelledby
	tab     bool     // role=tab or a tab-like class: sibling order counts
	index   int      // the label's place among its parent's children
}

// linkAttrs lists the attributes that name a panel.
func linkAttrs() []string {
	return []string{"aria-controls", "href", "data-target", "data-bs-target", "data-tab", "data-link", "data-tab-target",
		"data-panel", "data-content", "data-toggle-target", "data-accordion-target", "data-collapse-target"}
}

// panelKeyAttrs lists the attributes that name a panel on the panel itself.
func panelKeyAttrs() []string {
	return []string{"id", "data-tab", "data-panel", "data-content", "data-tab-content", "data-tab-id", "data-target"}
}

// mayLink is a cheap test on the raw tag before any attribute is read.
func mayLink(raw []byte) bool {
	return bytes.Contains(raw, []byte("aria-")) || bytes.Contains(raw, []byte("data-")) || bytes.Contains(raw, []byte(`href="#`)) ||
		bytes.Contains(raw, []byte("role=")) || bytes.Contains(raw, []byte("tab"))
}

// readLinks reads an element's label-side links.
func readLinks(attrs attrList, raw []byte, classID, role string) *tabLinks {
	l := &tabLinks{tab: role == "tab" || tabClass(classID)}
	for _, name := range linkAttrs() {
		v := attrs.get(raw, name)
		if v == "" {
			continue
		}
		if name == "href" {
			if !strings.HasPrefix(v, "#") {
				continue
			}
		}
		for _, t := range strings.Fields(v) {
			if t = strings.TrimPrefix(t, "#"); t != "" {
				l.targets = append(l.targets, t)
			}
		}
	}
	if len(l.targets) == 0 && !l.tab {
		return nil
	}
	l.id = attrs.get(raw, "id")
	return l
}

// tabClass: a class or id word that marks a tab or a tab bar's item.
func tabClass(classID string) bool {
	for _, cls := range strings.Fields(classID) {
		for _, p := range classParts(cls) {
			if p == "tab" || p == "tabs" || p == "tablink" || p == "tablinks" {
				return true
			}
		}
	}
	return false
}

// panelClass: a class word that marks a tab panel.
func panelClass(classID, role string) bool {
	if role == "tabpanel" {
		return true
	}
	for _, cls := range strings.Fields(classID) {
		parts := classParts(cls)
		tab, panel := false, false
		for _, p := range parts {
			switch p {
			case "tab", "tabs":
				tab = true
			case "panel", "pane", "content", "body", "section":
				panel = true
			case "tabpanel", "tabcontent", "tabpane":
				return true
			}
		}
		if tab && (panel || len(parts) <= 2) {
			return true
		}
	}
	return false
}

// tabState is what the walker remembers between an ingredient label and
// its panel.
type tabState struct {
	targets map[string]bool // panel keys named by ingredient labels
	labels  map[string]bool // ids of ingredient labels
	// order is the place of an ingredient tab in its tab bar, -1 when
	// none is pending; panels of the next tab-panel group are counted
	// against it.
	order int
}

// noteLabel records, for an ingredient label just read, the panel it opens.
func (w *htmlWalker) noteLabel(l *tabLinks) {
	if l == nil {
		return
	}
	if w.tabs.targets == nil {
		w.tabs.targets, w.tabs.labels = map[string]bool{}, map[string]bool{}
	}
	for _, t := range l.targets {
		w.tabs.targets[t] = true
	}
	if l.id != "" {
		w.tabs.labels[l.id] = true
	}
	if l.tab && len(l.targets) == 0 {
		w.tabs.order = l.index
	}
}

// isIngredientPanel reports whether an element that starts is the panel an
// ingredient label opens.
func (w *htmlWalker) isIngredientPanel(attrs attrList, raw []byte, panel bool, parent *elemInfo) bool {
	if len(w.tabs.targets) > 0 || len(w.tabs.labels) > 0 {
		for _, name := range panelKeyAttrs() {
			if v := strings.TrimPrefix(attrs.get(raw, name), "#"); v != "" && w.tabs.targets[v] {
				return true
			}
		}
		if v := attrs.get(raw, "aria-labelledby"); v != "" {
			for _, id := range strings.Fields(v) {
				if w.tabs.labels[id] {
					return true
				}
			}
		}
	}
	if panel && w.tabs.order >= 0 && parent != nil {
		parent.panels++
		if parent.panels-1 == w.tabs.order {
			w.tabs.order = -1
			return true
		}
	}
	return false
}

// blockLinks returns the links of the elements of the block being started,
// from the innermost to its block element.
func (w *htmlWalker) blockLinks() *tabLinks {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].links != nil {
			return w.stack[i].links
		}
		if w.stack[i].block {
			return nil
		}
	}
	return nil
}

// tabBoundary: tab labels that are inline elements (<a role="tab">) still
// each hold their own label, so they break blocks as block elements do.
func tabBoundary(a atom.Atom, l *tabLinks) bool {
	return l != nil && (l.tab || len(l.targets) > 0) && (a == atom.A || a == atom.Span || a == atom.Li || a == atom.Button)
}
