package rules

import (
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// ProcedureComparison flags comparisons with Botox, fillers, injections or
// surgery.
func ProcedureComparison() *Rule {
	return &Rule{
		ID:    "procedure-comparison",
		Title: "comparison with Botox, fillers, injections or surgery",
		Doc: `"Botox in a bottle", "better than Botox", "filler-like volume", "a non-surgical facelift",
"without needles", "freezes muscle movement", 바르는 보톡스, "effetto botox senza aghi" promise the
effect of a medical procedure from a cosmetic. FDA cited "Lose your wrinkles! without painful
injections" and Botulinum comparisons in its letter to Jaba Labs (an error in the US: muscle
relaxation is a structure/function claim); the ASA found "freeze-like effects on the face
muscles" implied an injection-like effect, and CAP advises against claims that effects are similar
to surgery. A warning elsewhere.

The claim grammar also reads a procedure made unnecessary or replaced, in eleven languages: "the
same lift as fillers", "you won't need Botox again", "forget Botox", "Who needs fillers when you
have this serum?" (a rhetorical question is a claim; on a clinic page, where FAQs ask such
questions, it is not read), 보톡스 맞을 필요 없어요, もうボトックスは必要ありません.

A "needle-free facial" that describes the service, not a procedure-like result, is not flagged.

What satisfies it: describe the cosmetic result on its own terms ("smooths the look of expression
lines").`,
		Bad:       "Botox in a bottle: filler-like volume without needles.",
		Good:      "A peptide serum that smooths the look of expression lines.",
		Severity:  Warning,
		Markets:   map[Market]Severity{US: Error},
		Citations: []string{"fda-jaba-2011", "asa-mycitydeal", "cap-physiological", "kr-mfds-2025", "ftc-henderson-2018"},
		Kinds:     AllPageKinds(),
		Check:     checkProcedureComparison,
	}
}

func checkProcedureComparison(p *Pass) {
	covered := coverage{}
	for _, h := range longestFirst(p.Hits("procedure-comparison")) {
		if overlaps(covered, h) || !p.Selling() || !p.sellerCopy(h) && !p.onlyNegatedByComparison(h) || p.listsProcedures(h) {
			continue
		}
		if h.Term.Rhetorical && p.Facts.PageKind == PageClinic {
			continue // a clinic's FAQ asks "Who needs Botox?" and answers it
		}
		markCovered(covered, h)
		p.Report(Diagnostic{At: h.Span(), Message: p.ForKind(
			fmt.Sprintf("%q promises the effect of a medical procedure from a cosmetic: describe the cosmetic result instead, e.g. \"smooths the look of expression lines\"", p.matchText(h)),
			map[PageKind]string{
				PageClinic:  fmt.Sprintf("%q compares the treatment with an established procedure: such a comparison needs head-to-head evidence, and no exosome treatment has it", p.matchText(h)),
				PageUnknown: fmt.Sprintf("%q promises the effect of a medical procedure: neither a cosmetic nor an exosome treatment can show it without head-to-head evidence", p.matchText(h)),
				PageArticle: fmt.Sprintf("%q promises the effect of a medical procedure: neither a cosmetic nor an exosome treatment can show it without head-to-head evidence", p.matchText(h)),
			})})
	}
}

// listsProcedures reports "treatments like Botox" and "ボトックスのような施術":
// a treatment word right before or after the words lists procedures
// rather than comparing the product with one.
func (a *Analysis) listsProcedures(h Hit) bool {
	for _, t := range a.hitsIn("treatment-noun", h.Block) {
		if t.Block == h.Block && (t.TokEnd <= h.TokStart && h.TokStart-t.TokEnd <= 1 || t.TokStart >= h.TokEnd && t.TokStart-h.TokEnd <= 1) {
			return true
		}
	}
	return false
}

// onlyNegatedByComparison reports a hit that IsCopy rejects only because a
// comparison's own "without" stands before it.
func (a *Analysis) onlyNegatedByComparison(h Hit) bool {
	b := a.Blocks[h.Block]
	return b.Region != scraper.RegionUserContent && b.Kind != scraper.KindIngredients && a.Negated(h) && !a.negatedExcept(h, "procedure-comparison") &&
		!a.InDisclaimer(h) && !a.InQuestion(h) && !a.Quoted(h) && !a.Attributed(h)
}
