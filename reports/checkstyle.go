package reports

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
)

// checkstyleRoot is the whole document, for tests that read it back; the
// writer writes the root element by hand around each encoded <file>.
type checkstyleRoot struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes Checkstyle XML (see NewCheckstyle).
func Checkstyle(w io.Writer, r *Result) error { return Write(NewCheckstyle(w), r) }

type checkstyleWriter struct {
	w     io.Writer
	enc   *xml.Encoder
	files int
	err   error
}

// NewCheckstyle returns a Writer of Checkstyle XML (version 4.3), as
// golangci-lint writes it, for tools that read it (Jenkins Warnings NG,
// reviewdog -f=checkstyle, GitLab converters). Every document gets a
// <file>, written when the document arrives, so clean files show as checked;
// columns count Unicode code points. An input that could not be read is an
// error with source "exolint.input" and no line.
func NewCheckstyle(w io.Writer) Writer {
	enc := xml.NewEncoder(w)
	// The prefix indents each <file> under the root written by hand.
	enc.Indent("  ", "  ")
	return &checkstyleWriter{w: w, enc: enc}
}

func (cw *checkstyleWriter) writeString(s string) {
	if cw.err == nil {
		_, cw.err = io.WriteString(cw.w, s)
	}
}

func (cw *checkstyleWriter) result() error {
	if cw.err != nil {
		return fmt.Errorf("write checkstyle: %w", cw.err)
	}
	return nil
}

func (cw *checkstyleWriter) Begin(Meta) error {
	cw.writeString(xml.Header + `<checkstyle version="4.3">`)
	return cw.result()
}

func (cw *checkstyleWriter) Document(d *rules.DocResult) error {
	cf := checkstyleFile{Name: displayPath(d.Source)}
	if d.Err != nil {
		cf.Errors = append(cf.Errors, checkstyleError{Severity: "error", Message: "could not read: " + d.Err.Error(), Source: "exolint.input"})
	}
	for _, f := range rules.ExpandFindings(d.Findings) { // one error per place
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: f.Start.Line, Column: f.Start.Column,
			Severity: f.Severity.String(), Message: f.Message, Source: "exolint." + f.Rule,
		})
	}
	if cw.files == 0 {
		// The encoder starts its first element without a line break.
		cw.writeString("\n")
	}
	cw.files++
	if cw.err == nil {
		cw.err = cw.enc.Encode(cf)
	}
	return cw.result()
}

func (cw *checkstyleWriter) End() error {
	if cw.files > 0 {
		cw.writeString("\n")
	}
	cw.writeString("</checkstyle>\n")
	return cw.result()
}
