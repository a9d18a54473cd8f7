package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper/fetch"
)

func TestRobots(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		robots  string
		path    string
		allowed bool
		rule    string // quoted in the refusal, when disallowed
	}{
		{name: "no rule matches", robots: "User-agent: *\nDisallow: /private/\n", path: "/products/serum", allowed: true},
		{name: "disallowed prefix", robots: "User-agent: *\nDisallow: /products/\n", path: "/products/serum", rule: "Disallow: /products/"},
		{name: "longer allow wins", robots: "User-agent: *\nDisallow: /products/\nAllow: /products/public\n", path: "/products/public-serum", allowed: true},
		{name: "longer disallow wins", robots: "User-agent: *\nAllow: /p\nDisallow: /products/\n", path: "/products/serum", rule: "Disallow: /products/"},
		{name: "longest match regardless of order", robots: "User-agent: *\nAllow: /products/public\nDisallow: /products/\n", path: "/products/secret", rule: "Disallow: /products/"},
		{name: "tie goes to allow", robots: "User-agent: *\nDisallow: /page\nAllow: /page\n", path: "/page", allowed: true},
		{name: "our group beats star", robots: "User-agent: *\nDisallow:\n\nUser-agent: exolint\nDisallow: /\n", path: "/products/serum", rule: "Disallow: /"},
		{name: "other bot's group ignored", robots: "User-agent: otherbot\nDisallow: /\n", path: "/products/serum", allowed: true},
		{name: "group match is case-insensitive", robots: "User-agent: ExoLint\nDisallow: /products\n", path: "/products/serum", rule: "Disallow: /products"},
		{name: "wildcard and end anchor", robots: "User-agent: *\nDisallow: /*.json$\n", path: "/feeds/all.json", rule: "Disallow: /*.json$"},
		{name: "end anchor does not match query", robots: "User-agent: *\nDisallow: /*.json$\n", path: "/feeds/all.json?page=2", allowed: true},
		{name: "wildcard is anchored at start", robots: "User-agent: *\nDisallow: /cart*x\n", path: "/products/cartx", allowed: true},
		{name: "query is matched", robots: "User-agent: *\nDisallow: /search?\n", path: "/search?q=exosome", rule: "Disallow: /search?"},
		{name: "comments ignored", robots: "# hi\nUser-agent: * # everyone\nDisallow: /x # no\n", path: "/x/y", rule: "Disallow: /x"},
		{name: "stray rule before user-agent is skipped", robots: "Disallow: /products/\nUser-agent: *\nDisallow: /private\n", path: "/products/serum", allowed: true},
		{name: "rest of a sloppy file still applies", robots: "Disallow: /products/\nUser-agent: *\nDisallow: /private\n", path: "/private/a", rule: "Disallow: /private"},
		{name: "empty file", robots: "\n", path: "/x", allowed: true},
		// RFC 9309 §2.2.2: percent-encoded unreserved characters are
		// decoded on both sides before matching, so an encoded letter
		// cannot slip past a rule; reserved ones ("/" as %2F) stay encoded.
		{name: "encoded letter in the path", robots: "User-agent: *\nDisallow: /private\n", path: "/%70rivate/x.html", rule: "Disallow: /private"},
		{name: "encoded tilde and digit in the path", robots: "User-agent: *\nDisallow: /~shop/v2\n", path: "/%7Eshop/v%32/serum", rule: "Disallow: /~shop/v2"},
		{name: "encoded letter in the rule", robots: "User-agent: *\nDisallow: /%70rivate\n", path: "/private/x.html", rule: "Disallow: /%70rivate"},
		{name: "encoded letter in a wildcard rule", robots: "User-agent: *\nDisallow: /*%2Ejson$\n", path: "/feeds/all.json", rule: "Disallow: /*%2Ejson$"},
		{name: "hex case does not matter", robots: "User-agent: *\nDisallow: /caf%C3%A9\n", path: "/caf%c3%a9/x", rule: "Disallow: /caf%C3%A9"},
		{name: "encoded slash stays encoded", robots: "User-agent: *\nDisallow: /a/b\n", path: "/a%2Fb", allowed: true},
		{name: "encoded letter in the query", robots: "User-agent: *\nDisallow: /search?q=\n", path: "/search?%71=exosome", rule: "Disallow: /search?q="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pages := &counter{}
			ts := site(t, tt.robots, map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
				pages.inc()
				htmlPage("<p>ok</p>")(w, r)
			}})
			f, _ := newFetcher(t, ts, nil)
			_, err := f.Fetch(context.Background(), ts.URL+tt.path)
			if tt.allowed {
				if err != nil {
					t.Fatalf("Fetch: %v, want allowed", err)
				}
				return
			}
			if !errors.Is(err, fetch.ErrRobotsDisallowed) {
				t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed", err)
			}
			want := fmt.Sprintf("fetch %s%s: disallowed by robots.txt (rule %q)", ts.URL, tt.path, tt.rule)
			if err.Error() != want {
				t.Errorf("message\n got %s\nwant %s", err, want)
			}
			if n := pages.get(); n != 0 {
				t.Errorf("page was requested %d times despite robots.txt", n)
			}
		})
	}
}

func TestRobotsStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status  int
		allowed bool
	}{
		{http.StatusNotFound, true},
		{http.StatusForbidden, true}, // RFC 9309: any 4xx means "no robots.txt"
		{http.StatusGone, true},
		{http.StatusTooManyRequests, false}, // "slow down", not "absent"
		{http.StatusInternalServerError, false},
		{http.StatusServiceUnavailable, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			t.Parallel()
			robotsHits := &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{
				"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
					robotsHits.inc()
					w.WriteHeader(tt.status)
				},
				"/": htmlPage("<p>ok</p>"),
			})
			f, clock := newFetcher(t, ts, nil)
			_, err := f.Fetch(context.Background(), ts.URL+"/p")
			if tt.allowed {
				if err != nil {
					t.Fatalf("Fetch: %v, want allowed", err)
				}
				return
			}
			if !errors.Is(err, fetch.ErrRobotsDisallowed) {
				t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed", err)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("robots.txt returned HTTP %d", tt.status)) {
				t.Errorf("message %q does not give the robots.txt status", err)
			}
			// The verdict is cached: a second page does not re-ask.
			_, _ = f.Fetch(context.Background(), ts.URL+"/q")
			if n := robotsHits.get(); n != 1 {
				t.Errorf("robots.txt fetched %d times, want 1", n)
			}
			if s := clock.Sleeps(); len(s) != 0 {
				t.Errorf("robots.txt failure was retried (sleeps %v)", s)
			}
		})
	}
}

func TestRobotsUnreachable(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(http.NotFoundHandler())
	f, _ := newFetcher(t, ts, nil)
	ts.Close() // nothing listens there any more
	_, err := f.Fetch(context.Background(), ts.URL+"/products/x")
	if !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed", err)
	}
	if !strings.Contains(err.Error(), "robots.txt unreachable") {
		t.Errorf("message %q does not say robots.txt was unreachable", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("message is not one line: %q", err)
	}
}

func TestRobotsExpiresAfterTTL(t *testing.T) {
	t.Parallel()
	robotsHits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			robotsHits.inc()
			_, _ = w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, clock := newFetcher(t, ts, nil)
	for _, p := range []string{"/a", "/b"} {
		if _, err := f.Fetch(context.Background(), ts.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	if n := robotsHits.get(); n != 1 {
		t.Fatalf("robots.txt fetched %d times before expiry, want 1", n)
	}
	_ = clock.Sleep(context.Background(), 25*time.Hour)
	if _, err := f.Fetch(context.Background(), ts.URL+"/c"); err != nil {
		t.Fatal(err)
	}
	if n := robotsHits.get(); n != 2 {
		t.Errorf("robots.txt fetched %d times after 25h, want 2 (RFC 9309: at most 24h)", n)
	}
}

func TestRobotsRedirectFollowed(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/hop1", http.StatusMovedPermanently)
		},
		"/hop1": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/real-robots.txt", http.StatusFound)
		},
		"/real-robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("User-agent: *\nDisallow: /products/\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/products/x"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed from the redirected robots.txt", err)
	}
}

func TestRobotsRedirectLimit(t *testing.T) {
	t.Parallel()
	// Past five redirects RFC 9309 lets us treat robots.txt as unavailable,
	// which means "allow".
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/r/1", http.StatusFound)
		},
		"/r/": func(w http.ResponseWriter, r *http.Request) {
			var n int
			_, _ = fmt.Sscanf(r.URL.Path, "/r/%d", &n)
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n+1), http.StatusFound)
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/products/x"); err != nil {
		t.Fatalf("Fetch: %v, want allowed", err)
	}
}

