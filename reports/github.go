package reports

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/exolint/exolint/rules"
)

// DefaultMaxAnnotations is how many findings the github format annotates
// when GitHubOptions.MaxAnnotations is zero. GitHub itself displays only 10
// annotations of each type (error, warning, notice) per step and 50 per job,
// so printing hundreds only floods the log; the rest are counted in one
// final warning and listed in the step summary's totals.
const DefaultMaxAnnotations = 50

// Clean documents are listed one per row only up to this many documents:
// GitHub caps a step summary at 1 MiB, and a catalog of thousands of clean
// pages would crowd out the ones with findings.
const (
	summaryListCleanUpTo = 50
	summaryMaxRows       = 500
)

// GitHubOptions control the GitHub Actions output.
type GitHubOptions struct {
	// MaxAnnotations caps the findings annotated: 0 means
	// DefaultMaxAnnotations, a negative number means no cap. Inputs that
	// could not be read are always annotated and not counted.
	MaxAnnotations int
	// SummaryPath, when set, is the file a Markdown summary table is
	// appended to; the CLI passes $GITHUB_STEP_SUMMARY.
	SummaryPath string
}

// GitHub writes GitHub Actions workflow commands, one annotation per finding:
//
//	::error file=a.html,line=3,col=7,endLine=3,endColumn=14,title=…::message
//
// error and warning findings become ::error and ::warning, info becomes
// ::notice. Columns count Unicode code points and endColumn is the last
// character (inclusive), given only when the finding is on one line, as the
// Checks API allows. Findings from URLs carry no file: GitHub can only place
// annotations on repository files. When more findings than the cap exist,
// the most severe are annotated first and a final ::warning:: counts the
// rest.
func GitHub(w io.Writer, r *Result, opt GitHubOptions) error {
	limit := opt.MaxAnnotations
	if limit == 0 {
		limit = DefaultMaxAnnotations
	}
	byID := rulesByID(r.Rules)
	bw := bufio.NewWriter(w)
	out := &stickyWriter{w: bw}

	type item struct {
		doc *rules.DocResult
		f   *rules.Finding
	}
	var items []item
	for _, d := range r.Documents {
		if d.Err != nil {
			props := ghLocation(d.Source, nil)
			props = append(props, "title="+escapeProperty("exolint: input could not be read"))
			out.command("error", props, fmt.Sprintf("could not read %s: %v", displayPath(d.Source), d.Err))
			continue
		}
		for i := range d.Findings {
			items = append(items, item{d, &d.Findings[i]})
		}
	}
	// The cap keeps the most severe findings; within a severity, document
	// order (stable sort) keeps the output deterministic.
	sort.SliceStable(items, func(i, j int) bool { return items[i].f.Severity > items[j].f.Severity })
	shown := len(items)
	if limit > 0 && shown > limit {
		shown = limit
	}
	for _, it := range items[:shown] {
		f := it.f
		props := ghLocation(it.doc.Source, f)
		title := f.Rule
		if rl, ok := byID[f.Rule]; ok && rl.Title != "" {
			title = f.Rule + ": " + rl.Title
		}
		props = append(props, "title="+escapeProperty(title))
		msg := f.Message
		if isURL(it.doc.Source) {
			msg = it.doc.Source + ": " + msg
		}
		if f.Suggestion != "" {
			msg += "\nSuggestion: " + f.Suggestion
		}
		msg += "\n" + HelpURL(f.Rule)
		out.command(ghCommand(f.Severity), props, msg)
	}
	if hidden := len(items) - shown; hidden > 0 {
		out.printf("::warning::%d more %s not annotated (the cap is %d; GitHub shows only 10 annotations of each type per step); see the job log or the sarif/json output for all\n",
			hidden, plural(hidden, "finding", "findings"), limit)
	}
	if out.err == nil {
		out.err = bw.Flush()
	}
	if out.err != nil {
		return fmt.Errorf("write github annotations: %w", out.err)
	}
	if opt.SummaryPath != "" {
		if err := appendStepSummary(opt.SummaryPath, r, len(items)-shown); err != nil {
			return err
		}
	}
	return nil
}

func ghCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// ghLocation gives the file and position properties of an annotation; f nil
// means the whole file.
func ghLocation(source string, f *rules.Finding) []string {
	if isURL(source) || source == stdinSource || source == "" {
		return nil
	}
	props := []string{"file=" + escapeProperty(displayPath(source))}
	if f == nil || !located(f) {
		return props
	}
	props = append(props, "line="+strconv.Itoa(f.Start.Line))
	endLine := f.End.Line
	if endLine < f.Start.Line {
		endLine = f.Start.Line
	}
	if endLine == f.Start.Line {
		endCol := f.End.Column - 1 // GitHub's endColumn is the last character
		if endCol < f.Start.Column {
			endCol = f.Start.Column
		}
		props = append(props, "col="+strconv.Itoa(f.Start.Column), "endLine="+strconv.Itoa(endLine), "endColumn="+strconv.Itoa(endCol))
	} else {
		props = append(props, "endLine="+strconv.Itoa(endLine))
	}
	return props
}

