package rules

import (
	"fmt"
	"strings"
)

// ApprovalClaim flags claims of approval, registration or medical standing.
func ApprovalClaim() *Rule {
	return &Rule{
		ID:    "approval-claim",
		Title: "claim of regulatory approval or medical standing",
		Doc: `Cosmetics are not approved by the FDA, the MHRA, the EU or the MFDS, and no exosome product
of any kind is FDA-approved (FDA safety notification, 2019, and consumer alert, 2020). A
registration or listing number does not denote approval (21 CFR 720.9), and EU rules forbid
presenting legal compliance as approval (Regulation 655/2013). Korea's guideline bans hospital-
and pharmacy-use wording such as 병원용 and 피부과전용. "Not FDA approved" and "not evaluated by
the FDA" are disclaimers, not claims, and are not flagged. The claim grammar reads an approval,
clearance, certification or registration word beside an authority ("cleared by the U.S. Food and
Drug Administration", "aprobado por el Ministerio de Sanidad", 식약처 허가, 厚生労働省に承認) in
eleven languages; "made in a facility registered with the FDA" names what is registered and is
not flagged. Registration as a medicine or medical device ("registered as a medicine", 医療機器
として届出, 衛福部核准為醫療器材) is a medical claim for a cosmetic. An endorsement by a
professional body ("recommended by the French Society of Dermatology", 日本皮膚科学会推奨,
대한피부과학회 추천) is reported as a warning (an error in Korea, whose advertising guideline bans
claims that doctors or their bodies recommend a cosmetic; the FTC's Endorsement Guides want an
organisation's endorsement to reflect its collective judgment).

What satisfies it: drop the badge. If a facility is registered, say so without implying that the
product was reviewed.`,
		Bad:       "FDA-approved exosome serum, hospital-grade strength.",
		Good:      "Exosome serum made in a facility registered with the FDA; cosmetics are not FDA-approved.",
		Severity:  Error,
		Citations: []string{"fda-psn-2019", "fda-consumer-2020", "cfr-720-9", "eu-655-2013", "kr-mfds-2025", "ftc-endorsement-guides"},
		Kinds:     ProductKinds(),
		Check:     checkApprovalClaim,
	}
}

func checkApprovalClaim(p *Pass) {
	covered := coverage{}
	hits := append(append([]Hit{}, p.Hits("approval")...), p.Hits("endorsement")...)
	for _, h := range longestFirst(hits) {
		if !p.Selling() || !p.sellerCopy(h) || overlaps(covered, h) || facilityRegistered(p.Analysis, h) {
			continue
		}
		markCovered(covered, h)
		word := p.Blocks[h.Block].Text[h.Start:h.End]
		d := Diagnostic{At: h.Span()}
		switch {
		case h.Term.Group == "endorsement":
			d.Message = fmt.Sprintf("%q claims the endorsement of a professional body: say so only with its written, current endorsement of this product, and never as medical approval", word)
			d.Severity = allMarkets(Warning)
			d.Severity[KR] = Error
		case registeredFacility(p.Analysis, h):
			d.Message = fmt.Sprintf("%q describes the facility, but reads as approval of the product: registration is not approval", word)
			d.Severity = allMarkets(Info)
		case p.Facts.ExosomeClaim:
			d.Message = fmt.Sprintf("%q on an exosome product: no exosome product is approved by the FDA or any other major regulator", word)
		case isStanding(word):
			d.Message = fmt.Sprintf("%q presents %s as a medical or professional product", word, p.Offering())
			d.Severity = allMarkets(Warning)
			d.Severity[KR] = Error
		default:
			// A page of unknown kind may offer an approved drug or device,
			// so only a product page is told it cannot be approved.
			d.Message = fmt.Sprintf("%q: "+p.ForKind("cosmetics are not approved by regulators, and saying so misleads", map[PageKind]string{
				PageUnknown: "name what was approved, by whom and for what use, or leave it out: cosmetics are never approved",
				PageArticle: "name what was approved, by whom and for what use, or leave it out: cosmetics are never approved",
			}), word)
		}
		p.Report(d)
	}
}

// registeredFacility recognises "FDA-registered facility", "an FDA
// registered and GMP-certified lab" and the like: a place word within three
// words after the approval, in the same sentence.
func registeredFacility(a *Analysis, h Hit) bool {
	toks := a.Blocks[h.Block].Tokens()
	end := a.SentenceOf(h).TokEnd
	for i := h.TokEnd; i < len(toks) && i < end && i < h.TokEnd+3; i++ {
		if isFacility(toks[i].Key) {
			return true
		}
	}
	return false
}

// facilityRegistered recognises the wording the rule recommends: "made in
// a facility registered with the FDA" names the place first, and says what
// is registered.
func facilityRegistered(a *Analysis, h Hit) bool {
	toks := a.Blocks[h.Block].Tokens()
	s := a.SentenceOf(h)
	for i := max(h.TokStart-3, s.TokStart); i < h.TokStart; i++ {
		if isFacility(toks[i].Key) {
			return true
		}
	}
	return false
}

func isFacility(key string) bool {
	switch key {
	case "facility", "facilitie", "manufacturer", "lab", "laboratory", "laboratorie", "factory", "plant", "site":
		return true
	}
	return false
}

func isStanding(word string) bool {
	w := strings.ToLower(word)
	for _, s := range []string{"grade", "grado", "grau", "clinic", "professional", "dermatologist", "médic", "medic", "medizin", "tıbbi", "медицин", "병원", "피부과", "약국", "의료", "医院", "医療", "医疗", "醫療", "医用", "级", "級"} {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

func allMarkets(s Severity) map[Market]Severity {
	m := map[Market]Severity{}
	for _, mk := range AllMarkets() {
		m[mk] = s
	}
	return m
}
