package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/reports/rollup"
	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
)

func auditReportCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "write a run's roll-ups: csv (one row per listing), jsonl (the JSON document of each listing) and a self-contained html report",
		Description: `Writes reports of one run (default: the newest) from the store, streaming: memory does
not grow with the number of listings. --format FORMAT=FILE is repeatable; one format
may go to standard output.`,
		Flags: []cli.Flag{
			dbFlag(),
			&cli.Int64Flag{Name: flagRun, Usage: "the run to report", DefaultText: "the newest"},
			&cli.StringSliceFlag{Name: flagFormat, Aliases: []string{"f"}, Usage: "csv, jsonl or html; FORMAT=FILE writes to a file (repeatable)", Required: true},
		},
		Action: func(c *cli.Context) error {
			var outs []output
			stdoutTaken := false
			for _, v := range c.StringSlice(flagFormat) {
				format, path, _ := strings.Cut(v, "=")
				if format != "csv" && format != "jsonl" && format != "html" {
					return usagef("--format: unknown format %q (want csv, jsonl or html)", format)
				}
				if path == "" || path == "-" {
					if stdoutTaken {
						return usagef("--format: only one format can go to standard output; give the others a file (FORMAT=FILE)")
					}
					stdoutTaken, path = true, ""
				}
				outs = append(outs, output{format: format, path: path})
			}
			db, err := openReadOnly(c)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			run, err := pickRun(c, db)
			if err != nil {
				return err
			}
			for _, o := range outs {
				write := func(w io.Writer) error { return writeRollup(c.Context, w, db, run, o.format, c.String(flagDB)) }
				if o.path == "" {
					err = write(s.stdout)
				} else {
					err = writeFileAtomic(o.path, func(f *os.File) error { return write(f) })
				}
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func writeRollup(ctx context.Context, w io.Writer, db *store.Store, run int64, format, dbPath string) error {
	switch format {
	case "csv":
		return rollup.CSV(ctx, w, db, run)
	case "jsonl":
		return rollup.JSONL(ctx, w, db, run)
	}
	return rollup.HTML(ctx, w, db, run, rollup.HTMLOptions{Tool: reports.Tool{Name: "exolint", Version: toolVersion()}, Store: filepath.Base(dbPath), Now: time.Now()})
}

// pickRun is --run, or the newest run.
func pickRun(c *cli.Context, db *store.Store) (int64, error) {
	if c.IsSet(flagRun) {
		r, err := db.Run(c.Context, c.Int64(flagRun))
		if err != nil {
			return 0, err
		}
		return r.ID, nil
	}
	ids, err := db.LastRuns(c.Context, 1)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, fmt.Errorf("%s holds no runs yet", c.String(flagDB))
	}
	return ids[0], nil
}

func auditDiffCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare two runs: listings added, removed and changed; findings new, fixed and unchanged",
		ArgsUsage: "[RUN_A RUN_B]",
		Description: `Compares two runs of the store (default: the last two). Listings are matched by their
key (a feed record's id, SKU or GTIN; a page's URL), findings by rule and matched words,
not by line, so copy that moved is not a change.

Exit codes: 0 no new finding at or above --fail-on; 1 new findings at or above it; 2 usage
or store error.`,
		Flags: []cli.Flag{
			dbFlag(),
			&cli.StringFlag{Name: flagFormat, Aliases: []string{"f"}, Value: "text", Usage: "text, json or csv"},
			&cli.StringFlag{Name: flagFailOn, Value: "warning", Usage: "exit 1 when a new finding is at or above: error, warning, info or none"},
		},
		Action: func(c *cli.Context) error {
			format := c.String(flagFormat)
			if format != "text" && format != "json" && format != "csv" {
				return usagef("--format: want text, json or csv, not %q", format)
			}
			failOn, err := rules.ParseSeverity(c.String(flagFailOn))
			if err != nil {
				return &usageError{err: fmt.Errorf("--fail-on: %w", err)}
			}
			if c.NArg() != 0 && c.NArg() != 2 {
				return usagef("diff takes two run ids, or none for the last two runs")
			}
			db, err := openReadOnly(c)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			var from, to int64
			if c.NArg() == 2 {
				ids := make([]int64, 2)
				for i, a := range c.Args().Slice() {
					if ids[i], err = strconv.ParseInt(a, 10, 64); err != nil {
						return usagef("run id %q is not a number", a)
					}
					if _, err := db.Run(c.Context, ids[i]); err != nil {
						return err
					}
				}
				from, to = ids[0], ids[1]
			} else {
				ids, err := db.LastRuns(c.Context, 2)
				if err != nil {
					return err
				}
				if len(ids) < 2 {
					return fmt.Errorf("%s holds %d run(s); a diff needs two", c.String(flagDB), len(ids))
				}
				from, to = ids[0], ids[1]
			}
			var sum rollup.DiffSummary
			switch format {
			case "json":
				sum, err = rollup.DiffJSON(c.Context, s.stdout, db, from, to)
			case "csv":
				sum, err = rollup.DiffCSV(c.Context, s.stdout, db, from, to)
			default:
				sum, err = rollup.DiffText(c.Context, s.stdout, db, from, to)
			}
			if err != nil {
				return err
			}
			return diffVerdict(sum, failOn)
		},
	}
}

// diffVerdict fails when new findings reach --fail-on.
func diffVerdict(sum rollup.DiffSummary, failOn rules.Severity) error {
	if failOn == rules.Off {
		return nil
	}
	for _, sev := range []rules.Severity{rules.Error, rules.Warning, rules.Info} {
		if sev >= failOn && sum.NewBySeverity[sev.String()] > 0 {
			return errFindings
		}
	}
	return nil
}
