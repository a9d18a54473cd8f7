package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The JSON contract (DESIGN.md): {"tool", "markets", "documents", "summary"},
// written piece by piece by JSON. Fields may be added, never renamed or
// removed. Columns count Unicode code points; end_column is one past the
// last character.
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

// JSON writes the result as one JSON document. Documents are encoded one at
// a time, so the output never has to exist in memory whole: an audit of
// thousands of pages writes tens of megabytes.
func JSON(w io.Writer, r *Result) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// value encodes v indented to sit at the given depth.
	value := func(v any, prefix string) ([]byte, error) {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimRight(buf.Bytes(), "\n"), nil
	}
	write := func(parts ...[]byte) {
		for _, p := range parts {
			_, _ = bw.Write(p)
		}
	}
	tool, err := value(r.Tool, "  ")
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	write([]byte("{\n  \"tool\": "), tool)
	markets, err := value(r.Markets, "  ")
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	write([]byte(",\n  \"markets\": "), markets, []byte(",\n  \"documents\": ["))
	for i, d := range r.Documents {
		doc, err := value(jsonDoc(d), "    ")
		if err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		write([]byte(sep), doc)
	}
	if len(r.Documents) > 0 {
		write([]byte("\n  "))
	}
	sum, err := value(r.Summarize(), "  ")
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	write([]byte("],\n  \"summary\": "), sum, []byte("\n}\n"))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func jsonDoc(d *rules.DocResult) jsonDocument {
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
	return jd
}

// DocumentJSON encodes one document as the contract's document object, on
// one line: what an audit store keeps and its JSONL roll-up writes, the
// same object --format json writes inside "documents".
func DocumentJSON(d *rules.DocResult) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonDoc(d)); err != nil {
		return nil, fmt.Errorf("encode %s: %w", d.Source, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
