package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

func configCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "print the effective configuration and where each value came from",
		Description: `Shows each setting with its origin: default, FILE:LINE in the configuration file,
or the flag that set it. Takes the same configuration flags as check.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: flagMarket, Aliases: []string{"m"}, Usage: "as for check"},
			&cli.StringFlag{Name: flagFailOn, Usage: "as for check"},
			&cli.StringFlag{Name: flagMinSeverity, Usage: "as for check"},
			&cli.StringSliceFlag{Name: flagFormat, Aliases: []string{"f"}, Usage: "as for check"},
			&cli.StringFlag{Name: flagBaseline, Usage: "as for check"},
			&cli.StringFlag{Name: flagSuppressions, Usage: "as for check"},
		}, configFlags()...),
		Action: func(c *cli.Context) error {
			st, err := resolveSettings(c)
			if err != nil {
				return err
			}
			file := "none"
			if st.cfg != nil {
				file = st.cfg.Path
			}
			fmt.Fprintf(s.stdout, "config file: %s\n", file)
			tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
			for _, v := range st.list {
				val := v.value
				if val == "" {
					val = "-"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", v.key, val, v.origin)
			}
			return tw.Flush()
		},
	}
}
