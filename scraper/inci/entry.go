package inci

import (
	"strings"
	"unicode/utf8"
)

// entry builds an Ingredient from text[s:e].
func (p *parser) entry(s, e int, lineStart bool) (Ingredient, bool) {
	text := p.text
	s = skipBullet(text, s, e, lineStart)
	ing := Ingredient{Start: s, End: e}
	a, b := s, e
	// Leading marks ("*Aqua") and amounts ("5% Niacinamide").
	if mark, n := leadingMark(text[a:b]); mark != "" && n < b-a {
		ing.Marks = append(ing.Marks, mark)
		a, _ = trimSpan(text, a+n, b)
	}
	if n := leadingAmount(text[a:b]); n > 0 {
		ing.Amount = strings.TrimSpace(text[a : a+n])
		a, _ = trimSpan(text, a+n, b)
	}
	var trailingSyn []string
	for guard := 0; guard < 16 && a < b; guard++ {
		a, b = trimSpan(text, a, b)
		if a >= b {
			break
		}
		last, size := utf8.DecodeLastRuneInString(text[a:b])
		if isMark(last) {
			m := b - size
			for m > a {
				r, sz := utf8.DecodeLastRuneInString(text[a:m])
				if !isMark(r) {
					break
				}
				m -= sz
			}
			if m == a {
				break
			}
			ing.Marks = append(ing.Marks, text[m:b])
			b = m
			continue
		}
		if isCloser(last) {
			open := p.opener(a, b-size)
			if open < 0 {
				break
			}
			_, osize := utf8.DecodeRuneInString(text[open:])
			content := strings.TrimSpace(text[open+osize : b-size])
			if open == a {
				// The whole entry is bracketed: "(Aqua)".
				a, b = open+osize, b-size
				continue
			}
			switch {
			case content == "":
			case isAmount(content):
				ing.Amount = content
			case isNote(content):
				ing.Notes = append(ing.Notes, content)
			default:
				trailingSyn = append(splitSynonyms(content), trailingSyn...)
			}
			b = open
			continue
		}
		if n := spacedFootnote(text[a:b]); n > 0 {
			// "Parfum (Fragrance) 1", "Cumarin1 1": a footnote number
			// after a bracket or after another footnote number.
			ing.Marks = append(ing.Marks, strings.TrimSpace(text[b-n:b]))
			b -= n
			continue
		}
		if n := gluedFootnote(text[a:b]); n > 0 {
			// "Glycerin14", "Limonene1": a footnote number glued to the name.
			ing.Marks = append(ing.Marks, text[b-n:b])
			b -= n
			continue
		}
		if n := trailingAmount(text[a:b]); n > 0 {
			ing.Amount = strings.TrimSpace(text[b-n : b])
			b -= n
			continue
		}
		break
	}
	a, b = trimSpan(text, a, b)
	b = trimTrailingPunct(text, a, b)
	if a >= b || !hasLetter(text[a:b]) {
		return Ingredient{}, false
	}
	// Brackets inside the name ("Rosa Damascena (Rose) Flower Oil") stay in
	// Name; their content is a synonym or a note.
	var innerSyn []string
	for i := a; i < b; i++ {
		// Only a spaced bracket is a synonym; "4-(1-Phenylethyl)1,3-Benzenediol" is chemistry.
		if close, ok := p.br[i]; ok && close < b && i > a && text[i-1] == ' ' {
			_, osize := utf8.DecodeRuneInString(text[i:])
			content := strings.TrimSpace(text[i+osize : close])
			switch {
			case content == "":
			case isAmount(content):
				ing.Amount = content
			case isNote(content):
				ing.Notes = append(ing.Notes, content)
			default:
				innerSyn = append(innerSyn, splitSynonyms(content)...)
			}
			i = close
		}
	}
	name := text[a:b]
	// "Aqua/Water/Eau": slash synonyms.
	if parts := slashParts(name); len(parts) > 1 {
		b = a + len(parts[0])
		b = trimTrailingSpace(text, a, b)
		innerSyn = append(parts[1:], innerSyn...)
	}
	ing.Name = text[a:b]
	ing.NameStart, ing.NameEnd = a, b
	ing.Synonyms = append(innerSyn, trailingSyn...)
	return ing, true
}

