package rules

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/exolint/exolint/rules/ingredients"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/inci"
)

// ingredientKnowledge is what the ingredient rules need, built once per
// Engine and shared by every document (both are read-only after building).
type ingredientKnowledge struct {
	classifier *ingredients.Classifier
	// inventory loads the CosIng extract on first use: it costs about a
	// tenth of a second, which pages without an ingredient list (and most
	// test engines) should not pay.
	inventory func() (*ingredients.Inventory, error)
	// memo keeps classifications by name: a crawl meets "Water" and
	// "Glycerin" on every page, and classifying a name costs tens of
	// microseconds. Bounded so that odd names cannot grow it without end.
	memo     sync.Map
	memoSize atomic.Int64
}

const maxMemo = 50_000

func (k *ingredientKnowledge) classify(name string) ingredients.Classification {
	if c, ok := k.memo.Load(name); ok {
		return c.(ingredients.Classification)
	}
	c := k.classifier.Classify(name)
	if k.memoSize.Load() < maxMemo {
		if _, loaded := k.memo.LoadOrStore(name, c); !loaded {
			k.memoSize.Add(1)
		}
	}
	return c
}

func newIngredientKnowledge() (*ingredientKnowledge, error) {
	c, err := ingredients.NewClassifier()
	if err != nil {
		return nil, fmt.Errorf("ingredient vocabulary: %w", err)
	}
	return &ingredientKnowledge{classifier: c, inventory: sync.OnceValues(ingredients.LoadInventory)}, nil
}

// ingredientState is the per-document ingredient work, done once in
// computeFacts and read by every rule.
type ingredientState struct {
	kb      *ingredientKnowledge
	inv     *ingredients.Inventory // nil when the inventory could not be loaded
	list    []ListIngredient
	maybe   []ListIngredient // "may contain" entries
	present bool             // the page has an ingredient list with at least one entry
}

// ListIngredient is one entry of the page's ingredient list with what exolint
// knows about it. The embedded inci.Ingredient offsets are relative to the
// text of block At.Block.
type ListIngredient struct {
	inci.Ingredient
	At         Span   // the name, in the ingredients block
	Section    string // kit part ("Serum"), "" for the main list
	MayContain bool
	Class      ingredients.Classification
	CosIng     ingredients.Entry // zero unless InCosIng
	InCosIng   bool
	Annexes    []ingredients.AnnexEntry
}

// Ingredients returns the certain entries of the page's ingredient lists
// (not "may contain" ones), in document order.
func (a *Analysis) Ingredients() []ListIngredient { return a.ingr.list }

// MayContainIngredients returns the "may contain" / "+/-" entries.
func (a *Analysis) MayContainIngredients() []ListIngredient { return a.ingr.maybe }

// HasIngredientList reports whether the page has an ingredient list with at
// least one parsed entry.
func (a *Analysis) HasIngredientList() bool { return a.ingr.present }

// HumanSourceIngredients returns the entries whose name says they come from
// human cells or tissue: human EVs and conditioned media as well as human
// cell material sold as a look-alike. Rules about human origin (such as
// human-derived-ingredient) use it for the list path; each entry carries its
// span.
func (a *Analysis) HumanSourceIngredients() []ListIngredient {
	var out []ListIngredient
	for _, in := range a.ingr.list {
		if in.Class.SourceKind == "human" && !vagueSource(in) {
			out = append(out, in)
		}
	}
	return out
}

// vagueSource reports an entry whose only origin word names no organism or
// tissue: "Stem Cell Exosomes", "Bioengineered Exosome". The classifier
// reads the first as human and the second as synthetic, but such names are
// vague rather than a disclosure (the labeling policy in testdata/eval).
func vagueSource(in ListIngredient) bool {
	switch strings.ToLower(in.Class.Detail) {
	case "stem cell":
		return !strings.Contains(strings.ToLower(in.Name), "human")
	case "bioengineered", "engineered", "":
		return in.Class.SourceKind == "synthetic" || in.Class.SourceKind == "human" && !strings.Contains(strings.ToLower(in.Name), "human")
	}
	return false
}

// Inventory returns the CosIng inventory, or nil when it could not be loaded
// (a build defect; the document then carries a note).
func (a *Analysis) Inventory() *ingredients.Inventory { return a.ingr.inv }

// spanFact is the text of a span with the line and column where it starts.
func (a *Analysis) spanFact(at Span) Fact {
	b := a.Blocks[at.Block]
	s, _ := b.SourceRange(at.Start, at.End)
	p := a.Doc.Position(s)
	return Fact{Text: b.Text[at.Start:at.End], Line: p.Line, Column: p.Column}
}

