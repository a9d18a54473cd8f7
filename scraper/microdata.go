package scraper

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// readMicrodata fills in product identity from schema.org microdata
// (itemscope/itemprop), which older themes and marketplaces use instead of
// JSON-LD. It parses the page a second time, with goquery, so it runs only
// when the page names a Product type and JSON-LD gave none: positions are not
// needed here, only values.
func readMicrodata(src []byte, p *Product) bool {
	if !bytes.Contains(src, []byte("schema.org/Product")) {
		return false
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
	if err != nil {
		return false
	}
	item := doc.Find(`[itemscope][itemtype$="schema.org/Product"], [itemscope][itemtype$="schema.org/ProductGroup"]`).First()
	if item.Length() == 0 {
		return false
	}
	prop := func(names ...string) string {
		for _, name := range names {
			s := item.Find(`[itemprop="` + name + `"]`).First()
			if s.Length() == 0 {
				continue
			}
			// A nested item (brand as an Organization) carries its name.
			if _, nested := s.Attr("itemscope"); nested {
				if n := s.Find(`[itemprop="name"]`).First(); n.Length() > 0 {
					s = n
				}
			}
			for _, attr := range []string{"content", "href", "src"} {
				if v, ok := s.Attr(attr); ok && strings.TrimSpace(v) != "" {
					return strings.TrimSpace(v)
				}
			}
			if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
				return t
			}
		}
		return ""
	}
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	// The product's own name, not a nested brand's or offer's.
	name := ""
	item.Find(`[itemprop="name"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.ParentsFiltered("[itemscope]").First().IsSelection(item) {
			name = strings.Join(strings.Fields(firstNonEmpty(s.AttrOr("content", ""), s.Text())), " ")
			return false
		}
		return true
	})
	set(&p.Name, name)
	set(&p.Brand, prop("brand", "manufacturer"))
	set(&p.SKU, prop("sku", "mpn"))
	set(&p.GTIN, prop("gtin13", "gtin", "gtin14", "gtin12", "gtin8"))
	set(&p.URL, prop("url"))
	return true
}
