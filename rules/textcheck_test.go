package rules_test

import (
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// kindChecker reads short texts and checks them with every rule, for tests
// of page kinds and the messages written for them.
type kindChecker struct {
	engine *rules.Engine
}

func newKindChecker(t *testing.T) kindChecker {
	t.Helper()
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return kindChecker{engine: engine}
}

func (k kindChecker) check(t *testing.T, text, format string) *rules.DocResult {
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
	k := newKindChecker(t)
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
