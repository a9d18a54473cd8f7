package audit_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exolint/exolint/reports/audit"
	"github.com/exolint/exolint/reports/audit/audittest"
	"github.com/exolint/exolint/reports/rollup"
	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

func newRunner(t *testing.T, db *store.Store) *audit.Runner {
	t.Helper()
	engine, err := rules.NewEngine(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return &audit.Runner{
		Store:  db,
		Engine: engine,
		Fetcher: fetch.New(fetch.Options{Version: "test", PerHostDelay: -1, Retries: -1, MaxConcurrent: 4,
			ExtraMediaTypes: audit.FeedMediaTypes()}),
		Reader: scraper.NewReader(),
		Jobs:   4,
	}
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	db, err := store.Open(context.Background(), path, store.ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// deadURL is a loopback address nobody listens on.
func deadURL(t *testing.T) string {
	t.Helper()
	var lc net.ListenConfig
	l, err := lc.Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr
}

type listingCount struct {
	total, failed int
	bySource      map[string]int
	findings      int
}

func countListings(t *testing.T, db *store.Store, run int64) listingCount {
	t.Helper()
	c := listingCount{bySource: map[string]int{}}
	err := db.Listings(context.Background(), run, store.ByInput, true, func(l *store.Listing, fs []store.Finding) error {
		c.total++
		c.bySource[l.Source]++
		c.findings += len(fs)
		if l.FetchError != "" {
			c.failed++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSitemapIndexOverHosts audits a sitemap index over 330 pages on three
// loopback hosts, plus a URL list on a host that refuses connections: each
// page is fetched once, the dead host fails fast, and the run finishes.
func TestSitemapIndexOverHosts(t *testing.T) {
	site := audittest.New(3, 110)
	defer site.Close()
	dir := t.TempDir()
	dead := deadURL(t)
	var list strings.Builder
	for i := 0; i < 5; i++ {
		list.WriteString(dead + "/p/" + string(rune('a'+i)) + "\n")
	}
	list.WriteString("not a url\n")
	urls := filepath.Join(dir, "urls.txt")
	if err := os.WriteFile(urls, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := openStore(t, filepath.Join(dir, "audit.db"))
	ctx := context.Background()
	run, err := db.NewRun(ctx, []store.Input{{Kind: audit.InputSitemap, Value: site.IndexURL()}, {Kind: audit.InputURLs, Value: urls}}, nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	out, err := newRunner(t, db).Run(ctx, run)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Finished || out.Pending != 0 {
		t.Fatalf("outcome %+v", out)
	}
	c := countListings(t, db, run.ID)
	if c.total != 330+6 || c.failed != 6 {
		t.Errorf("%d listings, %d failed; want 336 and 6", c.total, c.failed)
	}
	for src, n := range c.bySource {
		if n != 1 {
			t.Errorf("%s listed %d times", src, n)
		}
	}
	if c.findings == 0 {
		t.Error("no findings over pages that claim cures")
	}
	hits := site.Hits()
	if len(hits) != 330 {
		t.Errorf("%d pages fetched, want 330", len(hits))
	}
	for u, n := range hits {
		if n != 1 {
			t.Errorf("%s fetched %d times", u, n)
		}
	}
	if !strings.Contains(firstSource(t, db, run.ID), "?ref=sitemap&v=1") {
		t.Errorf("<loc> entities not decoded: %s", firstSource(t, db, run.ID))
	}
}

func firstSource(t *testing.T, db *store.Store, run int64) string {
	var src string
	_ = db.Listings(context.Background(), run, store.ByInput, false, func(l *store.Listing, _ []store.Finding) error {
		if src == "" {
			src = l.Source
		}
		return nil
	})
	return src
}

// TestStopAndResume stops a run midway (the servers hold requests at a
// gate, then the run is cancelled), resumes it, and checks that nothing
// committed before the stop is fetched again and every listing is in the
// store exactly once.
func TestStopAndResume(t *testing.T) {
	site := audittest.New(3, 40)
	defer site.Close()
	site.HoldAfter(50)
	dir := t.TempDir()
	db := openStore(t, filepath.Join(dir, "audit.db"))
	run, err := db.NewRun(context.Background(), []store.Input{{Kind: audit.InputSitemap, Value: site.IndexURL()}}, nil, "test")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-site.Held()
		cancel()
	}()
	out, err := newRunner(t, db).Run(ctx, run)
	if err != nil {
		t.Fatal(err)
	}
	site.Release()
	if out.Finished || out.Pending == 0 {
		t.Fatalf("a stopped run finished: %+v", out)
	}
	before := countListings(t, db, run.ID)
	if before.total == 0 || before.total >= 120 {
		t.Fatalf("%d listings done before the stop", before.total)
	}
	site.ResetHits()
	resumed, err := db.LatestUnfinished(context.Background())
	if err != nil || resumed == nil || resumed.ID != run.ID {
		t.Fatalf("unfinished run %v %v", resumed, err)
	}
	out, err = newRunner(t, db).Run(context.Background(), resumed)
	if err != nil || !out.Finished {
		t.Fatalf("resume: %+v %v", out, err)
	}
	after := countListings(t, db, run.ID)
	if after.total != 120 {
		t.Errorf("%d listings after resume, want 120", after.total)
	}
	for src, n := range after.bySource {
		if n != 1 {
			t.Errorf("%s listed %d times", src, n)
		}
	}
	hits := site.Hits()
	for src := range before.bySource {
		page := strings.SplitN(src, "?", 2)[0]
		if hits[page] != 0 {
			t.Errorf("%s was done before the stop and fetched again", page)
		}
	}
}

// TestDiffAfterChange runs twice over a site whose copy changes in
// between: every tenth page changes, with new findings; the rest do not.
func TestDiffAfterChange(t *testing.T) {
	site := audittest.New(2, 30)
	defer site.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.db")
	db := openStore(t, path)
	ctx := context.Background()
	var runs []int64
	for v := int64(0); v < 2; v++ {
		site.SetVersion(v)
		run, err := db.NewRun(ctx, []store.Input{{Kind: audit.InputSitemap, Value: site.Hosts[0].URL}, {Kind: audit.InputSitemap, Value: site.Hosts[1].URL + "/sitemap.xml"}}, nil, "test")
		if err != nil {
			t.Fatal(err)
		}
		if out, err := newRunner(t, db).Run(ctx, run); err != nil || !out.Finished {
			t.Fatalf("run %d: %+v %v", v, out, err)
		}
		runs = append(runs, run.ID)
	}
	var text bytes.Buffer
	sum, err := rollup.DiffText(ctx, &text, db, runs[0], runs[1])
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed != 6 || sum.Unchanged != 54 || sum.Added != 0 || sum.Removed != 0 || sum.NewFindings == 0 || sum.FixedFindings == 0 {
		t.Errorf("summary %+v\n%s", sum, text.String())
	}
	if !strings.Contains(text.String(), "new ") || !strings.Contains(text.String(), "penetration-claim") {
		t.Errorf("diff text:\n%s", text.String())
	}
}
