package rules

import "fmt"

// InjectedExosomeTreatment flags exosomes injected, infused or needled into
// patients at a clinic.
func InjectedExosomeTreatment() *Rule {
	return &Rule{
		ID:    "injected-exosome-treatment",
		Title: "exosomes injected, infused or microneedled at a clinic",
		Doc: `A clinic offers exosomes by injection, IV drip, intradermal "skin booster" or microneedling:
"exosome injections", "IV exosome therapy", エクソソーム点滴, 엑소좀 주사, 물광주사, 스킨부스터,
外泌体注射, "Exosomen-Injektion". No exosome product is approved for any of these. Most exosome
products on the market are cosmetics, and Korea's MFDS said in January 2023 that cosmetics must not
be injected; a Seoul court upheld in 2025 the suspension of a doctor who injected a cosmetic
exosome. An injected or infused exosome product is an unauthorised medicine in the UK (Human
Medicines Regulations reg. 279) and the EU (HWG § 3a); Taiwan has approved no exosome treatment
and China no exosome drug or device: errors there. In the US exosomes for injection are
unlicensed biologics (FDA 2019; Supreme Rejuvenation 2025): a warning, an error when the page also
names a disease. Microneedling puts the product into broken skin: a warning, an error in Korea,
Taiwan and China. Japan allows such free-practice treatments with the disclosures its guideline
requires (jp-unapproved-disclosure): info here.

On product pages procedure-wording reports use wording; this rule speaks to treatments.

What satisfies it: use exosome material approved for the route, or apply it to intact skin, and
say which product it is and what it is approved for.`,
		Bad:       "Our clinic offers exosome skin booster injections into the dermis, 3 sessions. Book your consultation.",
		Good:      "Our clinic offers an exosome mask applied to intact skin after cleansing, 3 sessions. Book your consultation.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error, TW: Error, CN: Error, UK: Error, EU: Error, JP: Info},
		Citations: []string{"kr-mfds-injection-2023", "kr-court-asce-2025", "uk-hmr-2012", "de-hwg", "fda-psn-2019", "fda-supreme-2025", "tw-regen-2026", "eohu-exosomes"},
		Kinds:     TreatmentKinds(),
		Check:     checkInjectedExosomeTreatment,
	}
}

func checkInjectedExosomeTreatment(p *Pass) {
	if !p.Facts.ExosomeClaim {
		return
	}
	disease := false
	for _, h := range p.Hits("drug-disease") {
		disease = disease || p.ownClaim(h)
	}
	seen := map[[2]int]bool{} // one finding per sentence
	covered := map[[2]int]bool{}
	report := func(h Hit, needling bool) {
		key := [2]int{h.Block, p.sentenceIndex(h)}
		if seen[key] || overlaps(covered, h) || !p.ownClaim(h) || p.sentenceHas(h, "caution") || p.overlapsGroup(h, "procedure-comparison") || !p.evTreatmentNear(h) {
			return
		}
		seen[key] = true
		markCovered(covered, h)
		word := p.matchText(h)
		if needling {
			p.Reportf(h.Span(), "%q: the exosomes go into broken skin; no exosome product is approved for that, and Korea bars cosmetics from needle use", word)
			return
		}
		d := Diagnostic{At: h.Span(), Message: fmt.Sprintf("%q: exosomes injected or infused; no exosome product is approved for it, cosmetics may not be injected (Korea, 2023), and an injected exosome product is an unauthorised medicine in the UK and EU and an unlicensed biologic in the US", word)}
		if disease {
			d.Severity = map[Market]Severity{US: Error, CA: Error}
		}
		p.Report(d)
	}
	for _, h := range longestFirst(p.Hits("treatment-inject")) {
		report(h, false)
	}
	for _, h := range longestFirst(p.Hits("treatment-needling")) {
		report(h, true)
	}
}
