package scraper

import (
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/inci"
)

// Pages that keep the product in embedded JSON state rather than in their
// HTML: its name, copy and ingredient list are read from the state, with
// positions into the page's bytes.
func TestEmbeddedState(t *testing.T) {
	cases := []struct {
		name      string
		page      string
		product   string
		brand     string
		firstName string // first ingredient; "" for no list
		copyHas   string // read as copy
		thinNote  bool
	}{
		{name: "Next.js __NEXT_DATA__ on an empty shell",
			page: `<!doctype html><html><head><title>Orbit Serum</title></head><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":{"id":"p-88","name":"Orbit Plant Exosome Serum","brand":{"name":"Orbit Lab"},"sku":"OR-30",
"description":"<p>Apple callus exosomes \u0026amp; peptides for skin that looks rested.</p><ul><li>Vegan</li><li>Fragrance-free</li></ul>",
"ingredients":"Aqua, Butylene Glycol, Pyrus Malus (Apple) Callus Culture Extract, Glycerin, Palmitoyl Tripeptide-1, Phenoxyethanol"}}},"page":"/products/[handle]"}</script>
<script src="/_next/static/chunks/main.js"></script></body></html>`,
			product: "Orbit Plant Exosome Serum", brand: "Orbit Lab", firstName: "Aqua", copyHas: "Apple callus exosomes & peptides", thinNote: true},
		{name: "window.__INITIAL_STATE__ with an ingredients metafield",
			page: `<html><head><title>Cedar Night Cream | Pinecone</title></head><body><h1>Cedar Night Cream</h1><p>A rich night cream for dry winter skin. It melts in and leaves no film, so you wake up to soft skin.</p>
<script>window.__INITIAL_STATE__ = {"product":{"title":"Cedar Night Cream","vendor":"Pinecone","metafields":[{"namespace":"custom","key":"how_to_use","value":"Warm between fingers."},{"namespace":"custom","key":"ingredients","value":"<p>Aqua, Caprylic/Capric Triglyceride, Cetearyl Alcohol, Glycerin, Cedrus Atlantica Bark Oil, Tocopherol</p>"}]}};</script></body></html>`,
			product: "Cedar Night Cream", firstName: "Aqua"},
		{name: "Shopify product JSON with the list in the description HTML",
			page: `<html><head><title>Hearth Hand Salve – Kiln &amp; Co</title></head><body><h1>Hearth Hand Salve</h1><div class="rte"><p>Soft hands after a day at the wheel.</p></div>
<script type="application/json" id="ProductJson-product-template">{"id":77,"title":"Hearth Hand Salve","handle":"hearth-hand-salve","vendor":"Kiln \u0026 Co",
"description":"\u003cp\u003eSoft hands after a day at the wheel.\u003c\/p\u003e\n\u003cp\u003e\u003cstrong\u003eIngredients:\u003c\/strong\u003e Olea Europaea (Olive) Fruit Oil, Cera Alba, Butyrospermum Parkii (Shea) Butter, Lavandula Angustifolia (Lavender) Oil\u003c\/p\u003e"}</script></body></html>`,
			product: "Hearth Hand Salve", firstName: "Olea Europaea (Olive) Fruit Oil"},
		{name: "a visible list wins over the state",
			page: `<html><body><h1>Plain Balm</h1><h2>Ingredients</h2><p>Ricinus Communis Seed Oil, Cera Alba, Tocopherol</p>
<script type="application/json">{"product":{"title":"Plain Balm","vendor":"X","ingredients":"Aqua, Glycerin"}}</script></body></html>`,
			product: "Plain Balm", firstName: "Ricinus Communis Seed Oil"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := NewReader().ReadHTML("p.html", []byte(c.page))
			if doc.Product.Name != c.product {
				t.Errorf("name %q, want %q", doc.Product.Name, c.product)
			}
			if c.brand != "" && doc.Product.Brand != c.brand {
				t.Errorf("brand %q, want %q", doc.Product.Brand, c.brand)
			}
			var lists []Block
			var copyText strings.Builder
			for _, b := range doc.Blocks {
				if b.Kind == KindIngredients {
					lists = append(lists, b)
				} else {
					copyText.WriteString(b.Text + "\n")
				}
			}
			if len(lists) != 1 {
				t.Fatalf("%d lists: %+v", len(lists), lists)
			}
			l := inci.Parse(lists[0].Text)
			names := l.Names()
			if len(names) == 0 || names[0] != c.firstName {
				t.Fatalf("list %q, want it to start with %q", names, c.firstName)
			}
			// The first name maps back to its own bytes in the page.
			first := l.Ingredients()[0]
			s, e := lists[0].SourceRange(first.NameStart, first.NameEnd)
			if got := c.page[s:e]; got != c.firstName {
				t.Errorf("first name maps to %q in the page, want %q", got, c.firstName)
			}
			if c.copyHas != "" && !strings.Contains(copyText.String(), c.copyHas) {
				t.Errorf("copy lacks %q:\n%s", c.copyHas, copyText.String())
			}
			note := strings.Join(doc.Notes, "; ")
			if c.thinNote != strings.Contains(note, NoteJavaScript) {
				t.Errorf("notes %q", note)
			}
		})
	}
}
