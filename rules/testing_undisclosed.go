package rules

// TestingUndisclosed flags exosome claims with no word on how the material
// was tested.
func TestingUndisclosed() *Rule {
	return &Rule{
		ID:    "testing-undisclosed",
		Title: "exosome claim without any disclosed testing",
		Doc: `The page claims exosomes but says nothing about how they were verified. "Exosome" asserts
a specific kind of particle; the research community's minimum (MISEV2018, MISEV2023) is a
particle size and concentration measured by a named method, protein markers, and a purity check.
For human-derived material, regulators that allow it at all (Korea, Taiwan) require donor
screening and sterility testing per batch, and the FDA's exosome warnings followed infections
from contaminated products.

What satisfies it, any of: size or concentration with the method (NTA, TRPS, flow cytometry);
markers such as CD9/CD63/CD81 or TSG101; sterility, endotoxin or mycoplasma results; a named
third-party lab or a certificate of analysis; a clinical study with its number of participants
and duration.`,
		Bad:       "Formulated with plant exosomes for visibly smoother skin.",
		Good:      "Formulated with plant exosomes (rose callus, 80-150 nm by nanoparticle tracking analysis, CD63+/CD81+) for visibly smoother skin.",
		Severity:  Warning,
		Citations: []string{"misev2018", "misev2023", "kr-mfds-2010", "fda-eucyt-2020"},
		Kinds:     AllPageKinds(),
		Check:     checkTestingUndisclosed,
	}
}

func checkTestingUndisclosed(p *Pass) {
	f := &p.Facts
	if !f.ExosomeClaim || !p.Selling() || len(f.Testing) > 0 {
		return
	}
	p.Reportf(f.ClaimHits()[0].Span(),
		"exosome claim with no testing disclosed: give size and concentration with the method (e.g. NTA), markers (CD63, CD81), sterility/endotoxin results, a third-party lab or certificate of analysis, or a clinical study with its size and duration")
}
