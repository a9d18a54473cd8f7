package rules

import "fmt"

// DrugClaim flags treatment and structure/function claims.
func DrugClaim() *Rule {
	return &Rule{
		ID:    "drug-claim",
		Title: "treatment or structure/function claim",
		Doc: `A cosmetic may change how skin looks and feels. Copy that says the product heals, treats a
condition (acne, scars, rosacea, eczema, melasma, hair loss), regenerates cells or tissue, repairs
at the cellular level or repairs DNA, stimulates collagen production, reduces inflammation, or
activates stem cells or fibroblasts describes a drug. In the US this makes the product an
unapproved new drug (FD&C Act §201(g)(1)), and FDA's warning letters to "stem cell" skin care cite
exactly these phrases. Korea bans 피부 재생, 세포 재생 and 상처 치유 on cosmetics; China puts cell
activation, cell regeneration and wound healing outside the cosmetic scope; Japan does not allow
claims about effects on cells. In the EU and UK (CAP 12.1) physiological claims need strong
evidence and disease claims are never allowed for cosmetics: a warning, an error when a disease is
named. Canada classifies by representation: a warning.

Besides listed phrases, the claim grammar reads a therapeutic or stimulating action on a body
target, or any healing, relieving or eliminating action on a disease, in one clause and in eleven
languages: "rebuilds damaged tissue", "wakes up hair follicles", "regenera los tejidos", "lindert
Neurodermitis", 細胞を修復, 促进毛囊再生; hair that grows back or follicles that produce hair ("fait
repousser les cheveux", "yeniden saç üretmeye başlar"), cells that produce collagen ("gets your
fibroblasts pumping out collagen"), an anti-inflammatory effect, action on cells ("acts directly
on the cells of the dermis") and scars or patches that heal, flatten or fill in. On a supplier page the message speaks of the material;
clinic pages have treatment-claim, which reads the same claims.

Appearance wording keeps a claim cosmetic: "reduces the look of wrinkles", "visibly firmer",
"skin feels calmer" are not flagged, except in Korean, where 재생 is banned whatever surrounds it;
so do cosmetic objects ("repairs the barrier", "restores moisture") and "-prone" ("for
acne-prone skin"). Negations, disclaimers ("not intended to treat"), questions, someone else's
words (a regulator, a newspaper), article pages, and wording under a heading about another
treatment the page explains to compare ("Understanding PRP Therapy", "How Botox works": the
heading names it and not exosomes, and nothing between speaks of exosomes) are not flagged; a
heading that compares ("Better than PRP") is the product's claim. Drug claims in reviews and in
customers' testimonials quoted in the copy are testimonial-drug-claim, and in the product name
name-claim.

What satisfies it: say what a person sees or feels ("reduces the look of wrinkles", "skin looks
smoother", "soothes the look of redness").`,
		Bad:       "Exosomes that heal acne scars and stimulate collagen production.",
		Good:      "Extracellular vesicles that soften the look of scars and help skin look firmer.",
		Severity:  Error,
		Markets:   map[Market]Severity{EU: Warning, UK: Warning, CA: Warning},
		Citations: []string{"fda-cosmetic-drug", "fda-drug-claims-letters", "cap-12-1", "cap-physiological", "kr-mfds-2019", "cn-nmpa-ingredients", "jp-mhlw-stemcell"},
		Kinds:     ProductKinds(),
		Check:     checkDrugClaim,
	}
}

func checkDrugClaim(p *Pass) {
	for _, h := range p.copyDrugClaims() {
		p.Report(drugDiagnostic(p, h))
	}
}

// drugDiagnostic describes one drug claim in the words of the page's kind:
// a cosmetic may only change how skin looks; a supplier's material sold as
// a therapy is an unapproved drug or biologic (clinic pages have
// treatment-claim). Naming a disease makes it an error in the EU and UK
// too, where disease claims are never allowed for cosmetics.
func drugDiagnostic(p *Pass, h drugHit) Diagnostic {
	word := p.matchText(h.Hit)
	neutral := fmt.Sprintf("%q is a drug claim: a cosmetic may only change how skin looks, and no exosome treatment is approved to do more", word)
	msg := p.ForKind(fmt.Sprintf("%q is a drug claim: a cosmetic may only change how skin looks", word), map[PageKind]string{
		PageSupplier: fmt.Sprintf("%q is a drug claim for the material: sold for cosmetics it may only be said to change how skin looks, and sold as a therapy it is an unapproved drug or biologic", word),
		PageUnknown:  neutral,
		PageArticle:  neutral,
	})
	var sev map[Market]Severity
	if h.disease {
		neutral := fmt.Sprintf("%q claims to treat a disease or condition: no cosmetic may claim it, and no exosome product or treatment is approved for any disease", word)
		msg = p.ForKind(fmt.Sprintf("%q claims to treat a disease or condition, which no cosmetic may claim", word), map[PageKind]string{
			PageSupplier: fmt.Sprintf("%q claims the material treats a disease or condition: no exosome product is approved for any disease", word),
			PageUnknown:  neutral,
			PageArticle:  neutral,
		})
		sev = map[Market]Severity{EU: Error, UK: Error}
	}
	if h.Term.Suggest != "" {
		msg += fmt.Sprintf("; say what can be seen, e.g. %q", h.Term.Suggest)
	}
	return Diagnostic{At: h.Span(), Message: msg, Suggest: h.Term.Suggest, Severity: sev}
}
