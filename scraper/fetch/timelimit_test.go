package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper/fetch"
)

// Options.Timeout bounds everything one URL costs: attempts, backoff,
// Retry-After, redirects, robots.txt and the host's politeness delay.
// These tests play slow servers by moving the fake clock forward inside
// handlers, so nothing here waits for real time.

func TestCrawlDelayIsCapped(t *testing.T) {
	t.Parallel()
	ts := site(t, "User-agent: *\nCrawl-delay: 3600\n", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
	f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = time.Minute })
	for i := range 3 {
		if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i)); err != nil {
			t.Fatal(err)
		}
	}
	want := fetch.DefaultMaxCrawlDelay
	if got := clock.Sleeps(); len(got) != 2 || got[0] != want || got[1] != want {
		t.Errorf("sleeps = %v, want [%v %v]: Crawl-delay 3600 is capped", got, want, want)
	}
}

func TestMaxCrawlDelayOption(t *testing.T) {
	t.Parallel()
	ts := site(t, "User-agent: *\nCrawl-delay: 3600\n", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
	f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.MaxCrawlDelay, o.Timeout = 2*time.Minute, time.Hour })
	for i := range 2 {
		if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i)); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.Sleeps(); len(got) != 1 || got[0] != 2*time.Minute {
		t.Errorf("sleeps = %v, want [2m0s]", got)
	}
}

func TestHostWaitPastTimeLimitFailsAtOnce(t *testing.T) {
	t.Parallel()
	slow := site(t, "User-agent: *\nCrawl-delay: 3600\n", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
	other := site(t, "", map[string]http.HandlerFunc{"/": htmlPage("<p>other</p>")})
	clock := newFakeClock()
	f := fetch.New(fetch.Options{Client: slow.Client(), Sleep: clock.Sleep, Now: clock.Now, Timeout: 5 * time.Second})
	if _, err := f.Fetch(context.Background(), slow.URL+"/a"); err != nil {
		t.Fatal(err)
	}
	_, err := f.Fetch(context.Background(), slow.URL+"/b")
	if !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("second URL on the slow host: %v, want ErrTimeout", err)
	}
	want := fmt.Sprintf("fetch %s/b: the host's next turn is in 10s (robots.txt Crawl-delay, capped at 10s), past the 5s time limit", slow.URL)
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if s := clock.Sleeps(); len(s) != 0 {
		t.Errorf("slept %v before failing", s)
	}
	// Another host is not held back.
	if res, err := f.Fetch(context.Background(), other.URL+"/c"); err != nil || string(res.Body) != "<p>other</p>" {
		t.Fatalf("other host: %v", err)
	}
}

func TestRetryAfterPastTimeLimit(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	// Retry-After 55 is within MaxRetryWait (60s), but three of them are
	// not within the default 30s time limit (the campaign saw 165s).
	ts := site(t, "", map[string]http.HandlerFunc{"/": flaky(hits, []int{503, 503, 503, 503}, func() string { return "55" })})
	f, clock := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrTimeout) || !errors.Is(err, fetch.ErrHTTPStatus) {
		t.Fatalf("Fetch error = %v, want ErrHTTPStatus and ErrTimeout", err)
	}
	want := fmt.Sprintf("fetch %s/p: HTTP 503 Service Unavailable (server asked to retry after 55s, past the 30s time limit)", ts.URL)
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

func TestRetryAfterUntilTimeLimit(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{"/": flaky(hits, []int{503, 503, 503, 503}, func() string { return "20" })})
	f, clock := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	want := fmt.Sprintf("fetch %s/p: HTTP 503 Service Unavailable (gave up after 2 attempts: server asked to retry after 20s, past the 30s time limit)", ts.URL)
	if err == nil || err.Error() != want {
		t.Errorf("message\n got %v\nwant %s", err, want)
	}
	if s := clock.Sleeps(); len(s) != 1 || s[0] != 20*time.Second {
		t.Errorf("sleeps = %v, want [20s]", s)
	}
}

