// Package reports writes check results in the formats people and tools read.
// Each format is a Writer (stream.go) that receives documents as they
// finish; the functions named after the formats (JSON, Text, SARIF…) run a
// whole Result through one. None decides an exit code.
package reports

import (
	"github.com/exolint/exolint/rules"
)

// DocsURL is where each rule's documentation lives; a rule's anchor is its id.
const DocsURL = "https://github.com/exolint/exolint/blob/main/docs/rules.md"

// HelpURL links to one rule's documentation.
func HelpURL(id string) string { return DocsURL + "#" + id }

// Tool names the program that produced a result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Result is one run of exolint check.
type Result struct {
	Tool      Tool
	Markets   []rules.Market
	Rules     []*rules.Rule
	Documents []*rules.DocResult
}

// Summary counts documents, failed inputs and findings by severity.
type Summary struct {
	Documents int            `json:"documents"`
	Errors    int            `json:"errors"`
	Findings  map[string]int `json:"findings"`
}

// Summarize counts the result.
func (r *Result) Summarize() Summary {
	s := Summary{Findings: map[string]int{"error": 0, "warning": 0, "info": 0}}
	for _, d := range r.Documents {
		s.Add(d)
	}
	return s
}
