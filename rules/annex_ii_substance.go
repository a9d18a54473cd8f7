package rules

import (
	"fmt"
	"strings"
)

// AnnexIISubstance flags ingredients that CosIng links to Annex II, the list
// of substances prohibited in cosmetic products.
func AnnexIISubstance() *Rule {
	return &Rule{
		ID:    "annex-ii-substance",
		Title: "ingredient linked to a prohibited substance (EU Annex II)",
		Doc: `The European Commission's CosIng database links this ingredient name to an entry of Annex II of
Regulation (EC) No 1223/2009, the list of substances that must not be in cosmetic products placed on
the EU market (the UK keeps the same list). For exosome products the entry that matters is 416,
"cells, tissues or products of human origin": conditioned media, exosomes and extracts from human
cells fall under it. The finding reports the link as CosIng records it; whether a given product
breaks the rule depends on where it is sold and on the exact material, so it is an error for the EU
and UK markets and information elsewhere.

What satisfies it: do not sell the product in the EU or UK with this ingredient, or replace it (for
example with plant, milk or microbial vesicles).

` + cosingSource(),
		Bad:       "Ingredients: Water, Glycerin, Human Adipocyte Conditioned Media Extract, Phenoxyethanol",
		Good:      "Ingredients: Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles, Phenoxyethanol",
		Severity:  Info,
		Markets:   map[Market]Severity{EU: Error, UK: Error},
		Citations: []string{"cosing", "eu-annex-ii-416"},
		Kinds:     AllPageKinds(),
		Check:     checkAnnexIISubstance,
	}
}

func checkAnnexIISubstance(p *Pass) {
	for _, in := range p.Ingredients() {
		for _, e := range in.Annexes {
			if e.Annex != "II" {
				continue
			}
			d := Diagnostic{
				At: in.At,
				Message: fmt.Sprintf("CosIng links %q to Annex II/%s (%s): Annex II lists substances prohibited in cosmetic products in the EU and UK",
					in.Name, e.Ref, e.Substance),
			}
			if conditionalEntry(e.Substance) {
				// "Petrolatum, except if the full refining history is known":
				// the grade decides, and a list does not name the grade.
				d.Message += "; the entry has exceptions, so whether it applies depends on the grade or use"
				d.Severity = allMarkets(Info)
			}
			p.Report(d)
		}
	}
}

// conditionalEntry reports an Annex II entry that carves out exceptions.
func conditionalEntry(substance string) bool {
	l := strings.ToLower(substance)
	return strings.Contains(l, "except") || strings.Contains(l, "unless")
}
