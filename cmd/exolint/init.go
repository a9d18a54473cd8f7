package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/rules/config"
)

func initCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter " + config.FileName + " (never overwrites)",
		ArgsUsage: "[FILE]",
		Action: func(c *cli.Context) error {
			path := config.FileName
			if c.Args().Len() > 1 {
				return usagef("init takes at most one file name")
			}
			if c.Args().Present() {
				path = c.Args().First()
			}
			if err := config.WriteStarter(path); err != nil {
				if errors.Is(err, config.ErrExists) {
					return usagef("%s already exists; edit it, or remove it to start over", path)
				}
				return err
			}
			fmt.Fprintf(s.stdout, "wrote %s\n", path)
			return nil
		},
	}
}
