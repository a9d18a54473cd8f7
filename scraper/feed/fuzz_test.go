package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

// fuzzFeed reads data as the given format and checks that nothing panics
// and that every block maps inside the feed's bytes.
func fuzzFeed(t *testing.T, rd *scraper.Reader, format string, data []byte) {
	f := &Feed{Source: "fuzz", Format: format, Reader: rd}
	_ = f.Read(bytes.NewReader(data), func(it Item) error {
		if it.Err != nil {
			if it.Doc != nil {
				t.Fatalf("record %d has both an error and a document", it.N)
			}
			return nil
		}
		for _, b := range it.Doc.Blocks {
			s, e := b.SourceRange(0, len(b.Text))
			ps, pe := it.Doc.Position(s), it.Doc.Position(e)
			if ps.Offset < 0 || pe.Offset > len(data) || ps.Offset > pe.Offset || ps.Line < 1 {
				t.Fatalf("record %d block %q maps to %d..%d of %d bytes", it.N, b.Text, ps.Offset, pe.Offset, len(data))
			}
		}
		return nil
	})
}

func seed(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzMerchantXML(f *testing.F) {
	seed(f, "merchant.xml", "merchant-atom.xml")
	f.Add([]byte("<rss><item><g:title>a &amp; b</g:title><description><![CDATA[x]]></description></item>"))
	rd := scraper.NewReader()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzFeed(t, rd, FormatMerchantXML, data) })
}

func FuzzMerchantTSV(f *testing.F) {
	seed(f, "merchant.tsv")
	f.Add([]byte("id\ttitle\n\"a\"\"\tb\n"))
	rd := scraper.NewReader()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzFeed(t, rd, FormatMerchantTSV, data) })
}

func FuzzShopifyCSV(f *testing.F) {
	seed(f, "shopify.csv")
	rd := scraper.NewReader()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzFeed(t, rd, FormatShopifyCSV, data) })
}

func FuzzJSONL(f *testing.F) {
	seed(f, "products.jsonl")
	rd := scraper.NewReader()
	f.Fuzz(func(t *testing.T, data []byte) { fuzzFeed(t, rd, FormatJSONL, data) })
}

func FuzzSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a.example/x?a=1&amp;b=2</loc></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/s.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte("https://a.example/1\nhttps://a.example/2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = ParseSitemap(bytes.NewReader(data), "https://a.example/", func(l Loc) error {
			if l.Err == nil && !strings.HasPrefix(l.URL, "http") {
				t.Fatalf("loc %q accepted", l.URL)
			}
			return nil
		})
	})
}
