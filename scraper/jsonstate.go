package scraper

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Shops that build pages with JavaScript carry the product in embedded JSON
// state: Next.js __NEXT_DATA__, window.__INITIAL_STATE__ = {…} and similar
// assignments, Shopify's product JSON script tags, application/json
// scripts. When the visible page has no ingredient list, or hardly any
// text, the state is read: string values under recognisable keys
// (ingredients, inci, a metafield or tab named "Ingredients", the
// description, the product's title and vendor) become blocks whose
// positions point into the script's bytes. HTML inside a JSON string is
// read as HTML, so labels, paragraphs and lists keep their shape.

// maxStateScripts bounds how many inline scripts a page may offer.
const maxStateScripts = 256

// stateAssignments are the globals pages assign their state to.
func stateAssignments() []string {
	return []string{"__NEXT_DATA__", "__INITIAL_STATE__", "__PRELOADED_STATE__", "__APOLLO_STATE__", "__STATE__",
		"__PRODUCT__", "ProductPreload", "productJson", "ShopifyAnalytics.meta", "var meta"}
}

// jsonValue is a string value found in embedded JSON.
type jsonValue struct {
	key      string // its key, lower case ("" in an array)
	parent   string // the key of the object that holds it
	siblings map[string]string
	start    int // offset of the first byte inside the quotes
	end      int // offset of the closing quote
	obj      int // id of the object that holds it
}

// jsonScan walks the JSON value at src[i:end] and reports every string
// value with its key and the other string values of its object. It returns
// the offset after the value, or -1 when the text is not JSON.
type jsonScan struct {
	src    []byte
	end    int
	values []jsonValue
	objs   int
	depth  int
}

const maxJSONDepth = 64

func (s *jsonScan) skipSpace(i int) int {
	for i < s.end && (s.src[i] == ' ' || s.src[i] == '\n' || s.src[i] == '\r' || s.src[i] == '\t') {
		i++
	}
	return i
}

