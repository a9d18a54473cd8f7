package feed

import (
	"errors"
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// A table feed (Merchant Center TSV, Shopify's product CSV, a generic
// product CSV) is read by rowScanner rather than encoding/csv, which keeps
// neither the raw bytes of a row nor the place of each field in them, and
// cannot recover from a quote that is never closed: here such a row is one
// error and reading goes on at the next line.

// maxRowBytes bounds one row: a quoted field that runs on past it is taken
// to be an unclosed quote.
const maxRowBytes = 8 << 20

// errUnclosedQuote is a row whose quoted field never ends.
var errUnclosedQuote = errors.New("a quoted field is never closed")

// row is one table row: its bytes and fields, each decoded with a map back
// into those bytes.
type row struct {
	raw    []byte
	offset int64 // stream offset of raw[0]
	line   int   // 1-based line of raw[0]
	fields []*scraper.SourceText
}

// rowScanner splits a stream into rows of sep-separated fields with
// RFC 4180 quoting; a quote inside an unquoted field is kept as text.
type rowScanner struct {
	w   *window
	sep byte
}

// next returns the next row, or io.EOF at the end. A broken row comes back
// with its line and an error; the scanner has already moved past it.
func (s *rowScanner) next() (*row, error) {
	w := s.w
	w.ensure(1)
	if len(w.buf) == 0 {
		if w.err != nil {
			return nil, w.err
		}
		return nil, errEOF
	}
	line, offset := w.lineAt(0), w.base
	var fields []*scraper.SourceText
	cur := &scraper.SourceText{}
	i := 0
	for {
		w.ensure(i + 2)
		if i >= len(w.buf) { // end of stream ends the row
			fields = append(fields, cur)
			break
		}
		c := w.buf[i]
		if c == '"' && fieldStart(w.buf, i, s.sep) {
			end, err := s.quoted(cur, i)
			if err != nil {
				return s.skipBroken(line, offset, err)
			}
			i = end
			continue
		}
		if c == s.sep {
			fields = append(fields, cur)
			cur = &scraper.SourceText{}
			i++
			continue
		}
		if c == '\n' || c == '\r' {
			fields = append(fields, cur)
			i++
			if c == '\r' && i < len(w.buf) && w.buf[i] == '\n' {
				i++
			}
			break
		}
		j := i + 1
		for j < len(w.buf) && w.buf[j] != s.sep && w.buf[j] != '\n' && w.buf[j] != '\r' && w.buf[j] != '"' {
			j++
		}
		cur.Verbatim(w.buf[i:j], i)
		i = j
	}
	r := &row{raw: append([]byte(nil), w.buf[:i]...), offset: offset, line: line, fields: fields}
	w.consume(i)
	return r, nil
}

// fieldStart reports whether i opens a field: a quote there starts a
// quoted field, anywhere else it is a literal quote.
func fieldStart(b []byte, i int, sep byte) bool {
	return i == 0 || b[i-1] == sep || b[i-1] == '\n' || b[i-1] == '\r'
}

// quoted decodes the quoted field opening at i and returns the index after
// its closing quote.
func (s *rowScanner) quoted(cur *scraper.SourceText, i int) (int, error) {
	w := s.w
	j := i + 1
	for {
		w.ensure(j + 2)
		if j >= len(w.buf) {
			return 0, errUnclosedQuote
		}
		if j > maxRowBytes {
			return 0, fmt.Errorf("%w within %d MiB", errUnclosedQuote, maxRowBytes>>20)
		}
		c := w.buf[j]
		if c == '"' {
			if j+1 < len(w.buf) && w.buf[j+1] == '"' {
				cur.Atomic(`"`, j, j+2)
				j += 2
				continue
			}
			return j + 1, nil
		}
		k := j + 1
		for k < len(w.buf) && w.buf[k] != '"' {
			k++
		}
		cur.Verbatim(w.buf[j:k], j)
		j = k
	}
}

// skipBroken reports a broken row and moves past its first line, so the
// rows after it are read.
func (s *rowScanner) skipBroken(line int, offset int64, err error) (*row, error) {
	w := s.w
	i := 0
	for i < len(w.buf) && w.buf[i] != '\n' && w.buf[i] != '\r' {
		i++
	}
	if i < len(w.buf) {
		i++
		if w.buf[i-1] == '\r' && i < len(w.buf) && w.buf[i] == '\n' {
			i++
		}
	}
	w.consume(i)
	return &row{offset: offset, line: line}, err
}

// blank reports a row with no text at all (a trailing empty line).
func (r *row) blank() bool {
	for _, f := range r.fields {
		if f.Len() > 0 {
			return false
		}
	}
	return true
}
