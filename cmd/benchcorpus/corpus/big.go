package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Big documents measure memory per document: one page or file of a given
// size, built the way large real inputs are built, so that exolint's peak
// memory can be compared with the input's size.
//
//	BigKindPage   an HTML product page: inline scripts and styles, a JSON
//	              state blob, JSON-LD, long copy in many sections, shade
//	              tables, one ingredient list per shade, thousands of reviews
//	BigKindText   a plain-text listing export: product after product, each
//	              with a name, copy, an ingredient line and care notes
//	BigKindClaims plain text in which every sentence is a drug, approval,
//	              hype or exosome claim, in varied wording
const (
	BigKindPage   = "page"
	BigKindText   = "text"
	BigKindClaims = "claims"
)

// BigKinds lists the kinds Big accepts.
func BigKinds() []string { return []string{BigKindPage, BigKindText, BigKindClaims} }

// Big returns one document of the kind, about size bytes long (never
// shorter). The same seed gives the same bytes.
func Big(kind string, size int, seed uint64) ([]byte, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	v := newVocabulary()
	switch kind {
	case BigKindPage:
		return v.bigPage(rng, size), nil
	case BigKindText:
		return v.bigText(rng, size), nil
	case BigKindClaims:
		return v.claimText(rng, size), nil
	}
	return nil, fmt.Errorf("big: unknown kind %q (want one of %s)", kind, strings.Join(BigKinds(), ", "))
}

// copyParagraph is a paragraph of product copy: claims, testing, hype, drug
// wording and filler, shuffled.
func (v vocabulary) copyParagraph(rng *rand.Rand, src string) string {
	var parts []string
	for k := 0; k < 1+rng.IntN(2); k++ {
		c := pick(rng, v.claims)
		if strings.Contains(c, "%s") {
			c = fmt.Sprintf(c, src)
		}
		parts = append(parts, c)
	}
	if rng.IntN(3) == 0 {
		parts = append(parts, pick(rng, v.testing))
	}
	if rng.IntN(4) == 0 {
		parts = append(parts, pick(rng, v.hype))
	}
	if rng.IntN(5) == 0 {
		parts = append(parts, pick(rng, v.drug))
	}
	for k := 0; k < 2+rng.IntN(4); k++ {
		parts = append(parts, pick(rng, v.filler))
	}
	rng.Shuffle(len(parts), func(a, b int) { parts[a], parts[b] = parts[b], parts[a] })
	return strings.Join(parts, " ")
}

func (v vocabulary) inciList(rng *rand.Rand) string {
	inci := append([]string{}, v.inci[:3]...)
	for _, k := range rng.Perm(len(v.inci) - 3)[:8+rng.IntN(12)] {
		inci = append(inci, v.inci[3+k])
	}
	return strings.Join(inci, ", ")
}

