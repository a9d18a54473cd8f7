package scraper

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// addText appends raw source text at src offset: white space collapses, and,
// when entities is set, HTML character references decode to what they stand
// for while still mapping to their source bytes.
func (bb *blockBuilder) addText(raw []byte, src int, entities bool) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			j := i + 1
			for j < len(raw) && isASCIISpace(raw[j]) {
				j++
			}
			bb.space(src+i, src+j)
			i = j
		case c == '&' && entities:
			text, n := decodeEntity(raw[i:])
			if n == 0 {
				bb.verbatim(raw[i:i+1], src+i)
				i++
				continue
			}
			if isSpaceString(text) {
				bb.space(src+i, src+i+n)
			} else {
				bb.atomic(text, src+i, src+i+n)
			}
			i += n
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(raw[i:])
			if r == '\u00a0' || r == '\u3000' || r == '\u2028' || r == '\u2029' {
				bb.space(src+i, src+i+size)
			} else if r == utf8.RuneError && size == 1 {
				bb.atomic("\uFFFD", src+i, src+i+1)
			} else {
				bb.verbatim(raw[i:i+size], src+i)
			}
			i += size
		default:
			j := i + 1
			for j < len(raw) && raw[j] < utf8.RuneSelf && !isASCIISpace(raw[j]) && (!entities || raw[j] != '&') {
				j++
			}
			bb.verbatim(raw[i:j], src+i)
			i = j
		}
	}
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isSpaceString(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return s != ""
}

// decodeEntity decodes the character reference at the start of b ("&amp;",
// "&#233;", "&#x2014;", legacy "&nbsp" without semicolon) and returns the
// text and the number of source bytes it used, or 0 when b does not start
// with a reference.
func decodeEntity(b []byte) (string, int) {
	const maxLen = 40
	end := len(b)
	if end > maxLen {
		end = maxLen
	}
	j := 1
	for j < end && (isAlnum(b[j]) || (j == 1 && b[j] == '#') || (j == 2 && b[1] == '#' && (b[j] == 'x' || b[j] == 'X'))) {
		j++
	}
	if j == 1 {
		return "", 0
	}
	if j < len(b) && b[j] == ';' {
		cand := string(b[:j+1])
		if dec := html.UnescapeString(cand); dec != cand {
			return dec, j + 1
		}
		return "", 0
	}
	// Without a semicolon only numeric and legacy named references decode;
	// try the longest prefix that decodes completely.
	for k := j; k > 1; k-- {
		cand := string(b[:k])
		dec := html.UnescapeString(cand)
		// It decoded completely when nothing of the name is left over.
		if dec != cand && !hasASCIIAlnum(dec) && (dec == "&" || !strings.Contains(dec, "&")) && utf8.RuneCountInString(dec) <= 2 {
			return dec, k
		}
	}
	return "", 0
}

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ingredientLabel matches a heading, tab or summary that introduces an
// ingredient list, in the languages listings use.
func ingredientLabel() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(?:(?:full|complete|all)\s+)?(?:ingredients?(?:\s+list)?|ingredient\s+list|ingred\.?|ingr\.|inci(?:\s+list)?|inci\s+ingredients|전\s*성분|성분|全成分|成分|全成分表示|成分表|ingrédients|ingredientes|inhaltsstoffe|ingredienti|composition|состав|içindekiler)\s*[:：]?\s*$`)
}

// ingredientPrefix matches a paragraph that starts with such a label and goes
// on with the list itself: "Ingredients: Water, Glycerin, …".
func ingredientPrefix() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(?:(?:full|complete|all)\s+)?(?:ingredients?(?:\s+list)?|inci(?:\s+list)?|전\s*성분|全成分|成分|ingrédients|ingredientes|inhaltsstoffe|ingredienti|composition|состав|içindekiler)\s*[:：]\s*\S`)
}

// looksBinary reports whether b looks like a binary file rather than text: a
// NUL byte in the first 8 KiB is the test git and grep use.
func looksBinary(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}
