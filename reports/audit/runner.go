// Package audit runs a retailer audit: it lists the pages of sitemaps,
// URL lists and folders, streams product feeds, fetches politely across
// many hosts at once, lints every listing, and commits each result to the
// run store as it finishes, so an interrupted run resumes where it
// stopped. Commands only parse flags and call Runner.Run.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

// Runner runs audits. Fill it in and call Run.
type Runner struct {
	Store   *store.Store
	Engine  *rules.Engine
	Fetcher *fetch.Fetcher
	Reader  *scraper.Reader
	// Jobs is how many listings are read and checked at once, across all
	// hosts; each host still gets one request at a time.
	Jobs       int
	FeedFormat string // "" to detect each feed's format
	// Progress hears about the run as it goes; nil for none.
	Progress Progress
	// Open opens a local feed, sitemap or URL list; nil means
	// scraper.OpenFile, which refuses named pipes and devices.
	Open func(path string) (io.ReadCloser, error)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// MaxFileSize caps a local page file; 0 means 50 MB.
	MaxFileSize int64
}

// Outcome says how a run ended.
type Outcome struct {
	Run      *store.Run
	Finished bool // false: stopped early (Ctrl-C), resumable
	Done     int  // documents done in this run, over all attempts
	Pending  int
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) progress() Progress {
	if r.Progress == nil {
		return nopProgress{}
	}
	return r.Progress
}

func (r *Runner) jobs() int {
	if r.Jobs > 0 {
		return r.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

func (r *Runner) open(ctx context.Context, path string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	open := r.Open
	if open == nil {
		open = func(p string) (io.ReadCloser, error) { return scraper.OpenFile(p) }
	}
	rc, err := open(path)
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe):
		return nil, err // it names the file already
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rc, nil
}

// Run runs (or resumes) run until every listing is done or ctx ends. A
// run stopped by ctx stays unfinished, to be resumed; what finished before
// is in the store.
func (r *Runner) Run(ctx context.Context, run *store.Run) (Outcome, error) {
	out := Outcome{Run: run}
	if r.Reader == nil {
		r.Reader = scraper.NewReader()
	}
	done, pending, err := r.Store.Counts(ctx, run.ID)
	if err != nil {
		return out, err
	}
	r.progress().Planned(done + pending)
	r.progress().Resumed(done)
	if !run.Planned {
		if err := r.plan(ctx, run); err != nil {
			return r.outcome(ctx, out, err)
		}
		_, pending, err = r.Store.Counts(ctx, run.ID)
		if err != nil {
			return out, err
		}
		r.progress().Planned(pending)
	}

	w := newWriter(r, run.ID)
	pool := newPool(r.jobs(), w)
	var wg sync.WaitGroup
	var firstErr error
	var errMu sync.Mutex
	fail := func(err error) {
		errMu.Lock()
		if firstErr == nil && err != nil && !errors.Is(err, context.Canceled) {
			firstErr = err
		}
		errMu.Unlock()
	}
	var feedsRead []int
	wg.Add(2)
	go func() { defer wg.Done(); fail(r.readPages(ctx, run.ID, pool)) }()
	go func() {
		defer wg.Done()
		var err error
		feedsRead, err = r.readFeeds(ctx, run, pool)
		fail(err)
	}()
	wg.Wait()
	pool.close()
	fail(w.close())
	// Once ctx has ended, errors are the stop showing through (a query
	// interrupted midway): the run stopped, it did not fail.
	if firstErr != nil && ctx.Err() == nil {
		return out, firstErr
	}
	// A feed is done only now that all its records are committed.
	for _, idx := range feedsRead {
		if err := r.Store.InputDone(context.Background(), run.ID, idx, ""); err != nil {
			return out, err
		}
	}
	return r.outcome(ctx, out, ctx.Err())
}

// outcome finishes the run when nothing is left and ctx did not end.
func (r *Runner) outcome(ctx context.Context, out Outcome, err error) (Outcome, error) {
	// Counting and finishing happen even after Ctrl-C: the store must
	// say what was done.
	bg := context.Background()
	stopped := ctx.Err() != nil
	if err != nil && !stopped {
		return out, err
	}
	done, pending, cerr := r.Store.Counts(bg, out.Run.ID)
	if cerr != nil {
		return out, cerr
	}
	out.Done, out.Pending = done, pending
	if stopped {
		return out, nil
	}
	inputs, ierr := r.Store.InputState(bg, out.Run.ID)
	if ierr != nil {
		return out, ierr
	}
	for idx, in := range out.Run.Inputs {
		if in.Kind == InputFeed && !inputs[idx] {
			return out, nil
		}
	}
	if pending == 0 {
		if err := r.Store.Finish(bg, out.Run.ID); err != nil {
			return out, err
		}
		out.Finished = true
	}
	return out, nil
}

// FeedMediaTypes are what a Fetcher must accept, besides pages, to read
// sitemaps and feeds.
func FeedMediaTypes() []string {
	return []string{"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
		"application/gzip", "application/x-gzip", "text/csv", "text/tab-separated-values",
		"application/x-ndjson", "application/jsonl", "application/octet-stream"}
}
