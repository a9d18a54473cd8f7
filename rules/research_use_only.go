package rules

import (
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// ResearchUseOnly flags exosome material labeled "for research use only"
// but marketed to practitioners for treatments.
func ResearchUseOnly() *Rule {
	return &Rule{
		ID:    "research-use-only",
		Title: "\"research use only\" exosome material marketed for treatments",
		Doc: `A supplier labels its exosome material "for research use only", "not for human use", 研究用,
試薬 or 연구용, while the same page tells practitioners how to use it on patients (reconstitute,
dilute, inject, apply after microneedling, a dose per session) or claims what it does for skin or
hair. The label does not change what the product is when it is sold for treatments. Japan's MHLW
told prefectures in July 2024 to act against "exosome reagents" (エクソソーム試薬) sold to clinics
with treatment, approval-like or drug-like claims; the FDA's letters to Vitti Labs (2022) and
Evolutionary Biologics (2024) treated exosome products sold to practitioners, including through
a practitioner-only page, as unapproved drugs and biologics. An error in Japan, the US and China;
a warning elsewhere.

What satisfies it: if the material is for research, sell it to laboratories without treatment
instructions or claims; if it is for treatments, it needs the approval that use requires.`,
		Bad:       "Exosome vials, for research use only. Reconstitute with 5 mL saline and apply after microneedling, one vial per session.",
		Good:      "Exosome standard for laboratory research use only. Supplied with NTA size and concentration data; not for use in humans.",
		Severity:  Warning,
		Markets:   map[Market]Severity{JP: Error, US: Error, CN: Error},
		Citations: []string{"jp-mhlw-exosome-2024", "fda-vitti-2022", "fda-evolutionary-2024"},
		Kinds:     []PageKind{PageSupplier, PageProduct, PageCatalog, PageUnknown},
		Check:     checkResearchUseOnly,
	}
}

func checkResearchUseOnly(p *Pass) {
	if !p.Facts.ExosomeClaim || !p.Selling() {
		return
	}
	var use []Hit
	for _, h := range p.Hits("supplier-clinical-use") {
		if p.ownClaim(h) && !p.sentenceHas(h, "research-use") && !p.sentenceHas(h, "caution") {
			use = append(use, h)
		}
	}
	claims := p.copyDrugClaims()
	if len(use) == 0 && len(claims) == 0 {
		return
	}
	for _, h := range p.Hits("research-use") {
		if p.Blocks[h.Block].Region == scraper.RegionUserContent || p.InQuestion(h) || p.Attributed(h) {
			continue
		}
		why := "instructions for use on patients"
		if len(use) > 0 {
			why = fmt.Sprintf("instructions for use on patients (%q)", p.matchText(use[0]))
		} else if len(claims) > 0 {
			why = fmt.Sprintf("claims of effect (%q)", p.matchText(claims[0].Hit))
		}
		p.Reportf(h.Span(), "%q on exosome material the page markets with %s: a research label does not make a treatment product lawful; Japan (2024) and the FDA act against such reagents", p.matchText(h), why)
		return
	}
}
