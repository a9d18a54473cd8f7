package rules

import "fmt"

// SourceVague flags exosome claims whose only origin is a word that sounds
// like a source but names no organism or tissue.
func SourceVague() *Rule {
	return &Rule{
		ID:    "source-vague",
		Title: "exosome source given only in vague terms",
		Doc: `The page says where its exosomes come from only in words that name no organism or tissue:
"stem cell", "cell-derived", "lab-grown", "bioengineered", "proprietary stem cell technology",
生物工程, "kök hücre", and stem-cell culture supernatant or conditioned media (幹細胞培養上清液,
줄기세포 배양액, "secretome") without a tissue or organism. These read like a disclosure but leave open the one question that matters:
human cells (banned in EU, UK and Chinese cosmetics, a biologic in the US once claims go beyond
appearance), plant callus, milk or bacteria. Korea's 2025 guideline asks for the origin to be
named next to the word, and Health Canada classifies by composition and source.

This rule and source-undisclosed are exclusive: a page with a vague origin and nothing better is
reported here, a page with no origin at all there.

What satisfies it: name the organism and tissue ("Rosa damascena callus", "bovine milk",
"Lactobacillus plantarum", "human adipose stromal cells").`,
		Bad:       "Lab-grown stem cell exosomes for a fresh look.",
		Good:      "Extracellular vesicles from Rosa damascena callus culture for a fresh look.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error},
		Citations: []string{"inci-naming", "kr-mfds-2025", "hc-notice-2025"},
		Kinds:     AllPageKinds(),
		Check:     checkSourceVague,
	}
}

func checkSourceVague(p *Pass) {
	f := &p.Facts
	vague := f.VagueSourceHits()
	if !f.ExosomeClaim || !p.Selling() || len(f.Sources) > 0 || len(vague) == 0 {
		return
	}
	h := vague[0]
	what := p.ForKind("the exosomes", map[PageKind]string{PageClinic: "the exosomes you use", PageSupplier: "the exosome material"})
	p.Report(Diagnostic{
		At:      h.Span(),
		Message: fmt.Sprintf("%q names no organism or tissue: say what %s come from (e.g. \"Rosa damascena callus\", \"bovine milk\", \"human adipose stromal cells\")", p.matchText(h), what),
	})
}
