package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper/fetch"
)

// flaky answers with the given statuses in turn, then 200.
func flaky(hits *counter, statuses []int, retryAfter func() string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := hits.inc()
		if n <= len(statuses) {
			if retryAfter != nil {
				w.Header().Set("Retry-After", retryAfter())
			}
			w.WriteHeader(statuses[n-1])
			return
		}
		htmlPage("<p>ok</p>")(w, r)
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	var clock *fakeClock
	tests := []struct {
		name       string
		status     int
		retryAfter func() string
		want       time.Duration
	}{
		{"429 seconds", http.StatusTooManyRequests, func() string { return "7" }, 7 * time.Second},
		{"503 seconds", http.StatusServiceUnavailable, func() string { return "3" }, 3 * time.Second},
		{"429 HTTP date", http.StatusTooManyRequests, func() string {
			return clock.Now().Add(12 * time.Second).Format(http.TimeFormat)
		}, 12 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{"/": flaky(hits, []int{tt.status}, tt.retryAfter)})
			var f *fetch.Fetcher
			f, clock = newFetcher(t, ts, nil)
			res, err := f.Fetch(context.Background(), ts.URL+"/p")
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if res.StatusCode != http.StatusOK {
				t.Errorf("status %d", res.StatusCode)
			}
			if n := hits.get(); n != 2 {
				t.Errorf("requests = %d, want 2 (one retry)", n)
			}
			if got := clock.Sleeps(); len(got) != 1 || got[0] != tt.want {
				t.Errorf("sleeps = %v, want [%v]", got, tt.want)
			}
		})
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": flaky(hits, []int{429, 429}, func() string { return "3600" })})
	f, clock := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != http.StatusTooManyRequests || se.RetryAfter != time.Hour {
		t.Fatalf("Fetch error = %#v, want StatusError 429 with RetryAfter 1h", err)
	}
	want := fmt.Sprintf("fetch %s/p: HTTP 429 Too Many Requests (server asked to retry after 1h0m0s, more than the 1m0s limit)", ts.URL)
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if n := hits.get(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
	if s := clock.Sleeps(); len(s) != 0 {
		t.Errorf("slept %v before giving up", s)
	}
}

func TestRetriesExhausted(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout, http.StatusTooManyRequests} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			hits := &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				hits.inc()
				w.WriteHeader(status)
			}})
			f, clock := newFetcher(t, ts, nil)
			_, err := f.Fetch(context.Background(), ts.URL+"/p")
			if !errors.Is(err, fetch.ErrHTTPStatus) {
				t.Fatalf("Fetch error = %v, want ErrHTTPStatus", err)
			}
			var se *fetch.StatusError
			if !errors.As(err, &se) || se.Code != status || se.Attempts != 4 || se.URL != ts.URL+"/p" {
				t.Fatalf("StatusError = %+v, want code %d after 4 attempts", se, status)
			}
			want := fmt.Sprintf("fetch %s/p: HTTP %d %s (gave up after 4 attempts)", ts.URL, status, http.StatusText(status))
			if err.Error() != want {
				t.Errorf("message\n got %s\nwant %s", err, want)
			}
			if n := hits.get(); n != 4 {
				t.Errorf("requests = %d, want 1 + 3 retries", n)
			}
			// Exponential backoff with equal jitter: attempt n waits
			// between half and all of 2s * 2^(n-1).
			sleeps := clock.Sleeps()
			if len(sleeps) != 3 {
				t.Fatalf("sleeps = %v, want 3", sleeps)
			}
			for i, d := range sleeps {
				hi := (2 * time.Second) << i
				if d < hi/2 || d > hi {
					t.Errorf("backoff %d = %v, want within [%v, %v]", i+1, d, hi/2, hi)
				}
			}
		})
	}
}

func TestRetriesOption(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		retries, wantHits int
	}{{-1, 1}, {1, 2}, {5, 6}} {
		t.Run(fmt.Sprint(tt.retries), func(t *testing.T) {
			t.Parallel()
			hits := &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				hits.inc()
				w.WriteHeader(http.StatusServiceUnavailable)
			}})
			f, _ := newFetcher(t, ts, func(o *fetch.Options) {
				// Five backoffs (up to 2+4+8+16+30s) need more than the
				// default 30s time limit, which bounds the whole URL.
				o.Retries, o.Timeout = tt.retries, 5*time.Minute
			})
			if _, err := f.Fetch(context.Background(), ts.URL+"/p"); !errors.Is(err, fetch.ErrHTTPStatus) {
				t.Fatalf("Fetch error = %v", err)
			}
			if n := hits.get(); n != tt.wantHits {
				t.Errorf("requests = %d, want %d", n, tt.wantHits)
			}
		})
	}
}

func TestNoRetryOnClientErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusNotFound, http.StatusForbidden, http.StatusGone, http.StatusInternalServerError} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			hits := &counter{}
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				hits.inc()
				w.WriteHeader(status)
			}})
			f, clock := newFetcher(t, ts, nil)
			_, err := f.Fetch(context.Background(), ts.URL+"/p")
			var se *fetch.StatusError
			if !errors.As(err, &se) || se.Code != status {
				t.Fatalf("Fetch error = %v, want StatusError %d", err, status)
			}
			want := fmt.Sprintf("fetch %s/p: HTTP %d %s", ts.URL, status, http.StatusText(status))
			if err.Error() != want {
				t.Errorf("message\n got %s\nwant %s", err, want)
			}
			if n := hits.get(); n != 1 {
				t.Errorf("requests = %d, want 1 (no retry)", n)
			}
			if s := clock.Sleeps(); len(s) != 0 {
				t.Errorf("slept %v", s)
			}
		})
	}
}

func TestRetryTransientNetworkError(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		if hits.inc() == 1 {
			// Drop the connection without answering, as an overloaded
			// proxy might.
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			_ = conn.Close()
			return
		}
		htmlPage("<p>ok</p>")(w, r)
	}})
	// No robots.txt request: net/http itself silently retries a GET that
	// fails on a reused keep-alive connection, which would hide ours.
	f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.IgnoreRobots = true })
	res, err := f.Fetch(context.Background(), ts.URL+"/p")
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if string(res.Body) != "<p>ok</p>" {
		t.Errorf("body %q", res.Body)
	}
	if n := hits.get(); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
	if s := clock.Sleeps(); len(s) != 1 {
		t.Errorf("sleeps = %v, want one backoff", s)
	}
}

func TestNetworkErrorGivesUp(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		hits.inc()
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.Retries, o.IgnoreRobots = 2, true })
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrNetwork) {
		t.Fatalf("Fetch error = %v, want ErrNetwork", err)
	}
	if !strings.HasSuffix(err.Error(), "closed unexpectedly (gave up after 3 attempts)") {
		t.Errorf("message %q", err)
	}
	if n := hits.get(); n != 3 {
		t.Errorf("requests = %d, want 3", n)
	}
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(_ http.ResponseWriter, r *http.Request) {
		hits.inc()
		<-r.Context().Done() // never answers; ends when the client gives up
	}})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = 50 * time.Millisecond })
	_, err := f.Fetch(context.Background(), ts.URL+"/slow")
	if !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want ErrTimeout", err)
	}
	if want := fmt.Sprintf("fetch %s/slow: timed out after 50ms", ts.URL); err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if n := hits.get(); n != 1 {
		t.Errorf("requests = %d, want 1: a page that timed out is not retried", n)
	}
}

func TestTimeoutDuringBody(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<p>first half"))
		_ = http.NewResponseController(w).Flush()
		<-r.Context().Done()
	}})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = 50 * time.Millisecond })
	if _, err := f.Fetch(context.Background(), ts.URL+"/slow"); !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want ErrTimeout", err)
	}
}

func TestCallerCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(_ http.ResponseWriter, r *http.Request) {
		cancel()
		<-r.Context().Done()
	}})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(ctx, ts.URL+"/p")
	if !errors.Is(err, context.Canceled) || errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want context.Canceled", err)
	}
	if got := fetch.Describe(err); got != "canceled" {
		t.Errorf("Describe = %q", got)
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		hits.inc()
		w.Header().Set("Retry-After", "10")
		w.WriteHeader(http.StatusServiceUnavailable)
	}})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) {
		o.Sleep = func(ctx context.Context, _ time.Duration) error {
			cancel() // the user pressed ^C while we waited
			return ctx.Err()
		}
	})
	_, err := f.Fetch(ctx, ts.URL+"/p")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch error = %v, want context.Canceled", err)
	}
	if n := hits.get(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestStatusAfterRetryCountsAttempts(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		if hits.inc() == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNotFound)
	}})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != http.StatusNotFound || se.Attempts != 2 {
		t.Fatalf("Fetch error = %v (%+v), want 404 after 2 attempts", err, se)
	}
	if got := fetch.Describe(err); got != "HTTP 404 Not Found" {
		t.Errorf("Describe = %q", got)
	}
}
