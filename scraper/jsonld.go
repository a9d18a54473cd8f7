package scraper

import (
	"bytes"
	"encoding/json"
	"html"
	"strconv"
	"strings"
	"unicode/utf16"
)

// extractJSONLD reads schema.org Product data from one ld+json script at
// src[start:end]: the object itself, arrays of objects, or an @graph. The
// description becomes a block whose positions point into the script.
func extractJSONLD(src []byte, start, end int, p *Product, meta *metaInfo) bool {
	raw := src[start:end]
	var v any
	if err := json.Unmarshal(bytes.TrimSpace(raw), &v); err != nil {
		return false // broken JSON-LD is common; the visible page still counts
	}
	var product map[string]any
	walkJSONLD(v, func(obj map[string]any) bool {
		if isProductType(obj["@type"]) {
			product = obj
			return true
		}
		return false
	})
	if product == nil {
		return false
	}
	set := func(dst *string, val string) {
		// Shops escape entities in JSON-LD strings ("Baking &amp;
		// Setting"), sometimes twice ("\u0026amp;").
		if strings.Contains(val, "&") {
			val = html.UnescapeString(val)
		}
		if *dst == "" && strings.TrimSpace(val) != "" {
			*dst = strings.TrimSpace(val)
		}
	}
	set(&p.Name, str(product["name"]))
	switch b := product["brand"].(type) {
	case string:
		set(&p.Brand, b)
	case map[string]any:
		set(&p.Brand, str(b["name"]))
	}
	set(&p.URL, str(product["url"]))
	set(&p.SKU, str(product["sku"]))
	for _, k := range []string{"gtin", "gtin13", "gtin14", "gtin12", "gtin8"} {
		set(&p.GTIN, str(product[k]))
	}
	if desc := str(product["description"]); desc != "" {
		if b, ok := locateJSONString(src, start, end, "description", desc); ok {
			meta.descriptions = append(meta.descriptions, b)
		}
	}
	return true
}

func walkJSONLD(v any, found func(map[string]any) bool) bool {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if walkJSONLD(e, found) {
				return true
			}
		}
	case map[string]any:
		if found(t) {
			return true
		}
		if g, ok := t["@graph"]; ok {
			return walkJSONLD(g, found)
		}
	}
	return false
}

func isProductType(t any) bool {
	switch v := t.(type) {
	case string:
		return v == "Product" || v == "ProductGroup" || strings.HasSuffix(v, "/Product")
	case []any:
		for _, e := range v {
			if isProductType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// locateJSONString finds `"key": "…"` in src[start:end] whose decoded value is
// want, and returns it as a block mapped to the escaped source.
func locateJSONString(src []byte, start, end int, key, want string) (Block, bool) {
	needle := []byte(`"` + key + `"`)
	i := start
	for {
		k := bytes.Index(src[i:end], needle)
		if k < 0 {
			return Block{}, false
		}
		j := i + k + len(needle)
		for j < end && isASCIISpace(src[j]) {
			j++
		}
		if j < end && src[j] == ':' {
			j++
			for j < end && isASCIISpace(src[j]) {
				j++
			}
			if j < end && src[j] == '"' {
				bb := newBlockBuilder(KindJSONLD, RegionCopy)
				if decodeJSONString(src, j+1, end, bb) && sameText(string(bb.buf), collapse(want)) {
					return bb.block(), true
				}
			}
		}
		i = j
	}
}

// sameText compares two texts as a reader would: entities decoded, white
// space folded.
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(html.UnescapeString(a)), " ") == strings.Join(strings.Fields(html.UnescapeString(b)), " ")
}

// decodeJSONString decodes a JSON string body starting at src[i] into bb,
// keeping the map back to escaped source bytes. Embedded HTML tags, which
// shops often leave in descriptions, are dropped.
func decodeJSONString(src []byte, i, end int, bb *blockBuilder) bool {
	inTag := false
	for i < end {
		c := src[i]
		switch {
		case c == '"':
			return true
		case c == '\\' && i+1 < end:
			n := 2
			var text string
			switch src[i+1] {
			case 'n', 'r', 't', 'f', 'b':
				text = " "
			case 'u':
				if i+6 > end {
					return false
				}
				v, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 32)
				if err != nil {
					return false
				}
				n = 6
				r := rune(v)
				if utf16.IsSurrogate(r) && i+12 <= end && src[i+6] == '\\' && src[i+7] == 'u' {
					if v2, err := strconv.ParseUint(string(src[i+8:i+12]), 16, 32); err == nil {
						r = utf16.DecodeRune(r, rune(v2))
						n = 12
					}
				}
				text = string(r)
			default:
				text = string(src[i+1])
			}
			if text == "&" {
				// Shopify escapes "&" as \u0026, so "&nbsp;" arrives as
				// "\u0026nbsp;": decode the reference across the escape.
				cand := append([]byte{'&'}, src[i+n:min(end, i+n+40)]...)
				if dec, k := decodeEntity(cand); k > 0 {
					text, n = dec, n+k-1
				}
			}
			if text == "<" {
				inTag = true
			} else if text == ">" && inTag {
				inTag = false
			} else if !inTag {
				if isSpaceString(text) {
					bb.space(i, i+n)
				} else {
					bb.atomic(text, i, i+n)
				}
			}
			i += n
		case c == '<':
			inTag = true
			i++
		case c == '>' && inTag:
			inTag = false
			i++
		case inTag:
			i++
		default:
			j := i
			for j < end && src[j] != '"' && src[j] != '\\' && src[j] != '<' {
				j++
			}
			bb.addText(src[i:j], i, true)
			i = j
		}
	}
	return false
}

// collapse folds white space, drops HTML tags and decodes entities the way
// decodeJSONString does, so a decoded value and its located source compare.
func collapse(s string) string {
	bb := newBlockBuilder(KindJSONLD, RegionCopy)
	b := []byte(s)
	inTag := false
	start := 0
	for i, c := range b {
		switch {
		case c == '<':
			if !inTag {
				bb.addText(b[start:i], start, true)
			}
			inTag = true
		case c == '>' && inTag:
			inTag = false
			start = i + 1
		}
	}
	if !inTag {
		bb.addText(b[start:], start, true)
	}
	return string(bb.buf)
}
