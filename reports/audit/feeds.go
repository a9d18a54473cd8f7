package audit

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sort"

	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/scraper/feed"
)

// readFeeds streams every feed input not yet read to its end. On resume,
// records already done are skipped before they are even read into
// documents. It returns the feeds it read to the end; they are marked
// done only once their records are committed.
func (r *Runner) readFeeds(ctx context.Context, run *store.Run, pool *pool) ([]int, error) {
	state, err := r.Store.InputState(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	var finished []int
	for idx, in := range run.Inputs {
		if in.Kind != InputFeed || state[idx] {
			continue
		}
		if err := r.readFeed(ctx, run.ID, idx, in.Value, pool); err != nil {
			if ctx.Err() != nil {
				return finished, ctx.Err()
			}
			var fe *feedError
			if !errors.As(err, &fe) {
				return finished, err
			}
			// The feed as a whole could not be read: one listing says why,
			// and the other inputs go on.
			if err := r.saveError(ctx, run.ID, idx, 0, InputFeed, in.Value, fe.err); err != nil {
				return finished, err
			}
		}
		finished = append(finished, idx)
	}
	return finished, nil
}

// feedError is a feed that cannot be read at all.
type feedError struct{ err error }

func (e *feedError) Error() string { return e.err.Error() }

func (r *Runner) readFeed(ctx context.Context, run int64, idx int, source string, pool *pool) error {
	done, err := r.Store.DoneRecords(ctx, run, idx)
	if err != nil {
		return err
	}
	var in io.Reader
	if isURL(source) {
		data, err := r.readSource(ctx, source)
		if err != nil {
			return &feedError{err}
		}
		in = bytes.NewReader(data)
	} else {
		rc, err := r.open(ctx, source)
		if err != nil {
			return &feedError{err}
		}
		defer func() { _ = rc.Close() }()
		in = rc
	}
	f := &feed.Feed{Source: source, Format: r.FeedFormat, Reader: r.Reader, Skip: func(n int) bool {
		i := sort.Search(len(done), func(i int) bool { return done[i] >= int32(n) })
		return i < len(done) && done[i] == int32(n)
	}}
	err = f.Read(in, func(it feed.Item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.progress().Planned(1)
		l := store.Listing{InputIdx: idx, N: it.N, Kind: store.KindRecord, Source: source, Key: it.Key, FetchedAt: store.Timestamp(r.now())}
		if it.Err != nil {
			res := &store.Result{Listing: l}
			res.FetchError = oneLine(it.Err.Error())
			res.Result = errorJSON(source, res.FetchError)
			return pool.submit(ctx, func() *store.Result { return res })
		}
		doc := it.Doc
		return pool.submit(ctx, func() *store.Result { return r.fill(l, r.Engine.Check(doc), doc) })
	})
	if err != nil && ctx.Err() == nil && !errors.Is(err, context.Canceled) {
		return &feedError{err}
	}
	return err
}
