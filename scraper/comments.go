package scraper

import (
	"bytes"
	"regexp"
	"strings"
)

// Comment is a comment in the source with its place. For HTML and Markdown
// Text is what stands between "<!--" and "-->"; for plain text it is the
// directive after "#" or "//". Start and End span the whole comment,
// delimiters included.
type Comment struct {
	Text       string
	Start, End Position
}

func (d *Document) addComment(text string, start, end int) {
	d.Comments = append(d.Comments, Comment{Text: text, Start: d.Position(start), End: d.Position(end)})
}

// markdownComments finds <!-- --> comments outside code (code blocks and
// code spans, given as sorted-or-not source ranges), including ones that
// span lines or end a line of copy. An unclosed comment runs to the end, as
// in HTML.
func markdownComments(doc *Document, code [][2]int) []Comment {
	var out []Comment
	src := doc.src
	inCode := func(off int) (int, bool) {
		for _, c := range code {
			if off >= c[0] && off < c[1] {
				return c[1], true
			}
		}
		return 0, false
	}
	for from := 0; from < len(src); {
		k := bytes.Index(src[from:], []byte("<!--"))
		if k < 0 {
			break
		}
		start := from + k
		if end, ok := inCode(start); ok {
			from = end
			continue
		}
		e := bytes.Index(src[start+4:], []byte("-->"))
		if e < 0 {
			out = append(out, Comment{Text: string(src[start+4:]), Start: doc.Position(start), End: doc.Position(len(src))})
			break
		}
		end := start + 4 + e + 3
		out = append(out, Comment{Text: string(src[start+4 : end-3]), Start: doc.Position(start), End: doc.Position(end)})
		from = end
	}
	return out
}

// textDirective returns a plain-text line without a trailing exolint
// directive ("# exolint-disable-line …" or "// exolint-…"), which it records
// as a comment. Other uses of # and // ("#1 serum", URLs) are copy and stay.
func (d *Document) textDirective(ln line) []byte {
	// Most lines carry no directive; skip the regexp for them.
	if !bytes.Contains(ln.text, []byte("exolint-")) {
		return ln.text
	}
	m := textDirectiveRE().FindSubmatchIndex(ln.text)
	if m == nil {
		return ln.text
	}
	start, body := m[2], m[4]
	d.addComment(strings.TrimRight(string(ln.text[body:]), " \t"), ln.start+start, ln.start+len(ln.text))
	return ln.text[:start]
}

func textDirectiveRE() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[ \t])((?:#|//)[ \t]*)(exolint-[a-z])`)
}
