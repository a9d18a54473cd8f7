package inci

import (
	"unicode"
	"unicode/utf8"
)

// chunk is one candidate entry between top-level separators. Offsets are byte
// offsets into the parsed text, trimmed of surrounding white space.
type chunk struct {
	start, end int
	// sentEnd is set when the chunk was closed by sentence punctuation
	// (". ", "。", "!", "?"), lineEnd when closed by a line break; both bound
	// how far a prose sentence may swallow its neighbours.
	sentEnd, lineEnd bool
	// lineStart is set when nothing but white space precedes the chunk on its line.
	lineStart bool
}

// brackets maps each opening bracket offset to the offset of its matching
// close. Unmatched brackets are absent, so the scanner treats them as plain
// characters: one stray "(" must not swallow the rest of the list.
func brackets(text string) map[int]int {
	var m map[int]int
	type open struct {
		pos   int
		close rune
	}
	var stack []open
	for i, r := range text {
		if c, ok := closerOf(r); ok {
			stack = append(stack, open{i, c})
			continue
		}
		if !isCloser(r) {
			continue
		}
		// Pop back to the nearest opener of this kind; openers skipped on the
		// way stay unmatched.
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].close == r {
				if m == nil {
					m = make(map[int]int)
				}
				m[stack[k].pos] = i
				stack = stack[:k]
				break
			}
		}
	}
	return m
}

func closerOf(r rune) (rune, bool) {
	switch r {
	case '(':
		return ')', true
	case '[':
		return ']', true
	case '{':
		return '}', true
	case '（':
		return '）', true
	case '【':
		return '】', true
	case '［':
		return '］', true
	}
	return 0, false
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '）', '】', '］':
		return true
	}
	return false
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// split cuts text[from:to] into chunks at top-level separators.
func split(text string, from, to int, br map[int]int) []chunk {
	var out []chunk
	start := from
	lineStart := true
	emit := func(end int, c chunk) {
		s, e := trimSpan(text, start, end)
		if s < e {
			c.start, c.end = s, e
			c.lineStart = lineStart
			out = append(out, c)
		}
	}
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if close, ok := br[i]; ok && close < to {
			_, csize := utf8.DecodeRuneInString(text[close:])
			i = close + csize
			continue
		}
		sep, c, skip := separatorAt(text, i, to, r, size)
		if !sep {
			i += size
			continue
		}
		emit(i+c.keep, c.chunk)
		if c.lineEnd {
			lineStart = true
		} else if s, e := trimSpan(text, start, i); s < e {
			lineStart = false
		}
		i += size + skip
		start = i
	}
	emit(to, chunk{})
	return out
}

// sepKind carries how a separator closes its chunk.
type sepKind struct {
	chunk
	keep int // bytes of the separator that belong to the chunk ("Denat.")
}

func separatorAt(text string, i, to int, r rune, size int) (bool, sepKind, int) {
	next, _ := utf8.DecodeRuneInString(text[min(i+size, to):to])
	var prev rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	switch r {
	case '\n', '\r':
		return true, sepKind{chunk: chunk{lineEnd: true}}, 0
	case ';', '；', '，', '、', '\t', '|', '•', '●', '▪', '◦', '■', '❖':
		return true, sepKind{}, 0
	case '·':
		// U+00B7 also joins words inside some names; only a spaced one separates.
		return isSpace(prev) || isSpace(next), sepKind{}, 0
	case ',':
		return !commaInName(text, i), sepKind{}, 0
	case '。', '！', '？', '!', '?', '．':
		return true, sepKind{chunk: chunk{sentEnd: true}}, 0
	case '.':
		if i+1 < to && !isSpace(next) && next != '"' && next != '”' {
			return false, sepKind{}, 0 // "0.5%", "Alcohol Denat.," and the like
		}
		if listNumber(text, i) {
			return false, sepKind{}, 0 // "1. Aqua"
		}
		if abbrevBefore(text, i) {
			return true, sepKind{chunk: chunk{sentEnd: true}, keep: 1}, 0
		}
		return true, sepKind{chunk: chunk{sentEnd: true}}, 0
	}
	return false, sepKind{}, 0
}

// abbrevBefore reports a period that ends a known abbreviation which is part
// of an INCI name ("Alcohol Denat.").
func abbrevBefore(text string, dot int) bool {
	j := dot
	for j > 0 && isLetterByte(text[j-1]) {
		j--
	}
	switch lowerASCII(text[j:dot]) {
	case "denat", "ext", "vit", "spp", "var", "ssp", "subsp":
		return true
	}
	return false
}

// listNumber reports a period after a line-leading number ("12. Glycerin").
func listNumber(text string, dot int) bool {
	j := dot
	for j > 0 && isDigit(text[j-1]) {
		j--
	}
	if j == dot || dot-j > 3 {
		return false
	}
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	return j == 0 || text[j-1] == '\n' || text[j-1] == '\r'
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// commaInName keeps commas that belong to chemical names: locants
// ("1,2-Hexanediol", "N,2-Dimethyl...", "4-(1-Phenylethyl)1,3-Benzenediol"),
// thousands ("10,000 ppm") and decimal commas ("0,5%").
func commaInName(text string, i int) bool {
	if i == 0 || i+1 >= len(text) {
		return false
	}
	prev, next := text[i-1], text[i+1]
	if isDigit(prev) && isDigit(next) {
		return true
	}
	// Letter locants: short runs on both sides, followed by "-" or another locant.
	isLoc := func(b byte) bool { return isDigit(b) || isLetterByte(b) || b == '\'' }
	if !isLoc(prev) || !isLoc(next) {
		return false
	}
	b := i
	for b > 0 && isLoc(text[b-1]) {
		b--
	}
	if i-b > 2 || (b > 0 && isLetterByte(text[b-1])) {
		return false
	}
	a := i + 1
	for a < len(text) && isLoc(text[a]) {
		a++
	}
	if a-(i+1) > 2 || a >= len(text) {
		return false
	}
	return text[a] == '-' || text[a] == ','
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
