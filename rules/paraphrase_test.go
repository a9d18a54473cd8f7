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
// Each sentence is checked alone, as a plain-text document, by the whole
// catalog. A claim is caught when one of the rules in its "want" column
// fires; a compliant sentence ("-") must draw no wording finding at all.
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
				doc, err := reader.Read(lang+".txt", []byte(p.sentence), scraper.FormatText)
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
					clean++
					if len(fired) > 0 {
						falseAlarms++
						t.Logf("%s:%d: false alarm %v on compliant %s sentence: %s", path, p.line, fired, p.class, p.sentence)
					}
					continue
				}
				claims++
				hit := false
				for _, w := range p.want {
					if _, ok := fired[w]; ok {
						hit = true
					}
				}
				if hit {
					caught++
				} else {
					t.Logf("%s:%d: missed %s claim (want %s, got %v): %s", path, p.line, p.class, strings.Join(p.want, "|"), fired, p.sentence)
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

func ratio(n, d int) string { return fmt.Sprintf("%d/%d", n, d) }
