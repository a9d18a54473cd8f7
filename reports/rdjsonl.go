package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
)

// The reviewdog Diagnostic Format (rdjson), one diagnostic per line.
// https://github.com/reviewdog/reviewdog/tree/master/proto/rdf
type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        *rdCode        `json:"code,omitempty"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// RDJSONL writes reviewdog's rdjsonl (see NewRDJSONL).
func RDJSONL(w io.Writer, r *Result) error { return Write(NewRDJSONL(w), r) }

type rdjsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
	src rdSource
}

// NewRDJSONL returns a Writer of reviewdog's rdjsonl: one JSON diagnostic
// per line, for `reviewdog -f=rdjsonl`. Unlike our other formats, columns
// here count UTF-8 bytes, as reviewdog's format defines them; the end column
// is one past the last byte. Suggestions are given only where the match is
// the source text verbatim (see fixable), since reviewdog turns them into
// one-click GitHub suggested changes. An input that could not be read
// becomes an ERROR diagnostic with no range.
func NewRDJSONL(w io.Writer) Writer {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &rdjsonlWriter{bw: bw, enc: enc, src: rdSource{Name: "exolint", URL: informationURI}}
}

func (rw *rdjsonlWriter) Begin(Meta) error { return nil }

func (rw *rdjsonlWriter) Document(d *rules.DocResult) error {
	path := displayPath(d.Source)
	if d.Err != nil {
		diag := rdDiagnostic{
			Message:  fmt.Sprintf("could not read %s: %v", path, d.Err),
			Location: rdLocation{Path: path},
			Severity: "ERROR",
			Source:   rw.src,
		}
		if err := rw.enc.Encode(diag); err != nil {
			return fmt.Errorf("write rdjsonl: %w", err)
		}
		return nil
	}
	places := rules.ExpandFindings(d.Findings) // one diagnostic per place
	for i := range places {
		f := &places[i]
		diag := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: path, Range: rdRangeOf(f)},
			Severity: rdSeverity(f.Severity),
			Source:   rw.src,
			Code:     &rdCode{Value: f.Rule, URL: HelpURL(f.Rule)},
		}
		if fixable(f) && !isURL(d.Source) {
			diag.Suggestions = []rdSuggestion{{Range: *rdRangeOf(f), Text: f.Suggestion}}
		}
		if err := rw.enc.Encode(diag); err != nil {
			return fmt.Errorf("write rdjsonl: %w", err)
		}
	}
	return nil
}

func (rw *rdjsonlWriter) End() error {
	if err := rw.bw.Flush(); err != nil {
		return fmt.Errorf("write rdjsonl: %w", err)
	}
	return nil
}

func rdRangeOf(f *rules.Finding) *rdRange {
	if !located(f) {
		return nil
	}
	return &rdRange{
		Start: rdPosition{Line: f.Start.Line, Column: f.Start.ByteColumn},
		End:   rdPosition{Line: f.End.Line, Column: f.End.ByteColumn},
	}
}

func rdSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "ERROR"
	case rules.Warning:
		return "WARNING"
	}
	return "INFO"
}
