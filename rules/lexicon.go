package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// termData holds the term lists. Each group names the sources it rests on.
//
//go:embed data/*.yaml data/classes/*.yaml data/grammar/*.yaml
var termData embed.FS

// TermGroup is one named list of terms from the data files.
type TermGroup struct {
	Group string   `yaml:"group"`
	Cite  []string `yaml:"cite"`
	Terms []string `yaml:"terms"`
	File  string   `yaml:"-"`
}

// LoadTermGroups reads every embedded term file: the phrase lists in data/
// and the claim grammar's term classes, one file per language, in
// data/classes/.
func LoadTermGroups() ([]TermGroup, error) {
	var names []string
	for _, pattern := range []string{"data/*.yaml", "data/classes/*.yaml"} {
		found, err := fs.Glob(termData, pattern)
		if err != nil {
			return nil, fmt.Errorf("term data: %w", err)
		}
		sort.Strings(found)
		names = append(names, found...)
	}
	var out []TermGroup
	for _, name := range names {
		raw, err := termData.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("term data %s: %w", name, err)
		}
		var groups []TermGroup
		if err := yaml.UnmarshalWithOptions(raw, &groups, yaml.Strict()); err != nil {
			return nil, fmt.Errorf("term data %s: %w", name, err)
		}
		for i := range groups {
			groups[i].File = name
		}
		out = append(out, groups...)
	}
	return out, nil
}

// buildLexicon turns term groups into one lexicon. "a => b" entries carry b as
// the suggested rewrite.
func buildLexicon(groups []TermGroup) *Lexicon {
	var terms []*Term
	for _, g := range groups {
		for _, raw := range g.Terms {
			text, suggest, _ := strings.Cut(raw, "=>")
			terms = append(terms, &Term{Group: g.Group, Text: strings.TrimSpace(text), Suggest: strings.TrimSpace(suggest)})
		}
	}
	return NewLexicon(terms)
}
