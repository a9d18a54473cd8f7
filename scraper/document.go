// Package scraper turns inputs (HTML, Markdown, plain text, fetched pages) into a
// Document: ordered text blocks whose every byte maps back to a line and column of
// the original input. Rules and reports never re-search the source; they carry
// positions from here.
package scraper

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Kind says what part of a page a block came from. Rules use it as their scope.
type Kind string

// Block kinds. The list is closed so rules can switch on it.
const (
	KindTitle           Kind = "title"            // <title>, front-matter title
	KindProductName     Kind = "product-name"     // h1 or JSON-LD name
	KindHeading         Kind = "heading"          // h2-h6, <summary>, tab labels
	KindParagraph       Kind = "paragraph"        // p, div text, plain-text paragraphs
	KindListItem        Kind = "list-item"        // li, Markdown bullets, Amazon feature bullets
	KindTableCell       Kind = "table-cell"       // td, th
	KindQuote           Kind = "quote"            // blockquote, q
	KindImageAlt        Kind = "image-alt"        // img alt text
	KindMetaDescription Kind = "meta-description" // <meta name=description>, og:description
	KindJSONLD          Kind = "jsonld-description"
	KindIngredients     Kind = "ingredients" // the whole ingredient list, one block
)

// Region says whose words a block carries. Claims in user content (reviews,
// Q&A) are not the brand's copy, though regulators may still count them.
type Region string

// Regions of a page.
const (
	RegionCopy        Region = ""             // the brand's own copy
	RegionUserContent Region = "user-content" // reviews, testimonials, Q&A
)

// Position is a place in the original input. Line and Column are 1-based;
// Column counts Unicode code points (a tab or a multi-byte letter is one
// column). ByteColumn is the 1-based column in UTF-8 bytes, for formats that
// want bytes (reviewdog).
type Position struct {
	Offset     int `json:"offset"`
	Line       int `json:"line"`
	Column     int `json:"column"`
	ByteColumn int `json:"-"`
}

// Block is one run of text with a kind and a map back to the source.
type Block struct {
	Kind   Kind
	Region Region
	Text   string
	// Label names what an ingredient list belongs to when a page shows
	// several (one per shade or variant): the heading or tab above it,
	// such as "Shade 02 Sand". Empty otherwise.
	Label string
	segs  []segment
	// sect groups the blocks of one labelled ingredient section while a
	// page is read; 0 outside one.
	sect int
}

// segment maps text[textStart:nextSeg.textStart] to the source. A verbatim
// segment maps byte for byte; an atomic one (a decoded entity, collapsed white
// space, an inserted separator) maps every byte to the whole source range.
type segment struct {
	textStart int
	srcStart  int
	srcEnd    int
	verbatim  bool
}

// SourceRange maps the text range [start, end) of the block to a byte range of
// the source.
func (b *Block) SourceRange(start, end int) (int, int) {
	if len(b.segs) == 0 {
		return 0, 0
	}
	if end <= start {
		s := b.srcOffset(start)
		return s, s
	}
	s := b.srcOffset(start)
	i := b.segIndex(end - 1)
	g := b.segs[i]
	e := g.srcEnd
	if g.verbatim {
		e = g.srcStart + (end - g.textStart)
	}
	if e < s {
		e = s
	}
	return s, e
}

func (b *Block) srcOffset(off int) int {
	g := b.segs[b.segIndex(off)]
	if g.verbatim {
		return g.srcStart + (off - g.textStart)
	}
	return g.srcStart
}

func (b *Block) segIndex(off int) int {
	i := sort.Search(len(b.segs), func(i int) bool { return b.segs[i].textStart > off })
	if i == 0 {
		return 0
	}
	return i - 1
}

