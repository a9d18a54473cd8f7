package rules

// StemCellImplication flags wording that implies a product contains stem
// cells.
func StemCellImplication() *Rule {
	return &Rule{
		ID:    "stem-cell-implication",
		Title: "wording that implies the product contains stem cells",
		Doc: `"Stem cell serum", "stem cell cream", "contains stem cells", 줄기세포 함유, 줄기세포 화장품 or
ヒト幹細胞化粧品 tell the buyer that living stem cells are in the jar. They are not: what a
cosmetic can hold is culture media, supernatant, a plant cell culture extract or vesicles. Korea's
MFDS named "contains stem cells" and "stem cell cosmetic" among the false ads it found in 2013 and
2019 (error in KR), Japan treats "human stem cell cosmetic" as exaggerated advertising (error in
JP), the ASA upheld a complaint that "apple stem cell" wording made buyers expect self-renewal,
and FDA letters to "stem cell" skin care cite claims to awaken the skin's own stem cells.

"Exosomes derived from adipose stem cells" states a source, not the content, and is not flagged.

What satisfies it: name what is actually in the product ("apple fruit cell culture extract",
"conditioned media from …", "extracellular vesicles from …").`,
		Bad:       "Our apple stem cell serum for younger-looking skin.",
		Good:      "Our serum with apple fruit cell culture extract for younger-looking skin.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error, JP: Error},
		Citations: []string{"kr-mfds-2019", "jp-mhlw-stemcell", "asa-go-groopie", "fda-jaba-2011"},
		Kinds:     AllPageKinds(),
		Check:     checkStemCellImplication,
	}
}

func checkStemCellImplication(p *Pass) {
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(p.Hits("stem-cell-product")) {
		if !p.ownClaim(h) || overlaps(covered, h) {
			continue
		}
		markCovered(covered, h)
		p.Reportf(h.Span(), "%q implies the product contains stem cells, which no cosmetic can: name what it contains (culture media, cell culture extract, vesicles) and where it comes from", p.matchText(h))
	}
}
