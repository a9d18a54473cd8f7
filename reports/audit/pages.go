package audit

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

const (
	// laneBatch is how many pages of one host are taken from the store
	// at a time.
	laneBatch = 16
	// deadAfter consecutive network failures mark a host unreachable:
	// its remaining pages fail at once instead of each waiting out a
	// timeout.
	deadAfter = 3
)

// readPages reads every listed page still to do. Each host is a lane
// that fetches one page at a time (the Fetcher keeps the per-host delay
// and robots.txt); many lanes run at once, so a slow or unreachable host
// holds up only its own pages. Local files have a lane of their own that
// hands them straight to the workers.
func (r *Runner) readPages(ctx context.Context, run int64, pool *pool) error {
	hosts, err := r.Store.PendingHosts(ctx, run)
	if err != nil {
		return err
	}
	maxLanes := max(4*r.jobs(), 16)
	lanes := make(chan struct{}, maxLanes)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for _, h := range hosts {
		select {
		case lanes <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-lanes }()
			var err error
			if h == "" {
				err = r.fileLane(ctx, run, pool)
			} else {
				err = r.hostLane(ctx, run, h, pool)
			}
			if err != nil && !errors.Is(err, context.Canceled) {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

func (r *Runner) fileLane(ctx context.Context, run int64, pool *pool) error {
	var after int64
	for {
		pages, err := r.Store.Pending(ctx, run, "", after, 4*laneBatch)
		if err != nil || len(pages) == 0 {
			return err
		}
		for _, pg := range pages {
			after = pg.ID
			if err := pool.submit(ctx, func() *store.Result { return r.checkFile(ctx, pg) }); err != nil {
				return err
			}
		}
	}
}

func (r *Runner) checkFile(ctx context.Context, pg store.Page) *store.Result {
	if ctx.Err() != nil {
		return nil // stopped: the file stays to do
	}
	meta := fetchMeta{at: r.now()}
	doc, err := r.readFile(ctx, pg.Source)
	if err != nil {
		return r.result(pg, &rules.DocResult{Source: pg.Source, Err: err}, nil, meta)
	}
	return r.result(pg, r.Engine.Check(doc), doc, meta)
}

func (r *Runner) readFile(ctx context.Context, path string) (*scraper.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := r.MaxFileSize
	if limit <= 0 {
		limit = 50 << 20
	}
	data, err := scraper.ReadFile(path, limit)
	if err != nil {
		return nil, err
	}
	return r.Reader.Read(path, data, scraper.FormatFor(path))
}

func (r *Runner) hostLane(ctx context.Context, run int64, host string, pool *pool) error {
	var after int64
	failures := 0
	for {
		pages, err := r.Store.Pending(ctx, run, host, after, laneBatch)
		if err != nil || len(pages) == 0 {
			return err
		}
		for _, pg := range pages {
			after = pg.ID
			if err := ctx.Err(); err != nil {
				return err
			}
			if failures >= deadAfter {
				err := fmt.Errorf("%s: not tried, the host failed %d times in a row", host, deadAfter)
				res := r.result(pg, &rules.DocResult{Source: pg.Source, Err: err}, nil, fetchMeta{at: r.now()})
				if err := pool.submit(ctx, func() *store.Result { return res }); err != nil {
					return err
				}
				continue
			}
			meta := fetchMeta{at: r.now()}
			res, ferr := r.Fetcher.Fetch(withHost(ctx, host), pg.Source)
			if ctx.Err() != nil {
				return ctx.Err() // in flight when stopped: stays to do
			}
			if ferr != nil {
				if errors.Is(ferr, fetch.ErrNetwork) || errors.Is(ferr, fetch.ErrTimeout) {
					failures++
				}
				var se *fetch.StatusError
				if errors.As(ferr, &se) {
					meta.status = se.Code
				}
				out := r.result(pg, &rules.DocResult{Source: pg.Source, Err: errors.New(fetch.Describe(ferr))}, nil, meta)
				if err := pool.submit(ctx, func() *store.Result { return out }); err != nil {
					return err
				}
				continue
			}
			failures = 0
			meta.status = res.StatusCode
			err := pool.submit(ctx, func() *store.Result {
				doc, err := scraper.ReadFetched(r.Reader, pg.Source, res)
				if err != nil {
					return r.result(pg, &rules.DocResult{Source: pg.Source, Err: err}, nil, meta)
				}
				return r.result(pg, r.Engine.Check(doc), doc, meta)
			})
			if err != nil {
				return err
			}
		}
	}
}
