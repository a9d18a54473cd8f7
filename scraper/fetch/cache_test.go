package fetch_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
	"golang.org/x/text/encoding/korean"
)

func TestCacheRevalidation(t *testing.T) {
	t.Parallel()
	page, err := korean.EUCKR.NewEncoder().Bytes([]byte("<p>식물 엑소좀</p>"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		validator string // response header
		value     string
		condition string // request header we expect back
	}{
		{"etag", "ETag", `"v1"`, "If-None-Match"},
		{"last-modified", "Last-Modified", "Sat, 01 Mar 2025 10:00:00 GMT", "If-Modified-Since"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			full, notModified := &counter{}, &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{"/p": func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get(tt.condition) == tt.value {
					notModified.inc()
					w.WriteHeader(http.StatusNotModified)
					return
				}
				full.inc()
				w.Header().Set(tt.validator, tt.value)
				w.Header().Set("Content-Type", "text/html; charset=euc-kr")
				_, _ = w.Write(page)
			}})
			dir := filepath.Join(t.TempDir(), "cache") // does not exist yet
			f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.CacheDir = dir })
			first, err := f.Fetch(context.Background(), ts.URL+"/p")
			if err != nil {
				t.Fatal(err)
			}
			if first.FromCache {
				t.Error("first fetch claims to come from the cache")
			}
			// A new Fetcher (a later run) finds the cache on disk.
			f2, _ := newFetcher(t, ts, func(o *fetch.Options) { o.CacheDir = dir })
			second, err := f2.Fetch(context.Background(), ts.URL+"/p")
			if err != nil {
				t.Fatal(err)
			}
			if full.get() != 1 || notModified.get() != 1 {
				t.Fatalf("full responses %d, 304s %d; want 1 and 1", full.get(), notModified.get())
			}
			if !second.FromCache || second.StatusCode != http.StatusOK || second.Charset != "euc-kr" ||
				second.ContentType != "text/html" || string(second.Body) != "<p>식물 엑소좀</p>" {
				t.Errorf("cached response %+v body %q", second, second.Body)
			}
			if second.URL != ts.URL+"/p" || second.FinalURL != ts.URL+"/p" {
				t.Errorf("URL %s FinalURL %s", second.URL, second.FinalURL)
			}
		})
	}
}

func TestCacheSkipsUnvalidatedAndNoStore(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{
		"/plain": htmlPage("<p>no validator</p>"),
		"/nostore": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"x"`)
			w.Header().Set("Cache-Control", "private, no-store")
			htmlPage("<p>secret</p>")(w, r)
		},
	})
	dir := t.TempDir()
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.CacheDir = dir })
	for _, p := range []string{"/plain", "/nostore"} {
		if _, err := f.Fetch(context.Background(), ts.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cache holds %d files, want none", len(entries))
	}
}

func TestCacheCorruptEntryIsAMiss(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/p": func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		if r.Header.Get("If-None-Match") != "" {
			t.Errorf("conditional request sent from a corrupt cache entry")
		}
		w.Header().Set("ETag", `"v1"`)
		htmlPage("<p>fresh</p>")(w, r)
	}})
	dir := t.TempDir()
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.CacheDir = dir })
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("cache entries %v, %v", entries, err)
	}
	if err := os.WriteFile(filepath.Join(dir, entries[0].Name()), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	f2, _ := newFetcher(t, ts, func(o *fetch.Options) { o.CacheDir = dir })
	res, err := f2.Fetch(context.Background(), ts.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	if res.FromCache || string(res.Body) != "<p>fresh</p>" || hits.get() != 2 {
		t.Errorf("FromCache %v body %q hits %d", res.FromCache, res.Body, hits.get())
	}
}

func TestNotModifiedWithoutCacheIsAnError(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{"/p": func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNotModified)
	}})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); fetch.Describe(err) != "HTTP 304 Not Modified" {
		t.Fatalf("Fetch error = %v", err)
	}
}
