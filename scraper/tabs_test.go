package scraper

import (
	"strings"
	"testing"
)

// A short list (too short to be recognised by content alone) is found
// through the tie between its tab label and its panel, however the theme
// makes it.
func TestTabPanelTies(t *testing.T) {
	const list = "Shea Butter, Coconut Oil, Beeswax"
	pages := map[string]string{
		"aria-controls": `<div class="tabs"><button aria-controls="p2">Details</button><button aria-controls="p3">Ingredients</button></div>
<div class="panels"><div id="p2"><p>Whipped by hand.</p></div><div id="p3"><p>` + list + `</p></div></div>`,
		"href": `<ul class="tab-nav"><li><a href="#d">Details</a></li><li><a href="#i">Ingredients</a></li></ul>
<div id="d"><p>Whipped by hand.</p></div><div id="i"><p>` + list + `</p></div>`,
		"aria-labelledby": `<div role="tablist"><span role="tab" id="t1">Details</span><span role="tab" id="t2">Ingredients</span></div>
<section role="tabpanel" aria-labelledby="t1"><p>Whipped by hand.</p></section><section role="tabpanel" aria-labelledby="t2"><p>` + list + `</p></section>`,
		"data-tab": `<nav-tabs><a data-tab="one" role="tab">Details</a><a data-tab="two" role="tab">Ingredients</a></nav-tabs>
<div class="tab-content" data-tab="one"><p>Whipped by hand.</p></div><div class="tab-content" data-tab="two"><p>` + list + `</p></div>`,
		"sibling order": `<ul class="tabs"><li class="tabs__item">Details</li><li class="tabs__item">Ingredients</li></ul>
<div class="wrap"><section class="tab-panel"><p>Whipped by hand.</p></section><section class="tab-panel"><p>` + list + `</p></section></div>`,
	}
	r := NewReader()
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			doc := r.ReadHTML("t.html", []byte("<html><body><h1>Body Butter</h1>"+body+"<p>Ships in two days, free over $40, returns within 30 days, no questions asked.</p></body></html>"))
			var got []string
			for _, b := range doc.Blocks {
				if b.Kind == KindIngredients {
					got = append(got, b.Text)
				}
				if b.Kind != KindIngredients && strings.Contains(b.Text, "Whipped") && strings.Contains(b.Text, "Shea") {
					t.Errorf("the list ran into another panel: %q", b.Text)
				}
			}
			if len(got) != 1 || got[0] != list {
				t.Errorf("lists %q, want [%q]", got, list)
			}
		})
	}
}
