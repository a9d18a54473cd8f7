package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The paraphrase set (testdata/paraphrase/<lang>.tsv) is our own writing:
// claim sentences that no term list was built from, and compliant
// counterparts that share their words ("barrier repair", "the look of
// scars", a regulator's warning, a question). <lang>.tsv was written before
// the claim grammar existed (it then caught 10 of 34 English claims and 0-3
// of about 21 in each other language); <lang>-2.tsv was written after the
// grammar's first version and measured once before any change (81 of 115
// claims caught, none of 61 compliant sentences flagged); <lang>-3.tsv was
// written near the end and measured once the same way (61 of 70 caught,
// none of 34 flagged). Neither is edited
// to make it pass. A separate held-out set, which the project never sees,
// measures the same thing; these keep the grammar honest while it is worked
// on, and they measure our own writing, not real pages.
//
// Each sentence is checked twice by the whole catalog: alone, as a
// plain-text document, and as the copy of a small plain-text listing (a
// product name with the exosome word, a price, an add-to-cart line, a blank
// line, the sentence), which reads as a product page. A claim is caught when
// one of the rules in its "want" column fires in both; a compliant sentence
// ("-") must draw no wording finding in either.
// <lang>-4.tsv was written for the held-out set's weak patterns (safety
// for vulnerable groups, contraindications, impossible reactions, risk-free;
// 100 % effective, procedure replacement, the last serum, age numbers;
// endorsement by a society, registration as a medicine; hair regrowth,
// cells producing collagen, healing acne scars, anti-inflammatory action,
// action on dermal cells, testimonials in every quote style; negation at the
// end of the clause and "not intended to treat or cure" disclaimers) and
// measured once before any change (52 of 253 claims caught, 18 of 88
// compliant sentences flagged); <lang>-5.tsv was written after those
// fixes (167 of 209, none of 55 flagged) and <lang>-6.tsv after the next
// ones, in harder, more indirect wording with compliant look-alikes (65 of
// 132, none of 44 flagged). Each commit that adds a batch records its
// first measurement per language.
//
// Run with -v to see every miss and false alarm.

// paraphraseFloor is the share of claims each language must catch.
const paraphraseFloor = 0.80

// wordingRules are the rules a compliant sentence must not trigger.
var wordingRules = map[string]bool{
	"approval-claim": true, "drug-claim": true, "hype-wording": true, "name-claim": true,
	"penetration-claim": true, "procedure-comparison": true, "procedure-wording": true,
	"safety-absolute": true, "testimonial-drug-claim": true, "free-from-claim": true,
	"stem-cell-implication": true, "unsupported-evidence": true, "particle-count-claim": true,
}

type paraphrase struct {
	want     []string // empty: must stay clean
	class    string
	sentence string
	line     int
}

func loadParaphrases(t *testing.T, path string) []paraphrase {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []paraphrase
	for i, ln := range strings.Split(string(raw), "\n") {
		n := i + 1
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		cols := strings.Split(ln, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated columns, got %d", path, n, len(cols))
		}
		p := paraphrase{class: cols[1], sentence: cols[2], line: n}
		if cols[0] != "-" {
			p.want = strings.Split(cols[0], "|")
		}
		out = append(out, p)
	}
	return out
}

func TestParaphrases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "paraphrase", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatal("no paraphrase sets in testdata/paraphrase")
	}
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	reader := scraper.NewReader()
	var table []string
	byLang := map[string][]string{}
	for _, path := range files {
		lang, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(path), ".tsv"), "-")
		byLang[lang] = append(byLang[lang], path)
	}
	langs := make([]string, 0, len(byLang))
	for lang := range byLang {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		var claims, caught, clean, falseAlarms int
		for _, path := range byLang[lang] {
			for _, p := range loadParaphrases(t, path) {
				alarm, missed := false, false
				for _, setting := range []struct{ name, text string }{
					{"alone", p.sentence},
					{"in a listing", listingHeader(lang) + p.sentence + "\n"},
				} {
					doc, err := reader.Read(lang+".txt", []byte(setting.text), scraper.FormatText)
					if err != nil {
						t.Fatalf("%s:%d: %v", path, p.line, err)
					}
					fired := map[string]string{}
					for _, f := range engine.Check(doc).Findings {
						if wordingRules[f.Rule] {
							fired[f.Rule] = f.Match
						}
					}
					if p.want == nil {
						if len(fired) > 0 && !alarm {
							alarm = true
							t.Logf("%s:%d: false alarm %v on compliant %s sentence (%s): %s", path, p.line, fired, p.class, setting.name, p.sentence)
						}
						continue
					}
					hit := false
					for _, w := range p.want {
						if _, ok := fired[w]; ok {
							hit = true
						}
					}
					if !hit && !missed {
						missed = true
						t.Logf("%s:%d: missed %s claim %s (want %s, got %v): %s", path, p.line, p.class, setting.name, strings.Join(p.want, "|"), fired, p.sentence)
					}
				}
				if p.want == nil {
					clean++
					if alarm {
						falseAlarms++
					}
					continue
				}
				claims++
				if !missed {
					caught++
				}
			}
		}
		rate := float64(caught) / float64(claims)
		table = append(table, lang+"\t"+ratio(caught, claims)+"\t"+ratio(falseAlarms, clean))
		if rate < paraphraseFloor {
			t.Errorf("%s: caught %d of %d paraphrased claims (%.2f), below the floor %.2f", lang, caught, claims, rate, paraphraseFloor)
		}
		if falseAlarms > 0 {
			t.Errorf("%s: %d of %d compliant sentences drew a wording finding", lang, falseAlarms, clean)
		}
	}
	sort.Strings(table)
	t.Logf("lang\tcaught\tfalse alarms\n%s", strings.Join(table, "\n"))
}

// listingHeader is the top of a small plain-text listing in the language:
// the product name with the exosome word, a price and an add-to-cart line.
func listingHeader(lang string) string {
	head := map[string][3]string{
		"en": {"Glow Lab Exosome Repair Serum 30 ml", "$39.00", "Add to cart"},
		"ko": {"글로우랩 엑소좀 앰플 30ml", "29,000원", "장바구니 담기"},
		"ja": {"グロウラボ エクソソーム美容液 30mL", "¥4,980（税込）", "カートに入れる"},
		"zh": {"光研外泌体精华 30ml", "¥198", "加入购物车"},
		"es": {"Sérum de Exosomas Glow Lab 30 ml", "34,90 €", "Añadir al carrito"},
		"pt": {"Sérum de Exossomos Glow Lab 30 ml", "R$ 149,90", "Adicionar ao carrinho"},
		"fr": {"Sérum aux Exosomes Glow Lab 30 ml", "34,90 €", "Ajouter au panier"},
		"de": {"Glow Lab Exosomen-Serum 30 ml", "34,90 €", "In den Warenkorb"},
		"it": {"Siero agli Esosomi Glow Lab 30 ml", "34,90 €", "Aggiungi al carrello"},
		"tr": {"Glow Lab Eksozom Serum 30 ml", "749,90 TL", "Sepete ekle"},
		"ru": {"Сыворотка с экзосомами Glow Lab 30 мл", "2 490 ₽", "В корзину"},
	}[lang]
	return head[0] + "\n" + head[1] + "\n" + head[2] + "\n\n"
}

func ratio(n, d int) string { return fmt.Sprintf("%d/%d", n, d) }
