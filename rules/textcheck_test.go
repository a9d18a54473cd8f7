package rules_test

import (
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// textChecker reads short texts and checks them with every rule: tests of
// page kinds, the messages written for them, and the disclosure facts.
type textChecker struct {
	engine *rules.Engine
}

func newTextChecker(t *testing.T) textChecker {
	t.Helper()
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return textChecker{engine: engine}
}

// check reads text in format and checks it.
func (k textChecker) check(t *testing.T, text, format string) *rules.DocResult {
	t.Helper()
	doc, err := scraper.NewReader().Read("x.txt", []byte(text), format)
	if err != nil {
		t.Fatal(err)
	}
	return k.engine.Check(doc)
}

// runKindCases checks that each text is read as its page kind.
func runKindCases(t *testing.T, cases []kindCase) {
	t.Helper()
	k := newTextChecker(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := k.check(t, c.text, c.format).Facts
			if f.PageKind != c.want {
				t.Errorf("kind %q, want %q; evidence %+v", f.PageKind, c.want, f.PageKindEvidence)
			}
			// A known kind shows the evidence that decided it first.
			if c.want != rules.PageUnknown && (len(f.PageKindEvidence) == 0 || f.PageKindEvidence[0].For != c.want) {
				t.Errorf("evidence %+v does not lead with %q", f.PageKindEvidence, c.want)
			}
		})
	}
}

type kindCase struct {
	name, format, text string
	want               rules.PageKind
}
