package rules

import (
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