// gluedFootnote returns the length of a footnote number glued to the end
// of a name ("Glycerin14", "Stearic Acid4"), or 0. INCI names put digits
// after a hyphen or a space ("Steareth-20", "Polysorbate 60") or after a
// single capital ("C12", "Q10", "B3"), never straight after a lower-case
// word, which is how shops paste numbered footnote marks.
func gluedFootnote(s string) int {
	d := len(s)
	for d > 0 && isDigit(s[d-1]) {
		d--
	}
	if d == len(s) || len(s)-d > 3 {
		return 0
	}
	w := d
	for w > 0 && isLetterByte(s[w-1]) {
		w--
	}
	if d-w < 3 || s[d-1] < 'a' || s[d-1] > 'z' {
		return 0
	}
	return len(s) - d
}

// spacedFootnote returns the length of " 1" at the end of s when what
// precedes it cannot take a number: a closing bracket, or a number glued
// to a word ("Cumarin1 1"), or 0.
func spacedFootnote(s string) int {
	d := len(s)
	for d > 0 && isDigit(s[d-1]) {
		d--
	}
	if d == len(s) || len(s)-d > 2 || d < 2 || s[d-1] != ' ' {
		return 0
	}
	prev := s[d-2]
	if prev == ')' || prev == ']' || isDigit(prev) && gluedFootnote(s[:d-1]) > 0 {
		return len(s) - d + 1
	}
	return 0
}

// opener finds the matched opening bracket for the closer at offset close.
func (p *parser) opener(a, close int) int {
	for o := close - 1; o >= a; o-- {
		if c, ok := p.br[o]; ok && c == close {
			return o
		}
	}
	return -1
}

func skipBullet(text string, s, e int, lineStart bool) int {
	t := text[s:e]
	for _, b := range []string{"- ", "– ", "— ", "• ", "· ", "> ", "+ "} {
		if strings.HasPrefix(t, b) {
			s, _ = trimSpan(text, s+len(b), e)
			return s
		}
	}
	if lineStart && strings.HasPrefix(t, "* ") {
		s, _ = trimSpan(text, s+2, e)
		return s
	}
	// "1. Aqua", "12) Glycerin" — list numbering, not "1,2-Hexanediol".
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		s, _ = trimSpan(text, s+i+2, e)
	}
	return s
}

func trimTrailingPunct(text string, a, b int) int {
	for b > a {
		c := text[b-1]
		// Keep the period of "Alcohol Denat.".
		if c == ',' || c == ';' || c == ':' || (c == '.' && !abbrevBefore(text, b-1)) {
			b--
			continue
		}
		break
	}
	return trimTrailingSpace(text, a, b)
}

func trimTrailingSpace(text string, a, b int) int {
	_, b = trimSpan(text, a, b)
	return b
}

// isAmount: "2%", "10,000 ppm", "<1%", "0.5 % w/w".
func isAmount(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && leadingAmount(s) == len(s)
}

