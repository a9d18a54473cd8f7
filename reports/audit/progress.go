package audit

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/exolint/exolint/scraper/fetch"
)

// Progress hears about a run as it goes. Calls come from many goroutines.
type Progress interface {
	Planned(n int)                     // n more listings to do
	Resumed(n int)                     // n listings were done before this attempt
	Done(failed bool)                  // one listing committed; failed: it could not be read
	Wait(host string, d time.Duration) // the fetcher holds a request to host for d (politeness)
	Close()                            // the run is over (finished or stopped)
}

type nopProgress struct{}

func (nopProgress) Planned(int)                {}
func (nopProgress) Resumed(int)                {}
func (nopProgress) Done(bool)                  {}
func (nopProgress) Wait(string, time.Duration) {}
func (nopProgress) Close()                     {}

type hostKeyCtx struct{}

func withHost(ctx context.Context, host string) context.Context {
	return context.WithValue(ctx, hostKeyCtx{}, host)
}

// PoliteSleep is a fetch.Options.Sleep that tells p which host the
// fetcher waits for and how long, then sleeps (or gives up when ctx ends).
func PoliteSleep(p Progress) func(ctx context.Context, d time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		if p != nil {
			if h, ok := ctx.Value(hostKeyCtx{}).(string); ok {
				p.Wait(h, d)
			}
		}
		return fetch.SleepContext(ctx, d)
	}
}

// counts is the state every progress display shows.
type counts struct {
	mu      sync.Mutex
	total   int
	done    int
	failed  int
	resumed int
	start   time.Time
	waits   map[string]time.Time // host -> until when it is being waited for
}

func (c *counts) waitingHosts(now time.Time) []string {
	var hs []string
	for h, until := range c.waits {
		if until.After(now) {
			hs = append(hs, h)
		} else {
			delete(c.waits, h)
		}
	}
	sort.Strings(hs)
	return hs
}

// rate is listings per second in this attempt.
func (c *counts) rate(now time.Time) float64 {
	el := now.Sub(c.start).Seconds()
	if el <= 0 {
		return 0
	}
	return float64(c.done-c.resumed) / el
}

func (c *counts) eta(now time.Time) string {
	r := c.rate(now)
	left := c.total - c.done
	if r <= 0 || left <= 0 {
		return "?"
	}
	return (time.Duration(float64(left) / r * float64(time.Second))).Round(time.Second).String()
}

// Bar draws a progress bar on a terminal: done/total, rate, errors, ETA
// and the hosts being waited for.
type Bar struct {
	counts
	bar *progressbar.ProgressBar
}

// NewBar returns a bar that draws on w (a terminal).
func NewBar(w io.Writer) *Bar {
	b := &Bar{counts: counts{start: time.Now(), waits: map[string]time.Time{}}}
	b.bar = progressbar.NewOptions(0,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("auditing"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("listings"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowDescriptionAtLineEnd(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
	return b
}

// Planned implements Progress.
func (b *Bar) Planned(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total += n
	b.bar.ChangeMax(b.total)
}

// Resumed implements Progress.
func (b *Bar) Resumed(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	b.resumed += n
	_ = b.bar.Set(b.done)
}

// Done implements Progress.
func (b *Bar) Done(failed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	if failed {
		b.failed++
	}
	b.bar.Describe(b.describe(time.Now()))
	_ = b.bar.Add(1)
}

// Wait implements Progress.
func (b *Bar) Wait(host string, d time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.waits[host] = time.Now().Add(d)
}

func (b *Bar) describe(now time.Time) string {
	s := fmt.Sprintf("%d not read", b.failed)
	if hs := b.waitingHosts(now); len(hs) > 0 {
		s += fmt.Sprintf(", waiting on %d host(s) for politeness", len(hs))
		if len(hs) == 1 {
			s += " (" + hs[0] + ")"
		}
	}
	return s
}

// Close implements Progress.
func (b *Bar) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	_ = b.bar.Exit()
}

// Plain writes a progress line now and then, for CI logs.
type Plain struct {
	counts
	w     io.Writer
	every time.Duration
	last  time.Time
}

// NewPlain writes a line to w at most once per every (and one at the end).
func NewPlain(w io.Writer, every time.Duration) *Plain {
	now := time.Now()
	return &Plain{counts: counts{start: now, waits: map[string]time.Time{}}, w: w, every: every, last: now}
}

// Planned implements Progress.
func (p *Plain) Planned(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total += n
}

// Resumed implements Progress.
func (p *Plain) Resumed(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.resumed += n
}

// Done implements Progress.
func (p *Plain) Done(failed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if failed {
		p.failed++
	}
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.line(now)
	}
}

// Wait implements Progress.
func (p *Plain) Wait(host string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waits[host] = time.Now().Add(d)
}

func (p *Plain) line(now time.Time) {
	fmt.Fprintf(p.w, "exolint audit: %d/%d listings, %.1f/s, %d not read, ETA %s, %d host(s) waiting\n",
		p.done, p.total, p.rate(now), p.failed, p.eta(now), len(p.waitingHosts(now)))
}

// Close implements Progress.
func (p *Plain) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line(time.Now())
}
