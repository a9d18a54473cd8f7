package rules

import "fmt"

// TreatmentApprovalClaim flags approval claims for an exosome treatment.
func TreatmentApprovalClaim() *Rule {
	return &Rule{
		ID:    "treatment-approval-claim",
		Title: "approval or registration claimed for an exosome treatment",
		Doc: `A clinic page says its exosome treatment, or the exosomes it uses, are approved, cleared or
registered: "FDA approved", "FDA-registered lab", "MHRA approved", 厚労省認可, 식약처 허가,
보건복지부 인증, 衛福部核准, 国家批准, 械字号. No exosome product is approved by the FDA ("There are
currently no FDA-approved exosome products", 2019), none was found approved in Japan, Korea,
Taiwan or China, and Taiwan's health ministry said in January 2026 that no exosome medical
advertisement has been approved. A registration or a lab's listing is not approval of the
product (21 CFR 720.9); saying so on a treatment page is still a warning. Korea's Medical Service
Act Art. 56(2) also bans claims of certification or guarantee. "Not FDA approved" and other
honest statements are not flagged.

On product pages the same wording is approval-claim's; this rule speaks to treatments.

What satisfies it: say that no exosome product is approved for this use, and where the material
comes from.`,
		Bad:       "FDA-approved exosome injections at our clinic. Book your consultation.",
		Good:      "Exosome products are not FDA-approved; ours come from a US tissue bank, and we explain the risks at your consultation.",
		Severity:  Error,
		Citations: []string{"fda-psn-2019", "fda-consumer-2020", "cfr-720-9", "kr-medical-act-56", "tw-regen-2026", "jp-mhlw-exosome-2024"},
		Kinds:     TreatmentKinds(),
		Check:     checkTreatmentApprovalClaim,
	}
}

func checkTreatmentApprovalClaim(p *Pass) {
	var hits []Hit
	hits = append(hits, p.Hits("approval")...)
	hits = append(hits, p.Hits("treatment-approval")...)
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(hits) {
		if !p.ownClaim(h) || overlaps(covered, h) {
			continue
		}
		word := p.matchText(h)
		if isVenueWord(word) {
			continue // "clinic only" on a clinic's own page says where, not what
		}
		markCovered(covered, h)
		d := Diagnostic{At: h.Span()}
		switch {
		case registeredFacility(p.Analysis, h) || isRegistration(word):
			d.Message = fmt.Sprintf("%q reads as approval of the treatment: a registration or a lab's listing is not approval, and no exosome product is approved", word)
			d.Severity = allMarkets(Warning)
		case isStanding(word):
			d.Message = fmt.Sprintf("%q presents the exosome material as a medical product: no exosome product is approved as a drug or device", word)
			d.Severity = allMarkets(Warning)
		case p.Facts.ExosomeClaim:
			d.Message = fmt.Sprintf("%q for an exosome treatment: no exosome product is approved by the FDA or by any regulator found in Japan, Korea, Taiwan or China", word)
		default:
			d.Message = fmt.Sprintf("%q: say exactly what was approved, by whom and for what, or drop the claim", word)
			d.Severity = allMarkets(Warning)
		}
		p.Report(d)
	}
}

// isRegistration reports registration and listing words, as opposed to
// approval.
func isRegistration(word string) bool {
	for _, w := range []string{"register", "listed", "compliant", "certified", "인증", "認證", "械字号"} {
		if containsFold(word, w) {
			return true
		}
	}
	return false
}

// isVenueWord reports standing words that name the place of use ("clinic
// only", 병원 전용), which a clinic may say of itself.
func isVenueWord(word string) bool {
	for _, w := range []string{"clinic", "dermatologist", "병원", "피부과", "医院", "医療機関"} {
		if containsFold(word, w) {
			return true
		}
	}
	return false
}
