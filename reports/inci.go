package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/rules/ingredients"
)

// InciResult is what `exolint inci` shows: one table per ingredient field,
// and the CosIng attribution its reuse policy asks for.
type InciResult struct {
	Tables      []rules.IngredientTable `json:"tables"`
	Attribution string                  `json:"attribution"`
}

// InciText writes one row per ingredient, then the text the parser could not
// read as ingredients, then the attribution.
func InciText(w io.Writer, r *InciResult) error {
	ew := &inciWriter{w: w}
	for i, t := range r.Tables {
		if i > 0 {
			ew.printf("\n")
		}
		if len(r.Tables) > 1 || (t.Source != "" && t.Source != "argument" && t.Source != "stdin") {
			ew.printf("%s\n", t.Source)
		}
		if len(t.Ingredients) == 0 {
			ew.printf("no ingredients found\n")
		} else {
			tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "#\tNAME\tSYNONYMS\tEV\tSOURCE\tCOSING FUNCTIONS\tANNEX\tNOTE")
			for n, row := range t.Ingredients {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n+1, inciName(row), dash(strings.Join(row.Synonyms, "; ")),
					evCell(row), dash(sourceCell(row)), dash(functionsCell(row.Functions)),
					dash(annexCell(row.Annexes)), dash(noteCell(row)))
			}
			if err := tw.Flush(); err != nil {
				return fmt.Errorf("write table: %w", err)
			}
		}
		for _, u := range t.Unparsed {
			ew.printf("not an ingredient (line %d, column %d): %q\n", u.Line, u.Column, u.Text)
		}
		for _, f := range t.Footnotes {
			ew.printf("footnote: %s\n", f)
		}
	}
	ew.printf("\n%s\n", r.Attribution)
	return ew.err
}

func inciName(r rules.IngredientRow) string {
	s := r.Name
	if r.Section != "" {
		s = r.Section + ": " + s
	}
	if r.MayContain {
		s += " (may contain)"
	}
	return s
}

func evCell(r rules.IngredientRow) string {
	switch {
	case r.EVRelated:
		return "yes"
	case r.LookAlike:
		return "look-alike"
	}
	return "-"
}

func sourceCell(r rules.IngredientRow) string {
	if r.SourceDetail != "" {
		return r.SourceKind + " (" + r.SourceDetail + ")"
	}
	return r.SourceKind
}

// annexCell keeps the references; the substance names are in the JSON.
func annexCell(as []string) string {
	refs := make([]string, len(as))
	for i, a := range as {
		refs[i], _, _ = strings.Cut(a, " ")
	}
	return strings.Join(refs, ", ")
}

