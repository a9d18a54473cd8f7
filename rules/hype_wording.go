package rules

import (
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// HypeWording flags too-good-to-be-true wording.
func HypeWording() *Rule {
	return &Rule{
		ID:    "hype-wording",
		Title: "too-good-to-be-true wording",
		Doc: `Words such as "miracle", "instantly erases wrinkles", "reverses aging", "10 years younger" or
"100% guaranteed" promise more than any cosmetic can prove. The ASA has upheld complaints against
"miracle" creams that "erase" wrinkles in seconds; EU Regulation 655/2013 requires that claims do
not go beyond the evidence; Korea bans "피부 나이 N세" wording and China bans absolute words such as
特效 and 奇效 on labels and in product names, so Chinese and Korean wording of this kind is an
error in those markets. The claim grammar also reads flaws that vanish ("dark spots melt away",
"Falten verschwinden"), speed and permanence ("overnight", "after one use", "for good", 一晩で),
guaranteed results and "the last cream you will ever need" or "you'll never buy another serum",
efficacy of 100 % ("100 % effective", "works in 100 % of cases", "%100 etkili") and years taken off
("-10 years", "rajeunit de 10 ans", マイナス10歳), in eleven languages. Reviews,
someone else's words, questions and negations ("no miracle claims") are not flagged.

What satisfies it: describe what a person can see or feel, with the evidence for it ("skin looks
smoother after 4 weeks in a study of 32 women").`,
		Bad:       "A miracle serum that instantly erases wrinkles.",
		Good:      "A serum that smooths the look of fine lines.",
		Severity:  Warning,
		Citations: []string{"asa-perfect-cosmetics", "asa-easylife", "eu-655-2013", "kr-mfds-2025", "cn-nmpa-labeling"},
		Kinds:     AllPageKinds(),
		Check:     checkHypeWording,
	}
}

func checkHypeWording(p *Pass) {
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(preferRewrites(p.Hits("hype"))) {
		if !p.Selling() || !p.sellerCopy(h) || p.Blocks[h.Block].Kind == scraper.KindIngredients || overlaps(covered, h) {
			continue
		}
		if p.Facts.PageKind == PageClinic && h.Term.Detail == "grammar" && p.overlapsGroup(h, "treatment-guarantee") {
			continue // a clinic's guaranteed outcome is treatment-guarantee's
		}
		markCovered(covered, h)
		word := p.Blocks[h.Block].Text[h.Start:h.End]
		msg := fmt.Sprintf("%q promises more than %s can show", word, p.Offering())
		if h.Term.Suggest != "" {
			msg += fmt.Sprintf("; say what can be seen, e.g. %q", h.Term.Suggest)
		}
		d := Diagnostic{At: h.Span(), Message: msg, Suggest: h.Term.Suggest}
		if p.isCJKHit(h) {
			// China's labeling rules ban absolute words outright, and Korea's
			// guideline bans "skin age N years" wording.
			d.Severity = map[Market]Severity{CN: Error, KR: Error}
		}
		p.Report(d)
	}
}
