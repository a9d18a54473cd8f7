package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
)

// allWriters makes one writer of every format over w.
func allWriters(w io.Writer, summary string) map[string]Writer {
	return map[string]Writer{
		"text":       NewText(w, TextOptions{}),
		"json":       NewJSON(w),
		"jsonl":      NewJSONL(w),
		"sarif":      NewSARIF(w, SARIFOptions{AutomationID: "exolint/"}),
		"github":     NewGitHub(w, GitHubOptions{SummaryPath: summary}),
		"rdjsonl":    NewRDJSONL(w),
		"junit":      NewJUnit(w, JUnitOptions{FailOn: rules.Warning}),
		"checkstyle": NewCheckstyle(w),
	}
}

// copyDoc copies a document deep enough that scribbling over the copy
// cannot reach the original.
func copyDoc(d *rules.DocResult) *rules.DocResult {
	c := *d
	c.Findings = append([]rules.Finding(nil), d.Findings...)
	for i := range c.Findings {
		c.Findings[i].Markets = append([]rules.Market(nil), d.Findings[i].Markets...)
	}
	c.Notes = append([]string(nil), d.Notes...)
	return &c
}

// scribble overwrites everything a writer could have kept a reference to.
func scribble(d *rules.DocResult) {
	for i := range d.Findings {
		f := &d.Findings[i]
		f.Rule, f.Message, f.Match, f.Context, f.Suggestion = "x", "x", "x", "x", "x"
		f.Start.Line, f.End.Line = 99, 99
		for j := range f.Markets {
			f.Markets[j] = "xx"
		}
	}
	d.Findings = d.Findings[:0]
	d.Source, d.Err = "scribbled", nil
	d.Product.Name = "x"
}

// A writer may not keep a document after Document returns (the Writer
// contract): the caller drops or reuses it. Every format must give the
// same bytes when each document is destroyed right after it was written.
func TestWritersDoNotKeepDocuments(t *testing.T) {
	dir := t.TempDir()
	var want, got bytes.Buffer
	for name := range allWriters(io.Discard, "") {
		want.Reset()
		got.Reset()
		wantSum, gotSum := filepath.Join(dir, name+".want.md"), filepath.Join(dir, name+".got.md")
		if err := Write(allWriters(&want, wantSum)[name], testResult(t)); err != nil {
			t.Fatal(err)
		}
		r := testResult(t)
		w := allWriters(&got, gotSum)[name]
		if err := w.Begin(Meta{Tool: r.Tool, Markets: r.Markets, Rules: r.Rules}); err != nil {
			t.Fatal(err)
		}
		for _, d := range r.Documents {
			c := copyDoc(d)
			if err := w.Document(c); err != nil {
				t.Fatal(err)
			}
			scribble(c)
		}
		if err := w.End(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("%s kept a document it was handed:\n%s", name, lineDiff(want.String(), got.String()))
		}
		if name == "github" {
			ws, _ := os.ReadFile(wantSum)
			gs, _ := os.ReadFile(gotSum)
			if !bytes.Equal(ws, gs) {
				t.Errorf("github step summary kept a document:\n%s", lineDiff(string(ws), string(gs)))
			}
		}
	}
}

// Text, JSON and JSONL write each document when it arrives: a consumer
// reading the stream (a pipe, Spark's RDD.pipe) sees it before the run
// ends.
func TestStreamingFormatsWriteAsDocumentsArrive(t *testing.T) {
	r := testResult(t)
	for _, name := range []string{"text", "json", "jsonl", "rdjsonl", "checkstyle"} {
		var b bytes.Buffer
		w := allWriters(&b, "")[name]
		if err := w.Begin(Meta{Tool: r.Tool, Markets: r.Markets, Rules: r.Rules}); err != nil {
			t.Fatal(err)
		}
		if err := w.Document(r.Documents[0]); err != nil {
			t.Fatal(err)
		}
		// rdjsonl buffers its lines; the others hand each document on.
		if name != "rdjsonl" && !strings.Contains(b.String(), "serum.html") {
			t.Errorf("%s: first document not written before the second arrived: %q", name, b.String())
		}
	}
}

