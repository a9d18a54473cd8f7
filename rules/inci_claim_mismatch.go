package rules

import (
	"fmt"
	"strings"
)

// InciClaimMismatch flags exosome claims that the ingredient list does not
// back with any vesicle ingredient.
func InciClaimMismatch() *Rule {
	return &Rule{
		ID:    "inci-claim-mismatch",
		Title: "exosome claim without an exosome ingredient in the list",
		Doc: `The copy claims exosomes or extracellular vesicles, but the ingredient list names no vesicle
ingredient at all, or only look-alikes that are sold as "exosomes": PDRN / Sodium DNA (DNA
fragments from fish sperm), plant cell, callus or meristem culture extracts (cells and their
lysates), ferment lysates and filtrates, liposomes. The list is the legal declaration of what is in
the product (EU Regulation 1223/2009 Art. 19, US 21 CFR 701.3); when it and the copy disagree, the
copy is the part a regulator will read as misleading. Chinese regulators have called plant
"exosome" cosmetics a pseudo-concept for exactly this reason, so the finding is an error in China.

The rule needs an ingredient list on the page; pages without one are left to the other rules.

What satisfies it: an INCI entry that names the vesicles with their source ("Rosa Damascena Callus
Extracellular Vesicles", "Lactobacillus Extracellular Vesicles"), or copy that says what the
ingredient really is ("rose callus culture extract", "PDRN").`,
		Bad: `Exosome serum for a radiant look.
Ingredients: Water, Glycerin, Sodium DNA, Rosa Damascena Callus Culture Extract, Phenoxyethanol`,
		Good: `Exosome serum for a radiant look.
Ingredients: Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles, Phenoxyethanol`,
		Severity:  Warning,
		Markets:   map[Market]Severity{CN: Error},
		Citations: []string{"inci-naming", "zmuni-plant-ev", "misev2023", "eu-655-2013"},
		Kinds:     AllPageKinds(),
		Check:     checkInciClaimMismatch,
	}
}

func checkInciClaimMismatch(p *Pass) {
	f := &p.Facts
	if !f.ExosomeClaim || !p.Selling() || !p.HasIngredientList() {
		return
	}
	var instead []ListIngredient
	for _, in := range p.Ingredients() {
		// Human cell or tissue material is left to human-derived-ingredient,
		// the finding that matters more for it.
		if in.Class.EVRelated || in.Class.SourceKind == "human" {
			return
		}
		if in.Class.LookAlike || in.Class.Note != "" {
			instead = append(instead, in)
		}
	}
	if len(instead) == 0 {
		first := p.Ingredients()[0]
		pos := p.spanFact(first.At)
		p.Reportf(f.ClaimHits()[0].Span(),
			"the copy claims exosomes, but the ingredient list (line %d) names no exosome or vesicle ingredient", pos.Line)
		return
	}
	parts := make([]string, len(instead))
	for i, in := range instead {
		parts[i] = fmt.Sprintf("%q (%s)", in.Name, strings.TrimPrefix(in.Class.Note, "look-alike: "))
	}
	p.Reportf(instead[0].At,
		"the copy claims exosomes, but the ingredient list has no vesicle ingredient; what it has instead: %s",
		strings.Join(parts, "; "))
}
