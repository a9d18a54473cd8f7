package scraper

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"

	"github.com/exolint/exolint/scraper/fetch"
)

// TestPlatformPages serves the sample storefront pages from a local server,
// the way a consumer or a retailer's crawl would reach them, and checks what
// was extracted as copy, what as ingredients, what as customers' words, and
// that menus, footers and banners were not read at all.
func TestPlatformPages(t *testing.T) {
	pages := map[string][]byte{}
	for _, name := range []string{"rose-ev-serum-shopify.html", "cord-exosome-serum-woocommerce.html", "oat-moisturizer-amazon.html", "kbeauty-exosome-ampoule.html"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "products", name))
		if err != nil {
			t.Fatal(err)
		}
		pages["/"+name] = data
	}
	// The Korean shop serves EUC-KR, as many still do.
	euckr, err := encoding.ReplaceUnsupported(korean.EUCKR.NewEncoder()).Bytes([]byte(strings.Replace(string(pages["/kbeauty-exosome-ampoule.html"]), "charset=\"utf-8\"", "charset=\"euc-kr\"", 1)))
	if err != nil {
		t.Fatal(err)
	}
	shell := []byte(`<!doctype html><html><head><title>Serum</title>
<script type="application/ld+json">{"@type":"Product","name":"Cloud Exosome Serum","description":"Exosomes that regenerate skin overnight."}</script>
<script src="/app.js"></script><script>` + strings.Repeat("window.__x=1;", 3000) + `</script></head><body><div id="root"></div></body></html>`)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("User-agent: *\nAllow: /\n")) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/kr":
			w.Header().Set("Content-Type", "text/html; charset=euc-kr")
			_, _ = w.Write(euckr)
		case "/shell":
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(shell)
		default:
			data, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(data)
		}
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	l := &Loader{Reader: NewReader(), Fetcher: fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})}

	cases := []struct {
		path          string
		name          string
		copyHas       []string // must be read as the brand's copy
		ingredientHas string   // must be in the ingredients block
		userHas       string   // must be read as customers' words
		absent        []string // must not be read at all (navigation, footer, banners)
	}{
		{path: "/rose-ev-serum-shopify.html", name: "Rose Callus Vesicle Serum",
			copyHas: []string{"Rosa damascena"}, ingredientHas: "Rosa Damascena Callus Extracellular Vesicles", userHas: "miracle",
			absent: []string{"Our lab data", "adverse-event reporting", "We use cookies"}},
		{path: "/cord-exosome-serum-woocommerce.html", name: "ReGenesis 30B Cord Exosome Serum",
			copyHas: []string{"Clinic-only"}, ingredientHas: "Conditioned Media", absent: []string{"Microneedling\n"}},
		{path: "/oat-moisturizer-amazon.html", name: "Harbor & Fern Daily Oat Barrier Cream",
			copyHas: []string{"colloidal oatmeal"}, ingredientHas: "Avena Sativa"},
		{path: "/kr", copyHas: []string{"엑소좀"}, ingredientHas: "정제수"},
		{path: "/shell", name: "Cloud Exosome Serum", copyHas: []string{"regenerate skin overnight"}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			doc, err := l.Load(context.Background(), Input{Name: ts.URL + c.path, Kind: InputURL})
			if err != nil {
				t.Fatal(err)
			}
			var copyText, ing, user strings.Builder
			for _, b := range doc.Blocks {
				switch {
				case b.Kind == KindIngredients:
					ing.WriteString(b.Text + "\n")
				case b.Region == RegionUserContent:
					user.WriteString(b.Text + "\n")
				default:
					copyText.WriteString(b.Text + "\n")
				}
			}
			if c.name != "" && !strings.HasPrefix(doc.Product.Name, c.name) {
				t.Errorf("product name %q, want %q", doc.Product.Name, c.name)
			}
			for _, s := range c.copyHas {
				if !strings.Contains(strings.ToLower(copyText.String()), strings.ToLower(s)) {
					t.Errorf("copy lacks %q", s)
				}
			}
			if c.ingredientHas != "" && !strings.Contains(ing.String(), c.ingredientHas) {
				t.Errorf("ingredients %q lack %q", ing.String(), c.ingredientHas)
			}
			if c.userHas != "" {
				if !strings.Contains(strings.ToLower(user.String()), c.userHas) {
					t.Errorf("user content %q lacks %q", user.String(), c.userHas)
				}
				if strings.Contains(strings.ToLower(copyText.String()), c.userHas) {
					t.Errorf("%q from reviews was read as copy", c.userHas)
				}
			}
			all := copyText.String() + ing.String() + user.String()
			for _, s := range c.absent {
				if strings.Contains(all, s) {
					t.Errorf("page furniture %q was read", s)
				}
			}
			if c.path == "/shell" && len(doc.Notes) == 0 {
				t.Errorf("JavaScript shell not reported")
			}
		})
	}
}

// Offer signs that live only in markup: an icon cart button, price
// microdata, og:type=product. Header furniture (skipped) does not count.
func TestOfferMarkup(t *testing.T) {
	page := `<html><head><meta property="og:type" content="product"><meta property="product:price:amount" content="48.00"></head>
<body><header class="site-header"><form action="/cart"><button>Cart</button></form></header>
<h1>Rose EV Serum</h1><span itemprop="price">48.00</span>
<form action="/cart/add" method="post"><button class="product-form__submit" aria-label="Add"></button></form></body></html>`
	doc := NewReader().ReadHTML("p.html", []byte(page))
	want := []string{OfferProductType, OfferPriceMarkup, OfferCartForm}
	if strings.Join(doc.OfferMarkup, ",") != strings.Join(want, ",") {
		t.Errorf("offer markup %v, want %v", doc.OfferMarkup, want)
	}
	blog := NewReader().ReadHTML("b.html", []byte(`<html><body><header><form action="/cart"></form></header><article><p>Exosomes, explained.</p></article></body></html>`))
	if len(blog.OfferMarkup) != 0 {
		t.Errorf("blog with a cart in its header: %v", blog.OfferMarkup)
	}
}
