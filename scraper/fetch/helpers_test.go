package fetch_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper/fetch"
)

// fakeClock stands in for the wall clock: Sleep records the wait and moves
// time forward at once, so delays are asserted, never waited for.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return nil
}

// Advance moves time forward without recording a sleep: a handler calls
// it to play a server that takes d to answer.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sleeps)
}

// newFetcher builds a Fetcher that talks to ts with a fake clock. edit may
// adjust the options before New.
func newFetcher(t *testing.T, ts *httptest.Server, edit func(*fetch.Options)) (*fetch.Fetcher, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	o := fetch.Options{
		Version: "1.2.3",
		Client:  ts.Client(),
		Sleep:   clock.Sleep,
		Now:     clock.Now,
	}
	if edit != nil {
		edit(&o)
	}
	return fetch.New(o), clock
}

// site is a test server: robots.txt (404 when empty, unless routes has
// its own) plus routes.
func site(t *testing.T, robots string, routes map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	if _, ok := routes["/robots.txt"]; !ok {
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
			if robots == "" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte(robots))
		})
	}
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func htmlPage(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	}
}

// counter counts requests; safe for concurrent handlers.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
