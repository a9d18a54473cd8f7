package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

// wordRule reports every occurrence of word in every block, at sev.
func wordRule(id, word string, sev Severity) *Rule {
	return &Rule{ID: id, Severity: sev, Kinds: AllPageKinds(), Check: func(p *Pass) {
		for bi, b := range p.Blocks {
			for off := 0; ; {
				i := strings.Index(b.Text[off:], word)
				if i < 0 {
					break
				}
				p.Reportf(Span{Block: bi, Start: off + i, End: off + i + len(word)}, "%s here", word)
				off += i + len(word)
			}
		}
	}}
}

// capDoc has n lines, each with "alpha" (a warning) and, on every tenth
// line, "omega" (an error).
func capDoc(n int) *scraper.Document {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "line %d says alpha", i)
		if i%10 == 9 {
			b.WriteString(" and omega")
		}
		b.WriteString(".\n\n")
	}
	return scraper.NewReader().ReadText("cap.txt", []byte(b.String()))
}

func capEngine(t *testing.T, limit int) *Engine {
	t.Helper()
	e, err := NewEngine([]*Rule{wordRule("alpha-rule", "alpha", Warning), wordRule("omega-rule", "omega", Error)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.SetMaxFindings(limit)
	return e
}

func TestFindingsCap(t *testing.T) {
	doc := capDoc(100) // 100 warnings, 10 errors
	res := capEngine(t, 25).Check(doc)
	// The limit counts places: the same words with the same message are
	// one finding with further places (GroupFindings).
	listed := ExpandFindings(res.Findings)
	if len(listed) != 25 {
		t.Fatalf("listed %d places, want 25", len(listed))
	}
	// The most severe first: all 10 errors, then the 15 earliest warnings,
	// listed in output order.
	errs := 0
	for i, f := range listed {
		if f.Severity == Error {
			errs++
		}
		if i > 0 && f.Start.Offset < listed[i-1].Start.Offset {
			t.Errorf("place %d at %d comes after one at %d", i, f.Start.Offset, listed[i-1].Start.Offset)
		}
		if f.Rule == "alpha-rule" && f.Start.Line > 2*15 {
			t.Errorf("kept a late warning on line %d", f.Start.Line)
		}
	}
	if errs != 10 {
		t.Errorf("kept %d errors, want all 10", errs)
	}
	want := "85 more findings not listed (85 warnings): the 25 listed are the most severe, earliest first"
	if !hasNote(res.Notes, want) {
		t.Errorf("notes %q, want one starting %q", res.Notes, want)
	}

	// Unlimited, and at the limit exactly: everything listed, no note.
	for _, limit := range []int{0, 110} {
		res := capEngine(t, limit).Check(doc)
		if n := len(ExpandFindings(res.Findings)); n != 110 || hasNote(res.Notes, "not listed") {
			t.Errorf("limit %d: %d places, notes %q; want 110 and no note", limit, n, res.Notes)
		}
	}
}

// The cap applies after the policy: suppressed findings neither take a
// place nor count as omitted, and a suppression that covers an omitted
// finding is still used.
func TestFindingsCapAfterPolicy(t *testing.T) {
	src := "<!-- exolint-disable alpha-rule -- legacy copy -->\n"
	for i := 0; i < 30; i++ {
		src += fmt.Sprintf("<p>line %d says alpha</p>\n", i)
	}
	src += "<!-- exolint-enable alpha-rule -->\n<p>then omega</p>\n<p>and alpha</p>\n<p>and alpha again</p>\n"
	doc := scraper.NewReader().ReadHTML("x.html", []byte(src))
	e := capEngine(t, 1)
	e.SetPolicy(&Policy{Known: []*Rule{wordRule("alpha-rule", "alpha", Warning)}})
	res := e.Check(doc)
	if len(res.Findings) != 1 || res.Findings[0].Rule != "omega-rule" {
		t.Fatalf("findings %+v, want the one error", res.Findings)
	}
	if !hasNote(res.Notes, "2 more findings not listed (2 warnings)") {
		t.Errorf("notes %q", res.Notes)
	}
}

func hasNote(notes []string, prefix string) bool {
	for _, n := range notes {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}
