package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

// A large document keeps no token table: its blocks' tokens are computed
// again when a rule asks. Both ways must find exactly the same: every rule
// fixture, eval case and sample page is checked both ways.
func TestLazyTokensSameResult(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*/*", "../testdata/eval/cases/*", "../testdata/products/*"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	kept, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	lazy.keptTokenText = -1
	reader := scraper.NewReader()
	checked := 0
	for _, path := range files {
		format := scraper.FormatFor(path)
		if format == "" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := reader.Read(path, src, format)
		if err != nil {
			continue // fixtures of unreadable input
		}
		// hitsIn finds a block's hits by binary search: every group's
		// hits must be in block order.
		a := analyze(doc, kept.lex, kept.keptTokenText)
		for g, hs := range a.hits {
			for i := 1; i < len(hs); i++ {
				if hs[i].Block < hs[i-1].Block {
					t.Errorf("%s: hits of %q out of block order at %d", path, g, i)
					break
				}
			}
		}
		want, got := kept.Check(doc), lazy.Check(doc)
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: lazy tokens give a different result\nkept: %+v\nlazy: %+v", path, want.Findings, got.Findings)
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d documents checked", checked)
	}
}

// The analysis of a large document holds a few times its text, not the
// token table (40 bytes a word) it used to keep for every block. Measured
// as the heap the analysis keeps after a collection, which does not
// depend on timing or load.
func TestAnalysisMemoryBounded(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation sizes")
	}
	var b strings.Builder
	for i := 0; b.Len() < 4<<20; i++ {
		b.WriteString("Our rose callus exosomes visibly smooth the look of fine lines while niacinamide and panthenol keep the skin barrier comfortable all day long. ")
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	doc := scraper.NewReader().ReadText("big.txt", []byte(b.String()))
	text := 0
	for _, bl := range doc.Blocks {
		text += len(bl.Text)
	}
	e, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	before := heapInUse()
	a := analyze(doc, e.lex, e.keptTokenText)
	held := heapInUse() - before
	runtime.KeepAlive(a)
	// Before, the tokens alone took about 7 bytes per byte of text.
	if held > 5*uint64(text) {
		t.Errorf("the analysis holds %d bytes for %d bytes of text (%.1f×), want at most 5×", held, text, float64(held)/float64(text))
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// A document that holds more matches and ingredient entries than the
// budget is checked up to the block where the budget runs out: nothing
// after it is read, the document says from which line, and a suppression
// there is not called unused.
func TestAnalysisBudgetCut(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "Line %d: this serum heals acne scars overnight.\n\n", i)
	}
	b.WriteString("<!-- exolint-disable-next-line drug-claim -- a quoted review -->\nIt heals eczema.\n")
	doc := scraper.NewReader().ReadMarkdown("long.md", []byte(b.String()))
	e, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.SetPolicy(&Policy{Known: All()})
	whole := e.Check(doc)
	e.budget = 50 * hitCost
	res := e.Check(doc)
	if !hasNote(res.Notes, "long document: its text from line ") {
		t.Logf("notes %q", res.Notes)
		t.Fatalf("no note of the cut: %q", res.Notes)
	}
	last := 0
	cut, all := ExpandFindings(res.Findings), ExpandFindings(whole.Findings)
	for _, f := range cut {
		if f.Rule == UnusedSuppressionID {
			t.Errorf("a suppression past the cut is called unused: %+v", f)
		}
		last = max(last, f.Start.Line)
	}
	if last == 0 || last > 200 {
		t.Errorf("last finding on line %d, want one well before the end", last)
	}
	if len(cut) >= len(all) {
		t.Errorf("%d places cut short, %d whole: want fewer", len(cut), len(all))
	}
	if hasNote(whole.Notes, "long document") {
		t.Errorf("the default budget cut a short document: %q", whole.Notes)
	}
}
