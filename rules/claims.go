package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Helpers shared by the wording rules: which hits are the seller's own
// claims, which blocks carry the product name, and the drug-claim reading
// that drug-claim, testimonial-drug-claim, name-claim and
// human-derived-ingredient all rest on.

// ownClaim reports whether a hit is a claim the seller makes: on a page that
// sells rather than discusses, outside the ingredient list, and in the
// seller's own words (see IsCopy).
func (a *Analysis) ownClaim(h Hit) bool {
	return a.Selling() && a.Blocks[h.Block].Kind != scraper.KindIngredients && a.IsCopy(h)
}

// userClaim is ownClaim for reviews and testimonials: the words are a
// customer's, but the seller chose to show them. Reviews are often quoted,
// so quotation marks do not take them out.
func (a *Analysis) userClaim(h Hit) bool {
	b := a.Blocks[h.Block]
	return a.Selling() && b.Region == scraper.RegionUserContent && b.Kind != scraper.KindIngredients &&
		!a.Negated(h) && !a.InDisclaimer(h) && !a.InQuestion(h) && !a.Attributed(h)
}

// isNameBlock reports whether block i carries the product name: a
// product-name block, a title or heading that repeats the product name, or,
// in a plain-text listing with no name found, its first line.
func (a *Analysis) isNameBlock(i int) bool {
	b := a.Blocks[i]
	switch b.Kind {
	case scraper.KindProductName:
		return true
	case scraper.KindTitle, scraper.KindHeading:
		name := strings.TrimSpace(a.Doc.Product.Name)
		return name != "" && strings.Contains(b.Text, name)
	}
	// A one-paragraph text is copy, not a listing with a title line.
	if i != 0 || a.Doc.Format != "text" || strings.TrimSpace(a.Doc.Product.Name) != "" || len(a.Blocks) < 2 || len(b.Text) > 160 {
		return false
	}
	for _, o := range a.Blocks {
		if o.Kind == scraper.KindProductName {
			return false
		}
	}
	return true
}

// sentenceHas reports whether a hit of group stands in the same sentence as h.
func (a *Analysis) sentenceHas(h Hit, group string) bool {
	for _, o := range a.hits[group] {
		if a.sameSentence(o, h) {
			return true
		}
	}
	return false
}

// nearHits returns the hits of group in h's block within n sentences of it.
func (a *Analysis) nearHits(h Hit, group string, n int) []Hit {
	var out []Hit
	si := a.sentenceIndex(h)
	for _, o := range a.hits[group] {
		if o.Block == h.Block && abs(a.sentenceIndex(o)-si) <= n {
			out = append(out, o)
		}
	}
	return out
}

// blockHits returns the hits of group in block i.
func (a *Analysis) blockHits(i int, group string) []Hit {
	var out []Hit
	for _, o := range a.hits[group] {
		if o.Block == i {
			out = append(out, o)
		}
	}
	return out
}

// negatedOutside is Negated, except that a negation word inside a hit of
// group does not count: in "시술 없이 보톡스보다" (without a procedure, better
// than Botox) the "without" belongs to the claim.
func (a *Analysis) negatedOutside(h Hit, group string) bool {
	if !a.Negated(h) {
		return false
	}
	for _, n := range a.hits["negation"] {
		if n.Block != h.Block || !a.sameSentence(n, h) || a.overlapsGroup(n, group) || isNumberSign(a.Blocks[h.Block].Tokens, n) {
			continue
		}
		if n.TokEnd <= h.TokStart && h.TokStart-n.TokEnd <= 4 {
			return true
		}
		if n.TokStart >= h.TokEnd && n.TokStart-h.TokEnd <= 10 && a.isCJKHit(h) {
			return true
		}
	}
	return false
}

// overlapsGroup reports whether a hit of group covers any of h's text.
func (a *Analysis) overlapsGroup(h Hit, group string) bool {
	for _, o := range a.hits[group] {
		if o.Block == h.Block && o.Start < h.End && h.Start < o.End {
			return true
		}
	}
	return false
}

// isMarketplace reports a third-party marketplace page, whose reviews are
// written by independent buyers rather than chosen by the brand.
func (a *Analysis) isMarketplace() bool { return len(a.hits["marketplace"]) > 0 }

// isHangul reports whether the hit starts with a Korean letter.
func (a *Analysis) isHangul(h Hit) bool {
	r, _ := utf8.DecodeRuneInString(a.Blocks[h.Block].Text[h.Start:])
	return unicode.Is(unicode.Hangul, r)
}

// appearanceAfter recognises CAP's accepted form "regenerate your skin's
// appearance": the appearance noun follows the verb's object.
func (a *Analysis) appearanceAfter(h Hit) bool {
	for _, q := range a.hits["appearance"] {
		if q.Block != h.Block || !a.sameSentence(q, h) || q.TokStart < h.TokEnd || q.TokStart-h.TokEnd > 3 {
			continue
		}
		switch strings.ToLower(q.Term.Text) {
		case "appearance", "look", "the look":
			return true
		}
	}
	return false
}

// drugHit is a drug or structure/function claim; disease is set when it
// names a disease or condition.
type drugHit struct {
	Hit
	disease bool
}

// drugClaims returns the drug claims that keep passes, longest first where
// they overlap, each reported once. Appearance wording keeps a claim
// cosmetic, except for Korean, where 재생 and the like are banned whatever
// surrounds them.
func (a *Analysis) drugClaims(keep func(Hit) bool) []drugHit {
	var all []Hit
	all = append(all, a.hits["drug-disease"]...)
	all = append(all, a.hits["drug"]...)
	covered := map[[2]int]bool{}
	var out []drugHit
	for _, h := range longestFirst(all) {
		if overlaps(covered, h) || !keep(h) {
			continue
		}
		toks := a.Blocks[h.Block].Tokens
		if h.TokEnd < len(toks) && toks[h.TokEnd].Key == "prone" {
			continue // "for eczema-prone skin" describes skin, not a treatment
		}
		if !a.isHangul(h) && (a.AppearanceQualified(h) || a.appearanceAfter(h)) {
			continue
		}
		markCovered(covered, h)
		out = append(out, drugHit{Hit: h, disease: h.Term.Group == "drug-disease"})
	}
	sortDrugHits(out)
	return out
}

func sortDrugHits(hs []drugHit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].Block != hs[j].Block {
			return hs[i].Block < hs[j].Block
		}
		return hs[i].Start < hs[j].Start
	})
}

// copyDrugClaims are the drug claims in the seller's own copy, outside the
// product name (name-claim reports those).
func (a *Analysis) copyDrugClaims() []drugHit {
	return a.drugClaims(func(h Hit) bool { return a.ownClaim(h) && !a.isNameBlock(h.Block) })
}

// allMarketsFrom copies a rule's severity in every market, so a finding of
// one rule can be judged like another's.
func allMarketsFrom(r *Rule) map[Market]Severity {
	m := map[Market]Severity{}
	for _, mk := range AllMarkets() {
		m[mk] = r.SeverityIn(mk)
	}
	return m
}

// stepDown lowers each market's severity by one step (error to warning,
// warning to info); info stays info.
func stepDown(m map[Market]Severity) map[Market]Severity {
	out := map[Market]Severity{}
	for k, s := range m {
		if s > Info {
			s--
		}
		out[k] = s
	}
	return out
}

// matchText is the text of a hit.
func (a *Analysis) matchText(h Hit) string { return a.Blocks[h.Block].Text[h.Start:h.End] }
