package rules_test

import (
	"testing"

	"github.com/exolint/exolint/scraper"
)

// Testing by the labeling conventions: a study someone could find, data
// with numbers for this product, a named lab, a certificate of analysis.
// Self-declared quality control is not a disclosure; unsupported-evidence
// reports it. Our own sentences, in several languages.
func TestTestingConventions(t *testing.T) {
	cases := []struct {
		name, text string
		disclosed  bool
		qcFinding  bool // unsupported-evidence reports it
	}{
		// Disclosures.
		{"en data", "Rose exosomes, mode 124 nm by nanoparticle tracking analysis, 2.1 × 10^10 particles/mL per lot.", true, false},
		{"en range with method", "Our plant exosomes measure 80–150 nm by NTA.", true, false},
		{"en markers", "Lot 2417 of our exosomes: CD63+ and CD81+ by western blot.", true, false},
		{"en endotoxin", "Exosome vials: endotoxin < 0.25 EU/mL, sterility negative.", true, false},
		{"en named lab", "Our exosome serum is tested by Eurofins for microbial purity.", true, false},
		{"en coa", "A certificate of analysis for the exosome material comes with each order.", true, false},
		{"en study", "In a split-face study of 32 women over 8 weeks, the exosome serum was compared with a placebo.", true, false},
		{"ja data", "エクソソームの粒子径は平均120 nm（NTA測定）です。", true, false},
		{"ko coa", "엑소좀 원료 시험성적서를 공개합니다.", true, false},
		{"es data", "Exosomas de rosa: tamaño medio 118 nm medido por NTA.", true, false},
		{"de endotoxin", "Exosomen-Ampullen: Endotoxin unter 0,5 EU/ml, Sterilität negativ.", true, false},
		// Not disclosures.
		{"en generic size", "Exosomes are tiny vesicles of 30–150 nm that carry signals between cells.", false, false},
		{"en bare method", "Our exosomes are counted by NTA and imaged by electron microscopy.", false, false},
		{"en pharma grade", "Pharmaceutical-grade exosomes, ultra-purified and clinically tested.", false, true},
		{"en rigorous", "Our exosomes passed rigorous clinical trials.", false, true},
		{"en lot tested", "Every lot is tested, so our exosome booster is always safe.", false, true},
		{"en donor", "Exosomes from donor-screened cord tissue, processed to GMP standards.", false, true},
		{"en isev", "ISEV-compliant exosome manufacturing.", false, true},
		{"en third party", "Third-party tested exosome serum.", false, false},
		{"ja qc", "品質証明書付きのエクソソーム原液です。", false, true},
		{"ko qc", "엄격한 품질 관리를 거친 엑소좀 앰플입니다.", false, true},
		{"zh qc", "医药级外泌体原液，严格质量控制。", false, true},
		{"es qc", "Exosomas de grado farmacéutico, clínicamente comprobado.", false, true},
		{"pt qc", "Exossomos com rigoroso controle de qualidade.", false, true},
		{"ru qc", "Экзосомы фармацевтического качества.", false, true},
		{"en sterile", "Sterile exosome vials with diluent.", false, false},
	}
	k := newTextChecker(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := k.check(t, c.text, scraper.FormatText)
			if !res.Facts.ExosomeClaim {
				t.Fatalf("no exosome claim in %q", c.text)
			}
			if got := len(res.Facts.Testing) > 0; got != c.disclosed {
				t.Errorf("testing disclosed %v, want %v (%+v)", got, c.disclosed, res.Facts.Testing)
			}
			qc := false
			for _, f := range res.Findings {
				qc = qc || f.Rule == "unsupported-evidence"
			}
			if qc != c.qcFinding {
				t.Errorf("unsupported-evidence %v, want %v", qc, c.qcFinding)
			}
		})
	}
}
