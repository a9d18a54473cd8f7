package scraper

import "testing"

// A UTF-8 byte-order mark is stripped from the text but still counted in
// line 1's byte columns (rdjsonl), and in no other column.
func TestBOMByteColumns(t *testing.T) {
	for _, format := range []string{FormatHTML, FormatMarkdown, FormatText} {
		src := "\xEF\xBB\xBFA miracle cream.\nA miracle again.\n"
		if format == FormatHTML {
			src = "\xEF\xBB\xBF<p>A miracle cream.</p>\n<p>A miracle again.</p>\n"
		}
		doc, err := NewReader().Read("x", []byte(src), format)
		if err != nil {
			t.Fatal(err)
		}
		line1 := doc.Position(0)
		if line1.ByteColumn != 4 || line1.Column != 1 || line1.Offset != 0 {
			t.Errorf("%s: line 1 start %+v, want byte column 4, column 1, offset 0", format, line1)
		}
		off := len(doc.Line(1)) + 1
		if line2 := doc.Position(off); line2.Line != 2 || line2.ByteColumn != 1 {
			t.Errorf("%s: line 2 start %+v, want byte column 1", format, line2)
		}
	}
}