// bigPage is one product page of about size bytes. Roughly a third is
// script and style, a tenth JSON state, the rest markup and copy.
func (v vocabulary) bigPage(rng *rand.Rand, size int) []byte {
	src := pick(rng, v.sources)
	name := "Exosome Recovery Serum Deluxe"
	var b strings.Builder
	b.Grow(size + 64<<10)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | Atelier Big</title>\n", name)
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n<meta property=\"og:type\" content=\"product\">\n<style>\n", htmlEscape(clip(v.copyParagraph(rng, src), 150)))
	for k := 0; b.Len() < size/8; k++ {
		fmt.Fprintf(&b, ".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n", k, k%9, k%7, rng.IntN(1<<24))
	}
	b.WriteString("</style>\n<script>\n")
	// A minified bundle inlined by the theme.
	for k := 0; b.Len() < size/4; k++ {
		fmt.Fprintf(&b, "function f%d(a,b){var c=a[%d]||{};if(c.x>b){return c.y*%d}return \"s%d\"+b}", k, k%31, k%97, rng.IntN(1<<20))
	}
	b.WriteString("\n</script>\n")
	ld, _ := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": name,
		"brand": map[string]string{"@type": "Brand", "name": "Atelier Big"}, "sku": "AT-BIG-1",
		"description": v.copyParagraph(rng, src), "offers": map[string]string{"@type": "Offer", "price": "89.00", "priceCurrency": "USD"},
	})
	fmt.Fprintf(&b, "<script type=\"application/ld+json\">%s</script>\n", ld)
	// Embedded state: variants with descriptions and ingredient lists.
	type variant struct {
		ID          int    `json:"id"`
		Title       string `json:"title"`
		Description string `json:"description"`
		Ingredients string `json:"ingredients"`
		Price       int    `json:"price"`
	}
	var variants []variant
	for k, n := 0, 0; n < size/10; k++ {
		vr := variant{ID: rng.IntN(1 << 30), Title: fmt.Sprintf("Shade %03d", k), Description: v.copyParagraph(rng, src),
			Ingredients: v.inciList(rng), Price: 20 + rng.IntN(180)}
		n += len(vr.Description) + len(vr.Ingredients) + 60
		variants = append(variants, vr)
	}
	state, _ := json.Marshal(map[string]any{"product": map[string]any{"title": name, "variants": variants}})
	fmt.Fprintf(&b, "<script>window.__STATE__=%s;</script>\n</head><body>\n", state)
	b.WriteString("<header class=\"site-header\"><nav><ul>\n")
	for _, m := range v.menu {
		fmt.Fprintf(&b, "<li><a href=\"/c/%s\">%s</a></li>", strings.ToLower(strings.ReplaceAll(m, " ", "-")), m)
	}
	fmt.Fprintf(&b, "</ul></nav></header>\n<main class=\"product\">\n<h1 class=\"product__title\">%s</h1>\n<div class=\"price\">$89.00</div>\n", name)
	// Long copy in many sections, with a shade table and a labelled
	// ingredient list per shade, then reviews, until the size is reached.
	for sec := 0; b.Len() < size*3/4; sec++ {
		fmt.Fprintf(&b, "<section class=\"pdp-section s%d\">\n<h2>About shade %03d</h2>\n", sec, sec)
		for k := 0; k < 2+rng.IntN(3); k++ {
			fmt.Fprintf(&b, "<p class=\"copy\">%s <strong>%s</strong> <a href=\"/p/%d\">Read&nbsp;more</a></p>\n",
				v.copyParagraph(rng, src), pick(rng, v.filler), rng.IntN(1000))
		}
		b.WriteString("<ul class=\"benefits\">")
		for k := 0; k < 3; k++ {
			fmt.Fprintf(&b, "<li>%s</li>", pick(rng, v.filler))
		}
		b.WriteString("</ul>\n<table class=\"specs\"><tr><th>Size</th><th>Texture</th><th>Finish</th></tr>")
		for k := 0; k < 3; k++ {
			fmt.Fprintf(&b, "<tr><td>%d ml</td><td>%s</td><td>%s</td></tr>", 15*(k+1), pick(rng, []string{"gel", "milk", "cream"}),
				pick(rng, []string{"dewy", "matte", "satin"}))
		}
		fmt.Fprintf(&b, "</table>\n<div class=\"accordion\"><details><summary>Ingredients</summary><div class=\"rte\"><p>%s.</p></div></details></div>\n</section>\n",
			v.inciList(rng))
	}
	b.WriteString("</main>\n<section class=\"product-reviews\">\n<h2>Reviews</h2>\n")
	for b.Len() < size-200 {
		fmt.Fprintf(&b, "<div class=\"review\"><span class=\"stars\">%d</span><p>%s %s</p></div>\n", 1+rng.IntN(5), pick(rng, v.reviews), pick(rng, v.reviews))
	}
	b.WriteString("</section>\n<footer class=\"site-footer\"><p>&copy; 2026 Atelier Big. All rights reserved.</p></footer>\n</body></html>\n")
	return []byte(b.String())
}

// bigText is a plain-text listing export of about size bytes.
func (v vocabulary) bigText(rng *rand.Rand, size int) []byte {
	var b strings.Builder
	b.Grow(size + 4<<10)
	for i := 0; b.Len() < size; i++ {
		src := pick(rng, v.sources)
		fmt.Fprintf(&b, "Exosome Recovery Serum No. %d\n\n", i)
		for k := 0; k < 1+rng.IntN(3); k++ {
			b.WriteString(v.copyParagraph(rng, src))
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "Ingredients: %s.\n\n", v.inciList(rng))
		for k := 0; k < 2; k++ {
			fmt.Fprintf(&b, "- %s\n", pick(rng, v.filler))
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// claimText is about size bytes of plain text in which every sentence
// claims something a rule reports.
func (v vocabulary) claimText(rng *rand.Rand, size int) []byte {
	subjects := []string{"This serum", "Our exosome ampoule", "The cream", "Each drop", "This formula", "The %s exosome complex"}
	verbs := []string{"heals", "repairs", "regenerates", "cures", "treats", "reverses", "erases", "eliminates"}
	objects := []string{"acne scars", "damaged skin", "wrinkles", "eczema", "rosacea", "hair loss", "sun damage", "inflammation"}
	tails := []string{"overnight.", "in 7 days.", "at the cellular level.", "permanently.", "with 100% guaranteed results.",
		"and it is FDA approved.", "with no side effects.", "like a miracle.", "better than Botox.", "clinically proven."}
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		for k := 0; k < 3+rng.IntN(4); k++ {
			s := pick(rng, subjects)
			if strings.Contains(s, "%s") {
				s = fmt.Sprintf(s, pick(rng, v.sources))
			}
			switch rng.IntN(4) {
			case 0:
				b.WriteString(pick(rng, v.hype) + " ")
			case 1:
				b.WriteString(pick(rng, v.drug) + " ")
			default:
				fmt.Fprintf(&b, "%s %s %s %s ", s, pick(rng, verbs), pick(rng, objects), pick(rng, tails))
			}
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}
