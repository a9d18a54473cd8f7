package feed

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// header maps normalised column names to indexes.
type header struct {
	names []string
	index map[string]int
}

// normColumn folds the spellings feeds use for one column: "g:id", "ID",
// "Product Type", "product_type".
func normColumn(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")))
	s = strings.TrimPrefix(s, "g:")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), "_")
}

func newHeader(r *row) header {
	h := header{index: map[string]int{}}
	for i, f := range r.fields {
		n := normColumn(f.String())
		h.names = append(h.names, n)
		if _, dup := h.index[n]; !dup && n != "" {
			h.index[n] = i
		}
	}
	return h
}

// col returns the field under the first of names that the header has.
func (h header) col(r *row, names ...string) *scraper.SourceText {
	for _, n := range names {
		if i, ok := h.index[n]; ok && i < len(r.fields) && strings.TrimSpace(r.fields[i].String()) != "" {
			return r.fields[i]
		}
	}
	return nil
}

// ingredientCols are columns that hold an ingredient list: Shopify
// metafields ("Ingredients (product.metafields.custom.ingredients)"),
// "inci", "ingredients".
func (h header) ingredientCols() []int {
	var out []int
	for i, n := range h.names {
		if strings.Contains(n, "ingredient") || n == "inci" || strings.HasPrefix(n, "inci_") {
			out = append(out, i)
		}
	}
	return out
}

func text(t *scraper.SourceText) string {
	if t == nil {
		return ""
	}
	return strings.TrimSpace(t.String())
}

// isShopify tells Shopify's product export from a Merchant-style table.
func (h header) isShopify() bool {
	_, handle := h.index["handle"]
	_, body := h.index["body_(html)"]
	return handle && body
}

// readTable reads a Merchant Center TSV, a Shopify product CSV or a generic
// product table (id, title, description… columns).
func (f *Feed) readTable(w *window, sep byte, fn func(Item) error) error {
	s := &rowScanner{w: w, sep: sep}
	first, err := s.next()
	if err != nil {
		if errors.Is(err, errEOF) {
			return fmt.Errorf("%s: empty feed", f.Source)
		}
		return fmt.Errorf("%s: header: %w", f.Source, err)
	}
	h := newHeader(first)
	if _, ok := h.index["title"]; !ok {
		return fmt.Errorf("%s: not a product table: the header has no title column (it has %s)", f.Source, strings.Join(h.names, ", "))
	}
	shopify := h.isShopify()
	if shopify && f.Format == "" {
		f.Format = FormatShopifyCSV
	}
	var group []*row // Shopify: the rows of one product (same Handle)
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		g := group
		group = nil
		return f.emit(fn, g[0].line, func() (*scraper.Document, error) { return f.Reader.ReadRecord(f.shopifyRecord(h, g)), nil })
	}
	for {
		r, err := s.next()
		if errors.Is(err, errEOF) {
			return flush()
		}
		if err != nil && r == nil {
			return fmt.Errorf("%s: %w", f.Source, err)
		}
		if err != nil {
			if ferr := flush(); ferr != nil {
				return ferr
			}
			if e := f.emitErr(fn, r.line, err); e != nil {
				return e
			}
			continue
		}
		if r.blank() {
			continue
		}
		if len(r.fields) != len(h.names) {
			if ferr := flush(); ferr != nil {
				return ferr
			}
			if e := f.emitErr(fn, r.line, fmt.Errorf("%d fields where the header has %d", len(r.fields), len(h.names))); e != nil {
				return e
			}
			continue
		}
		if !shopify {
			if e := f.emit(fn, r.line, func() (*scraper.Document, error) { return f.Reader.ReadRecord(f.merchantRowRecord(h, r)), nil }); e != nil {
				return e
			}
			continue
		}
		// Shopify writes a product's variants and images as further rows
		// under the same Handle, with the product columns left empty.
		if len(group) > 0 && text(h.col(r, "handle")) != text(h.col(group[0], "handle")) {
			if err := flush(); err != nil {
				return err
			}
		}
		group = append(group, r)
	}
}

