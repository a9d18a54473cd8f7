package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// sarifValidator compiles the official SARIF 2.1.0 schema (errata 01), kept
// in testdata so tests never need the network or files outside the module.
// Formats ("uri", "uri-reference") are asserted too: GitHub rejects logs
// whose URIs do not parse.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schema, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not match the 2.1.0 schema: %v", err)
	}
}

func renderSARIF(t *testing.T, r *Result, opt SARIFOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID, Name, HelpURI string
					Help              struct{ Text, Markdown string }
				}
			}
		}
		ColumnKind         string
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Invocations        []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Message   struct{ Text string }
				Locations []sarifLocation
			}
		}
		Results []struct {
			RuleID              string
			RuleIndex           int
			Level               string
			Locations           []sarifLocation
			PartialFingerprints map[string]string
			Fixes               []sarifFix
		}
	}
}

func parseSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(d.Runs))
	}
	return d
}

func TestSARIFGolden(t *testing.T) {
	out := renderSARIF(t, testResult(t), SARIFOptions{AutomationID: "exolint/copy"})
	validateSARIF(t, sarifValidator(t), out)
	golden(t, "sarif.golden", out)
}

// The validator must be able to fail, or the schema test proves nothing.
func TestSARIFSchemaRejectsBrokenLog(t *testing.T) {
	sch := sarifValidator(t)
	out := renderSARIF(t, testResult(t), SARIFOptions{})
	for _, broken := range []string{
		strings.Replace(string(out), `"level": "warning"`, `"level": "fatal"`, 1),
		strings.Replace(string(out), `"columnKind": "unicodeCodePoints"`, `"columnKind": "bytes"`, 1),
		strings.Replace(string(out), `"helpUri": "https://`, `"helpUri": "not a uri `, 1),
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(broken))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepted a broken log")
		}
	}
}

func TestSARIFContent(t *testing.T) {
	r := testResult(t)
	run := parseSARIF(t, renderSARIF(t, r, SARIFOptions{})).Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	rs := run.Tool.Driver.Rules
	want := []string{"hype-wording", "source-undisclosed", "testing-undisclosed", "legacy-claim"}
	if len(rs) != len(want) {
		t.Fatalf("got %d rules, want %d", len(rs), len(want))
	}
	for i, id := range want {
		if rs[i].ID != id || rs[i].HelpURI != HelpURL(id) {
			t.Errorf("rule %d = %s %s, want %s", i, rs[i].ID, rs[i].HelpURI, id)
		}
	}
	if rs[1].Name != "SourceUndisclosed" {
		t.Errorf("name = %q, want PascalCase of the id", rs[1].Name)
	}
	if h := rs[0].Help; !strings.Contains(h.Text, "A miracle serum.") || !strings.Contains(h.Markdown, "visibly smoother") ||
		!strings.Contains(h.Markdown, "https://www.asa.org.uk/") {
		t.Errorf("help lacks Bad, Good or sources: %+v", h)
	}
	total := 0
	for _, d := range r.Documents {
		total += len(d.Findings)
	}
	if len(run.Results) != total {
		t.Fatalf("got %d results, want %d", len(run.Results), total)
	}
	seen := map[string]bool{}
	for _, res := range run.Results {
		if rs[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d (%s)", res.RuleID, res.RuleIndex, rs[res.RuleIndex].ID)
		}
		fp := res.PartialFingerprints[fingerprintKey]
		if fp == "" || seen[fp] {
			t.Errorf("fingerprint %q of %s missing or not unique", fp, res.RuleID)
		}
		seen[fp] = true
	}
	// The Korean path is escaped in the URI and relative to %SRCROOT%.
	loc := run.Results[5].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URIBaseID != srcRootID {
		t.Errorf("uriBaseId = %q", loc.ArtifactLocation.URIBaseID)
	}
	if p, err := url.PathUnescape(loc.ArtifactLocation.URI); err != nil || p != kbeautyPath || loc.ArtifactLocation.URI == kbeautyPath {
		t.Errorf("uri %q does not escape %q", loc.ArtifactLocation.URI, kbeautyPath)
	}
	// 🌹 장미 엑소좀: the emoji is one code point, so 엑 is column 6.
	if reg := loc.Region; reg == nil || reg.StartLine != 3 || reg.StartColumn != 6 || reg.EndColumn != 9 {
		t.Errorf("region of the second 엑소좀 = %+v, want 3:6-3:9", reg)
	}
	// A URL is relative to its site (code scanning takes no http URIs),
	// query and all.
	pages := 0
	for _, res := range run.Results {
		a := res.Locations[0].PhysicalLocation.ArtifactLocation
		if strings.Contains(a.URI, "://") {
			t.Errorf("absolute non-file URI %q in a result", a.URI)
		}
		if a.URIBaseID == "SITE_shop.example" {
			pages++
			if a.URI != "products/exo?variant=1&ref=a,b" {
				t.Errorf("page uri %q", a.URI)
			}
		}
	}
	if pages != 2 {
		t.Errorf("%d results on the page, want 2", pages)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful is true although an input failed")
	}
	if len(inv.ToolExecutionNotifications) != 1 || !strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "no such file") {
		t.Errorf("notifications = %+v", inv.ToolExecutionNotifications)
	}
	fixes := 0
	for _, res := range run.Results {
		fixes += len(res.Fixes)
	}
	// "miracle" and the second 엑소좀 in files; the URL's suggestion cannot be
	// applied.
	if fixes != 2 {
		t.Errorf("got %d fixes, want 2", fixes)
	}
}

