package scraper

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
	"github.com/exolint/exolint/scraper/inci"
)

// TestStorefrontPatterns reads pages written after the ways real shops
// build product pages (our own markup and words): tab bars apart from their
// panels, tabs tied by sibling order, collapsible metafields with "key
// ingredients" explainers before the full list, a description whose list
// follows explainers, a marketplace with widget headings and the list three
// times, a Latin-1 shop whose only h1 is a review heading, "key ingredients"
// lines that are no list, desktop and mobile copies of one list, a list with
// no label at all, and a Japanese accordion.
func TestStorefrontPatterns(t *testing.T) {
	dir := filepath.Join("testdata", "storefront")
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html") // the page's own <meta> says the charset
		_, _ = w.Write(data)
	}))
	defer ts.Close()
	l := &Loader{Reader: NewReader(), Fetcher: fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})}

	cases := []struct {
		file  string
		name  string
		brand string
		first []string // first names of the list, in order; nil: no list
		lists int      // ingredient blocks expected (0 with first nil)
		copy  []string // must be read as copy, not as the list
	}{
		{file: "tabbar-aria.html", name: "Velvet Berry Lip Balm",
			first: []string{"Ricinus Communis (Castor) Seed Oil", "Cocos Nucifera (Coconut) Oil", "Euphorbia Cerifera (Candelilla) Wax"}, lists: 1},
		{file: "tabs-sibling-order.html", name: "Inkwell Aftercare Balm",
			first: []string{"Mango Butter", "Hemp Seed Oil", "Avocado Butter", "Sunflower Seed Oil"}, lists: 1,
			copy: []string{"Calms redness after a session", "Supports collagen production"}},
		{file: "collapsible-key-and-full.html", name: "Coastline Mineral Sun Milk SPF 50", brand: "MARIS",
			first: []string{"Aqua", "Zinc Oxide", "Caprylic/Capric Triglyceride", "Coco-Caprylate", "Glycerin"}, lists: 1,
			copy: []string{"Calms visible redness", "repairs the barrier overnight"}},
		{file: "explainers-then-list.html", name: "Lip Tint in Plum", brand: "Juniper & Co.",
			first: []string{"Simmondsia Chinensis (Jojoba) Seed Oil", "Euphorbia Cerifera (Candelilla) Wax", "Theobroma Cacao (Cocoa) Seed Butter"}, lists: 1,
			copy: []string{"softens and protects"}},
		{file: "marketplace-widgets.html", name: "SONNWALD Mandarin Hand & Body Milk, certified natural, 250 ml",
			first: []string{"Wasser", "Glycerin", "Simmondsia Chinensis (Jojoba) Samenöl", "Alkohol"}, lists: 1},
		{file: "latin1-review-heading.html", name: "BASE FORTALECEDORA BRILHO ROSA 9ML",
			copy: []string{"proteína de seda", "Livre de formaldeído"}},
		{file: "key-ingredients-only.html", name: "FLORIN - Balancing Petal Toner",
			copy: []string{"Key Ingredients: Calendula Flower Water", "Relieves redness"}},
		{file: "woo-key-explainers.html", name: "Hidden Glow Coconut Primer",
			copy: []string{"Coconut Milk: a concentrated coconut complex", "Key Ingredients: Coconut Milk"}},
		{file: "desktop-mobile-duplicate.html", name: "Dewdrop Barrier Cream",
			first: []string{"Aqua", "Glycerin", "Squalane"}, lists: 1},
		{file: "unlabeled-metafield.html", name: "Cloudberry Gel Cleanser",
			first: []string{"Aqua", "Sodium Cocoyl Glutamate", "Coco-Glucoside"}, lists: 1,
			copy: []string{"Ships to US, CA, UK"}},
		{file: "accordion-ja.html",
			first: []string{"水", "ＢＧ", "グリセリン", "ナイアシンアミド"}, lists: 1},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc, err := l.Load(context.Background(), Input{Name: ts.URL + "/" + c.file, Kind: InputURL})
			if err != nil {
				t.Fatal(err)
			}
			if c.name != "" && doc.Product.Name != c.name {
				t.Errorf("name %q, want %q", doc.Product.Name, c.name)
			}
			if c.brand != "" && doc.Product.Brand != c.brand {
				t.Errorf("brand %q, want %q", doc.Product.Brand, c.brand)
			}
			var names []string
			lists := 0
			var copyText strings.Builder
			for _, b := range doc.Blocks {
				if b.Kind == KindIngredients {
					lists++
					names = append(names, inci.Parse(b.Text).Names()...)
					continue
				}
				copyText.WriteString(b.Text + "\n")
			}
			if lists != c.lists {
				t.Errorf("%d ingredient lists, want %d: %q", lists, c.lists, names)
			}
			for i, want := range c.first {
				if i >= len(names) || names[i] != want {
					t.Errorf("list starts %q, want %q", names[:min(len(names), len(c.first))], c.first)
					break
				}
			}
			for _, s := range c.copy {
				if !strings.Contains(copyText.String(), s) {
					t.Errorf("%q not read as copy", s)
				}
			}
		})
	}
}

// One list per shade stays separate and carries the shade's name.
func TestVariantListsStayApart(t *testing.T) {
	page := `<html><body><h1>Silk Skin Tint</h1>
<h3>Shade 01 Ivory</h3><h4>Ingredients</h4><p>Aqua, Cyclopentasiloxane, Glycerin, Titanium Dioxide, Niacinamide, CI 77891, CI 77492</p>
<h3>Shade 05 Sand</h3><h4>Ingredients</h4><p>Aqua, Cyclopentasiloxane, Glycerin, Titanium Dioxide, Niacinamide, CI 77891, CI 77492, CI 77491</p>
</body></html>`
	doc := NewReader().ReadHTML("t.html", []byte(page))
	var labels []string
	for _, b := range doc.Blocks {
		if b.Kind == KindIngredients {
			labels = append(labels, b.Label)
		}
	}
	if strings.Join(labels, "|") != "Shade 01 Ivory|Shade 05 Sand" {
		t.Errorf("lists labelled %q", labels)
	}
}

// A metafield tab whose panel holds the list twice (desktop and mobile
// markup in one section) gives one list, not doubled.
func TestListTwiceInOnePanel(t *testing.T) {
	list := "Aqua, Glycerin, Squalane, Cetearyl Alcohol, Panthenol, Phenoxyethanol"
	page := `<html><body><h1>Oat Cream</h1><details><summary>Ingredients</summary>
<div class="metafield desktop"><p>` + list + `</p></div><div class="metafield mobile"><p>` + list + `</p></div></details>
<p>Free shipping over $30.</p></body></html>`
	doc := NewReader().ReadHTML("t.html", []byte(page))
	var lists []string
	for _, b := range doc.Blocks {
		if b.Kind == KindIngredients {
			lists = append(lists, b.Text)
		}
	}
	if len(lists) != 1 || lists[0] != list {
		t.Errorf("lists %q", lists)
	}
}

// A template with no h1 titles the product with an h2 that also gives its
// reading in katakana; the title tag names the range.
func TestH2NameWithReading(t *testing.T) {
	page := `<html><head><title>Lumiere regina GLOW 5serum</title></head><body><div class="box_txt">
<h2 class="tit"><span>5SERUM GLOW</span><em>ファイブセラムグロウ</em></h2><p>毎日の美容液です。</p></div>
<h2 class="st">一緒に使うと良い製品</h2></body></html>`
	doc := NewReader().ReadHTML("t.html", []byte(page))
	if doc.Product.Name != "5SERUM GLOW" {
		t.Errorf("name %q", doc.Product.Name)
	}
}
