package scraper

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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
	s.addBlock(bb, headingLevel, true)
}

// addBlock is add; with opens unset, a heading still ends the sections it
// outranks but opens none (the HTML reader has already read the section
// under a heading inside an HTML block).
func (s *mdState) addBlock(bb *blockBuilder, headingLevel int, opens bool) {
	if bb == nil || bb.empty() {
		return
	}
	text := string(bb.buf)
	if headingLevel > 0 {
		if s.user && headingLevel <= s.userLevel {
			s.user = false
		}
		if s.ing != nil && headingLevel <= s.ingLevel {
			s.closeIngredients()
		}
		if !opens {
			s.blocks = append(s.blocks, bb.block())
			return
		}
		if s.r.reviewsLabel.MatchString(text) {
			s.user, s.userLevel = true, headingLevel
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

// ReadMarkdown reads Markdown copy with goldmark (CommonMark plus GitHub's
// tables, strikethrough and task lists): headings, paragraphs, list items
// (nested ones each their own block), block quotes and table cells, with
// inline markup removed but every character mapped back to the source.
// Link and image text is kept, their destinations and reference
// definitions are not; escapes and character references are decoded.
// HTML blocks are read by the HTML reader. Code blocks, code-like autolinks,
// HTML comments and front matter other than title and description are not
// linted.
func (r *Reader) ReadMarkdown(source string, src []byte) *Document {
	doc := newDocument(source, "markdown", src)
	st := &mdState{r: r}
	body := readFrontMatter(st, src)
	w := &mdWalker{r: r, st: st, src: src, base: body}
	root := markdownParser().Parse(text.NewReader(src[body:]))
	w.block(root, KindParagraph)
	st.closeIngredients()
	doc.Blocks = st.blocks
	doc.Comments = markdownComments(doc, w.code)
	for _, b := range doc.Blocks {
		if b.Kind == KindProductName {
			doc.Product.Name = b.Text
			break
		}
	}
	return doc
}

// markdownParser is built per document: goldmark parsers are cheap, and
// this keeps the Reader free of shared mutable state.
func markdownParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
}

// readFrontMatter keeps the title and description of a leading "---"
// block as blocks and returns where the Markdown after it starts (0 when
// there is no closed front matter).
func readFrontMatter(st *mdState, src []byte) int {
	lines := splitLines(src)
	if len(lines) == 0 || strings.TrimSpace(string(lines[0].text)) != "---" {
		return 0
	}
	end := -1
	for j := 1; j < len(lines); j++ {
		if strings.TrimSpace(string(lines[j].text)) == "---" {
			end = j
			break
		}
	}
	if end < 0 {
		return 0
	}
	for _, ln := range lines[1:end] {
		t := string(ln.text)
		for _, key := range []string{"title:", "name:", "description:"} {
			if !strings.HasPrefix(t, key) {
				continue
			}
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
				bb.addText(ln.text[vs:ve], ln.start+vs, false)
				st.blocks = append(st.blocks, bb.block())
			}
		}
	}
	if end+1 < len(lines) {
		return lines[end+1].start
	}
	return len(src)
}

// mdWalker turns goldmark's tree into blocks. Offsets in the tree are
// relative to src[base:].
type mdWalker struct {
	r    *Reader
	st   *mdState
	src  []byte
	base int
	code [][2]int // source ranges of code (blocks and spans), where comments are not directives
}

// block reads a block node; kind is what a paragraph inside it becomes
// (the innermost list item, quote or table cell decides).
func (w *mdWalker) block(n ast.Node, kind Kind) {
	switch n := n.(type) {
	case *ast.Heading:
		k := KindHeading
		if n.Level == 1 {
			k = KindProductName
		}
		bb := newBlockBuilder(k, RegionCopy)
		w.inlines(bb, n, false)
		w.st.add(bb, n.Level)
		return
	case *ast.Paragraph, *ast.TextBlock:
		bb := newBlockBuilder(kind, RegionCopy)
		w.inlines(bb, n, false)
		w.st.add(bb, 0)
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.codeLines(n)
		return
	case *ast.HTMLBlock:
		w.htmlBlock(n)
		return
	case *ast.LinkReferenceDefinition, *ast.ThematicBreak:
		return
	case *extast.TableCell:
		bb := newBlockBuilder(KindTableCell, RegionCopy)
		w.inlines(bb, n, false)
		w.st.add(bb, 0)
		return
	case *ast.ListItem:
		kind = KindListItem
	case *ast.Blockquote:
		kind = KindQuote
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, kind)
	}
}