// leadingAmount returns the byte length of an amount at the start of s
// (including trailing space), or 0.
func leadingAmount(s string) int {
	i := 0
	if s == "" || !isDigit(s[0]) && !strings.ContainsRune("<>≤≥~mMaA", []rune(s)[0]) {
		return 0
	}
	for _, p := range []string{"<", ">", "≤", "≥", "~", "max.", "max", "min.", "approx."} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			i = len(p)
			break
		}
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	d := i
	for i < len(s) && (isDigit(s[i]) || (i > d && (s[i] == '.' || s[i] == ',') && i+1 < len(s) && isDigit(s[i+1]))) {
		i++
	}
	if i == d {
		return 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	l := strings.ToLower(s[i:])
	unit := 0
	for _, u := range []string{"%", "ppm", "ppb", "mg/kg", "mg/g", "mg/ml", "mg", "µg", "iu"} {
		if strings.HasPrefix(l, u) {
			unit = len(u)
			break
		}
	}
	if unit == 0 {
		return 0
	}
	i += unit
	// "%" needs no word boundary; letter units do.
	if i < len(s) && unit > 1 && isLetterByte(s[i]) {
		return 0
	}
	if strings.HasPrefix(strings.ToLower(s[i:]), " w/w") {
		i += 4
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// trailingAmount returns the byte length of an amount at the end of s
// ("Niacinamide 5%"), or 0.
func trailingAmount(s string) int {
	for i := len(s) - 1; i > 0; i-- {
		if s[i-1] == ' ' && (isDigit(s[i]) || s[i] == '<' || s[i] == '~') {
			if n := leadingAmount(s[i:]); n == len(s)-i {
				return len(s) - i + 1
			}
		}
	}
	return 0
}

// isNote reports bracket content that qualifies rather than names.
func isNote(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	switch l {
	case "nano", "organic", "bio", "natural", "vegan", "non-gmo", "certified organic", "and", "fragrance allergen",
		"allergen", "natural origin", "vegetable", "plant", "plant-derived", "plant derived", "synthetic", "upcycled",
		"유기농", "천연", "有机", "有機", "ナノ", "纳米", "나노":
		return true
	}
	for _, p := range []string{"from ", "derived ", "of ", "as ", "naturally ", "sustainabl", "organic ", "certified ", "issu", "d'origine"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return footnoteVocab(l) && (strings.Contains(l, "organic") || strings.Contains(l, "origin"))
}

// splitSynonyms splits bracket content into names.
func splitSynonyms(content string) []string {
	var out []string
	for _, part := range splitTop(content) {
		for _, q := range slashPartsOrWhole(part) {
			if q = strings.Trim(q, " *†‡"); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// splitTop splits on commas and semicolons that are not inside names.
func splitTop(s string) []string {
	var out []string
	start, depth := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',', ';':
			if depth == 0 && (s[i] != ',' || !commaInName(s, i)) {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

func slashPartsOrWhole(s string) []string {
	if p := slashParts(s); len(p) > 1 {
		return p
	}
	return []string{s}
}

// slashParts splits "Aqua/Water/Eau" into synonyms. Slashes are also part of
// INCI names ("Caprylic/Capric Triglyceride", "Lactobacillus/Soybean
// Ferment"), so it splits only when every part is a known multilingual
// synonym, or when spaced parts are each whole names ("Glycerin / Glycérine").
func slashParts(s string) []string {
	if !strings.Contains(s, "/") || strings.ContainsAny(s, "()[]") {
		return nil
	}
	raw := strings.Split(s, "/")
	parts := make([]string, len(raw))
	allVocab := true
	for i, r := range raw {
		parts[i] = strings.TrimSpace(r)
		if parts[i] == "" {
			return nil
		}
		if !synonymWord(strings.ToLower(strings.Trim(parts[i], "*†‡"))) {
			allVocab = false
		}
	}
	if allVocab {
		return parts
	}
	if !strings.Contains(s, " / ") || strings.Count(s, "/") != strings.Count(s, " / ") {
		return nil
	}
	// "Caprylic / Capric Triglyceride": a lone modifier before a longer name.
	if len(strings.Fields(parts[0])) == 1 && len(strings.Fields(parts[len(parts)-1])) >= 2 {
		return nil
	}
	return parts
}

func synonymWord(w string) bool {
	switch w {
	case "aqua", "water", "eau", "agua", "wasser", "acqua", "água", "woda", "vand", "vatten",
		"parfum", "fragrance", "perfume", "aroma", "flavor", "flavour", "profumo", "duft",
		"alcohol", "ethanol", "alcool", "glycerin", "glycerine", "glycérine", "glycerol", "glicerina",
		"tocopherol", "vitamin e", "retinol", "vitamin a", "ascorbic acid", "vitamin c", "niacinamide", "vitamin b3",
		"panthenol", "provitamin b5", "sodium chloride", "salt", "sel", "sal":
		return true
	}
	return false
}
