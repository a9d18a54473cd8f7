package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The fixture harness, after go/analysis/analysistest. Each file in
// testdata/<rule-id>/ is checked by that rule alone, over all markets. An
// expectation sits on the line that must be flagged:
//
//	HTML, Markdown:  <p>Rose exosomes for radiance</p> <!-- want "source-undisclosed" -->
//	plain text:      Rose exosomes for radiance  # want "source-undisclosed"
//
// Each quoted string is a regexp matched against "rule-id: message". A line
// without "want" must stay clean, so every fixture is also a negative test.
// Failures name file:line both ways: unexpected findings and unmet wants.

var wantRE = regexp.MustCompile(`(?:<!--|#)\s*want((?:\s+(?:"(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `))+)\s*(?:-->)?`)
var wantArgRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|` + "`[^`]*`")

type expectation struct {
	line int
	re   *regexp.Regexp
	met  bool
}

func parseWants(t *testing.T, path string, src []byte) []*expectation {
	t.Helper()
	var out []*expectation
	for i, ln := range strings.Split(string(src), "\n") {
		m := wantRE.FindStringSubmatch(ln)
		if m == nil {
			continue
		}
		for _, arg := range wantArgRE.FindAllString(m[1], -1) {
			pat, err := strconv.Unquote(arg)
			if err != nil {
				t.Fatalf("%s:%d: bad want %s: %v", path, i+1, arg, err)
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				t.Fatalf("%s:%d: bad want regexp %q: %v", path, i+1, pat, err)
			}
			out = append(out, &expectation{line: i + 1, re: re})
		}
	}
	return out
}

// blankWants replaces want comments with spaces, so that plain-text
// fixtures do not lint their own expectations and positions stay put.
func blankWants(src []byte) []byte {
	// The pattern's trailing \s* can take line breaks; keep them, or the
	// lines after a want would move.
	return wantRE.ReplaceAllFunc(src, func(m []byte) []byte {
		out := make([]byte, len(m))
		for i, c := range m {
			out[i] = ' '
			if c == '\n' || c == '\r' {
				out[i] = c
			}
		}
		return out
	})
}

// checkFixtures runs one rule over every file of its fixture folder.
func checkFixtures(t *testing.T, r *rules.Rule) {
	dir := filepath.Join("testdata", r.ID)
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	engine, err := rules.NewEngine([]*rules.Rule{r}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reader := scraper.NewReader()
	for _, path := range files {
		format := scraper.FormatFor(path)
		if format == "" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		wants := parseWants(t, path, src)
		doc, err := reader.Read(path, blankWants(src), format)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Every place of a finding must be wanted, and meets a want.
		for _, f := range rules.ExpandFindings(engine.Check(doc).Findings) {
			text := f.Rule + ": " + f.Message
			matched := false
			for _, w := range wants {
				if w.line == f.Start.Line && w.re.MatchString(text) {
					w.met, matched = true, true
					break
				}
			}
			if !matched {
				t.Errorf("%s:%d:%d: unexpected finding: %s [%s]", path, f.Start.Line, f.Start.Column, text, f.Match)
			}
		}
		for _, w := range wants {
			if !w.met {
				t.Errorf("%s:%d: no finding matching %q", path, w.line, w.re)
			}
		}
	}
}

func TestFixtures(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) { checkFixtures(t, r) })
	}
}

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestCatalog checks every rule's definition, like analysis.Validate, and
// runs its Bad and Good examples so the docs can never go stale.
func TestCatalog(t *testing.T) {
	all := rules.All()
	cites := rules.Citations()
	seen := map[string]bool{}
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
		switch {
		case !kebab.MatchString(r.ID):
			t.Errorf("%s: id is not kebab-case", r.ID)
		case seen[r.ID]:
			t.Errorf("%s: duplicate id", r.ID)
		case r.Title == "" || strings.HasSuffix(r.Title, ".") || r.Title != strings.ToLower(r.Title[:1])+r.Title[1:]:
			t.Errorf("%s: title must be one lower-case line without a final period: %q", r.ID, r.Title)
		case strings.TrimSpace(r.Doc) == "" || r.Bad == "" || r.Good == "":
			t.Errorf("%s: needs Doc, Bad and Good", r.ID)
		case len(r.Citations) == 0:
			t.Errorf("%s: needs at least one citation", r.ID)
		case r.Check == nil || r.Severity == rules.Off:
			t.Errorf("%s: needs Check and a default severity", r.ID)
		case len(r.Kinds) == 0:
			t.Errorf("%s: needs Kinds, the page kinds it applies to", r.ID)
		}
		seen[r.ID] = true
		for _, c := range r.Citations {
			if _, ok := cites[c]; !ok {
				t.Errorf("%s: unknown citation %q", r.ID, c)
			}
		}
		if _, err := os.Stat(filepath.Join("testdata", r.ID)); err != nil {
			t.Errorf("%s: no fixture folder testdata/%s", r.ID, r.ID)
		}
		if got := findingsOf(t, r, r.Bad); !contains(got, r.ID) {
			t.Errorf("%s: Bad example %q does not trigger the rule (got %v)", r.ID, r.Bad, got)
		}
		if got := findingsOf(t, r, r.Good); contains(got, r.ID) {
			t.Errorf("%s: Good example %q triggers the rule", r.ID, r.Good)
		}
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("All() is not sorted by id: %v", ids)
	}
}

// findingsOf runs the whole catalog on an example, as a user would see it.
func findingsOf(t *testing.T, _ *rules.Rule, text string) []string {
	t.Helper()
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := scraper.NewReader().Read("example.txt", []byte(text), scraper.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range engine.Check(doc).Findings {
		ids = append(ids, f.Rule)
	}
	return ids
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestTermDataCitations(t *testing.T) {
	groups, err := rules.LoadTermGroups()
	if err != nil {
		t.Fatal(err)
	}
	cites := rules.Citations()
	for _, g := range groups {
		for _, c := range g.Cite {
			if _, ok := cites[c]; !ok {
				t.Errorf("%s: group %s cites unknown %q", g.File, g.Group, c)
			}
		}
		if len(g.Terms) == 0 {
			t.Errorf("%s: group %s has no terms", g.File, g.Group)
		}
	}
	_ = fmt.Sprint
}
