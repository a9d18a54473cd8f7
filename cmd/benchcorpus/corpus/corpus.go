// Package corpus generates the deterministic product-page corpus exolint's
// speed is measured on.
package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// vocabulary is the material pages are assembled from: original copy in the
// styles the linter meets (claims, sources, testing, hype, drug-like wording).
type vocabulary struct {
	menu, claims, sources, testing, hype, drug, filler, inci, reviews []string
}

func newVocabulary() vocabulary {
	return vocabulary{
		menu: []string{"Skin Care", "Serums", "Ampoules", "Moisturisers", "Cleansers", "Masks", "Eye Care", "Sun Care",
			"Body", "Hair", "Tools", "Gift Sets", "New In", "Best Sellers", "K-Beauty", "Clean Beauty", "Offers", "Brands"},
		claims: []string{
			"Our %s exosomes carry signals that leave skin looking rested.",
			"An exosome-rich complex from %s supports a smoother-looking surface.",
			"Each bottle delivers 20 billion %s exosomes to tired skin.",
			"This ampoule pairs extracellular vesicles from %s with hyaluronic acid.",
			"A peptide serum with niacinamide for daily hydration and glow.",
			"Ceramides and squalane help the skin barrier look and feel stronger.",
		},
		sources: []string{"rose callus", "plant-derived", "Lactobacillus", "human adipose stem cell", "bioengineered",
			"centella asiatica", "bovine milk", "umbilical cord", "lab-grown"},
		testing: []string{"Vesicle size confirmed by nanoparticle tracking analysis (mode 110 nm).",
			"Each batch is released with a certificate of analysis.", "Tested for sterility and endotoxin by a third-party lab.",
			"Dermatologist tested.", "In a clinical study of 28 women over 6 weeks, skin looked smoother."},
		hype: []string{"A miracle in a bottle.", "Instantly erases wrinkles.", "Reverses aging overnight.",
			"100% guaranteed results.", "Look 10 years younger.", "Revolutionary exosome technology.", "FDA approved formula."},
		drug: []string{"Heals acne scars.", "Repairs damaged skin at the cellular level.", "Stimulates collagen production.",
			"Reduces inflammation.", "Regenerates skin tissue."},
		filler: []string{"Smooth two drops over clean skin morning and evening, then follow with moisturiser and sunscreen.",
			"The lightweight texture sinks in quickly and leaves no sticky finish.",
			"Suitable for all skin types, including sensitive skin.",
			"Housed in a recyclable amber glass bottle with a dropper.",
			"Store away from direct sunlight and use within twelve months of opening."},
		inci: []string{"Aqua (Water)", "Glycerin", "Butylene Glycol", "Niacinamide", "Sodium Hyaluronate", "Panthenol",
			"Rosa Damascena Callus Extracellular Vesicles", "Lactobacillus Ferment Lysate", "Centella Asiatica Extract",
			"Human Adipocyte Conditioned Media Extract", "Ceramide NP", "Squalane", "Caprylic/Capric Triglyceride",
			"1,2-Hexanediol", "Carbomer", "Tromethamine", "Allantoin", "Adenosine", "Xanthan Gum", "Disodium EDTA",
			"Ethylhexylglycerin", "Phenoxyethanol", "Tocopherol", "Betaine", "Sodium Citrate", "Citric Acid", "Sodium DNA"},
		reviews: []string{"My skin looks brighter after two weeks.", "Nice texture but the scent is strong.",
			"Did not notice much difference.", "Absolutely a miracle, my pores vanished!", "Broke me out, returning it.",
			"Holy grail, already on my third bottle."},
	}
}

// Generate writes n pages to dir and returns the bytes written. The same
// seed always gives the same bytes.
func Generate(dir string, n int, seed uint64) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("gen: %w", err)
	}
	v := newVocabulary()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var total int64
	for i := 0; i < n; i++ {
		page := v.page(rng, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%05d.html", i)), []byte(page), 0o644); err != nil {
			return total, fmt.Errorf("gen: %w", err)
		}
		total += int64(len(page))
	}
	return total, nil
}

func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

