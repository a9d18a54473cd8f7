package reports

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/exolint/exolint/rules"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	XMLName    xml.Name        `xml:"testsuite"`
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties *junitProps     `xml:"properties,omitempty"`
	Cases      []junitTestCase `xml:"testcase"`
}

type junitProps struct {
	Props []junitProp `xml:"property"`
}

type junitProp struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnitOptions control the JUnit output.
type JUnitOptions struct {
	// FailOn is the severity from which a finding fails its testcase, the
	// check's --fail-on, so the test report and the exit code agree.
	// rules.Off fails nothing (--fail-on none).
	FailOn rules.Severity
}

// JUnit writes JUnit XML (see NewJUnit), failing testcases on warnings and
// errors, as check's default --fail-on does.
func JUnit(w io.Writer, r *Result) error {
	return Write(NewJUnit(w, JUnitOptions{FailOn: rules.Warning}), r)
}

// junitWriter builds each document's testsuite when the document arrives
// and spools its XML (in memory, then a temporary file) until End, where
// the root element, which carries the totals, is written around them.
type junitWriter struct {
	w       io.Writer
	opt     JUnitOptions
	catalog []string // the run's rule ids, in catalog order
	inCat   map[string]bool
	suites  spool
	n       int // suites spooled
	totals  junitSuites
	buf     bytes.Buffer
}

// NewJUnit returns a Writer of JUnit XML: one testsuite per document and
// one testcase per rule in each document, named by the rule id with the
// document as classname. We chose rule×document over one testcase per
// finding because CI test dashboards (GitLab, Jenkins, Azure) track a test's
// history by its name: a per-finding name changes whenever copy moves, so
// every edit would look like tests vanishing and appearing, and a clean
// document would have no tests at all. With a fixed set (the run's rules),
// passing rules show as passing tests and trends stay meaningful; a rule
// outside the run's set (a suppression's bookkeeping) is a testcase only in
// the documents it reports on.
//
// A testcase fails when its rule has findings at or above opt.FailOn; the
// failure lists them with their positions. Findings below it are listed in
// system-out, so a run that exits 0 has no failed test. An input that could
// not be read is a suite with one "read" testcase in error. No timestamps or
// durations are written, so the output is reproducible.
func NewJUnit(w io.Writer, opt JUnitOptions) Writer {
	return &junitWriter{w: w, opt: opt, inCat: map[string]bool{}}
}

func (jw *junitWriter) Begin(m Meta) error {
	for _, rl := range m.Rules {
		if !jw.inCat[rl.ID] {
			jw.inCat[rl.ID] = true
			jw.catalog = append(jw.catalog, rl.ID)
		}
	}
	return nil
}

func (jw *junitWriter) Document(d *rules.DocResult) error {
	name := displayPath(d.Source)
	suite := junitSuite{Name: name}
	if p := productProps(d); len(p) > 0 {
		suite.Properties = &junitProps{Props: p}
	}
	if d.Err != nil {
		suite.Tests, suite.Errors = 1, 1
		suite.Cases = []junitTestCase{{
			Name: "read", Classname: name,
			Error: &junitProblem{Message: "could not read " + name, Type: "input", Text: d.Err.Error()},
		}}
	} else {
		// Every place is listed under its rule's testcase.
		byRule := map[string][]*rules.Finding{}
		var extra []string
		places := rules.ExpandFindings(d.Findings)
		for i := range places {
			f := &places[i]
			if !jw.inCat[f.Rule] && byRule[f.Rule] == nil {
				extra = append(extra, f.Rule)
			}
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		sort.Strings(extra)
		for _, id := range append(jw.catalog[:len(jw.catalog):len(jw.catalog)], extra...) {
			tc := junitTestCase{Name: id, Classname: name}
			junitJudge(&tc, name, byRule[id], jw.opt.FailOn)
			if tc.Failure != nil {
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
	}
	jw.totals.Tests += suite.Tests
	jw.totals.Failures += suite.Failures
	jw.totals.Errors += suite.Errors
	// Each suite as it sits under the root: a line break, two spaces in.
	jw.buf.Reset()
	jw.buf.WriteString("\n")
	enc := xml.NewEncoder(&jw.buf)
	enc.Indent("  ", "  ")
	if err := enc.Encode(suite); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	jw.n++
	if _, err := jw.suites.Write(jw.buf.Bytes()); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	return nil
}

// Abort drops the spooled suites.
func (jw *junitWriter) Abort() { jw.suites.close() }

func (jw *junitWriter) End() error {
	defer jw.suites.close()
	bw := bufio.NewWriter(jw.w)
	t := jw.totals
	fmt.Fprintf(bw, "%s<testsuites name=\"exolint\" tests=\"%d\" failures=\"%d\" errors=\"%d\">", xml.Header, t.Tests, t.Failures, t.Errors)
	if err := jw.suites.copyTo(bw); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	if jw.n > 0 {
		_, _ = bw.WriteString("\n") // bufio keeps the error for Flush
	}
	_, _ = bw.WriteString("</testsuites>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	return nil
}

// junitJudge fills a testcase from its rule's findings in one document.
func junitJudge(tc *junitTestCase, path string, fs []*rules.Finding, failOn rules.Severity) {
	var failing, info []*rules.Finding
	worst := rules.Off
	for _, f := range fs {
		if failOn != rules.Off && f.Severity >= failOn {
			failing = append(failing, f)
			worst = max(worst, f.Severity)
		} else {
			info = append(info, f)
		}
	}
	if len(failing) > 0 {
		msg := failing[0].Message
		if n := len(failing) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
		tc.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: junitList(path, failing)}
	}
	if len(info) > 0 {
		tc.SystemOut = junitList(path, info)
	}
}

// junitList prints findings one per line, as file:line:col so CI log
// viewers link them.
func junitList(path string, fs []*rules.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s", path, f.Start.Line, f.Start.Column, f.Severity, f.Message)
		if f.Match != "" {
			fmt.Fprintf(&b, " [match: %q]", f.Match)
		}
		if f.Suggestion != "" {
			fmt.Fprintf(&b, " [suggestion: %q]", f.Suggestion)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// productProps records what the page sells, so a failing suite in a CI
// dashboard names the product, not only the file.
func productProps(d *rules.DocResult) []junitProp {
	var ps []junitProp
	add := func(k, v string) {
		if v != "" {
			ps = append(ps, junitProp{Name: k, Value: v})
		}
	}
	add("product.name", d.Product.Name)
	add("product.brand", d.Product.Brand)
	add("product.url", d.Product.URL)
	add("product.sku", d.Product.SKU)
	add("product.gtin", d.Product.GTIN)
	return ps
}