func TestSARIFSucceedsWithoutFailedInputs(t *testing.T) {
	r := testResult(t)
	r.Documents = r.Documents[:3]
	out := renderSARIF(t, r, SARIFOptions{})
	validateSARIF(t, sarifValidator(t), out)
	if inv := parseSARIF(t, out).Runs[0].Invocations[0]; !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 0 {
		t.Errorf("invocation = %+v", inv)
	}
}

func TestSARIFEmpty(t *testing.T) {
	out := renderSARIF(t, &Result{Tool: Tool{Name: "exolint", Version: "1"}}, SARIFOptions{})
	validateSARIF(t, sarifValidator(t), out)
}

func TestSARIFSrcRoot(t *testing.T) {
	root := t.TempDir()
	r := testResult(t)
	r.Documents = []*rules.DocResult{
		{Source: filepath.Join(root, "copy", "a.html"), Findings: r.Documents[0].Findings[:1]},
		{Source: filepath.Join(filepath.Dir(root), "elsewhere.html"), Findings: r.Documents[0].Findings[:1]},
	}
	out := renderSARIF(t, r, SARIFOptions{SrcRoot: root})
	validateSARIF(t, sarifValidator(t), out)
	run := parseSARIF(t, out).Runs[0]
	base := run.OriginalURIBaseIDs[srcRootID].URI
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% = %q, want an absolute file URI ending in /", base)
	}
	in := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if in.URI != "copy/a.html" || in.URIBaseID != srcRootID {
		t.Errorf("file under the root = %+v, want copy/a.html relative to %%SRCROOT%%", in)
	}
	out2 := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation
	if !strings.HasPrefix(out2.URI, "file:///") || out2.URIBaseID != "" {
		t.Errorf("file outside the root = %+v, want an absolute file URI", out2)
	}
}

func fingerprints(t *testing.T, out []byte) []string {
	t.Helper()
	var fps []string
	for _, res := range parseSARIF(t, out).Runs[0].Results {
		fps = append(fps, res.PartialFingerprints[fingerprintKey])
	}
	return fps
}

func TestSARIFFingerprintsStable(t *testing.T) {
	a := fingerprints(t, renderSARIF(t, testResult(t), SARIFOptions{}))
	b := fingerprints(t, renderSARIF(t, testResult(t), SARIFOptions{}))
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Errorf("fingerprints differ between two runs:\n%v\n%v", a, b)
	}
	// The same file named differently on the command line is the same
	// document.
	r := testResult(t)
	r.Documents[0].Source = "./copy//serum.html"
	c := fingerprints(t, renderSARIF(t, r, SARIFOptions{}))
	if a[0] != c[0] {
		t.Errorf("./copy//serum.html and copy/serum.html got different fingerprints")
	}
}

