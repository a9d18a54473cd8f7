package feed

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

type readResult struct {
	items []Item
	err   error
}

func readFeed(t *testing.T, name, format string, data []byte) readResult {
	t.Helper()
	f := &Feed{Source: name, Format: format}
	var res readResult
	res.err = f.Read(bytes.NewReader(data), func(it Item) error {
		res.items = append(res.items, it)
		return nil
	})
	return res
}

// checkPositions checks that every block of every record starts, by its
// reported line and column, at its own first word in the feed file.
func checkPositions(t *testing.T, file []byte, it Item) {
	t.Helper()
	lines := bytes.SplitAfter(file, []byte("\n"))
	for _, b := range it.Doc.Blocks {
		s, _ := b.SourceRange(0, 1)
		p := it.Doc.Position(s)
		if p.Line < 1 || p.Line > len(lines) {
			t.Errorf("record %d block %q: line %d out of the file", it.N, b.Text, p.Line)
			continue
		}
		ln := lines[p.Line-1]
		byteCol := 0
		for c := 1; c < p.Column && byteCol < len(ln); c++ {
			_, size := utf8.DecodeRune(ln[byteCol:])
			byteCol += size
		}
		if byteCol != p.ByteColumn-1 {
			t.Errorf("record %d block %q: column %d and byte column %d disagree", it.N, b.Text, p.Column, p.ByteColumn)
		}
		off := p.Offset
		if off >= len(file) {
			t.Errorf("record %d block %q: offset %d past the file", it.N, b.Text, off)
			continue
		}
		if !bytes.Equal(file[off:off+1], []byte(b.Text[:1])) && file[off] != '&' && file[off] != '"' && file[off] != '\\' {
			t.Errorf("record %d block %q: file has %q at line %d column %d", it.N, b.Text, file[off:min(len(file), off+20)], p.Line, p.Column)
		}
		if got := bytes.Index(lines[p.Line-1], file[off:off+1]); got < 0 {
			t.Errorf("record %d: offset %d not on line %d", it.N, off, p.Line)
		}
	}
}

