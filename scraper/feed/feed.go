// Package feed reads what retailers audit in bulk: product feeds, whose
// records are linted as they are, and sitemaps, which list pages to fetch.
//
// Feeds are streamed: a record is cut out of the stream, read into a
// scraper.Document whose positions are positions in the feed file, handed
// on, and forgotten, so a feed of any size needs memory for one record. A
// record that cannot be read is one error for that record; the rest are
// read.
//
// Formats: Google Merchant Center XML (RSS 2.0 <item> or Atom <entry>
// with the g: namespace) and TSV, Shopify's product CSV export (several
// rows per product, merged), generic product CSV with Merchant-style
// columns, and JSON Lines product records.
package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Feed formats.
const (
	FormatMerchantXML = "merchant-xml"
	FormatMerchantTSV = "merchant-tsv"
	FormatShopifyCSV  = "shopify-csv"
	FormatProductCSV  = "product-csv"
	FormatJSONL       = "jsonl"
)

// Formats lists the names --feed-format accepts.
func Formats() []string {
	return []string{FormatMerchantXML, FormatMerchantTSV, FormatShopifyCSV, FormatProductCSV, FormatJSONL}
}

// maxRecordBytes bounds one XML item or JSON line.
const maxRecordBytes = 8 << 20

// errEOF ends a stream of rows or records.
var errEOF = io.EOF

// ErrNotFeed is a file that is none of the feed formats.
var ErrNotFeed = errors.New("not a product feed")

// Item is one record of a feed, read, or the reason it could not be.
type Item struct {
	N    int    // 1-based record number in the feed; the same on every read
	Line int    // line of the feed where the record starts
	Key  string // how the listing is known across runs: id, SKU, GTIN or URL
	Doc  *scraper.Document
	Err  error // the record could not be read; Doc is nil
}

// Feed is one feed to read.
type Feed struct {
	Source string // file name or URL, as given; documents carry it
	Format string // one of the Format constants, or "" to detect
	Reader *scraper.Reader
	// Skip, when set, is asked for each record number before the record
	// is read into a document: a resumed audit skips what it has done.
	Skip func(n int) bool

	n int
}

// Read streams the feed from r, calling fn with every record in order. It
// returns an error only when the stream as a whole cannot be read (not a
// feed, no header, a read failure) or fn fails.
func (f *Feed) Read(r io.Reader, fn func(Item) error) error {
	if f.Reader == nil {
		f.Reader = scraper.NewReader()
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Source, err)
		}
		defer func() { _ = zr.Close() }()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if f.Format == "" {
		var err error
		if f.Format, err = Detect(f.Source, head); err != nil {
			return err
		}
	}
	w := newWindow(br)
	switch f.Format {
	case FormatMerchantXML:
		return f.readXML(w, fn)
	case FormatMerchantTSV:
		return f.readTable(w, '\t', fn)
	case FormatShopifyCSV, FormatProductCSV:
		return f.readTable(w, ',', fn)
	case FormatJSONL:
		return f.readJSONL(w, fn)
	}
	return fmt.Errorf("%s: %w: unknown feed format %q (want %s)", f.Source, ErrNotFeed, f.Format, strings.Join(Formats(), ", "))
}

// Detect names a feed's format from its file name and first bytes.
func Detect(name string, head []byte) (string, error) {
	base := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	firstLine, _, _ := bytes.Cut(t, []byte("\n"))
	switch ext := path.Ext(base); {
	case ext == ".jsonl" || ext == ".ndjson" || (len(t) > 0 && t[0] == '{'):
		return FormatJSONL, nil
	case ext == ".xml" || ext == ".rss" || ext == ".atom" || (len(t) > 0 && t[0] == '<'):
		return FormatMerchantXML, nil
	case ext == ".tsv" || bytes.Contains(firstLine, []byte("\t")):
		return FormatMerchantTSV, nil
	case ext == ".csv" || bytes.Contains(firstLine, []byte(",")):
		if h := strings.ToLower(string(firstLine)); strings.Contains(h, "handle") && strings.Contains(h, "body (html)") {
			return FormatShopifyCSV, nil
		}
		return FormatProductCSV, nil
	}
	return "", fmt.Errorf("%s: %w: want Merchant Center XML or TSV, Shopify CSV, a product CSV or JSON Lines", name, ErrNotFeed)
}

func (f *Feed) format(def string) string {
	if f.Format != "" {
		return f.Format
	}
	return def
}

// emit reads the next record with build, unless Skip says it is done.
func (f *Feed) emit(fn func(Item) error, line int, build func() (*scraper.Document, error)) error {
	f.n++
	if f.Skip != nil && f.Skip(f.n) {
		return nil
	}
	doc, err := build()
	if err != nil {
		return f.emitFailed(fn, line, err)
	}
	return fn(Item{N: f.n, Line: line, Key: ListingKey(doc.Product, fmt.Sprintf("%s#%d", f.Source, f.n)), Doc: doc})
}

// emitErr reports a record that could not be cut out of the stream.
func (f *Feed) emitErr(fn func(Item) error, line int, err error) error {
	f.n++
	if f.Skip != nil && f.Skip(f.n) {
		return nil
	}
	return f.emitFailed(fn, line, err)
}

func (f *Feed) emitFailed(fn func(Item) error, line int, err error) error {
	return fn(Item{N: f.n, Line: line, Key: fmt.Sprintf("%s#%d", f.Source, f.n), Err: fmt.Errorf("line %d: %w", line, err)})
}

// ListingKey is how a listing is known across runs: a feed record by its
// id, SKU, GTIN or URL, in that order, and otherwise by fallback (a page's
// URL, or a record's place in its feed).
func ListingKey(p scraper.Product, fallback string) string {
	switch {
	case p.ID != "":
		return "id:" + p.ID
	case p.SKU != "":
		return "sku:" + p.SKU
	case p.GTIN != "":
		return "gtin:" + p.GTIN
	case p.URL != "":
		return p.URL
	}
	return fallback
}
