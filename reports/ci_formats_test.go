package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/exolint/exolint/rules"
)

func TestGitHubGolden(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "step_summary.md")
	// The runner's file already holds earlier steps' summaries: we append.
	const earlier = "## an earlier step\n\n"
	if err := os.WriteFile(summary, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := GitHub(&b, testResult(t), GitHubOptions{SummaryPath: summary}); err != nil {
		t.Fatal(err)
	}
	golden(t, "github.golden", b.Bytes())
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), earlier) {
		t.Fatalf("the step summary was replaced, not appended to:\n%s", got)
	}
	golden(t, "github-summary.golden", got[len(earlier):])
}

func TestGitHubCommandsAreWellFormed(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, testResult(t), GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		cmd, rest, ok := strings.Cut(strings.TrimPrefix(line, "::"), "::")
		if !strings.HasPrefix(line, "::") || !ok {
			t.Errorf("not a workflow command: %q", line)
			continue
		}
		// The message may hold "::"; the properties must not hold ":"
		// or "," except as separators.
		name, props, _ := strings.Cut(cmd, " ")
		if name != "error" && name != "warning" && name != "notice" {
			t.Errorf("command %q in %q", name, line)
		}
		for _, p := range strings.Split(props, ",") {
			if props == "" {
				break
			}
			k, v, ok := strings.Cut(p, "=")
			if !ok || k == "" || strings.ContainsAny(v, ":,\r\n") {
				t.Errorf("bad property %q in %q", p, line)
			}
		}
		if strings.ContainsAny(rest, "\r\n") {
			t.Errorf("raw line break in message of %q", line)
		}
	}
	// Info is a notice; the Korean finding's columns count code points.
	if !strings.Contains(b.String(), "::notice file=copy/k-beauty/엑소좀 크림.md,line=3,col=6,endLine=3,endColumn=8,") {
		t.Errorf("no notice with code-point columns for the info finding:\n%s", b.String())
	}
	// A finding over two lines gives no columns, as GitHub requires.
	if !strings.Contains(b.String(), "::error file=copy/serum.html,line=4,endLine=5,title=") {
		t.Errorf("two-line finding is not annotated by lines only:\n%s", b.String())
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeData("100% sure\r\nnext: a,b"), "100%25 sure%0D%0Anext: a,b"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
}