// JSONL is the JSON contract's documents, one per line, nothing else.
func TestJSONLIsTheDocumentsOfJSON(t *testing.T) {
	var whole, lines bytes.Buffer
	if err := JSON(&whole, testResult(t)); err != nil {
		t.Fatal(err)
	}
	if err := JSONL(&lines, testResult(t)); err != nil {
		t.Fatal(err)
	}
	var doc struct{ Documents []json.RawMessage }
	if err := json.Unmarshal(whole.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&lines)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		if n >= len(doc.Documents) {
			t.Fatalf("more lines than documents: %s", sc.Text())
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, doc.Documents[n]); err != nil {
			t.Fatal(err)
		}
		if got := sc.Text(); got != compact.String() {
			t.Errorf("line %d:\n got %s\nwant %s", n+1, got, compact.String())
		}
		n++
	}
	if n != len(doc.Documents) {
		t.Errorf("%d lines, want %d", n, len(doc.Documents))
	}
	var empty bytes.Buffer
	if err := JSONL(&empty, &Result{}); err != nil || empty.Len() != 0 {
		t.Errorf("no documents should give no lines: %v %q", err, empty.String())
	}
}

// The step summary lists at most summaryMaxRows documents with findings,
// in order, however many stream past.
func TestGitHubSummaryRowCap(t *testing.T) {
	r := &Result{Tool: Tool{Name: "exolint"}}
	f := rules.Finding{Rule: "hype-wording", Severity: rules.Warning, Message: "m", Start: position("x", 0), End: position("x", 1), Match: "x"}
	for i := 0; i < summaryMaxRows+7; i++ {
		r.Documents = append(r.Documents, &rules.DocResult{Source: "p" + strings.Repeat("0", 3-len(itoa(i))) + itoa(i) + ".html", Findings: []rules.Finding{f}})
		r.Documents = append(r.Documents, &rules.DocResult{Source: "clean.html"})
	}
	summary := filepath.Join(t.TempDir(), "s.md")
	if err := GitHub(io.Discard, r, GitHubOptions{SummaryPath: summary}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Count(s, "\n| `p") != summaryMaxRows || !strings.Contains(s, "| `p000.html` |") || !strings.Contains(s, "| `p499.html` |") ||
		strings.Contains(s, "p500.html") || !strings.Contains(s, "7 more documents not listed") || !strings.Contains(s, "507 clean documents not listed.") {
		t.Errorf("summary rows:\n%s", s)
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// SARIF results beyond the spool's memory go through a temporary file,
// removed at the end, and the log is the same.
func TestSARIFSpoolsToFile(t *testing.T) {
	var want bytes.Buffer
	if err := SARIF(&want, testResult(t), SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	checkSpooledToFile(t, want.Bytes(), func(out io.Writer) (Writer, *spool) {
		w := NewSARIF(out, SARIFOptions{})
		return w, &w.(*sarifWriter).results
	})
}

func TestJUnitSpoolsToFile(t *testing.T) {
	var want bytes.Buffer
	if err := JUnit(&want, testResult(t)); err != nil {
		t.Fatal(err)
	}
	checkSpooledToFile(t, want.Bytes(), func(out io.Writer) (Writer, *spool) {
		w := NewJUnit(out, JUnitOptions{FailOn: rules.Warning})
		return w, &w.(*junitWriter).suites
	})
}

// checkSpooledToFile writes the test result through a writer whose spool
// holds 100 bytes in memory, and checks that the spool reached a file, the
// output equals want, and no temporary file is left.
func checkSpooledToFile(t *testing.T, want []byte, open func(io.Writer) (Writer, *spool)) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var got bytes.Buffer
	w, sp := open(&got)
	sp.limit = 100
	r := testResult(t)
	if err := w.Begin(Meta{Tool: r.Tool, Markets: r.Markets, Rules: r.Rules}); err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Documents {
		if err := w.Document(d); err != nil {
			t.Fatal(err)
		}
	}
	if sp.file == nil {
		t.Fatal("the output never reached a file")
	}
	if err := w.End(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		t.Errorf("spooled output differs:\n%s", lineDiff(string(want), got.String()))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
