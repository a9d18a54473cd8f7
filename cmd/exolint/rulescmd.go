package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
)

func rulesCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule with its severity and title",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: flagMarket, Aliases: []string{"m"}, Value: "all", Usage: "show severities for these markets"},
			&cli.StringFlag{Name: flagFormat, Aliases: []string{"f"}, Value: "text", Usage: "text, json or markdown (the docs/rules.md page)"},
		},
		Action: func(c *cli.Context) error {
			markets, err := rules.ParseMarkets(c.String(flagMarket))
			if err != nil {
				return &usageError{err: fmt.Errorf("--market: %w", err)}
			}
			all := rules.Catalog()
			switch c.String(flagFormat) {
			case "markdown", "md":
				return reports.RuleDocs(s.stdout, all)
			case "json":
				return reports.RulesJSON(s.stdout, all, markets)
			case "text":
				return writeRulesText(s, all, markets)
			}
			return usagef("--format: unknown format %q (want text, json or markdown)", c.String(flagFormat))
		},
	}
}

func writeRulesText(s streams, all []*rules.Rule, markets []rules.Market) error {
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	single := len(markets) == 1
	for _, r := range all {
		sev := reports.HighestSeverity(r, markets)
		if sev == rules.Off {
			continue
		}
		extra := ""
		if !single {
			var parts []string
			for _, m := range markets {
				if ms := r.SeverityIn(m); ms != r.Severity {
					parts = append(parts, fmt.Sprintf("%s:%s", m, ms))
				}
			}
			if len(parts) > 0 {
				extra = " (" + strings.Join(parts, " ") + ")"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", r.ID, sev, r.Title, extra)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write rules: %w", err)
	}
	return nil
}