// Product is what the page says it sells.
type Product struct {
	Name  string `json:"name,omitempty"`
	Brand string `json:"brand,omitempty"`
	URL   string `json:"url,omitempty"`
	SKU   string `json:"sku,omitempty"`
	GTIN  string `json:"gtin,omitempty"`
	// ID is a feed record's own id (Merchant Center g:id, a Shopify
	// handle, a JSON record's id); pages have none.
	ID string `json:"id,omitempty"`
}

// Offer signs found in HTML markup.
const (
	OfferCartForm    = "cart-form"    // a form posting to a cart or checkout, or an add-to-cart button
	OfferPriceMarkup = "price-markup" // itemprop=price, product:price meta tags
	OfferProductType = "product-type" // og:type=product
)

// addOffer records an offer sign once.
func (d *Document) addOffer(sign string) {
	for _, s := range d.OfferMarkup {
		if s == sign {
			return
		}
	}
	d.OfferMarkup = append(d.OfferMarkup, sign)
}

// Document is one input, read.
type Document struct {
	Source  string // path or URL as given
	Format  string // "html", "markdown", "text"
	Product Product
	// Structured is set when the page carries schema.org Product data, a
	// sure sign that it sells something.
	Structured bool
	// OfferMarkup names the signs of an offer found in the markup rather
	// than the text (OfferCartForm, OfferPriceMarkup, OfferProductType),
	// each once, in the order found. Page-kind detection reads them.
	OfferMarkup []string
	Blocks      []Block
	// Others are the blocks of other products' cards on the page
	// (recommendation carousels, "customers also bought", comparison
	// tables; widgets.go), RegionOtherProducts, in page order. Rules do
	// not lint them as this product's copy.
	Others []Block
	// Notes are things the reader noticed that a user should know (for
	// example, a page that renders its copy with JavaScript).
	Notes []string
	// Comments are the source's comments (HTML and Markdown <!-- -->,
	// exolint directives after # or // in text), for suppressions.
	Comments   []Comment
	lineStarts []int
	src        []byte
	// bomBytes is the length of a UTF-8 byte-order mark the reader
	// stripped before src: line 1's byte columns count it (the file's
	// bytes, as reviewdog reads them); offsets and code-point columns do
	// not.
	bomBytes int
	// origin is where src starts in a larger file (a feed record's place
	// in its feed); the zero value is the start of a file.
	origin Position
}

// Position converts a source byte offset to line and column.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.src) {
		off = len(d.src)
	}
	i := sort.SearchInts(d.lineStarts, off+1) - 1
	if i < 0 {
		i = 0
	}
	ls := d.lineStarts[i]
	p := Position{
		Offset:     off,
		Line:       i + 1,
		Column:     utf8.RuneCount(d.src[ls:off]) + 1,
		ByteColumn: off - ls + 1,
	}
	if i == 0 {
		p.ByteColumn += d.bomBytes
	}
	if d.origin.Line > 0 {
		p.Offset += d.origin.Offset
		if p.Line == 1 {
			p.Column += d.origin.Column - 1
			p.ByteColumn += d.origin.ByteColumn - 1
		}
		p.Line += d.origin.Line - 1
	}
	return p
}

// Line returns the text of source line n (1-based) without its line break.
// For a feed record, n counts lines of the feed, and the record's first
// line is given from where the record starts.
func (d *Document) Line(n int) string {
	if d.origin.Line > 0 {
		n -= d.origin.Line - 1
	}
	if n < 1 || n > len(d.lineStarts) {
		return ""
	}
	start := d.lineStarts[n-1]
	end := len(d.src)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n]
	}
	for end > start && (d.src[end-1] == '\n' || d.src[end-1] == '\r') {
		end--
	}
	return string(d.src[start:end])
}

// SourceText is the source between two byte offsets as written (markup and
// entities included), for formats that quote the file itself (SARIF
// snippets). Offsets are clamped to the source.
func (d *Document) SourceText(start, end int) string {
	start, end = max(0, min(start, len(d.src))), max(0, min(end, len(d.src)))
	if end <= start {
		return ""
	}
	return string(d.src[start:end])
}