// ingredientFacts parses every ingredient block once, classifies each entry,
// and records the entries and the sources they disclose in the facts.
func (a *Analysis) ingredientFacts() {
	st := &a.ingr
	if st.kb == nil {
		return // an Analysis built outside an Engine
	}
	for bi := range a.Blocks {
		b := &a.Blocks[bi]
		if b.Kind != scraper.KindIngredients {
			continue
		}
		if st.inv == nil {
			inv, err := st.kb.inventory()
			if err != nil {
				a.Doc.Notes = append(a.Doc.Notes, "CosIng data unavailable, ingredient names were not looked up: "+err.Error())
			}
			st.inv = inv
		}
		// Offsets from Parse are offsets into b.Text, which is exactly what
		// Span and SourceRange take.
		l := inci.Parse(b.Text)
		for _, sec := range l.Sections {
			for _, in := range sec.Ingredients {
				li := a.classifyIngredient(bi, sec, in)
				if sec.MayContain {
					st.maybe = append(st.maybe, li)
				} else {
					st.list = append(st.list, li)
				}
			}
		}
	}
	st.present = len(st.list) > 0
	f := &a.Facts
	for _, in := range st.list {
		f.Ingredients = append(f.Ingredients, a.ingredientFact(in))
	}
	a.ingredientSources()
}

func (a *Analysis) classifyIngredient(bi int, sec inci.Section, in inci.Ingredient) ListIngredient {
	st := &a.ingr
	li := ListIngredient{
		Ingredient: in,
		At:         Span{Block: bi, Start: in.NameStart, End: in.NameEnd},
		Section:    sec.Name,
		MayContain: sec.MayContain,
		Class:      st.kb.classify(in.Name),
	}
	if li.Section == "" && bi < len(a.Blocks) {
		li.Section = a.Blocks[bi].Label // the shade or variant of one of several lists
	}
	if !li.Class.EVRelated && !li.Class.LookAlike && li.Class.Note == "" {
		// A common name in brackets may be the part that says it all
		// ("Extract (Human Cord Blood Exosomes)").
		for _, s := range in.Synonyms {
			if c := st.kb.classify(s); c.EVRelated || c.LookAlike {
				li.Class = c
				break
			}
		}
	}
	if st.inv != nil {
		li.CosIng, li.InCosIng = st.inv.Lookup(in.Name)
		for _, s := range in.Synonyms {
			if li.InCosIng {
				break
			}
			li.CosIng, li.InCosIng = st.inv.Lookup(s)
		}
		name := in.Name
		if li.InCosIng {
			name = li.CosIng.Name
		}
		li.Annexes = st.inv.Annexes(name)
	}
	return li
}

func (a *Analysis) ingredientFact(in ListIngredient) IngredientFact {
	pos := a.spanFact(in.At)
	f := IngredientFact{
		Name:         in.Name,
		EVRelated:    in.Class.EVRelated,
		SourceKind:   in.Class.SourceKind,
		Synonyms:     in.Synonyms,
		LookAlike:    in.Class.LookAlike,
		SourceDetail: in.Class.Detail,
		Note:         in.Class.Note,
		Functions:    in.CosIng.Functions,
		Line:         pos.Line,
		Column:       pos.Column,
	}
	for _, e := range in.Annexes {
		f.Annexes = append(f.Annexes, e.Annex+"/"+e.Ref)
	}
	return f
}

// ingredientSources adds the origins that EV entries of the list name
// ("Rosa Damascena Callus Extracellular Vesicles" → plant): INCI names are a
// disclosure of source. Look-alikes are left out: they name where a lysate or
// DNA comes from, not where vesicles come from. An origin the term matcher
// already found inside the same entry is not repeated.
func (a *Analysis) ingredientSources() {
	f := &a.Facts
	for _, in := range a.ingr.list {
		if !in.Class.EVRelated || in.Class.SourceKind == "" || vagueSource(in) {
			continue
		}
		pos := a.spanFact(in.At)
		end := a.spanFact(Span{Block: in.At.Block, Start: in.At.End, End: in.At.End})
		dup := false
		for _, s := range f.Sources {
			if s.Kind == in.Class.SourceKind && s.InIngredients && !lessFact(s.Fact, pos) && lessFact(s.Fact, end) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		detail := strings.ToLower(in.Class.Detail)
		if detail == "" {
			detail = strings.ToLower(in.Name)
		}
		f.Sources = append(f.Sources, SourceFact{Kind: in.Class.SourceKind, Detail: detail, Fact: pos, InIngredients: true})
	}
}

// latinName reports whether a name is written in Latin script (with digits
// and punctuation), as INCI names are; Korean, Japanese or Chinese label
// names are translations that CosIng does not list.
func latinName(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
