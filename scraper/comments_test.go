package scraper

import (
	"testing"
)

func TestComments(t *testing.T) {
	r := NewReader()
	for _, tc := range []struct {
		format, src string
		want        []Comment
	}{
		{"html", "<p>a</p>\n<!-- exolint-disable x -- y -->\n<p>b</p>",
			[]Comment{{Text: " exolint-disable x -- y ", Start: Position{Offset: 9, Line: 2, Column: 1, ByteColumn: 1}, End: Position{Offset: 40, Line: 2, Column: 32, ByteColumn: 32}}}},
		{"markdown", "Café <!-- a -->\n\n```\n<!-- no -->\n```\n<!-- b\nc --> <!-- d -->\n",
			[]Comment{
				{Text: " a ", Start: Position{Offset: 6, Line: 1, Column: 6, ByteColumn: 7}, End: Position{Offset: 16, Line: 1, Column: 16, ByteColumn: 17}},
				{Text: " b\nc ", Start: Position{Offset: 38, Line: 6, Column: 1, ByteColumn: 1}, End: Position{Offset: 50, Line: 7, Column: 6, ByteColumn: 6}},
				{Text: " d ", Start: Position{Offset: 51, Line: 7, Column: 7, ByteColumn: 7}, End: Position{Offset: 61, Line: 7, Column: 17, ByteColumn: 17}},
			}},
		{"text", "#1 serum\nCures acne. # exolint-disable-line x -- y\n// exolint-disable-next-line z -- w\n",
			[]Comment{
				{Text: "exolint-disable-line x -- y", Start: Position{Offset: 21, Line: 2, Column: 13, ByteColumn: 13}, End: Position{Offset: 50, Line: 2, Column: 42, ByteColumn: 42}},
				{Text: "exolint-disable-next-line z -- w", Start: Position{Offset: 51, Line: 3, Column: 1, ByteColumn: 1}, End: Position{Offset: 86, Line: 3, Column: 36, ByteColumn: 36}},
			}},
	} {
		doc, err := r.Read("x", []byte(tc.src), tc.format)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Comments) != len(tc.want) {
			t.Fatalf("%s: got %+v", tc.format, doc.Comments)
		}
		for i, c := range doc.Comments {
			if c != tc.want[i] {
				t.Errorf("%s comment %d: got %+v, want %+v", tc.format, i, c, tc.want[i])
			}
		}
		if tc.format == "text" {
			for _, b := range doc.Blocks {
				if b.Text == "Cures acne." {
					return
				}
			}
			t.Errorf("text directive not cut from copy: %+v", doc.Blocks)
		}
	}
}
