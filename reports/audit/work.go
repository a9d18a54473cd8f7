package audit

import (
	"context"
	"sync"

	"github.com/exolint/exolint/reports/store"
)

// pool runs CPU work (reading files, checking documents) on Jobs workers
// and hands each result to the writer.
type pool struct {
	jobs chan func() *store.Result
	wg   sync.WaitGroup
}

func newPool(n int, w *writer) *pool {
	p := &pool{jobs: make(chan func() *store.Result, n)}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				if res := job(); res != nil {
					w.put(res)
				}
			}
		}()
	}
	return p
}

// submit queues a job, or gives up when ctx ends.
func (p *pool) submit(ctx context.Context, job func() *store.Result) error {
	select {
	case p.jobs <- job:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *pool) close() {
	close(p.jobs)
	p.wg.Wait()
}

// writer commits results as they come, a few per transaction: every
// result is in the store moments after its document finished.
type writer struct {
	r    *Runner
	run  int64
	in   chan *store.Result
	done chan error
}

// maxBatch bounds one transaction.
const maxBatch = 64

func newWriter(r *Runner, run int64) *writer {
	w := &writer{r: r, run: run, in: make(chan *store.Result, maxBatch), done: make(chan error, 1)}
	go w.loop()
	return w
}

func (w *writer) put(res *store.Result) { w.in <- res }

func (w *writer) loop() {
	var firstErr error
	batch := make([]*store.Result, 0, maxBatch)
	for res := range w.in {
		batch = append(batch[:0], res)
		// Take whatever else is already waiting, without waiting for more.
	more:
		for len(batch) < maxBatch {
			select {
			case next, ok := <-w.in:
				if !ok {
					break more
				}
				batch = append(batch, next)
			default:
				break more
			}
		}
		if firstErr != nil {
			continue // drain so producers never block
		}
		// The store commits even when the run is being stopped.
		if _, err := w.r.Store.Save(context.Background(), w.run, batch); err != nil {
			firstErr = err
			continue
		}
		for _, b := range batch {
			w.r.progress().Done(b.FetchError != "")
		}
	}
	w.done <- firstErr
}

func (w *writer) close() error {
	close(w.in)
	return <-w.done
}
