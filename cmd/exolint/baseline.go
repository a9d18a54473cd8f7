package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/rules/baseline"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

func baselineCommand(s streams) *cli.Command {
	flags := func() []cli.Flag {
		return append([]cli.Flag{
			&cli.StringFlag{Name: flagBaseline, Usage: "baseline file (default: baseline in the config, else " + baseline.DefaultPath + ")"},
			&cli.StringFlag{Name: flagMarket, Aliases: []string{"m"}, Usage: "as for check"},
			&cli.StringFlag{Name: flagSuppressions, Usage: "as for check"},
		}, configFlags()...)
	}
	return &cli.Command{
		Name:  "baseline",
		Usage: "record current findings so check reports only new ones",
		Description: `Entries are keyed by document (path, or GTIN, SKU or canonical URL for pages),
rule and matched text, with a count, not by line: moving copy does not break them.`,
		Subcommands: []*cli.Command{
			{
				Name: "write", Usage: "record the findings of TARGET... (replaces the file)", ArgsUsage: "TARGET...", Flags: flags(),
				Action: func(c *cli.Context) error {
					var rec baseline.Recorder
					path, err := baselineRun(c, s, func(d *rules.DocResult) { rec.Add(d) })
					if err != nil {
						return err
					}
					b := rec.Baseline()
					if err := writeFileAtomic(path, func(f *os.File) error { return b.Write(f) }); err != nil {
						return err
					}
					fmt.Fprintf(s.stdout, "wrote %s: %d entries\n", path, len(b.Entries))
					return nil
				},
			},
			{
				Name: "prune", Usage: "drop entries that no longer match findings in TARGET...", ArgsUsage: "TARGET...", Flags: flags(),
				Action: func(c *cli.Context) error {
					path, err := baselinePath(c)
					if err != nil {
						return err
					}
					old, err := baseline.Read(path)
					if err != nil {
						return err
					}
					f := old.NewFilter()
					if _, err := baselineRun(c, s, func(d *rules.DocResult) { f.Apply(d) }); err != nil {
						return err
					}
					b := old.Prune(f.Stale())
					if err := writeFileAtomic(path, func(f *os.File) error { return b.Write(f) }); err != nil {
						return err
					}
					fmt.Fprintf(s.stdout, "pruned %s: %d entries kept, %d dropped\n", path, len(b.Entries), len(old.Entries)-len(b.Entries))
					return nil
				},
			},
		},
	}
}

// baselinePath is the baseline file the command works on.
func baselinePath(c *cli.Context) (string, error) {
	st, err := resolveSettings(c)
	if err != nil {
		return "", err
	}
	if path := st.get("baseline").value; path != "" {
		return path, nil
	}
	return baseline.DefaultPath, nil
}

// baselineRun checks the targets the way check does (same config, policy
// and exclusions), hands each document to use in input order, and returns
// the baseline path.
func baselineRun(c *cli.Context, s streams, use func(*rules.DocResult)) (string, error) {
	if !c.Args().Present() {
		return "", usagef("%s needs at least one file, directory or URL", c.Command.Name)
	}
	if err := scraper.CheckArgs(c.Args().Slice()); err != nil {
		return "", &usageError{err: err}
	}
	st, err := resolveSettings(c)
	if err != nil {
		return "", err
	}
	markets, err := rules.ParseMarkets(st.get("markets").value)
	if err != nil {
		return "", usagef("--market: %w", err)
	}
	path := st.get("baseline").value
	if path == "" {
		path = baseline.DefaultPath
	}
	p, err := policyOptionsFrom(c, st, false)
	if err != nil {
		return "", err
	}
	engine, err := rules.NewEngine(st.engineRules(), markets)
	if err != nil {
		return "", err
	}
	engine.SetPolicy(st.policy(knownRules(), p.suppressions))
	loader := &scraper.Loader{Reader: scraper.NewReader(), Fetcher: fetch.New(fetch.Options{Version: toolVersion()}), Stdin: s.stdin}
	err = engine.Run(c.Context, p.inputs(c.Args().Slice()), loader.Load, 0, func(d *rules.DocResult) error {
		if d.Err != nil {
			return fmt.Errorf("%s: %w", d.Source, d.Err)
		}
		use(d)
		return nil
	})
	return path, err
}
