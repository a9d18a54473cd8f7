package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exolint/exolint/reports/audit/audittest"
	"github.com/exolint/exolint/reports/store"
)

// buildExolint builds the command into a temporary folder, so a test can
// run it as a separate process and kill it.
func buildExolint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "exolint")
	out, err := exec.CommandContext(t.Context(), "go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func doneSources(t *testing.T, db string) map[string]int {
	t.Helper()
	s, err := store.Open(context.Background(), db, store.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = s.Close() }()
	ids, err := s.LastRuns(context.Background(), 1)
	if err != nil || len(ids) == 0 {
		return map[string]int{}
	}
	out := map[string]int{}
	err = s.Listings(context.Background(), ids[0], store.ByInput, false, func(l *store.Listing, _ []store.Finding) error {
		out[l.Source]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAuditKillAndResume kills `exolint audit` with SIGKILL in the middle
// of a crawl of a sitemap index over 330 pages on three loopback hosts,
// then resumes it: pages committed before the kill are not fetched again,
// and every listing is in the store exactly once.
func TestAuditKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildExolint(t)
	site := audittest.New(3, 110)
	defer site.Close()
	site.HoldAfter(150)
	db := filepath.Join(t.TempDir(), "audit.db")
	cmd := exec.CommandContext(t.Context(), bin, "audit", "--db", db, "--sitemap", site.IndexURL(), "--host-delay", "0", "-j", "4", "--progress", "never", "--no-config")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-site.Held()
	// The first 150 pages are being checked and committed; the next
	// requests wait at the gate. Kill once some are in the store.
	var committed map[string]int
	for try := 0; try < 3000; try++ { // up to ~30 s on a loaded machine
		committed = doneSources(t, db)
		if len(committed) >= 100 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(committed) < 100 {
		t.Fatalf("only %d listings committed while the crawl was held; stderr: %s", len(committed), stderr.String())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	site.Release()

	committed = doneSources(t, db)
	if len(committed) == 0 || len(committed) >= 330 {
		t.Fatalf("%d listings committed at the kill", len(committed))
	}
	site.ResetHits()
	out, err := exec.CommandContext(t.Context(), bin, "audit", "--db", db, "--resume", "--progress", "never", "--no-config").CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "finished: 330 listings") {
		t.Errorf("resume said: %s", out)
	}
	after := doneSources(t, db)
	if len(after) != 330 {
		t.Errorf("%d listings after resume, want 330", len(after))
	}
	for src, n := range after {
		if n != 1 {
			t.Errorf("%s is in the store %d times", src, n)
		}
	}
	hits := site.Hits()
	for src := range committed {
		if page := strings.SplitN(src, "?", 2)[0]; hits[page] != 0 {
			t.Errorf("%s was committed before the kill and fetched again", page)
		}
	}
	for page, n := range hits {
		if n != 1 {
			t.Errorf("%s fetched %d times on resume", page, n)
		}
	}
	runs, err := exec.CommandContext(t.Context(), bin, "audit", "runs", "--db", db).CombinedOutput()
	if err != nil || strings.Count(string(runs), "finished") != 1 {
		t.Errorf("audit runs: %v\n%s", err, runs)
	}
}
