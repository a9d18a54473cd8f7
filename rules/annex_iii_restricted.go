package rules

import (
	"fmt"
	"strings"
)

// AnnexIIIRestricted flags ingredients that CosIng links to Annex III, the
// list of substances allowed only under conditions.
func AnnexIIIRestricted() *Rule {
	return &Rule{
		ID:    "annex-iii-restricted",
		Title: "ingredient linked to a restricted substance (EU Annex III)",
		Doc: `The European Commission's CosIng database links this ingredient name to an entry of Annex III of
Regulation (EC) No 1223/2009: substances that cosmetics may contain only within the limits the
entry sets (product types, maximum concentration, warnings that must be printed on the label). The
finding quotes the entry's conditions so the formula and label can be checked against them; a list
alone cannot show the concentration, so the finding is information, and a warning for the EU and UK
markets where the annex applies.

Entries whose only condition is that the substance be named on the label (the fragrance allergens)
are not reported: a list that names them already meets it. Nor are the entries every other formula
touches, whose limits concern a pH adjuster's pH or a raw material's purity rather than anything a
list or a label can show: 15a (sodium and potassium hydroxide), 45 (benzyl alcohol as a solvent),
61 and 62 (alkanolamines such as tromethamine and triethanolamine).

What satisfies it: a formula within the entry's limits and the required warnings on the label.

` + cosingSource(),
		Bad:       "Ingredients: Water, Glycerin, Salicylic Acid, Phenoxyethanol",
		Good:      "Ingredients: Water, Glycerin, Niacinamide, Phenoxyethanol",
		Severity:  Info,
		Markets:   map[Market]Severity{EU: Warning, UK: Warning},
		Citations: []string{"cosing", "eu-annex-iii"},
		Kinds:     AllPageKinds(),
		Check:     checkAnnexIIIRestricted,
	}
}

func checkAnnexIIIRestricted(p *Pass) {
	for _, in := range p.Ingredients() {
		for _, e := range in.Annexes {
			if e.Annex != "III" || labellingOnly(e.Conditions) || routineAnnexIII(e.Ref) {
				continue
			}
			msg := fmt.Sprintf("CosIng links %q to Annex III/%s (%s), allowed in EU and UK cosmetics only within its conditions", in.Name, e.Ref, e.Substance)
			if c := summarizeConditions(e.Conditions); c != "" {
				msg += ": " + c
			}
			p.Reportf(in.At, "%s", msg)
		}
	}
}

// routineAnnexIII lists entries that would flag most formulas for limits a
// list cannot show (see the rule's Doc); reporting them buried the rest.
func routineAnnexIII(ref string) bool {
	switch ref {
	case "15a", "45", "61", "62":
		return true
	}
	return false
}

// conditionFields splits an annex entry's conditions ("Product type: …;
// Maximum concentration: …; Other: …; Conditions and warnings: …") by label.
func conditionFields(c string) map[string]string {
	out := map[string]string{}
	labels := []string{"Product type:", "Maximum concentration:", "Other:", "Conditions and warnings:"}
	for i, l := range labels {
		at := strings.Index(c, l)
		if at < 0 {
			continue
		}
		rest := c[at+len(l):]
		end := len(rest)
		for _, next := range labels[i+1:] {
			if j := strings.Index(rest, "; "+next); j >= 0 && j < end {
				end = j
			}
		}
		out[strings.TrimSuffix(l, ":")] = strings.TrimSpace(rest[:end])
	}
	return out
}

// labellingOnly reports entries whose condition is met by naming the
// substance in the list (fragrance allergens above a threshold).
func labellingOnly(c string) bool {
	f := conditionFields(c)
	return f["Maximum concentration"] == "" && f["Product type"] == "" &&
		strings.Contains(strings.ToLower(f["Other"]+f["Conditions and warnings"]), "list of ingredients")
}

// summarizeConditions keeps the product types and maximum concentrations,
// which a reader checks first, within a length that fits a message.
func summarizeConditions(c string) string {
	f := conditionFields(c)
	var parts []string
	if v := f["Product type"]; v != "" {
		parts = append(parts, "product type "+v)
	}
	if v := f["Maximum concentration"]; v != "" {
		parts = append(parts, "maximum "+v)
	}
	if len(parts) == 0 {
		parts = append(parts, c)
	}
	s := strings.Join(parts, "; ")
	if r := []rune(s); len(r) > 240 {
		s = strings.TrimSpace(string(r[:239])) + "…"
	}
	return s
}