// merchantRowRecord makes a record from a Merchant Center TSV row (or any
// table with id, title, description columns).
func (f *Feed) merchantRowRecord(h header, r *row) scraper.Record {
	rec := scraper.Record{Source: f.Source, Format: f.format(FormatMerchantTSV), Raw: r.raw,
		Origin: scraper.Position{Offset: int(r.offset), Line: r.line, Column: 1, ByteColumn: 1}}
	rec.Product = scraper.Product{
		ID: text(h.col(r, "id")), Name: text(h.col(r, "title")), Brand: text(h.col(r, "brand", "vendor")),
		URL: text(h.col(r, "link", "url")), GTIN: text(h.col(r, "gtin", "barcode")), SKU: text(h.col(r, "sku", "mpn")),
	}
	add := func(kind scraper.Kind, t *scraper.SourceText) {
		if t != nil {
			rec.Fields = append(rec.Fields, scraper.RecordField{Kind: kind, Text: t, HTML: looksHTML(t.String())})
		}
	}
	add(scraper.KindProductName, h.col(r, "title"))
	add(scraper.KindParagraph, h.col(r, "description", "body_html", "body"))
	for _, i := range h.ingredientCols() {
		add(scraper.KindIngredients, r.fields[i])
	}
	return rec
}

// shopifyRecord merges the rows of one Shopify product. The rows lie one
// after another in the file, so their bytes are one slice of it.
func (f *Feed) shopifyRecord(h header, g []*row) scraper.Record {
	var raw []byte
	shift := make([]int, len(g))
	for i, r := range g {
		shift[i] = len(raw)
		raw = append(raw, r.raw...)
	}
	first := g[0]
	rec := scraper.Record{Source: f.Source, Format: f.format(FormatShopifyCSV), Raw: raw,
		Origin: scraper.Position{Offset: int(first.offset), Line: first.line, Column: 1, ByteColumn: 1}}
	// pick is the first non-empty value of a column over the rows, with
	// its map moved to the group's bytes.
	pick := func(names ...string) *scraper.SourceText {
		for i, r := range g {
			if t := h.col(r, names...); t != nil {
				return t.Shift(shift[i])
			}
		}
		return nil
	}
	handle := text(pick("handle"))
	rec.Product = scraper.Product{
		ID: handle, Name: text(pick("title")), Brand: text(pick("vendor")),
		SKU: text(pick("variant_sku")), GTIN: text(pick("variant_barcode")),
	}
	if handle != "" {
		rec.Product.URL = "/products/" + handle
	}
	add := func(kind scraper.Kind, t *scraper.SourceText, isHTML bool) {
		if t != nil {
			rec.Fields = append(rec.Fields, scraper.RecordField{Kind: kind, Text: t, HTML: isHTML})
		}
	}
	add(scraper.KindProductName, pick("title"), false)
	body := pick("body_(html)")
	add(scraper.KindParagraph, body, true)
	// The SEO description usually repeats the body's opening; lint it
	// only when it says something else.
	if seo := pick("seo_description"); seo != nil && !strings.Contains(foldSpace(text(body)), foldSpace(text(seo))) {
		add(scraper.KindMetaDescription, seo, false)
	}
	for _, c := range h.ingredientCols() {
		for i, r := range g {
			if c < len(r.fields) && text(r.fields[c]) != "" {
				add(scraper.KindIngredients, r.fields[c].Shift(shift[i]), looksHTML(r.fields[c].String()))
				break
			}
		}
	}
	return rec
}

// foldSpace folds case and white space and drops tags, to compare copy.
func foldSpace(s string) string {
	var b strings.Builder
	inTag := false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
			b.WriteByte(' ')
		case !inTag:
			b.WriteRune(r)
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(b.String()), " "))
}

// looksHTML reports text that carries markup ("<p>", "<br/>", "</li>").
func looksHTML(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		c := s[i+1]
		if c == '/' {
			c = s[i+2]
		}
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				return true
			}
		}
	}
	return false
}
