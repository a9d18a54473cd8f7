package reports

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

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

// GitHub writes GitHub Actions workflow commands (see NewGitHub).
func GitHub(w io.Writer, r *Result, opt GitHubOptions) error { return Write(NewGitHub(w, opt), r) }

// ghItem is one finding waiting to be annotated.
type ghItem struct {
	source string
	f      rules.Finding // Context dropped
}

// ghRow is one document's line in the step summary.
type ghRow struct {
	path   string
	counts [4]int
	err    string
}

// githubWriter annotates unreadable inputs as they arrive and keeps the
// findings it will annotate (at most the cap of each severity, since the cap
// takes the most severe first) and the summary rows (at most the table's
// cap) until End.
type githubWriter struct {
	out     *stickyWriter
	bw      *bufio.Writer
	opt     GitHubOptions
	limit   int
	byID    map[string]*rules.Rule
	kept    [4][]ghItem // by severity
	total   int         // findings seen
	sum     Summary
	rows    []ghRow
	clean   int // clean documents not in rows
	omitted int
}

// NewGitHub returns a Writer of GitHub Actions workflow commands, one
// annotation per finding:
//
//	::error file=a.html,line=3,col=7,endLine=3,endColumn=14,title=…::message
//
// error and warning findings become ::error and ::warning, info becomes
// ::notice. Columns count Unicode code points and endColumn is the last
// character (inclusive: @actions/core defaults it to startColumn, a
// one-character annotation), unlike SARIF and rdjsonl, whose end is one past
// it; columns are given only when the finding is on one line, as the Checks
// API allows. Findings from URLs carry no file: GitHub can only place
// annotations on repository files. When more findings than the cap exist,
// the most severe are annotated first and a final ::warning:: counts the
// rest.
func NewGitHub(w io.Writer, opt GitHubOptions) Writer {
	limit := opt.MaxAnnotations
	if limit == 0 {
		limit = DefaultMaxAnnotations
	}
	bw := bufio.NewWriter(w)
	return &githubWriter{out: &stickyWriter{w: bw}, bw: bw, opt: opt, limit: limit}
}

func (gw *githubWriter) Begin(m Meta) error {
	gw.byID = rulesByID(m.Rules)
	return nil
}

func (gw *githubWriter) Document(d *rules.DocResult) error {
	gw.sum.Add(d)
	gw.addRow(d)
	if d.Err != nil {
		props := ghLocation(d.Source, nil)
		props = append(props, "title="+escapeProperty("exolint: input could not be read"))
		gw.out.command("error", props, fmt.Sprintf("could not read %s: %v", displayPath(d.Source), d.Err))
		if gw.out.err != nil {
			return fmt.Errorf("write github annotations: %w", gw.out.err)
		}
		return nil
	}
	for _, f := range rules.ExpandFindings(d.Findings) { // one annotation per place
		gw.total++
		// The cap keeps the most severe findings; within a severity,
		// document order keeps the output deterministic. Whatever the
		// other severities hold, no more than the cap of one severity can
		// be shown.
		if gw.limit > 0 && len(gw.kept[f.Severity]) >= gw.limit {
			continue
		}
		f.Context = ""
		gw.kept[f.Severity] = append(gw.kept[f.Severity], ghItem{source: d.Source, f: f})
	}
	return nil
}

// addRow keeps the document's summary row. Clean documents are listed only
// in small runs, which is known only at the end; once the run is too large
// they are counted instead, and rows stop at summaryMaxRows.
func (gw *githubWriter) addRow(d *rules.DocResult) {
	if gw.opt.SummaryPath == "" {
		return
	}
	if gw.sum.Documents == summaryListCleanUpTo+1 {
		kept := gw.rows[:0]
		for _, r := range gw.rows {
			if r.err == "" && r.counts == [4]int{} {
				gw.clean++
				continue
			}
			kept = append(kept, r)
		}
		gw.rows = kept
	}
	row := ghRow{path: displayPath(d.Source)}
	if d.Err != nil {
		row.err = d.Err.Error()
	}
	for _, f := range d.Findings {
		row.counts[f.Severity]++
	}
	isClean := d.Err == nil && len(d.Findings) == 0
	switch {
	case isClean && gw.sum.Documents > summaryListCleanUpTo:
		gw.clean++
	case len(gw.rows) == summaryMaxRows:
		gw.omitted++
	default:
		gw.rows = append(gw.rows, row)
	}
}

