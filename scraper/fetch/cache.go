package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// cacheEntry is one stored response, as JSON in CacheDir. The body is kept
// already converted to UTF-8, with the charset it came from.
type cacheEntry struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	StatusCode   int    `json:"status"`
	ContentType  string `json:"content_type"`
	Charset      string `json:"charset"`
	CharsetNote  string `json:"charset_note,omitempty"`
	Body         []byte `json:"body"`
}

func (e *cacheEntry) conditional() http.Header {
	h := http.Header{}
	if e.ETag != "" {
		h.Set("If-None-Match", e.ETag)
	}
	if e.LastModified != "" {
		h.Set("If-Modified-Since", e.LastModified)
	}
	return h
}

func (e *cacheEntry) response() *Response {
	return &Response{
		StatusCode:  e.StatusCode,
		ContentType: e.ContentType,
		Charset:     e.Charset,
		CharsetNote: e.CharsetNote,
		Body:        e.Body,
		FromCache:   true,
	}
}

func (f *Fetcher) cachePath(u *url.URL) string {
	sum := sha256.Sum256([]byte(u.String()))
	return filepath.Join(f.o.CacheDir, hex.EncodeToString(sum[:])+".json")
}

// cacheLoad returns the stored entry for u, or nil. The cache is an
// optimisation: an unreadable or corrupt file is treated as a miss, never
// as a failure of the fetch.
func (f *Fetcher) cacheLoad(u *url.URL) *cacheEntry {
	if f.o.CacheDir == "" {
		return nil
	}
	b, err := os.ReadFile(f.cachePath(u))
	if err != nil {
		return nil
	}
	var e cacheEntry
	if json.Unmarshal(b, &e) != nil || e.URL != u.String() || (e.ETag == "" && e.LastModified == "") {
		return nil
	}
	return &e
}

// cacheStore keeps res if the server gave us a way to revalidate it. Like
// cacheLoad it is best effort: a read-only or full disk only costs speed.
func (f *Fetcher) cacheStore(u *url.URL, h http.Header, res *Response) {
	if f.o.CacheDir == "" {
		return
	}
	e := cacheEntry{
		URL:          u.String(),
		ETag:         h.Get("ETag"),
		LastModified: h.Get("Last-Modified"),
		StatusCode:   res.StatusCode,
		ContentType:  res.ContentType,
		Charset:      res.Charset,
		CharsetNote:  res.CharsetNote,
		Body:         res.Body,
	}
	if e.ETag == "" && e.LastModified == "" {
		return
	}
	if strings.Contains(strings.ToLower(h.Get("Cache-Control")), "no-store") {
		return
	}
	b, err := json.Marshal(&e)
	if err != nil {
		return
	}
	if os.MkdirAll(f.o.CacheDir, 0o755) != nil {
		return
	}
	// Write then rename, so a concurrent reader sees the old file or the
	// new one, never half of one.
	tmp, err := os.CreateTemp(f.o.CacheDir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), f.cachePath(u)) != nil {
		_ = os.Remove(tmp.Name())
	}
}
