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

What satisfies it, by the labeling conventions, any of: characterization data with numbers for
this product (size or concentration with the method, "mode 124 nm by NTA", "2 × 10^10
particles/mL"; markers with their result, "CD63+ CD81+"); sterility, endotoxin or mycoplasma
results ("endotoxin < 0.25 EU/mL"); a named independent lab; a certificate of analysis of the
exosome material; a study someone could find, with its size or its design and length or
reference.

What does not: self-declared quality control ("each lot is tested", "purified and
characterized", 品質証明書付き, "strict quality control"), "clinically tested" or "rigorous
clinical trials" without a study, "pharmaceutical-grade", donor screening, GMP, ISEV compliance,
a method named without its result ("counted by NTA") and the size range of exosomes in general
("30–150 nm"). unsupported-evidence reports those claims.`,
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
	what := p.ForKind("exosome claim", map[PageKind]string{
		PageClinic:   "exosome treatment",
		PageSupplier: "exosome material",
	})
	p.Reportf(f.ClaimHits()[0].Span(),
		"%s with no testing disclosed: give size and concentration with the method (e.g. NTA) and their values, markers with results (CD63+, CD81+), sterility and endotoxin results, a named independent lab or a certificate of analysis, or a study with its size", what)
}
