package scraper

import (
	"bytes"
	"strings"
	"unicode"
)

// line is one source line without its line break.
type line struct {
	text  []byte
	start int
}

func splitLines(src []byte) []line {
	var out []line
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' {
			out = append(out, line{text: src[start:i], start: start})
			if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(src) {
		out = append(out, line{text: src[start:], start: start})
	}
	return out
}

// mdState accumulates Markdown blocks, with the ingredient-section logic
// shared by the HTML reader: a heading that says "Ingredients" makes what
// follows, up to the next heading of the same or a higher level, one list.
type mdState struct {
	r        *Reader
	blocks   []Block
	ing      *blockBuilder
	ingLevel int
	// user is set under a "Reviews" or "Q&A" heading: what follows, up to
	// the next heading of the same or a higher level, is customers' words.
	user      bool
	userLevel int
}

func (s *mdState) add(bb *blockBuilder, headingLevel int) {
	if bb == nil || bb.empty() {
		return
	}
	text := string(bb.buf)
	if headingLevel > 0 {
		if s.user && headingLevel <= s.userLevel {
			s.user = false
		}
		if s.r.reviewsLabel.MatchString(text) {
			s.user, s.userLevel = true, headingLevel
		}
		if s.ing != nil && headingLevel <= s.ingLevel {
			s.closeIngredients()
		}
		if s.r.ingLabel.MatchString(text) {
			s.closeIngredients()
			bb.kind = KindHeading
			s.blocks = append(s.blocks, bb.block())
			s.ing = newBlockBuilder(KindIngredients, RegionCopy)
			s.ingLevel = headingLevel
			return
		}
		s.blocks = append(s.blocks, bb.block())
		return
	}
	if s.user {
		bb.region = RegionUserContent
	}
	if s.ing != nil {
		if !s.ing.empty() {
			s.ing.separator("\n", bb.segs[0].srcStart)
		}
		base := len(s.ing.buf)
		for _, g := range bb.segs {
			g.textStart += base
			s.ing.segs = append(s.ing.segs, g)
		}
		s.ing.buf = append(s.ing.buf, bb.buf...)
		return
	}
	if bb.kind != KindProductName && s.r.ingPrefix.MatchString(text) {
		bb.kind = KindIngredients
	}
	s.blocks = append(s.blocks, bb.block())
}

func (s *mdState) closeIngredients() {
	if s.ing != nil && !s.ing.empty() {
		s.blocks = append(s.blocks, s.ing.block())
	}
	s.ing = nil
}