func TestBackoffWithinTimeLimit(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	// A server that trickles for 1s and then resets the connection.
	var clock *fakeClock
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		hits.inc()
		clock.Advance(time.Second)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}})
	var f *fetch.Fetcher
	f, clock = newFetcher(t, ts, func(o *fetch.Options) { o.Timeout, o.IgnoreRobots = 5*time.Second, true })
	start := clock.Now()
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrNetwork) || !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want ErrNetwork and ErrTimeout", err)
	}
	if !strings.Contains(err.Error(), "closed unexpectedly (gave up after ") || !strings.HasSuffix(err.Error(), "the next retry would pass the 5s time limit)") {
		t.Errorf("message %q", err)
	}
	if spent := clock.Now().Sub(start); spent > 5*time.Second {
		t.Errorf("spent %v (sleeps %v, %d requests), more than the 5s time limit", spent, clock.Sleeps(), hits.get())
	}
}

func TestTimeLimitCoversRedirects(t *testing.T) {
	t.Parallel()
	hits := &counter{}
	var clock *fakeClock
	ts := site(t, "", map[string]http.HandlerFunc{"/r/": func(w http.ResponseWriter, r *http.Request) {
		hits.inc()
		clock.Advance(3 * time.Second) // each hop is slow, none too slow
		chain(10)(w, r)
	}})
	var f *fetch.Fetcher
	f, clock = newFetcher(t, ts, func(o *fetch.Options) { o.Timeout, o.PerHostDelay = 10*time.Second, -1 })
	_, err := f.Fetch(context.Background(), ts.URL+"/r/0")
	if !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want ErrTimeout", err)
	}
	want := fmt.Sprintf("fetch %s/r/0: timed out after 10s (4 redirects followed)", ts.URL)
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if n := hits.get(); n != 4 {
		t.Errorf("requests = %d, want 4", n)
	}
}

func TestTimeLimitCoversRobots(t *testing.T) {
	t.Parallel()
	pages := &counter{}
	var clock *fakeClock
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			clock.Advance(20 * time.Second)
			_, _ = w.Write([]byte("User-agent: *\nAllow: /\n"))
		},
		"/": func(w http.ResponseWriter, r *http.Request) {
			pages.inc()
			htmlPage("<p>ok</p>")(w, r)
		},
	})
	var f *fetch.Fetcher
	f, clock = newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = 10 * time.Second })
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrTimeout) {
		t.Fatalf("Fetch error = %v, want ErrTimeout", err)
	}
	if n := pages.get(); n != 0 {
		t.Errorf("page requested %d times after the time limit", n)
	}
	// robots.txt did arrive, so the next URL uses it.
	if _, err := f.Fetch(context.Background(), ts.URL+"/q"); err != nil {
		t.Fatal(err)
	}
}

func TestQueueingBehindOtherURLsDoesNotCount(t *testing.T) {
	t.Parallel()
	var clock *fakeClock
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		clock.Advance(4 * time.Second)
		htmlPage("<p>ok</p>")(w, r)
	}})
	var f *fetch.Fetcher
	f, clock = newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = 10 * time.Second })
	// Five URLs on one host take 5 × (4s + 1s delay): more than one URL's
	// limit, but each URL's own share is well within it.
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestWithTimeLeft(t *testing.T) {
	t.Parallel()
	var clock *fakeClock
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, r *http.Request) {
		clock.Advance(7 * time.Second)
		htmlPage("<p>ok</p>")(w, r)
	}})
	var f *fetch.Fetcher
	f, clock = newFetcher(t, ts, func(o *fetch.Options) { o.Timeout = 10 * time.Second })
	res, err := f.Fetch(context.Background(), ts.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := f.WithTimeLeft(context.Background(), res)
	defer cancel()
	dl, ok := ctx.Deadline()
	if left := time.Until(dl); !ok || left > 3*time.Second || left < 2*time.Second {
		t.Errorf("deadline in %v, want about 3s: the 10s limit less the 7s the fetch took", left)
	}
	// With no response (work on a URL that was not fetched first) the
	// whole limit applies, and its expiry reads like any other.
	g := fetch.New(fetch.Options{Timeout: time.Nanosecond})
	ctx, cancel = g.WithTimeLeft(context.Background(), nil)
	defer cancel()
	<-ctx.Done()
	if cause := context.Cause(ctx); !errors.Is(cause, fetch.ErrTimeout) || cause.Error() != "timed out after 1ns" {
		t.Errorf("cause = %v, want ErrTimeout \"timed out after 1ns\"", cause)
	}
}
