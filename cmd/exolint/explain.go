package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
)

func explainCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain a rule: why it matters, what satisfies it, an example and its sources",
		ArgsUsage: "RULE-ID",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("explain needs exactly one rule id (see 'exolint rules')")
			}
			all := rules.Catalog()
			id := c.Args().First()
			r, err := rules.Lookup(all, id)
			if err != nil {
				if hint := rules.SuggestID(all, id); hint != "" {
					return usagef("unknown rule %q; did you mean %s?", id, hint)
				}
				return usagef("unknown rule %q (see 'exolint rules')", id)
			}
			return writeExplain(s, r)
		},
	}
}

func writeExplain(s streams, r *rules.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity: %s", r.Severity)
	var per []string
	for _, m := range rules.AllMarkets() {
		if sev := r.SeverityIn(m); sev != r.Severity {
			per = append(per, fmt.Sprintf("%s %s", strings.ToUpper(string(m)), sev))
		}
	}
	if len(per) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(per, ", "))
	}
	if k := rules.KindsText(r); k != "" {
		fmt.Fprintf(&b, "\nApplies to: %s", k)
	}
	b.WriteString("\n\n")
	b.WriteString(strings.TrimSpace(r.Doc))
	if r.Bad != "" {
		fmt.Fprintf(&b, "\n\nFlagged:    %s\nCompliant:  %s", r.Bad, r.Good)
	}
	if len(r.Citations) > 0 {
		b.WriteString("\n\nSources:")
	}
	b.WriteString("\n")
	cites := rules.Citations()
	for _, k := range r.Citations {
		c := cites[k]
		fmt.Fprintf(&b, "  - %s\n    %s\n", c.Title, c.URL)
	}
	fmt.Fprintf(&b, "\nDocs: %s\n", reports.HelpURL(r.ID))
	if _, err := fmt.Fprint(s.stdout, b.String()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
