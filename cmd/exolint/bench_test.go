package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/exolint/exolint/cmd/benchcorpus/corpus"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The speed budget: check costs at most twice a bare html.Parse of the same
// pages. These two benchmarks measure both on one generated corpus; compare
// them in the same run (.ci/bench does the full 2000-page run end to end).

func benchCorpus(b *testing.B) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	size, err := corpus.Generate(dir, 200, 7)
	if err != nil {
		b.Fatal(err)
	}
	return dir, size
}

func BenchmarkHTMLParseCorpus(b *testing.B) {
	dir, size := benchCorpus(b)
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := html.Parse(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkCheckCorpus(b *testing.B) {
	dir, size := benchCorpus(b)
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		b.Fatal(err)
	}
	loader := &scraper.Loader{Reader: scraper.NewReader()}
	inputs := scraper.ExpandArgs([]string{dir})
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		findings := 0
		err := engine.Run(context.Background(), inputs, loader.Load, 1, func(d *rules.DocResult) error {
			findings += len(d.Findings)
			return nil
		})
		if err != nil || findings == 0 {
			b.Fatalf("run: %v, %d findings", err, findings)
		}
	}
}
