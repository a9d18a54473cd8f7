package inci

import (
	"strings"
	"unicode/utf8"
)

type parser struct {
	text string
	br   map[int]int
	l    *List
	cur  int // index of the section receiving ingredients
	// prose is set while the rest of a prose sentence is being absorbed into
	// the last Unparsed span.
	prose bool
}

// Parse parses an ingredient field. It never fails: text it cannot read as
// ingredients is returned in List.Unparsed.
func Parse(text string) *List {
	p := &parser{text: text, br: brackets(text), l: &List{Sections: []Section{{}}}}
	p.run(split(text, 0, len(text), p.br))
	p.finish()
	return p.l
}

func (p *parser) run(chunks []chunk) {
	for _, c := range chunks {
		if p.prose {
			if p.strongINCI(c.start, c.end) {
				p.prose = false
			} else {
				p.extendProse(c.end)
				p.prose = !c.sentEnd && !c.lineEnd
				continue
			}
		}
		p.handle(c.start, c.end, c)
	}
	p.prose = false
}

func (p *parser) finish() {
	var keep []Section
	for _, s := range p.l.Sections {
		if len(s.Ingredients) > 0 {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		keep = []Section{{}}
	}
	p.l.Sections = keep
}

func (p *parser) unparsed(s, e int, c chunk) {
	p.l.Unparsed = append(p.l.Unparsed, Span{Text: p.text[s:e], Start: s, End: e})
	p.prose = !c.sentEnd && !c.lineEnd
}

func (p *parser) extendProse(e int) {
	last := &p.l.Unparsed[len(p.l.Unparsed)-1]
	last.End = e
	last.Text = p.text[last.Start:e]
}

func (p *parser) section() *Section { return &p.l.Sections[p.cur] }

// startSection begins a new section unless the current one is still empty
// and of the same kind, in which case it is reused (so "Serum:" followed by
// "Ingredients:" gives one section named "Serum").
func (p *parser) startSection(name string, mayContain bool) {
	s := p.section()
	if len(s.Ingredients) == 0 && s.MayContain == mayContain && (s.Name == "" || name == "") {
		if name != "" {
			s.Name = name
		}
		return
	}
	p.l.Sections = append(p.l.Sections, Section{Name: name, MayContain: mayContain})
	p.cur = len(p.l.Sections) - 1
}

func (p *parser) handle(s, e int, c chunk) {
	text := p.text
	if s >= e {
		return
	}
	// "Label: rest" — section headings, prefixes, warnings.
	if colon, size := p.colon(s, e); colon >= 0 {
		label := text[s:colon]
		kind, name := classifyLabel(label)
		rest, _ := trimSpan(text, colon+size, e)
		switch kind {
		case labelIngredients:
			p.startSection(name, false)
			p.handle(rest, e, c)
			return
		case labelMayContain:
			p.startSection(cleanLabel(label), true)
			p.handle(rest, e, c)
			return
		case labelProse:
			p.unparsed(s, e, c)
			return
		case labelSection:
			p.startSection(name, false)
			p.handle(rest, e, c)
			return
		case labelProseOnly:
			p.l.Unparsed = append(p.l.Unparsed, Span{Text: text[s : colon+size], Start: s, End: colon + size})
			p.handle(rest, e, c)
			return
		}
	}
	t := text[s:e]
	// A bare prefix: "INGREDIENTS" on its own line, "+/- CI 77491". Most
	// chunks are names: the stems test keeps them from classifyLabel.
	if mayBeLabel(t) || mayBeMayContain(t) {
		switch kind, name := classifyLabel(t); kind {
		case labelIngredients:
			p.startSection(name, false)
			return
		case labelMayContain:
			p.startSection(cleanLabel(t), true)
			return
		}
	}
	if n := mayContainPrefix(t); n > 0 {
		p.startSection(cleanLabel(t[:n]), true)
		rest, _ := trimSpan(text, s+n, e)
		p.handle(rest, e, c)
		return
	}
	if close, ok := p.br[s]; ok {
		_, csize := utf8.DecodeRuneInString(text[close:])
		_, osize := utf8.DecodeRuneInString(text[s:])
		inner, innerEnd := trimSpan(text, s+osize, close)
		if n := mayContainPrefix(text[inner:innerEnd]); n > 0 || isMayContainLabel(text[inner:innerEnd]) {
			prev := p.cur
			label := text[inner:innerEnd]
			if n > 0 {
				label = text[inner : inner+n]
			}
			p.startSection(cleanLabel(label), true)
			if n > 0 && n < innerEnd-inner {
				p.run(split(text, inner+n, innerEnd, p.br))
			}
			if close+csize < e {
				// "(+/-) CI 77491": the rest of the chunk belongs to the list.
				rest, _ := trimSpan(text, close+csize, e)
				p.handle(rest, e, c)
			} else if n > 0 && n < innerEnd-inner {
				// A closed "[+/-: ...]" ends the may-contain list; later entries
				// continue the product in a new section so order is kept.
				p.startSection(p.l.Sections[prev].Name, false)
			}
			return
		}
	}
	// "Dimethicone [+/-: CI 77491]": a may-contain list glued to the last entry.
	if last, size := utf8.DecodeLastRuneInString(t); isCloser(last) {
		if open := p.opener(s, e-size); open > s {
			_, osize := utf8.DecodeRuneInString(text[open:])
			inner, _ := trimSpan(text, open+osize, e-size)
			if mayContainPrefix(text[inner:e-size]) > 0 {
				_, le := trimSpan(text, s, open)
				p.handle(s, le, chunk{lineStart: c.lineStart})
				p.handle(open, e, c)
				return
			}
		}
	}
	if p.footnote(s, e, c.lineStart) {
		return
	}
	if isProse(t, c.sentEnd) {
		p.unparsed(s, e, c)
		return
	}
	// "Tocopherol *organic": a footnote glued to the last entry.
	if cut := inlineFootnote(t); cut > 0 {
		_, ee := trimSpan(text, s, s+cut)
		p.handle(s, ee, chunk{})
		p.footnote(s+cut, e, false)
		return
	}
	ing, ok := p.entry(s, e, c.lineStart)
	if !ok {
		p.unparsed(s, e, c)
		return
	}
	sec := p.section()
	sec.Ingredients = append(sec.Ingredients, ing)
}

// colon finds a top-level ':' or '：' that ends a label.
func (p *parser) colon(s, e int) (int, int) {
	for i := s; i < e; {
		if close, ok := p.br[i]; ok && close < e {
			i = close + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(p.text[i:e])
		if r == ':' || r == '：' {
			// "10:00", "http://" are not labels.
			if r == ':' && i+1 < e && (isDigit(p.text[i+1]) && i > s && isDigit(p.text[i-1]) || p.text[i+1] == '/') {
				i += size
				continue
			}
			return i, size
		}
		i += size
	}
	return -1, 0
}

// footnote recognises "*organic", "** natural origin", "(*) bio", "¹ from
// organic farming". It returns false for bullets ("* Aqua" at line start)
// and for entries that merely start with a mark.
func (p *parser) footnote(s, e int, lineStart bool) bool {
	t := p.text[s:e]
	mark, n := leadingMark(t)
	if mark == "" {
		return false
	}
	rest := strings.TrimLeft(t[n:], " \t=:)-–—")
	if rest == "" {
		// A lone mark carries nothing; keep it visible.
		p.l.Unparsed = append(p.l.Unparsed, Span{Text: t, Start: s, End: e})
		return true
	}
	bullet := lineStart && mark == "*" && n < len(t) && t[n] == ' '
	if !footnoteVocab(rest) && (bullet || !p.markUsed(mark)) {
		return false
	}
	textStart := s + len(t) - len(rest)
	// "*Organic **Natural origin" in one chunk: split at the next mark.
	if cut := inlineFootnote(rest); cut > 0 {
		_, ee := trimSpan(p.text, textStart, textStart+cut)
		p.l.Footnotes = append(p.l.Footnotes, Footnote{Mark: mark, Text: p.text[textStart:ee], Start: s, End: ee})
		return p.footnote(textStart+cut, e, false)
	}
	p.l.Footnotes = append(p.l.Footnotes, Footnote{Mark: mark, Text: strings.TrimRight(rest, ". "), Start: s, End: e})
	return true
}

func (p *parser) markUsed(mark string) bool {
	for _, sec := range p.l.Sections {
		for _, ing := range sec.Ingredients {
			for _, m := range ing.Marks {
				if m == mark {
					return true
				}
			}
		}
	}
	return false
}

// leadingMark returns a footnote mark at the start of t and its byte length.
func leadingMark(t string) (string, int) {
	if strings.HasPrefix(t, "(") {
		if i := strings.IndexByte(t, ')'); i > 1 && allMarks(t[1:i]) {
			return t[1:i], i + 1
		}
	}
	n := 0
	for n < len(t) {
		r, size := utf8.DecodeRuneInString(t[n:])
		if !isMark(r) {
			break
		}
		n += size
	}
	return t[:n], n
}

// inlineFootnote returns the offset of " *organic"-style text inside t, or 0.
func inlineFootnote(t string) int {
	for i := 1; i < len(t); i++ {
		if t[i-1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t[i:])
		if !isMark(r) {
			continue
		}
		mark, n := leadingMark(t[i:])
		rest := strings.TrimLeft(t[i+n:], " \t=:)")
		if mark != "" && rest != "" && footnoteVocab(rest) {
			return i
		}
	}
	return 0
}

func allMarks(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isMark(r) {
			return false
		}
	}
	return true
}

func isMark(r rune) bool {
	switch r {
	case '*', '†', '‡', '§', '¶', '°', '^', '♦', '◊', '¤', '⁺', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '✝', '✓', '✔', '＊', '※':
		return true
	}
	return false
}

// footnoteVocab reports wording typical of footnotes about origin or farming.
func footnoteVocab(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{
		"organic", "natural", "origin", "certified", "biolog", "bio ", "fair trade", "fairtrade", "derived",
		"from ", "ingredient", "farming", "wild", "harvest", "agricult", "naturel", "ökolog", "kontroll",
		"origine", "ecológic", "vegetal", "végétal", "constituent", "essential oil", "allergen", "upcycled",
		"vegan", "sustainab", "cosmos", "ecocert", "유기농", "천연", "有机", "有機", "天然", "由来",
	} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return l == "bio"
}