func noteCell(r rules.IngredientRow) string {
	var parts []string
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	if !r.InCosIng {
		s := "not in CosIng"
		if len(r.DidYouMean) > 0 {
			s += "; did you mean " + strings.Join(r.DidYouMean, ", ") + "?"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// functionsCell shows the first three CosIng functions; the JSON has all.
func functionsCell(fs []string) string {
	if len(fs) > 3 {
		return strings.ToLower(strings.Join(fs[:3], ", ")) + ", …"
	}
	return strings.ToLower(strings.Join(fs, ", "))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// InciJSON writes the result as indented JSON.
func InciJSON(w io.Writer, r *InciResult) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// InciLookup is the answer to `exolint inci --lookup`.
type InciLookup struct {
	Query       string      `json:"query"`
	Matches     []InciMatch `json:"matches"`
	Attribution string      `json:"attribution"`
	// Width is the terminal's width in columns for the text form; 0 means
	// DefaultTextWidth.
	Width int `json:"-"`
}

// InciMatch is one CosIng inventory entry.
type InciMatch struct {
	Name      string   `json:"name"`
	Functions []string `json:"cosing_functions"`
	Annexes   []string `json:"annexes"`
}

// NewInciLookup wraps inventory entries for printing.
func NewInciLookup(query string, es []ingredients.Entry, attribution string) *InciLookup {
	l := &InciLookup{Query: query, Matches: []InciMatch{}, Attribution: attribution}
	for _, e := range es {
		m := InciMatch{Name: e.Name, Functions: e.Functions, Annexes: e.Annex}
		if m.Functions == nil {
			m.Functions = []string{}
		}
		if m.Annexes == nil {
			m.Annexes = []string{}
		}
		l.Matches = append(l.Matches, m)
	}
	return l
}

// DefaultTextWidth is the line width for text tables when the terminal's is
// unknown.
const DefaultTextWidth = 100

// InciLookupText writes one inventory entry a line.
func InciLookupText(w io.Writer, l *InciLookup) error {
	ew := &inciWriter{w: w}
	if len(l.Matches) == 0 {
		ew.printf("no CosIng name matches %q\n", l.Query)
	}
	rows := make([][]string, 0, len(l.Matches))
	for _, e := range l.Matches {
		rows = append(rows, []string{e.Name, dash(strings.ToLower(strings.Join(e.Functions, ", "))), dash(strings.Join(e.Annexes, ", "))})
	}
	width := l.Width
	if width <= 0 {
		width = DefaultTextWidth
	}
	for _, line := range fitTable(rows, width) {
		ew.printf("%s\n", line)
	}
	ew.printf("\n%s\n", strings.Join(wrapCell(l.Attribution, width), "\n"))
	return ew.err
}

// minColumn is the narrowest a column is squeezed to.
const minColumn = 12

// fitTable lays rows out in aligned columns two spaces apart within width
// columns: the widest columns are narrowed until the table fits, and a
// cell longer than its column wraps onto further lines (after a "/",
// space, comma or hyphen where it can), the other columns left blank
// there. Lines carry no trailing spaces. CosIng names of ferments run to
// hundreds of characters; padding every row to the longest one made
// lines thousands of spaces wide.
func fitTable(rows [][]string, width int) []string {
	if len(rows) == 0 {
		return nil
	}
	cols := len(rows[0])
	widths := make([]int, cols)
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	// Cap every column at the same width, the largest that fits: narrow
	// columns keep their width and the long ones share what is left.
	gaps := 2 * (cols - 1)
	fits := func(limit int) bool {
		total := gaps
		for _, w := range widths {
			total += min(w, limit)
		}
		return total <= width
	}
	limit := minColumn
	for _, w := range widths {
		limit = max(limit, w)
	}
	for limit > minColumn && !fits(limit) {
		limit--
	}
	for i := range widths {
		widths[i] = min(widths[i], limit)
	}
	var out []string
	for _, r := range rows {
		cells := make([][]string, cols)
		lines := 1
		for i, c := range r {
			cells[i] = wrapCell(c, widths[i])
			lines = max(lines, len(cells[i]))
		}
		for ln := range lines {
			var b strings.Builder
			for i := range cols {
				var part string
				if ln < len(cells[i]) {
					part = cells[i][ln]
				}
				b.WriteString(part)
				if i < cols-1 {
					b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(part)+2))
				}
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
	}
	return out
}

// wrapCell splits s into pieces of at most w runes, breaking after the
// last "/", space, comma or hyphen that fits, and mid-word only when a
// piece has none.
func wrapCell(s string, w int) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > w {
		cut := w
		for i := w; i > 0; i-- {
			if strings.ContainsRune("/ ,-", rs[i-1]) {
				cut = i
				break
			}
		}
		out = append(out, strings.TrimRight(string(rs[:cut]), " "))
		rs = rs[cut:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	return append(out, string(rs))
}

// InciLookupJSON writes the lookup as indented JSON.
func InciLookupJSON(w io.Writer, l *InciLookup) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(l); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// inciWriter remembers the first write error so the writers can print
// freely and report it once.
type inciWriter struct {
	w   io.Writer
	err error
}

func (e *inciWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = fmt.Errorf("write: %w", err)
	}
	return n, e.err
}

func (e *inciWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
