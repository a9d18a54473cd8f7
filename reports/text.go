package reports

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/exolint/exolint/rules"
)

// TextOptions control the people-facing format.
type TextOptions struct {
	Color bool // ANSI colour; the caller decides (terminal, NO_COLOR)
}

type palette struct{ bold, dim, red, yellow, blue, green, reset string }

func newPalette(on bool) palette {
	if !on {
		return palette{}
	}
	return palette{bold: "\x1b[1m", dim: "\x1b[2m", red: "\x1b[31m", yellow: "\x1b[33m", blue: "\x1b[34m", green: "\x1b[32m", reset: "\x1b[0m"}
}

func (p palette) severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.red + p.bold + "error" + p.reset
	case rules.Warning:
		return p.yellow + "warning" + p.reset
	}
	return p.blue + "info" + p.reset
}

// Text writes the result for people (see NewText).
func Text(w io.Writer, r *Result, opt TextOptions) error { return Write(NewText(w, opt), r) }

// textWriter writes each document's verdict and findings as it arrives and
// the totals at the end.
type textWriter struct {
	bw  *bufio.Writer
	pal palette
	sum Summary
}

// NewText returns the people-facing Writer: per document a short verdict
// (claims, sources, testing, counts), then each finding as
// "file:line:col  severity  rule  message" with the sentence and the match
// underlined; a last line counts everything.
func NewText(w io.Writer, opt TextOptions) Writer {
	return &textWriter{bw: bufio.NewWriter(w), pal: newPalette(opt.Color)}
}

func (tw *textWriter) Begin(Meta) error { return nil }

func (tw *textWriter) Document(d *rules.DocResult) error {
	if tw.sum.Documents > 0 {
		fmt.Fprintln(tw.bw)
	}
	tw.sum.Add(d)
	writeDocument(tw.bw, d, tw.pal)
	// A person watching a long run sees each document when it is done.
	if err := tw.bw.Flush(); err != nil {
		return fmt.Errorf("write text: %w", err)
	}
	return nil
}

func (tw *textWriter) End() error {
	s, pal, bw := tw.sum, tw.pal, tw.bw
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	fmt.Fprintf(bw, "\n%s%d %s checked: %d %s, %d %s, %d info%s",
		pal.bold, s.Documents, plural(s.Documents, "document", "documents"),
		s.Findings["error"], plural(s.Findings["error"], "error", "errors"),
		s.Findings["warning"], plural(s.Findings["warning"], "warning", "warnings"),
		s.Findings["info"], pal.reset)
	if s.Errors > 0 {
		fmt.Fprintf(bw, "; %s%d %s could not be read%s", pal.red, s.Errors, plural(s.Errors, "input", "inputs"), pal.reset)
	}
	fmt.Fprintln(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text: %w", err)
	}
	return nil
}

