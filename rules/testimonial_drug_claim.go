package rules

import "github.com/exolint/exolint/scraper"

// TestimonialDrugClaim flags drug claims in reviews and testimonials that a
// brand shows on its own page.
func TestimonialDrugClaim() *Rule {
	return &Rule{
		ID:    "testimonial-drug-claim",
		Title: "drug claim in a review or testimonial on the seller's page",
		Doc: `A review or client story on the brand's or clinic's own page says the product healed, cured or
treated something ("healed my acne scars", "cured my rosacea", 치료됐어요). Regulators count
testimonials the seller chooses to show as the seller's claims: the FDA cited a customer's "were
healed" in its 2012 letter to Skin Biology, and the ASA has upheld complaints about testimonials.
The finding is one step below drug-claim in each market (a warning where a drug claim is an
error), since the seller did not write the words.

A customer's words quoted in the seller's own copy ("This cured my eczema!" — Anna, a customer)
are the seller's claim: the FTC's Endorsement Guides (16 CFR 255) and CAP rules 3.45-3.47 hold the
advertiser to the claims in the testimonials it uses. They are judged like drug-claim, without the
step down. Independent reviews on third-party marketplaces (Amazon, Etsy, eBay) are not the
seller's choice and are not flagged.

What satisfies it: moderate reviews that make treatment claims, or do not feature them.`,
		Bad:       "Customer reviews\n\"This serum healed my acne scars in a month.\" — Anna",
		Good:      "Customer reviews\n\"My skin looks smoother and feels soft.\" — Anna",
		Severity:  Warning,
		Markets:   map[Market]Severity{EU: Info, UK: Info, CA: Info},
		Citations: []string{"fda-skin-biology-2012", "fda-drug-claims-letters", "cap-12-1", "ftc-endorsement-guides", "cap-testimonials"},
		Kinds:     ProductKinds(),
		Check:     checkTestimonialDrugClaim,
	}
}

func checkTestimonialDrugClaim(p *Pass) {
	if p.isMarketplace() {
		return
	}
	drug := allMarketsFrom(DrugClaim())
	for _, h := range p.testimonialDrugClaims() {
		d := drugDiagnostic(p, h)
		sev := map[Market]Severity{}
		for m, s := range drug {
			sev[m] = s
		}
		for m, s := range d.Severity {
			sev[m] = s
		}
		if p.Blocks[h.Block].Region == scraper.RegionUserContent {
			d.Message = "in a review on the seller's own page, " + d.Message + "; a seller answers for the testimonials it shows"
			d.Severity = stepDown(sev)
		} else {
			// Quoted in the seller's own copy: the seller chose and
			// published these words as its advertising.
			d.Message = "in a testimonial quoted in the seller's copy, " + d.Message + "; the seller answers for it as for its own claim"
			d.Severity = sev
		}
		p.Report(d)
	}
}
