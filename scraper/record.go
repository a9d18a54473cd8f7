package scraper

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// A feed record (a Merchant Center item, a Shopify export row group, a JSON
// Lines product) is linted as its own Document whose positions point into
// the feed file: the Document holds only the record's bytes, and an origin
// says where they start in the file. A feed parser decodes each text field
// (XML entities, CSV quote doubling) into a SourceText that remembers, for
// every decoded byte, the record bytes it came from; ReadRecord reads the
// fields (HTML ones with the HTML reader) and composes the two maps.

// SourceText is decoded text with a map back to the bytes it was decoded
// from. Build it left to right with Verbatim and Atomic.
type SourceText struct {
	buf  []byte
	segs []segment
}

// Verbatim appends text that stands in the source as is, at offset at.
func (t *SourceText) Verbatim(text []byte, at int) {
	if len(text) == 0 {
		return
	}
	if n := len(t.segs); n > 0 {
		last := t.segs[n-1]
		if last.verbatim && last.srcEnd == at {
			t.segs[n-1].srcEnd += len(text)
			t.buf = append(t.buf, text...)
			return
		}
	}
	t.segs = append(t.segs, segment{textStart: len(t.buf), srcStart: at, srcEnd: at + len(text), verbatim: true})
	t.buf = append(t.buf, text...)
}

// Atomic appends text that stands for the whole source range [start, end),
// such as a decoded entity or a doubled quote.
func (t *SourceText) Atomic(text string, start, end int) {
	if text == "" {
		return
	}
	t.segs = append(t.segs, segment{textStart: len(t.buf), srcStart: start, srcEnd: end})
	t.buf = append(t.buf, text...)
}

// String is the decoded text.
func (t *SourceText) String() string { return string(t.buf) }

// Len is the length of the decoded text in bytes.
func (t *SourceText) Len() int { return len(t.buf) }

// sourceRange maps decoded bytes [start, end) to source bytes.
func (t *SourceText) sourceRange(start, end int) (int, int) {
	b := Block{Text: string(t.buf), segs: t.segs}
	return b.SourceRange(start, end)
}

// RecordField is one text field of a feed record.
type RecordField struct {
	Kind Kind // KindProductName, KindParagraph, KindIngredients, KindMetaDescription
	// HTML fields (Shopify's Body (HTML), body_html) are read with the HTML
	// reader, so their headings, lists and ingredient sections count.
	HTML bool
	Text *SourceText
}

// Record is one feed record, ready to read.
type Record struct {
	Source  string   // the feed file or URL, as given
	Format  string   // the feed's format, e.g. "merchant-xml"
	Raw     []byte   // the record's bytes in the feed
	Origin  Position // where Raw starts in the feed
	Product Product
	Fields  []RecordField
}

// ReadRecord reads a feed record into a Document whose positions are
// positions in the feed.
func (r *Reader) ReadRecord(rec Record) *Document {
	doc := newDocument(rec.Source, rec.Format, rec.Raw)
	doc.Product = rec.Product
	doc.Structured = true
	for _, f := range rec.Fields {
		if f.Text == nil || strings.TrimSpace(f.Text.String()) == "" {
			continue
		}
		if f.HTML {
			sub := r.ReadHTML("", f.Text.buf)
			for _, b := range sub.Blocks {
				if b.Kind == KindTitle || b.Kind == KindMetaDescription || b.Kind == KindJSONLD {
					continue // a fragment has no head; these come from stray markup
				}
				doc.Blocks = append(doc.Blocks, remapBlock(b, f.Text))
			}
			for _, c := range sub.Comments {
				s, _ := f.Text.sourceRange(c.Start.Offset, c.Start.Offset)
				_, e := f.Text.sourceRange(c.End.Offset-1, c.End.Offset)
				doc.addComment(c.Text, s, e)
			}
			continue
		}
		bb := newBlockBuilder(f.Kind, RegionCopy)
		bb.addText(f.Text.buf, 0, false)
		b := bb.block()
		if b.Text == "" {
			continue
		}
		if b.Kind == KindParagraph && r.ingPrefix.MatchString(b.Text) {
			b.Kind = KindIngredients
		}
		doc.Blocks = append(doc.Blocks, remapBlock(b, f.Text))
	}
	if len(doc.Blocks) == 0 {
		doc.Notes = append(doc.Notes, "no title, description or ingredients in this feed record")
	}
	doc.Rebase(rec.Origin)
	return doc
}

