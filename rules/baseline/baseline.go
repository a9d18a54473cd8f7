// Package baseline records a project's accepted findings so that checks
// report only new ones.
//
// Entries are keyed by content, not by line: the document's identity (its
// path, or for a fetched page its GTIN, SKU or canonical URL), the rule and
// the normalised matched text, with a count. A paragraph that moves, or
// copy added above it, does not turn old findings into new ones.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exolint/exolint/rules"
)

// DefaultPath is where "exolint baseline write" puts the file.
const DefaultPath = ".exolint-baseline.json"

// ErrFormat is returned for a file that is not an exolint baseline.
var ErrFormat = errors.New("not an exolint baseline")

// Entry is one accepted finding, Count times over.
type Entry struct {
	Document string `json:"document"`
	Rule     string `json:"rule"`
	Match    string `json:"match"`
	Count    int    `json:"count"`
}

// Baseline is the file's content.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

type key struct{ doc, rule, match string }

// Identity names a document across runs: a local file by its cleaned,
// slash-separated path; a fetched page by GTIN, SKU or canonical URL, which
// stay put when tracking parameters change.
func Identity(d *rules.DocResult) string {
	if strings.HasPrefix(d.Source, "http://") || strings.HasPrefix(d.Source, "https://") {
		switch {
		case d.Product.GTIN != "":
			return "gtin:" + d.Product.GTIN
		case d.Product.SKU != "":
			return "sku:" + d.Product.SKU
		case d.Product.URL != "":
			return d.Product.URL
		}
		return d.Source
	}
	return filepath.ToSlash(filepath.Clean(d.Source))
}

func keyOf(doc string, f rules.Finding) key {
	return key{doc, f.Rule, rules.NormalizeMatch(f.Match)}
}

// New records the findings of docs.
func New(docs []*rules.DocResult) *Baseline {
	var r Recorder
	for _, d := range docs {
		r.Add(d)
	}
	return r.Baseline()
}

// Recorder records findings document by document, for runs that stream
// their documents rather than hold them. The zero value is ready to use.
type Recorder struct {
	counts map[key]int
}

// Add records d's findings.
func (r *Recorder) Add(d *rules.DocResult) {
	if r.counts == nil {
		r.counts = map[key]int{}
	}
	id := Identity(d)
	// Every place counts, so a baseline says the same whether or not
	// repeats were grouped into one finding (rules.GroupFindings).
	for _, f := range d.Findings {
		r.counts[keyOf(id, f)] += 1 + len(f.AlsoAt)
	}
}

// Baseline is what was recorded.
func (r *Recorder) Baseline() *Baseline { return fromCounts(r.counts) }

func fromCounts(counts map[key]int) *Baseline {
	b := &Baseline{Version: 1, Entries: []Entry{}}
	for k, n := range counts {
		if n > 0 {
			b.Entries = append(b.Entries, Entry{Document: k.doc, Rule: k.rule, Match: k.match, Count: n})
		}
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Document != y.Document {
			return x.Document < y.Document
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Match < y.Match
	})
	return b
}

// Read reads a baseline file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", path, ErrFormat, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("%s: %w (version %d)", path, ErrFormat, b.Version)
	}
	return &b, nil
}

// Write writes b as indented JSON, one entry per line group, so that it
// diffs well in review.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Filter is a baseline in use during one run.
type Filter struct {
	left    map[key]int
	checked map[string]bool
}

// NewFilter prepares b for filtering a run's findings.
func (b *Baseline) NewFilter() *Filter {
	f := &Filter{left: map[key]int{}, checked: map[string]bool{}}
	for _, e := range b.Entries {
		f.left[key{e.Document, e.Rule, e.Match}] += e.Count
	}
	return f
}

// Apply drops d's findings that the baseline records, up to each entry's
// count, and returns how many it dropped. Not safe for concurrent use.
func (f *Filter) Apply(d *rules.DocResult) int {
	if d.Err != nil {
		return 0
	}
	id := Identity(d)
	f.checked[id] = true
	// Places are judged one by one, in document order, as they were
	// before repeats were grouped: an entry with a count of 2 accepts the
	// first two places of its wording and a third is new.
	all := rules.ExpandFindings(d.Findings)
	kept := all[:0]
	n := 0
	for _, fd := range all {
		k := keyOf(id, fd)
		if f.left[k] > 0 {
			f.left[k]--
			n++
			continue
		}
		kept = append(kept, fd)
	}
	d.Findings = rules.GroupFindings(kept)
	return n
}

// Stale lists entries, for documents checked in this run, that matched
// fewer findings than they record: the copy was fixed, and "exolint baseline
// prune" can drop them.
func (f *Filter) Stale() []Entry {
	counts := map[key]int{}
	for k, n := range f.left {
		if n > 0 && f.checked[k.doc] {
			counts[k] = n
		}
	}
	return fromCounts(counts).Entries
}

// Prune returns b without what the run found stale: counts shrink to what
// was still found, and documents that no longer exist on disk go.
func (b *Baseline) Prune(stale []Entry) *Baseline {
	counts := map[key]int{}
	for _, e := range b.Entries {
		counts[key{e.Document, e.Rule, e.Match}] += e.Count
	}
	for _, e := range stale {
		counts[key{e.Document, e.Rule, e.Match}] -= e.Count
	}
	for k := range counts {
		if isLocal(k.doc) {
			if _, err := os.Stat(filepath.FromSlash(k.doc)); errors.Is(err, os.ErrNotExist) {
				delete(counts, k)
			}
		}
	}
	return fromCounts(counts)
}

func isLocal(doc string) bool {
	return !strings.Contains(doc, "://") && !strings.HasPrefix(doc, "gtin:") && !strings.HasPrefix(doc, "sku:") && doc != "-"
}
