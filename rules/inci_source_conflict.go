package rules

import (
	"fmt"
	"strings"
)

// InciSourceConflict flags an ingredient list whose EV entries come from a
// source the copy does not state.
func InciSourceConflict() *Rule {
	return &Rule{
		ID:    "inci-source-conflict",
		Title: "ingredient list names a different exosome source than the copy",
		Doc: `The copy says where the exosomes come from (for example "100% plant exosomes"), and the
ingredient list names vesicles, conditioned media or human cell material from another source (for
example "Human Adipocyte Conditioned Media Extract"). One of the two is wrong, and the difference
matters: human-derived material is prohibited in EU, UK, Chinese and Taiwanese cosmetics, and a
vegan or plant claim over a milk or human ingredient misleads buyers who choose by origin.

What satisfies it: make the copy and the INCI name agree on the organism and tissue.`,
		Bad: `100% plant exosomes for smooth-looking skin.
Ingredients: Water, Glycerin, Human Adipocyte Conditioned Media Extract, Phenoxyethanol`,
		Good: `Plant exosomes from rose callus for smooth-looking skin.
Ingredients: Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles, Phenoxyethanol`,
		Severity:  Error,
		Citations: []string{"inci-naming", "eu-annex-ii-416", "eu-655-2013"},
		Kinds:     AllPageKinds(),
		Check:     checkInciSourceConflict,
	}
}

func checkInciSourceConflict(p *Pass) {
	f := &p.Facts
	if !p.Selling() || !p.HasIngredientList() {
		return
	}
	stated := map[string]SourceFact{}
	var kinds []string
	for _, s := range f.Sources {
		if s.InIngredients {
			continue
		}
		if _, ok := stated[s.Kind]; !ok {
			stated[s.Kind] = s
			kinds = append(kinds, s.Kind)
		}
	}
	if len(stated) == 0 {
		return
	}
	for _, in := range p.Ingredients() {
		k := in.Class.SourceKind
		// Human cell material counts even as a look-alike: it is the origin a
		// plant claim hides that matters most.
		if k == "" || (!in.Class.EVRelated && k != "human") || vagueSource(in) {
			continue
		}
		if _, ok := stated[k]; ok {
			continue
		}
		first := stated[kinds[0]]
		detail := k
		if in.Class.Detail != "" {
			detail = fmt.Sprintf("%s: %s", k, in.Class.Detail)
		}
		p.Reportf(in.At, "the copy gives the source as %s (%q, line %d), but the ingredient list names %q (%s)",
			strings.Join(kinds, ", "), first.Text, first.Line, in.Name, detail)
	}
}
