package rules

import (
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Which origin words disclose where this product's exosomes come from. By
// the labeling conventions, a tissue or organism named for the exosomes is a
// disclosure; a generic "exosomes can come from plants, animals or humans",
// the origin of another ingredient ("salmon-derived PN", "bacterial
// toxins") and a word that merely describes the target cells are not.

// mentionsVagueSource reports a vague origin ("stem cell", "culture
// supernatant") in the copy next to an EV claim. A generic list does not
// excuse it: "exosomes from plant or human stem cells" is still vague.
func (a *Analysis) mentionsVagueSource(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients || a.Negated(h) || a.InQuestion(h) {
		return false
	}
	return a.evNear(h)
}

// disclosesSource reports whether a source hit names the origin of the
// page's exosomes.
func (a *Analysis) disclosesSource(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || a.Negated(h) || a.InQuestion(h) {
		return false
	}
	if b.Kind == scraper.KindIngredients {
		return a.evNear(h)
	}
	// "vesicles built from plant phospholipids": the word names a raw
	// material, not where the vesicles come from.
	if h.TokEnd < len(b.Tokens) {
		switch b.Tokens[h.TokEnd].Key {
		case "phospholipid", "lipid", "oil", "butter", "wax", "extract", "water", "glycerin", "squalane", "sugar":
			return false
		}
	}
	if a.bindsOtherIngredient(h) || a.genericSources(h) {
		return false
	}
	// A generic word ("plant", "human", "donor", "bacterial") discloses only
	// where it is tied to the exosomes in the sentence; a tissue or a taxon
	// ("umbilical cord", "Lactobacillus") anywhere beside the claim does.
	if a.sameSpanIn(h, "source-weak") {
		return a.boundToEV(h)
	}
	return a.evNear(h)
}

// sameSpanIn reports whether a hit of group covers exactly h's words: "donor"
// is weak, "donor stem cells" is not.
func (a *Analysis) sameSpanIn(h Hit, group string) bool {
	for _, o := range a.hits[group] {
		if o.Block == h.Block && o.Start == h.Start && o.End == h.End {
			return true
		}
	}
	return false
}

// evNear reports whether an EV word (or, in ingredient lists, a culture-media
// word) stands near the hit: in the same sentence or the next or previous one
// of copy, or within a few words of an ingredient name.
func (a *Analysis) evNear(h Hit) bool {
	b := a.Blocks[h.Block]
	groups := []string{"ev-claim", "ev-claim-weak"}
	if b.Kind == scraper.KindIngredients {
		groups = append(groups, "source-vague")
	}
	si := a.sentenceIndex(h)
	for _, g := range groups {
		for _, e := range a.hits[g] {
			if e.Block != h.Block {
				continue
			}
			if b.Kind == scraper.KindIngredients {
				if abs(e.TokStart-h.TokStart) <= 8 && !crossesSeparator(b.Text, h, e) {
					return true
				}
				continue
			}
			if d := a.sentenceIndex(e) - si; d >= -1 && d <= 1 {
				return true
			}
		}
	}
	return false
}

// boundToEV reports an origin word tied to an EV word in its sentence: right
// before it ("plant exosomes", "human umbilical cord MSC exosomes", "식물 유래
// 엑소좀"), or after it with a word of derivation between ("exosomes derived
// from human adipose tissue", "vesicles isolated from donated cord").
func (a *Analysis) boundToEV(h Hit) bool {
	before, after := 4, 10
	if a.isCJKHit(h) {
		before, after = 10, 16 // every CJK character is a token
	}
	for _, g := range []string{"ev-claim", "ev-claim-weak"} {
		for _, e := range a.hits[g] {
			if !a.sameSentence(e, h) {
				continue
			}
			if e.TokStart >= h.TokEnd && e.TokStart-h.TokEnd <= before {
				return true
			}
			if e.TokEnd <= h.TokStart && h.TokStart-e.TokEnd <= after && a.derivesRightAfter(e, h) {
				return true
			}
		}
	}
	return false
}

// derivesRightAfter reports an EV word followed at once by a word of
// derivation, with at most a verb or relative word before it ("exosomes
// derived from", "vesicles that are isolated from", "exosomas de"), and the
// origin after it. "Exosomes carry microRNA from donor cells" does not
// derive the exosomes from anything.
func (a *Analysis) derivesRightAfter(e, h Hit) bool {
	toks := a.Blocks[e.Block].Tokens
	for i, skipped := e.TokEnd, 0; i < h.TokStart; i++ {
		if a.tokenIn(e.Block, i, "source-derivation") {
			return true
		}
		if !isLinkWord(toks[i].Key) || skipped == 2 {
			return false
		}
		skipped++
	}
	return false
}

// tokenIn reports whether token i of block b starts or lies inside a hit of
// group.
func (a *Analysis) tokenIn(b, i int, group string) bool {
	for _, d := range a.hits[group] {
		if d.Block == b && d.TokStart <= i && i < d.TokEnd {
			return true
		}
	}
	return false
}

// isLinkWord reports verbs and relative words that may stand between an EV
// word and its derivation ("exosomes that are derived from").
func isLinkWord(k string) bool {
	switch k {
	case "are", "is", "were", "was", "which", "that", "been", "being", "have", "has", "naturally", "directly",
		"son", "sont", "sind", "werden", "sono", "são", "que", "qui", "die", "che", "которые", "и":
		return true
	}
	return false
}

// derivationBetween reports a word of derivation ("from", "derived",
// "isolated", "secreted by", "de", "aus", "из") between two hits of a block.
func (a *Analysis) derivationBetween(x, y Hit) bool {
	for _, d := range a.hits["source-derivation"] {
		if d.Block == x.Block && d.TokStart >= x.TokEnd && d.TokEnd <= y.TokStart {
			return true
		}
	}
	return false
}

// bindsOtherIngredient reports an origin word that belongs to another
// ingredient: the first ingredient or EV word after it is not an EV word
// ("salmon-derived PN", "연어 유래 PN", "bacterial toxins", "rose extract"),
// or an ingredient stands just before it with a word of derivation between
// ("PDRN derived from salmon").
func (a *Analysis) bindsOtherIngredient(h Hit) bool {
	window := 5
	if a.isCJKHit(h) {
		window = 12
	}
	next, nextIsEV := -1, false
	prevOther := false
	for _, g := range []string{"ev-claim", "ev-claim-weak", "source-other-ingredient"} {
		for _, o := range a.hits[g] {
			if !a.sameSentence(o, h) {
				continue
			}
			isEV := g != "source-other-ingredient"
			if o.TokStart >= h.TokEnd && o.TokStart-h.TokEnd <= window {
				if next < 0 || o.TokStart < next || o.TokStart == next && isEV {
					next, nextIsEV = o.TokStart, isEV
				}
			}
			if !isEV && o.TokEnd <= h.TokStart && h.TokStart-o.TokEnd <= 4 && a.derivationBetween(o, h) {
				prevOther = true
			}
		}
	}
	if next >= 0 {
		return !nextIsEV
	}
	return prevOther
}

// genericSources reports a sentence that lists origins exosomes can have
// rather than the one this product's have: two kinds or more joined by "or",
// or framed as a range ("including", "such as", "can be", "various"): "Exosomes
// are released by all cells, including plant, animal and human cells";
// "exosomes derived from plant or human stem cells are used".
func (a *Analysis) genericSources(h Hit) bool {
	kinds := map[string]bool{}
	for _, kind := range []string{"human", "plant", "animal", "microbial", "synthetic"} {
		for _, s := range a.hits["source-"+kind] {
			if a.sameSentence(s, h) && !a.Negated(s) {
				kinds[kind] = true
				break
			}
		}
	}
	if len(kinds) < 2 {
		return false
	}
	for _, g := range a.hits["source-generic"] {
		if a.sameSentence(g, h) {
			return true
		}
	}
	return false
}

// crossesSeparator reports whether an ingredient-list separator stands
// between two hits, so "Rose Water, Human … Exosomes" does not join the two.
func crossesSeparator(text string, x, y Hit) bool {
	lo, hi := x.End, y.Start
	if y.Start < x.Start {
		lo, hi = y.End, x.Start
	}
	if lo >= hi {
		return false
	}
	return strings.ContainsAny(text[lo:hi], ",;\n、，•")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