func writeDocument(w io.Writer, d *rules.DocResult, pal palette) {
	fmt.Fprintf(w, "%s%s%s\n", pal.bold, d.Source, pal.reset)
	if d.Err != nil {
		fmt.Fprintf(w, "  %serror%s    %s\n", pal.red, pal.reset, d.Err)
		return
	}
	if d.Product.Name != "" {
		name := d.Product.Name
		if d.Product.Brand != "" {
			name += " (" + d.Product.Brand + ")"
		}
		fmt.Fprintf(w, "  product  %s\n", name)
	}
	f := d.Facts
	if f.PageKind != "" && (f.PageKind != rules.PageUnknown || len(f.PageKindEvidence) > 0) {
		fmt.Fprintf(w, "  page     %s\n", kindSummary(f))
	}
	switch {
	case f.PageKind == rules.PageArticle && !f.Promotes:
		fmt.Fprintf(w, "  claims   none: the page discusses exosomes and promotes no product or treatment\n")
	case !f.ExosomeClaim:
		fmt.Fprintf(w, "  claims   no exosome claim\n")
	default:
		fmt.Fprintf(w, "  claims   exosomes (%d %s, first at line %d)\n", len(f.Claims), plural(len(f.Claims), "mention", "mentions"), f.Claims[0].Line)
		fmt.Fprintf(w, "  source   %s\n", sourceSummary(f, pal))
		fmt.Fprintf(w, "  testing  %s\n", testingSummary(f, pal))
	}
	counts := map[rules.Severity]int{}
	for _, fd := range d.Findings {
		counts[fd.Severity]++
	}
	fmt.Fprintf(w, "  findings %d %s, %d %s, %d info\n", counts[rules.Error], plural(counts[rules.Error], "error", "errors"),
		counts[rules.Warning], plural(counts[rules.Warning], "warning", "warnings"), counts[rules.Info])
	for _, n := range d.Notes {
		fmt.Fprintf(w, "  note     %s\n", n)
	}
	for _, fd := range d.Findings {
		fmt.Fprintf(w, "\n%s:%d:%d  %s  %s%s%s  %s\n", d.Source, fd.Start.Line, fd.Start.Column, pal.severity(fd.Severity),
			pal.bold, fd.Rule, pal.reset, fd.Message)
		if fd.Context != "" {
			ctx := oneLine(fd.Context)
			fmt.Fprintf(w, "    %s\n", ctx)
			pad := displayWidth(ctx[:fd.ContextStart])
			n := displayWidth(ctx[fd.ContextStart:fd.ContextEnd])
			if n < 1 {
				n = 1
			}
			fmt.Fprintf(w, "    %s%s%s%s\n", strings.Repeat(" ", pad), pal.red, strings.Repeat("^", n), pal.reset)
		}
		if len(fd.AlsoAt) > 0 {
			fmt.Fprintf(w, "    %s+%d more (%s)%s\n", pal.dim, len(fd.AlsoAt), moreLines(fd.AlsoAt), pal.reset)
		}
		if fd.Suggestion != "" {
			fmt.Fprintf(w, "    %ssuggestion:%s %s\n", pal.green, pal.reset, fd.Suggestion)
		}
	}
}

// moreLinesShown caps the line numbers listed after "+N more".
const moreLinesShown = 8

// moreLines names the lines of a finding's further places: "line 9",
// "lines 9, 14, 30", or the first few and "…".
func moreLines(ps []rules.Place) string {
	var ls []string
	last := 0
	for _, p := range ps {
		if p.Start.Line == last {
			continue
		}
		last = p.Start.Line
		if len(ls) == moreLinesShown {
			ls = append(ls, "…")
			break
		}
		ls = append(ls, strconv.Itoa(p.Start.Line))
	}
	return plural(len(ls), "line", "lines") + " " + strings.Join(ls, ", ")
}

// kindSummary names the page kind with the first few signals that decided
// it: "clinic (booking "Book now", treatment "sessions")".
func kindSummary(f rules.Facts) string {
	var parts []string
	for _, s := range f.PageKindEvidence {
		if s.For != f.PageKind || len(parts) == 3 {
			continue
		}
		if s.Text != "" {
			parts = append(parts, fmt.Sprintf("%s %q", s.Signal, s.Text))
		} else {
			parts = append(parts, s.Signal)
		}
	}
	if f.Promotes && len(f.PromotionEvidence) > 0 {
		parts = append(parts, "promotes: "+f.PromotionEvidence[0].Signal)
	}
	if len(parts) == 0 {
		return string(f.PageKind)
	}
	return fmt.Sprintf("%s (%s)", f.PageKind, strings.Join(parts, ", "))
}

func sourceSummary(f rules.Facts, pal palette) string {
	if len(f.Sources) == 0 {
		return pal.yellow + "not disclosed" + pal.reset
	}
	byKind := map[string][]string{}
	var kinds []string
	for _, s := range f.Sources {
		if _, ok := byKind[s.Kind]; !ok {
			kinds = append(kinds, s.Kind)
		}
		byKind[s.Kind] = append(byKind[s.Kind], s.Detail)
	}
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		label := k
		if k == "human" {
			label = pal.red + k + pal.reset
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", label, strings.Join(uniq(byKind[k]), ", ")))
	}
	return strings.Join(parts, "; ")
}

func testingSummary(f rules.Facts, pal palette) string {
	if len(f.Testing) == 0 {
		return pal.yellow + "not disclosed" + pal.reset
	}
	byKind := map[string]bool{}
	var kinds []string
	for _, t := range f.Testing {
		if !byKind[t.Kind] {
			byKind[t.Kind] = true
			kinds = append(kinds, t.Kind)
		}
	}
	sort.Strings(kinds)
	return strings.Join(kinds, ", ")
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// displayWidth counts terminal columns: East Asian wide letters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
