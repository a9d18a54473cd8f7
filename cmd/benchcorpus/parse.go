package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/net/html"
)

// parseAll reads and html.Parses every .html file in dir on jobs workers,
// the baseline exolint's check is measured against.
func parseAll(dir string, jobs int) (int, int64, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return 0, 0, fmt.Errorf("parse: %w", err)
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	work := make(chan string)
	var mu sync.Mutex
	var size int64
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				data, err := os.ReadFile(f)
				if err == nil {
					_, err = html.Parse(bytes.NewReader(data))
				}
				mu.Lock()
				size += int64(len(data))
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("parse %s: %w", f, err)
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	return len(files), size, firstErr
}
