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
// written piece by piece by NewJSON; NewJSONL writes the documents alone. Fields may be added, never renamed or
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
	AlsoAt     []jsonPlace    `json:"also_at,omitempty"`
}

// jsonPlace is a further place of the same problem (DESIGN.md: one finding
// per problem, every place listed).
type jsonPlace struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
}

// JSON writes the result as one JSON document (see NewJSON).
func JSON(w io.Writer, r *Result) error { return Write(NewJSON(w), r) }

// JSONL writes one document object per line (see NewJSONL).
func JSONL(w io.Writer, r *Result) error { return Write(NewJSONL(w), r) }

// jsonWriter writes {"tool", "markets", "documents": [...], "summary"}
// piece by piece: each document is encoded and written when it arrives, so
// the output never exists in memory whole and the summary, counted on the
// way, comes last.
type jsonWriter struct {
	bw   *bufio.Writer
	buf  bytes.Buffer
	enc  *json.Encoder
	docs int
	sum  Summary
	err  error
}

// NewJSON returns a Writer of the JSON contract (DESIGN.md): one valid JSON
// document, written as documents finish.
func NewJSON(w io.Writer) Writer {
	jw := &jsonWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	return jw
}

// value encodes v indented to sit after the given prefix.
func (jw *jsonWriter) value(v any, prefix string) []byte {
	jw.buf.Reset()
	jw.enc.SetIndent(prefix, "  ")
	if err := jw.enc.Encode(v); err != nil && jw.err == nil {
		jw.err = err
	}
	return bytes.TrimRight(jw.buf.Bytes(), "\n")
}

func (jw *jsonWriter) write(parts ...[]byte) {
	for _, p := range parts {
		if jw.err == nil {
			_, jw.err = jw.bw.Write(p)
		}
	}
}

func (jw *jsonWriter) result() error {
	if jw.err != nil {
		return fmt.Errorf("write json: %w", jw.err)
	}
	return nil
}

func (jw *jsonWriter) Begin(m Meta) error {
	jw.write([]byte("{\n  \"tool\": "), jw.value(m.Tool, "  "))
	jw.write([]byte(",\n  \"markets\": "), jw.value(m.Markets, "  "), []byte(",\n  \"documents\": ["))
	return jw.result()
}

func (jw *jsonWriter) Document(d *rules.DocResult) error {
	sep := ",\n    "
	if jw.docs == 0 {
		sep = "\n    "
	}
	jw.docs++
	jw.sum.Add(d)
	jw.write([]byte(sep), jw.value(jsonDoc(d), "    "))
	// Hand each document on at once: a reader (a pipe, a tail -f) sees
	// progress, and the buffer never holds more than one document.
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	return jw.result()
}

func (jw *jsonWriter) End() error {
	if jw.docs > 0 {
		jw.write([]byte("\n  "))
	}
	if jw.sum.Findings == nil {
		jw.sum = Summary{Findings: map[string]int{"error": 0, "warning": 0, "info": 0}}
	}
	jw.write([]byte("],\n  \"summary\": "), jw.value(jw.sum, "  "), []byte("\n}\n"))
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	return jw.result()
}

// jsonlWriter writes one document object per line, the same object as in
// the JSON contract's "documents" array, and nothing else: no tool, no
// summary, so shards of a run concatenate into the run (Spark RDD.pipe,
// Hadoop Streaming, GNU parallel).
type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
	err error
}

// NewJSONL returns a Writer of JSON Lines: one document object per line.
func NewJSONL(w io.Writer) Writer {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{bw: bw, enc: enc}
}

func (jw *jsonlWriter) Begin(Meta) error { return nil }

func (jw *jsonlWriter) Document(d *rules.DocResult) error {
	if jw.err == nil {
		jw.err = jw.enc.Encode(jsonDoc(d))
	}
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	if jw.err != nil {
		return fmt.Errorf("write jsonl: %w", jw.err)
	}
	return nil
}

func (jw *jsonlWriter) End() error {
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	if jw.err != nil {
		return fmt.Errorf("write jsonl: %w", jw.err)
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
		jf := jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
			Match: f.Match, Help: HelpURL(f.Rule), Markets: f.Markets, Suggestion: f.Suggestion,
			Kind: string(f.Kind), Region: string(f.Region),
		}
		for _, p := range f.AlsoAt {
			jf.AlsoAt = append(jf.AlsoAt, jsonPlace{Line: p.Start.Line, Column: p.Start.Column, EndLine: p.End.Line, EndColumn: p.End.Column})
		}
		jd.Findings = append(jd.Findings, jf)
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

// JSONDocument is one element of "documents" exactly as JSON writes it, for
// callers that answer one document at a time (the web API of `serve`).
func JSONDocument(d *rules.DocResult) any { return jsonDoc(d) }
