package main

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

const (
	flagFormat      = "format"
	flagFailOn      = "fail-on"
	flagMarket      = "market"
	flagStdinFormat = "stdin-format"
	flagJobs        = "jobs"
	flagUserAgent   = "user-agent"
	flagTimeout     = "timeout"
	flagCache       = "cache"
)

func checkCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint files, directories, URLs or stdin (-)",
		ArgsUsage: "TARGET...",
		Description: `Reads HTML, Markdown and text files (directories are walked for .html .htm .md
.markdown .txt), product page URLs, or standard input ("-"), and reports exosome claims,
their disclosed source and testing, and wording problems.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error,
or an input that could not be read or fetched.`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: flagFormat, Aliases: []string{"f"}, Value: cli.NewStringSlice("text"),
				Usage: "output format: text, json, jsonl (one document per line), sarif, github, rdjsonl, junit or checkstyle; FORMAT=FILE writes to a file (repeatable)"},
			&cli.StringFlag{Name: flagFailOn, Value: "warning", Usage: "exit 1 when a finding is at or above: error, warning, info or none"},
			&cli.StringFlag{Name: flagMarket, Aliases: []string{"m"}, Value: "all", Usage: "markets to judge by: us,eu,uk,kr,jp,cn,tw,ca or all"},
			&cli.StringFlag{Name: flagStdinFormat, Usage: "format of standard input: html, md, text, json, or jsonl (one product record a line, each its own document)", DefaultText: "guessed from the content"},
			&cli.IntFlag{Name: flagJobs, Aliases: []string{"j"}, Usage: "inputs checked at once", DefaultText: "number of CPUs"},
			&cli.StringFlag{Name: flagUserAgent, Usage: "User-Agent for fetching URLs (default names exolint and its version)"},
			&cli.DurationFlag{Name: flagTimeout, Value: 30 * time.Second, Usage: "time limit for fetching one URL"},
			&cli.StringFlag{Name: flagCache, Usage: "keep fetched pages in `DIR` and revalidate them (ETag, Last-Modified) on re-runs"},
			&cli.StringFlag{Name: flagMinSeverity, Value: "info", Usage: "show only findings at or above: error, warning or info (display only: hidden findings still count toward --fail-on)"},
			&cli.StringFlag{Name: flagBaseline, Usage: "report only findings not recorded in this baseline file (see exolint baseline write)"},
			&cli.StringFlag{Name: flagSuppressions, Usage: "suppressions file for pages you do not own, keyed by URL, SKU or GTIN"},
			&cli.StringFlag{Name: flagNewFromRev, Usage: "report only findings on lines changed since this git revision"},
			&cli.BoolFlag{Name: flagFix, Usage: "apply safe rewrites to local files in place"},
			&cli.BoolFlag{Name: flagDiff, Usage: "with --fix: print a unified diff and change nothing"},
		}, append(renderFlags(), configFlags()...)...),
		Action: func(c *cli.Context) error {
			opts, err := checkOptionsFrom(c)
			if err != nil {
				return err
			}
			return runCheck(c, s, opts)
		},
	}
}

// checkOptions is what the check command was asked to do.
type checkOptions struct {
	targets     []string
	outputs     []output
	failOn      rules.Severity
	markets     []rules.Market
	stdinFormat string
	jobs        int
	userAgent   string
	timeout     time.Duration
	cacheDir    string
	render      renderOptions
	// From the configuration (checkpolicy.go).
	settings    *settings
	minSeverity rules.Severity
	policy      policyOptions
}

// output is one --format value: a format and where to write it ("" =
// stdout).
type output struct{ format, path string }

func checkOptionsFrom(c *cli.Context) (checkOptions, error) {
	o := checkOptions{targets: c.Args().Slice(), jobs: c.Int(flagJobs), userAgent: c.String(flagUserAgent), timeout: c.Duration(flagTimeout), cacheDir: c.String(flagCache)}
	if len(o.targets) == 0 {
		return o, usagef("check needs at least one file, directory, URL or - for stdin")
	}
	if err := scraper.CheckArgs(o.targets); err != nil {
		return o, &usageError{err: err}
	}
	var err error
	if o.render, err = renderOptionsFrom(c); err != nil {
		return o, err
	}
	if o.settings, err = resolveSettings(c); err != nil {
		return o, err
	}
	st := o.settings
	if o.failOn, err = rules.ParseSeverity(st.get("fail-on").value); err != nil {
		return o, &usageError{err: fmt.Errorf("--fail-on: %w", err)}
	}
	if o.minSeverity, err = rules.ParseSeverity(st.get("min-severity").value); err != nil {
		return o, &usageError{err: fmt.Errorf("--min-severity: %w", err)}
	}
	if o.policy, err = policyOptionsFrom(c, st, true); err != nil {
		return o, err
	}
	if o.markets, err = rules.ParseMarkets(st.get("markets").value); err != nil {
		return o, &usageError{err: fmt.Errorf("--market: %w", err)}
	}
	if o.stdinFormat, err = scraper.ParseFormat(c.String(flagStdinFormat)); err != nil {
		return o, &usageError{err: fmt.Errorf("--stdin-format: %w", err)}
	}
	stdoutTaken := false
	for _, v := range formatList(c, st) {
		format, path, _ := strings.Cut(v, "=")
		if !knownFormat(format) {
			return o, usagef("--format: unknown format %q (want text, json, jsonl, sarif, github, rdjsonl, junit or checkstyle)", format)
		}
		if path == "" || path == "-" {
			if stdoutTaken {
				return o, usagef("--format: only one format can go to standard output; give the others a file (FORMAT=FILE)")
			}
			stdoutTaken = true
			path = ""
		}
		o.outputs = append(o.outputs, output{format: format, path: path})
	}
	return o, nil
}

