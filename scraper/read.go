package scraper

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/exolint/exolint/scraper/textenc"
)

// Errors a reader returns for input it cannot lint. Each reads well as a
// one-line reason for the user.
var (
	ErrBinary      = errors.New("binary file, not text")
	ErrInvalidUTF8 = errors.New("not valid UTF-8")
	ErrFormat      = errors.New("unknown input format")
)

// Formats the readers accept.
const (
	FormatHTML     = "html"
	FormatMarkdown = "markdown"
	FormatText     = "text"
)

// FormatFor maps a file name to a format by its extension, or "" when the
// extension is not one exolint reads.
func FormatFor(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".txt", ".text":
		return FormatText
	case ".json":
		return FormatJSON
	}
	return ""
}

// ParseFormat accepts the names users type for --stdin-format.
func ParseFormat(s string) (string, error) {
	switch strings.ToLower(s) {
	case "html", "htm":
		return FormatHTML, nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "json":
		return FormatJSON, nil
	case "jsonl", "ndjson":
		return FormatJSONLines, nil
	case "", "auto":
		return "", nil
	}
	return "", fmt.Errorf("%w %q (want html, md, text, json or jsonl)", ErrFormat, s)
}

// Sniff guesses the format of unnamed input such as stdin.
func Sniff(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if t := bytes.TrimSpace(head); len(t) > 0 && t[0] == '{' && json.Valid(bytes.TrimSpace(data)) {
		return FormatJSON
	}
	lower := bytes.ToLower(bytes.TrimSpace(head))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<p>")) || bytes.Contains(lower, []byte("<div")) {
		return FormatHTML
	}
	for _, ln := range bytes.Split(head, []byte("\n")) {
		t := bytes.TrimSpace(ln)
		if bytes.HasPrefix(t, []byte("# ")) || bytes.HasPrefix(t, []byte("## ")) || bytes.Contains(t, []byte("**")) ||
			bytes.Contains(t, []byte("](")) {
			return FormatMarkdown
		}
	}
	return FormatText
}

// Decode checks that data is text and returns it as UTF-8. A byte-order
// mark or, for HTML, a declared charset (<meta charset>) is honoured; bytes
// that are not valid in the declared charset (or, undeclared, not UTF-8) are
// read in the charset they are written in when one fits (see Decoded, which
// also says so); otherwise the input is refused with the place of the first
// bad byte.
func Decode(data []byte, format, contentType string) ([]byte, error) {
	text, _, err := Decoded(data, format, contentType)
	return text, err
}

// Decoded is Decode that also returns a note for the document when the
// charset was not the declared one.
func Decoded(data []byte, format, contentType string) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return nil, "", fmt.Errorf("%w: bad UTF-16: %w", ErrInvalidUTF8, err)
		}
		return out, "", nil
	}
	if looksBinary(data) {
		return nil, "", ErrBinary
	}
	if utf8.Valid(data) {
		// Valid UTF-8 is what it is, whatever a <meta> says (a fetched
		// page arrives here already converted, its <meta> unchanged).
		return data, "", nil
	}
	declared := textenc.Declared(data, contentType, format == FormatHTML)
	res, err := textenc.Decode(data, declared)
	if err == nil && res.Repaired == 0 {
		return res.Text, res.Note, nil
	}
	// No charset fits: a file can be fixed by whoever has it, so point at
	// the first bad byte rather than lint a repaired copy.
	if declared != "" && declared != "utf-8" {
		return nil, "", fmt.Errorf("%w: not valid %s as declared, and no other charset fits; save it as UTF-8", ErrInvalidUTF8, declared)
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		bad += size
	}
	doc := newDocument("", "", data)
	p := doc.Position(bad)
	return nil, "", fmt.Errorf("%w (byte 0x%02x at line %d, column %d); save it as UTF-8 or declare its charset", ErrInvalidUTF8, data[min(bad, len(data)-1)], p.Line, p.Column)
}

// withLists finds the ingredient lists of a document read without sections
// (HTML does this while reading, with its labelled sections).
func (r *Reader) withLists(doc *Document) *Document {
	doc.Blocks = r.findLists(doc, doc.Blocks)
	return doc
}

// Read decodes data and reads it in the given format ("" to sniff).
func (r *Reader) Read(source string, data []byte, format string) (*Document, error) {
	if format == "" {
		format = Sniff(data)
	}
	src, note, err := Decoded(data, format, "")
	if err != nil {
		return nil, err
	}
	doc, err := r.read(source, src, format)
	if doc != nil && note != "" {
		doc.Notes = append(doc.Notes, note)
	}
	if doc != nil && bytes.HasPrefix(data, []byte(utf8BOM)) {
		// Byte columns count the file's bytes, the stripped mark too.
		doc.bomBytes = len(utf8BOM)
	}
	return doc, err
}

// utf8BOM is the UTF-8 byte-order mark.
const utf8BOM = "\xEF\xBB\xBF"

func (r *Reader) read(source string, src []byte, format string) (*Document, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		doc := newDocument(source, format, src)
		doc.Notes = append(doc.Notes, "empty input: nothing to lint")
		return doc, nil
	}
	switch format {
	case FormatHTML:
		return r.ReadHTML(source, src), nil
	case FormatMarkdown:
		return r.withLists(r.ReadMarkdown(source, src)), nil
	case FormatText:
		return r.withLists(r.ReadText(source, src)), nil
	case FormatJSON:
		doc, err := r.ReadJSON(source, src)
		if err != nil {
			return nil, err
		}
		return r.withLists(doc), nil
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, format)
}
