package scraper

import (
	"net/url"
	"strings"
	"unicode"
)

// The product's name, when no structured data gives it, is chosen among
// the page's h1 headings and the elements its theme marks as the product
// title (class or id such as "product-title", "productName", "nomeProd"),
// by what corroborates them: the theme's marking and words shared with
// <title> or og:title. A widget's h1 ("Choose how often to deliver") or a
// review heading ("Overall rating") is never the name.

// nameCandidate is a heading or marked element that may name the product.
type nameCandidate struct {
	text   string
	h1     bool
	h2     bool // read only on a page with no h1 and no marked title
	marked bool // class, id or itemprop says product name or title
}

// maxNameCandidates bounds what a page with many headings keeps; of them
// at most maxH2Names are h2s, which only a page without an h1 needs.
const (
	maxNameCandidates = 32
	maxH2Names        = 6
)

// productNameMark reports class, id or itemprop text that marks a product
// title: a "name"/"title" word together with a "product" word, as themes
// write them in several languages and cases ("product-single__title",
// "productTitle", "nomeProd_g", "pdp-name").
func productNameMark(classID string) bool {
	l := strings.ToLower(classID)
	if !strings.Contains(l, "name") && !strings.Contains(l, "title") && !strings.Contains(l, "nome") &&
		!strings.Contains(l, "nombre") && !strings.Contains(l, "titulo") && !strings.Contains(l, "titel") {
		return false
	}
	for _, cls := range strings.Fields(classID) {
		name, prod := false, false
		for _, p := range classParts(cls) {
			switch p {
			case "name", "title", "nome", "nombre", "titulo", "titel", "naam", "nom":
				name = true
			case "product", "prod", "produto", "producto", "produit", "produkt", "pdp", "item", "artikel", "goods": //nolint:misspell // Spanish
				prod = true
			}
		}
		if name && prod {
			return true
		}
	}
	return false
}

// classParts splits a class or id at dashes, underscores and case changes
// ("nomeProd_g" gives nome, prod, g), lower-cased.
func classParts(cls string) []string {
	var parts []string
	start := 0
	rs := []rune(cls)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '-' || rs[i] == '_' || unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			if p := strings.Trim(string(rs[start:i]), "-_"); p != "" {
				parts = append(parts, strings.ToLower(p))
			}
			start = i
		}
	}
	return parts
}

// ratingWords mark a review or rating heading.
func ratingWords() []string {
	return []string{"rating", "ratings", "review", "reviews", "stars", "avaliação", "avaliações", "avaliacao", "estrelas",
		"bewertung", "bewertungen", "sterne", "valoración", "valoraciones", "opiniones", "reseñas", "avis", "étoiles",
		"recensioni", "valutazione", "レビュー", "評価", "리뷰", "평점", "评价", "评分"}
}

// reviewHeading reports a heading over reviews or ratings, which never
// names the product ("Customer reviews", "Avaliação geral", "4.8 out of 5").
func (r *Reader) reviewHeading(t string) bool {
	if r.reviewsLabel.MatchString(t) {
		return true
	}
	words := strings.Fields(strings.ToLower(t))
	if len(words) > 5 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ".,:;!()")
		for _, rw := range ratingWords() {
			if w == rw {
				return true
			}
		}
	}
	return strings.Contains(strings.ToLower(t), "out of 5")
}

// pickName chooses the product name among the candidates: the theme's
// marking counts most, then words shared with the page title; a lone h1
// still names the product when nothing contradicts it.
func (w *htmlWalker) pickName() string {
	title := titleWords(w.meta.title + " " + w.meta.ogTitle)
	best, bestScore := "", 0
	for _, c := range w.names {
		if c.h2 || w.r.reviewHeading(c.text) {
			continue
		}
		score := 0
		if c.h1 {
			score++
		}
		if c.marked {
			score += 3
		}
		if overlap(c.text, title) {
			score += 2
		}
		if score > bestScore {
			best, bestScore = c.text, score
		}
	}
	if best == "" {
		// Templates without an h1 title the product with an h2, often
		// with its reading in another script beside it ("AQUA CREAM
		// アクアクリーム"): the first h2 whose words the title shares.
		for _, c := range w.names {
			if !c.h2 || w.r.reviewHeading(c.text) {
				continue
			}
			if t := latinPart(c.text); prefixOverlap(t, title) {
				return t
			}
		}
	}
	return best
}

