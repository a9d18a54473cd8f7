package scraper

import "bytes"

// ReadIngredients reads data as one ingredient list pasted on its own (an
// INCI field, not a page): the whole text is a single ingredient block,
// blank lines dropped, positions kept.
func (r *Reader) ReadIngredients(source string, data []byte) (*Document, error) {
	src, err := Decode(data, FormatText, "")
	if err != nil {
		return nil, err
	}
	doc := newDocument(source, FormatText, src)
	bb := newBlockBuilder(KindIngredients, RegionCopy)
	for _, ln := range splitLines(src) {
		if len(bytes.TrimSpace(ln.text)) == 0 {
			continue
		}
		if !bb.empty() {
			bb.separator("\n", ln.start)
		}
		bb.addText(ln.text, ln.start, false)
	}
	if bb.empty() {
		doc.Notes = append(doc.Notes, "empty input: nothing to lint")
		return doc, nil
	}
	doc.Blocks = []Block{bb.block()}
	return doc, nil
}
