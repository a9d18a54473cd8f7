package audit

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/feed"
	"github.com/exolint/exolint/scraper/fetch"
)

// Input kinds, as the store records them.
const (
	InputSitemap = "sitemap" // a sitemap or sitemap index (URL or file), or a bare site
	InputFeed    = "feed"    // a product feed (file or URL)
	InputURLs    = "urls"    // a file listing URLs, one a line
	InputTarget  = "target"  // a file, folder or URL, as check takes
)

// Limits on sitemap expansion, against a site that lists itself forever.
const (
	maxSitemapDepth = 5
	maxSitemaps     = 5000
	planBatch       = 500
)

// planner lists the pages of one run in the store.
type planner struct {
	r     *Runner
	run   int64
	batch []store.Page
}

func (p *planner) add(ctx context.Context, pg store.Page) error {
	p.batch = append(p.batch, pg)
	if len(p.batch) >= planBatch {
		return p.flush(ctx)
	}
	return nil
}

func (p *planner) flush(ctx context.Context) error {
	err := p.r.Store.Plan(ctx, p.run, p.batch)
	p.batch = p.batch[:0]
	return err
}

// plan lists every page of the run's non-feed inputs. A problem with one
// entry (a bad <loc>, a missing file) is saved as that entry's error.
func (r *Runner) plan(ctx context.Context, run *store.Run) error {
	if err := r.Store.ResetPlan(ctx, run.ID); err != nil {
		return err
	}
	p := &planner{r: r, run: run.ID}
	for idx, in := range run.Inputs {
		n := 0
		next := func() int { n++; return n }
		var err error
		switch in.Kind {
		case InputFeed:
			continue
		case InputSitemap:
			err = r.planSitemap(ctx, p, idx, in.Value, next)
		case InputURLs:
			err = r.planURLList(ctx, p, idx, in.Value, next)
		case InputTarget:
			err = r.planTarget(ctx, p, idx, in.Value, next)
		default:
			err = fmt.Errorf("unknown input kind %q", in.Kind)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// The whole input failed (a sitemap that would not load): it
			// is one listing with that error, and the run goes on.
			if serr := r.saveError(ctx, run.ID, idx, next(), in.Kind, in.Value, err); serr != nil {
				return serr
			}
		}
	}
	if err := p.flush(ctx); err != nil {
		return err
	}
	return r.Store.SetPlanned(ctx, run.ID)
}

// saveError saves an input or an entry of one that could not be used.
func (r *Runner) saveError(ctx context.Context, run int64, idx, n int, kind, source string, err error) error {
	res := &store.Result{Listing: store.Listing{InputIdx: idx, N: n, Kind: kind, Source: source, Key: source,
		FetchError: oneLine(err.Error()), FetchedAt: store.Timestamp(r.now())}}
	res.Result = errorJSON(source, res.FetchError)
	if _, serr := r.Store.Save(ctx, run, []*store.Result{res}); serr != nil {
		return serr
	}
	r.progress().Planned(1)
	r.progress().Done(true)
	return nil
}

func (r *Runner) planTarget(ctx context.Context, p *planner, idx int, target string, next func() int) error {
	for _, in := range scraper.ExpandArgs([]string{target}) {
		switch {
		case in.Kind == scraper.InputStdin:
			return errors.New("standard input cannot be audited: give a file, or use exolint check")
		case in.Err != nil:
			if err := r.saveError(ctx, p.run, idx, next(), store.KindFile, in.Name, in.Err); err != nil {
				return err
			}
		case in.Kind == scraper.InputURL:
			if err := p.add(ctx, pageFor(idx, next(), in.Name)); err != nil {
				return err
			}
		default:
			if err := p.add(ctx, store.Page{InputIdx: idx, N: next(), Kind: store.KindFile, Source: in.Name}); err != nil {
				return err
			}
		}
	}
	return nil
}

func pageFor(idx, n int, rawURL string) store.Page {
	return store.Page{InputIdx: idx, N: n, Kind: store.KindPage, Source: rawURL, Host: hostKey(rawURL)}
}

