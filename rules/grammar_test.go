package rules_test

import (
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
)

// TestGrammarParity checks that every language's class file defines every
// class the productions read, so a claim the grammar composes in one
// language can be composed in all eleven. Classes defined once for every
// language (appearance wording in data/context.yaml) count as defined.
func TestGrammarParity(t *testing.T) {
	g, err := rules.LoadGrammar()
	if err != nil {
		t.Fatal(err)
	}
	groups, err := rules.LoadTermGroups()
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string]bool{}
	byLang := map[string]map[string]int{}
	for _, gr := range groups {
		if !strings.HasPrefix(gr.File, "data/classes/") {
			shared[gr.Group] = true
			continue
		}
		lang := strings.TrimSuffix(path.Base(gr.File), ".yaml")
		if byLang[lang] == nil {
			byLang[lang] = map[string]int{}
		}
		byLang[lang][gr.Group] += len(gr.Terms)
	}
	want := []string{"en", "ko", "ja", "zh", "es", "pt", "fr", "de", "it", "tr", "ru"}
	for _, lang := range want {
		if byLang[lang] == nil {
			t.Errorf("no class file for %s", lang)
		}
	}
	langs := make([]string, 0, len(byLang))
	for lang := range byLang {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, p := range g.Productions() {
		for _, class := range append(append(append([]string{}, p.First...), p.Second...), append(p.Blockers, p.Outside...)...) {
			for _, lang := range langs {
				if byLang[lang][class] == 0 && !shared[class] {
					t.Errorf("%s: production %q reads class %q, which data/classes/%s.yaml does not define", lang, p.Name, class, lang)
				}
			}
		}
	}
}
