package rollup

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/exolint/exolint/reports/store"
)

// Change is what happened to one listing between two runs.
type Change struct {
	Key     string
	Source  string
	Product string
	Status  string // added, removed, changed, unchanged
	// New and Fixed findings; a finding is the same in both runs when its
	// rule and matched words are, wherever it moved on the page.
	New, Fixed     []store.Finding
	Unchanged      int
	ContentChanged bool
	ErrorBefore    string
	ErrorAfter     string
}

// DiffSummary counts a diff.
type DiffSummary struct {
	From, To          int64
	Added             int            `json:"added"`
	Removed           int            `json:"removed"`
	Changed           int            `json:"changed"`
	Unchanged         int            `json:"unchanged"`
	NewFindings       int            `json:"new_findings"`
	FixedFindings     int            `json:"fixed_findings"`
	UnchangedFindings int            `json:"unchanged_findings"`
	NewBySeverity     map[string]int `json:"new_by_severity"`
}

type entry struct {
	l  store.Listing
	fs []store.Finding
}

var errStop = errors.New("stop")

func listings(ctx context.Context, db *store.Store, run int64, errp *error) iter.Seq[entry] {
	return func(yield func(entry) bool) {
		err := db.Listings(ctx, run, store.ByKey, true, func(l *store.Listing, fs []store.Finding) error {
			if !yield(entry{l: *l, fs: append([]store.Finding(nil), fs...)}) {
				return errStop
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			*errp = err
		}
	}
}

// Diff compares run from with run to, listing by listing (matched by
// listing key: a feed record's id, SKU or GTIN, a page's URL), and hands
// each listing's change to fn in key order. Both runs stream from the
// store side by side.
func Diff(ctx context.Context, db *store.Store, from, to int64, fn func(*Change) error) (DiffSummary, error) {
	sum := DiffSummary{From: from, To: to, NewBySeverity: map[string]int{"error": 0, "warning": 0, "info": 0}}
	var errA, errB error
	nextA, stopA := iter.Pull(listings(ctx, db, from, &errA))
	defer stopA()
	nextB, stopB := iter.Pull(listings(ctx, db, to, &errB))
	defer stopB()
	a, okA := nextA()
	b, okB := nextB()
	for okA || okB {
		var c *Change
		switch {
		case okA && (!okB || a.l.Key < b.l.Key):
			c = &Change{Key: a.l.Key, Source: a.l.Source, Product: a.l.Product, Status: "removed", ErrorBefore: a.l.FetchError}
			sum.Removed++
			a, okA = nextA()
		case okB && (!okA || b.l.Key < a.l.Key):
			c = &Change{Key: b.l.Key, Source: b.l.Source, Product: b.l.Product, Status: "added", New: b.fs, ErrorAfter: b.l.FetchError}
			sum.Added++
			b, okB = nextB()
		default:
			c = compare(a, b)
			if c.Status == "changed" {
				sum.Changed++
			} else {
				sum.Unchanged++
			}
			a, okA = nextA()
			b, okB = nextB()
		}
		sum.UnchangedFindings += c.Unchanged
		// An added listing's findings are new problems; a removed
		// listing's findings are gone with it, not fixed.
		sum.NewFindings += len(c.New)
		for _, f := range c.New {
			sum.NewBySeverity[f.Severity]++
		}
		sum.FixedFindings += len(c.Fixed)
		if err := fn(c); err != nil {
			return sum, err
		}
	}
	if errA != nil {
		return sum, errA
	}
	return sum, errB
}

// findingKey is how one finding is recognised in two runs.
func findingKey(f store.Finding) string {
	return f.Rule + "\x00" + strings.ToLower(strings.Join(strings.Fields(f.Match), " "))
}

func compare(a, b entry) *Change {
	c := &Change{Key: b.l.Key, Source: b.l.Source, Product: b.l.Product, Status: "unchanged",
		ErrorBefore: a.l.FetchError, ErrorAfter: b.l.FetchError}
	if c.Product == "" {
		c.Product = a.l.Product
	}
	before := map[string]int{}
	for _, f := range a.fs {
		before[findingKey(f)]++
	}
	for _, f := range b.fs {
		k := findingKey(f)
		if before[k] > 0 {
			before[k]--
			c.Unchanged++
			continue
		}
		c.New = append(c.New, f)
	}
	for _, f := range a.fs {
		k := findingKey(f)
		if before[k] > 0 {
			before[k]--
			c.Fixed = append(c.Fixed, f)
		}
	}
	c.ContentChanged = a.l.ContentHash != b.l.ContentHash
	if len(c.New) > 0 || len(c.Fixed) > 0 || c.ContentChanged || c.ErrorBefore != c.ErrorAfter {
		c.Status = "changed"
	}
	return c
}
