package rules

import (
	"fmt"
	"strings"

	"github.com/exolint/exolint/rules/ingredients"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/inci"
)

// IngredientRow is one entry of an ingredient field as `exolint inci` shows
// it.
type IngredientRow struct {
	Name         string   `json:"name"`
	Synonyms     []string `json:"synonyms,omitempty"`
	Section      string   `json:"section,omitempty"`
	MayContain   bool     `json:"may_contain,omitempty"`
	Amount       string   `json:"amount,omitempty"`
	EVRelated    bool     `json:"ev_related"`
	LookAlike    bool     `json:"look_alike"`
	SourceKind   string   `json:"source_kind"`
	SourceDetail string   `json:"source_detail,omitempty"`
	Note         string   `json:"note,omitempty"`
	InCosIng     bool     `json:"in_cosing"`
	CosIngName   string   `json:"cosing_name,omitempty"`
	Functions    []string `json:"cosing_functions"`
	Annexes      []string `json:"annexes"` // "II/416 Cells, tissues or products of human origin"
	DidYouMean   []string `json:"did_you_mean,omitempty"`
	Line         int      `json:"line"`
	Column       int      `json:"column"`
}

// IngredientTable is one ingredient field, classified.
type IngredientTable struct {
	Source      string          `json:"source"` // "argument", "stdin", or the page
	Ingredients []IngredientRow `json:"ingredients"`
	Unparsed    []Fact          `json:"unparsed"`
	Footnotes   []string        `json:"footnotes,omitempty"`
}

// IngredientDescriber classifies ingredient fields outside a check run. It
// holds the classifier and the CosIng inventory; build one per run.
type IngredientDescriber struct {
	kb  *ingredientKnowledge
	inv *ingredients.Inventory
}

// NewIngredientDescriber loads the vocabulary and the CosIng inventory.
func NewIngredientDescriber() (*IngredientDescriber, error) {
	kb, err := newIngredientKnowledge()
	if err != nil {
		return nil, err
	}
	inv, err := kb.inventory()
	if err != nil {
		return nil, fmt.Errorf("CosIng data: %w", err)
	}
	return &IngredientDescriber{kb: kb, inv: inv}, nil
}

// Attribution is the CosIng source line with the data dates.
func (d *IngredientDescriber) Attribution() string { return d.inv.Source() }

// Lookup suggests inventory entries for a partial or misspelt name.
func (d *IngredientDescriber) Lookup(query string, n int) []ingredients.Entry {
	names := d.inv.Search(query, n)
	if len(names) == 0 {
		names = d.inv.Suggest(query, n)
	}
	out := make([]ingredients.Entry, 0, len(names))
	for _, name := range names {
		if e, ok := d.inv.Entry(name); ok {
			out = append(out, e)
		}
	}
	return out
}

// Describe classifies a raw ingredient field; lines and columns count in
// the text itself.
func (d *IngredientDescriber) Describe(source, text string) IngredientTable {
	pos := func(start int) (int, int) {
		line := 1 + strings.Count(text[:start], "\n")
		col := 1 + len([]rune(text[strings.LastIndex(text[:start], "\n")+1:start]))
		return line, col
	}
	return d.table(source, text, pos)
}

// DescribeDocument classifies every ingredient block of a page.
func (d *IngredientDescriber) DescribeDocument(doc *scraper.Document) []IngredientTable {
	var out []IngredientTable
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind != scraper.KindIngredients {
			continue
		}
		pos := func(start int) (int, int) {
			s, _ := b.SourceRange(start, start)
			p := doc.Position(s)
			return p.Line, p.Column
		}
		out = append(out, d.table(doc.Source, b.Text, pos))
	}
	return out
}

func (d *IngredientDescriber) table(source, text string, pos func(int) (int, int)) IngredientTable {
	a := &Analysis{ingr: ingredientState{kb: d.kb, inv: d.inv}}
	l := inci.Parse(text)
	t := IngredientTable{Source: source, Ingredients: []IngredientRow{}, Unparsed: []Fact{}}
	for _, sec := range l.Sections {
		for _, in := range sec.Ingredients {
			li := a.classifyIngredient(0, sec, in)
			r := IngredientRow{
				Name: in.Name, Synonyms: in.Synonyms, Section: sec.Name, MayContain: sec.MayContain, Amount: in.Amount,
				EVRelated: li.Class.EVRelated, LookAlike: li.Class.LookAlike, SourceKind: li.Class.SourceKind,
				SourceDetail: li.Class.Detail, Note: li.Class.Note, InCosIng: li.InCosIng,
				Functions: li.CosIng.Functions, Annexes: []string{},
			}
			if r.Functions == nil {
				r.Functions = []string{}
			}
			if li.InCosIng {
				r.CosIngName = li.CosIng.Name
			} else if latinName(in.Name) {
				r.DidYouMean = d.inv.Suggest(in.Name, 3)
			}
			for _, e := range li.Annexes {
				r.Annexes = append(r.Annexes, annexRef(e)+" "+e.Substance)
			}
			r.Line, r.Column = pos(in.NameStart)
			t.Ingredients = append(t.Ingredients, r)
		}
	}
	for _, u := range l.Unparsed {
		line, col := pos(u.Start)
		t.Unparsed = append(t.Unparsed, Fact{Text: u.Text, Line: line, Column: col})
	}
	for _, f := range l.Footnotes {
		t.Footnotes = append(t.Footnotes, f.Mark+" "+f.Text)
	}
	return t
}
