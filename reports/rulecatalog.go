package reports

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
)

// CatalogRule is one rule as `exolint rules --format json` and the web API
// list it.
type CatalogRule struct {
	ID        string                  `json:"id"`
	Title     string                  `json:"title"`
	Severity  rules.Severity          `json:"severity"`
	Markets   map[rules.Market]string `json:"markets"`
	Help      string                  `json:"help"`
	Kinds     []rules.PageKind        `json:"page_kinds,omitempty"`
	Citations []rules.Citation        `json:"citations"`
}

// HighestSeverity is a rule's highest severity over the markets; Off when
// it applies in none of them.
func HighestSeverity(r *rules.Rule, markets []rules.Market) rules.Severity {
	best := rules.Off
	for _, m := range markets {
		if s := r.SeverityIn(m); s > best {
			best = s
		}
	}
	return best
}

// RuleCatalog describes every rule for the given markets.
func RuleCatalog(all []*rules.Rule, markets []rules.Market) []CatalogRule {
	cites := rules.Citations()
	out := []CatalogRule{}
	for _, r := range all {
		cr := CatalogRule{ID: r.ID, Title: r.Title, Severity: HighestSeverity(r, markets), Markets: map[rules.Market]string{}, Help: HelpURL(r.ID), Kinds: r.Kinds}
		for _, m := range markets {
			cr.Markets[m] = r.SeverityIn(m).String()
		}
		for _, k := range r.Citations {
			cr.Citations = append(cr.Citations, cites[k])
		}
		out = append(out, cr)
	}
	return out
}

// RulesJSON writes the catalog as an indented JSON array.
func RulesJSON(w io.Writer, all []*rules.Rule, markets []rules.Market) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(RuleCatalog(all, markets)); err != nil {
		return fmt.Errorf("write rules: %w", err)
	}
	return nil
}
