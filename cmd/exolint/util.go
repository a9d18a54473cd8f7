package main

import (
	"path/filepath"
	"sort"
	"time"
)

// relPath shows path relative to dir when that is shorter to read.
func relPath(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && len(r) < len(path) {
		return r
	}
	return path
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// today is the date suppressions-file expiry is judged by, in UTC so a run
// gives the same answer on every runner.
func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