// hostKey is scheme://host:port, the unit of politeness: the fetcher's own
// key, so an audit's host lanes and the fetcher's rate limits agree.
func hostKey(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return fetch.OriginKey(u)
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

func (r *Runner) planURLList(ctx context.Context, p *planner, idx int, path string, next func() int) error {
	rc, err := r.open(ctx, path)
	if err != nil {
		return err
	}
	defer func() { _ = rc.Close() }()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !isURL(s) {
			if err := r.saveError(ctx, p.run, idx, next(), store.KindPage, s, fmt.Errorf("%s line %d: not an http(s) URL", path, line)); err != nil {
				return err
			}
			continue
		}
		if err := p.add(ctx, pageFor(idx, next(), s)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s line %d: %w", path, line+1, err)
	}
	return nil
}

// planSitemap walks a sitemap and the sitemaps it lists, breadth first.
// A bare site (no path) is looked up in its robots.txt Sitemap: lines,
// then at /sitemap.xml.
func (r *Runner) planSitemap(ctx context.Context, p *planner, idx int, start string, next func() int) error {
	type todo struct {
		loc   string
		depth int
	}
	queue := []todo{}
	if u, err := url.Parse(start); err == nil && isURL(start) && (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
		maps, err := r.Fetcher.Sitemaps(ctx, start)
		if err != nil {
			return err
		}
		if len(maps) == 0 {
			maps = []string{u.ResolveReference(&url.URL{Path: "/sitemap.xml"}).String()}
		}
		for _, m := range maps {
			queue = append(queue, todo{loc: m})
		}
	} else {
		queue = append(queue, todo{loc: start})
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if seen[t.loc] {
			continue
		}
		seen[t.loc] = true
		if len(seen) > maxSitemaps {
			return fmt.Errorf("more than %d sitemaps under %s: stopped listing", maxSitemaps, start)
		}
		data, err := r.readSource(ctx, t.loc)
		if err == nil {
			err = feed.ParseSitemap(bytes.NewReader(data), t.loc, func(l feed.Loc) error {
				switch {
				case l.Err != nil:
					return r.saveError(ctx, p.run, idx, next(), store.KindPage, l.URL, fmt.Errorf("sitemap %s %w", t.loc, l.Err))
				case l.Sitemap && t.depth+1 >= maxSitemapDepth:
					return r.saveError(ctx, p.run, idx, next(), InputSitemap, l.URL, fmt.Errorf("sitemaps nested deeper than %d", maxSitemapDepth))
				case l.Sitemap:
					queue = append(queue, todo{loc: l.URL, depth: t.depth + 1})
					return nil
				}
				return p.add(ctx, pageFor(idx, next(), l.URL))
			})
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if t.loc == start {
				return fmt.Errorf("sitemap %s: %w", t.loc, err)
			}
			if serr := r.saveError(ctx, p.run, idx, next(), InputSitemap, t.loc, fmt.Errorf("sitemap: %w", err)); serr != nil {
				return serr
			}
		}
	}
	return nil
}

// readSource reads a sitemap or a fetched feed: a URL through the polite
// Fetcher, anything else as a local file.
func (r *Runner) readSource(ctx context.Context, loc string) ([]byte, error) {
	if isURL(loc) {
		res, err := r.Fetcher.Fetch(ctx, loc)
		if err != nil {
			return nil, err
		}
		return res.Body, nil
	}
	rc, err := r.open(ctx, loc)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rc.Close() }()
	data, err := io.ReadAll(io.LimitReader(rc, maxSitemapBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", loc, err)
	}
	if len(data) > maxSitemapBytes {
		return nil, fmt.Errorf("%s: over %d MiB", loc, maxSitemapBytes>>20)
	}
	return data, nil
}

// maxSitemapBytes: the protocol caps a sitemap at 50 MB uncompressed.
const maxSitemapBytes = 64 << 20

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
