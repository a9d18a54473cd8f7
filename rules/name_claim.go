package rules

import "fmt"

// NameClaim flags product names that carry a drug, approval, procedure or
// hype claim.
func NameClaim() *Rule {
	return &Rule{
		ID:    "name-claim",
		Title: "product name that carries a claim",
		Doc: `The product name itself makes a claim: a drug claim ("Heals Eczema", "ReGrow", "for Acne
Scars"), an approval ("FDA Registered", "[병원용]", 医院专用), a procedure comparison ("Line
Freeze", "Effetto Botox", 바르는 보톡스) or hype ("Miracle", 特效, "No.1"). CAP advises that names
must not make claims the copy could not; China's naming guide bans absolute and medical terms in
names; Korea's 2025 guideline counts ad titles when judging an advertisement. A name is also
what marketplaces, search results and shelf labels show without any qualifying copy.

The finding is placed on the name and judged like the claim it carries. "Stem Cell" and particle
counts in a name are left to stem-cell-implication and particle-count-claim.

What satisfies it: a name that says what the product is ("Rose EV Serum", "Peptide Line Serum").`,
		Bad:       "Miracle Exosome Repair Serum\nA light serum with rose callus extracellular vesicles.",
		Good:      "Rose EV Serum\nA light serum with rose callus extracellular vesicles.",
		Severity:  Warning,
		Citations: []string{"cap-anti-ageing", "cn-nmpa-labeling", "kr-mfds-2025", "fda-drug-claims-letters"},
		Kinds:     AllPageKinds(),
		Check:     checkNameClaim,
	}
}

func checkNameClaim(p *Pass) {
	if !p.Selling() {
		return
	}
	inName := func(h Hit) bool { return p.isNameBlock(h.Block) && p.IsCopy(h) }
	covered := map[[2]int]bool{}
	report := func(h Hit, what string, sev map[Market]Severity) {
		if overlaps(covered, h) {
			return
		}
		markCovered(covered, h)
		p.Report(Diagnostic{
			At:       h.Span(),
			Message:  fmt.Sprintf("the product name carries %s: %q", what, p.matchText(h)),
			Severity: sev,
		})
	}
	drug := allMarketsFrom(DrugClaim())
	for _, h := range p.drugClaims(inName) {
		sev := drug
		if h.disease {
			sev = allMarketsFrom(DrugClaim())
			sev[EU], sev[UK] = Error, Error
		}
		report(h.Hit, "a drug claim", sev)
	}
	groups := []struct {
		group, what string
		rule        *Rule
	}{
		{"approval", "an approval claim", ApprovalClaim()},
		{"procedure-comparison", "a procedure comparison", ProcedureComparison()},
		{"hype", "hype wording", HypeWording()},
	}
	for _, g := range groups {
		for _, h := range longestFirst(p.Hits(g.group)) {
			if !inName(h) {
				continue
			}
			sev := allMarketsFrom(g.rule)
			if g.group == "hype" && p.isCJKHit(h) {
				sev[CN], sev[KR] = Error, Error
			}
			report(h, g.what, sev)
		}
	}
}
