package rules

import (
	"sort"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Facts say what a page claims and discloses, whatever the findings.
type Facts struct {
	ExosomeClaim bool             `json:"exosome_claim"`
	Claims       []Fact           `json:"claims"`
	Sources      []SourceFact     `json:"sources"`
	Testing      []TestingFact    `json:"testing"`
	Ingredients  []IngredientFact `json:"ingredients"`
	// PageKind is what the page is (pagekind.go), with the signals that
	// decided it, the decisive kind's first.
	PageKind         PageKind     `json:"page_kind"`
	PageKindEvidence []KindSignal `json:"page_kind_evidence"`
	// Promotes is set on an article that promotes a named product or
	// treatment (an advertorial); its claims are checked like a seller's.
	// An article that does not is not accused of selling. A paper that
	// studies a product on people makes an exosome claim (the exosomes were
	// used as a treatment) but promotes nothing: its facts are reported,
	// its wording is not checked.
	Promotes          bool         `json:"promotes,omitempty"`
	PromotionEvidence []KindSignal `json:"promotion_evidence,omitempty"`

	claimHits []Hit
	vagueHits []Hit
}

// Fact is a piece of text at a place.
type Fact struct {
	Text   string `json:"text"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// SourceFact is a disclosed origin of the exosomes.
type SourceFact struct {
	Kind   string `json:"kind"` // plant, human, animal, microbial, synthetic
	Detail string `json:"detail"`
	Fact
	// InIngredients: the origin is named in the ingredient list, not the copy.
	InIngredients bool `json:"in_ingredients,omitempty"`
}

// TestingFact is a disclosed test or verification.
type TestingFact struct {
	Kind string `json:"kind"` // characterization, safety, third-party, certificate, clinical
	Fact
}

// IngredientFact is one parsed ingredient.
type IngredientFact struct {
	Name       string `json:"name"`
	EVRelated  bool   `json:"ev_related"`
	SourceKind string `json:"source_kind"`
	// The fields below are filled by ingredient_facts.go.
	Synonyms     []string `json:"synonyms,omitempty"`
	LookAlike    bool     `json:"look_alike,omitempty"`
	SourceDetail string   `json:"source_detail,omitempty"`
	Note         string   `json:"note,omitempty"`
	Functions    []string `json:"cosing_functions,omitempty"`
	Annexes      []string `json:"annexes,omitempty"` // "II/416", "III/98"
	Line         int      `json:"line"`
	Column       int      `json:"column"`
}

// ClaimHits returns the exosome claims as hits, in document order. Rules about
// something missing report at the first one.
func (f *Facts) ClaimHits() []Hit { return f.claimHits }

// VagueSourceHits returns the vague origin words ("stem cell", "lab-grown",
// "bioengineered") that stand next to an EV claim in the copy. They name no
// organism or tissue, so they are not Sources.
func (f *Facts) VagueSourceHits() []Hit { return f.vagueHits }

// isBody reports the kinds that carry a page's running copy, as opposed to
// its title, headings and ingredient list.
func isBody(k scraper.Kind) bool {
	switch k {
	case scraper.KindParagraph, scraper.KindListItem, scraper.KindTableCell, scraper.KindQuote, scraper.KindJSONLD, scraper.KindMetaDescription:
		return true
	}
	return false
}

func anyBody(a *Analysis, hs []Hit) bool {
	for _, h := range hs {
		if isBody(a.Blocks[h.Block].Kind) {
			return true
		}
	}
	return false
}

func (a *Analysis) fact(h Hit) Fact {
	b := a.Blocks[h.Block]
	s, _ := b.SourceRange(h.Start, h.End)
	p := a.Doc.Position(s)
	return Fact{Text: b.Text[h.Start:h.End], Line: p.Line, Column: p.Column}
}

func (a *Analysis) computeFacts() {
	f := &a.Facts
	f.Claims, f.Sources, f.Testing, f.Ingredients = []Fact{}, []SourceFact{}, []TestingFact{}, []IngredientFact{}
	a.classifyPage()

	var strong []Hit
	inciEV, denied := false, false
	for _, h := range a.hits["ev-claim"] {
		b := a.Blocks[h.Block]
		if b.Kind == scraper.KindIngredients {
			inciEV = true
			continue
		}
		if !a.IsCopy(h) {
			denied = denied || (a.Negated(h) && isBody(b.Kind) && b.Region != scraper.RegionUserContent)
			continue
		}
		strong = append(strong, h)
	}
	for _, h := range a.hits["ev-claim-weak"] {
		// INCI names plant and microbial EVs "… Vesicles".
		inciEV = inciEV || a.Blocks[h.Block].Kind == scraper.KindIngredients && h.Term.Text == "vesicle"
	}
	if denied && !anyBody(a, strong) {
		// "Our cream does not contain exosomes": a page whose own text denies
		// the claim is not making it, whatever its title says.
		strong = nil
		inciEV = false
	}
	claims := strong
	// "EV" and "vesicles" are claims only where the page also uses an
	// unambiguous EV word, in its copy or in the ingredient list.
	if len(strong) > 0 || inciEV {
		for _, h := range a.hits["ev-claim-weak"] {
			if a.Blocks[h.Block].Kind != scraper.KindIngredients && a.IsCopy(h) {
				claims = append(claims, h)
			}
		}
		sortHits(claims)
	}
	if f.PageKind == PageArticle && len(claims) > 0 {
		f.PromotionEvidence = a.promotion(claims)
		f.Promotes = a.isPromoting(f.PromotionEvidence)
	}
	if (a.Selling() || len(f.PromotionEvidence) > 0) && len(claims) > 0 {
		f.claimHits = claims
		f.ExosomeClaim = len(claims) > 0
		for _, h := range claims {
			f.Claims = append(f.Claims, a.fact(h))
		}
	}

	for _, sh := range a.disclosedSources() {
		h := sh.Hit
		detail := strings.ToLower(a.Blocks[h.Block].Text[h.Start:h.End])
		f.Sources = append(f.Sources, SourceFact{Kind: sh.kind, Detail: detail, Fact: a.fact(h), InIngredients: a.Blocks[h.Block].Kind == scraper.KindIngredients})
	}
	a.ingredientFacts()
	sort.SliceStable(f.Sources, func(i, j int) bool { return lessFact(f.Sources[i].Fact, f.Sources[j].Fact) })

	// Vague origins ("stem cell", "lab-grown") are kept apart: they are not
	// sources, but they tell source-vague from source-undisclosed.
	for _, h := range a.hits["source-vague"] {
		if a.mentionsVagueSource(h) {
			f.vagueHits = append(f.vagueHits, h)
		}
	}

	seen := map[string]bool{}
	for _, kind := range []string{"characterization", "safety", "third-party", "certificate", "clinical"} {
		for _, h := range a.hits["testing-"+kind] {
			if !a.disclosesTesting(h, kind) {
				continue
			}
			text := strings.ToLower(a.Blocks[h.Block].Text[h.Start:h.End])
			if seen[kind+"\x00"+text] {
				continue
			}
			seen[kind+"\x00"+text] = true
			f.Testing = append(f.Testing, TestingFact{Kind: kind, Fact: a.fact(h)})
		}
	}
	sort.SliceStable(f.Testing, func(i, j int) bool { return lessFact(f.Testing[i].Fact, f.Testing[j].Fact) })
}

func lessFact(x, y Fact) bool {
	if x.Line != y.Line {
		return x.Line < y.Line
	}
	return x.Column < y.Column
}

func sortHits(hs []Hit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].Block != hs[j].Block {
			return hs[i].Block < hs[j].Block
		}
		return hs[i].Start < hs[j].Start
	})
}

// Selling reports whether the page offers something: every kind but an
// article that promotes nothing. On such an article nothing is the
// publisher's claim, so wording rules and facts stay quiet.
func (a *Analysis) Selling() bool {
	return a.Facts.PageKind != PageArticle || a.Facts.Promotes
}

// sourceHit is a disclosed source word with its kind.
type sourceHit struct {
	Hit
	kind string
}

// disclosedSources returns the source words that disclose this product's
// origin, each detail once: a word inside a longer disclosed term
// ("umbilical" in "umbilical cord") adds nothing, and details are compared by
// their folded words, so "MSCs" and "MSC" are one.
func (a *Analysis) disclosedSources() []sourceHit {
	var all []sourceHit
	for _, kind := range []string{"human", "plant", "animal", "microbial", "synthetic"} {
		for _, h := range a.hits["source-"+kind] {
			if a.disclosesSource(h) {
				all = append(all, sourceHit{Hit: h, kind: kind})
			}
		}
	}
	inside := func(x sourceHit) bool {
		for _, y := range all {
			if y.Block == x.Block && y.Start <= x.Start && x.End <= y.End && y.End-y.Start > x.End-x.Start {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	var out []sourceHit
	for _, x := range all {
		if inside(x) {
			continue
		}
		var key strings.Builder
		key.WriteString(x.kind)
		for _, t := range a.Blocks[x.Block].Tokens[x.TokStart:x.TokEnd] {
			key.WriteByte(0)
			key.WriteString(t.Key)
		}
		if seen[key.String()] {
			continue
		}
		seen[key.String()] = true
		out = append(out, x)
	}
	return out
}
