package rules

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
)

// DefaultMaxFindings is how many findings the engine lists for one
// document unless told otherwise (Engine.SetMaxFindings). A page that
// breaks a rule in every sentence would otherwise list findings by the
// hundred thousand, which nobody reads and which cost memory in
// proportion; past the cap the document says how many more there were.
const DefaultMaxFindings = 1000

// collector gathers a document's findings as the rules report them and
// keeps at most limit of them: the most severe, earliest first, so the
// worst finding of a document is always listed and the verdict does not
// change. It counts what it drops. Findings come out in output order
// (SortFindings); seq keeps equal places in the order they were reported.
type collector struct {
	limit   int // <= 0: no limit
	kept    rankedFindings
	omitted [Error + 1]int // by severity
}

type rankedFinding struct {
	f   Finding
	seq int
}

// rankedFindings is a heap whose top is the finding least worth keeping.
type rankedFindings []rankedFinding

func (h rankedFindings) Len() int           { return len(h) }
func (h rankedFindings) Less(i, j int) bool { return keepBefore(h[j], h[i]) }
func (h rankedFindings) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankedFindings) Push(x any)        { *h = append(*h, x.(rankedFinding)) }
func (h *rankedFindings) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// keepBefore reports whether a is worth listing before b: more severe, or
// as severe and earlier.
func keepBefore(a, b rankedFinding) bool {
	if a.f.Severity != b.f.Severity {
		return a.f.Severity > b.f.Severity
	}
	return placedBefore(a, b)
}

// placedBefore is output order: place, then rule, then report order.
func placedBefore(a, b rankedFinding) bool {
	x, y := a.f, b.f
	if x.Start.Offset != y.Start.Offset {
		return x.Start.Offset < y.Start.Offset
	}
	if x.End.Offset != y.End.Offset {
		return x.End.Offset < y.End.Offset
	}
	if x.Rule != y.Rule {
		return x.Rule < y.Rule
	}
	return a.seq < b.seq
}

func (c *collector) add(f Finding, seq int) {
	r := rankedFinding{f: f, seq: seq}
	switch {
	case c.limit <= 0 || len(c.kept) < c.limit:
		if c.limit > 0 {
			heap.Push(&c.kept, r)
		} else {
			c.kept = append(c.kept, r)
		}
	case keepBefore(r, c.kept[0]):
		c.drop(c.kept[0].f)
		c.kept[0] = r
		heap.Fix(&c.kept, 0)
	default:
		c.drop(f)
	}
}

func (c *collector) drop(f Finding) {
	if f.Severity >= 0 && int(f.Severity) < len(c.omitted) {
		c.omitted[f.Severity]++
	}
}

// findings returns the kept findings in output order.
func (c *collector) findings() []Finding {
	sort.Slice(c.kept, func(i, j int) bool { return placedBefore(c.kept[i], c.kept[j]) })
	out := make([]Finding, len(c.kept))
	for i, r := range c.kept {
		out[i] = r.f
	}
	return out
}

// omittedTotal is the number of findings not listed.
func (c *collector) omittedTotal() int {
	n := 0
	for _, k := range c.omitted {
		n += k
	}
	return n
}

// note tells the reader of a document's report how many findings were not
// listed, or "" when none were.
func (c *collector) note(listed int) string {
	n := c.omittedTotal()
	if n == 0 {
		return ""
	}
	var parts []string
	for s := Error; s >= Info; s-- {
		if k := c.omitted[s]; k > 0 {
			name := s.String()
			if k > 1 && s != Info {
				name += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", k, name))
		}
	}
	what := "findings"
	if n == 1 {
		what = "finding"
	}
	return fmt.Sprintf("%d more %s not listed (%s): the %d listed are the most severe, earliest first; check --max-findings raises the limit (0: none)",
		n, what, strings.Join(parts, ", "), listed)
}
