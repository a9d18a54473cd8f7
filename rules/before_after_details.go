package rules

import (
	"fmt"
	"strings"
)

// BeforeAfterDetails flags before/after cases on clinic pages, and in Japan
// those without the treatment, its sessions, cost and risks.
func BeforeAfterDetails() *Rule {
	return &Rule{
		ID:    "before-after-details",
		Title: "before/after cases on a clinic page",
		Doc: `A clinic page shows before/after cases or photos: "Before & After", ビフォーアフター, 症例写真,
시술 전후, 術前術後, 术前术后, "Vorher-Nachher", "antes y después". Japan's advertising guideline
allows them only with a detailed explanation beside each case of the treatment normally needed,
its sessions and length, its cost, and its main risks and side effects: an error when any is
missing. Taiwan (MOHW orders of 2016) and China (SAMR 2021) ban before/after comparisons in medical
ads outright (error). Germany bans them for cosmetic procedures outside professional circles
(HWG § 11; BGH 2024 and 2025 for injections): an error when the page injects, else a warning.
The ASA found that "Results may vary" does not cure a misleading before/after, and the FTC does
not accept "results not typical" (warning in the UK and US); Korea requires pre-review (warning).

The finding names the details that are missing near the case (treatment, sessions or length,
cost, risks).

What satisfies it: in Japan, give the four details beside every case; in Taiwan, China and, for
injections, Germany, show no before/after; elsewhere show typical results and the details.`,
		Bad:       "Exosome facial at our clinic. Book your consultation.\nBefore & After\nResults after one month.",
		Good:      "Exosome facial at our clinic. Book your consultation.\nWhat to expect: 3 sessions over 6 weeks, $450 per session. Main risks: redness, swelling, infection.",
		Severity:  Warning,
		Markets:   map[Market]Severity{TW: Error, CN: Error},
		Citations: []string{"jp-medical-ad-guideline", "jp-gentei-kaijo", "tw-medical-care-act", "cn-samr-aesthetic-2021", "de-hwg", "asa-laser-clinic", "ftc-endorsement-2023"},
		Kinds:     TreatmentKinds(),
		Check:     checkBeforeAfterDetails,
	}
}

func checkBeforeAfterDetails(p *Pass) {
	if !p.Selling() {
		return
	}
	injected := p.offersInjectionOfEV()
	done := map[int]bool{}
	for _, h := range longestFirst(p.Hits("before-after")) {
		if done[h.Block] || p.Negated(h) || p.InQuestion(h) || p.Attributed(h) {
			continue
		}
		from, to := h.Block, p.sectionEnd(h.Block)
		if hd := p.sectionHeading(h.Block); hd >= 0 && hd >= h.Block-3 {
			from = hd
		}
		for i := from; i <= to; i++ {
			done[i] = true
		}
		missing := p.missingCaseDetails(from, to)
		sev := map[Market]Severity{JP: Off, EU: Warning}
		if len(missing) > 0 {
			sev[JP] = Error
		}
		if injected {
			sev[EU] = Error
		}
		msg := "before/after cases in a medical ad: banned in Taiwan and China, and for injected cosmetic procedures in Germany; elsewhere they need typical results"
		if len(missing) > 0 {
			msg += fmt.Sprintf("; Japan also requires, beside each case, the %s", strings.Join(missing, ", "))
		}
		p.Report(Diagnostic{At: h.Span(), Message: msg, Severity: sev})
	}
}

// disclosesRisk reports risk or side-effect words in blocks from..to that
// name risks rather than deny them ("副作用なし", "no side effects").
func (a *Analysis) disclosesRisk(from, to int) bool {
	for i := from; i <= to; i++ {
		for _, h := range a.blockHits(i, "treatment-risk") {
			inClaim := false
			for _, g := range noRiskGroups() {
				inClaim = inClaim || a.overlapsGroup(h, g)
			}
			if !inClaim && !a.Negated(h) {
				return true
			}
		}
	}
	return false
}

// missingCaseDetails lists the details Japan's guideline asks for beside a
// case that blocks from..to do not give.
func (a *Analysis) missingCaseDetails(from, to int) []string {
	has := func(groups ...string) bool {
		for i := from; i <= to; i++ {
			for _, g := range groups {
				if len(a.blockHits(i, g)) > 0 {
					return true
				}
			}
		}
		return false
	}
	price := false
	for i := from; i <= to && !price; i++ {
		price = len(findPrices(a.Blocks[i].Text)) > 0
	}
	var missing []string
	if !has("kind-treatment", "ev-claim", "treatment-inject", "treatment-needling") {
		missing = append(missing, "treatment")
	}
	if !has("treatment-sessions") {
		missing = append(missing, "sessions and length")
	}
	if !price {
		missing = append(missing, "cost")
	}
	if !a.disclosesRisk(from, to) {
		missing = append(missing, "main risks and side effects")
	}
	return missing
}
