package rules

// TreatmentNoRisk flags a treatment presented as free of risk.
func TreatmentNoRisk() *Rule {
	return &Rule{
		ID:    "treatment-no-risk",
		Title: "clinic treatment presented as free of risk or side effects",
		Doc: `A clinic page says its treatment has no side effects, no risk, no pain or no downtime: "no side
effects", "100% safe", "painless", 副作用なし, 絶対安全, 부작용 없이, 무통, 无副作用, "ohne
Nebenwirkungen", "sin riesgos", "без побочных эффектов". Every procedure that breaks the skin or
enters a vein carries risk, and for exosomes the record includes serious infections (FDA, 2019)
and granulomas after injection. Japan's guideline gives 「絶対安全な手術です！」 as its example of
a false ad; Korea's pre-review standard rejects 부작용 없이, 통증 없이 and 무통, and Art. 56(2)
bans leaving out serious side effects; HWG § 3 bans suggesting that no harmful effects occur;
China bans safety guarantees in medical ads; CAP asks that no procedure be presented as risk-free.

On product pages the same wording is safety-absolute's; this rule speaks to treatments.

What satisfies it: name the common side effects (redness, swelling, bruising, infection risk)
and how long recovery usually takes.`,
		Bad:       "Our clinic's exosome facial is painless with no side effects. Book your consultation.",
		Good:      "Our clinic's exosome facial may cause redness and mild swelling for a day or two; rare risks include infection. Book your consultation.",
		Severity:  Warning,
		Markets:   map[Market]Severity{JP: Error, KR: Error, EU: Error, TW: Error, CN: Error},
		Citations: []string{"jp-medical-ad-guideline", "kr-medical-act-56", "de-hwg", "cn-ad-law-16", "cap-cosmetic-interventions", "fda-psn-2019"},
		Kinds:     TreatmentKinds(),
		Check:     checkTreatmentNoRisk,
	}
}

func checkTreatmentNoRisk(p *Pass) {
	var hits []Hit
	hits = append(hits, p.Hits("safety-absolute")...)
	hits = append(hits, p.Hits("treatment-no-risk")...)
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(hits) {
		// "부작용 없이" is itself a negation; only a negation outside it
		// takes the claim back.
		if overlaps(covered, h) || !p.treatmentCopy(h) {
			continue
		}
		markCovered(covered, h)
		p.Reportf(h.Span(), "%q presents the treatment as free of risk: every procedure has side effects; name the common ones and the recovery time", p.matchText(h))
	}
}
