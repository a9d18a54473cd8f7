package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// googleNS is the Merchant Center namespace the g: prefix stands for.
const googleNS = "http://base.google.com/ns/1.0"

// A Merchant Center XML feed is cut into items by their tags (<item> in
// RSS 2.0, <entry> in Atom) and each item is decoded on its own, so a
// malformed item is one error and the decoder never loses its place in
// the rest of the feed.

// readXML reads an RSS 2.0 or Atom Merchant Center feed.
func (f *Feed) readXML(w *window, fn func(Item) error) error {
	w.ensure(64 << 10)
	tag := "item"
	if bytes.Contains(w.buf, []byte("<feed")) && !bytes.Contains(w.buf, []byte("<rss")) {
		tag = "entry"
	}
	if !bytes.Contains(w.buf, []byte("<rss")) && !bytes.Contains(w.buf, []byte("<feed")) && !bytes.Contains(w.buf, []byte("<channel")) {
		return fmt.Errorf("%s: %w: XML without <rss>, <channel> or <feed>", f.Source, ErrNotFeed)
	}
	open, closing := []byte("<"+tag), []byte("</"+tag+">")
	for {
		i := w.seekTag(open)
		if i < 0 {
			return w.err
		}
		line := w.lineAt(i)
		j := w.index(closing, i, i+maxRecordBytes)
		if j < 0 {
			reason := fmt.Errorf("<%s> is not closed before the end of the feed", tag)
			if !w.eof {
				reason = fmt.Errorf("<%s> is not closed within %d MiB", tag, maxRecordBytes>>20)
			}
			if err := f.emitErr(fn, line, reason); err != nil {
				return err
			}
			w.consume(i + len(open))
			continue
		}
		end := j + len(closing)
		// Start the record at its line's start when only indentation
		// comes before the tag, so its first line reads whole.
		ls := w.lineStart(i)
		start := ls
		origin := scraper.Position{Offset: int(w.base) + ls, Line: line, Column: 1, ByteColumn: 1}
		if len(bytes.TrimSpace(w.buf[ls:i])) > 0 {
			start = i
			origin = scraper.Position{Offset: int(w.base) + i, Line: line, Column: utf8.RuneCount(w.buf[ls:i]) + 1, ByteColumn: i - ls + 1}
		}
		raw := append([]byte(nil), w.buf[start:end]...)
		w.consume(end)
		err := f.emit(fn, line, func() (*scraper.Document, error) {
			rec, err := f.xmlRecord(raw, i-start, origin)
			if err != nil {
				return nil, err
			}
			return f.Reader.ReadRecord(rec), nil
		})
		if err != nil {
			return err
		}
	}
}

// seekTag finds the next "<tag" followed by a delimiter, forgetting the
// bytes before it that cannot hold one. It returns -1 at the end.
func (w *window) seekTag(open []byte) int {
	from := 0
	for {
		i := w.index(open, from, from+maxRecordBytes)
		if i < 0 {
			if w.eof || w.err != nil {
				w.consume(len(w.buf))
				return -1
			}
			// A long stretch without an item: forget it, keep a tail.
			keep := len(open)
			w.consume(len(w.buf) - keep)
			from = 0
			continue
		}
		w.ensure(i + len(open) + 1)
		if k := i + len(open); k < len(w.buf) && strings.IndexByte(" \t\r\n>/", w.buf[k]) >= 0 {
			return i
		}
		from = i + 1
	}
}

// xmlField is one child element of an item and where its content lies.
type xmlField struct {
	space, local string
	start, end   int // content bytes in the item
	href         string
	children     []xmlField
}