func TestGitHubCap(t *testing.T) {
	for _, tc := range []struct {
		max, annotated int
		more           string
	}{
		{max: 3, annotated: 3, more: "::warning::9 more findings not annotated"},
		{max: -1, annotated: 12},
		{max: 0, annotated: 12}, // under the default cap of 50
	} {
		var b bytes.Buffer
		if err := GitHub(&b, testResult(t), GitHubOptions{MaxAnnotations: tc.max}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		// The failed input is always annotated, first, and not counted.
		if !strings.HasPrefix(lines[0], "::error file=copy/missing.html,title=") {
			t.Errorf("max %d: first line %q is not the failed input", tc.max, lines[0])
		}
		findings := lines[1:]
		if tc.more != "" {
			last := findings[len(findings)-1]
			if !strings.HasPrefix(last, tc.more) {
				t.Errorf("max %d: last line %q, want %q…", tc.max, last, tc.more)
			}
			findings = findings[:len(findings)-1]
		}
		if len(findings) != tc.annotated {
			t.Errorf("max %d: %d annotations, want %d", tc.max, len(findings), tc.annotated)
		}
		// The cap keeps the most severe findings.
		if tc.max == 3 {
			for _, l := range findings {
				if !strings.HasPrefix(l, "::error ") {
					t.Errorf("capped output kept a lesser finding: %q", l)
				}
			}
		}
	}
}

func TestGitHubSummaryLargeCatalog(t *testing.T) {
	r := testResult(t)
	for i := 0; i < summaryListCleanUpTo; i++ {
		r.Documents = append(r.Documents, &rules.DocResult{Source: "clean.html"})
	}
	summary := filepath.Join(t.TempDir(), "step_summary.md")
	if err := GitHub(io.Discard, r, GitHubOptions{SummaryPath: summary}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	// The three documents with findings and the failed input stay listed,
	// in order; the clean ones (standard input among them) are counted.
	if strings.Contains(string(b), "clean.html") || !strings.Contains(string(b), "51 clean documents not listed.") ||
		strings.Count(string(b), "\n| `") != 4 {
		t.Errorf("clean documents of a large run should be counted, not listed:\n%s", b)
	}
}

func TestRDJSONLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := RDJSONL(&b, testResult(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "rdjsonl.golden", b.Bytes())
}

// Columns in rdjsonl count UTF-8 bytes: slicing each source line by them
// must give back the match.
func TestRDJSONLByteColumns(t *testing.T) {
	sources := map[string]string{serumPath: serumHTML, kbeautyPath: kbeautyMD, shopURL: shopPage}
	r := testResult(t)
	// Lines come out in document and finding order, a failed input as one
	// line with no range.
	var want []*rules.Finding
	for _, d := range r.Documents {
		if d.Err != nil {
			want = append(want, nil)
		}
		for i := range d.Findings {
			want = append(want, &d.Findings[i])
		}
	}
	var b bytes.Buffer
	if err := RDJSONL(&b, r); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&b)
	n := 0
	for sc.Scan() {
		n++
		if n > len(want) {
			t.Fatalf("more lines than findings: %s", sc.Text())
		}
		var d rdDiagnostic
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if d.Source.Name != "exolint" {
			t.Errorf("line %d: source %+v", n, d.Source)
		}
		f := want[n-1]
		if f == nil {
			if d.Location.Path != missingPath || d.Severity != "ERROR" || d.Location.Range != nil {
				t.Errorf("line %d: failed input as %+v", n, d)
			}
			continue
		}
		if d.Code == nil || d.Code.Value != f.Rule {
			t.Errorf("line %d: code %+v, want %s", n, d.Code, f.Rule)
		}
		rg := d.Location.Range
		lines := strings.Split(sources[d.Location.Path], "\n")
		var got string
		if rg.Start.Line == rg.End.Line {
			got = lines[rg.Start.Line-1][rg.Start.Column-1 : rg.End.Column-1]
		} else {
			got = lines[rg.Start.Line-1][rg.Start.Column-1:] + " " + lines[rg.End.Line-1][:rg.End.Column-1]
		}
		if got != f.Match {
			t.Errorf("line %d: bytes %d:%d-%d:%d are %q, want %q", n, rg.Start.Line, rg.Start.Column, rg.End.Line, rg.End.Column, got, f.Match)
		}
		for _, s := range d.Suggestions {
			if s.Range != *rg || s.Text != f.Suggestion {
				t.Errorf("line %d: suggestion %+v does not replace the finding's range %+v", n, s, *rg)
			}
		}
	}
	if n != len(want) {
		t.Errorf("got %d lines, want %d", n, len(want))
	}
}

func TestRDJSONLKoreanByteColumns(t *testing.T) {
	r := testResult(t)
	var b bytes.Buffer
	if err := RDJSONL(&b, &Result{Rules: r.Rules, Documents: r.Documents[1:2]}); err != nil {
		t.Fatal(err)
	}
	// "🌹 장미 엑소좀": 4 + 1 + 6 + 1 bytes before 엑, which is 9 bytes long.
	want := `"range":{"start":{"line":3,"column":13},"end":{"line":3,"column":22}}`
	if !strings.Contains(b.String(), want) {
		t.Errorf("no %s in\n%s", want, b.String())
	}
}

func TestJUnitGolden(t *testing.T) {
	var b bytes.Buffer
	if err := JUnit(&b, testResult(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "junit.golden", b.Bytes())

	var doc junitSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	// The three catalog rules in each of four readable documents, the rule
	// only findings name (legacy-claim) where it reports, and one read
	// error.
	if doc.Tests != 14 || doc.Errors != 1 || len(doc.Suites) != 5 {
		t.Errorf("tests=%d errors=%d suites=%d, want 14, 1, 5", doc.Tests, doc.Errors, len(doc.Suites))
	}
	// serum: hype and source fail; kbeauty: hype and source fail,
	// testing-undisclosed and legacy-claim are info only; shop: both fail.
	if doc.Failures != 6 {
		t.Errorf("failures=%d, want 6", doc.Failures)
	}
	sum := 0
	for _, s := range doc.Suites {
		f := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
		}
		if f != s.Failures || len(s.Cases) != s.Tests {
			t.Errorf("suite %s counts do not match its testcases", s.Name)
		}
		sum += s.Tests
	}
	if sum != doc.Tests {
		t.Errorf("testsuites tests=%d, sum of suites %d", doc.Tests, sum)
	}
}

func TestCheckstyleGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Checkstyle(&b, testResult(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "checkstyle.golden", b.Bytes())
	var doc checkstyleRoot
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if doc.Version != "4.3" || len(doc.Files) != 5 {
		t.Errorf("version %q, %d files", doc.Version, len(doc.Files))
	}
}

// Writers report a failing writer instead of losing output silently.
func TestWritersReturnWriteErrors(t *testing.T) {
	r := testResult(t)
	writers := map[string]func(io.Writer) error{
		"sarif":      func(w io.Writer) error { return SARIF(w, r, SARIFOptions{}) },
		"github":     func(w io.Writer) error { return GitHub(w, r, GitHubOptions{}) },
		"rdjsonl":    func(w io.Writer) error { return RDJSONL(w, r) },
		"junit":      func(w io.Writer) error { return JUnit(w, r) },
		"checkstyle": func(w io.Writer) error { return Checkstyle(w, r) },
	}
	for name, write := range writers {
		if err := write(failingWriter{}); err == nil {
			t.Errorf("%s: no error from a failing writer", name)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// JUnit fails a testcase only at or above --fail-on, so the test report and
// the exit code agree; what is below is listed in system-out.
func TestJUnitFollowsFailOn(t *testing.T) {
	for _, tc := range []struct {
		failOn   rules.Severity
		failures int
	}{{rules.Info, 8}, {rules.Warning, 6}, {rules.Error, 4}, {rules.Off, 0}} {
		var b bytes.Buffer
		if err := Write(NewJUnit(&b, JUnitOptions{FailOn: tc.failOn}), testResult(t)); err != nil {
			t.Fatal(err)
		}
		var doc junitSuites
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Failures != tc.failures {
			t.Errorf("--fail-on %s: %d failures, want %d", tc.failOn, doc.Failures, tc.failures)
		}
		// Every finding is listed somewhere, failing or not.
		if n := strings.Count(b.String(), "copy/"); n < 10 {
			t.Errorf("--fail-on %s: findings missing from the report (%d mentions)", tc.failOn, n)
		}
	}
}

// GitHub's endColumn is the last character (inclusive): @actions/core
// defaults it to startColumn, a one-character annotation. SARIF and
// rdjsonl ends are one past it. Each annotation's col..endColumn must be the
// match's code points, and an end just past a line break must not reach
// into the next line.
func TestGitHubColumnsAreInclusive(t *testing.T) {
	src := "<p>A miracle.</p>\n<p>X</p>\n<p>Ends here\nnext line</p>\n"
	one := finding(t, src, "hype-wording", rules.Warning, "X", 0, "one character", "")
	word := finding(t, src, "hype-wording", rules.Warning, "miracle", 0, "a word", "")
	// "here\n": the exclusive end is column 1 of line 4.
	tail := finding(t, src, "hype-wording", rules.Warning, "here\n", 0, "to the line's end", "")
	r := &Result{Documents: []*rules.DocResult{{Source: "a.html", Findings: []rules.Finding{word, one, tail}}}}
	var b bytes.Buffer
	if err := GitHub(&b, r, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := []string{
		"::warning file=a.html,line=1,col=6,endLine=1,endColumn=12,",
		"::warning file=a.html,line=2,col=4,endLine=2,endColumn=4,",
		"::warning file=a.html,line=3,col=9,endLine=3,endColumn=12,",
	}
	for i, w := range want {
		if i >= len(lines) || !strings.HasPrefix(lines[i], w) {
			t.Errorf("annotation %d:\n got %q\nwant %q…", i, lines[min(i, len(lines)-1)], w)
		}
	}
	// The same columns read against the source give the words.
	srcLines := strings.Split(src, "\n")
	if got := string([]rune(srcLines[0])[6-1 : 12]); got != "miracle" {
		t.Errorf("col 6..endColumn 12 of line 1 is %q", got)
	}
}

// rdjsonSchema is reviewdog's Diagnostic message (proto/rdf/reviewdog.proto,
// whose JSON schema is generated from it) written out with the constraints
// reviewdog relies on: a message, a location with a path, a severity from
// its enum, 1-based integer positions, and suggestions with a range and
// text. Unknown fields are allowed, as in reviewdog's schema.
const rdjsonSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["message", "location"],
  "properties": {
    "message": {"type": "string", "minLength": 1},
    "location": {
      "type": "object", "required": ["path"],
      "properties": {"path": {"type": "string", "minLength": 1}, "range": {"$ref": "#/$defs/range"}}
    },
    "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO", 0, 1, 2, 3]},
    "source": {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}},
    "code": {"type": "object", "properties": {"value": {"type": "string"}, "url": {"type": "string", "format": "uri"}}},
    "suggestions": {"type": "array", "items": {
      "type": "object", "required": ["range", "text"],
      "properties": {"range": {"$ref": "#/$defs/range"}, "text": {"type": "string"}}
    }}
  },
  "$defs": {
    "position": {"type": "object", "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}}},
    "range": {"type": "object", "required": ["start"], "properties": {"start": {"$ref": "#/$defs/position"}, "end": {"$ref": "#/$defs/position"}}}
  }
}`

func TestRDJSONLMatchesReviewdogSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(rdjsonSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("rdjson.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("rdjson.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := RDJSONL(&b, stdinAndURLResult(t)); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		n++
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatalf("line %d is not JSON: %v", n, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("line %d does not match reviewdog's Diagnostic: %v\n%s", n, err, line)
		}
	}
	// The schema must be able to fail.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"message":"m","location":{"path":"a","range":{"start":{"line":0}}},"severity":"FATAL"}`))
	if sch.Validate(bad) == nil {
		t.Error("the schema accepted a broken diagnostic")
	}
}