// remapBlock turns a block whose map points into decoded field text into
// one whose map points into the record's bytes.
func remapBlock(b Block, t *SourceText) Block {
	out := make([]segment, 0, len(b.segs))
	for i, g := range b.segs {
		end := len(b.Text)
		if i+1 < len(b.segs) {
			end = b.segs[i+1].textStart
		}
		if !g.verbatim {
			s, e := t.sourceRange(g.srcStart, g.srcEnd)
			out = append(out, segment{textStart: g.textStart, srcStart: s, srcEnd: e})
			continue
		}
		// A verbatim run of block text is a run of field text; split it
		// where the field's own map changes.
		v, vend := g.srcStart, g.srcStart+(end-g.textStart)
		for v < vend {
			fb := Block{segs: t.segs}
			k := fb.segIndex(v)
			piece := t.segs[k]
			pend := len(t.buf)
			if k+1 < len(t.segs) {
				pend = t.segs[k+1].textStart
			}
			stop := min(vend, pend)
			if stop <= v {
				stop = vend
			}
			at := g.textStart + (v - g.srcStart)
			if piece.verbatim {
				s := piece.srcStart + (v - piece.textStart)
				out = append(out, segment{textStart: at, srcStart: s, srcEnd: s + (stop - v), verbatim: true})
			} else {
				out = append(out, segment{textStart: at, srcStart: piece.srcStart, srcEnd: piece.srcEnd})
			}
			v = stop
		}
	}
	b.segs = out
	return b
}

// Rebase says where the document's bytes start in a larger file (a feed),
// so positions count from the file's start. Comments already read are
// placed again.
func (d *Document) Rebase(origin Position) {
	if origin.Line < 1 {
		origin.Line = 1
	}
	if origin.Column < 1 {
		origin.Column = 1
	}
	if origin.ByteColumn < 1 {
		origin.ByteColumn = 1
	}
	local := make([][2]int, len(d.Comments))
	for i, c := range d.Comments {
		local[i] = [2]int{c.Start.Offset - d.origin.Offset, c.End.Offset - d.origin.Offset}
	}
	d.origin = origin
	for i := range d.Comments {
		d.Comments[i].Start, d.Comments[i].End = d.Position(local[i][0]), d.Position(local[i][1])
	}
}

// Shift returns a copy whose map points n bytes further into the source:
// a field read from one row of a multi-row record.
func (t *SourceText) Shift(n int) *SourceText {
	out := &SourceText{buf: t.buf, segs: make([]segment, len(t.segs))}
	for i, g := range t.segs {
		g.srcStart += n
		g.srcEnd += n
		out.segs[i] = g
	}
	return out
}

// ReadJSONRecord reads a JSON product record (one line of a JSON Lines
// feed) whose positions are positions in the feed.
func (r *Reader) ReadJSONRecord(rec Record) (*Document, error) {
	doc, err := r.ReadJSON(rec.Source, rec.Raw)
	if err != nil {
		return nil, err
	}
	if rec.Format != "" {
		doc.Format = rec.Format
	}
	doc.Rebase(rec.Origin)
	return doc, nil
}

// ContentHash names the document's bytes (SHA-256, hex), so an audit can
// tell a changed listing from one that was only fetched again.
func (d *Document) ContentHash() string {
	sum := sha256.Sum256(d.src)
	return hex.EncodeToString(sum[:])
}
