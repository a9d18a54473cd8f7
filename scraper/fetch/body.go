package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/exolint/exolint/scraper/textenc"
)

// checkMediaType accepts the media types exolint can read. A switch rather
// than a map keeps the list immutable without a package-level variable.
func checkMediaType(mt string) error {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
		"application/json", "application/ld+json":
		return nil
	}
	return fmt.Errorf("%w %q (exolint reads HTML, XHTML, plain text, Markdown and JSON)", ErrUnsupportedContentType, mt)
}

// mediaType returns the lower-case media type of a Content-Type header
// value, or "" if there is none.
func mediaType(header string) string {
	if strings.TrimSpace(header) == "" {
		return ""
	}
	if mt, _, err := mime.ParseMediaType(header); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(header, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// readError marks a failure of the connection while reading a body, so the
// caller classifies it like a transport error (and may retry).
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// capReader fails once more than max bytes have come through it.
type capReader struct {
	r        io.Reader
	n, max   int64
	exceeded error
}

func (c *capReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n, c.exceeded
	}
	return n, err
}

// readBody reads the body, decompressing gzip itself so that limit applies
// to the bytes we actually hold in memory: a small gzip bomb is refused
// with ErrTooLarge, as is an oversized compressed stream. With truncate
// (robots.txt, where RFC 9309 says to ignore what is past the limit) the
// first limit bytes are returned instead.
func readBody(resp *http.Response, limit int64, truncate bool) ([]byte, error) {
	tooLarge := fmt.Errorf("%w (over the %s limit)", ErrTooLarge, byteSize(limit))
	var r io.Reader = &bodyReader{r: resp.Body}
	gzipped := false
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		if resp.ContentLength > limit && !truncate {
			return nil, fmt.Errorf("%w (%s, over the %s limit)", ErrTooLarge, byteSize(resp.ContentLength), byteSize(limit))
		}
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(&capReader{r: r, max: limit, exceeded: tooLarge})
		if err != nil {
			return nil, gzipError(err)
		}
		// Close only releases the decoder; a corrupt stream is already
		// reported by Read.
		defer func() { _ = zr.Close() }()
		r, gzipped = zr, true
		tooLarge = fmt.Errorf("%w (over the %s limit after gzip decompression)", ErrTooLarge, byteSize(limit))
	default:
		return nil, fmt.Errorf("%w %q", ErrUnsupportedEncoding, enc)
	}
	b, err := io.ReadAll(&capReader{r: r, max: limit, exceeded: tooLarge})
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			if truncate {
				return b[:min(int64(len(b)), limit)], nil
			}
			return nil, err
		}
		if gzipped {
			return nil, gzipError(err)
		}
		return nil, err
	}
	return b, nil
}

// bodyReader tags errors coming from the connection, as opposed to errors
// from the gzip decoder or our own limits.
type bodyReader struct{ r io.Reader }

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		err = &readError{err: err}
	}
	return n, err
}

// gzipError names gzip in every failure of the decoder: a bad header, a bad
// checksum, a truncated stream, and the deflate layer's own errors (whose
// text, "flate: corrupt input before offset 1", says nothing of gzip).
// Failures of the connection and our size limit pass through unchanged.
func gzipError(err error) error {
	var re *readError
	if errors.As(err, &re) || errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("corrupt gzip body: %w", err)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// toUTF8 converts body to UTF-8 and returns the name of the charset it was
// converted from, and a note when the declared charset was wrong. The order
// follows the WHATWG encoding sniffing algorithm: a byte order mark beats
// the Content-Type header (a file that starts with a BOM was saved in that
// encoding whatever the server claims), the header beats <meta>. Unlike a
// browser, bytes that are not valid in the declared charset are not read as
// garbage: textenc recognises the charset they are in, or the page fails
// with a one-line reason.
func toUTF8(body []byte, contentType, media string) ([]byte, string, string, error) {
	if enc, name, bom := bomCharset(body); enc != nil {
		out, err := enc.NewDecoder().Bytes(body[bom:])
		if err != nil || !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
		return out, name, "", nil
	}
	res, err := textenc.Decode(body, textenc.Declared(body, contentType, media == "text/html" || media == "application/xhtml+xml"))
	if err != nil {
		return nil, "", "", err
	}
	return res.Text, res.Charset, res.Note, nil
}

// bomCharset recognises a byte order mark.
func bomCharset(body []byte) (enc encoding.Encoding, name string, bom int) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		enc, name = charset.Lookup("utf-8")
		return enc, name, 3
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		enc, name = charset.Lookup("utf-16be")
		return enc, name, 2
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		enc, name = charset.Lookup("utf-16le")
		return enc, name, 2
	}
	return nil, "", 0
}
