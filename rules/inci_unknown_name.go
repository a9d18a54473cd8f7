package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/exolint/exolint/rules/ingredients"
)

// InciUnknownName flags ingredient names that CosIng does not list but that
// are one typo away from a name it does.
func InciUnknownName() *Rule {
	return &Rule{
		ID:    "inci-unknown-name",
		Title: "ingredient name not in CosIng, with a likely correction",
		Doc: `An ingredient name is not in the European Commission's CosIng inventory, even after case,
spacing, bracketed common names and footnote marks are set aside, and it is a small edit away from a
name that is ("Sodium Hyaluronte" → "Sodium Hyaluronate"). A misspelt INCI name makes a label
non-compliant in the EU (Regulation 1223/2009 Art. 19 asks for the common ingredient names) and
defeats the look-ups buyers and retailers run on lists.

To stay precise the rule is quiet when there is no close CosIng name (trade names, marketing names,
"Fragrance"), for names in other scripts (Korean, Japanese and Chinese labels use their own
nomenclatures), for abbreviations of five letters or fewer ("BG", "DPG"), and for exosome and
look-alike names, which other rules judge and CosIng often does not list yet.

What satisfies it: the CosIng spelling of the name.

` + cosingSource(),
		Bad:       "Ingredients: Water, Glycerin, Sodium Hyaluronte, Phenoxyethanol",
		Good:      "Ingredients: Water, Glycerin, Sodium Hyaluronate, Phenoxyethanol",
		Severity:  Info,
		Citations: []string{"cosing"},
		Kinds:     AllPageKinds(),
		Check:     checkInciUnknownName,
	}
}

func checkInciUnknownName(p *Pass) {
	inv := p.Inventory()
	if inv == nil {
		return
	}
	for _, in := range p.Ingredients() {
		if in.InCosIng || in.Class.EVRelated || in.Class.LookAlike || !latinName(in.Name) || len(strings.ReplaceAll(in.Name, " ", "")) <= 5 ||
			gluedFootnote(inv, in.Name) {
			continue
		}
		q := strings.ToUpper(strings.Join(strings.Fields(in.Name), " "))
		for _, s := range inv.Suggest(in.Name, 3) {
			if editDistance(q, s) > typoBudget(len(q)) {
				continue
			}
			fix := likeCase(in.Name, s)
			p.Report(Diagnostic{
				At:      in.At,
				Message: fmt.Sprintf("%q is not in CosIng; did you mean %q?", in.Name, fix),
				Suggest: fix,
			})
			break
		}
	}
}

// gluedFootnote reports a CosIng name with a footnote number glued to its
// end, as copied lists often have them ("Hexapeptide-1112" is Hexapeptide-11
// and note 12, "Disodium EDTA18", "Polysorbate 606"): one or two trailing
// digits set aside leave a name CosIng lists.
func gluedFootnote(inv *ingredients.Inventory, name string) bool {
	for cut := 1; cut <= 2 && cut < len(name); cut++ {
		tail := name[len(name)-cut:]
		if strings.Trim(tail, "0123456789") != "" {
			return false
		}
		if _, ok := inv.Lookup(strings.TrimRight(name[:len(name)-cut], " ")); ok {
			return true
		}
	}
	return false
}

// typoBudget is how many edits still read as a typo: one in a short name,
// more in long ones. Suggest allows more, which brought unrelated chemicals
// for abbreviations and for names that differ by a whole word.
func typoBudget(n int) int {
	switch {
	case n < 10:
		return 1
	case n < 24:
		return 2
	}
	return 3
}

// likeCase writes a CosIng name (upper case) in the case style of the label:
// "SODIUM HYALURONATE" → "Sodium Hyaluronate" for a title-case list.
func likeCase(label, cosing string) string {
	if strings.ToUpper(label) == label {
		return cosing
	}
	if strings.ToLower(label) == label {
		return strings.ToLower(cosing)
	}
	out := []rune(strings.ToLower(cosing))
	start := true
	for i, r := range out {
		if start && unicode.IsLetter(r) {
			out[i] = unicode.ToUpper(r)
		}
		start = r == ' ' || r == '/' || r == '(' || r == '-'
	}
	return string(out)
}
