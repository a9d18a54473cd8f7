package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/exolint/exolint/reports/audit"
	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/feed"
	"github.com/exolint/exolint/scraper/fetch"
)

const (
	flagDB         = "db"
	flagSitemap    = "sitemap"
	flagFeed       = "feed"
	flagURLs       = "urls"
	flagFeedFormat = "feed-format"
	flagResume     = "resume"
	flagHostDelay  = "host-delay"
	flagProgress   = "progress"
	flagRun        = "run"
)

func dbFlag() cli.Flag {
	return &cli.StringFlag{Name: flagDB, Usage: "the audit run store, a SQLite `FILE` (created if missing)"}
}

// dbPath is --db, which every audit command needs.
func dbPath(c *cli.Context) (string, error) {
	if p := c.String(flagDB); p != "" {
		return p, nil
	}
	return "", usagef("%s needs --db FILE, the audit run store", c.Command.FullName())
}

func auditCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "audit many listings (sitemaps, product feeds, URL lists, folders) into a resumable run store",
		ArgsUsage: "[FILE|DIR|URL...]",
		Description: `Reads every listing of the given sitemaps, product feeds (Google Merchant Center XML or
TSV, Shopify product CSV, JSON Lines), URL lists, files, folders and URLs, fetching
politely (robots.txt, one request at a time per host with --host-delay between them,
many hosts at once), and commits each listing's result to the store as it finishes.
After Ctrl-C, a crash or kill -9, 'exolint audit --db FILE --resume' continues the
run: listings already done are neither fetched nor counted again.

Then: 'exolint audit report' for CSV, JSONL and HTML roll-ups, 'exolint audit diff'
to compare two runs, 'exolint audit runs' to list them.

Exit codes: 0 the run finished; 1 findings at or above --fail-on (default none);
2 usage or store error, or the run was interrupted (resume it).`,
		Flags: append([]cli.Flag{
			dbFlag(),
			&cli.StringSliceFlag{Name: flagSitemap, Usage: "a sitemap or sitemap index (URL or file; gzip too), or a site's root URL to find its sitemaps in robots.txt (repeatable)"},
			&cli.StringSliceFlag{Name: flagFeed, Usage: "a product feed file or URL: Merchant Center XML or TSV, Shopify product CSV, JSON Lines (repeatable)"},
			&cli.StringSliceFlag{Name: flagURLs, Usage: "a file listing URLs, one a line (repeatable)"},
			&cli.StringFlag{Name: flagFeedFormat, Usage: "feed format: " + strings.Join(feed.Formats(), ", "), DefaultText: "detected from each feed's name and content"},
			&cli.BoolFlag{Name: flagResume, Usage: "continue the newest unfinished run in --db (its inputs and markets; no inputs may be given)"},
			&cli.IntFlag{Name: flagJobs, Aliases: []string{"j"}, Usage: "listings read and checked at once, across all hosts", DefaultText: "number of CPUs"},
			&cli.DurationFlag{Name: flagHostDelay, Value: fetch.DefaultPerHostDelay, Usage: "wait between requests to one host (robots.txt Crawl-delay may raise it); lower it only for sites you own, 0 for local tests"},
			&cli.StringFlag{Name: flagUserAgent, Usage: "User-Agent for fetching (default names exolint and its version)"},
			&cli.DurationFlag{Name: flagTimeout, Value: 30 * time.Second, Usage: "time limit for fetching one URL"},
			&cli.StringFlag{Name: flagCache, Usage: "keep fetched pages in `DIR` and revalidate them (ETag, Last-Modified) on re-runs"},
			&cli.StringFlag{Name: flagProgress, Value: "auto", Usage: "progress on stderr: auto (a bar on a terminal), plain (a line every few seconds, for CI logs) or never"},
			&cli.StringFlag{Name: flagMarket, Aliases: []string{"m"}, Value: "all", Usage: "markets to judge by: us,eu,uk,kr,jp,cn,tw,ca or all"},
			&cli.StringFlag{Name: flagFailOn, Value: "none", Usage: "exit 1 when a finding is at or above: error, warning, info or none"},
		}, configFlags()...),
		Action: func(c *cli.Context) error { return runAudit(c, s) },
		Subcommands: []*cli.Command{
			auditRunsCommand(s),
			auditReportCommand(s),
			auditDiffCommand(s),
		},
	}
}

// auditOptions are recorded with a run, so --resume judges by the same
// markets and reads feeds the same way.
type auditOptions struct {
	Markets    string        `json:"markets"`
	FeedFormat string        `json:"feed_format,omitempty"`
	Jobs       int           `json:"jobs,omitempty"`
	HostDelay  time.Duration `json:"host_delay"`
}

func auditInputs(c *cli.Context) []store.Input {
	var ins []store.Input
	for _, v := range c.StringSlice(flagSitemap) {
		ins = append(ins, store.Input{Kind: audit.InputSitemap, Value: v})
	}
	for _, v := range c.StringSlice(flagFeed) {
		ins = append(ins, store.Input{Kind: audit.InputFeed, Value: v})
	}
	for _, v := range c.StringSlice(flagURLs) {
		ins = append(ins, store.Input{Kind: audit.InputURLs, Value: v})
	}
	for _, v := range c.Args().Slice() {
		ins = append(ins, store.Input{Kind: audit.InputTarget, Value: v})
	}
	return ins
}

