package rules

import (
	"strings"

	"github.com/exolint/exolint/rules/ingredients"
)

// cosingSource is the attribution CosIng's reuse policy asks for, with the
// data dates, for rule docs that rest on CosIng. Reading it touches only the
// header of the embedded data.
func cosingSource() string {
	s, err := ingredients.Attribution()
	if err != nil {
		// The data is embedded and tested; keep the attribution even so.
		return "Source: European Commission, CosIng database"
	}
	return s + "."
}

// annexRef is "II/416".
func annexRef(e ingredients.AnnexEntry) string { return e.Annex + "/" + e.Ref }

// quoteList joins names as "A", "B" and "C".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
