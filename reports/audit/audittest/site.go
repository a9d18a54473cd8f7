// Package audittest serves shops for audit tests: several httptest
// servers on loopback (several hosts), each with product pages, a
// robots.txt that names its sitemap, and a sitemap (the first host's is
// gzip-compressed); the first host also serves a sitemap index over all
// of them. Servers count every request per path, and can hold requests
// at a gate so a test can stop a run midway without timing.
package audittest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
)

// Site is a set of shops on loopback.
type Site struct {
	Hosts []*httptest.Server
	Pages int // per host

	mu     sync.Mutex
	hits   map[string]int // "host/path" -> requests
	served atomic.Int64   // product pages served

	gateAt   atomic.Int64  // pages served before the gate closes; 0: never
	gate     chan struct{} // closed to let held requests through
	held     chan struct{} // a request is waiting at the gate
	heldOnce sync.Once

	// Version changes the copy of some pages, for diffs.
	version atomic.Int64

	// started is closed once every server has its address: a handler
	// reads the others' URLs, which Start writes.
	started chan struct{}
}

// New starts hosts servers with pages product pages each.
func New(hosts, pages int) *Site {
	s := &Site{Pages: pages, hits: map[string]int{}, gate: make(chan struct{}), held: make(chan struct{}), started: make(chan struct{})}
	// Every server exists before any serves: a handler reads the others'
	// addresses.
	for i := 0; i < hosts; i++ {
		host := i
		s.Hosts = append(s.Hosts, httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			<-s.started
			s.serve(host, w, r)
		})))
	}
	for _, h := range s.Hosts {
		h.Start()
	}
	close(s.started)
	return s
}

// Close stops the servers, letting held requests go first.
func (s *Site) Close() {
	s.Release()
	for _, h := range s.Hosts {
		h.Close()
	}
}

// HoldAfter makes product-page requests past the n-th wait at a gate
// until Release.
func (s *Site) HoldAfter(n int64) { s.gateAt.Store(n) }

// Held is closed once a request waits at the gate.
func (s *Site) Held() <-chan struct{} { return s.held }

// Release opens the gate.
func (s *Site) Release() {
	select {
	case <-s.gate:
	default:
		close(s.gate)
	}
}

// SetVersion changes the copy: version 1 edits every tenth page.
func (s *Site) SetVersion(v int64) { s.version.Store(v) }

// IndexURL is the sitemap index on the first host.
func (s *Site) IndexURL() string { return s.Hosts[0].URL + "/sitemap_index.xml" }

// PageURL is page n (1-based) of host h.
func (s *Site) PageURL(h, n int) string {
	return fmt.Sprintf("%s/products/p-%d-%d", s.Hosts[h].URL, h, n)
}

// Hits returns how often each product page was requested, by URL.
func (s *Site) Hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

// ResetHits forgets the counts.
func (s *Site) ResetHits() {
	s.mu.Lock()
	s.hits = map[string]int{}
	s.mu.Unlock()
}

func (s *Site) serve(host int, w http.ResponseWriter, r *http.Request) {
	base := s.Hosts[host].URL
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", base)
	case r.URL.Path == "/sitemap_index.xml":
		w.Header().Set("Content-Type", "application/xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i, h := range s.Hosts {
			name := "/sitemap.xml"
			if i == 0 {
				name = "/sitemap.xml.gz"
			}
			fmt.Fprintf(&b, "  <sitemap><loc>%s%s</loc></sitemap>\n", h.URL, name)
		}
		b.WriteString("</sitemapindex>\n")
		_, _ = w.Write([]byte(b.String()))
	case r.URL.Path == "/sitemap.xml" || r.URL.Path == "/sitemap.xml.gz":
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for n := 1; n <= s.Pages; n++ {
			// &amp; in <loc>: the query must come back decoded.
			fmt.Fprintf(&b, "  <url><loc>%s?ref=sitemap&amp;v=1</loc></url>\n", html.EscapeString(s.PageURL(host, n)))
		}
		b.WriteString("</urlset>\n")
		if strings.HasSuffix(r.URL.Path, ".gz") {
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			_, _ = zw.Write([]byte(b.String()))
			_ = zw.Close()
			w.Header().Set("Content-Type", "application/x-gzip")
			_, _ = w.Write(z.Bytes())
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		_, _ = w.Write([]byte(b.String()))
	case strings.HasPrefix(r.URL.Path, "/products/"):
		s.mu.Lock()
		s.hits[base+r.URL.Path]++
		s.mu.Unlock()
		if n, at := s.served.Add(1), s.gateAt.Load(); at > 0 && n > at {
			s.heldOnce.Do(func() { close(s.held) })
			<-s.gate
		}
		var h, n int
		_, _ = fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/products/"), "p-%d-%d", &h, &n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, Page(h, n, s.version.Load()))
	default:
		http.NotFound(w, r)
	}
}

// Page is the HTML of page n of host h at a version of the copy.
func Page(h, n int, version int64) string {
	name := fmt.Sprintf("Shop %d Exosome Serum No. %d", h, n)
	copyText := "Rose callus exosomes for a radiant look, characterized by NTA."
	switch n % 3 {
	case 1:
		copyText = "Stem cell exosomes heal damaged skin and cure acne scars."
	case 2:
		copyText = "A gentle hydrating cream with hyaluronic acid."
	}
	if version > 0 && n%10 == 0 {
		copyText = "Our exosomes penetrate deep into the dermis and are FDA approved."
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html><head><title>%s</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":%q,"brand":{"@type":"Brand","name":"Shop %d"},"sku":"S%d-%d"}</script>
</head><body>
<h1>%s</h1>
<p>%s</p>
<h2>Ingredients</h2>
<p>Water, Glycerin, Rosa Damascena Callus Culture Extract, Butylene Glycol</p>
</body></html>
`, name, name, h, h, n, name, copyText)
}
