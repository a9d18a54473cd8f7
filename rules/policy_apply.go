package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Policy is what a project's configuration asks of every document's
// findings after the rules have run: suppressions, allowed phrases and
// severity overrides. The engine applies it (Engine.SetPolicy).
type Policy struct {
	// Known are the rules suppression comments may name.
	Known []*Rule
	// Severity overrides a rule's severity in every market; Off drops it.
	Severity map[string]Severity
	// Allow phrases are never flagged: a finding whose match lies inside
	// one is dropped.
	Allow []string
	// Suppressions are entries from a suppressions file, for pages whose
	// source cannot carry comments.
	Suppressions []FileSuppression
	// Today decides whether a suppressions-file entry has expired.
	Today time.Time
}

// FileSuppression suppresses findings on a page identified by URL or by
// product id (SKU or GTIN).
type FileSuppression struct {
	URL     string
	Product string // SKU or GTIN
	Rule    string
	Match   string // "" matches any text
	Reason  string
	Expires time.Time // zero: never
	// Where the entry is written, for messages ("file:line").
	Origin string
}

// SetPolicy makes the engine apply p to every document it checks.
func (e *Engine) SetPolicy(p *Policy) { e.policy = p }

// apply runs the policy on one document's findings.
func (p *Policy) apply(doc *scraper.Document, res *DocResult) {
	if p == nil {
		return
	}
	res.Findings = p.override(res.Findings)
	if len(p.Allow) > 0 {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if !insideAllowed(f, p.Allow) {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
	applyComments(doc, res, p.Known)
	p.applyFile(res)
	// Bookkeeping findings added above follow the overrides too.
	res.Findings = p.override(res.Findings)
}

func (p *Policy) override(fs []Finding) []Finding {
	if len(p.Severity) == 0 {
		return fs
	}
	kept := fs[:0]
	for _, f := range fs {
		if s, ok := p.Severity[f.Rule]; ok {
			if s == Off {
				continue
			}
			f.Severity = s
		}
		kept = append(kept, f)
	}
	return kept
}

// insideAllowed reports whether f's match lies inside an occurrence of an
// allowed phrase in the sentence around it.
func insideAllowed(f Finding, allow []string) bool {
	ctx := f.Context
	ms, me := f.ContextStart, f.ContextEnd
	if ctx == "" {
		ctx, ms, me = f.Match, 0, len(f.Match)
	}
	for _, a := range allow {
		for _, loc := range findPhrase(ctx, a) {
			if loc[0] <= ms && me <= loc[1] {
				return true
			}
		}
	}
	return false
}

// findPhrase finds phrase in text, ignoring case and white-space
// differences, at word edges, and returns byte ranges of text.
func findPhrase(text, phrase string) [][2]int {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return nil
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)` + strings.Join(words, `\s+`))
	if err != nil {
		return nil
	}
	var out [][2]int
	for _, loc := range re.FindAllStringIndex(text, -1) {
		if wordEdge(text, loc[0], true) && wordEdge(text, loc[1], false) {
			out = append(out, [2]int{loc[0], loc[1]})
		}
	}
	return out
}

// wordEdge reports whether off is not in the middle of a word.
func wordEdge(text string, off int, before bool) bool {
	var r rune
	if before {
		if off == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(text[:off])
	} else {
		if off >= len(text) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(text[off:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// applyFile applies suppressions-file entries whose page is this document.
func (p *Policy) applyFile(res *DocResult) {
	if len(p.Suppressions) == 0 {
		return
	}
	var entries []FileSuppression
	for _, s := range p.Suppressions {
		if s.appliesTo(res) {
			entries = append(entries, s)
		}
	}
	if len(entries) == 0 {
		return
	}
	kept := res.Findings[:0]
	var extra []Finding
	for _, f := range res.Findings {
		drop := false
		for _, s := range entries {
			if s.Rule != f.Rule || (s.Match != "" && NormalizeMatch(s.Match) != NormalizeMatch(f.Match)) {
				continue
			}
			if !s.Expires.IsZero() && p.Today.After(s.Expires) {
				extra = append(extra, Finding{Rule: ExpiredSuppressionID, Severity: Warning, Start: f.Start, End: f.End, Match: f.Match,
					Message: fmt.Sprintf("suppression at %s (%s) expired on %s; renew or remove it", s.Origin, s.Reason, s.Expires.Format(time.DateOnly))})
				continue
			}
			drop = true
		}
		if !drop {
			kept = append(kept, f)
		}
	}
	res.Findings = append(kept, extra...)
}

func (s FileSuppression) appliesTo(res *DocResult) bool {
	if s.URL != "" && (s.URL == res.Source || s.URL == res.Product.URL) {
		return true
	}
	return s.Product != "" && (s.Product == res.Product.SKU || s.Product == res.Product.GTIN)
}

// NormalizeMatch is how matched text is compared across runs (baselines,
// suppressions files): case and white space do not matter.
func NormalizeMatch(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// AvoidTerm is a phrase a brand's configuration says to avoid.
type AvoidTerm struct {
	Phrase      string
	Message     string
	Replacement string
	Severity    Severity
}

// BrandTerms is the brand-term rule for a project's avoid list.
func BrandTerms(terms []AvoidTerm) *Rule {
	var base *Rule
	for _, r := range PolicyRules() {
		if r.ID == BrandTermID {
			base = r
		}
	}
	r := *base
	r.Check = func(pass *Pass) {
		for bi, b := range pass.Blocks {
			for _, t := range terms {
				for _, loc := range findPhrase(b.Text, t.Phrase) {
					msg := t.Message
					if msg == "" {
						msg = fmt.Sprintf("the brand's terms say to avoid %q", t.Phrase)
					}
					if t.Replacement != "" {
						msg += fmt.Sprintf(" (use %q)", t.Replacement)
					}
					sev := map[Market]Severity{}
					for _, m := range AllMarkets() {
						sev[m] = t.Severity
					}
					pass.Report(Diagnostic{At: Span{Block: bi, Start: loc[0], End: loc[1]}, Message: msg, Suggest: t.Replacement, Severity: sev})
				}
			}
		}
	}
	return &r
}
