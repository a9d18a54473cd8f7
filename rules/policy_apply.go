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

// docPolicy is the policy as it applies to one document: its suppression
// comments and the suppressions-file entries for its page. It judges each
// finding as the rules report it, so the engine never holds more findings
// than it lists (collect.go).
type docPolicy struct {
	p        *Policy
	comments *commentSuppressions // suppress.go
	entries  []FileSuppression
}

// forDocument prepares the policy for one document; nil when there is no
// policy. cut is the source offset from which the document was not
// checked (-1: checked whole): a suppression there cannot be judged unused.
func (p *Policy) forDocument(doc *scraper.Document, res *DocResult, cut int) *docPolicy {
	if p == nil {
		return nil
	}
	dp := &docPolicy{p: p, comments: readComments(doc, p.Known)}
	dp.comments.cut = cut
	for _, s := range p.Suppressions {
		if s.appliesTo(res) {
			dp.entries = append(dp.entries, s)
		}
	}
	return dp
}

// filter hands f to keep unless the policy drops it: a severity override
// of off, an allowed phrase, a suppression comment or a suppressions-file
// entry. Findings the policy adds about f (an expired entry) go to added.
func (dp *docPolicy) filter(f Finding, keep, added func(Finding)) {
	if dp == nil {
		keep(f)
		return
	}
	f, ok := dp.p.overrideOne(f)
	if !ok || len(dp.p.Allow) > 0 && insideAllowed(f, dp.p.Allow) || dp.comments.suppress(f) {
		return
	}
	dp.fileFilter(f, keep, added)
}

// finish hands on the findings about the suppression comments themselves
// (malformed, or suppressing nothing), through the suppressions file and
// the overrides like any other.
func (dp *docPolicy) finish(keep, added func(Finding)) {
	if dp == nil {
		return
	}
	for _, f := range dp.comments.findings() {
		dp.fileFilter(f, func(f Finding) {
			if f, ok := dp.p.overrideOne(f); ok {
				keep(f)
			}
		}, added)
	}
}

// fileFilter applies the suppressions-file entries for this page: a
// matching entry drops f, an expired one keeps it and adds a finding
// saying so.
func (dp *docPolicy) fileFilter(f Finding, keep, added func(Finding)) {
	drop := false
	for _, s := range dp.entries {
		if s.Rule != f.Rule || (s.Match != "" && NormalizeMatch(s.Match) != NormalizeMatch(f.Match)) {
			continue
		}
		if !s.Expires.IsZero() && dp.p.Today.After(s.Expires) {
			e := Finding{Rule: ExpiredSuppressionID, Severity: Warning, Start: f.Start, End: f.End, Match: f.Match,
				Message: fmt.Sprintf("suppression at %s (%s) expired on %s; renew or remove it", s.Origin, s.Reason, s.Expires.Format(time.DateOnly))}
			if e, ok := dp.p.overrideOne(e); ok {
				added(e)
			}
			continue
		}
		drop = true
	}
	if !drop {
		keep(f)
	}
}

// overrideOne applies the configured severity of f's rule; false when it
// is off.
func (p *Policy) overrideOne(f Finding) (Finding, bool) {
	if s, ok := p.Severity[f.Rule]; ok {
		if s == Off {
			return f, false
		}
		f.Severity = s
	}
	return f, true
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
