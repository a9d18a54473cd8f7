package scraper

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// FormatJSON is a product record: Shopify's /products/<handle>.json
// ({"product": {...}}) or .js, or a plain record with title, body_html or
// description, and ingredients.
const FormatJSON = "json"

// ReadJSON reads a product record. Text fields become blocks whose positions
// point into the JSON source; HTML inside body_html is read as text, tags
// dropped.
func (r *Reader) ReadJSON(source string, src []byte) (*Document, error) {
	doc := newDocument(source, FormatJSON, src)
	var top map[string]any
	if err := json.Unmarshal(src, &top); err != nil {
		return nil, fmt.Errorf("%w: not a JSON object: %w", ErrFormat, err)
	}
	rec := top
	start, end := 0, len(src)
	if p, ok := top["product"].(map[string]any); ok {
		rec = p
		// Search inside the product object only, so that a "title" of
		// a variant or an option is not mistaken for the product's.
		if k := bytes.Index(src, []byte(`"product"`)); k >= 0 {
			start = k
		}
	}
	doc.Structured = true
	p := &doc.Product
	p.Name = strings.TrimSpace(str(rec["title"]))
	if p.Name == "" {
		p.Name = strings.TrimSpace(str(rec["name"]))
	}
	p.Brand = firstNonEmpty(str(rec["vendor"]), str(rec["brand"]))
	p.URL = str(rec["url"])
	if p.URL == "" && str(rec["handle"]) != "" {
		p.URL = "/products/" + str(rec["handle"])
	}
	p.SKU, p.GTIN = str(rec["sku"]), firstNonEmpty(str(rec["gtin"]), str(rec["barcode"]))
	p.ID = str(rec["id"])
	if vs, ok := rec["variants"].([]any); ok && len(vs) > 0 {
		if v, ok := vs[0].(map[string]any); ok {
			p.SKU = firstNonEmpty(p.SKU, str(v["sku"]))
			p.GTIN = firstNonEmpty(p.GTIN, str(v["barcode"]))
		}
	}
	fields := []struct {
		key  string
		kind Kind
	}{
		{"title", KindProductName}, {"name", KindProductName},
		{"body_html", KindParagraph}, {"description", KindParagraph}, {"body", KindParagraph},
		{"ingredients", KindIngredients}, {"inci", KindIngredients},
	}
	named := false
	for _, f := range fields {
		val := str(rec[f.key])
		if strings.TrimSpace(val) == "" || (f.kind == KindProductName && named) {
			continue
		}
		b, ok := locateJSONString(src, start, end, f.key, val)
		if !ok {
			continue
		}
		b.Kind = f.kind
		if f.kind == KindProductName {
			named = true
		}
		if f.kind == KindParagraph && r.ingPrefix.MatchString(b.Text) {
			b.Kind = KindIngredients
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	if len(doc.Blocks) == 0 {
		doc.Notes = append(doc.Notes, "no title, description or ingredients found in this JSON record")
	}
	return doc, nil
}