func knownFormat(f string) bool {
	switch f {
	case "text", "json", "jsonl", "sarif", "github", "rdjsonl", "junit", "checkstyle":
		return true
	}
	return false
}

func runCheck(c *cli.Context, s streams, o checkOptions) error {
	engine, err := rules.NewEngine(o.settings.engineRules(), o.markets)
	if err != nil {
		return err
	}
	engine.SetPolicy(o.settings.policy(knownRules(), o.policy.suppressions))
	fetcher := fetch.New(fetch.Options{Version: toolVersion(), UserAgent: o.userAgent, Timeout: o.timeout, CacheDir: o.cacheDir})
	renderer, err := o.render.renderer(fetcher)
	if err != nil {
		return err
	}
	if renderer != nil {
		defer renderer.Close()
	}
	loader := &scraper.Loader{
		Reader:      scraper.NewReader(),
		Fetcher:     fetcher,
		Renderer:    renderer,
		Stdin:       s.stdin,
		StdinFormat: o.stdinFormat,
	}
	// With --fix --diff stdout holds the diff and no report is written;
	// the exit code still tells what remains.
	outputs := o.outputs
	if o.policy.fix && o.policy.diff {
		outputs = nil
	}
	out, err := openSinks(s, outputs, o.failOn)
	if err != nil {
		return err
	}
	// Documents stream: each is filtered, fixed, counted and written as it
	// finishes, then dropped, so memory does not grow with the run.
	err = streamCheck(c.Context, engine, loader, s, o, out)
	if err != nil {
		out.abort()
	}
	return err
}

func streamCheck(ctx context.Context, engine *rules.Engine, loader *scraper.Loader, s streams, o checkOptions, out *sinks) error {
	// A writer that fails (a closed pipe, a full disk) stops the workers
	// too, rather than checking inputs nobody will see.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := out.begin(reports.Meta{Tool: reports.Tool{Name: "exolint", Version: toolVersion()}, Markets: o.markets, Rules: engine.Rules()}); err != nil {
		return err
	}
	pf := o.policy.newFilter()
	var fx *fixer
	if o.policy.fix {
		fx = &fixer{stdout: s.stdout, diff: o.policy.diff}
	}
	var t tally
	// SARIF is for repository files: say so when web pages are in it.
	sarifPages := 0
	wantsSARIF := false
	for _, o := range o.outputs {
		wantsSARIF = wantsSARIF || o.format == "sarif"
	}
	err := engine.RunSeq(ctx, checkInputs(o, s), loader.Load, o.jobs, func(d *rules.DocResult) error {
		err := pf.apply(ctx, d)
		if err == nil && fx != nil {
			err = fx.fix(d)
		}
		if err == nil {
			// The verdict counts every finding; --min-severity only hides.
			t.add(d, o.minSeverity)
			hideBelow(d, o.minSeverity)
			if wantsSARIF && !isLocalSource(d.Source) && d.Source != "-" && d.Format != scraper.FormatJSONLines && d.Err == nil && len(d.Findings) > 0 {
				sarifPages++
			}
			err = out.document(d)
		}
		if err != nil {
			cancel()
		}
		return err
	})
	if err != nil {
		return err
	}
	if fx != nil {
		fx.report(s.stderr)
	}
	if err := out.end(); err != nil {
		return err
	}
	if sarifPages > 0 {
		fmt.Fprintf(s.stderr, "exolint: sarif: findings on %d web %s are located relative to their site (uriBaseId SITE_<host>); GitHub code scanning shows only findings in repository files\n",
			sarifPages, map[bool]string{true: "page", false: "pages"}[sarifPages == 1])
	}
	v := t.verdict(o.failOn)
	pf.note(s.stderr, t.hidden, v != nil && t.shownVerdict(o.failOn) == nil)
	return v
}

// checkInputs are the inputs of a check, in order. With --stdin-format
// jsonl, "-" is a stream of product records, each its own document, read
// as the workers take them.
func checkInputs(o checkOptions, s streams) iter.Seq[scraper.Input] {
	return func(yield func(scraper.Input) bool) {
		for _, in := range o.policy.inputs(o.targets) {
			if in.Kind == scraper.InputStdin && o.stdinFormat == scraper.FormatJSONLines && s.stdin != nil {
				for rec := range scraper.Records(s.stdin) {
					if !yield(rec) {
						return
					}
				}
				continue
			}
			if !yield(in) {
				return
			}
		}
	}
}
