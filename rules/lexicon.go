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
//go:embed data/*.yaml
var termData embed.FS

// TermGroup is one named list of terms from the data files.
type TermGroup struct {
	Group string   `yaml:"group"`
	Cite  []string `yaml:"cite"`
	Terms []string `yaml:"terms"`
	File  string   `yaml:"-"`
}

// LoadTermGroups reads every embedded term file.
func LoadTermGroups() ([]TermGroup, error) {
	names, err := fs.Glob(termData, "data/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("term data: %w", err)
	}
	sort.Strings(names)
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