func TestIgnoreRobots(t *testing.T) {
	t.Parallel()
	robotsHits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			robotsHits.inc()
			_, _ = w.Write([]byte("User-agent: *\nDisallow: /\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.IgnoreRobots = true })
	if _, err := f.Fetch(context.Background(), ts.URL+"/x"); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if n := robotsHits.get(); n != 0 {
		t.Errorf("robots.txt fetched %d times with IgnoreRobots", n)
	}
}

func TestRobotsSingleFlight(t *testing.T) {
	t.Parallel()
	robotsHits := &counter{}
	release := make(chan struct{})
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			robotsHits.inc()
			<-release // hold every caller at the robots.txt step
			_, _ = w.Write([]byte("User-agent: *\nAllow: /\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.PerHostDelay = -1 })
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			_, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i))
			errs <- err
		})
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := robotsHits.get(); n != 1 {
		t.Errorf("robots.txt fetched %d times by 8 concurrent callers, want 1", n)
	}
}

func TestCrawlDelay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		robots string
		want   time.Duration
	}{
		{"crawl-delay raises the delay", "User-agent: *\nCrawl-delay: 5\n", 5 * time.Second},
		{"fractional crawl-delay", "User-agent: exolint\nCrawl-delay: 2.5\n", 2500 * time.Millisecond},
		{"crawl-delay never lowers it", "User-agent: *\nCrawl-delay: 0.2\n", time.Second},
		{"other bot's crawl-delay ignored", "User-agent: slowbot\nCrawl-delay: 30\n", time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := site(t, tt.robots, map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
			f, clock := newFetcher(t, ts, nil)
			for i := range 3 {
				if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i)); err != nil {
					t.Fatal(err)
				}
			}
			// robots.txt and the first page go at once; then one delay
			// before each further page.
			got := clock.Sleeps()
			if len(got) != 2 || got[0] != tt.want || got[1] != tt.want {
				t.Errorf("sleeps = %v, want [%v %v]", got, tt.want, tt.want)
			}
		})
	}
}

func TestRobotsLargeFileIsTruncatedNotIgnored(t *testing.T) {
	t.Parallel()
	// A robots.txt over the 512 KiB parse limit, served with a
	// Content-Length: the rules at the top must still apply.
	big := "User-agent: *\nDisallow: /products/\n" + strings.Repeat("# padding padding padding padding\n", 20000)
	ts := site(t, big, map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/products/x"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed", err)
	}
}

func TestRobotsServerErrorRetriedLater(t *testing.T) {
	t.Parallel()
	robotsHits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			if robotsHits.inc() == 1 {
				w.WriteHeader(http.StatusInternalServerError)
				return
			}
			_, _ = w.Write([]byte("User-agent: *\nAllow: /\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, clock := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("first Fetch: %v, want ErrRobotsDisallowed", err)
	}
	_ = clock.Sleep(context.Background(), 11*time.Minute)
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); err != nil {
		t.Fatalf("Fetch after 11 minutes: %v", err)
	}
}

func TestRobotsFetchAbandonedByCancelledCaller(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	robotsHits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			if robotsHits.inc() == 1 {
				cancel() // the first caller gives up mid-fetch
				<-r.Context().Done()
				return
			}
			_, _ = w.Write([]byte("User-agent: *\nDisallow: /private\n"))
		},
		"/": htmlPage("<p>ok</p>"),
	})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(ctx, ts.URL+"/p"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Fetch: %v, want context.Canceled", err)
	}
	// The abandoned fetch is not cached as "unreachable": the next caller
	// fetches robots.txt again and gets the real answer.
	if _, err := f.Fetch(context.Background(), ts.URL+"/p"); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if _, err := f.Fetch(context.Background(), ts.URL+"/private"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch /private: %v", err)
	}
}

func TestRobotsNonASCIIRule(t *testing.T) {
	t.Parallel()
	// Rules and request paths are compared percent-encoded (RFC 9309).
	ts := site(t, "User-agent: *\nDisallow: /エクソソーム/\n", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/エクソソーム/serum")
	if !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("Fetch error = %v, want ErrRobotsDisallowed", err)
	}
	if _, err := f.Fetch(context.Background(), ts.URL+"/other"); err != nil {
		t.Fatal(err)
	}
}
