package rules

import (
	"context"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/exolint/exolint/scraper"
)

// LoadFunc reads one input into a document.
type LoadFunc func(ctx context.Context, in scraper.Input) (*scraper.Document, error)

// Run loads and checks inputs on several workers and hands each result to
// emit in input order, as soon as it and all before it are done. Only
// results are kept, never the documents, so memory does not grow with the
// number of inputs.
func (e *Engine) Run(ctx context.Context, inputs []scraper.Input, load LoadFunc, workers int, emit func(*DocResult) error) error {
	return e.RunSeq(ctx, slices.Values(inputs), load, workers, emit)
}

// RunSeq is Run over inputs that arrive as a stream (JSON Lines records
// on standard input): an input is taken only when a worker is free.
func (e *Engine) RunSeq(ctx context.Context, inputs iter.Seq[scraper.Input], load LoadFunc, workers int, emit func(*DocResult) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i  int
		in scraper.Input
	}
	jobs := make(chan job)
	results := make(chan struct {
		i int
		r *DocResult
	}, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- struct {
					i int
					r *DocResult
				}{j.i, e.check(ctx, j.in, load)}
			}
		}()
	}
	go func() {
		defer close(jobs)
		i := 0
		for in := range inputs {
			select {
			case jobs <- job{i, in}:
			case <-ctx.Done():
				return
			}
			i++
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]*DocResult{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.i] = r.r
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr == nil {
				emitErr = emit(res)
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

func (e *Engine) check(ctx context.Context, in scraper.Input, load LoadFunc) *DocResult {
	doc, err := load(ctx, in)
	if err != nil {
		return &DocResult{Source: in.Name, Err: err}
	}
	return e.Check(doc)
}
