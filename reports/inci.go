package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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

// InciLookupText writes one inventory entry a line.
func InciLookupText(w io.Writer, l *InciLookup) error {
	ew := &inciWriter{w: w}
	if len(l.Matches) == 0 {
		ew.printf("no CosIng name matches %q\n", l.Query)
	}
	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	for _, e := range l.Matches {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, dash(strings.ToLower(strings.Join(e.Functions, ", "))), dash(strings.Join(e.Annexes, ", ")))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	ew.printf("\n%s\n", l.Attribution)
	return ew.err
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
