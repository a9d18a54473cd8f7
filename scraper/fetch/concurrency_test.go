package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper/fetch"
)

// inFlight tracks the most requests a set of handlers served at once.
type inFlight struct {
	cur, peak atomic.Int32
}

func (c *inFlight) wrap(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := c.cur.Add(1)
		for {
			p := c.peak.Load()
			if n <= p || c.peak.CompareAndSwap(p, n) {
				break
			}
		}
		runtime.Gosched() // give an overlapping request the chance to show up
		h(w, r)
		c.cur.Add(-1)
	}
}

func TestOneHostIsSerialised(t *testing.T) {
	t.Parallel()
	const n = 12
	flight := &inFlight{}
	robotsHits := &counter{}
	ts := site(t, "", map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, _ *http.Request) {
			robotsHits.inc()
			_, _ = w.Write([]byte("User-agent: *\nAllow: /\n"))
		},
		"/": flight.wrap(htmlPage("<p>ok</p>")),
	})
	f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.MaxConcurrent = 8 })
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/p/%d", ts.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := flight.peak.Load(); p != 1 {
		t.Errorf("%d requests to one host were in flight at once, want 1", p)
	}
	if h := robotsHits.get(); h != 1 {
		t.Errorf("robots.txt fetched %d times", h)
	}
	// The first page goes at once; every other one waits the 1s delay
	// after the previous one (the fake clock makes that exact).
	sleeps := clock.Sleeps()
	if len(sleeps) != n-1 {
		t.Fatalf("sleeps = %v, want %d of 1s", sleeps, n-1)
	}
	for _, d := range sleeps {
		if d != time.Second {
			t.Fatalf("sleeps = %v, want all 1s", sleeps)
		}
	}
}

func TestPerHostDelayOption(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		delay time.Duration
		want  []time.Duration
	}{
		{0, []time.Duration{time.Second, time.Second}},
		{250 * time.Millisecond, []time.Duration{250 * time.Millisecond, 250 * time.Millisecond}},
		{-1, nil},
	} {
		t.Run(fmt.Sprint(tt.delay), func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")})
			f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.PerHostDelay = tt.delay })
			for i := range 3 {
				if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/%d", ts.URL, i)); err != nil {
					t.Fatal(err)
				}
			}
			if got := clock.Sleeps(); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("sleeps = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDifferentHostsDoNotWaitForEachOther(t *testing.T) {
	t.Parallel()
	var servers []*httptest.Server
	for range 3 {
		servers = append(servers, site(t, "", map[string]http.HandlerFunc{"/": htmlPage("<p>ok</p>")}))
	}
	f, clock := newFetcher(t, servers[0], nil)
	for _, ts := range servers {
		if _, err := f.Fetch(context.Background(), ts.URL+"/p"); err != nil {
			t.Fatal(err)
		}
	}
	if s := clock.Sleeps(); len(s) != 0 {
		t.Errorf("sleeps = %v, want none: each host is fetched once", s)
	}
}

func TestGlobalConcurrencyLimit(t *testing.T) {
	t.Parallel()
	const hosts, perHost, limit = 6, 3, 2
	flight := &inFlight{}
	var servers []*httptest.Server
	for range hosts {
		servers = append(servers, site(t, "", map[string]http.HandlerFunc{"/": flight.wrap(htmlPage("<p>ok</p>"))}))
	}
	f, _ := newFetcher(t, servers[0], func(o *fetch.Options) { o.MaxConcurrent = limit })
	var wg sync.WaitGroup
	for _, ts := range servers {
		for i := range perHost {
			wg.Go(func() {
				if _, err := f.Fetch(context.Background(), fmt.Sprintf("%s/%d", ts.URL, i)); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	if p := flight.peak.Load(); p > limit {
		t.Errorf("%d requests in flight at once, limit %d", p, limit)
	}
}

func TestRetryAfterHoldsOffTheWholeHost(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{
		"/busy": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "20")
			w.WriteHeader(http.StatusTooManyRequests)
		},
		"/": htmlPage("<p>ok</p>"),
	})
	// No retries: the first Fetch gives up at once, but the server's
	// request to wait 20s still binds the next Fetch to that host.
	f, clock := newFetcher(t, ts, func(o *fetch.Options) { o.Retries = -1 })
	if _, err := f.Fetch(context.Background(), ts.URL+"/busy"); err == nil {
		t.Fatal("Fetch /busy succeeded")
	}
	if _, err := f.Fetch(context.Background(), ts.URL+"/other"); err != nil {
		t.Fatal(err)
	}
	if got := clock.Sleeps(); fmt.Sprint(got) != "[20s]" {
		t.Errorf("sleeps = %v, want [20s]", got)
	}
}