// str returns the end of the string starting at the quote src[i] (the
// offset of its closing quote), or -1.
func (s *jsonScan) str(i int) int {
	for j := i + 1; j < s.end; j++ {
		switch s.src[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return -1
}

func (s *jsonScan) value(i int, key, parent string, sib map[string]string, obj int) int {
	i = s.skipSpace(i)
	if i >= s.end {
		return -1
	}
	switch s.src[i] {
	case '"':
		j := s.str(i)
		if j < 0 {
			return -1
		}
		s.values = append(s.values, jsonValue{key: key, parent: parent, siblings: sib, start: i + 1, end: j, obj: obj})
		return j + 1
	case '{':
		return s.object(i, key)
	case '[':
		return s.array(i)
	default:
		j := i
		for j < s.end && (s.src[j] == '-' || s.src[j] == '+' || s.src[j] == '.' || s.src[j] >= '0' && s.src[j] <= '9' ||
			s.src[j] >= 'a' && s.src[j] <= 'z' || s.src[j] == 'E') {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

func (s *jsonScan) object(i int, parent string) int {
	if s.depth++; s.depth > maxJSONDepth {
		return -1
	}
	defer func() { s.depth-- }()
	s.objs++
	obj := s.objs
	sib := map[string]string{}
	i++
	for {
		i = s.skipSpace(i)
		if i < s.end && s.src[i] == '}' {
			return i + 1
		}
		if i >= s.end || s.src[i] != '"' {
			return -1
		}
		ke := s.str(i)
		if ke < 0 {
			return -1
		}
		key := strings.ToLower(string(s.src[i+1 : ke]))
		i = s.skipSpace(ke + 1)
		if i >= s.end || s.src[i] != ':' {
			return -1
		}
		vs := s.skipSpace(i + 1)
		if i = s.value(vs, key, parent, sib, obj); i < 0 {
			return -1
		}
		if vs < s.end && s.src[vs] == '"' && i-vs < 300 {
			sib[key] = string(s.src[vs+1 : i-1])
		} else if _, ok := sib[key]; !ok {
			sib[key] = "" // present, not a short string (a number, a list)
		}
		i = s.skipSpace(i)
		if i < s.end && s.src[i] == ',' {
			i++
			continue
		}
		if i < s.end && s.src[i] == '}' {
			return i + 1
		}
		return -1
	}
}

func (s *jsonScan) array(i int) int {
	if s.depth++; s.depth > maxJSONDepth {
		return -1
	}
	defer func() { s.depth-- }()
	i++
	for {
		i = s.skipSpace(i)
		if i < s.end && s.src[i] == ']' {
			return i + 1
		}
		if i = s.value(i, "", "", nil, 0); i < 0 {
			return -1
		}
		i = s.skipSpace(i)
		if i < s.end && s.src[i] == ',' {
			i++
			continue
		}
		if i < s.end && s.src[i] == ']' {
			return i + 1
		}
		return -1
	}
}

// stateJSON returns the byte ranges of the JSON values a script holds: the
// whole text of a JSON script, or the object assigned to a state global.
func stateJSON(src []byte, start, end int, isJSON bool) [][2]int {
	text := src[start:end]
	if isJSON {
		t := bytes.TrimSpace(text)
		if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			off := start + bytes.Index(text, t[:1])
			return [][2]int{{off, end}}
		}
		return nil
	}
	var out [][2]int
	for _, name := range stateAssignments() {
		k := bytes.Index(text, []byte(name))
		if k < 0 {
			continue
		}
		rest := text[k+len(name):]
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 || eq > 8 {
			continue
		}
		br := bytes.IndexByte(rest[eq:], '{')
		if br < 0 || br > 16 {
			continue
		}
		out = append(out, [2]int{start + k + len(name) + eq + br, end})
	}
	return out
}

// stateValues scans the JSON of the page's state scripts.
func (w *htmlWalker) stateValues() []jsonValue {
	var all []jsonValue
	for _, sc := range w.stateScripts {
		for _, span := range stateJSON(w.doc.src, sc.start, sc.end, sc.json) {
			s := &jsonScan{src: w.doc.src, end: span[1]}
			if s.value(span[0], "", "", nil, 0) < 0 {
				continue // not JSON after all (a JavaScript object literal)
			}
			all = append(all, s.values...)
		}
	}
	return all
}

// ingredientKey: a key that holds an ingredient list.
func ingredientKey(k string) bool {
	if strings.Contains(k, "key") || strings.Contains(k, "hero") || strings.Contains(k, "highlight") {
		return false
	}
	return strings.Contains(k, "ingredient") || k == "inci" || strings.HasPrefix(k, "inci_") || strings.HasSuffix(k, "_inci") ||
		k == "composition" || k == "zutaten" || k == "inhaltsstoffe" || k == "ingredientes" || k == "成分" || k == "전성분"
}

// descriptionKey: a key that holds the product's description (often HTML).
func descriptionKey(k string) bool {
	switch k {
	case "description", "body_html", "bodyhtml", "descriptionhtml", "description_html", "longdescription", "content", "details":
		return true
	}
	return false
}

// labelledIngredients: a metafield or tab stored as {"key"|"title"|"name"|
// "label": "Ingredients", "value"|"content"|"body"|"text"|"html": "…"}.
func labelledIngredients(v jsonValue) bool {
	switch v.key {
	case "value", "content", "body", "text", "html", "body_html":
	default:
		return false
	}
	for _, k := range []string{"key", "title", "name", "label", "heading"} {
		if l := strings.ToLower(v.siblings[k]); l != "" && ingredientKey(strings.ReplaceAll(l, " ", "_")) {
			return true
		}
	}
	return false
}

// stateSect numbers the labelled groups of state blocks apart from the
// page's own sections.
const stateSect = 1 << 30

// stateBlocks reads the state's description fields, and with ingredients
// its ingredient fields too, as HTML and returns their blocks. The blocks of
// one ingredient field form one labelled section: the key is the label.
func (w *htmlWalker) stateBlocks(values []jsonValue, ingredients bool) []Block {
	var out []Block
	for i, v := range values {
		switch {
		case ingredients && (ingredientKey(v.key) || labelledIngredients(v)):
			for _, b := range w.readJSONString(v) {
				b.sect = stateSect + i
				out = append(out, b)
			}
		case descriptionKey(v.key):
			out = append(out, w.readJSONString(v)...)
		}
	}
	return out
}

// productKeys mark an object of the state as the product.
func productKeys() []string {
	return []string{"vendor", "handle", "brand", "sku", "price", "variants", "offers", "gtin", "product_type", "producttype"}
}

// stateProduct fills the name and brand from the state's product object.
func stateProduct(src []byte, values []jsonValue, p *Product) {
	for _, v := range values {
		switch v.key {
		case "title", "name", "product_name", "productname", "producttitle":
		default:
			continue
		}
		product := false
		for _, k := range productKeys() {
			if _, ok := v.siblings[k]; ok {
				product = true
				break
			}
		}
		if !product || v.end-v.start > 300 {
			continue
		}
		if p.Name == "" {
			p.Name = jsonText(src[v.start:v.end])
		}
		if p.Brand == "" {
			p.Brand = jsonText([]byte(firstNonEmpty(v.siblings["vendor"], v.siblings["brand"])))
		}
		if p.Brand == "" {
			for _, b := range values {
				if b.key == "name" && (b.parent == "brand" || b.parent == "vendor" || b.parent == "manufacturer") && b.end-b.start < 200 {
					p.Brand = jsonText(src[b.start:b.end])
					break
				}
			}
		}
		return
	}
}

// jsonText decodes a short JSON string body to plain text.
func jsonText(b []byte) string {
	dec, _ := decodeJSONBytes(b, 0, len(b))
	return strings.Join(strings.Fields(html.UnescapeString(string(dec))), " ")
}

// readJSONString decodes a JSON string value and reads it as HTML; the
// blocks' positions point into the page's bytes.
func (w *htmlWalker) readJSONString(v jsonValue) []Block {
	dec, pieces := decodeJSONBytes(w.doc.src, v.start, v.end)
	if len(bytes.TrimSpace(dec)) == 0 {
		return nil
	}
	inner := newDocument(w.doc.Source, FormatHTML, dec)
	iw := &htmlWalker{r: w.r, doc: inner, tabs: tabState{order: -1}}
	iw.walk(dec)
	blocks := iw.blocks
	for i := range blocks {
		blocks[i].segs = remapSegs(blocks[i], pieces)
	}
	return blocks
}

// piece maps decoded bytes [dec, next piece) to the source.
type piece struct {
	dec, src, srcEnd int
	verbatim         bool
}

// decodeJSONBytes decodes the JSON string body src[start:end] and maps the
// decoded bytes back to the source.
func decodeJSONBytes(src []byte, start, end int) ([]byte, []piece) {
	out := make([]byte, 0, end-start)
	var ps []piece
	for i := start; i < end; {
		if src[i] != '\\' || i+1 >= end {
			j := i
			for j < end && src[j] != '\\' {
				j++
			}
			ps = append(ps, piece{dec: len(out), src: i, srcEnd: j, verbatim: true})
			out = append(out, src[i:j]...)
			i = j
			continue
		}
		n, text := 2, ""
		switch src[i+1] {
		case 'n':
			text = "\n"
		case 'r', 't', 'f', 'b':
			text = " "
		case 'u':
			if i+6 > end {
				text, n = "\uFFFD", end-i
				break
			}
			r, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 32)
			if err != nil {
				text, n = "\uFFFD", 6
				break
			}
			n = 6
			ru := rune(r)
			if utf16.IsSurrogate(ru) && i+12 <= end && src[i+6] == '\\' && src[i+7] == 'u' {
				if r2, err := strconv.ParseUint(string(src[i+8:i+12]), 16, 32); err == nil {
					ru, n = utf16.DecodeRune(ru, rune(r2)), 12
				}
			}
			if !utf8.ValidRune(ru) {
				ru = utf8.RuneError
			}
			text = string(ru)
		default:
			text = string(src[i+1])
		}
		ps = append(ps, piece{dec: len(out), src: i, srcEnd: i + n})
		out = append(out, text...)
		i += n
	}
	return out, ps
}

// remapSegs turns a block's map into the decoded text into a map into the
// page, through the decoding pieces.
func remapSegs(b Block, ps []piece) []segment {
	at := func(d int) int { // index of the piece holding decoded offset d
		lo, hi := 0, len(ps)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if ps[mid].dec <= d {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	if len(ps) == 0 {
		return b.segs
	}
	var out []segment
	for k, g := range b.segs {
		next := len(b.Text)
		if k+1 < len(b.segs) {
			next = b.segs[k+1].textStart
		}
		if !g.verbatim {
			s, e := ps[at(g.srcStart)], ps[at(max(g.srcEnd-1, g.srcStart))]
			src, srcEnd := s.src, e.srcEnd
			if s.verbatim {
				src = s.src + (g.srcStart - s.dec)
			}
			out = append(out, segment{textStart: g.textStart, srcStart: src, srcEnd: max(srcEnd, src)})
			continue
		}
		// A verbatim run may cross escapes: split it at the pieces.
		d, t := g.srcStart, g.textStart
		for t < next {
			p := ps[at(d)]
			pEnd := len(b.Text) + d // decoded end of this piece
			if i := at(d) + 1; i < len(ps) {
				pEnd = ps[i].dec
			}
			n := min(next-t, pEnd-d)
			if n <= 0 {
				break
			}
			if p.verbatim {
				out = append(out, segment{textStart: t, srcStart: p.src + (d - p.dec), srcEnd: p.src + (d - p.dec) + n, verbatim: true})
			} else {
				out = append(out, segment{textStart: t, srcStart: p.src, srcEnd: p.srcEnd})
			}
			t += n
			d += n
		}
	}
	return out
}
