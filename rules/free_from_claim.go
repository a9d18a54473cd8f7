package rules

import "github.com/exolint/exolint/scraper"

// FreeFromClaim flags free-from claims that the EU's claims guidance does not
// accept.
func FreeFromClaim() *Rule {
	return &Rule{
		ID:    "free-from-claim",
		Title: "free-from claim that denigrates legal ingredients",
		Doc: `"Paraben-free", "free from silicones", "no nasties", "free from harsh chemicals" or "free from
heavy metals" imply that legally used ingredients are harmful, or present plain legal compliance
(heavy metals and corticosteroids are banned anyway) as a benefit. The EU Technical Document on
Cosmetic Claims (Annex III, applied since July 2019) lists these as unacceptable under the
fairness and legal-compliance criteria of Regulation 655/2013, which the UK retains. The rule
applies to the EU and UK only; elsewhere it is off.

"Fragrance-free" for a product without perfuming ingredients, and "not tested on animals", are
factual and not flagged.

What satisfies it: say what the product is and does, not what it lacks.`,
		Bad:       "Paraben-free, silicone-free and free from harsh chemicals.",
		Good:      "Fragrance-free and suitable for sensitive skin.",
		Severity:  Warning,
		Markets:   map[Market]Severity{US: Off, KR: Off, JP: Off, CN: Off, TW: Off, CA: Off},
		Citations: []string{"eu-claims-technical-2017", "eu-655-2013"},
		Kinds:     AllPageKinds(),
		Check:     checkFreeFromClaim,
	}
}

func checkFreeFromClaim(p *Pass) {
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(p.Hits("free-from")) {
		if !p.Selling() || p.Blocks[h.Block].Kind == scraper.KindIngredients || overlaps(covered, h) {
			continue
		}
		if p.Blocks[h.Block].Region == scraper.RegionUserContent || p.InQuestion(h) || p.Quoted(h) || p.Attributed(h) || p.InDisclaimer(h) {
			continue
		}
		markCovered(covered, h)
		p.Reportf(h.Span(), "%q implies that legally used ingredients are harmful, or presents legal compliance as a benefit (EU claims guidance, Annex III)", p.matchText(h))
	}
}
