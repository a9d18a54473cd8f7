package scraper

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOtherProductWidgets reads pages written after the ways shops show
// other products beside a listing (our own markup and words): a
// marketplace with a bought-together bundle, a sponsored carousel behind ad
// redirects, a strip of cards with no heading and a comparison table; a
// brand page with "complete your routine" and "you may also like" grids and
// "how to use" steps that link to other products; a set whose own items
// link to their own pages, and its ingredient spotlight linking to a
// glossary; a category page, whose grid of products is its content. Other
// products' words go to Document.Others, the listing's own words stay copy.
func TestOtherProductWidgets(t *testing.T) {
	cases := []struct {
		file    string
		name    string
		widgets int      // blocks of other products noted; 0: no note
		copy    []string // must stay in Blocks
		others  []string // must be in Others, not in Blocks
	}{
		{file: "widgets-marketplace.html", name: "NORDLYS Birch Hand Cream for dry, chapped hands, 75 ml", widgets: 4,
			copy: []string{"Dermatologically tested", "Birch sap and oat oil soften rough patches", "Betula Alba Juice", "€8.95"},
			others: []string{"heals cracked heels", "cures eczema and psoriasis", "with exosomes, regenerates skin cells",
				"clinically proven to reverse", "Sponsored products related", "heals cold sores", "treats dermatitis",
				"repairs damaged skin barrier", "Compare with similar items"}},
		{file: "widgets-brand.html", name: "Tidepool Gel Cleanser", widgets: 2,
			copy: []string{"Soothes sensitive skin", "Follow with the Kelp Water Toner while skin is still damp",
				"Rockpool Face Oil at night", "Crithmum Maritimum Extract"},
			others: []string{"Night Tide Mask repairs damaged skin", "stem cell exosomes that heal acne scars", "You may also like", "Sea Salt Scrub"}},
		{file: "widgets-bundle.html", name: "The Calm Skin Set",
			copy: []string{"Tidepool Gel Cleanser, 50 ml", "Oat Barrier Balm, 30 ml", "worth $19.00",
				"calms the look of redness", "repairs the skin barrier overnight", "Kelp Water Toner",
				"Colloidal oat", "Comforts dry, tight skin", "holds water on the skin"}},
		{file: "widgets-collection.html", name: "Cleansers",
			copy: []string{"Driftwood Cleansing Balm clears blackheads", "Kelp Foam Bar", "$14.00"}},
	}
	r := NewReader()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "storefront", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc := r.ReadHTML(c.file, src)
			if doc.Product.Name != c.name {
				t.Errorf("product name %q, want %q", doc.Product.Name, c.name)
			}
			copyText, otherText := flatText(doc.Blocks), flatText(doc.Others)
			for _, s := range c.copy {
				if !strings.Contains(copyText, s) {
					t.Errorf("own copy %q is not in the blocks", s)
				}
			}
			for _, s := range c.others {
				if strings.Contains(copyText, s) {
					t.Errorf("another product's %q is read as copy", s)
				}
				if !strings.Contains(otherText, s) {
					t.Errorf("another product's %q is not in Others", s)
				}
			}
			for _, b := range doc.Others {
				if b.Region != RegionOtherProducts {
					t.Errorf("other product's block %q has region %q", b.Text, b.Region)
				}
			}
			want := ""
			if c.widgets > 0 {
				want = othersNote(c.widgets)
			}
			got := ""
			for _, n := range doc.Notes {
				if strings.HasPrefix(n, "skipped ") {
					got = n
				}
			}
			if got != want {
				t.Errorf("note %q, want %q", got, want)
			}
		})
	}
}

func flatText(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		sb.WriteString(strings.Join(strings.Fields(b.Text), " "))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// TestProductKey names the product a link opens, whatever the shop's URL
// scheme, and no product for links that open no other page.
func TestProductKey(t *testing.T) {
	cases := []struct {
		href, key string
		product   bool
	}{
		{"/Some-Name/dp/B0ABC12345/ref=pd_sim_1?psc=1", "dp/b0abc12345", true},
		{"https://shop.example/collections/face/products/rose-toner?variant=1", "products/rose-toner", true},
		{"/ad/click?slot=3&amp;url=%2Fbalm%2Fitem%2FDS20001", "item/ds20001", true},
		{"/shop/detail.php?product_no=1234&cate_no=5", "product_no=1234", true},
		{"/lip-tint-p0123456.html", "lip-tint-p0123456.html", true},
		{"/about-us/", "/about-us", false},
		{"/index.php?route=product&path=5", "/index.php?route=product&path=5", false},
		{"#reviews", "", false},
		{"javascript:void(0)", "", false},
		{"//cdn.example/files/rose_600x.jpg?v=2", "", false},
		{"/resize.php?filename=12.jpg", "", false},
	}
	for _, c := range cases {
		key, product := productKey(c.href, 0)
		if key != c.key || product != c.product {
			t.Errorf("productKey(%q) = %q, %v; want %q, %v", c.href, key, product, c.key, c.product)
		}
	}
}

// BenchmarkReadHTMLWidgets reads the marketplace page, whose carousels,
// bundle and comparison table exercise widget detection on every element.
func BenchmarkReadHTMLWidgets(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "storefront", "widgets-marketplace.html"))
	if err != nil {
		b.Fatal(err)
	}
	r := NewReader()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.ReadHTML("widgets-marketplace.html", src)
	}
}
