package baseline

import (
	"bytes"
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

func TestParseHunks(t *testing.T) {
	diff := []byte("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3 +3 @@\n-a\n+b\n@@ -7,0 +8,2 @@\n+c\n+d\n@@ -20,3 +21,0 @@\n")
	got := ParseHunks(diff)
	for n := 0; n < 30; n++ {
		if want := n == 3 || n == 8 || n == 9; got.Has(n) != want {
			t.Errorf("line %d changed = %v, want %v", n, got.Has(n), want)
		}
	}
	// A huge hand-made hunk is a range, not a line-by-line table (the
	// fuzzer found "@@ 0 +0,9999999170" hanging the parser).
	huge := ParseHunks([]byte("@@ 0 +0,9999999170\n@@ -1 +9223372036854775807,2 @@\n"))
	if !huge.Has(9999999169) || huge.Has(9999999170) {
		t.Errorf("huge hunk: %+v", huge)
	}
}

func TestFilterCountsAndStale(t *testing.T) {
	doc := func(matches ...string) *rules.DocResult {
		d := &rules.DocResult{Source: "./copy/a.md"}
		for _, m := range matches {
			d.Findings = append(d.Findings, rules.Finding{Rule: "hype-wording", Match: m})
		}
		return d
	}
	b := New([]*rules.DocResult{doc("Miracle", "miracle  ", "revolutionary")})
	if len(b.Entries) != 2 || b.Entries[0].Count != 2 || b.Entries[0].Document != "copy/a.md" {
		t.Fatalf("%+v", b.Entries)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f := b.NewFilter()
	d := doc("miracle", "miracle", "miracle", "new")
	if n := f.Apply(d); n != 2 || len(d.Findings) != 2 {
		t.Fatalf("dropped %d, left %+v", n, d.Findings)
	}
	stale := f.Stale()
	if len(stale) != 1 || stale[0].Match != "revolutionary" {
		t.Fatalf("stale %+v", stale)
	}
	if p := b.Prune(stale); len(p.Entries) != 0 {
		// copy/a.md does not exist here, so pruning drops it entirely.
		t.Fatalf("pruned %+v", p.Entries)
	}
}

// A baseline counts places, so grouping repeats into one finding (with
// also_at) neither changes a written baseline nor makes old entries stale;
// a place beyond the recorded count is still new.
func TestGroupedFindingsCountEveryPlace(t *testing.T) {
	at := func(line int) scraper.Position { return scraper.Position{Offset: line * 10, Line: line, Column: 1} }
	grouped := func(lines ...int) *rules.DocResult {
		f := rules.Finding{Rule: "hype-wording", Severity: rules.Warning, Match: "miracle", Start: at(lines[0]), End: at(lines[0])}
		for _, l := range lines[1:] {
			f.AlsoAt = append(f.AlsoAt, rules.Place{Start: at(l), End: at(l)})
		}
		return &rules.DocResult{Source: "a.md", Findings: []rules.Finding{f}}
	}
	b := New([]*rules.DocResult{grouped(1, 5, 9)})
	if len(b.Entries) != 1 || b.Entries[0].Count != 3 {
		t.Fatalf("%+v", b.Entries)
	}
	f := b.NewFilter()
	d := grouped(1, 5, 9, 12)
	if n := f.Apply(d); n != 3 || len(d.Findings) != 1 || d.Findings[0].Start.Line != 12 || len(d.Findings[0].AlsoAt) != 0 {
		t.Fatalf("dropped %d, left %+v", n, d.Findings)
	}
	if stale := f.Stale(); len(stale) != 0 {
		t.Errorf("stale %+v", stale)
	}
	f = b.NewFilter()
	d = grouped(1, 5)
	if f.Apply(d); len(d.Findings) != 0 || len(f.Stale()) != 1 || f.Stale()[0].Count != 1 {
		t.Errorf("left %+v, stale %+v", d.Findings, f.Stale())
	}
}

func FuzzParseHunks(f *testing.F) {
	f.Add([]byte("@@ -1 +1,2 @@\n"))
	f.Add([]byte("@@ -1 +x,-3 @@\n@@ @@\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = ParseHunks(data)
	})
}
