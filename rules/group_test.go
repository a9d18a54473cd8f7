package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

func TestGroupFindings(t *testing.T) {
	at := func(line int) scraper.Position { return scraper.Position{Offset: line * 100, Line: line, Column: 1} }
	f := func(rule, match, msg string, line int) Finding {
		return Finding{Rule: rule, Severity: Warning, Match: match, Message: msg, Start: at(line), End: at(line), Context: "ctx"}
	}
	fs := []Finding{
		f("hype-wording", "Miracle", `"miracle" is hype`, 1),
		f("hype-wording", "miracle", `"Miracle" is hype`, 2),
		f("drug-claim", "miracle", "other rule", 3),
		f("hype-wording", "miracle  cream", `"miracle" is hype`, 4), // other words
		f("hype-wording", "MIRACLE", `"miracle" is hype`, 5),
		f("unused-suppression", "", "no words", 6),
		f("unused-suppression", "", "no words", 7),
		f("human-derived-ingredient", "umbilical", "in the ingredient list", 8), // other message
		f("human-derived-ingredient", "umbilical", "in the copy", 9),
	}
	fs[4].Severity = Error // another severity is another problem
	got := GroupFindings(append([]Finding(nil), fs...))
	var b strings.Builder
	for _, g := range got {
		fmt.Fprintf(&b, "%s@%d", g.Rule, g.Start.Line)
		for _, p := range g.AlsoAt {
			fmt.Fprintf(&b, "+%d", p.Start.Line)
		}
		b.WriteString(" ")
	}
	want := "hype-wording@1+2 drug-claim@3 hype-wording@4 hype-wording@5 unused-suppression@6 unused-suppression@7 human-derived-ingredient@8 human-derived-ingredient@9 "
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
	// Expanding gives every place back, in order, the further ones
	// without the first one's sentence.
	back := ExpandFindings(got)
	if len(back) != len(fs) {
		t.Fatalf("expanded to %d, want %d", len(back), len(fs))
	}
	for i := range back {
		if back[i].Start.Line != fs[i].Start.Line || back[i].Rule != fs[i].Rule || len(back[i].AlsoAt) != 0 {
			t.Errorf("place %d: %s@%d, want %s@%d", i, back[i].Rule, back[i].Start.Line, fs[i].Rule, fs[i].Start.Line)
		}
	}
	if back[1].Context != "" || back[0].Context == "" {
		t.Errorf("context: first %q, further %q", back[0].Context, back[1].Context)
	}
}

// Desktop and mobile copies of one description: read once (facts do not
// double), one finding per problem with the copy's place listed, and a
// suppression comment on the copy removes just that place.
func TestIdenticalBlocksReadOnce(t *testing.T) {
	const para = "<p>Rose exosomes in a light serum: a miracle in a bottle for tired skin.</p>\n"
	e, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.SetPolicy(&Policy{Known: append(All(), PolicyRules()...)})
	check := func(src string) *DocResult {
		t.Helper()
		return e.Check(scraper.NewReader().ReadHTML("x.html", []byte(src)))
	}
	once := check("<html><body>\n<div class=desktop>\n" + para + "</div>\n</body></html>")
	twice := check("<html><body>\n<div class=desktop>\n" + para + "</div>\n<div class=mobile>\n" + para + "</div>\n</body></html>")
	if len(twice.Facts.Claims) != len(once.Facts.Claims) || len(once.Facts.Claims) == 0 {
		t.Errorf("claims: %d with the copy, %d without", len(twice.Facts.Claims), len(once.Facts.Claims))
	}
	if len(twice.Findings) != len(once.Findings) || len(once.Findings) == 0 {
		t.Fatalf("findings: %d with the copy, %d without", len(twice.Findings), len(once.Findings))
	}
	hype := -1
	for i, f := range twice.Findings {
		if f.Start.Line != 3 {
			t.Errorf("%s at line %d, want the first copy (3)", f.Rule, f.Start.Line)
		}
		if f.Rule == "hype-wording" {
			hype = i
		}
		if f.Start.Offset > 0 && (len(f.AlsoAt) != 1 || f.AlsoAt[0].Start.Line != 6 || f.AlsoAt[0].Start.Column != f.Start.Column) {
			t.Errorf("%s: also at %+v, want line 6 column %d", f.Rule, f.AlsoAt, f.Start.Column)
		}
	}
	if hype < 0 {
		t.Fatal("no hype-wording finding on the miracle")
	}
	// The copy's place honours a comment meant for it alone.
	suppressed := check("<html><body>\n<div class=desktop>\n" + para + "</div>\n<div class=mobile>\n" +
		"<!-- exolint-disable-next-line hype-wording -- the mobile copy is retired next week -->\n" + para + "</div>\n</body></html>")
	for _, f := range suppressed.Findings {
		if f.Rule == "hype-wording" && len(f.AlsoAt) != 0 {
			t.Errorf("suppressed copy still listed: %+v", f.AlsoAt)
		}
		if f.Rule == "unused-suppression" {
			t.Errorf("the comment suppressed nothing: %s", f.Message)
		}
	}
}
