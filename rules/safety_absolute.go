package rules

import "strings"

// SafetyAbsolute flags guarantees of safety.
func SafetyAbsolute() *Rule {
	return &Rule{
		ID:    "safety-absolute",
		Title: "absolute safety claim",
		Doc: `"100% safe", "no side effects", "safe for everyone", "hypoallergenic" with nothing behind it,
无任何副作用 or "без побочных эффектов" guarantee what no cosmetic can: any product can irritate
someone. The EU Technical Document on Cosmetic Claims (Annex IV) allows "hypoallergenic" only
with robust evidence of very low allergenic potential and never as a guarantee; China's labeling
measures forbid asserting or guaranteeing safety (an error there). For exosome products the record
is worse than for most cosmetics: the FDA's 2019 notification followed serious infections.

The claim grammar also reads absolutes with a safety word ("completely harmless", 绝对安全),
safety or harmlessness promised to everyone or in pregnancy ("safe for newborns", "so harmless you
could use it on a newborn"), use "without worry" by pregnant or nursing women, babies or children
("with peace of mind", bedenkenlos, 안심하고, 放心使用), reactions declared impossible ("cannot
cause an allergy", "Allergie ausgeschlossen", "no chance of breakouts"), and no or zero harm or
contraindications ("zero risk", "no contraindications", 부작용이 전혀 없습니다, "no tiene ningún
riesgo") in eleven languages. A qualified report ("no serious side effects were seen"), a
condition ("if you are allergic to nuts, you cannot use it") and a hedge ("we cannot guarantee
there will be no reaction") are not guarantees. Clinic pages have treatment-no-risk, which reads
the same wording.

"Hypoallergenic" next to its evidence (a repeat insult patch test with its size) is not flagged.

What satisfies it: say what was tested and how ("patch tested on 50 adults with sensitive skin,
no reactions"), and advise a patch test.`,
		Bad:       "100% safe with zero side effects.",
		Good:      "Patch tested on 50 adults with sensitive skin. Patch test before first use.",
		Severity:  Warning,
		Markets:   map[Market]Severity{CN: Error},
		Citations: []string{"eu-claims-technical-2017", "cn-nmpa-labeling", "fda-psn-2019"},
		Kinds:     ProductKinds(),
		Check:     checkSafetyAbsolute,
	}
}

func checkSafetyAbsolute(p *Pass) {
	covered := coverage{}
	for _, h := range longestFirst(p.Hits("safety-absolute")) {
		if !p.ownClaim(h) || overlaps(covered, h) {
			continue
		}
		if strings.EqualFold(h.Term.Text, "hypoallergenic") && (supportedSafety(p.Analysis, h) || describesIngredient(p.Analysis, h)) {
			continue
		}
		markCovered(covered, h)
		what := p.ForKind("no cosmetic", map[PageKind]string{PageUnknown: "no product or treatment", PageArticle: "no product or treatment"})
		p.Reportf(h.Span(), "%q guarantees what %s can: say what was tested and how, and advise a patch test", p.matchText(h), what)
	}
}

// describesIngredient reports "hypoallergenic" said of an ingredient class
// ("a pure and hypoallergenic emollient", as ingredient explainers on
// shops and databases describe one), not of the product.
func describesIngredient(a *Analysis, h Hit) bool {
	toks := a.Blocks[h.Block].Tokens()
	for t := h.TokEnd; t < len(toks) && t <= h.TokEnd+1; t++ {
		switch toks[t].Key {
		case "emollient", "humectant", "emulsifier", "preservative", "surfactant", "thickener", "solvent", "ingredient", "molecule", "polymer", "ester":
			return true
		}
	}
	return false
}

// supportedSafety reports a hypoallergenic claim with its test beside it.
func supportedSafety(a *Analysis, h Hit) bool {
	return len(a.nearHits(h, "testing-safety", 1)) > 0 && len(a.nearHits(h, "study-detail", 1)) > 0
}
