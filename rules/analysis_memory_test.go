package rules

import (
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
