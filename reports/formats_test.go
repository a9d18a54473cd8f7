package reports

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The sources of the hand-made result. Positions in the result are computed
// from these texts the way scraper.Document.Position does, so tests can
// check each format's columns against the bytes.
const (
	serumHTML = "<h1>Glow Serum</h1>\n" +
		"<p>Rose exosomes for radiance.</p>\n" +
		"<p>A miracle in a bottle, 100% guaranteed.</p>\n" +
		"<p>Regenerates\n" +
		"skin cells overnight.</p>\n"
	kbeautyMD = "# 엑소좀 크림\n" +
		"\n" +
		"🌹 장미 엑소좀 크림: 기적의 피부 재생!\n" +
		"\n" +
		"A second 기적의 line | with a pipe, a comma: and 50% off.\n"
	shopPage = "<title>Exo & Co Serum</title>\n<p>Exosomes & growth factors — \"clinically proven\".</p>\n"
)

// Document sources, with awkward names on purpose: Korean and a space in a
// path (URI escaping), and a URL with a query (XML and property escaping).
const (
	serumPath   = "copy/serum.html"
	kbeautyPath = "copy/k-beauty/엑소좀 크림.md"
	shopURL     = "https://shop.example/products/exo?variant=1&ref=a,b"
	missingPath = "copy/missing.html"
)

// position computes what scraper.Document.Position returns for a byte
// offset into src.
func position(src string, off int) scraper.Position {
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	return scraper.Position{
		Offset:     off,
		Line:       strings.Count(src[:off], "\n") + 1,
		Column:     utf8.RuneCountInString(src[ls:off]) + 1,
		ByteColumn: off - ls + 1,
	}
}

// finding places the nth occurrence (0-based) of match in src.
func finding(t testing.TB, src, rule string, sev rules.Severity, match string, nth int, msg, suggest string) rules.Finding {
	t.Helper()
	off := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(src[off+1:], match)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", rule, nth, match)
		}
		off += 1 + j
	}
	return rules.Finding{
		Rule: rule, Severity: sev, Markets: []rules.Market{rules.US, rules.EU, rules.KR},
		Message: msg, Suggestion: suggest,
		Start: position(src, off), End: position(src, off+len(match)),
		Match: match, SourceText: match, Kind: scraper.KindParagraph, Region: "main",
	}
}

// testRules are made by hand so golden files do not change when the real
// rules' wording does.
func testRules() []*rules.Rule {
	return []*rules.Rule{
		{
			ID: "hype-wording", Title: "too-good-to-be-true wording",
			Doc:      "Hype promises more than a cosmetic\ncan show.\n\nSay what can be seen instead.",
			Bad:      "A miracle serum.",
			Good:     "A serum for visibly smoother skin.",
			Severity: rules.Warning,
			Markets:  map[rules.Market]rules.Severity{rules.KR: rules.Error},
			Citations: []string{
				"asa-perfect-cosmetics", "eu-655-2013",
			},
		},
		{
			ID: "source-undisclosed", Title: "exosome claim without a disclosed source",
			Doc:       "Say where the exosomes come from:\nplant, milk, or human cells.",
			Bad:       "Exosome serum.",
			Good:      "Rose-derived exosome serum.",
			Severity:  rules.Error,
			Citations: []string{"kr-mfds-2025"},
		},
		{
			ID: "testing-undisclosed", Title: "exosome claim without any disclosed testing",
			Doc:       "Name the tests the vesicles passed.",
			Bad:       "Exosome serum.",
			Good:      "Exosome serum; particle size by NTA.",
			Severity:  rules.Info,
			Markets:   map[rules.Market]rules.Severity{rules.CN: rules.Off},
			Citations: []string{"misev2023"},
		},
	}
}

// testResult covers several documents, all severities, multi-byte text
// (Hangul, an emoji), a finding over two lines, a finding from a rule the
// catalog lacks, a URL, standard input and an input that failed.
func testResult(t testing.TB) *Result {
	t.Helper()
	serum := &rules.DocResult{
		Source: serumPath, Format: "html",
		Product: scraper.Product{Name: "Glow Serum", Brand: "Exo & Co", SKU: "GS-1"},
		Findings: []rules.Finding{
			finding(t, serumHTML, "source-undisclosed", rules.Error, "Rose exosomes", 0, "exosomes are claimed but their source is not disclosed", ""),
			finding(t, serumHTML, "hype-wording", rules.Warning, "miracle", 0, `"miracle" promises more than a cosmetic can show`, "remarkable"),
			finding(t, serumHTML, "hype-wording", rules.Warning, "100% guaranteed", 0, "guarantees are absolute claims", ""),
			finding(t, serumHTML, "hype-wording", rules.Error, "Regenerates\nskin cells", 0, "cell regeneration is a drug claim", ""),
		},
	}
	// As extracted text a match over two lines reads with a space.
	serum.Findings[3].Match = "Regenerates skin cells"
	kb := &rules.DocResult{
		Source: kbeautyPath, Format: "markdown",
		Findings: []rules.Finding{
			finding(t, kbeautyMD, "source-undisclosed", rules.Error, "엑소좀", 0, "엑소좀: source not disclosed", ""),
			finding(t, kbeautyMD, "source-undisclosed", rules.Error, "엑소좀", 1, "엑소좀: source not disclosed", "장미 엑소좀"),
			finding(t, kbeautyMD, "hype-wording", rules.Warning, "기적의", 0, "\"기적의\" (miracle) is hype", ""),
			finding(t, kbeautyMD, "testing-undisclosed", rules.Info, "엑소좀", 1, "no testing is disclosed", ""),
			finding(t, kbeautyMD, "hype-wording", rules.Warning, "기적의", 1, "hype, 100% | with: a pipe\r\nand a second line", ""),
			finding(t, kbeautyMD, "legacy-claim", rules.Info, "50% off", 0, "a rule the catalog does not list", ""),
		},
	}
	rules.SortFindings(kb.Findings)
	shop := &rules.DocResult{
		Source: shopURL, Format: "html",
		Product: scraper.Product{Name: "Exo & Co Serum", URL: shopURL, GTIN: "0123456789012"},
		Findings: []rules.Finding{
			finding(t, shopPage, "source-undisclosed", rules.Error, "Exosomes", 0, "source not disclosed", ""),
			finding(t, shopPage, "hype-wording", rules.Warning, `"clinically proven"`, 0, `"clinically proven" needs <evidence> & a citation`, "tested"),
		},
	}
	missing := &rules.DocResult{Source: missingPath, Err: errors.New("open copy/missing.html: no such file or directory")}
	stdin := &rules.DocResult{Source: "-", Format: "text"}
	return &Result{
		Tool:      Tool{Name: "exolint", Version: "1.2.3"},
		Markets:   []rules.Market{rules.US, rules.EU, rules.KR},
		Rules:     testRules(),
		Documents: []*rules.DocResult{serum, kb, shop, missing, stdin},
	}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines that differ, enough to see what changed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			shown++
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