// The real pipeline: the same copy with a paragraph added above it must keep
// every fingerprint, while its lines move. The copy repeats "miracle", so
// the occurrence index is exercised too.
func TestSARIFFingerprintsSurviveShiftedLines(t *testing.T) {
	copyText := "# Glow Serum\n\nOur miracle exosome serum erases wrinkles overnight.\n\nA second miracle: exosomes for radiance.\n"
	shifted := "# Glow Serum\n\nNew intro paragraph,\nover two lines.\n\n" + strings.TrimPrefix(copyText, "# Glow Serum\n\n")
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(text string) (*Result, []string) {
		doc, err := scraper.NewReader().Read("copy/serum.md", []byte(text), scraper.FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		r := &Result{Tool: Tool{Name: "exolint", Version: "test"}, Rules: engine.Rules(), Documents: []*rules.DocResult{engine.Check(doc)}}
		return r, fingerprints(t, renderSARIF(t, r, SARIFOptions{}))
	}
	r1, before := check(copyText)
	r2, after := check(shifted)
	if len(before) < 3 {
		t.Fatalf("want several findings to compare, got %d", len(before))
	}
	if strings.Join(before, ",") != strings.Join(after, ",") {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", before, after)
	}
	if f1, f2 := r1.Documents[0].Findings[0], r2.Documents[0].Findings[0]; f1.Start.Line == f2.Start.Line {
		t.Fatalf("the shifted copy did not move the findings (line %d)", f1.Start.Line)
	}
	seen := map[string]bool{}
	for _, fp := range before {
		if seen[fp] {
			t.Errorf("two findings share fingerprint %s", fp)
		}
		seen[fp] = true
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{"source-undisclosed": "SourceUndisclosed", "x": "X", "a--b": "AB", "": ""} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// GitHub code scanning's upload rules, as the SARIF multitool checks them
// (--rule-kinds Ghas): every result location names its file by a uri
// (GH1001) that is relative or a file: URI (GH1005); every physical
// location anywhere in the log, notifications too, has a uri (GH1017);
// a uri with a uriBaseId is relative, and every base it names is defined
// as an absolute URI ending in "/" (SARIF1004, SARIF1018).
func checkGitHubRules(t *testing.T, out []byte) {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log["runs"].([]any)[0].(map[string]any)
	bases := map[string]bool{}
	if obs, ok := run["originalUriBaseIds"].(map[string]any); ok {
		for id, v := range obs {
			u, _ := v.(map[string]any)["uri"].(string)
			if p, err := url.Parse(u); u != "" && (err != nil || !p.IsAbs() || !strings.HasSuffix(u, "/")) {
				t.Errorf("SARIF1018: base %s = %q is not an absolute URI ending in /", id, u)
			}
			bases[id] = true
		}
	}
	checkArtifact := func(where string, a map[string]any, result bool) {
		u, _ := a["uri"].(string)
		if u == "" {
			t.Errorf("GH1017/GH1001: %s: artifactLocation without uri: %v", where, a)
			return
		}
		p, err := url.Parse(u)
		if err != nil {
			t.Errorf("%s: uri %q does not parse: %v", where, u, err)
			return
		}
		if result && p.IsAbs() && p.Scheme != "file" {
			t.Errorf("GH1005: %s: %q is neither relative nor a file: URI", where, u)
		}
		if base, ok := a["uriBaseId"].(string); ok {
			if p.IsAbs() {
				t.Errorf("SARIF1004: %s: %q has uriBaseId %s but is absolute", where, u, base)
			}
			if !bases[base] {
				t.Errorf("%s: uriBaseId %s is not in originalUriBaseIds", where, base)
			}
		}
	}
	var walk func(where string, v any, inResult bool)
	walk = func(where string, v any, inResult bool) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				if k == "physicalLocation" {
					if a, ok := c.(map[string]any)["artifactLocation"].(map[string]any); ok {
						checkArtifact(where, a, inResult)
					} else {
						t.Errorf("%s: physicalLocation without artifactLocation", where)
					}
				}
				walk(where+"."+k, c, inResult || k == "results")
			}
		case []any:
			for i, c := range x {
				walk(where+"["+strconv.Itoa(i)+"]", c, inResult)
			}
		}
	}
	walk("runs[0]", run, false)
	results, _ := run["results"].([]any)
	for i, r := range results {
		locs, _ := r.(map[string]any)["locations"].([]any)
		if len(locs) == 0 {
			t.Errorf("GH1001: result %d has no locations", i)
		}
	}
}

// Standard input and web pages, read and unreadable, next to files.
func stdinAndURLResult(t *testing.T) *Result {
	r := testResult(t)
	stdinText := "A miracle cream.\n"
	r.Documents = append(r.Documents,
		&rules.DocResult{Source: "-", Format: "text", Findings: []rules.Finding{
			finding(t, stdinText, "hype-wording", rules.Warning, "miracle", 0, "hype", "remarkable"),
		}},
		&rules.DocResult{Source: "https://other.example:8443/p/serum", Format: "html", Findings: []rules.Finding{
			finding(t, shopPage, "source-undisclosed", rules.Error, "Exosomes", 0, "source not disclosed", ""),
		}},
		&rules.DocResult{Source: "https://down.example/x", Err: errors.New("fetch: connection refused")},
		&rules.DocResult{Source: "-", Err: errors.New("stdin: too large")},
	)
	return r
}

