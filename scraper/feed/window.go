package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// window is a sliding view of a stream: it reads ahead as a parser asks,
// and forgets what the parser has consumed, so a feed of any size is read
// with memory for one record. It counts line breaks in what it forgets,
// so every kept byte still has a line number.
type window struct {
	r     io.Reader
	buf   []byte
	base  int64 // stream offset of buf[0]
	lines int   // line breaks before buf[0]
	eof   bool
	err   error // a read error other than EOF
}

const readChunk = 64 << 10

func newWindow(r io.Reader) *window { return &window{r: r} }

// fill reads one more chunk; it reports false at the end of the stream.
func (w *window) fill() bool {
	if w.eof || w.err != nil {
		return false
	}
	if cap(w.buf)-len(w.buf) < readChunk {
		nb := make([]byte, len(w.buf), 2*cap(w.buf)+readChunk)
		copy(nb, w.buf)
		w.buf = nb
	}
	n, err := w.r.Read(w.buf[len(w.buf):cap(w.buf)])
	w.buf = w.buf[:len(w.buf)+n]
	switch {
	case errors.Is(err, io.EOF):
		w.eof = true
	case err != nil:
		w.err = fmt.Errorf("read: %w", err)
	}
	return n > 0 || (!w.eof && w.err == nil)
}

// ensure makes at least n bytes available from the start of the window,
// as far as the stream has them.
func (w *window) ensure(n int) {
	for len(w.buf) < n && w.fill() {
	}
}

// index finds pat at or after from (an index into the window), reading
// ahead while it is not found, up to limit bytes in the window. It
// returns -1 when the stream ends or the limit is reached first.
func (w *window) index(pat []byte, from, limit int) int {
	for {
		if from < len(w.buf) {
			if i := bytes.Index(w.buf[from:], pat); i >= 0 {
				return from + i
			}
		}
		if len(w.buf) >= limit {
			return -1
		}
		// Keep the tail that may hold the start of pat.
		from = max(0, len(w.buf)-len(pat)+1, from)
		if !w.fill() {
			if from < len(w.buf) {
				if i := bytes.Index(w.buf[from:], pat); i >= 0 {
					return from + i
				}
			}
			return -1
		}
	}
}

// consume forgets the first n bytes.
func (w *window) consume(n int) {
	n = min(n, len(w.buf))
	w.lines += countBreaks(w.buf[:n], w.nextAfter(n))
	w.base += int64(n)
	k := copy(w.buf, w.buf[n:])
	w.buf = w.buf[:k]
}

// nextAfter is the byte after the first n, or 0 when not read yet.
func (w *window) nextAfter(n int) byte {
	if n < len(w.buf) {
		return w.buf[n]
	}
	return 0
}

// lineAt is the 1-based line of window index i.
func (w *window) lineAt(i int) int {
	return w.lines + countBreaks(w.buf[:i], w.nextAfter(i)) + 1
}

// lineStart is the index of the start of the line holding i, not before 0.
func (w *window) lineStart(i int) int {
	for i > 0 && w.buf[i-1] != '\n' && w.buf[i-1] != '\r' {
		i--
	}
	return i
}

// countBreaks counts line ends in b the way scraper.Document does: "\n",
// "\r\n" and a lone "\r" are one each. next is the byte after b, so a
// "\r" at the end of b is not counted twice when "\n" follows.
func countBreaks(b []byte, next byte) int {
	n := bytes.Count(b, []byte{'\n'})
	if bytes.IndexByte(b, '\r') < 0 {
		return n
	}
	for i, c := range b {
		if c != '\r' {
			continue
		}
		following := next
		if i+1 < len(b) {
			following = b[i+1]
		}
		if following != '\n' {
			n++
		}
	}
	return n
}
