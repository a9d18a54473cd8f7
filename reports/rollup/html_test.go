package rollup_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/reports/audit"
	"github.com/exolint/exolint/reports/rollup"
	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// auditFeeds runs an audit over the scraper's feed fixtures.
func auditFeeds(t *testing.T) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "audit.db"), store.ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	var ins []store.Input
	for _, f := range []string{"merchant.xml", "merchant-atom.xml", "merchant.tsv", "shopify.csv", "products.jsonl"} {
		ins = append(ins, store.Input{Kind: audit.InputFeed, Value: filepath.Join("..", "..", "scraper", "feed", "testdata", f)})
	}
	run, err := db.NewRun(ctx, ins, nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &audit.Runner{Store: db, Engine: engine, Reader: scraper.NewReader(), Jobs: 2}
	if out, err := r.Run(ctx, run); err != nil || !out.Finished {
		t.Fatalf("%+v %v", out, err)
	}
	return db, run.ID
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// TestHTMLReportStructure checks the report a user opens offline: four
// charts, one expandable table body per listing with its findings, rule
// links, nothing loaded from anywhere, and page text escaped.
func TestHTMLReportStructure(t *testing.T) {
	db, run := auditFeeds(t)
	var buf bytes.Buffer
	err := rollup.HTML(context.Background(), &buf, db, run, rollup.HTMLOptions{Tool: reports.Tool{Name: "exolint", Version: "test"}, Store: "audit.db", Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var svgs, listings, findings, ruleLinks, marks int
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "svg":
			svgs++
		case "tbody":
			if attr(n, "class") == "listing" {
				listings++
			}
		case "li":
			findings++
		case "mark":
			marks++
		case "a":
			if strings.HasPrefix(attr(n, "href"), reports.DocsURL+"#") {
				ruleLinks++
			}
		case "script", "img", "iframe", "link", "source", "video", "audio":
			if attr(n, "src") != "" || attr(n, "href") != "" {
				t.Errorf("<%s> loads %s%s: the report must work offline", n.Data, attr(n, "src"), attr(n, "href"))
			}
		}
		if s := attr(n, "style"); strings.Contains(s, "url(") {
			t.Errorf("inline style loads a URL: %s", s)
		}
	})
	if svgs != 4 {
		t.Errorf("%d charts, want 4", svgs)
	}
	if listings != 15 {
		t.Errorf("%d listings, want 15", listings)
	}
	if findings == 0 || ruleLinks != findings || marks == 0 {
		t.Errorf("%d findings, %d rule links, %d marked snippets", findings, ruleLinks, marks)
	}
	if strings.Contains(buf.String(), "<p>A gentle bar") || strings.Contains(buf.String(), "url(http") {
		t.Error("feed markup reached the report unescaped, or a URL is loaded")
	}
	for _, id := range []string{`id="by-rule"`, `id="by-verdict"`, `id="by-brand"`, `id="by-market"`, `id="filter"`} {
		if !strings.Contains(buf.String(), id) {
			t.Errorf("no %s", id)
		}
	}
}

func TestCSVIsSafeAndComplete(t *testing.T) {
	db, run := auditFeeds(t)
	var buf bytes.Buffer
	if err := rollup.CSV(context.Background(), &buf, db, run); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 16 {
		t.Fatalf("%d rows, want header + 15", len(rows))
	}
	for _, r := range rows[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("cell %q could run as a formula", cell)
			}
		}
	}
	for _, c := range []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+CMD", "'+CMD"}, {"-2", "-2"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"}, {"plain", "plain"}, {"a\nb", "a b"},
	} {
		if got := rollup.SafeCell(c.in); got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestJSONLIsTheContract: every line is the document object check writes.
func TestJSONLIsTheContract(t *testing.T) {
	db, run := auditFeeds(t)
	var buf bytes.Buffer
	if err := rollup.JSONL(context.Background(), &buf, db, run); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 15 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, `{"source":`) || !strings.Contains(l, `"findings":`) {
			t.Errorf("not a document object: %.100s", l)
		}
	}
}