func TestSARIFMeetsGitHubCodeScanningRules(t *testing.T) {
	out := renderSARIF(t, stdinAndURLResult(t), SARIFOptions{SrcRoot: t.TempDir()})
	validateSARIF(t, sarifValidator(t), out)
	checkGitHubRules(t, out)
	// Standard input has a stable name, never a fix (there is no file to
	// change); a page's findings resolve, through their site's base, to
	// the page's own URL.
	run := parseSARIF(t, out).Runs[0]
	var stdin, page *sarifArtifactLoc
	for i, res := range run.Results {
		a := &run.Results[i].Locations[0].PhysicalLocation.ArtifactLocation
		switch {
		case a.URI == "stdin":
			stdin = a
			if len(res.Fixes) != 0 {
				t.Errorf("fix offered for standard input: %+v", res.Fixes)
			}
		case strings.HasPrefix(a.URIBaseID, "SITE"):
			if a.URI == "p/serum" {
				page = a
			}
		}
	}
	if stdin == nil || stdin.Description == nil {
		t.Errorf("no result on standard input named stdin with a description")
	}
	if page == nil {
		t.Fatalf("no result on the page relative to its site")
	}
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	base := log.Runs[0].OriginalURIBaseIDs[page.URIBaseID].URI
	if base != "https://other.example:8443/" {
		t.Errorf("base of the page = %q", base)
	}
}

// snippet.text is the file's own text in the region (SARIF 3.30.13), with
// its markup and entities; the decoded words stay in the message and the
// result's match property.
func TestSARIFSnippetIsSourceText(t *testing.T) {
	src := "<html><body><h1>Glow Serum</h1>\n<p>Rose exosome serum, now FDA&nbsp;approved for daily use.</p>\n</body></html>\n"
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := scraper.NewReader().Read("copy/fda.html", []byte(src), scraper.FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	r := &Result{Tool: Tool{Name: "exolint"}, Rules: engine.Rules(), Documents: []*rules.DocResult{engine.Check(doc)}}
	out := renderSARIF(t, r, SARIFOptions{})
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string
				Message    sarifMessage
				Locations  []sarifLocation
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	found := false
	lines := strings.Split(src, "\n")
	for _, res := range log.Runs[0].Results {
		reg := res.Locations[0].PhysicalLocation.Region
		if reg == nil || reg.Snippet == nil {
			continue
		}
		// The region's code points in the file are the snippet.
		line := []rune(lines[reg.StartLine-1])
		if reg.StartLine == reg.EndLine && string(line[reg.StartColumn-1:reg.EndColumn-1]) != reg.Snippet.Text {
			t.Errorf("%s: snippet %q is not the region's text %q", res.RuleID, reg.Snippet.Text, string(line[reg.StartColumn-1:reg.EndColumn-1]))
		}
		if res.RuleID == "approval-claim" {
			found = true
			if reg.Snippet.Text != "FDA&nbsp;approved" {
				t.Errorf("snippet %q, want the source text FDA&nbsp;approved", reg.Snippet.Text)
			}
			if m, _ := res.Properties["match"].(string); m != "FDA\u00a0approved" && m != "FDA approved" {
				t.Errorf("match property %q, want the decoded words", m)
			}
		}
	}
	if !found {
		t.Fatal("no approval-claim on FDA approved")
	}
}

// A JSON Lines record read from standard input is located on standard
// input and named as a logical location, since its region counts from
// the record's start: never a file under the source root, nor its site.
func TestSARIFLocatesStdinRecords(t *testing.T) {
	r := testResult(t)
	record := `{"id":"sku-7","url":"https://shop.example/p/7","description":"A miracle cream."}`
	r.Documents = []*rules.DocResult{
		{Source: "https://shop.example/p/7", Format: scraper.FormatJSONLines, Findings: []rules.Finding{
			finding(t, record, "hype-wording", rules.Warning, "miracle", 0, "hype", "remarkable"),
		}},
		{Source: "sku-8", Format: scraper.FormatJSONLines, Findings: []rules.Finding{
			finding(t, record, "hype-wording", rules.Warning, "miracle", 0, "hype", "remarkable"),
		}},
	}
	out := renderSARIF(t, r, SARIFOptions{SrcRoot: t.TempDir()})
	validateSARIF(t, sarifValidator(t), out)
	checkGitHubRules(t, out)
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation sarifPhysical
					LogicalLocations []sarifLogicalLocation
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0]
		if a := loc.PhysicalLocation.ArtifactLocation; a.URI != "stdin" || a.URIBaseID != "" {
			t.Errorf("record located at %+v, want stdin", a)
		}
		if len(res.Fixes) != 0 {
			t.Errorf("fix offered for a record on standard input")
		}
		for _, l := range loc.LogicalLocations {
			names = append(names, l.Name)
		}
	}
	if want := []string{"https://shop.example/p/7", "sku-8"}; !slices.Equal(names, want) {
		t.Errorf("logical locations = %q, want %q", names, want)
	}
}
