package scraper

import (
	"errors"
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkMapping verifies, for every character of every block, that the source
// bytes it maps to stand for it: the same bytes, a character reference that
// decodes to it, or white space (which collapses).
func checkMapping(t *testing.T, doc *Document, src []byte) {
	t.Helper()
	for bi, b := range doc.Blocks {
		for i := 0; i < len(b.Text); {
			r, size := utf8.DecodeRuneInString(b.Text[i:])
			s, e := b.SourceRange(i, i+size)
			if s < 0 || e > len(src) || s > e {
				t.Fatalf("block %d %q: char %d maps out of range [%d,%d)", bi, b.Text, i, s, e)
			}
			piece := string(src[s:e])
			switch {
			case r == ' ' || r == '\n':
				if strings.HasPrefix(piece, `\`) {
					break // a JSON escape such as \n
				}
				if strings.TrimFunc(html.UnescapeString(piece), unicode.IsSpace) != "" && !strings.Contains(piece, "<") {
					t.Errorf("block %d %q: space at %d maps to %q", bi, b.Text, i, piece)
				}
			case piece == string(r):
			case strings.ContainsRune(html.UnescapeString(piece), r):
			case strings.Contains(piece, `\u`) || strings.HasPrefix(piece, `\`):
				// a JSON escape in a JSON-LD description
			default:
				t.Errorf("block %d %q: char %q at %d maps to %q", bi, b.Text, r, i, piece)
			}
			i += size
		}
	}
}

// at finds text in the document's blocks and returns its start position.
func at(t *testing.T, doc *Document, text string) Position {
	t.Helper()
	for _, b := range doc.Blocks {
		if i := strings.Index(b.Text, text); i >= 0 {
			s, _ := b.SourceRange(i, i+len(text))
			return doc.Position(s)
		}
	}
	t.Fatalf("%q not found in blocks", text)
	return Position{}
}

func TestHTMLPositions(t *testing.T) {
	src := "<!DOCTYPE html>\r\n<html><head><title>Serum &amp; Co</title></head>\r\n<body>\r\n" +
		"<main>\r\n\t<p>Our <b>rose</b>&nbsp;exosomes &mdash; caf&eacute;&#233;&#x2014;ok</p>\r\n" +
		"\t<p>피부 <em>엑소좀</em> 앰플 — 日本語テキスト 🌹 rose</p>\r\n" +
		"<ul><li>Line\tone\r\n   continues</li><li>two &lt;three&gt;</li></ul>\r\n" +
		"<img alt=\"Alt &quot;text&quot; here\" src=x>\n" +
		"<p>legacy &copy 2024 &amp no-semicolon</p>\n" +
		"</main></body></html>"
	doc := NewReader().ReadHTML("t.html", []byte(src))
	checkMapping(t, doc, []byte(src))
	cases := []struct {
		text         string
		line, column int
	}{
		{"exosomes", 5, 26},        // after "<b>rose</b>&nbsp;"; the tab counts as one column
		{"rose exosomes", 5, 12},   // spans a tag and an entity
		{"café", 5, 43},            // entity inside a word
		{"엑소좀", 6, 12},             // multi-byte text counts code points
		{"🌹 rose", 6, 34},          // after CJK; an emoji is one code point
		{"continues", 8, 4},        // CRLF inside a list item
		{"two <three>", 8, 22},     // decoded entities
		{`Alt "text" here`, 9, 11}, // attribute value
		{"© 2024 & no-semicolon", 10, 11},
	}
	for _, c := range cases {
		p := at(t, doc, c.text)
		if p.Line != c.line || p.Column != c.column {
			t.Errorf("%q at %d:%d, want %d:%d", c.text, p.Line, p.Column, c.line, c.column)
		}
	}
}

func TestPositionColumnsAndLines(t *testing.T) {
	doc := newDocument("x", "text", []byte("ab\r\ncd\ref\n\tü界x"))
	for _, c := range []struct{ off, line, col, bcol int }{
		{0, 1, 1, 1}, {1, 1, 2, 2}, {4, 2, 1, 1}, {7, 3, 1, 1}, {10, 4, 1, 1}, {11, 4, 2, 2}, {13, 4, 3, 4}, {16, 4, 4, 7},
	} {
		p := doc.Position(c.off)
		if p.Line != c.line || p.Column != c.col || p.ByteColumn != c.bcol {
			t.Errorf("offset %d: got %d:%d (byte col %d), want %d:%d (%d)", c.off, p.Line, p.Column, p.ByteColumn, c.line, c.col, c.bcol)
		}
	}
	if got := doc.Line(2); got != "cd" {
		t.Errorf("Line(2) = %q", got)
	}
}

func TestMarkdownAndTextPositions(t *testing.T) {
	md := "---\ntitle: Rose Serum\n---\n# Rose **Exosome** Serum\r\n\r\nWith [rose exosomes](https://x) and `code`.\n\n- **Bold** bullet with exosomes\n> quoted exosomes\n\n| cell exosomes | two |\n|---|---|\n\n```\nexosomes in code\n```\n<!-- exosomes in a comment -->\n"
	doc := NewReader().ReadMarkdown("t.md", []byte(md))
	checkMapping(t, doc, []byte(md))
	for _, c := range []struct {
		text         string
		line, column int
	}{
		{"Rose Exosome Serum", 4, 3}, {"rose exosomes", 6, 7}, {"Bold bullet", 8, 5}, {"quoted", 9, 3}, {"cell exosomes", 11, 3},
	} {
		p := at(t, doc, c.text)
		if p.Line != c.line || p.Column != c.column {
			t.Errorf("md %q at %d:%d, want %d:%d", c.text, p.Line, p.Column, c.line, c.column)
		}
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "code") && strings.Contains(b.Text, "exosomes in") || strings.Contains(b.Text, "comment") {
			t.Errorf("code or comment linted: %q", b.Text)
		}
	}
	txt := "Rose Serum\n\n• Deep hydration\n• Plant exosomes\nIngredients:\nWater, Glycerin\n"
	tdoc := NewReader().ReadText("t.txt", []byte(txt))
	checkMapping(t, tdoc, []byte(txt))
	if p := at(t, tdoc, "Plant exosomes"); p.Line != 4 || p.Column != 3 {
		t.Errorf("text bullet at %d:%d", p.Line, p.Column)
	}
	var ing *Block
	for i := range tdoc.Blocks {
		if tdoc.Blocks[i].Kind == KindIngredients {
			ing = &tdoc.Blocks[i]
		}
	}
	if ing == nil || ing.Text != "Water, Glycerin" {
		t.Errorf("text ingredients block = %+v", ing)
	}
}

func TestHTMLExcludesFurnitureAndFindsRegions(t *testing.T) {
	src := `<html><head><script>var miracle = "exosome";</script><style>.x{}</style></head><body>
<header class="site-header"><nav><a>Exosome serums</a></nav></header>
<div class="cookie-banner">We use cookies</div>
<main>
<h1>Vesicle Serum</h1>
<div class="key-ingredients"><h3>Key ingredients</h3><p>Rose vesicles</p></div>
<div class="accordion"><details><summary>Full Ingredients</summary><div class="rte"><p>Water, Glycerin,</p><p>Rosa Damascena Callus Extracellular Vesicles</p></div></details></div>
<p>After the accordion.</p>
<div id="tab-description"><h2>Description</h2><p>Brand copy.</p></div>
<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--ingredients" id="tab-ingredients"><h2>Ingredients</h2><p>Aqua, Squalane</p></div>
<div id="important-information"><h4>Ingredients</h4><p>Water, Oat Kernel Flour</p><h4>Directions</h4><p>Apply daily.</p></div>
<div class="jdgm-rev-widget"><div class="jdgm-rev__body"><p>Healed my acne!</p></div></div>
<section class="related-products"><p>Miracle cream</p></section>
<noscript>Enable JavaScript</noscript>
</main><footer>Footer text</footer></body></html>`
	doc := NewReader().ReadHTML("t.html", []byte(src))
	checkMapping(t, doc, []byte(src))
	var ings, texts []string
	user := ""
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
		if b.Kind == KindIngredients {
			ings = append(ings, b.Text)
		}
		if b.Region == RegionUserContent {
			user = b.Text
		}
	}
	all := strings.Join(texts, "|")
	for _, bad := range []string{"miracle", "Exosome serums", "cookies", "Miracle cream", "Footer", "Enable JavaScript"} {
		if strings.Contains(all, bad) {
			t.Errorf("furniture linted: %q in %q", bad, all)
		}
	}
	want := []string{"Water, Glycerin,\nRosa Damascena Callus Extracellular Vesicles", "Aqua, Squalane", "Water, Oat Kernel Flour"}
	if strings.Join(ings, "|") != strings.Join(want, "|") {
		t.Errorf("ingredients = %q, want %q", ings, want)
	}
	if !strings.Contains(all, "Rose vesicles") || !strings.Contains(all, "After the accordion.") || !strings.Contains(all, "Apply daily.") {
		t.Errorf("copy lost: %q", all)
	}
	if user != "Healed my acne!" {
		t.Errorf("user content = %q", user)
	}
}

func TestProductIdentity(t *testing.T) {
	src := `<html><head><title>Rose Serum | Shop</title>
<link rel="canonical" href="https://shop.example/products/rose">
<meta property="og:title" content="OG Rose">
<script type="application/ld+json">[{"@type":"Organization","name":"Shop"},{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},{"@type":["Product"],"name":"Rose Vesicle Serum","brand":{"@type":"Brand","name":"Lumi"},"sku":"RV-30","gtin13":"0123456789012","description":"Rose \u0026 vesicles\nfor glow."}]}]</script>
</head><body><h1>Rose Vesicle Serum</h1><p>Body copy.</p></body></html>`
	doc := NewReader().ReadHTML("t.html", []byte(src))
	want := Product{Name: "Rose Vesicle Serum", Brand: "Lumi", URL: "https://shop.example/products/rose", SKU: "RV-30", GTIN: "0123456789012"}
	if doc.Product != want || !doc.Structured {
		t.Errorf("product = %+v (structured %v), want %+v", doc.Product, doc.Structured, want)
	}
	checkMapping(t, doc, []byte(src))
	p := at(t, doc, "vesicles for glow.")
	if p.Line != 4 {
		t.Errorf("JSON-LD description at line %d", p.Line)
	}
	og := NewReader().ReadHTML("o.html", []byte(`<html><head><meta property="og:title" content="OG Name"><title>T | S</title></head><body><p>x</p></body></html>`))
	if og.Product.Name != "OG Name" {
		t.Errorf("og fallback = %q", og.Product.Name)
	}
}

func TestDecode(t *testing.T) {
	if _, err := Decode([]byte("abc\x00def"), FormatText, ""); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	_, err := Decode([]byte("line one\nbad \xff byte"), FormatMarkdown, "")
	if err == nil || !strings.Contains(err.Error(), "line 2, column 5") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	out, err := Decode([]byte("<meta charset=\"windows-1252\"><p>caf\xe9</p>"), FormatHTML, "")
	if err != nil || !strings.Contains(string(out), "café") {
		t.Errorf("windows-1252: %q %v", out, err)
	}
	out, err = Decode([]byte("\xef\xbb\xbfhello"), FormatText, "")
	if err != nil || string(out) != "hello" {
		t.Errorf("BOM: %q %v", out, err)
	}
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range []string{
		"<p>Rose &amp; exosomes</p>", "<details><summary>Ingredients</summary>Water, Glycerin</details>",
		"<script type=application/ld+json>{\"@type\":\"Product\",\"description\":\"a\\u00e9\"}</script>",
		"<p>unclosed <b>bold", "&#x110000; &#0; &nbsp &", "<img alt='x", "<h3>INCI</h3><p>a</p><h2>b</h2>",
		"\r\n\r<p>\t피부</p>", "<div class=\"reviews\"><p>x</p></div>",
		"<script type=application/json>{\"product\":{\"title\":\"T\",\"vendor\":\"V\",\"ingredients\":\"<p>Aqua, Glycerin\\u0026amp;\\n\\ud83d\\ude00 Mica</p>\"}}</script>",
		"<script>window.__INITIAL_STATE__ = {\"a\":[{\"key\":\"ingredients\",\"value\":\"\\u003cb\\u003eAqua\\u003c/b\\u003e, Mica\"}]};</script>",
		"<div><a role=tab aria-controls=p>Ingredients</a></div><div id=p>Shea Butter, Cera Alba</div>",
	} {
		f.Add([]byte(s))
	}
	r := NewReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		doc := r.ReadHTML("f.html", data)
		for _, b := range doc.Blocks {
			prev := -1
			for i := 0; i <= len(b.Text); i++ {
				s, e := b.SourceRange(i, len(b.Text))
				if s < 0 || e > len(data) || s > e {
					t.Fatalf("range [%d,%d) out of %d for %q", s, e, len(data), b.Text)
				}
				if s < prev && b.Kind != KindIngredients {
					t.Fatalf("positions go backwards in %q", b.Text)
				}
				prev = s
			}
			p := doc.Position(len(data))
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("bad position %+v", p)
			}
		}
	})
}

func FuzzReadMarkdown(f *testing.F) {
	for _, s := range []string{
		"# T\n\n**b** [l](u) `c`", "- a\n> q\n| a | b |", "---\ntitle: x\n---\n## Ingredients\nWater",
		"[x][1]\n\n[1]: /u\n", "| a \\| b | c |\n|---|---|\n| d | e |\n", "1. a\n\n   b\n   - c\n",
		"<details>\n<summary>Ingredients</summary>\nWater\n</details>\n", "> <div>\n> <p>x</p>\n",
		"text <!-- c\nd --> `<!-- e -->`\n\n    code\n", "caf&eacute; \\* &#0; &#x110000;\r\nx  \r\ny\\\r\n",
	} {
		f.Add([]byte(s))
	}
	r := NewReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		for _, doc := range []*Document{r.ReadMarkdown("f.md", data), r.ReadText("f.txt", data)} {
			checkFuzzedBlocks(t, doc, data)
			for _, c := range doc.Comments {
				if c.Start.Offset > c.End.Offset || c.End.Offset > len(data) {
					t.Fatalf("comment %+v out of order or range", c)
				}
			}
		}
	})
}

// FuzzRead covers what any input goes through: sniffing, decoding and the
// chosen reader, JSON product records included.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`{"product":{"title":"T","body_html":"<p>x</p>","variants":[{"sku":"s"}]}}`,
		`{"title":"t","description":"d","ingredients":"Water, Glycerin"}`,
		"<!doctype html><p>x</p>", "# Heading\n\ntext", "plain\n• bullet\nIngredients:\nWater",
		"\xef\xbb\xbfBOM", "\xff\xfeU\x00T\x00F\x00", "{\"title\": 1}", "{",
	} {
		f.Add([]byte(s))
	}
	r := NewReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := r.Read("f", data, "")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in block %q", b.Text)
			}
			s, e := b.SourceRange(0, len(b.Text))
			if s < 0 || s > e || e > doc.Size() {
				t.Fatalf("range [%d,%d) out of %d", s, e, doc.Size())
			}
		}
	})
}

// checkFuzzedBlocks holds for any input: every character maps inside the
// source, and (outside ingredient lists, which gather pieces) text runs
// forward through it.
func checkFuzzedBlocks(t *testing.T, doc *Document, data []byte) {
	t.Helper()
	for _, b := range doc.Blocks {
		prev := -1
		for i := 0; i < len(b.Text); i++ {
			s, e := b.SourceRange(i, i+1)
			if s < 0 || e > len(data) || s > e {
				t.Fatalf("%s block %q: byte %d maps to [%d,%d) of %d", doc.Format, b.Text, i, s, e, len(data))
			}
			if s < prev && b.Kind != KindIngredients {
				t.Fatalf("%s block %q: positions go backwards at byte %d", doc.Format, b.Text, i)
			}
			prev = s
		}
	}
}

func TestJSONRecord(t *testing.T) {
	shopify := `{"product":{"id":1,"title":"Rose Vesicle Serum","vendor":"Lumi","handle":"rose-serum",
"body_html":"<p>Rose callus <strong>exosomes</strong>\u0026nbsp;for glow.</p>\n<ul><li>Heals skin</li></ul>",
"variants":[{"title":"30 ml","sku":"RV-30","barcode":"0123456789012"}],
"options":[{"name":"Size","values":["30 ml"]}]}}`
	doc, err := NewReader().Read("p.json", []byte(shopify), "")
	if err != nil {
		t.Fatal(err)
	}
	want := Product{Name: "Rose Vesicle Serum", Brand: "Lumi", URL: "/products/rose-serum", SKU: "RV-30", GTIN: "0123456789012", ID: "1"}
	if doc.Product != want || doc.Format != FormatJSON {
		t.Errorf("product = %+v (%s)", doc.Product, doc.Format)
	}
	checkMapping(t, doc, []byte(shopify))
	if p := at(t, doc, "Heals skin"); p.Line != 2 {
		t.Errorf("Heals skin at line %d", p.Line)
	}
	plain := `{"title": "Milk EV Cream", "description": "Bovine milk exosomes.", "ingredients": "Water, Milk Exosomes, Glycerin"}`
	doc, err = NewReader().Read("r.json", []byte(plain), FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	kinds := ""
	for _, b := range doc.Blocks {
		kinds += string(b.Kind) + ";"
	}
	if kinds != "product-name;paragraph;ingredients;" {
		t.Errorf("kinds = %s", kinds)
	}
	if _, err := NewReader().Read("bad.json", []byte(`[1,2]`), FormatJSON); err == nil {
		t.Error("a JSON array should be refused")
	}
}

func TestMicrodataIdentity(t *testing.T) {
	src := `<html><body><div itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">Cica Vesicle Toner</h1>
<div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Seoul Dew Lab</span></div>
<meta itemprop="sku" content="SDL-TN-150"><meta itemprop="gtin13" content="8800000000017">
<link itemprop="url" href="https://shop.example/p/cica-toner">
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="name">150 ml</span></div>
<p itemprop="description">Centella callus vesicles for calm-looking skin.</p></div></body></html>`
	doc := NewReader().ReadHTML("m.html", []byte(src))
	want := Product{Name: "Cica Vesicle Toner", Brand: "Seoul Dew Lab", URL: "https://shop.example/p/cica-toner", SKU: "SDL-TN-150", GTIN: "8800000000017"}
	if doc.Product != want || !doc.Structured {
		t.Errorf("product = %+v, want %+v", doc.Product, want)
	}
}