// Size is the offset just past the last source byte: the number of bytes,
// or for a feed record, where the record ends in the feed.
func (d *Document) Size() int { return d.origin.Offset + len(d.src) }

// newDocument indexes line starts. A line ends at "\n", "\r\n" or a lone "\r",
// as browsers and editors count them.
func newDocument(source, format string, src []byte) *Document {
	return &Document{Source: source, Format: format, src: src, lineStarts: lineStarts(src)}
}

// lineStarts are the offsets where the lines of src begin; a line ends at
// "\n", "\r\n" or a lone "\r". Most sources have no "\r": their lines are
// found with bytes.IndexByte, several times faster than a byte loop.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	if bytes.IndexByte(src, '\r') < 0 {
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return starts
			}
			i += j + 1
			starts = append(starts, i)
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// blockBuilder accumulates a block's text with its source map, collapsing
// white space the way a browser renders it.
type blockBuilder struct {
	kind      Kind
	region    Region
	buf       []byte
	segs      []segment
	pendingWS int // source offset of pending white space, -1 when none
	pendingWE int
}

func newBlockBuilder(kind Kind, region Region) *blockBuilder {
	return &blockBuilder{kind: kind, region: region, pendingWS: -1}
}

func (bb *blockBuilder) empty() bool { return len(bb.buf) == 0 }

// space records collapsible white space at src[start:end].
func (bb *blockBuilder) space(start, end int) {
	if bb.pendingWS < 0 {
		bb.pendingWS = start
	}
	bb.pendingWE = end
}

func (bb *blockBuilder) flushSpace() {
	if bb.pendingWS < 0 {
		return
	}
	start, end := bb.pendingWS, bb.pendingWE
	bb.pendingWS = -1
	switch {
	case len(bb.buf) == 0:
	case end-start == 1:
		// One source byte for one space maps the same either way; as
		// verbatim it joins the words around it in one segment instead
		// of two segments per word (most of a block's map).
		bb.verbatim([]byte{' '}, start)
	default:
		bb.segs = append(bb.segs, segment{textStart: len(bb.buf), srcStart: start, srcEnd: end})
		bb.buf = append(bb.buf, ' ')
	}
}

// verbatim appends text that stands in the source as is, at src offset.
func (bb *blockBuilder) verbatim(text []byte, src int) {
	if len(text) == 0 {
		return
	}
	bb.flushSpace()
	n := len(bb.segs)
	if n > 0 {
		last := bb.segs[n-1]
		if last.verbatim && last.srcStart+(len(bb.buf)-last.textStart) == src {
			bb.buf = append(bb.buf, text...)
			return
		}
	}
	bb.segs = append(bb.segs, segment{textStart: len(bb.buf), srcStart: src, srcEnd: src + len(text), verbatim: true})
	bb.buf = append(bb.buf, text...)
}

// atomic appends text that stands for the whole source range [start, end),
// such as a decoded entity.
func (bb *blockBuilder) atomic(text string, start, end int) {
	if text == "" {
		return
	}
	bb.flushSpace()
	bb.segs = append(bb.segs, segment{textStart: len(bb.buf), srcStart: start, srcEnd: end})
	bb.buf = append(bb.buf, text...)
}

// separator inserts a break between two pieces of one block (for example
// between ingredient-list lines) mapped to the given source offset.
func (bb *blockBuilder) separator(sep string, at int) {
	if len(bb.buf) == 0 {
		bb.pendingWS = -1
		return
	}
	bb.pendingWS = -1
	bb.segs = append(bb.segs, segment{textStart: len(bb.buf), srcStart: at, srcEnd: at})
	bb.buf = append(bb.buf, sep...)
}

func (bb *blockBuilder) block() Block {
	return Block{Kind: bb.kind, Region: bb.region, Text: string(bb.buf), segs: bb.segs}
}
