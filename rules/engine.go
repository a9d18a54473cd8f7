package rules

import (
	"errors"
	"fmt"
	"sort"

	"github.com/exolint/exolint/scraper"
)

// ErrUnknownRule is returned when a rule id is not in the catalog.
var ErrUnknownRule = errors.New("unknown rule")

// DocResult is everything exolint found about one input.
type DocResult struct {
	Source   string
	Format   string
	Product  scraper.Product
	Facts    Facts
	Findings []Finding
	Notes    []string
	Err      error // the input could not be read or fetched
}

// Engine runs rules over documents. Build one per run; it is safe for
// concurrent use.
type Engine struct {
	rules   []*Rule
	lex     *Lexicon
	markets []Market
	ingr    *ingredientKnowledge
	policy  *Policy // policy_apply.go
}

// NewEngine prepares the rules for the selected markets (all when empty).
func NewEngine(rs []*Rule, markets []Market) (*Engine, error) {
	groups, err := LoadTermGroups()
	if err != nil {
		return nil, err
	}
	if len(markets) == 0 {
		markets = AllMarkets()
	}
	ingr, err := newIngredientKnowledge()
	if err != nil {
		return nil, err
	}
	gram, err := LoadGrammar()
	if err != nil {
		return nil, err
	}
	return &Engine{rules: rs, lex: buildLexicon(groups).withGrammar(gram), markets: markets, ingr: ingr}, nil
}

// Rules returns the engine's rules.
func (e *Engine) Rules() []*Rule { return e.rules }

// Markets returns the selected markets.
func (e *Engine) Markets() []Market { return e.markets }

// Check runs every rule on doc.
func (e *Engine) Check(doc *scraper.Document) *DocResult {
	view, copies := readOnce(doc)
	a := analyze(view, e.lex)
	a.ingr.kb = e.ingr
	a.computeFacts()
	res := &DocResult{Source: doc.Source, Format: doc.Format, Product: doc.Product, Facts: a.Facts, Notes: doc.Notes}
	if !a.Selling() {
		res.Notes = append(res.Notes, "reads as an article that discusses exosomes and promotes no product or treatment: nothing in it is counted as its own claim")
	}
	type place struct {
		rule       string
		start, end int
	}
	seen := map[place]bool{}
	for _, r := range e.rules {
		if !r.AppliesTo(a.Facts.PageKind) {
			continue
		}
		pass := &Pass{Rule: r, Analysis: a}
		pass.report = func(d Diagnostic) {
			f, ok := e.finding(a, r, d)
			if !ok {
				return
			}
			add := func(f Finding) {
				key := place{f.Rule, f.Start.Offset, f.End.Offset}
				if !seen[key] {
					seen[key] = true
					res.Findings = append(res.Findings, f)
				}
			}
			add(f)
			// The same words in a copy of the block are the same problem.
			for _, c := range copies[d.At.Block] {
				s, en := c.SourceRange(d.At.Start, d.At.End)
				f.Start, f.End = a.Doc.Position(s), a.Doc.Position(en)
				f.SourceText = a.Doc.SourceText(s, en)
				add(f)
			}
		}
		r.Check(pass)
	}
	e.policy.apply(doc, res)
	SortFindings(res.Findings)
	// One problem, one finding: after suppressions, so a place a comment
	// suppresses is not listed either.
	res.Findings = GroupFindings(res.Findings)
	return res
}

// finding places a diagnostic and judges its severity over the selected
// markets: it applies where the severity is not Off, and takes the highest.
func (e *Engine) finding(a *Analysis, r *Rule, d Diagnostic) (Finding, bool) {
	f := Finding{Rule: r.ID, Message: d.Message, Suggestion: d.Suggest}
	for _, m := range e.markets {
		s := r.SeverityIn(m)
		if o, ok := d.Severity[m]; ok {
			s = o
		}
		if s == Off {
			continue
		}
		f.Markets = append(f.Markets, m)
		if s > f.Severity {
			f.Severity = s
		}
	}
	if f.Severity == Off {
		return Finding{}, false
	}
	b := a.Blocks[d.At.Block]
	s, en := b.SourceRange(d.At.Start, d.At.End)
	f.Start, f.End = a.Doc.Position(s), a.Doc.Position(en)
	f.Match = b.Text[d.At.Start:d.At.End]
	f.SourceText = a.Doc.SourceText(s, en)
	f.Kind, f.Region = b.Kind, b.Region
	f.Context, f.ContextStart, f.ContextEnd = a.Context(d.At)
	return f, true
}

// SortFindings orders findings by place, then rule: the order every output
// uses.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		x, y := fs[i], fs[j]
		if x.Start.Offset != y.Start.Offset {
			return x.Start.Offset < y.Start.Offset
		}
		if x.End.Offset != y.End.Offset {
			return x.End.Offset < y.End.Offset
		}
		return x.Rule < y.Rule
	})
}

// Lookup finds a rule by id.
func Lookup(rs []*Rule, id string) (*Rule, error) {
	for _, r := range rs {
		if r.ID == id {
			return r, nil
		}
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownRule, id)
}
