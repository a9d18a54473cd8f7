package rules

import (
	"strings"
	"unicode"

	"github.com/exolint/exolint/scraper"
)

// Helpers the clinic and supplier rules share: which wording is tied to the
// exosome treatment, what language a page is written in, and the severities
// medical advertising law gives per market.

// evTreatmentNear reports whether an exosome claim stands with the hit: in
// the same or a neighbouring sentence of its block, or in the heading of
// its section ("Exosome injections" over a price list).
func (a *Analysis) evTreatmentNear(h Hit) bool {
	for _, c := range a.Facts.ClaimHits() {
		if c.Block == h.Block && abs(a.sentenceIndex(c)-a.sentenceIndex(h)) <= 1 {
			return true
		}
	}
	if hd := a.sectionHeading(h.Block); hd >= 0 {
		for _, c := range a.Facts.ClaimHits() {
			if c.Block == hd {
				return true
			}
		}
	}
	return false
}

// sectionHeading returns the nearest heading (or product name) before block
// i, within a few blocks, or -1.
func (a *Analysis) sectionHeading(i int) int {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		switch a.Blocks[j].Kind {
		case scraper.KindHeading, scraper.KindProductName:
			return j
		}
	}
	return -1
}

// pageScript says which writing system a page's own copy is mostly in:
// "ja" when it has kana, "ko" when it has Hangul, "zh" for Han alone, ""
// otherwise. The Japanese and Korean advertising rules follow the page's
// language: a clinic's site in Japanese is advertising in Japan.
func (a *Analysis) pageScript() string {
	var kana, hangul, han int
	for _, b := range a.Blocks {
		if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
			continue
		}
		for _, r := range b.Text {
			switch {
			case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
				kana++
			case unicode.Is(unicode.Hangul, r):
				hangul++
			case unicode.Is(unicode.Han, r):
				han++
			}
		}
	}
	switch {
	case kana >= 10 && kana >= hangul:
		return "ja"
	case hangul >= 10:
		return "ko"
	case han >= 10:
		return "zh"
	}
	return ""
}

// onlyIn makes a finding apply in the given markets alone.
func onlyIn(s Severity, markets ...Market) map[Market]Severity {
	m := allMarkets(Off)
	for _, mk := range markets {
		m[mk] = s
	}
	return m
}

// offersInjectionOfEV reports a clinic page that injects or infuses the
// exosomes (not microneedling): the UK, EU and US positions are stricter
// then.
func (a *Analysis) offersInjectionOfEV() bool {
	for _, h := range a.hits["treatment-inject"] {
		if a.IsCopy(h) && a.evTreatmentNear(h) {
			return true
		}
	}
	return false
}

// negatedExcept is Negated, except that a negation word inside a hit of one
// of groups does not count: in "피부 재생과 흉터 치료까지, 부작용 없이" the
// "없" belongs to "부작용 없이", not to 재생; in "Sin dolor y con
// resultados garantizados" the "sin" belongs to "sin dolor"; and in "시술
// 없이 보톡스보다" (without a procedure, better than Botox) the "without"
// belongs to the comparison.
func (a *Analysis) negatedExcept(h Hit, groups ...string) bool {
	if !a.Negated(h) {
		return false
	}
	toks := a.Blocks[h.Block].Tokens()
	for _, n := range a.hitsIn("negation", h.Block) {
		if n.Block != h.Block || !a.sameSentence(n, h) || isNumberSign(toks, n) {
			continue
		}
		inside := false
		for _, g := range groups {
			inside = inside || a.overlapsGroup(n, g)
		}
		if inside {
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

// noRiskGroups are the wording that carries its own negation ("no side
// effects", "부작용 없이", "sin dolor").
func noRiskGroups() []string { return []string{"safety-absolute", "treatment-no-risk"} }

// treatmentCopy is ownClaim for clinic wording: a negation that belongs to
// a no-risk phrase ("부작용 없이", "sin dolor") or to the hit itself ("no
// side effects") does not take the claim back.
func (a *Analysis) treatmentCopy(h Hit) bool {
	b := a.Blocks[h.Block]
	// A quotation keeps wording out when it holds someone else's words (a
	// regulator, a patient: treatment-testimonial has those), not the
	// clinic's own strings (a price list's "description: '…'").
	if !a.Selling() || b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients ||
		a.InDisclaimer(h) || a.InQuestion(h) || a.Quoted(h) && a.quoteVoice(h) != sellerVoice || a.Attributed(h) {
		return false
	}
	return !a.negatedExcept(h, append(noRiskGroups(), h.Term.Group)...)
}

// diseaseNear reports a disease or condition named in the hit's sentence.
func (a *Analysis) diseaseNear(h Hit) bool {
	for _, d := range a.hitsIn("drug-disease", h.Block) {
		if a.sameSentence(d, h) && a.IsCopy(d) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains sub, ignoring ASCII case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
