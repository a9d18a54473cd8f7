package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// suppressionsFile is the suppressions file for pages whose source cannot
// carry comments (URLs of pages you do not own):
//
//	suppressions:
//	  - url: https://shop.example/products/x   # or product: SKU or GTIN
//	    rule: hype-wording
//	    match: miracle                          # optional: any text when empty
//	    reason: retailer copy, ticket RET-12
//	    expires: 2027-01-31                     # optional
type suppressionsFile struct {
	Suppressions []struct {
		URL     string `yaml:"url"`
		Product string `yaml:"product"`
		Rule    string `yaml:"rule"`
		Match   string `yaml:"match"`
		Reason  string `yaml:"reason"`
		Expires string `yaml:"expires"`
	} `yaml:"suppressions"`
}

// LoadSuppressions reads a suppressions file.
func LoadSuppressions(path string, known []*rules.Rule) ([]rules.FileSuppression, error) {
	data, err := scraper.ReadFile(path, maxConfigBytes)
	if err != nil {
		return nil, fmt.Errorf("read suppressions: %w", err)
	}
	return ParseSuppressions(path, data, known)
}

// ParseSuppressions reads suppressions-file data; name is used in messages.
func ParseSuppressions(name string, data []byte, known []*rules.Rule) ([]rules.FileSuppression, error) {
	if strings.TrimSpace(string(data)) == "" {
		return nil, nil
	}
	var f suppressionsFile
	if err := unmarshal(name, data, &f); err != nil {
		return nil, err
	}
	lines := entryLines(data)
	var out []rules.FileSuppression
	for i, e := range f.Suppressions {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		bad := func(format string, args ...any) error {
			return &Error{File: name, Line: line, Msg: fmt.Sprintf("suppressions[%d]: ", i) + fmt.Sprintf(format, args...)}
		}
		if e.URL == "" && e.Product == "" {
			return nil, bad("needs url or product (SKU or GTIN)")
		}
		if _, err := rules.Lookup(known, e.Rule); err != nil {
			msg := fmt.Sprintf("unknown rule %q", e.Rule)
			if s := rules.SuggestID(known, e.Rule); s != "" && e.Rule != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return nil, bad("%s", msg)
		}
		if strings.TrimSpace(e.Reason) == "" {
			return nil, bad("needs a reason")
		}
		s := rules.FileSuppression{URL: e.URL, Product: e.Product, Rule: e.Rule, Match: e.Match, Reason: e.Reason, Origin: fmt.Sprintf("%s:%d", name, line)}
		if e.Expires != "" {
			t, err := time.Parse(time.DateOnly, e.Expires)
			if err != nil {
				return nil, bad("expires: want a date like 2027-01-31, got %q", e.Expires)
			}
			s.Expires = t
		}
		out = append(out, s)
	}
	return out, nil
}

// entryLines returns the line of each entry of the suppressions list.
func entryLines(data []byte) []int {
	file, err := parser.ParseBytes(data, 0)
	if err != nil || len(file.Docs) == 0 {
		return nil
	}
	m, ok := file.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return nil
	}
	var out []int
	for _, kv := range m.Values {
		seq, ok := kv.Value.(*ast.SequenceNode)
		if kv.Key.String() != "suppressions" || !ok {
			continue
		}
		for _, v := range seq.Values {
			if tk := v.GetToken(); tk != nil && tk.Position != nil {
				out = append(out, tk.Position.Line)
			}
		}
	}
	return out
}
