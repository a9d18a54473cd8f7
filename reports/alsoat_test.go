package reports

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
)

// repeatPage says "miracle" three times; the engine makes that one finding
// with two further places.
const repeatPage = "<h1>Miracle Cream</h1>\n" +
	"<p>A miracle for dry skin.</p>\n" +
	"<p>Rich and soft.</p>\n" +
	"<p>Truly a miracle.</p>\n"

func repeatResult(t *testing.T) *Result {
	f := finding(t, repeatPage, "hype-wording", rules.Warning, "Miracle", 0, `"miracle" promises more than a cosmetic can show`, "remarkable")
	for _, nth := range []int{0, 1} {
		g := finding(t, repeatPage, "hype-wording", rules.Warning, "miracle", nth, "", "")
		f.AlsoAt = append(f.AlsoAt, rules.Place{Start: g.Start, End: g.End})
	}
	f.Context, f.ContextStart, f.ContextEnd = "Miracle Cream", 0, 7
	return &Result{
		Tool: Tool{Name: "exolint", Version: "1"}, Rules: testRules(),
		Documents: []*rules.DocResult{{Source: "cream.html", Format: "html", Findings: []rules.Finding{f}}},
	}
}

// One problem in many places is one finding in JSON and text, counted
// once, and every place is marked in the line-oriented formats.
func TestRepeatedProblem(t *testing.T) {
	r := repeatResult(t)
	var b bytes.Buffer

	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Documents []struct {
			Findings []struct {
				Line   int
				AlsoAt []map[string]int `json:"also_at"`
			}
		}
		Summary Summary
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	fs := doc.Documents[0].Findings
	if len(fs) != 1 || fs[0].Line != 1 || len(fs[0].AlsoAt) != 2 || doc.Summary.Findings["warning"] != 1 {
		t.Fatalf("json: %+v", doc)
	}
	want := map[string]int{"line": 2, "column": 6, "end_line": 2, "end_column": 13}
	for k, v := range want {
		if fs[0].AlsoAt[0][k] != v {
			t.Errorf("also_at[0] = %v, want %v", fs[0].AlsoAt[0], want)
		}
	}

	b.Reset()
	if err := Text(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n    +2 more (lines 2, 4)\n") || strings.Count(b.String(), "hype-wording") != 1 ||
		!strings.Contains(b.String(), "0 errors, 1 warning, 0 info") {
		t.Errorf("text:\n%s", b.String())
	}

	b.Reset()
	out := renderSARIF(t, r, SARIFOptions{})
	validateSARIF(t, sarifValidator(t), out)
	sd := parseSARIF(t, out)
	var lines []int
	fps := map[string]bool{}
	for _, res := range sd.Runs[0].Results {
		lines = append(lines, res.Locations[0].PhysicalLocation.Region.StartLine)
		fps[res.PartialFingerprints[fingerprintKey]] = true
	}
	if len(lines) != 3 || lines[0] != 1 || lines[1] != 2 || lines[2] != 4 || len(fps) != 3 {
		t.Errorf("sarif results at lines %v, %d fingerprints; want 1 2 4, 3", lines, len(fps))
	}

	b.Reset()
	if err := GitHub(&b, r, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"line=1,", "line=2,", "line=4,"} {
		if !strings.Contains(b.String(), "::warning file=cream.html,"+l) {
			t.Errorf("github: no annotation at %s\n%s", l, b.String())
		}
	}

	b.Reset()
	if err := RDJSONL(&b, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 3 {
		t.Errorf("rdjsonl: %d diagnostics, want 3", n)
	}

	b.Reset()
	if err := JUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	var ju junitSuites
	if err := xml.Unmarshal(b.Bytes(), &ju); err != nil {
		t.Fatal(err)
	}
	for _, c := range ju.Suites[0].Cases {
		if c.Name == "hype-wording" && (c.Failure == nil || strings.Count(c.Failure.Text, "cream.html:") != 3) {
			t.Errorf("junit: %+v", c)
		}
	}

	b.Reset()
	if err := Checkstyle(&b, r); err != nil {
		t.Fatal(err)
	}
	var cs checkstyleRoot
	if err := xml.Unmarshal(b.Bytes(), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs.Files[0].Errors) != 3 {
		t.Errorf("checkstyle: %d errors, want 3", len(cs.Files[0].Errors))
	}
}
