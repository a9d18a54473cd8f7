package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
)

// chain redirects /r/N to /r/N+1 until N reaches end, which serves a page.
func chain(end int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var n int
		_, _ = fmt.Sscanf(r.URL.Path, "/r/%d", &n)
		if n >= end {
			htmlPage("<p>end</p>")(w, r)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n+1), http.StatusFound)
	}
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		maxRedirects int
		end          int
		wantErr      error
	}{
		{"default allows 10", 0, 10, nil},
		{"default refuses 11", 0, 11, fetch.ErrTooManyRedirects},
		{"custom limit reached exactly", 3, 3, nil},
		{"custom limit exceeded", 3, 4, fetch.ErrTooManyRedirects},
		{"negative follows none", -1, 1, fetch.ErrTooManyRedirects},
		{"no redirect at all", -1, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/r/": chain(tt.end)})
			f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.MaxRedirects = tt.maxRedirects })
			res, err := f.Fetch(context.Background(), ts.URL+"/r/0")
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Fetch error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if res.URL != ts.URL+"/r/0" || res.FinalURL != fmt.Sprintf("%s/r/%d", ts.URL, tt.end) {
				t.Errorf("URL %s FinalURL %s", res.URL, res.FinalURL)
			}
		})
	}
}

func TestRedirectStatusesAndRelativeLocation(t *testing.T) {
	t.Parallel()
	for _, code := range []int{301, 302, 303, 307, 308} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{
				"/a/b": func(w http.ResponseWriter, _ *http.Request) {
					w.Header().Set("Location", "../c?x=1#frag")
					w.WriteHeader(code)
				},
				"/c": htmlPage("<p>c</p>"),
			})
			f, _ := newFetcher(t, ts, nil)
			res, err := f.Fetch(context.Background(), ts.URL+"/a/b")
			if err != nil {
				t.Fatal(err)
			}
			if res.FinalURL != ts.URL+"/c?x=1" || string(res.Body) != "<p>c</p>" {
				t.Errorf("FinalURL %s body %q", res.FinalURL, res.Body)
			}
		})
	}
}

func TestRedirectLoop(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/a": func(w http.ResponseWriter, r *http.Request) { hits.inc(); http.Redirect(w, r, "/b", http.StatusFound) },
		"/b": func(w http.ResponseWriter, r *http.Request) { hits.inc(); http.Redirect(w, r, "/a", http.StatusFound) },
	})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/a")
	if !errors.Is(err, fetch.ErrRedirectLoop) {
		t.Fatalf("Fetch error = %v, want ErrRedirectLoop", err)
	}
	want := fmt.Sprintf("fetch %[1]s/a: redirect loop: %[1]s/a -> %[1]s/b -> %[1]s/a", ts.URL)
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if n := hits.get(); n != 2 {
		t.Errorf("requests = %d, want 2: the loop is seen without going round it", n)
	}
}

func TestInsecureRedirectRefused(t *testing.T) {
	t.Parallel()
	plainHits := &counter{}
	plain := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		plainHits.inc()
		htmlPage("<p>plain</p>")(w, r)
	}})
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, plain.URL+"/landing", http.StatusMovedPermanently)
	}))
	t.Cleanup(secure.Close)
	f, _ := newFetcher(t, secure, nil)
	_, err := f.Fetch(context.Background(), secure.URL+"/products/x")
	if !errors.Is(err, fetch.ErrInsecureRedirect) {
		t.Fatalf("Fetch error = %v, want ErrInsecureRedirect", err)
	}
	if !strings.Contains(err.Error(), "redirects to plain-HTTP "+plain.URL+"/landing") {
		t.Errorf("message %q", err)
	}
	if n := plainHits.get(); n != 0 {
		t.Errorf("plain server got %d requests", n)
	}
}

func TestUpgradeRedirectAllowed(t *testing.T) {
	t.Parallel()
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		htmlPage("<p>secure</p>")(w, r)
	}))
	t.Cleanup(secure.Close)
	plain := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, secure.URL+"/p", http.StatusMovedPermanently)
	}})
	f, _ := newFetcher(t, secure, nil) // secure.Client() speaks both
	res, err := f.Fetch(context.Background(), plain.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	if res.FinalURL != secure.URL+"/p" {
		t.Errorf("FinalURL %s", res.FinalURL)
	}
}

func TestRedirectTargetObeysItsOwnRobots(t *testing.T) {
	t.Parallel()
	other := site(t, "User-agent: exolint\nDisallow: /\n", map[string]http.HandlerFunc{"/": htmlPage("<p>no</p>")})
	first := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
	}})
	f, _ := newFetcher(t, first, nil)
	_, err := f.Fetch(context.Background(), first.URL+"/p")
	if !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed from the target host", err)
	}
}

func TestRedirectToOtherScheme(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Location", "ftp://files.example/x.html")
		w.WriteHeader(http.StatusFound)
	}})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); !errors.Is(err, fetch.ErrBadURL) {
		t.Fatalf("Fetch error = %v, want ErrBadURL", err)
	}
}
