package reports

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The JSON contract (DESIGN.md): fields may be added, never renamed or
// removed. Columns count Unicode code points; end_column is one past the
// last character.
type jsonResult struct {
	Tool      Tool           `json:"tool"`
	Markets   []rules.Market `json:"markets"`
	Documents []jsonDocument `json:"documents"`
	Summary   Summary        `json:"summary"`
}

type jsonDocument struct {
	Source   string          `json:"source"`
	Format   string          `json:"format,omitempty"`
	Product  scraper.Product `json:"product"`
	Facts    *rules.Facts    `json:"facts,omitempty"`
	Findings []jsonFinding   `json:"findings"`
	Notes    []string        `json:"notes,omitempty"`
	Error    string          `json:"error,omitempty"`
}

type jsonFinding struct {
	Rule       string         `json:"rule"`
	Severity   string         `json:"severity"`
	Message    string         `json:"message"`
	Line       int            `json:"line"`
	Column     int            `json:"column"`
	EndLine    int            `json:"end_line"`
	EndColumn  int            `json:"end_column"`
	Match      string         `json:"match"`
	Help       string         `json:"help"`
	Markets    []rules.Market `json:"markets"`
	Suggestion string         `json:"suggestion,omitempty"`
	Kind       string         `json:"kind,omitempty"`
	Region     string         `json:"region,omitempty"`
}

// JSON writes the result as one JSON document.
func JSON(w io.Writer, r *Result) error {
	out := jsonResult{Tool: r.Tool, Markets: r.Markets, Documents: make([]jsonDocument, 0, len(r.Documents)), Summary: r.Summarize()}
	for _, d := range r.Documents {
		jd := jsonDocument{Source: d.Source, Format: d.Format, Product: d.Product, Findings: []jsonFinding{}, Notes: d.Notes}
		if d.Err != nil {
			jd.Error = d.Err.Error()
		} else {
			facts := d.Facts
			jd.Facts = &facts
		}
		for _, f := range d.Findings {
			jd.Findings = append(jd.Findings, jsonFinding{
				Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
				Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
				Match: f.Match, Help: HelpURL(f.Rule), Markets: f.Markets, Suggestion: f.Suggestion,
				Kind: string(f.Kind), Region: string(f.Region),
			})
		}
		out.Documents = append(out.Documents, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