// ReadMarkdown reads Markdown copy: headings, paragraphs, list items, block
// quotes and table cells, with inline markup removed but positions kept.
// Code blocks, HTML comments and front matter other than title and
// description are not linted.
func (r *Reader) ReadMarkdown(source string, src []byte) *Document {
	doc := newDocument(source, "markdown", src)
	lines := splitLines(src)
	st := &mdState{r: r}
	var para *blockBuilder
	paraKind := KindParagraph
	endPara := func() {
		st.add(para, 0)
		para = nil
	}
	i := 0
	// Front matter: keep title and description, skip the rest.
	if len(lines) > 0 && strings.TrimSpace(string(lines[0].text)) == "---" {
		for j := 1; j < len(lines); j++ {
			t := string(lines[j].text)
			if strings.TrimSpace(t) == "---" {
				i = j + 1
				break
			}
			for _, key := range []string{"title:", "name:", "description:"} {
				if strings.HasPrefix(t, key) {
					vs := len(key)
					for vs < len(t) && (t[vs] == ' ' || t[vs] == '"' || t[vs] == '\'') {
						vs++
					}
					ve := len(strings.TrimRight(t, " \"'"))
					if ve > vs {
						kind := KindParagraph
						if key != "description:" {
							kind = KindProductName
						}
						bb := newBlockBuilder(kind, RegionCopy)
						bb.addText(lines[j].text[vs:ve], lines[j].start+vs, false)
						st.blocks = append(st.blocks, bb.block())
					}
				}
			}
		}
	}
	inFence := false
	fence := ""
	inComment := false
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := ln.text
		trim := strings.TrimSpace(string(t))
		if inFence {
			if strings.HasPrefix(trim, fence) {
				inFence = false
			}
			continue
		}
		if inComment {
			if strings.Contains(trim, "-->") {
				inComment = false
			}
			continue
		}
		switch {
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			endPara()
			inFence, fence = true, trim[:3]
			continue
		case strings.HasPrefix(trim, "<!--"):
			if !strings.Contains(trim, "-->") {
				inComment = true
			}
			if strings.HasSuffix(trim, "-->") || inComment {
				endPara()
				continue
			}
		case trim == "":
			endPara()
			continue
		}
		if m := r.mdHeading.FindSubmatchIndex(t); m != nil {
			endPara()
			level := m[3] - m[2]
			kind := KindHeading
			if level == 1 {
				kind = KindProductName
			}
			body := bytes.TrimRight(t, " \t#")
			bb := newBlockBuilder(kind, RegionCopy)
			addInline(bb, body[m[1]:], ln.start+m[1])
			st.add(bb, level)
			continue
		}
		// Setext heading underline turns the paragraph above into a heading.
		if para != nil && (strings.Trim(trim, "=") == "" || strings.Trim(trim, "-") == "") && len(trim) >= 2 {
			level := 2
			if trim[0] == '=' {
				level = 1
				para.kind = KindProductName
			} else {
				para.kind = KindHeading
			}
			st.add(para, level)
			para = nil
			continue
		}
		if isTableRow(trim) {
			endPara()
			if isTableRule(trim) {
				continue
			}
			addTableCells(st, ln)
			continue
		}
		if m := r.mdListItem.FindIndex(t); m != nil {
			endPara()
			para = newBlockBuilder(KindListItem, RegionCopy)
			paraKind = KindListItem
			addInline(para, t[m[1]:], ln.start+m[1])
			continue
		}
		if m := r.mdQuote.FindIndex(t); m != nil {
			if para == nil || paraKind != KindQuote {
				endPara()
				para = newBlockBuilder(KindQuote, RegionCopy)
				paraKind = KindQuote
			}
			para.space(ln.start, ln.start)
			addInline(para, t[m[1]:], ln.start+m[1])
			continue
		}
		if para == nil {
			para = newBlockBuilder(KindParagraph, RegionCopy)
			paraKind = KindParagraph
		} else {
			para.space(ln.start-1, ln.start)
		}
		addInline(para, t, ln.start)
	}
	endPara()
	st.closeIngredients()
	doc.Blocks = st.blocks
	doc.Comments = markdownComments(doc, lines)
	for _, b := range doc.Blocks {
		if b.Kind == KindProductName {
			doc.Product.Name = b.Text
			break
		}
	}
	return doc
}

func isTableRow(t string) bool {
	return strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2
}

func isTableRule(t string) bool {
	return strings.Trim(t, "|-: \t") == ""
}

func addTableCells(st *mdState, ln line) {
	t := ln.text
	start := bytes.IndexByte(t, '|') + 1
	for start < len(t) {
		end := bytes.IndexByte(t[start:], '|')
		if end < 0 {
			end = len(t) - start
		}
		bb := newBlockBuilder(KindTableCell, RegionCopy)
		addInline(bb, t[start:start+end], ln.start+start)
		st.add(bb, 0)
		start += end + 1
	}
}

