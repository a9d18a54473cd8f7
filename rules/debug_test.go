package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/exolint/exolint/scraper"
)

func TestDebugHits(t *testing.T) {
	text := os.Getenv("DBG")
	if text == "" {
		t.Skip()
	}
	groups, _ := LoadTermGroups()
	g, err := LoadGrammar()
	if err != nil {
		t.Fatal(err)
	}
	lx := buildLexicon(groups).withGrammar(g)
	doc, _ := scraper.NewReader().Read("x.txt", []byte(text), scraper.FormatText)
	a := analyze(doc, lx)
	for grp, hs := range a.hits {
		for _, h := range hs {
			fmt.Printf("%-20s %q [%d,%d) neg=%v copy=%v\n", grp, a.matchText(h), h.TokStart, h.TokEnd, a.Negated(h), a.IsCopy(h))
		}
	}
}
