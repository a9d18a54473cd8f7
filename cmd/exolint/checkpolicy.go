package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/rules/baseline"
	"github.com/exolint/exolint/rules/config"
	"github.com/exolint/exolint/scraper"
)

// policyOptions are the check options that decide which findings count:
// exclusions, suppressions file, baseline, --new-from-rev, --fix.
type policyOptions struct {
	skip         *config.Matcher
	suppressions []rules.FileSuppression
	baseline     *baseline.Baseline
	baselinePath string
	newFromRev   string
	fix, diff    bool
}

// policyOptionsFrom reads the policy flags and config. filterByBaseline is
// false for the baseline commands: they write the baseline, or read it
// themselves, and must not require it to exist.
func policyOptionsFrom(c *cli.Context, st *settings, filterByBaseline bool) (policyOptions, error) {
	var p policyOptions
	wd, err := os.Getwd()
	if err != nil {
		return p, fmt.Errorf("working directory: %w", err)
	}
	if p.skip, err = st.cfg.Matcher(wd); err != nil {
		return p, err
	}
	if path := st.get("suppressions").value; path != "" {
		if p.suppressions, err = config.LoadSuppressions(path, knownRules()); err != nil {
			return p, err
		}
	}
	if b := st.get("baseline"); b.value != "" && filterByBaseline {
		p.baselinePath = b.value
		p.baseline, err = baseline.Read(b.value)
		// A baseline named in the config may not be written yet; one asked
		// for on the command line must exist.
		if errors.Is(err, os.ErrNotExist) && !c.IsSet(flagBaseline) {
			p.baseline, err = nil, nil
		}
		if err != nil {
			return p, err
		}
	}
	p.newFromRev = c.String(flagNewFromRev)
	p.fix, p.diff = c.Bool(flagFix), c.Bool(flagDiff)
	if p.diff && !p.fix {
		return p, usagef("--diff goes with --fix")
	}
	return p, nil
}

// formatList is --format as given, or the config's formats.
func formatList(c *cli.Context, st *settings) []string {
	if c.IsSet(flagFormat) || st.cfg == nil || len(st.cfg.Formats) == 0 {
		return c.StringSlice(flagFormat)
	}
	return st.cfg.Formats
}

// inputs expands the targets and drops excluded files. A file named on the
// command line is excluded too, as golangci-lint does, so a pre-commit hook
// that passes every changed file honours the config.
func (p policyOptions) inputs(targets []string) []scraper.Input {
	all := scraper.ExpandArgs(targets)
	out := all[:0]
	for _, in := range all {
		if in.Kind == scraper.InputFile && in.Err == nil && p.skip.Skip(in.Name) {
			continue
		}
		out = append(out, in)
	}
	return out
}

// findingFilter applies the baseline and --new-from-rev to each document as
// it is emitted (in order, on one goroutine).
type findingFilter struct {
	base      *baseline.Filter
	changed   *baseline.Changed
	dropped   int
	stalePath string
}

func (p policyOptions) newFilter() *findingFilter {
	f := &findingFilter{stalePath: p.baselinePath}
	if p.baseline != nil {
		f.base = p.baseline.NewFilter()
	}
	if p.newFromRev != "" {
		f.changed = baseline.NewChanged(p.newFromRev)
	}
	return f
}

func (f *findingFilter) apply(ctx context.Context, d *rules.DocResult) error {
	if f.base != nil {
		f.dropped += f.base.Apply(d)
	}
	if f.changed == nil || d.Err != nil || !isLocalSource(d.Source) {
		return nil
	}
	// Each place of a finding is judged by its own line.
	all := rules.ExpandFindings(d.Findings)
	kept := all[:0]
	for _, fd := range all {
		ok, err := f.changed.Line(ctx, d.Source, fd.Start.Line)
		if err != nil {
			return err
		}
		if ok {
			kept = append(kept, fd)
		}
	}
	d.Findings = rules.GroupFindings(kept)
	return nil
}

// note tells, on stderr, what the baseline hid and what is stale, and why
// the run fails when only hidden findings reached --fail-on.
func (f *findingFilter) note(w io.Writer, hidden int, failedHidden bool) {
	if f.base != nil {
		if stale := f.base.Stale(); len(stale) > 0 {
			n := 0
			for _, e := range stale {
				n += e.Count
			}
			fmt.Fprintf(w, "exolint: baseline %s: %d recorded findings no longer occur; run 'exolint baseline prune' to drop them\n", f.stalePath, n)
		}
	}
	if failedHidden {
		fmt.Fprintf(w, "exolint: %d findings below --min-severity are hidden but reached --fail-on; lower --min-severity to see them\n", hidden)
	}
}

// hideBelow drops a document's findings below min from what every format
// shows.
func hideBelow(d *rules.DocResult, min rules.Severity) {
	kept := d.Findings[:0]
	for _, f := range d.Findings {
		if f.Severity >= min {
			kept = append(kept, f)
		}
	}
	d.Findings = kept
}

func isLocalSource(src string) bool {
	return src != "-" && !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://")
}
