package rules

import (
	"sort"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Place is one more place of a finding's problem in its document.
type Place struct {
	Start, End scraper.Position // End is one past the last character
	SourceText string           // as Finding.SourceText
}

// groupKey is what makes two findings one problem: the same rule at the
// same severity on the same wording, saying the same thing (a rule may say
// different things of one word in the copy and in the ingredient list);
// wording and message with case and white space folded, so "Miracle" in a
// heading and "miracle" in a paragraph are one problem.
type groupKey struct {
	rule           string
	sev            Severity
	match, message string
}

// foldWording is the wording as the lexicon reads it: case, white space
// and simple plurals folded, so "huC-MSC" and "huC-MSCs", "Exosome" and
// "exosomes" are one problem.
func foldWording(s string) string {
	toks := tokenize(s, nil)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}

// GroupFindings makes the findings of one document one per problem: a
// finding whose rule, severity, wording and message (NormalizeMatch) equal
// an earlier one's becomes a place in that one's AlsoAt. Findings without wording or
// without a position stay as they are. fs must be in SortFindings order;
// the result is too, each finding at its first place. fs is reused.
func GroupFindings(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	first := map[groupKey]int{}
	out := fs[:0]
	for _, f := range fs {
		if f.Match == "" || f.Start.Line == 0 {
			out = append(out, f)
			continue
		}
		k := groupKey{f.Rule, f.Severity, foldWording(f.Match), foldWording(f.Message)}
		i, ok := first[k]
		if !ok {
			first[k] = len(out)
			out = append(out, f)
			continue
		}
		g := &out[i]
		g.AlsoAt = append(g.AlsoAt, Place{Start: f.Start, End: f.End, SourceText: f.SourceText})
		g.AlsoAt = append(g.AlsoAt, f.AlsoAt...)
	}
	for i := range out {
		if ps := out[i].AlsoAt; len(ps) > 1 {
			sort.SliceStable(ps, func(a, b int) bool { return ps[a].Start.Offset < ps[b].Start.Offset })
		}
	}
	return out
}

// ExpandFindings lists every place of every finding as a finding of its
// own, in SortFindings order, for formats that mark each place (SARIF,
// GitHub, rdjsonl, JUnit, checkstyle) and for filters that judge places
// one by one (baselines, changed lines, fixes). A further place carries its
// finding's rule, message, wording and suggestion but no Context: the
// sentence around it was not kept. fs is not changed.
func ExpandFindings(fs []Finding) []Finding {
	n := len(fs)
	for _, f := range fs {
		n += len(f.AlsoAt)
	}
	if n == len(fs) {
		return fs
	}
	out := make([]Finding, 0, n)
	for _, f := range fs {
		more := f.AlsoAt
		f.AlsoAt = nil
		out = append(out, f)
		for _, p := range more {
			g := f
			g.Start, g.End, g.SourceText = p.Start, p.End, p.SourceText
			g.Context, g.ContextStart, g.ContextEnd = "", 0, 0
			out = append(out, g)
		}
	}
	SortFindings(out)
	return out
}