func (v vocabulary) page(rng *rand.Rand, i int) string {
	src := pick(rng, v.sources)
	var parts []string
	for k := 0; k < 1+rng.IntN(3); k++ {
		c := pick(rng, v.claims)
		if strings.Contains(c, "%s") {
			c = fmt.Sprintf(c, src)
		}
		parts = append(parts, c)
	}
	if rng.IntN(2) == 0 {
		parts = append(parts, pick(rng, v.testing))
	}
	for k := 0; k < rng.IntN(3); k++ {
		parts = append(parts, pick(rng, v.hype))
	}
	for k := 0; k < rng.IntN(2); k++ {
		parts = append(parts, pick(rng, v.drug))
	}
	for k := 0; k < 2+rng.IntN(6); k++ {
		parts = append(parts, pick(rng, v.filler))
	}
	rng.Shuffle(len(parts), func(a, b int) { parts[a], parts[b] = parts[b], parts[a] })
	name := fmt.Sprintf("Exosome Recovery Serum No. %d", i)
	if rng.IntN(10) < 3 {
		name = fmt.Sprintf("Daily Barrier Serum No. %d", i)
	}
	brand := fmt.Sprintf("Atelier %d", i%40)
	inci := append([]string{}, v.inci[:3]...)
	for _, k := range rng.Perm(len(v.inci) - 3)[:8+rng.IntN(12)] {
		inci = append(inci, v.inci[3+k])
	}
	desc := strings.Join(parts, " ")
	ld, _ := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": name,
		"brand": map[string]string{"@type": "Brand", "name": brand}, "sku": fmt.Sprintf("AT-%06d", i),
		"description": desc, "offers": map[string]string{"@type": "Offer", "price": fmt.Sprintf("%d.00", 20+rng.IntN(180)), "priceCurrency": "USD"},
	})
	var b strings.Builder
	b.Grow(48 << 10)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n", name, brand)
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n<style>\n", htmlEscape(clip(desc, 150)), name)
	for k := 0; k < 420; k++ {
		fmt.Fprintf(&b, ".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n", k, k%9, k%7, rng.IntN(1<<24))
	}
	fmt.Fprintf(&b, "</style>\n<script type=\"application/ld+json\">%s</script>\n<script>window.__STATE__=%s;</script>\n</head><body>\n", ld, stateBlob(rng))
	b.WriteString("<div class=\"announcement-bar\">Free shipping over $50</div>\n<header class=\"site-header\"><nav><ul>\n")
	for _, m := range v.menu {
		slug := strings.ToLower(strings.ReplaceAll(m, " ", "-"))
		fmt.Fprintf(&b, "<li><a href=\"/c/%s\">%s</a><ul>", slug, m)
		for k := 0; k < 14; k++ {
			fmt.Fprintf(&b, "<li><a href=\"/c/%s/%d\">%s %d</a></li>", slug, k, m, k)
		}
		b.WriteString("</ul></li>\n")
	}
	fmt.Fprintf(&b, "</ul></nav></header>\n<main class=\"product\">\n<h1 class=\"product__title\">%s</h1>\n<div class=\"price\">$%d.00</div>\n", name, 20+rng.IntN(180))
	b.WriteString("<div class=\"product__description rte\">\n")
	for _, p := range parts {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</div>\n<div class=\"accordion\"><details><summary>Ingredients</summary><div class=\"rte\"><p>")
	b.WriteString(strings.Join(inci, ", "))
	b.WriteString(".</p></div></details></div>\n</main>\n<section class=\"product-reviews\">\n")
	for k := 0; k < 3+rng.IntN(25); k++ {
		fmt.Fprintf(&b, "<div class=\"review\"><span class=\"stars\">%d</span><p>%s</p></div>\n", 1+rng.IntN(5), pick(rng, v.reviews))
	}
	b.WriteString("</section>\n<footer class=\"site-footer\"><p>&copy; 2026 " + brand + ". All rights reserved.</p></footer>\n</body></html>\n")
	return b.String()
}

func stateBlob(rng *rand.Rand) string {
	type rec struct {
		ID    int    `json:"id"`
		Title string `json:"title"`
		Price int    `json:"price"`
	}
	recs := make([]rec, 80)
	for k := range recs {
		recs[k] = rec{ID: rng.IntN(1_000_000), Title: fmt.Sprintf("Product %d", k), Price: 10 + rng.IntN(190)}
	}
	out, _ := json.Marshal(map[string]any{"cart": map[string]any{"items": []int{}, "token": fmt.Sprintf("%016x", rng.Uint64())}, "recs": recs})
	return string(out)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "\"", "&quot;", "<", "&lt;", ">", "&gt;").Replace(s)
}
