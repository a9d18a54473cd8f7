package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports/store"
)

func auditRunsCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "runs",
		Usage: "list the runs in an audit store: id, started, finished or not, inputs, listings, findings",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.StringFlag{Name: flagFormat, Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		},
		Action: func(c *cli.Context) error {
			format := c.String(flagFormat)
			if format != "text" && format != "json" {
				return usagef("--format: want text or json, not %q", format)
			}
			db, err := openReadOnly(c)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			runs, err := db.Runs(c.Context)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeRunsJSON(s, runs)
			}
			tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RUN\tSTARTED\tSTATE\tLISTINGS\tNOT READ\tERRORS\tWARNINGS\tINFOS\tINPUTS")
			for _, r := range runs {
				state := "finished"
				if r.Finished.IsZero() {
					state = fmt.Sprintf("unfinished (%d left)", r.Pending)
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", r.ID, r.Started.Local().Format(time.DateTime), state,
					r.Documents, r.Failed, r.Errors, r.Warnings, r.Infos, describeInputs(r.Inputs))
			}
			return tw.Flush()
		},
	}
}

func describeInputs(ins []store.Input) string {
	parts := make([]string, len(ins))
	for i, in := range ins {
		parts[i] = in.Kind + " " + in.Value
	}
	return strings.Join(parts, "; ")
}

func writeRunsJSON(s streams, runs []store.RunSummary) error {
	type runJSON struct {
		ID       int64          `json:"id"`
		Started  time.Time      `json:"started"`
		Finished *time.Time     `json:"finished"`
		Inputs   []store.Input  `json:"inputs"`
		Listings int            `json:"listings"`
		Pending  int            `json:"pending"`
		NotRead  int            `json:"not_read"`
		Findings map[string]int `json:"findings"`
	}
	out := make([]runJSON, 0, len(runs))
	for _, r := range runs {
		j := runJSON{ID: r.ID, Started: r.Started, Inputs: r.Inputs, Listings: r.Documents, Pending: r.Pending, NotRead: r.Failed,
			Findings: map[string]int{"error": r.Errors, "warning": r.Warnings, "info": r.Infos}}
		if !r.Finished.IsZero() {
			f := r.Finished
			j.Finished = &f
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write runs: %w", err)
	}
	return nil
}

func openReadOnly(c *cli.Context) (*store.Store, error) {
	path, err := dbPath(c)
	if err != nil {
		return nil, err
	}
	return store.Open(c.Context, path, store.ReadOnly)
}
