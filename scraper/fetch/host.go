package fetch

import (
	"context"
	"sync"
	"time"
)

// host holds the politeness state for one origin (scheme://host:port).
//
// Requests to one host are serialised: at most one is in flight, and the
// next one starts no earlier than `delay` after the previous one finished.
// Measuring from the end rather than the start means a slow, struggling
// server automatically gets fewer requests per minute.
type host struct {
	// gate is a one-slot semaphore: holding it means "my request to this
	// host is the one in flight (or about to be)".
	gate chan struct{}

	mu        sync.Mutex
	last      time.Time     // when the previous request finished; zero if none
	notBefore time.Time     // set by Retry-After and backoff: nobody talks to the host before this
	delay     time.Duration // max(Options.PerHostDelay, robots.txt Crawl-delay)

	robots *robotsEntry // guarded by Fetcher.mu, not host.mu
}

func newHost(delay time.Duration) *host {
	return &host{gate: make(chan struct{}, 1), delay: delay}
}

// acquire waits for the host's slot and then for its politeness delay. On
// success the caller owns the slot and must call release exactly once.
func (h *host) acquire(ctx context.Context, now func() time.Time, sleep func(context.Context, time.Duration) error) error {
	select {
	case h.gate <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	h.mu.Lock()
	t := now()
	var wait time.Duration
	if !h.last.IsZero() {
		wait = h.last.Add(h.delay).Sub(t)
	}
	if d := h.notBefore.Sub(t); d > wait {
		wait = d
	}
	h.mu.Unlock()
	if wait > 0 {
		if err := sleep(ctx, wait); err != nil {
			<-h.gate
			return err
		}
	}
	return nil
}

// release records the end of a request and frees the slot.
func (h *host) release(now func() time.Time) {
	h.mu.Lock()
	h.last = now()
	h.mu.Unlock()
	<-h.gate
}

// raiseDelay applies a robots.txt Crawl-delay; it never lowers the delay.
func (h *host) raiseDelay(d time.Duration) {
	h.mu.Lock()
	if d > h.delay {
		h.delay = d
	}
	h.mu.Unlock()
}

// holdOff makes every request to this host wait until t (Retry-After, or
// our own backoff), not only the one being retried.
func (h *host) holdOff(t time.Time) {
	h.mu.Lock()
	if t.After(h.notBefore) {
		h.notBefore = t
	}
	h.mu.Unlock()
}

// sleepCtx is the default Options.Sleep: a timer that gives up when ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
