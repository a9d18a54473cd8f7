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
	// maxFindings caps the findings listed per document (collect.go);
	// <= 0: no cap.
	maxFindings int
	// keptTokenText is the most text whose tokens an analysis keeps, and
	// budget what it holds for matches and ingredient entries
	// (analysis.go); tests lower them.
	keptTokenText, budget int
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
	return &Engine{rules: rs, lex: buildLexicon(groups).withGrammar(gram), markets: markets, ingr: ingr, maxFindings: DefaultMaxFindings, keptTokenText: defaultKeptTokenText, budget: analysisBudget}, nil
}

// SetMaxFindings sets how many findings a document lists at most (the most
// severe, earliest first; the document notes how many more there were);
// n <= 0 lists them all. The default is DefaultMaxFindings.
func (e *Engine) SetMaxFindings(n int) { e.maxFindings = n }

// Rules returns the engine's rules.
func (e *Engine) Rules() []*Rule { return e.rules }

// Markets returns the selected markets.
func (e *Engine) Markets() []Market { return e.markets }

// Check runs every rule on doc.
func (e *Engine) Check(doc *scraper.Document) *DocResult {
	view, copies := readOnce(doc)
	a := analyzeWithin(view, e.lex, e.keptTokenText, e.budget)
	a.ingr.kb = e.ingr
	a.computeFacts()
	res := &DocResult{Source: doc.Source, Format: doc.Format, Product: doc.Product, Facts: a.Facts, Notes: doc.Notes}
	if a.cut > 0 {
		res.Notes = append(res.Notes, a.cutNote())
	}
	if !a.Selling() {
		res.Notes = append(res.Notes, "reads as an article that discusses exosomes and promotes no product or treatment: nothing in it is counted as its own claim")
	}
	// Findings go through the policy as they are reported and into a
	// collector that keeps at most the engine's limit, so a document that
	// breaks a rule in every sentence costs no more memory than one that
	// breaks it a thousand times.
	col := &collector{limit: e.maxFindings}
	dp := e.policy.forDocument(doc, res, a.cutAt())
	seq, addedSeq := 0, 0
	keep := func(f Finding) {
		col.add(f, seq)
		seq++
	}
	// Findings the policy adds follow all others when places tie, as
	// they did when the policy ran after the rules.
	const addedAfter = 1 << 62
	added := func(f Finding) {
		col.add(f, addedAfter+addedSeq)
		addedSeq++
	}
	type place struct{ start, end int }
	for _, r := range e.rules {
		if !r.AppliesTo(a.Facts.PageKind) {
			continue
		}
		// One finding per rule and place; rule ids are unique, so the
		// places seen reset with each rule.
		seen := map[place]bool{}
		pass := &Pass{Rule: r, Analysis: a}
		pass.report = func(d Diagnostic) {
			f, ok := e.finding(a, r, d)
			if !ok {
				return
			}
			add := func(f Finding) {
				key := place{f.Start.Offset, f.End.Offset}
				if !seen[key] {
					seen[key] = true
					dp.filter(f, keep, added)
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
	dp.finish(keep, added)
	res.Findings = col.findings()
	places := len(res.Findings)
	SortFindings(res.Findings)
	// One problem, one finding: after suppressions, so a place a comment
	// suppresses is not listed either. The limit counts places, so a
	// problem repeated on every line costs no more than a thousand others.
	res.Findings = GroupFindings(res.Findings)
	if n := col.note(places); n != "" {
		res.Notes = append(res.Notes, n)
	}
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