// inlines adds the text of n's inline children to bb. raw is set inside
// code spans, where backslashes and ampersands are literal.
func (w *mdWalker) inlines(bb *blockBuilder, n ast.Node, raw bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if raw || c.IsRaw() {
				bb.addText(w.src[w.base+seg.Start:w.base+seg.Stop], w.base+seg.Start, false)
			} else {
				w.text(bb, seg.Start, seg.Stop)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				if at := w.lineBreak(seg.Stop); at >= 0 {
					bb.space(at, at+1)
				}
			}
		case *ast.CodeSpan:
			if s, e, ok := childSpan(c); ok {
				w.code = append(w.code, [2]int{w.base + s, w.base + e})
			}
			w.inlines(bb, c, true)
		case *ast.RawHTML:
			// A tag or comment in running text: dropped, standing for a
			// collapsible space (as after <br>).
			if segs := c.Segments; segs != nil && segs.Len() > 0 {
				first, last := segs.At(0), segs.At(segs.Len()-1)
				bb.space(w.base+first.Start, w.base+last.Stop)
			}
		case *ast.AutoLink, *extast.TaskCheckBox:
			// A bare address or a check box is not copy.
		default:
			// Emphasis, links, images (their alt text), strikethrough.
			w.inlines(bb, c, raw)
		}
	}
}

// text adds src[start:stop] (tree offsets) as a Markdown renderer shows
// it: a backslash escape stands for the character after it, character
// references decode, and white space collapses.
func (w *mdWalker) text(bb *blockBuilder, start, stop int) {
	t := w.src[w.base+start : w.base+stop]
	off := w.base + start
	from := 0
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '\\' && isMDPunct(t[i+1]) {
			bb.addText(t[from:i], off+from, true)
			bb.verbatim(t[i+1:i+2], off+i+1)
			i++
			from = i + 1
		}
	}
	bb.addText(t[from:], off+from, true)
}

// lineBreak finds the line break that ends a line whose text stops at
// stop (tree offset): trailing spaces and a backslash may stand between.
// It returns a source offset, or -1.
func (w *mdWalker) lineBreak(stop int) int {
	for i := w.base + stop; i < len(w.src); i++ {
		switch w.src[i] {
		case '\n', '\r':
			return i
		case ' ', '\t', '\\':
		default:
			return -1
		}
	}
	return -1
}

// childSpan is the source range (tree offsets) of n's text children.
func childSpan(n ast.Node) (int, int, bool) {
	first, ok1 := n.FirstChild().(*ast.Text)
	last, ok2 := n.LastChild().(*ast.Text)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	return first.Segment.Start, last.Segment.Stop, true
}

func (w *mdWalker) codeLines(n ast.Node) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	w.code = append(w.code, [2]int{w.base + lines.At(0).Start, w.base + lines.At(lines.Len()-1).Stop})
}

// htmlBlock reads a raw HTML block with the HTML reader, so that
// "<details><summary>Ingredients</summary>…" in Markdown is read as it
// renders. A block at the top level is one run of source; inside a quote
// or list its lines carry the container's markers between them, so each
// line is read on its own.
func (w *mdWalker) htmlBlock(n *ast.HTMLBlock) {
	var segs []text.Segment
	for i := 0; i < n.Lines().Len(); i++ {
		segs = append(segs, n.Lines().At(i))
	}
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	if len(segs) == 0 {
		return
	}
	contiguous := true
	for i := 1; i < len(segs); i++ {
		if segs[i].Start != segs[i-1].Stop {
			contiguous = false
			break
		}
	}
	if contiguous {
		segs = []text.Segment{text.NewSegment(segs[0].Start, segs[len(segs)-1].Stop)}
	}
	for _, seg := range segs {
		start, stop := w.base+seg.Start, w.base+seg.Stop
		frag := w.r.ReadHTML("", w.src[start:stop])
		for _, b := range frag.Blocks {
			bb := &blockBuilder{kind: b.Kind, region: b.Region, buf: []byte(b.Text), pendingWS: -1}
			for _, g := range b.segs {
				g.srcStart += start
				g.srcEnd += start
				bb.segs = append(bb.segs, g)
			}
			level := 0
			switch b.Kind {
			case KindProductName:
				level = 1
			case KindHeading:
				level = 2
			}
			w.st.addBlock(bb, level, false)
		}
	}
}

// isMDPunct reports an ASCII punctuation character, which a backslash
// escapes in CommonMark.
func isMDPunct(c byte) bool { return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 }

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
