package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Loc is one <loc> of a sitemap: a page, or in a sitemap index another
// sitemap. Err is set for a <loc> that is not an http(s) URL.
type Loc struct {
	URL     string
	Sitemap bool // listed in a <sitemapindex>
	Line    int
	Err     error
}

// maxLocBytes bounds one <loc>; the protocol allows 2,048 characters.
const maxLocBytes = 8 << 10

// ParseSitemap streams the <loc>s of a sitemap (urlset) or sitemap index,
// gzip-compressed or not; a plain-text sitemap (one URL a line) is read
// too. Entities in <loc> (&amp;) are decoded. base resolves relative
// locations, which the protocol forbids but sites write. It returns an
// error when the file is not a sitemap or its XML breaks off; the <loc>s
// before the break have been handed to fn.
func ParseSitemap(r io.Reader, base string, fn func(Loc) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("sitemap: %w", err)
		}
		defer func() { _ = zr.Close() }()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	baseURL, _ := url.Parse(base)
	if len(head) > 0 && head[0] != '<' {
		return parseTextSitemap(br, baseURL, fn)
	}
	d := xml.NewDecoder(br)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var (
		index, inLoc, root bool
		loc                strings.Builder
		locLine            int
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if !root {
				return errors.New("not a sitemap: no <urlset> or <sitemapindex>")
			}
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return fmt.Errorf("sitemap XML breaks off at line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sitemapindex":
				index, root = true, true
			case "urlset":
				root = true
			case "loc":
				inLoc = true
				loc.Reset()
				locLine, _ = d.InputPos()
			}
		case xml.CharData:
			if inLoc && loc.Len() < maxLocBytes {
				loc.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local != "loc" || !inLoc {
				continue
			}
			inLoc = false
			if err := fn(makeLoc(strings.TrimSpace(loc.String()), baseURL, index, locLine)); err != nil {
				return err
			}
		}
	}
}

func parseTextSitemap(r io.Reader, base *url.URL, fn func(Loc) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLocBytes)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(makeLoc(s, base, false, line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("sitemap line %d: %w", line+1, err)
	}
	return nil
}

func makeLoc(s string, base *url.URL, sitemap bool, line int) Loc {
	l := Loc{URL: s, Sitemap: sitemap, Line: line}
	u, err := url.Parse(s)
	if err == nil && base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
		l.URL = u.String()
	}
	switch {
	case s == "":
		l.Err = fmt.Errorf("line %d: empty <loc>", line)
	case err != nil:
		l.Err = fmt.Errorf("line %d: bad URL %q: %w", line, s, err)
	case u.Scheme != "http" && u.Scheme != "https":
		l.Err = fmt.Errorf("line %d: %q is not an http(s) URL", line, s)
	}
	return l
}
