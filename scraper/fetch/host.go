package fetch

import (
	"context"
	"fmt"
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

	mu           sync.Mutex
	last         time.Time     // when the previous request finished; zero if none
	notBefore    time.Time     // set by Retry-After and backoff: nobody talks to the host before this
	notBeforeWhy string        // what set notBefore, for messages
	delay        time.Duration // max(Options.PerHostDelay, robots.txt Crawl-delay up to MaxCrawlDelay)
	delayWhy     string        // where delay came from, for messages

	robots *robotsEntry // guarded by Fetcher.mu, not host.mu
}

func newHost(delay time.Duration) *host {
	return &host{gate: make(chan struct{}, 1), delay: delay, delayWhy: fmt.Sprintf("the %s delay between requests to one host", delay)}
}

// enter waits for the host's slot, which another URL's request may hold.
// On success the caller owns the slot and must call release or leave.
func (h *host) enter(ctx context.Context) error {
	select {
	case h.gate <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// nextTurn says how long the slot's owner must still wait before its
// request, and why (for the message when that is too long).
func (h *host) nextTurn(now time.Time) (time.Duration, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var (
		wait time.Duration
		why  string
	)
	if !h.last.IsZero() {
		wait, why = h.last.Add(h.delay).Sub(now), h.delayWhy
	}
	if d := h.notBefore.Sub(now); d > wait {
		wait, why = d, h.notBeforeWhy
	}
	return wait, why
}

// release records the end of a request and frees the slot.
func (h *host) release(now func() time.Time) {
	h.mu.Lock()
	h.last = now()
	h.mu.Unlock()
	<-h.gate
}

// leave frees the slot without a request having been made.
func (h *host) leave() { <-h.gate }

// raiseDelay applies a robots.txt Crawl-delay, capped at max; it never
// lowers the delay.
func (h *host) raiseDelay(d, max time.Duration) {
	why := "robots.txt Crawl-delay"
	if d > max {
		d, why = max, fmt.Sprintf("robots.txt Crawl-delay, capped at %s", max)
	}
	h.mu.Lock()
	if d > h.delay {
		h.delay, h.delayWhy = d, why
	}
	h.mu.Unlock()
}

// holdOff makes every request to this host wait until t (Retry-After, or
// our own backoff), not only the one being retried. why says which.
func (h *host) holdOff(t time.Time, why string) {
	h.mu.Lock()
	if t.After(h.notBefore) {
		h.notBefore, h.notBeforeWhy = t, why
	}
	h.mu.Unlock()
}

// SleepContext is the default Options.Sleep: a timer that gives up when ctx
// ends. Callers that wrap Options.Sleep (to show a wait) end with it.
func SleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
