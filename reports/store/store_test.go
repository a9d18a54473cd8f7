package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRunLifecycle(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "audit.db")
	s, err := Open(ctx, path, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.NewRun(ctx, []Input{{Kind: "sitemap", Value: "https://a.example/sitemap.xml"}}, map[string]int{"jobs": 2}, "test")
	if err != nil {
		t.Fatal(err)
	}
	pages := []Page{
		{InputIdx: 0, N: 1, Kind: KindPage, Source: "https://a.example/1", Host: "https://a.example:443"},
		{InputIdx: 0, N: 2, Kind: KindPage, Source: "https://a.example/2", Host: "https://a.example:443"},
		{InputIdx: 0, N: 3, Kind: KindPage, Source: "https://a.example/1", Host: "https://a.example:443"}, // listed twice
	}
	if err := s.Plan(ctx, run.ID, pages); err != nil {
		t.Fatal(err)
	}
	todo, err := s.Pending(ctx, run.ID, "https://a.example:443", 0, 10)
	if err != nil || len(todo) != 2 {
		t.Fatalf("pending %v %v", todo, err)
	}
	res := &Result{Listing: Listing{ID: todo[0].ID, Key: "https://a.example/1", Errors: 1, Result: `{"source":"https://a.example/1"}`},
		Findings: []Finding{{Rule: "drug-claim", Severity: "error", Markets: "us,eu"}}}
	if n, err := s.Save(ctx, run.ID, []*Result{res}); err != nil || n != 1 {
		t.Fatalf("save %d %v", n, err)
	}
	// Saving the same document again (a retry after a crash) adds nothing.
	if n, err := s.Save(ctx, run.ID, []*Result{res}); err != nil || n != 0 {
		t.Fatalf("second save %d %v", n, err)
	}
	rec := &Result{Listing: Listing{InputIdx: 1, N: 1, Kind: KindRecord, Source: "feed.xml", Key: "id:X"}}
	if n, err := s.Save(ctx, run.ID, []*Result{rec, rec}); err != nil || n != 1 {
		t.Fatalf("record save %d %v", n, err)
	}
	done, pending, err := s.Counts(ctx, run.ID)
	if err != nil || done != 2 || pending != 1 {
		t.Fatalf("done %d pending %d %v", done, pending, err)
	}
	var seen []string
	var findings int
	err = s.Listings(ctx, run.ID, ByInput, true, func(l *Listing, fs []Finding) error {
		seen = append(seen, l.Key)
		findings += len(fs)
		return nil
	})
	if err != nil || len(seen) != 2 || findings != 1 {
		t.Fatalf("listings %v findings %d %v", seen, findings, err)
	}
	byMarket, err := s.ListingsByMarket(ctx, run.ID)
	if err != nil || len(byMarket) != 2 {
		t.Fatalf("markets %v %v", byMarket, err)
	}

	// A second process cannot open the store while this one holds it.
	if _, err := Open(ctx, path, ReadWrite); !errors.Is(err, ErrLocked) {
		t.Fatalf("second writer: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, path, ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	u, err := s2.LatestUnfinished(ctx)
	if err != nil || u == nil || u.ID != run.ID {
		t.Fatalf("unfinished %v %v", u, err)
	}
	_ = s2.Close()
}

func TestBadStores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte("this is not a database at all, just some text that is long enough to be a header......................................................................................................"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, junk, ReadWrite); !errors.Is(err, ErrNotStore) {
		t.Errorf("junk: %v", err)
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing.db"), ReadOnly); !errors.Is(err, ErrNoStore) {
		t.Errorf("missing: %v", err)
	}
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(ctx, newer, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	if _, err := Open(ctx, newer, ReadOnly); !errors.Is(err, ErrNewer) {
		t.Errorf("newer: %v", err)
	}
	other := filepath.Join(dir, "other.db")
	s, err = Open(ctx, other, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA application_id = 7"); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	if _, err := Open(ctx, other, ReadWrite); !errors.Is(err, ErrNotStore) {
		t.Errorf("other program's database: %v", err)
	}
}
