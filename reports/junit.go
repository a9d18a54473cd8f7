package reports

import (
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

// junitWriter keeps, per document, its name, product and findings (no
// facts, no texts) until End: the root element carries totals, and every
// document gets a testcase for every rule any finding names.
type junitWriter struct {
	w     io.Writer
	opt   JUnitOptions
	meta  Meta
	docs  []junitDoc
	extra map[string]bool // rules findings name beyond the catalog
}

// junitDoc is what the JUnit report needs of one document.
type junitDoc struct {
	name     string
	props    []junitProp
	err      string
	findings []rules.Finding // Context dropped
}

// NewJUnit returns a Writer of JUnit XML: one testsuite per document and
// one testcase per rule in each document, named by the rule id with the
// document as classname. We chose rule×document over one testcase per
// finding because CI test dashboards (GitLab, Jenkins, Azure) track a test's
// history by its name: a per-finding name changes whenever copy moves, so
// every edit would look like tests vanishing and appearing, and a clean
// document would have no tests at all. With a fixed set, passing rules show
// as passing tests and trends stay meaningful.
//
// A testcase fails when its rule has findings at or above opt.FailOn; the
// failure lists them with their positions. Findings below it are listed in
// system-out, so a run that exits 0 has no failed test. An input that could
// not be read is a suite with one "read" testcase in error. No timestamps or
// durations are written, so the output is reproducible.
func NewJUnit(w io.Writer, opt JUnitOptions) Writer {
	return &junitWriter{w: w, opt: opt, extra: map[string]bool{}}
}

func (jw *junitWriter) Begin(m Meta) error {
	jw.meta = m
	return nil
}

func (jw *junitWriter) Document(d *rules.DocResult) error {
	jd := junitDoc{name: displayPath(d.Source), props: productProps(d)}
	if d.Err != nil {
		jd.err = d.Err.Error()
	}
	// Every place is listed under its rule's testcase.
	if places := rules.ExpandFindings(d.Findings); len(places) > 0 {
		jd.findings = make([]rules.Finding, len(places))
		for i, f := range places {
			f.Context = ""
			jd.findings[i] = f
			jw.extra[f.Rule] = true
		}
	}
	jw.docs = append(jw.docs, jd)
	return nil
}

func (jw *junitWriter) End() error {
	ids := junitRuleIDs(jw.meta.Rules, jw.extra)
	out := junitSuites{Name: "exolint", Suites: []junitSuite{}}
	for _, d := range jw.docs {
		suite := junitSuite{Name: d.name}
		if len(d.props) > 0 {
			suite.Properties = &junitProps{Props: d.props}
		}
		if d.err != "" {
			suite.Tests, suite.Errors = 1, 1
			suite.Cases = []junitTestCase{{
				Name: "read", Classname: d.name,
				Error: &junitProblem{Message: "could not read " + d.name, Type: "input", Text: d.err},
			}}
		} else {
			byRule := map[string][]*rules.Finding{}
			for i := range d.findings {
				f := &d.findings[i]
				byRule[f.Rule] = append(byRule[f.Rule], f)
			}
			for _, id := range ids {
				tc := junitTestCase{Name: id, Classname: d.name}
				junitJudge(&tc, d.name, byRule[id], jw.opt.FailOn)
				if tc.Failure != nil {
					suite.Failures++
				}
				suite.Cases = append(suite.Cases, tc)
			}
			suite.Tests = len(suite.Cases)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(jw.w, xml.Header); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	enc := xml.NewEncoder(jw.w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	if _, err := io.WriteString(jw.w, "\n"); err != nil {
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

// junitRuleIDs are the testcases of every document: the run's rules in
// catalog order, then any rule a finding names that the catalog lacks,
// sorted.
func junitRuleIDs(catalog []*rules.Rule, named map[string]bool) []string {
	seen := map[string]bool{}
	var ids []string
	for _, rl := range catalog {
		if !seen[rl.ID] {
			seen[rl.ID] = true
			ids = append(ids, rl.ID)
		}
	}
	var extra []string
	for id := range named {
		if !seen[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	return append(ids, extra...)
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
