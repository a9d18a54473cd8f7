package rules_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

// The exosome source by the labeling conventions, in every language: a
// tissue or organism named for the exosomes discloses; a stem-cell or
// culture-media word alone is vague; a generic list of possible origins,
// the origin of another ingredient and the cells exosomes act on disclose
// nothing. Our own sentences, written like product and clinic copy.
func TestSourceConventions(t *testing.T) {
	cases := []struct {
		name, text string
		kinds      string // the source kinds found, sorted, comma-separated
		vague      bool   // source-vague fires
	}{
		// Tissue words alone disclose a human source.
		{"en cord", "Our booster uses exosomes from Wharton's jelly of donated umbilical cords.", "human", false},
		{"en dental pulp", "Exosomes isolated from dental pulp stem cells, for a rested look.", "human", false},
		{"en foreskin", "Each vial holds exosomes from neonatal foreskin fibroblast cultures.", "human", false},
		{"ko", "골수 줄기세포에서 얻은 엑소좀을 담은 앰플입니다.", "human", false},
		{"ko placenta", "태반 유래 엑소좀으로 피부결을 가꿉니다.", "human", false},
		{"ja cord", "臍帯由来のエクソソームを配合した美容液です。", "human", false},
		{"ja pulp", "歯髄幹細胞から得たエクソソームを使用しています。", "human", false},
		{"ja adipose", "脂肪由来幹細胞のエクソソームを高濃度で配合。", "human", false},
		{"ja human body", "人体由来エクソソームを使用した施術です。", "human", false},
		{"zh", "本品含脐带间充质干细胞来源的外泌体。", "human", false},
		{"es", "Exosomas obtenidos de cordón umbilical para un aspecto descansado.", "human", false},
		{"pt", "Exossomos derivados de tecido adiposo humano.", "human", false},
		{"fr", "Des exosomes issus de la moelle osseuse pour une peau d'apparence reposée.", "human", false},
		{"de", "Exosomen aus Nabelschnurgewebe für ein frisches Hautbild.", "human", false},
		{"it", "Esosomi derivati da polpa dentale per un aspetto luminoso.", "human", false},
		{"tr", "Göbek kordonu kaynaklı eksozomlar içerir.", "human", false},
		{"ru", "Экзосомы из вартоновой студени пуповины.", "human", false},
		// Culture media without a tissue or organism is vague.
		{"en conditioned", "Exosomes in stem-cell conditioned media for a smoother look.", "", true},
		{"ja supernatant", "幹細胞培養上清液とエクソソームを使った点滴です。", "", true},
		{"ko supernatant", "줄기세포 배양액 속 엑소좀이 피부 결을 정돈합니다.", "", true},
		{"es", "Exosomas de células madre para una piel de aspecto terso.", "", true},
		{"de", "Exosomen aus Stammzellen für ein glatteres Hautbild.", "", true},
		{"ru", "Экзосомы стволовых клеток для сияния кожи.", "", true},
		// A list of what exosomes can come from is no disclosure.
		{"en generic", "Exosomes can come from plants, animals or human cells. Our exosome serum smooths the look of lines.", "", false},
		{"en including", "Exosomes are released by all cells, including plant, animal and human cells. Try our exosome ampoule.", "", false},
		{"en either", "In aesthetic medicine, exosomes derived from plant or human stem cells are used.", "", true},
		{"ko generic", "엑소좀은 식물이나 인체 세포 등 다양한 곳에서 얻을 수 있습니다. 엑소좀 앰플로 관리하세요.", "", false},
		// The origin of another ingredient is not the exosomes' origin.
		{"en salmon pdrn", "Salmon-derived PDRN and exosomes in one booster.", "", false},
		{"ko salmon pn", "연어 유래 PN 성분과 엑소좀이 함께 들어 있습니다.", "", false},
		{"ja salmon", "サーモン由来PDRNとエクソソームを配合。", "", false},
		{"en toxins", "Raspberry exosomes shield skin cells from bacterial toxins.", "plant", false},
		// Cells exosomes act on, and the skin microbiome, are not sources.
		{"en targets", "Exosomes signal to fibroblasts and keratinocytes, and help beneficial bacteria thrive.", "", false},
		{"en donor", "Exosomes carry microRNA from donor to acceptor cells.", "", false},
		// Named organisms and materials in other kinds.
		{"en algae", "Biomimetic exosomes from microscopic algae, human and animal-free.", "microbial,synthetic", false},
		{"es milk", "Exosomas de leche para una piel de aspecto suave.", "animal", false},
		{"ko plant", "식물 유래 엑소좀으로 맑은 피부결.", "plant", false},
		{"tr plant", "Bitkisel eksozomlar içeren serum.", "plant", false},
		{"ja lacto", "乳酸菌由来のエクソソームを配合。", "microbial", false},
	}
	k := newTextChecker(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := k.check(t, c.text, scraper.FormatText)
			if !res.Facts.ExosomeClaim {
				t.Fatalf("no exosome claim in %q", c.text)
			}
			seen := map[string]bool{}
			var kinds []string
			for _, s := range res.Facts.Sources {
				if !seen[s.Kind] {
					seen[s.Kind] = true
					kinds = append(kinds, s.Kind)
				}
			}
			sort.Strings(kinds)
			if got := strings.Join(kinds, ","); got != c.kinds {
				t.Errorf("sources %q, want %q (%+v)", got, c.kinds, res.Facts.Sources)
			}
			vague := false
			for _, f := range res.Findings {
				vague = vague || f.Rule == "source-vague"
			}
			if vague != c.vague {
				t.Errorf("source-vague fired %v, want %v", vague, c.vague)
			}
		})
	}
}

// A source is listed once: a word inside a longer source term, or the same
// term in the plural, adds no detail.
func TestSourceDetailsOnce(t *testing.T) {
	text := "Exosome Serum\n\nOur exosomes come from human umbilical cord MSCs. Each MSC line is screened, and the umbilical cord tissue is donated."
	var details []string
	for _, s := range newTextChecker(t).check(t, text, scraper.FormatText).Facts.Sources {
		details = append(details, s.Detail)
	}
	seen := map[string]bool{}
	for _, d := range details {
		if d == "umbilical" || seen[strings.TrimSuffix(d, "s")] {
			t.Errorf("details %q: %q repeats a longer or plural detail", details, d)
		}
		seen[strings.TrimSuffix(d, "s")] = true
	}
	if len(details) == 0 {
		t.Fatal("no source found")
	}
}
