package reports

import (
	"github.com/exolint/exolint/rules"
)

// Meta is what a writer is told before the first document: who made the
// run and what it judged by.
type Meta struct {
	Tool    Tool
	Markets []rules.Market
	// Rules are the run's rules in catalog order (SARIF describes them,
	// JUnit makes a testcase of each).
	Rules []*rules.Rule
}

// Writer writes one output format while a run goes on: Begin once, then
// Document for each document as it finishes, in input order, then End
// once. A writer never needs every document at once: it writes each as it
// comes (text, json, jsonl, rdjsonl, checkstyle), spools the encoded bytes
// of what must come after a header with totals (SARIF results, JUnit
// suites; see spool), or keeps the little a format needs at the end (GitHub
// its capped annotations and summary rows), never facts, texts or whole
// documents. A writer may not keep the *rules.DocResult after Document
// returns: the caller reuses or drops it.
//
// The first write error is returned by that call and every later one; a
// writer does not decide exit codes.
type Writer interface {
	Begin(Meta) error
	Document(*rules.DocResult) error
	End() error
}

// Aborter is implemented by writers that hold something between Begin and
// End (SARIF's spooled results, maybe in a temporary file): a run that
// stops early calls Abort instead of End, and nothing is left behind.
type Aborter interface {
	Abort()
}

// Write runs a whole result through w, for callers that already hold every
// document (tests, a web request).
func Write(w Writer, r *Result) error {
	if err := w.Begin(Meta{Tool: r.Tool, Markets: r.Markets, Rules: r.Rules}); err != nil {
		return err
	}
	for _, d := range r.Documents {
		if err := w.Document(d); err != nil {
			return err
		}
	}
	return w.End()
}

// Add counts one document into the summary.
func (s *Summary) Add(d *rules.DocResult) {
	if s.Findings == nil {
		s.Findings = map[string]int{"error": 0, "warning": 0, "info": 0}
	}
	s.Documents++
	if d.Err != nil {
		s.Errors++
	}
	for _, f := range d.Findings {
		s.Findings[f.Severity.String()]++
	}
}
