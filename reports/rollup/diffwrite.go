package rollup

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/exolint/exolint/reports/store"
)

// DiffText writes a diff for people: one line per changed listing, one
// per new or fixed finding, then the counts.
func DiffText(ctx context.Context, w io.Writer, db *store.Store, from, to int64) (DiffSummary, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	sum, err := Diff(ctx, db, from, to, func(c *Change) error {
		if c.Status == "unchanged" {
			return nil
		}
		mark := map[string]string{"added": "+", "removed": "-", "changed": "~"}[c.Status]
		name := c.Product
		if name == "" {
			name = c.Source
		}
		fmt.Fprintf(bw, "%s %s  %s (%s)\n", mark, c.Key, name, c.Status)
		if c.ErrorBefore != c.ErrorAfter {
			switch {
			case c.ErrorAfter != "":
				fmt.Fprintf(bw, "    not read now: %s\n", c.ErrorAfter)
			case c.Status == "changed":
				fmt.Fprintf(bw, "    read again (was: %s)\n", c.ErrorBefore)
			}
		}
		for _, f := range c.New {
			if c.Status != "removed" {
				fmt.Fprintf(bw, "    new    %-8s %s: %s %q (line %d)\n", f.Severity, f.Rule, f.Message, f.Match, f.Line)
			}
		}
		for _, f := range c.Fixed {
			if c.Status != "added" {
				fmt.Fprintf(bw, "    fixed  %-8s %s: %q\n", f.Severity, f.Rule, f.Match)
			}
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	fmt.Fprintf(bw, "run %d -> run %d: listings %d added, %d removed, %d changed, %d unchanged; findings %d new, %d fixed, %d unchanged\n",
		from, to, sum.Added, sum.Removed, sum.Changed, sum.Unchanged, sum.NewFindings, sum.FixedFindings, sum.UnchangedFindings)
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("write diff: %w", err)
	}
	return sum, nil
}

type diffFindingJSON struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Match    string `json:"match"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

type diffListingJSON struct {
	Key            string            `json:"key"`
	Source         string            `json:"source"`
	Product        string            `json:"product,omitempty"`
	Status         string            `json:"status"`
	ContentChanged bool              `json:"content_changed"`
	New            []diffFindingJSON `json:"new"`
	Fixed          []diffFindingJSON `json:"fixed"`
	Unchanged      int               `json:"unchanged"`
	ErrorBefore    string            `json:"error_before,omitempty"`
	ErrorAfter     string            `json:"error_after,omitempty"`
}

func findingsJSON(fs []store.Finding) []diffFindingJSON {
	out := make([]diffFindingJSON, 0, len(fs))
	for _, f := range fs {
		out = append(out, diffFindingJSON{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Match: f.Match, Line: f.Line, Column: f.Col})
	}
	return out
}

// DiffJSON writes {"from", "to", "listings": [changed, added and removed
// listings], "summary"}, one listing at a time.
func DiffJSON(ctx context.Context, w io.Writer, db *store.Store, from, to int64) (DiffSummary, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"from\": %d,\n  \"to\": %d,\n  \"listings\": [", from, to)
	first := true
	sum, err := Diff(ctx, db, from, to, func(c *Change) error {
		if c.Status == "unchanged" {
			return nil
		}
		j := diffListingJSON{Key: c.Key, Source: c.Source, Product: c.Product, Status: c.Status, ContentChanged: c.ContentChanged,
			New: findingsJSON(c.New), Fixed: findingsJSON(c.Fixed), Unchanged: c.Unchanged, ErrorBefore: c.ErrorBefore, ErrorAfter: c.ErrorAfter}
		if c.Status == "removed" {
			j.New = []diffFindingJSON{}
		}
		if c.Status == "added" {
			j.Fixed = []diffFindingJSON{}
		}
		b, err := json.Marshal(j)
		if err != nil {
			return fmt.Errorf("write diff: %w", err)
		}
		sep := ",\n    "
		if first {
			sep = "\n    "
		}
		first = false
		if _, err := bw.WriteString(sep); err != nil {
			return fmt.Errorf("write diff: %w", err)
		}
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("write diff: %w", err)
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	s, err := json.Marshal(sum)
	if err != nil {
		return sum, fmt.Errorf("write diff: %w", err)
	}
	end := "],\n  \"summary\": %s\n}\n"
	if !first {
		end = "\n  " + end
	}
	fmt.Fprintf(bw, end, s)
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("write diff: %w", err)
	}
	return sum, nil
}

// DiffCSV writes one row per change: a listing added or removed, or a
// finding new or fixed.
func DiffCSV(ctx context.Context, w io.Writer, db *store.Store, from, to int64) (DiffSummary, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	_ = cw.Write([]string{"listing_key", "source", "product", "change", "rule", "severity", "match", "message", "line"})
	row := func(c *Change, change string, f *store.Finding) error {
		r := []string{c.Key, c.Source, c.Product, change, "", "", "", "", ""}
		if f != nil {
			r[4], r[5], r[6], r[7], r[8] = f.Rule, f.Severity, f.Match, f.Message, strconv.Itoa(f.Line)
		}
		for i := range r {
			r[i] = SafeCell(r[i])
		}
		return cw.Write(r)
	}
	sum, err := Diff(ctx, db, from, to, func(c *Change) error {
		switch c.Status {
		case "added", "removed":
			if err := row(c, "listing "+c.Status, nil); err != nil {
				return err
			}
		}
		if c.Status != "removed" {
			for i := range c.New {
				if err := row(c, "new", &c.New[i]); err != nil {
					return err
				}
			}
		}
		if c.Status != "added" {
			for i := range c.Fixed {
				if err := row(c, "fixed", &c.Fixed[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return sum, fmt.Errorf("write diff: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("write diff: %w", err)
	}
	return sum, nil
}