// latinPart keeps the Latin-script words of a heading that mixes scripts,
// or the whole heading.
func latinPart(t string) string {
	var latin []string
	other := false
	for _, f := range strings.Fields(t) {
		// A word may glue the two scripts ("GLOWグロウ"): keep its Latin run.
		var run strings.Builder
		letters := false
		for _, r := range f {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				other = true
				continue
			}
			letters = letters || unicode.IsLetter(r)
			run.WriteRune(r)
		}
		if letters {
			latin = append(latin, run.String())
		}
	}
	if len(latin) == 0 || !other {
		return t
	}
	return strings.Join(latin, " ")
}

// prefixOverlap: a word of the text and a word of the title, five letters
// or more, one the start of the other ("7AMPOULES" and "7ampoule").
func prefixOverlap(text string, title map[string]bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), notWordRune) {
		for tw := range title {
			if len(tw) >= 5 && len(w) >= 5 && (strings.HasPrefix(w, tw) || strings.HasPrefix(tw, w)) {
				return true
			}
		}
	}
	return false
}

// titleWords are the lower-case words of a title, for overlap tests.
func titleWords(t string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(t), notWordRune) {
		out[w] = true
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// overlap reports a text most of whose words the title also has.
func overlap(text string, title map[string]bool) bool {
	words := strings.FieldsFunc(strings.ToLower(text), notWordRune)
	if len(words) == 0 || len(title) == 0 {
		return false
	}
	n := 0
	for _, w := range words {
		if title[w] {
			n++
		}
	}
	return n*2 >= len(words) && n > 0
}

// stripShopName drops the shop's name from a <title> or og:title used as the
// product name: "Tattoo Balm – Example Skin Co." gives "Tattoo Balm". Sites
// put their name last, after a bar or a dash, so the last part goes; parts
// before it go too while they name the site (og:site_name, the host) or
// read as shop talk ("Shop", "at Example", "best price"). With last false
// (og:title, which usually names the product alone) only such parts go.
func stripShopName(t string, site []string, last bool) string {
	t = strings.TrimSpace(t)
	for first := last; ; first = false {
		cut := -1
		for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " : ", ": "} {
			i := strings.LastIndex(t, sep)
			if i <= 0 || i <= cut {
				continue
			}
			if first || shopPart(t[i+len(sep):], site) {
				cut = i
			}
		}
		if cut <= 0 {
			return t
		}
		t = strings.TrimSpace(t[:cut])
	}
}

// shopPart reports a title part that names the shop rather than the product.
func shopPart(part string, site []string) bool {
	l := strings.ToLower(strings.TrimSpace(part))
	if l == "" {
		return true
	}
	for _, s := range site {
		if s = strings.ToLower(strings.TrimSpace(s)); len(s) >= 3 && (strings.Contains(l, s) || strings.Contains(s, l)) {
			return true
		}
	}
	for _, w := range []string{"shop", "store", "boutique", "loja", "tienda", "negozio", "official", "online", "best price",
		"melhor preço", "mejor precio", "kaufen", "buy ", "free shipping", "amazon", "ebay", "beauty", "cosmetics", "cosméticos",
		"pharmacy", "farmácia", "apotheke", "salon", "spa", ".com", ".de", ".co", "inc.", "ltd", "llc", "gmbh"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return strings.HasPrefix(l, "at ") || strings.HasPrefix(l, "by ")
}

// siteNames are the names a site goes by: og:site_name, application-name
// and the main label of its host ("www.example-shop.com" gives
// "example-shop").
func siteNames(meta *metaInfo, urls ...string) []string {
	out := []string{meta.siteName}
	for _, u := range urls {
		pu, err := url.Parse(u)
		if err != nil || pu.Hostname() == "" {
			continue
		}
		labels := strings.Split(strings.TrimPrefix(pu.Hostname(), "www."), ".")
		if len(labels) > 0 {
			out = append(out, labels[0])
		}
	}
	return out
}
