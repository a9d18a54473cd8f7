package scraper

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper/inci"
)

// An ingredient list is recognised by what it holds, wherever it sits: a
// block whose items are mostly ingredient names is the list even in a
// tab panel, a metafield span or a bare paragraph with no label. Labels
// (headings, tabs, "Ingredients:" prefixes, ingredients containers) are
// supporting evidence: under one, fewer names suffice; a labelled section
// whose content is a benefits list or explainers is not a list.

// lexicon returns the CosIng names, loading them on first use (once per
// Reader). Without them lists are judged by the shape of their names alone.
func (r *Reader) lexicon(doc *Document) inci.Lexicon {
	n, err := r.names()
	if err != nil {
		doc.Notes = append(doc.Notes, "CosIng names unavailable, ingredient lists judged by shape only: "+err.Error())
		return nil
	}
	return n
}

// findLists judges the candidate blocks of a document and returns the
// blocks with each ingredient list as one KindIngredients block. Blocks of
// one labelled section (same sect) are judged together; a block that is
// already KindIngredients (an "Ingredients:" prefix, an ingredients field)
// counts as labelled; other copy blocks are judged by content when they
// have enough separators to be a list at all.
func (r *Reader) findLists(doc *Document, blocks []Block) []Block {
	var lex inci.Lexicon
	loaded := false
	lexicon := func() inci.Lexicon {
		if !loaded {
			lex, loaded = r.lexicon(doc), true
		}
		return lex
	}
	out := make([]Block, 0, len(blocks)+4)
	for i := 0; i < len(blocks); {
		b := blocks[i]
		switch {
		case b.sect != 0:
			j := i
			for j < len(blocks) && blocks[j].sect == b.sect {
				j++
			}
			out = judgeBlocks(out, blocks[i:j], inci.Labeled, lexicon())
			i = j
			continue
		case b.Kind == KindIngredients:
			out = judgeBlocks(out, blocks[i:i+1], inci.Labeled, lexicon())
		case listCandidate(&b):
			out = judgeBlocks(out, blocks[i:i+1], inci.NoEvidence, lexicon())
		default:
			out = append(out, b)
		}
		i++
	}
	return labelVariants(dedupeLists(out))
}

// labelVariants gives each list of a page that shows several different
// ones the heading it sits under (the shade, the variant, the kit part),
// so they stay apart and named.
func labelVariants(blocks []Block) []Block {
	n := 0
	for i := range blocks {
		if blocks[i].Kind == KindIngredients {
			n++
		}
	}
	if n < 2 {
		return blocks
	}
	for i := range blocks {
		if blocks[i].Kind != KindIngredients {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			b := &blocks[j]
			if b.Kind == KindIngredients {
				break // the heading above belongs to the list before
			}
			if b.Kind != KindHeading && b.Kind != KindProductName || inci.IsLabel(b.Text) || len(b.Text) > 80 {
				continue
			}
			blocks[i].Label = strings.TrimSpace(b.Text)
			break
		}
	}
	return blocks
}

// listCandidate is the cheap test that keeps most blocks away from the
// parser: copy text long enough, with enough separators, to be a list.
func listCandidate(b *Block) bool {
	if b.Region != RegionCopy || len(b.Text) < 30 {
		return false
	}
	switch b.Kind {
	case KindParagraph, KindListItem, KindTableCell:
	default:
		return false
	}
	t := b.Text
	n := strings.Count(t, ",")
	if n >= 4 {
		return true
	}
	n += strings.Count(t, "、") + strings.Count(t, "，") + strings.Count(t, "•") + strings.Count(t, ";") + strings.Count(t, "·")
	return n >= 4
}