// xmlRecord decodes one item. at is where the item's tag starts in raw.
func (f *Feed) xmlRecord(raw []byte, at int, origin scraper.Position) (scraper.Record, error) {
	rec := scraper.Record{Source: f.Source, Format: f.format(FormatMerchantXML), Raw: raw, Origin: origin}
	fields, err := parseItem(raw[at:], at)
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return rec, fmt.Errorf("malformed XML at line %d: %s", origin.Line+se.Line-1, se.Msg)
		}
		return rec, fmt.Errorf("malformed XML: %w", err)
	}
	get := func(names ...string) *xmlField {
		// A g: field wins over a plain one of the same name (Atom's own
		// <id> is a URI, not the product's id).
		for _, n := range names {
			for k := range fields {
				if fields[k].local == n && isGoogle(fields[k].space) {
					return &fields[k]
				}
			}
		}
		for _, n := range names {
			for k := range fields {
				if fields[k].local == n {
					return &fields[k]
				}
			}
		}
		return nil
	}
	value := func(x *xmlField) *scraper.SourceText {
		if x == nil {
			return nil
		}
		return xmlText(raw, x.start, x.end)
	}
	str := func(names ...string) string {
		x := get(names...)
		if x == nil {
			return ""
		}
		if x.href != "" {
			return x.href
		}
		return text(value(x))
	}
	rec.Product = scraper.Product{ID: str("id"), Name: str("title"), Brand: str("brand"), URL: str("link"), GTIN: str("gtin"), SKU: str("mpn")}
	add := func(kind scraper.Kind, t *scraper.SourceText) {
		if t != nil && text(t) != "" {
			rec.Fields = append(rec.Fields, scraper.RecordField{Kind: kind, Text: t, HTML: looksHTML(t.String())})
		}
	}
	add(scraper.KindProductName, value(get("title")))
	add(scraper.KindParagraph, value(get("description", "summary", "content")))
	// Ingredients travel as a product detail: <g:product_detail> with
	// <g:attribute_name>Ingredients</g:attribute_name> and the list in
	// <g:attribute_value>.
	for _, x := range fields {
		if x.local != "product_detail" {
			continue
		}
		var name string
		var val *xmlField
		for k, c := range x.children {
			switch c.local {
			case "attribute_name":
				name = strings.ToLower(text(xmlText(raw, c.start, c.end)))
			case "attribute_value":
				val = &x.children[k]
			}
		}
		if val != nil && (strings.Contains(name, "ingredient") || strings.Contains(name, "inci")) {
			add(scraper.KindIngredients, value(val))
		}
	}
	for _, x := range fields {
		if strings.Contains(x.local, "ingredient") {
			add(scraper.KindIngredients, value(&x))
		}
	}
	return rec, nil
}

func isGoogle(space string) bool { return space == "g" || space == googleNS }

// parseItem returns the item's child elements (and their children) with
// the byte ranges of their content. base is added to every offset.
func parseItem(item []byte, base int) ([]xmlField, error) {
	d := xml.NewDecoder(bytes.NewReader(item))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var (
		out   []xmlField
		stack []*xmlField
		depth int
	)
	for {
		before := int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, errEOF) {
				return out, nil
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 || depth == 3 {
				x := xmlField{space: t.Name.Space, local: strings.ToLower(t.Name.Local), start: base + int(d.InputOffset())}
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						x.href = strings.TrimSpace(a.Value)
					}
				}
				if depth == 2 {
					out = append(out, x)
					stack = append(stack[:0], &out[len(out)-1])
				} else if len(stack) > 0 {
					p := stack[0]
					p.children = append(p.children, x)
				}
			}
		case xml.EndElement:
			switch {
			case depth == 2 && len(out) > 0:
				out[len(out)-1].end = base + before
			case depth == 3 && len(out) > 0:
				p := &out[len(out)-1]
				if n := len(p.children); n > 0 {
					p.children[n-1].end = base + before
				}
			}
			depth--
			if depth == 0 {
				return out, nil
			}
		}
	}
}

// xmlText decodes the character data of raw[start:end]: entities, CDATA
// sections, comments and nested tags, keeping the map back to raw.
func xmlText(raw []byte, start, end int) *scraper.SourceText {
	t := &scraper.SourceText{}
	if start < 0 || end > len(raw) || end < start {
		return t
	}
	i := start
	for i < end {
		c := raw[i]
		switch {
		case bytes.HasPrefix(raw[i:end], []byte("<![CDATA[")):
			k := bytes.Index(raw[i:end], []byte("]]>"))
			body := i + len("<![CDATA[")
			if k < 0 {
				t.Verbatim(raw[body:end], body)
				return t
			}
			t.Verbatim(raw[body:i+k], body)
			i += k + 3
		case bytes.HasPrefix(raw[i:end], []byte("<!--")):
			k := bytes.Index(raw[i:end], []byte("-->"))
			if k < 0 {
				return t
			}
			i += k + 3
		case c == '<':
			k := bytes.IndexByte(raw[i:end], '>')
			if k < 0 {
				t.Verbatim(raw[i:end], i)
				return t
			}
			t.Atomic(" ", i, i+k+1) // a nested tag separates words
			i += k + 1
		case c == '&':
			k := bytes.IndexByte(raw[i:min(end, i+40)], ';')
			if k > 1 {
				if dec := html.UnescapeString(string(raw[i : i+k+1])); dec != string(raw[i:i+k+1]) {
					t.Atomic(dec, i, i+k+1)
					i += k + 1
					continue
				}
			}
			t.Verbatim(raw[i:i+1], i)
			i++
		default:
			k := i + 1
			for k < end && raw[k] != '<' && raw[k] != '&' {
				k++
			}
			t.Verbatim(raw[i:k], i)
			i = k
		}
	}
	return t
}