// addInline adds one line of Markdown text, dropping emphasis markers, code
// ticks, link targets, inline HTML tags and comments.
func addInline(bb *blockBuilder, t []byte, src int) {
	i := 0
	flushTo := func(from, to int) {
		if to > from {
			bb.addText(t[from:to], src+from, true)
		}
	}
	from := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == '\\' && i+1 < len(t) && isMDPunct(t[i+1]):
			flushTo(from, i)
			from = i + 1
			i += 2
		case c == '*' || c == '_' || c == '`' || c == '~' && i+1 < len(t) && t[i+1] == '~':
			// Emphasis only at a word edge: snake_case and 5*3 stay.
			prevWord := i > 0 && isWordByte(t[i-1])
			j := i
			for j < len(t) && t[j] == c {
				j++
			}
			nextWord := j < len(t) && isWordByte(t[j])
			if c == '`' || (prevWord != nextWord) || (c == '*' && (prevWord || nextWord)) {
				flushTo(from, i)
				from = j
			}
			i = j
		case c == '!' && i+1 < len(t) && t[i+1] == '[':
			flushTo(from, i)
			from = i + 2
			i += 2
		case c == '[':
			flushTo(from, i)
			from = i + 1
			i++
		case c == ']' && i+1 < len(t) && t[i+1] == '(':
			flushTo(from, i)
			k := bytes.IndexByte(t[i:], ')')
			if k < 0 {
				k = len(t) - i - 1
			}
			i += k + 1
			from = i
		case c == ']':
			flushTo(from, i)
			i++
			from = i
		case c == '<':
			k := bytes.IndexByte(t[i:], '>')
			if k > 0 && (isAlpha(t[i+1]) || t[i+1] == '/' || t[i+1] == '!') {
				flushTo(from, i)
				i += k + 1
				from = i
				bb.space(src+i-1, src+i)
				continue
			}
			i++
		default:
			i++
		}
	}
	flushTo(from, len(t))
}

func isMDPunct(c byte) bool { return strings.IndexByte("\\`*_{}[]()#+-.!|<>~", c) >= 0 }

func isWordByte(c byte) bool { return isAlnum(c) || c >= 0x80 }

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// ReadText reads plain text. A blank line ends a paragraph; a line that starts
// with a bullet is a list item; a short line ending in a colon is a heading;
// otherwise a line is its own block unless it is wrapped prose that runs on.
func (r *Reader) ReadText(source string, src []byte) *Document {
	doc := newDocument(source, "text", src)
	st := &mdState{r: r}
	var cur *blockBuilder
	endCur := func() {
		st.add(cur, 0)
		cur = nil
	}
	lines := splitLines(src)
	for idx, ln := range lines {
		t := doc.textDirective(ln)
		trim := strings.TrimSpace(string(t))
		if trim == "" {
			endCur()
			if st.ing != nil && !st.ing.empty() {
				st.closeIngredients() // a blank line ends a plain-text list
			}
			continue
		}
		if m := r.bullet.FindIndex(t); m != nil {
			endCur()
			cur = newBlockBuilder(KindListItem, RegionCopy)
			cur.addText(t[m[1]:], ln.start+m[1], false)
			continue
		}
		if r.ingLabel.MatchString(trim) || (len(trim) < 60 && strings.HasSuffix(trim, ":") && !strings.Contains(trim, ",")) ||
			isShoutedHeading(trim) || r.reviewsLabel.MatchString(trim) {
			endCur()
			bb := newBlockBuilder(KindHeading, RegionCopy)
			bb.addText(t, ln.start, false)
			st.add(bb, 2)
			continue
		}
		if cur != nil && runsOn(lines, idx) {
			cur.space(ln.start-1, ln.start)
			cur.addText(t, ln.start, false)
			continue
		}
		endCur()
		cur = newBlockBuilder(KindParagraph, RegionCopy)
		cur.addText(t, ln.start, false)
	}
	endCur()
	st.closeIngredients()
	doc.Blocks = st.blocks
	return doc
}

// isShoutedHeading recognises an all-capitals line such as "TOP REVIEWS" or
// "HOW TO USE", which marketplace text uses as headings.
func isShoutedHeading(t string) bool {
	if len(t) > 40 || strings.ContainsAny(t, ".!?,") {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 4
}

// runsOn reports whether line idx continues the previous line's sentence:
// the previous line is long and does not end a sentence.
func runsOn(lines []line, idx int) bool {
	if idx == 0 {
		return false
	}
	prev := strings.TrimSpace(string(lines[idx-1].text))
	if len(prev) < 50 {
		return false
	}
	last := prev[len(prev)-1]
	return !strings.ContainsRune(".!?:;。！？", rune(last)) && !strings.HasSuffix(prev, "。")
}
