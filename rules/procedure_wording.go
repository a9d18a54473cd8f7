package rules

// ProcedureWording flags injection, IV and microneedling wording on pages
// that sell exosomes.
func ProcedureWording() *Rule {
	return &Rule{
		ID:    "procedure-wording",
		Title: "injection, infusion or microneedling wording for an exosome product",
		Doc: `The page offers or recommends the exosome product for injection, IV infusion, microneedling,
MTS or "right after microneedling". No exosome product is approved for any of these: the FDA's
2019 notification followed infections from injected exosomes, its 2025 letter to Supreme
Rejuvenation treated exosome gels offered for injection as unlicensed biologics (an error in the
US when injection is offered), the Eastern Ontario Health Unit warns against using exosomes with
microneedling, and Korea's 2025 guideline bans 니들, 마이크로니들 and MTS on cosmetics (error).
Clinic pages are included: the product is still unapproved.

Warnings are not flagged ("Not for injection", "Do not use after microneedling"), nor are
comparisons ("without needles", "Botox in a bottle"), which are procedure-comparison's.

What satisfies it: sell the product for intact skin, and say so.`,
		Bad:       "Apply our exosome serum right after microneedling, or have your provider inject it.",
		Good:      "Apply our exosome serum to clean, intact skin. Not for injection; do not use after microneedling.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error},
		Citations: []string{"fda-psn-2019", "fda-supreme-2025", "eohu-exosomes", "kr-mfds-2025"},
		Kinds:     ProductKinds(),
		Check:     checkProcedureWording,
	}
}

func checkProcedureWording(p *Pass) {
	if !p.Facts.ExosomeClaim || !p.Selling() {
		return
	}
	var hits []Hit
	hits = append(hits, p.Hits("procedure-inject")...)
	hits = append(hits, p.Hits("procedure-use")...)
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(hits) {
		if !p.ownClaim(h) || overlaps(covered, h) || p.sentenceHas(h, "caution") || p.overlapsGroup(h, "procedure-comparison") {
			continue
		}
		markCovered(covered, h)
		d := Diagnostic{At: h.Span()}
		if h.Term.Group == "procedure-inject" {
			d.Message = "\"" + p.matchText(h) + "\": no exosome product is approved for injection or infusion; in the US an exosome product sold for injection is an unlicensed biologic"
			d.Severity = map[Market]Severity{US: Error}
		} else {
			d.Message = "\"" + p.matchText(h) + "\": exosomes used with microneedling reach broken skin, which no exosome product is approved for; Korea bans needle and MTS wording on cosmetics"
		}
		p.Report(d)
	}
}
