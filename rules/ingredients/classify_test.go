package ingredients

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	c, err := NewClassifier()
	if err != nil {
		t.Fatal(err)
	}
	const ev, look, none = "ev", "look", "none"
	cases := []struct {
		name, want, source, detail, note string
	}{
		// Human: named patterns and unseen tissues.
		{"Human Adipose Stromal Cell Exosomes", ev, "human", "adipose", "Annex II/416"},
		{"Human Adipocyte Conditioned Media Extract", ev, "human", "adipocyte", "not a purified EV"},
		{"Human Umbilical Cord Mesenchymal Stem Cell Derived Exosomes", ev, "human", "umbilical cord", ""},
		{"Human Stem Cell Conditioned Media", ev, "human", "stem cell", ""},
		{"Human Amniotic Fluid Induced Pluripotent Cell Exosomes", ev, "human", "amniotic", ""},
		{"Placental Stem Cell Exosomes", ev, "human", "placenta", ""},
		{"Human Bone Marrow Stem Cell Conditioned Media", ev, "human", "bone marrow", ""},
		{"Human Fibroblast Conditioned Media", ev, "human", "fibroblast", ""},
		{"Human Keratinocyte Exosomes", ev, "human", "keratinocyte", ""},
		{"Human Cord Blood Cell Conditioned Media", ev, "human", "cord blood", ""},
		{"iPSC-derived Exosomes", ev, "human", "iPSC", ""},
		{"Adipose Derived Stem Cell Exosomes", ev, "human", "adipose", ""},
		{"Umbilical cord lining stem cell conditioned media", ev, "human", "umbilical cord lining", ""},
		{"Human Dental Pulp Stem Cell Secretome", ev, "human", "stem cell", ""},
		{"인체지방줄기세포배양액", ev, "human", "adipose", ""},
		{"인체제대혈줄기세포배양액", ev, "human", "cord blood", ""},
		{"ヒト脂肪細胞順化培養液エキス", ev, "human", "", ""},
		{"人脐带间充质干细胞外泌体", ev, "human", "umbilical cord", ""},
		// Plant, including species the vocabulary has never seen.
		{"Brassica Oleracea Italica (Broccoli) Vesicles", ev, "plant", "Brassica oleracea italica", "plant"},
		{"Rosa Damascena Callus Extracellular Vesicles", ev, "plant", "Rosa damascena callus", ""},
		{"Dendropanax Morbiferus Leaf Vesicles", ev, "plant", "Dendropanax morbiferus leaf", ""},
		{"Centella Asiatica Callus Extracellular Vesicles", ev, "plant", "Centella asiatica callus", ""},
		{"Opuntia Ficus-Indica Cladode Extracellular Vesicles", ev, "plant", "Opuntia ficus-indica cladode", ""},
		{"Camellia Japonica Vesicles", ev, "plant", "Camellia japonica", ""},
		{"Rose Stem Cell Exosomes", ev, "plant", "rose", ""},
		{"Plant Exosomes", ev, "plant", "plant", ""},
		{"브로콜리베지클", ev, "plant", "broccoli", ""},
		{"병풀엑소좀", ev, "plant", "Centella asiatica", ""},
		{"玫瑰外泌体", ev, "plant", "rose", ""},
		// Microbial.
		{"Lactobacillus Extracellular Vesicles", ev, "microbial", "Lactobacillus", "Lactobacillus"},
		{"Lactobacillus Plantarum Extracellular Vesicles", ev, "microbial", "Lactobacillus plantarum", ""},
		{"Bifida Ferment Extracellular Vesicles", ev, "microbial", "Bifida", ""},
		{"Bacillus Subtilis Exosomes", ev, "microbial", "Bacillus subtilis", ""},
		{"Saccharomyces Cerevisiae Extracellular Vesicles", ev, "microbial", "Saccharomyces cerevisiae", ""},
		{"Streptococcus Thermophilus Extracellular Vesicles", ev, "microbial", "Streptococcus thermophilus", ""},
		{"유산균엑소좀", ev, "microbial", "lactic acid bacteria", ""},
		// Animal.
		{"Milk Exosomes", ev, "animal", "milk", ""},
		{"Bovine Colostrum Exosomes", ev, "animal", "colostrum", ""},
		{"Salmon Exosomes", ev, "animal", "salmon", ""},
		{"Porcine Placenta Exosomes", ev, "human", "placenta", ""}, // explicit human-only tissue wins; flagged for review
		{"Equine Adipose Exosomes", ev, "animal", "equine", ""},
		{"Deer Velvet Mesenchymal Cell Extracellular Vesicles", ev, "animal", "deer", ""},
		{"우유엑소좀", ev, "animal", "milk", ""},
		// Synthetic.
		{"EV Mimetic Nanovesicles", ev, "synthetic", "EV mimetic", ""},
		{"Artificial Exosomes", ev, "synthetic", "artificial", ""},
		// Undisclosed source.
		{"Exosomes", ev, "", "", ""},
		{"엑소좀", ev, "", "", ""},
		{"エクソソーム", ev, "", "", ""},
		// Look-alikes.
		{"Sodium DNA", look, "animal", "fish sperm DNA", "PDRN"},
		{"PDRN", look, "animal", "fish sperm DNA", ""},
		{"Polydeoxyribonucleotide", look, "animal", "", ""},
		{"Salmon DNA", look, "animal", "salmon", ""},
		{"소듐디엔에이", look, "animal", "", ""},
		{"Malus Domestica Fruit Cell Culture Extract", look, "plant", "Malus domestica fruit", "not vesicles"},
		{"Echinacea Angustifolia Meristem Cell Culture", look, "plant", "Echinacea angustifolia", ""},
		{"Argania Spinosa Sprout Cell Extract", look, "plant", "Argania spinosa sprout", ""},
		{"Eryngium Marinum Callus Culture Filtrate", look, "plant", "Eryngium marinum callus", ""},
		{"Lactobacillus Ferment Lysate", look, "microbial", "Lactobacillus", "ferment"},
		{"Bifida Ferment Filtrate", look, "microbial", "Bifida", ""},
		{"Hydrolyzed Human Adipose Stromal Cell Culture Extract", look, "human", "adipose", "Annex II/416"},
		{"Human Keratinocytes", look, "human", "keratinocyte", ""},
		// Negatives.
		{"Rosa Damascena Flower Water", none, "", "", ""},
		{"Sodium Hyaluronate", none, "", "", ""},
		{"Glycerin", none, "", "", ""},
		{"Centella Asiatica Leaf Extract", none, "", "", ""},
		{"Milk Protein", none, "", "", ""},
		{"Human Oligopeptide-1", look, "human", "", ""},
		{"말토덱스트린", none, "", "", ""},
		{"Liposomes", none, "", "", "liposomes"},
		{"Lecithin Liposome", none, "", "", "not extracellular vesicles"},
	}
	if len(cases) < 40 {
		t.Fatalf("want at least 40 cases, have %d", len(cases))
	}
	for _, tc := range cases {
		got := c.Classify(tc.name)
		kind := none
		switch {
		case got.EVRelated:
			kind = ev
		case got.LookAlike:
			kind = look
		}
		if got.EVRelated && got.LookAlike {
			t.Errorf("%q: both EV and look-alike", tc.name)
		}
		if kind != tc.want || got.SourceKind != tc.source || (tc.detail != "" && got.Detail != tc.detail) ||
			(tc.note != "" && !strings.Contains(got.Note, tc.note)) {
			t.Errorf("%q: got %s %+v; want %s source=%q detail=%q note~%q", tc.name, kind, got, tc.want, tc.source, tc.detail, tc.note)
		}
		if kind != none && (got.Note == "" || got.Citation == "") {
			t.Errorf("%q: missing note or citation: %+v", tc.name, got)
		}
	}
}

func TestClassifyConvenience(t *testing.T) {
	if got := Classify("Human Adipose Stromal Cell Exosomes"); !got.EVRelated || got.SourceKind != "human" {
		t.Errorf("Classify = %+v", got)
	}
}

func BenchmarkClassify(b *testing.B) {
	c, err := NewClassifier()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Aqua", "Glycerin", "Rosa Damascena Callus Extracellular Vesicles", "Human Adipocyte Conditioned Media Extract", "Sodium Hyaluronate", "인체지방줄기세포배양액"}
	for b.Loop() {
		for _, n := range names {
			_ = c.Classify(n)
		}
	}
}
