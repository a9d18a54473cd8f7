package rules

import (
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// Rule is one check. Rules are values: adding one means a file with its
// definition, a line in all.go and a fixture folder in testdata/<id>/.
type Rule struct {
	ID    string // stable, kebab-case, used in config, suppressions and docs anchors
	Title string // one line, lower case, no final period
	Doc   string // why it matters and what satisfies it
	Bad   string // copy that triggers the rule
	Good  string // a compliant rewrite that does not
	// Severity applies in every market not listed in Markets.
	Severity Severity
	// Markets overrides the severity per market; Off means the rule does not
	// apply there.
	Markets   map[Market]Severity
	Citations []string // keys of Citations()
	// Kinds are the page kinds the rule applies to (pagekind.go); on other
	// pages it does not run. Every rule declares them: AllPageKinds(),
	// ProductKinds() for rules about cosmetics, TreatmentKinds() for the
	// clinic rules.
	Kinds []PageKind
	Check func(*Pass)
}

// AppliesTo reports whether the rule runs on pages of kind k.
func (r *Rule) AppliesTo(k PageKind) bool {
	for _, x := range r.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// SeverityIn is the rule's severity in market m.
func (r *Rule) SeverityIn(m Market) Severity {
	if s, ok := r.Markets[m]; ok {
		return s
	}
	return r.Severity
}

// Span is a range of one block's text.
type Span struct {
	Block      int // index into Document.Blocks
	Start, End int // byte offsets in the block's text
}

// Diagnostic is what a rule reports; the engine turns it into a Finding.
type Diagnostic struct {
	At      Span
	Message string
	Suggest string // a compliant rewrite of the matched text, if there is a safe one
	// Severity, when set, overrides the rule's severity for the markets it
	// names (for example an escalation when a disease is named).
	Severity map[Market]Severity
}

// Finding is a reported problem at an exact place.
type Finding struct {
	Rule       string
	Severity   Severity
	Markets    []Market
	Message    string
	Suggestion string
	Start, End scraper.Position // End is one past the last character
	Match      string
	// SourceText is the source between Start and End as written, with
	// its markup and entities ("FDA&nbsp;approved" where Match is "FDA
	// approved").
	SourceText string
	Kind       scraper.Kind
	Region     scraper.Region
	// Context is the plain-text sentence around the match, with the match
	// at Context[ContextStart:ContextEnd], for people-facing output.
	Context      string
	ContextStart int
	ContextEnd   int
	// AlsoAt are the further places of the same problem in the document:
	// the same rule on the same wording (group.go). Empty for most findings.
	AlsoAt []Place
}

// Pass is what a rule's Check sees: the document, its analysis and facts, and
// a way to report. A check never prints, sorts or decides exit codes.
type Pass struct {
	Rule *Rule
	*Analysis
	report func(Diagnostic)
}

// Report records a diagnostic.
func (p *Pass) Report(d Diagnostic) { p.report(d) }

// PageKind is the kind of the page being checked.
func (p *Pass) PageKind() PageKind { return p.Facts.PageKind }

// Offering names what the page offers, for messages that must speak to the
// page kind: "a treatment" on a clinic page, "the material" on a supplier
// page, "a cosmetic" on product and catalog pages, and "the product or
// treatment" where the kind is not known (an unknown page, an article that
// promotes), so that a clinic read as unknown is not told about its
// cosmetic. For example:
//
//	p.Reportf(h.Span(), "%q promises more than %s can show", word, p.Offering())
func (p *Pass) Offering() string {
	switch p.Facts.PageKind {
	case PageClinic:
		return "a treatment"
	case PageSupplier:
		return "the material"
	case PageUnknown, PageArticle:
		return "the product or treatment"
	}
	return "a cosmetic"
}

// ForKind picks the variant of a message written for the page's kind, or
// def when the kind has none. For example:
//
//	msg := p.ForKind("say where the exosomes come from", map[rules.PageKind]string{
//		rules.PageClinic: "say where the exosomes used in this treatment come from",
//	})
func (p *Pass) ForKind(def string, byKind map[PageKind]string) string {
	if m, ok := byKind[p.Facts.PageKind]; ok {
		return m
	}
	return def
}

// Reportf records a diagnostic with a formatted message.
func (p *Pass) Reportf(at Span, format string, args ...any) {
	p.report(Diagnostic{At: at, Message: fmt.Sprintf(format, args...)})
}