// judgeBlocks assesses the blocks of one candidate together and appends
// the result to out: the list as one KindIngredients block, and what came
// before or after it (a lead-in of explainers, trailing prose) as the
// blocks they were. Image alt texts inside a section pass through.
func judgeBlocks(out, group []Block, ev inci.Evidence, lex inci.Lexicon) []Block {
	parts := make([]Block, 0, len(group))
	var keys []string
	for _, b := range group {
		if b.Kind == KindImageAlt {
			out = append(out, b)
			continue
		}
		// A panel that holds the list twice (the desktop and the mobile
		// copy in one section) gives it once.
		if strings.Count(b.Text, ",")+strings.Count(b.Text, "、") >= 3 {
			key := listKey(b.Text)
			if containsString(keys, key) {
				continue
			}
			keys = append(keys, key)
		}
		parts = append(parts, b)
	}
	if len(parts) == 0 {
		return out
	}
	joined, bounds := joinBlocks(parts)
	v := inci.Assess(joined.Text, lex, ev)
	if !v.List {
		for _, p := range parts {
			if p.Kind == KindIngredients {
				p.Kind = KindParagraph // labelled, but not a list after all
			}
			p.sect = 0
			out = append(out, p)
		}
		return out
	}
	var after []Block
	list := newBlockBuilder(KindIngredients, parts[0].Region)
	for k, p := range parts {
		ps, pe := bounds[k], bounds[k]+len(p.Text)
		p.sect = 0
		switch {
		case pe <= v.Start:
			out = append(out, p)
			continue
		case ps >= v.End:
			after = append(after, p)
			continue
		}
		if ps < v.Start {
			if lead := p.slice(0, v.Start-ps); lead.Text != "" {
				out = append(out, lead)
			}
		}
		s, e := max(v.Start, ps)-ps, min(v.End, pe)-ps
		list.appendBlock(p.slice(s, e))
		if pe > v.End {
			if tail := p.slice(v.End-ps, len(p.Text)); tail.Text != "" {
				after = append(after, tail)
			}
		}
	}
	if !list.empty() {
		out = append(out, list.block())
	}
	return append(out, after...)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// joinBlocks joins blocks with line breaks (which the INCI parser reads as
// separators) and returns where each block starts in the joined text.
func joinBlocks(parts []Block) (Block, []int) {
	if len(parts) == 1 {
		return parts[0], []int{0}
	}
	bb := newBlockBuilder(KindIngredients, parts[0].Region)
	bounds := make([]int, len(parts))
	for k, p := range parts {
		if k > 0 {
			bb.separator("\n", p.srcStart())
		}
		bounds[k] = len(bb.buf)
		bb.appendRaw(p)
	}
	return bb.block(), bounds
}

// appendBlock appends a block's text and map, on a new line when the
// builder already holds text.
func (bb *blockBuilder) appendBlock(b Block) {
	if b.Text == "" {
		return
	}
	if !bb.empty() {
		bb.separator("\n", b.srcStart())
	}
	bb.appendRaw(b)
}

func (bb *blockBuilder) appendRaw(b Block) {
	base := len(bb.buf)
	for _, s := range b.segs {
		s.textStart += base
		bb.segs = append(bb.segs, s)
	}
	bb.buf = append(bb.buf, b.Text...)
}

// srcStart is the source offset where the block's text starts.
func (b *Block) srcStart() int {
	if len(b.segs) == 0 {
		return 0
	}
	s, _ := b.SourceRange(0, 0)
	return s
}

// slice returns the block for b.Text[start:end], white space trimmed, with
// its map into the source.
func (b *Block) slice(start, end int) Block {
	for start < end {
		r, size := utf8.DecodeRuneInString(b.Text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(b.Text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	out := Block{Kind: b.Kind, Region: b.Region, Text: b.Text[start:end], sect: b.sect}
	if start >= end {
		out.Text = ""
		return out
	}
	for i, g := range b.segs {
		next := len(b.Text)
		if i+1 < len(b.segs) {
			next = b.segs[i+1].textStart
		}
		if next <= start || g.textStart >= end {
			continue
		}
		if g.textStart < start {
			if g.verbatim {
				g.srcStart += start - g.textStart
			}
			g.textStart = start
		}
		g.textStart -= start
		out.segs = append(out.segs, g)
	}
	return out
}

// dedupeLists keeps one copy of a list a page shows twice (desktop tabs
// and a mobile accordion, a truncated preview and the full text): a list
// whose names another list's begin with is the same list. Lists that
// differ (one per shade or variant) all stay.
func dedupeLists(blocks []Block) []Block {
	type seen struct {
		at  int
		key string
	}
	var lists []seen
	drop := map[int]bool{}
	for i := range blocks {
		if blocks[i].Kind != KindIngredients {
			continue
		}
		key := listKey(blocks[i].Text)
		dup := false
		for k := range lists {
			s := &lists[k]
			if s.key == key || strings.HasPrefix(s.key, key) && truncated(blocks[i].Text, blocks[s.at].Text) {
				drop[i], dup = true, true
				break
			}
			if strings.HasPrefix(key, s.key) && truncated(blocks[s.at].Text, blocks[i].Text) {
				// The earlier copy was the truncated one.
				drop[s.at], dup = true, true
				*s = seen{at: i, key: key}
				break
			}
		}
		if !dup {
			lists = append(lists, seen{at: i, key: key})
		}
	}
	if len(drop) == 0 {
		return blocks
	}
	out := blocks[:0]
	for i, b := range blocks {
		if !drop[i] {
			out = append(out, b)
		}
	}
	return out
}

// truncated reports a list that is a cut-off preview of full: it ends in an
// ellipsis, or its last item is cut inside a name of the full list. A list
// that is the full one minus its last items (another shade's) is not.
func truncated(short, full string) bool {
	t := strings.TrimSpace(short)
	if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		return true
	}
	items := strings.Split(t, ",")
	last := listKey(items[len(items)-1])
	for _, it := range strings.Split(full, ",") {
		if listKey(it) == last {
			return false
		}
	}
	return true
}

// listKey is a list's text as letters and digits only, lower case, with a
// trailing ellipsis of a truncated preview dropped.
func listKey(t string) string {
	t = strings.TrimRight(strings.TrimSpace(t), ".…")
	var b strings.Builder
	b.Grow(len(t))
	for _, r := range strings.ToLower(t) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
