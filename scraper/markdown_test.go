package scraper

import (
	"strings"
	"testing"
)

// blockTexts lists a document's blocks as "kind: text".
func blockTexts(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, string(b.Kind)+": "+b.Text)
	}
	return out
}

// TestMarkdownCommonMark covers what the hand-written reader got wrong and
// goldmark gets right: each case lists every block, in order, and where
// one piece of text sits in the source.
func TestMarkdownCommonMark(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []string
		text   string // located in the blocks
		line   int
		column int
	}{
		{
			name:   "reference link",
			src:    "See [our exosome study][1] for details.\n\n[1]: https://lab.example/study \"Study\"\n",
			blocks: []string{"paragraph: See our exosome study for details."},
			text:   "exosome study", line: 1, column: 10,
		},
		{
			name:   "collapsed and shortcut references",
			src:    "Read [the study][] or [lab].\n\n[the study]: /s\n[lab]: /l\n",
			blocks: []string{"paragraph: Read the study or lab."},
			text:   "lab", line: 1, column: 24,
		},
		{
			name:   "undefined reference stays as written",
			src:    "Footnote [1] here.\n",
			blocks: []string{"paragraph: Footnote [1] here."},
			text:   "[1]", line: 1, column: 10,
		},
		{
			name:   "table with markup and an escaped pipe",
			src:    "| Claim | Note |\n|---|:---:|\n| **Rose** exosomes | a \\| b |\n",
			blocks: []string{"table-cell: Claim", "table-cell: Note", "table-cell: Rose exosomes", "table-cell: a | b"},
			text:   "a | b", line: 3, column: 23,
		},
		{
			name:   "nested and loose lists",
			src:    "1. First item\n\n   More about the first\n   - Nested exosome point\n2. Second\n",
			blocks: []string{"list-item: First item", "list-item: More about the first", "list-item: Nested exosome point", "list-item: Second"},
			text:   "Nested exosome", line: 4, column: 6,
		},
		{
			name:   "quote holding a list",
			src:    "> Customer said:\n> - healed my *scar*\n",
			blocks: []string{"quote: Customer said:", "list-item: healed my scar"},
			text:   "scar", line: 2, column: 16,
		},
		{
			name:   "HTML block read as HTML",
			src:    "Intro.\n\n<details>\n<summary>Ingredients</summary>\n<p>Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles</p>\n</details>\n\nAfter.\n",
			blocks: []string{"paragraph: Intro.", "heading: Ingredients", "ingredients: Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles", "paragraph: After."},
			text:   "Rosa Damascena", line: 5, column: 21,
		},
		{
			name:   "code spans are kept literally, code blocks dropped",
			src:    "Type `a & b` or ``x ` y``.\n\n    exosomes cure acne\n\n```\nmore code\n```\n",
			blocks: []string{"paragraph: Type a & b or x ` y."},
			text:   "x ` y", line: 1, column: 19,
		},
		{
			name:   "escapes and character references",
			src:    "Rose \\*not emphasis\\* &amp; caf&eacute; &#x2014; done\n",
			blocks: []string{"paragraph: Rose *not emphasis* & café — done"},
			text:   "café", line: 1, column: 29,
		},
		{
			name:   "images keep alt text, autolinks and destinations dropped",
			src:    "![Rose serum](img.png \"t\") at <https://shop.example/exosome> and [shop](https://shop.example/x).\n",
			blocks: []string{"paragraph: Rose serum at and shop."},
			text:   "shop.", line: 1, column: 67,
		},
		{
			name:   "inline HTML and hard breaks",
			src:    "Rose<br>exosomes  \nnext line\\\nlast <b>bold</b>\n",
			blocks: []string{"paragraph: Rose exosomes next line last bold"},
			text:   "last bold", line: 3, column: 1,
		},
		{
			name:   "setext headings and the ingredients section",
			src:    "Rose Serum\n==========\n\nIngredients\n-----------\n\n- Water\n- Rose Exosomes\n\nUsage\n-----\nApply daily.\n",
			blocks: []string{"product-name: Rose Serum", "heading: Ingredients", "ingredients: Water\nRose Exosomes", "heading: Usage", "paragraph: Apply daily."},
			text:   "Rose Exosomes", line: 8, column: 3,
		},
		{
			name:   "task list and strikethrough",
			src:    "- [x] ~~Miracle~~ gentle serum\n",
			blocks: []string{"list-item: Miracle gentle serum"},
			text:   "gentle", line: 1, column: 19,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := NewReader().ReadMarkdown("t.md", []byte(tt.src))
			checkMapping(t, doc, []byte(tt.src))
			if got := blockTexts(doc); strings.Join(got, "|") != strings.Join(tt.blocks, "|") {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.blocks)
			}
			if p := at(t, doc, tt.text); p.Line != tt.line || p.Column != tt.column {
				t.Errorf("%q at %d:%d, want %d:%d", tt.text, p.Line, p.Column, tt.line, tt.column)
			}
		})
	}
}

func TestMarkdownCommentsOutsideCode(t *testing.T) {
	src := "Use `<!-- exolint-disable -->` in copy.\n\n    <!-- indented code -->\n\nReal <!-- exolint-disable-line hype-wording -- quoted --> line.\n"
	doc := NewReader().ReadMarkdown("t.md", []byte(src))
	if len(doc.Comments) != 1 || doc.Comments[0].Text != " exolint-disable-line hype-wording -- quoted " || doc.Comments[0].Start.Line != 5 {
		t.Errorf("comments = %+v, want only the one on line 5", doc.Comments)
	}
	if got := blockTexts(doc); strings.Join(got, "|") != "paragraph: Use <!-- exolint-disable --> in copy.|paragraph: Real line." {
		t.Errorf("blocks = %q", got)
	}
}
