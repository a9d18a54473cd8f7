package reports

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exolint/exolint/rules/ingredients"
)

// TestInciLookupTextFitsWidth: a long CosIng name (ferments run to
// hundreds of characters) wraps within the width instead of padding every
// row to its length.
func TestInciLookupTextFitsWidth(t *testing.T) {
	long := "ASPERGILLUS/LACTOBACILLUS/SACCHAROMYCES/(ACTINIDIA ARGUTA/ALOE BARBADENSIS/ANGELICA UTILIS/ARTEMISIA PRINCEPS/ASTER SCABER/BEET/BRASSICA OLERACEA VIRIDIS) FERMENT FILTRATE"
	l := NewInciLookup("q", []ingredients.Entry{
		{Name: "HUMAN ADIPOSE STROMAL CELL EXOSOMES", Functions: []string{"SKIN CONDITIONING"}},
		{Name: long, Functions: []string{"SKIN CONDITIONING", "HUMECTANT"}, Annex: []string{"III/1"}},
	}, "Source: test")
	l.Width = 80
	var buf bytes.Buffer
	if err := InciLookupText(&buf, l); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing spaces: %q", line)
		}
	}
	if !strings.HasPrefix(out, "HUMAN ADIPOSE STROMAL CELL EXOSOMES  ") || !strings.Contains(out, "skin conditioning, humectant  III/1") {
		t.Errorf("columns lost:\n%s", out)
	}
	// The long name is all there, in order, across its lines.
	joined := strings.Join(strings.Fields(strings.ReplaceAll(out, "skin conditioning, humectant  III/1", "")), "")
	if !strings.Contains(joined, strings.ReplaceAll(long, " ", "")) {
		t.Errorf("long name cut:\n%s", out)
	}
	// Without a width (not a terminal, no COLUMNS) the default still bounds
	// the lines.
	l.Width = 0
	buf.Reset()
	if err := InciLookupText(&buf, l); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if utf8.RuneCountInString(line) > DefaultTextWidth {
			t.Errorf("line over %d columns: %q", DefaultTextWidth, line)
		}
	}
}