func (gw *githubWriter) End() error {
	out := gw.out
	shown := 0
	for sev := rules.Error; sev >= rules.Off; sev-- {
		for i := range gw.kept[sev] {
			if gw.limit > 0 && shown == gw.limit {
				break
			}
			shown++
			gw.annotate(&gw.kept[sev][i])
		}
	}
	if hidden := gw.total - shown; hidden > 0 {
		out.printf("::warning::%d more %s not annotated (the cap is %d; GitHub shows only 10 annotations of each type per step); see the job log or the sarif/json output for all\n",
			hidden, plural(hidden, "finding", "findings"), gw.limit)
	}
	if out.err == nil {
		out.err = gw.bw.Flush()
	}
	if out.err != nil {
		return fmt.Errorf("write github annotations: %w", out.err)
	}
	if gw.opt.SummaryPath != "" {
		if err := gw.appendStepSummary(gw.total - shown); err != nil {
			return err
		}
	}
	return nil
}

func (gw *githubWriter) annotate(it *ghItem) {
	f := &it.f
	props := ghLocation(it.source, f)
	title := f.Rule
	if rl, ok := gw.byID[f.Rule]; ok && rl.Title != "" {
		title = f.Rule + ": " + rl.Title
	}
	props = append(props, "title="+escapeProperty(title))
	msg := f.Message
	if isURL(it.source) {
		msg = it.source + ": " + msg
	}
	if f.Suggestion != "" {
		msg += "\nSuggestion: " + f.Suggestion
	}
	msg += "\n" + HelpURL(f.Rule)
	gw.out.command(ghCommand(f.Severity), props, msg)
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
	endLine, endCol := f.End.Line, f.End.Column-1 // GitHub's endColumn is the last character
	if endLine > f.Start.Line && f.End.Column == 1 {
		// An exclusive end just past a line break ends on the line before:
		// its last character is the one before the break.
		endLine = f.End.Line - 1
		endCol = 0
		if endLine == f.Start.Line && f.SourceText != "" {
			endCol = f.Start.Column + utf8.RuneCountInString(strings.TrimRight(f.SourceText, "\r\n")) - 1
		}
	}
	if endLine < f.Start.Line {
		endLine = f.Start.Line
	}
	switch {
	case endLine != f.Start.Line:
		// Columns are allowed only within one line.
		props = append(props, "endLine="+strconv.Itoa(endLine))
	case endCol == 0 && f.End.Line != endLine:
		// The last column is not known: mark the whole line.
		props = append(props, "endLine="+strconv.Itoa(endLine))
	default:
		props = append(props, "col="+strconv.Itoa(f.Start.Column), "endLine="+strconv.Itoa(endLine), "endColumn="+strconv.Itoa(max(endCol, f.Start.Column)))
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
func (gw *githubWriter) appendStepSummary(notAnnotated int) error {
	path := gw.opt.SummaryPath
	var b strings.Builder
	gw.writeStepSummary(&b, notAnnotated)
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

func (gw *githubWriter) writeStepSummary(w *strings.Builder, notAnnotated int) {
	s := gw.sum
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	fmt.Fprintf(w, "## exolint\n\n%d %s checked: %d %s, %d %s, %d info",
		s.Documents, plural(s.Documents, "document", "documents"),
		s.Findings["error"], plural(s.Findings["error"], "error", "errors"),
		s.Findings["warning"], plural(s.Findings["warning"], "warning", "warnings"),
		s.Findings["info"])
	if s.Errors > 0 {
		fmt.Fprintf(w, "; %d %s could not be read", s.Errors, plural(s.Errors, "input", "inputs"))
	}
	fmt.Fprint(w, ".\n\n")
	fmt.Fprint(w, "| document | errors | warnings | info | verdict |\n| --- | ---: | ---: | ---: | --- |\n")
	for _, r := range gw.rows {
		n := r.counts
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s |\n", mdCode(r.path), n[rules.Error], n[rules.Warning], n[rules.Info], verdictCell(r.err, n))
	}
	if gw.clean > 0 {
		fmt.Fprintf(w, "\n%d clean %s not listed.\n", gw.clean, plural(gw.clean, "document", "documents"))
	}
	if gw.omitted > 0 {
		fmt.Fprintf(w, "\n%d more %s not listed (the table is capped at %d rows).\n", gw.omitted, plural(gw.omitted, "document", "documents"), summaryMaxRows)
	}
	if notAnnotated > 0 {
		fmt.Fprintf(w, "\n%d %s not annotated in the code view; see the job log or the sarif/json output for all.\n",
			notAnnotated, plural(notAnnotated, "finding was", "findings were"))
	}
	fmt.Fprintln(w)
}

func verdictCell(readErr string, n [4]int) string {
	switch {
	case readErr != "":
		return "⛔ not read: " + mdCell(readErr)
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
