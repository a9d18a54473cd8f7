package reports

import (
	"encoding/xml"
	"fmt"
	"io"
)

type checkstyleRoot struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes Checkstyle XML (version 4.3), as golangci-lint does, for
// tools that read it (Jenkins Warnings NG, reviewdog -f=checkstyle, GitLab
// converters). Every document gets a <file>, so clean files show as checked;
// columns count Unicode code points. An input that could not be read is an
// error with source "exolint.input" and no line.
func Checkstyle(w io.Writer, r *Result) error {
	out := checkstyleRoot{Version: "4.3", Files: []checkstyleFile{}}
	for _, d := range r.Documents {
		cf := checkstyleFile{Name: displayPath(d.Source)}
		if d.Err != nil {
			cf.Errors = append(cf.Errors, checkstyleError{Severity: "error", Message: "could not read: " + d.Err.Error(), Source: "exolint.input"})
		}
		for _, f := range d.Findings {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line: f.Start.Line, Column: f.Start.Column,
				Severity: f.Severity.String(), Message: f.Message, Source: "exolint." + f.Rule,
			})
		}
		out.Files = append(out.Files, cf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write checkstyle: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write checkstyle: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write checkstyle: %w", err)
	}
	return nil
}