func TestFeeds(t *testing.T) {
	cases := []struct {
		file     string
		format   string
		keys     []string // "" where the record is an error
		errLines []int
		texts    []string // texts some block must carry
	}{
		{"merchant.xml", FormatMerchantXML, []string{"id:LS-EXO-30", "id:LS-BAR-100", "", "id:LS-MIST-50"}, []int{28},
			[]string{"Our rose exosomes penetrate deep into the dermis & repair damaged cells overnight. Clinically proven to regrow collagen.", "Heals acne scars", "Water, Rosa Damascena Callus Culture Extract, Glycerin, Butylene Glycol", "A gentle bar with colloidal oatmeal for everyday cleansing."}},
		{"merchant-atom.xml", FormatMerchantXML, []string{"id:SGL-001", "id:SGL-002"}, nil,
			[]string{"PDRN Exosome Ampoule", "Salmon PDRN and exosomes from human adipose stem cells regenerate skin like a laser treatment."}},
		{"merchant.tsv", FormatMerchantTSV, []string{"id:HB-1", "", "id:HB-3"}, []int{3},
			[]string{`Night Cream "Exosome" Edition`, "Plant exosomes from rose callus, characterized by NTA. Cures eczema in 7 days."}},
		{"shopify.csv", FormatShopifyCSV, []string{"id:exo-renewal-serum", "id:daily-spf", ""}, []int{8},
			[]string{"Why you'll love it", `Say "goodbye" to wrinkles`, "Aqua, Glycerin, Lactobacillus Ferment Lysate", "Powered by exosomes that heal skin at the cellular level."}},
		{"products.jsonl", FormatJSONL, []string{"id:vg-101", "", "id:103"}, []int{3},
			[]string{"Vegan Exosome Cream"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			res := readFeed(t, c.file, "", data)
			if res.err != nil {
				t.Fatal(res.err)
			}
			if len(res.items) != len(c.keys) {
				t.Fatalf("%d records, want %d: %+v", len(res.items), len(c.keys), res.items)
			}
			var errLines []int
			seen := map[string]bool{}
			for i, it := range res.items {
				if it.N != i+1 {
					t.Errorf("record %d numbered %d", i+1, it.N)
				}
				if c.keys[i] == "" {
					if it.Err == nil {
						t.Errorf("record %d: want an error, got %q", i+1, it.Key)
					}
					errLines = append(errLines, it.Line)
					continue
				}
				if it.Err != nil {
					t.Errorf("record %d: %v", i+1, it.Err)
					continue
				}
				if it.Key != c.keys[i] {
					t.Errorf("record %d key %q, want %q", i+1, it.Key, c.keys[i])
				}
				if it.Doc.Source != c.file || it.Doc.Format != c.format {
					t.Errorf("record %d: source %q format %q", i+1, it.Doc.Source, it.Doc.Format)
				}
				for _, b := range it.Doc.Blocks {
					seen[b.Text] = true
				}
				checkPositions(t, data, it)
			}
			if len(errLines) != len(c.errLines) || (len(errLines) > 0 && errLines[0] != c.errLines[0]) {
				t.Errorf("errors at lines %v, want %v", errLines, c.errLines)
			}
			for _, want := range c.texts {
				if !seen[want] {
					t.Errorf("no block %q; blocks: %q", want, keys(seen))
				}
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestShopifyMergesRows(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "shopify.csv"))
	if err != nil {
		t.Fatal(err)
	}
	res := readFeed(t, "shopify.csv", "", data)
	p := res.items[0].Doc.Product
	if p.Name != "Exo Renewal Serum" || p.Brand != "Dermaluxe" || p.SKU != "DLX-EXO-30" || p.GTIN != "0850000000012" || p.URL != "/products/exo-renewal-serum" {
		t.Errorf("product %+v", p)
	}
	if res.items[1].Line != 7 {
		t.Errorf("second product starts at line %d, want 7", res.items[1].Line)
	}
	for _, b := range res.items[0].Doc.Blocks {
		if b.Kind == scraper.KindMetaDescription {
			t.Errorf("SEO description repeats the body and should be dropped: %q", b.Text)
		}
	}
}

func TestGzipFeedAndSkip(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "products.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(data)
	_ = zw.Close()
	f := &Feed{Source: "products.jsonl.gz", Skip: func(n int) bool { return n == 1 }}
	var got []int
	err = f.Read(&gz, func(it Item) error {
		got = append(got, it.N)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("records %v, want [2 3]", got)
	}
}

func TestNotAFeed(t *testing.T) {
	res := readFeed(t, "notes.csv", "", []byte("name,price\nfoo,1\n"))
	if res.err == nil || !strings.Contains(res.err.Error(), "no title column") {
		t.Errorf("err %v", res.err)
	}
	res = readFeed(t, "page.xml", "", []byte("<html><body>hi</body></html>"))
	if res.err == nil {
		t.Errorf("an HTML page read as a feed")
	}
}

// TestLongFeedStreams reads many records through a small window: the
// window never holds more than a few records.
func TestLongFeedStreams(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id\ttitle\tdescription\n")
	for i := 0; i < 5000; i++ {
		b.WriteString("X")
		b.WriteString(strings.Repeat("1", i%7))
		b.WriteString("\tExosome serum\tRose exosomes for glow, line two.\n")
	}
	f := &Feed{Source: "big.tsv", Reader: scraper.NewReader()}
	w := newWindow(&b)
	n := 0
	maxBuf := 0
	err := f.readTable(w, '\t', func(it Item) error {
		n++
		maxBuf = max(maxBuf, cap(w.buf))
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		return nil
	})
	if err != nil || n != 5000 {
		t.Fatalf("n %d err %v", n, err)
	}
	if maxBuf > 4*readChunk {
		t.Errorf("window grew to %d bytes", maxBuf)
	}
}

func TestSitemap(t *testing.T) {
	index := `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://shop.example/sitemap-products-1.xml.gz</loc></sitemap>
  <sitemap><loc> /sitemap-pages.xml </loc></sitemap>
</sitemapindex>`
	var locs []Loc
	err := ParseSitemap(strings.NewReader(index), "https://shop.example/sitemap.xml", func(l Loc) error {
		locs = append(locs, l)
		return nil
	})
	if err != nil || len(locs) != 2 || !locs[0].Sitemap || locs[1].URL != "https://shop.example/sitemap-pages.xml" {
		t.Fatalf("%v %+v", err, locs)
	}
	urlset := `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://shop.example/p?id=1&amp;lang=en</loc><lastmod>2026-01-01</lastmod></url>
<url><loc>ftp://shop.example/x</loc></url>
<url><loc>https://shop.example/p/2</loc></url>`
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(urlset))
	_ = zw.Close()
	locs = nil
	err = ParseSitemap(&gz, "", func(l Loc) error {
		locs = append(locs, l)
		return nil
	})
	// The urlset is never closed: the locs before the break still count.
	if err == nil || !strings.Contains(err.Error(), "breaks off") {
		t.Fatalf("err %v", err)
	}
	if len(locs) != 3 || locs[0].URL != "https://shop.example/p?id=1&lang=en" || locs[1].Err == nil || locs[2].Err != nil {
		t.Fatalf("%+v", locs)
	}
	if err := ParseSitemap(strings.NewReader("<html></html>"), "", func(Loc) error { return nil }); err == nil {
		t.Error("an HTML page taken for a sitemap")
	}
}
