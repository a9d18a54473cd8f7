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
					path, docs, err := baselineRun(c, s)
					if err != nil {
						return err
					}
					b := baseline.New(docs)
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
					path, docs, err := baselineRun(c, s)
					if err != nil {
						return err
					}
					old, err := baseline.Read(path)
					if err != nil {
						return err
					}
					f := old.NewFilter()
					for _, d := range docs {
						f.Apply(d)
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

// baselineRun checks the targets the way check does (same config, policy
// and exclusions) and returns the baseline path and the results.
func baselineRun(c *cli.Context, s streams) (string, []*rules.DocResult, error) {
	if !c.Args().Present() {
		return "", nil, usagef("%s needs at least one file, directory or URL", c.Command.Name)
	}
	if err := scraper.CheckArgs(c.Args().Slice()); err != nil {
		return "", nil, &usageError{err: err}
	}
	st, err := resolveSettings(c)
	if err != nil {
		return "", nil, err
	}
	markets, err := rules.ParseMarkets(st.get("markets").value)
	if err != nil {
		return "", nil, usagef("--market: %w", err)
	}
	path := st.get("baseline").value
	if path == "" {
		path = baseline.DefaultPath
	}
	p, err := policyOptionsFrom(c, st)
	if err != nil {
		return "", nil, err
	}
	engine, err := rules.NewEngine(st.engineRules(), markets)
	if err != nil {
		return "", nil, err
	}
	engine.SetPolicy(st.policy(knownRules(), p.suppressions))
	loader := &scraper.Loader{Reader: scraper.NewReader(), Fetcher: fetch.New(fetch.Options{Version: toolVersion()}), Stdin: s.stdin}
	var docs []*rules.DocResult
	err = engine.Run(c.Context, p.inputs(c.Args().Slice()), loader.Load, 0, func(d *rules.DocResult) error {
		if d.Err != nil {
			return fmt.Errorf("%s: %w", d.Source, d.Err)
		}
		docs = append(docs, d)
		return nil
	})
	return path, docs, err
}
