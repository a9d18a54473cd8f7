package rules

import "github.com/exolint/exolint/scraper"

// ParticleCountClaim flags exosome counts given without a method and a
// per-volume unit.
func ParticleCountClaim() *Rule {
	return &Rule{
		ID:    "particle-count-claim",
		Title: "exosome count without a method or per-volume unit",
		Doc: `"200 billion exosomes", "10,000x more exosomes", 엑소좀 50억 개 or 100億個 sound precise but
cannot be checked: a particle count depends on the method (nanoparticle tracking analysis, TRPS,
flow cytometry), counts every particle of the right size, not only vesicles, and means nothing
without the volume it was measured in. MISEV2018 asks for particle number per volume by a named
method, alongside protein markers. The FDA's 2025 letter to Supreme Rejuvenation concerned gels
sold as "100 Billion Exosomes".

A count given with its method and a per-volume unit ("2 × 10^9 particles/mL by NTA") is not
flagged.

What satisfies it: give the concentration per mL with the method, or drop the number.`,
		Bad:       "Each vial contains 25 billion exosomes.",
		Good:      "Each vial contains 5 × 10^9 particles/mL, measured by nanoparticle tracking analysis.",
		Severity:  Warning,
		Citations: []string{"misev2018", "fda-supreme-2025"},
		Kinds:     AllPageKinds(),
		Check:     checkParticleCountClaim,
	}
}

func checkParticleCountClaim(p *Pass) {
	if !p.Facts.ExosomeClaim || !p.Selling() {
		return
	}
	for _, h := range p.Hits("particle-count") {
		if !p.Selling() || p.Blocks[h.Block].Kind == scraper.KindIngredients || !p.IsCopy(h) {
			continue
		}
		// A bare "billion" is a count of exosomes only with an EV word
		// beside it; "1,008 growth factors" says what it counts.
		if h.Term.Text != "{n} growth factors" && !evInSentence(p.Analysis, h) {
			continue
		}
		method := len(p.nearHits(h, "testing-characterization", 1)) > 0
		unit := len(p.nearHits(h, "particle-unit", 1)) > 0
		if method && unit {
			continue
		}
		p.Reportf(h.Span(), "%q cannot be checked: give the concentration per mL and the method (e.g. \"2 × 10^9 particles/mL by NTA\")", p.matchText(h))
	}
}

// evInSentence reports an EV word in h's sentence, or anywhere in a short
// block such as a product name.
func evInSentence(a *Analysis, h Hit) bool {
	for _, g := range []string{"ev-claim", "ev-claim-weak"} {
		if a.sentenceHas(h, g) {
			return true
		}
	}
	return false
}