func runAudit(c *cli.Context, s streams) error {
	ctx := c.Context
	path, err := dbPath(c)
	if err != nil {
		return err
	}
	inputs := auditInputs(c)
	resume := c.Bool(flagResume)
	switch {
	case resume && len(inputs) > 0:
		return usagef("--resume continues the recorded run with its own inputs; give no --sitemap, --feed, --urls or arguments")
	case !resume && len(inputs) == 0:
		return usagef("audit needs --sitemap, --feed, --urls, files, folders or URLs (or --resume)")
	}
	ff := c.String(flagFeedFormat)
	if ff != "" && !contains(feed.Formats(), ff) {
		return usagef("--feed-format: unknown format %q (want %s)", ff, strings.Join(feed.Formats(), ", "))
	}
	progressMode := c.String(flagProgress)
	if !contains([]string{"auto", "plain", "never"}, progressMode) {
		return usagef("--progress: want auto, plain or never, not %q", progressMode)
	}
	st, err := resolveSettings(c)
	if err != nil {
		return err
	}
	failOn, err := rules.ParseSeverity(st.get("fail-on").value)
	if err != nil {
		return &usageError{err: fmt.Errorf("--fail-on: %w", err)}
	}
	if !c.IsSet(flagFailOn) && (st.cfg == nil || st.cfg.FailOn == "") {
		failOn = rules.Off // an audit reports; it fails only when asked to
	}
	db, err := store.Open(ctx, path, store.ReadWrite)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()

	opts := auditOptions{Markets: st.get("markets").value, FeedFormat: ff, Jobs: c.Int(flagJobs), HostDelay: c.Duration(flagHostDelay)}
	var run *store.Run
	if resume {
		if run, err = db.LatestUnfinished(ctx); err != nil {
			return err
		}
		if run == nil {
			return usagef("%s has no unfinished run to resume", c.String(flagDB))
		}
		var recorded auditOptions
		if err := json.Unmarshal(run.Options, &recorded); err != nil {
			return fmt.Errorf("%s: options of run %d: %w", c.String(flagDB), run.ID, err)
		}
		opts.Markets, opts.FeedFormat = recorded.Markets, recorded.FeedFormat
		// Politeness and speed carry over unless given again.
		if !c.IsSet(flagHostDelay) {
			opts.HostDelay = recorded.HostDelay
		}
		if !c.IsSet(flagJobs) {
			opts.Jobs = recorded.Jobs
		}
	} else {
		if prev, err := db.LatestUnfinished(ctx); err == nil && prev != nil {
			fmt.Fprintf(s.stderr, "exolint: run %d in %s is unfinished; this is a new run (--resume continues that one)\n", prev.ID, path)
		}
		if run, err = db.NewRun(ctx, inputs, opts, toolVersion()); err != nil {
			return err
		}
	}
	markets, err := rules.ParseMarkets(opts.Markets)
	if err != nil {
		return &usageError{err: fmt.Errorf("--market: %w", err)}
	}
	engine, err := rules.NewEngine(st.engineRules(), markets)
	if err != nil {
		return err
	}
	engine.SetPolicy(st.policy(knownRules(), nil))

	progress := auditProgress(s, progressMode)
	delay := opts.HostDelay
	if delay == 0 {
		delay = -1 // fetch.Options: negative is none, zero the default
	}
	runner := &audit.Runner{
		Store:  db,
		Engine: engine,
		Fetcher: fetch.New(fetch.Options{
			Version: toolVersion(), UserAgent: c.String(flagUserAgent), Timeout: c.Duration(flagTimeout), CacheDir: c.String(flagCache),
			PerHostDelay: delay, MaxConcurrent: opts.Jobs, MaxBody: 64 << 20,
			ExtraMediaTypes: audit.FeedMediaTypes(), Sleep: audit.PoliteSleep(progress),
		}),
		Reader:     scraper.NewReader(),
		Jobs:       opts.Jobs,
		FeedFormat: opts.FeedFormat,
		Progress:   progress,
	}
	out, err := runner.Run(ctx, run)
	if progress != nil {
		progress.Close()
	}
	if err != nil {
		return err
	}
	return auditVerdict(c, s, db, out, failOn)
}

// auditVerdict prints what the run did and decides how it ends.
func auditVerdict(c *cli.Context, s streams, db *store.Store, out audit.Outcome, failOn rules.Severity) error {
	// After Ctrl-C the context has ended, but the store still has to say
	// what was done.
	sums, err := db.Runs(context.WithoutCancel(c.Context))
	if err != nil {
		return err
	}
	var sum store.RunSummary
	for _, r := range sums {
		if r.ID == out.Run.ID {
			sum = r
		}
	}
	state := "finished"
	if !out.Finished {
		state = "stopped"
	}
	fmt.Fprintf(s.stdout, "run %d %s: %d listings (%d not read), %d errors, %d warnings, %d infos\n",
		sum.ID, state, sum.Documents, sum.Failed, sum.Errors, sum.Warnings, sum.Infos)
	if !out.Finished {
		fmt.Fprintf(s.stderr, "exolint: %d listings left; continue with: exolint audit --db %s --resume\n", out.Pending, c.String(flagDB))
		if err := c.Err(); err != nil {
			return err
		}
		return errors.New("the run did not finish")
	}
	if failOn == rules.Off {
		return nil
	}
	if (failOn <= rules.Error && sum.Errors > 0) || (failOn <= rules.Warning && sum.Warnings > 0) || (failOn <= rules.Info && sum.Infos > 0) {
		return errFindings
	}
	return nil
}

// auditProgress picks the progress display: a bar only on a terminal.
func auditProgress(s streams, mode string) audit.Progress {
	switch mode {
	case "never":
		return nil
	case "plain":
		return audit.NewPlain(s.stderr, 10*time.Second)
	}
	if f, ok := s.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return audit.NewBar(s.stderr)
	}
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