// stickyWriter keeps the first write error, so a long run of commands can
// be written without checking each and the error still reaches the caller.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

// command writes one workflow command: ::cmd props::message.
func (s *stickyWriter) command(cmd string, props []string, msg string) {
	if len(props) > 0 {
		s.printf("::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg))
		return
	}
	s.printf("::%s::%s\n", cmd, escapeData(msg))
}

// escapeData escapes a workflow command's message the way @actions/core
// does: "%" first, so the escapes themselves are not escaped again.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty also escapes ":" and ",", which end a property list and
// separate properties.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// appendStepSummary appends a Markdown table to the step summary file. The
// file belongs to the runner and collects every step's summary, so it is
// appended to, never replaced.
func appendStepSummary(path string, r *Result, notAnnotated int) error {
	var b strings.Builder
	writeStepSummary(&b, r, notAnnotated)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("write step summary: %w", err)
	}
	if _, err := io.WriteString(f, b.String()); err != nil {
		_ = f.Close() // the write error is the one worth reporting
		return fmt.Errorf("write step summary %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write step summary %s: %w", path, err)
	}
	return nil
}

func writeStepSummary(w *strings.Builder, r *Result, notAnnotated int) {
	s := r.Summarize()
	fmt.Fprintf(w, "## exolint\n\n%d %s checked: %d %s, %d %s, %d info",
		s.Documents, plural(s.Documents, "document", "documents"),
		s.Findings["error"], plural(s.Findings["error"], "error", "errors"),
		s.Findings["warning"], plural(s.Findings["warning"], "warning", "warnings"),
		s.Findings["info"])
	if s.Errors > 0 {
		fmt.Fprintf(w, "; %d %s could not be read", s.Errors, plural(s.Errors, "input", "inputs"))
	}
	fmt.Fprint(w, ".\n\n")
	listClean := len(r.Documents) <= summaryListCleanUpTo
	fmt.Fprint(w, "| document | errors | warnings | info | verdict |\n| --- | ---: | ---: | ---: | --- |\n")
	rows, clean, omitted := 0, 0, 0
	for _, d := range r.Documents {
		var n [4]int
		for _, f := range d.Findings {
			n[f.Severity]++
		}
		isClean := d.Err == nil && len(d.Findings) == 0
		if isClean && !listClean {
			clean++
			continue
		}
		if rows == summaryMaxRows {
			omitted++
			continue
		}
		rows++
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s |\n", mdCode(displayPath(d.Source)), n[rules.Error], n[rules.Warning], n[rules.Info], verdictCell(d, n))
	}
	if clean > 0 {
		fmt.Fprintf(w, "\n%d clean %s not listed.\n", clean, plural(clean, "document", "documents"))
	}
	if omitted > 0 {
		fmt.Fprintf(w, "\n%d more %s not listed (the table is capped at %d rows).\n", omitted, plural(omitted, "document", "documents"), summaryMaxRows)
	}
	if notAnnotated > 0 {
		fmt.Fprintf(w, "\n%d %s not annotated in the code view; see the job log or the sarif/json output for all.\n",
			notAnnotated, plural(notAnnotated, "finding was", "findings were"))
	}
	fmt.Fprintln(w)
}

func verdictCell(d *rules.DocResult, n [4]int) string {
	switch {
	case d.Err != nil:
		return "⛔ not read: " + mdCell(d.Err.Error())
	case n[rules.Error] > 0:
		return "❌ errors"
	case n[rules.Warning] > 0:
		return "⚠️ warnings"
	case n[rules.Info] > 0:
		return "ℹ️ info only"
	}
	return "✅ clean"
}

// mdCell keeps text inside one table cell: a "|" would end the cell and a
// line break the row.
func mdCell(s string) string {
	s = strings.ReplaceAll(oneLine(s), `\`, `\\`)
	return strings.ReplaceAll(s, "|", `\|`)
}

// mdCode shows a path as code unless it holds a backtick, which would end
// the code span early.
func mdCode(s string) string {
	if strings.Contains(s, "`") {
		return mdCell(s)
	}
	return "`" + strings.ReplaceAll(oneLine(s), "|", `\|`) + "`"
}
