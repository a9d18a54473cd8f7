package inci

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse10000 parses 10,000 realistic lists (the fixtures, cycled)
// per iteration.
func BenchmarkParse10000(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.txt")
	var lists []string
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		lists = append(lists, string(data))
	}
	if len(lists) == 0 {
		b.Fatal("no fixtures")
	}
	var bytes int64
	for i := range 10000 {
		bytes += int64(len(lists[i%len(lists)]))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		for i := range 10000 {
			_ = Parse(lists[i%len(lists)])
		}
	}
}
