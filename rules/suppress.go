package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// ErrBadDirective is returned for a malformed exolint suppression comment.
var ErrBadDirective = errors.New("bad suppression")

// DirectiveKind is what a suppression comment does.
type DirectiveKind string

// Suppression comment kinds.
const (
	DisableNextLine DirectiveKind = "exolint-disable-next-line"
	DisableLine     DirectiveKind = "exolint-disable-line"
	Disable         DirectiveKind = "exolint-disable"
	Enable          DirectiveKind = "exolint-enable"
)

// Directive is a parsed suppression comment:
//
//	exolint-disable-next-line drug-claim, hype-wording -- quoted from a review
//
// Rules names rule ids ("all" for every rule). A reason after " -- " is
// required on every kind but exolint-enable.
type Directive struct {
	Kind   DirectiveKind
	Rules  []string
	Reason string
}

// ParseDirective reads a comment's text. It returns ok=false when the
// comment is not an exolint directive at all, and an error wrapping
// ErrBadDirective when it is one but malformed.
func ParseDirective(text string) (Directive, bool, error) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "exolint-") {
		return Directive{}, false, nil
	}
	body, reason, hasReason := strings.Cut(t, "--")
	// "exolint-disable--x" has no space before the dashes: a typo, but
	// still the user's intent to suppress; read it the same way.
	fields := strings.Fields(body)
	var d Directive
	switch k := DirectiveKind(fields[0]); k {
	case DisableNextLine, DisableLine, Disable, Enable:
		d.Kind = k
	default:
		return Directive{}, true, fmt.Errorf("%w: unknown directive %q (want exolint-disable-next-line, exolint-disable-line, exolint-disable or exolint-enable)", ErrBadDirective, fields[0])
	}
	for _, f := range fields[1:] {
		for _, id := range strings.Split(f, ",") {
			if id != "" {
				d.Rules = append(d.Rules, id)
			}
		}
	}
	if len(d.Rules) == 0 {
		return Directive{}, true, fmt.Errorf("%w: %s names no rule (give rule ids, or all)", ErrBadDirective, d.Kind)
	}
	d.Reason = strings.TrimSpace(reason)
	if d.Kind != Enable && (!hasReason || d.Reason == "") {
		return Directive{}, true, fmt.Errorf("%w: %s needs a reason: %s %s -- why this is fine", ErrBadDirective, d.Kind, d.Kind, strings.Join(d.Rules, ","))
	}
	return d, true, nil
}

// suppression is one directive's reach in a document.
type suppression struct {
	d          Directive
	c          scraper.Comment
	line       int // for line kinds: the line it covers
	start, end int // for ranges: source offsets
	used       map[string]bool
}

// commentSuppressions are a document's suppression comments: what they
// cover, and the findings about the comments themselves.
type commentSuppressions struct {
	sups []*suppression
	// bad are malformed directives and an exolint-enable with nothing to
	// close, in the order of the comments.
	bad []Finding
	// cut is the source offset from which the document was not checked
	// (-1: none); suppressions reaching there are not reported unused.
	cut int
}

// readComments reads a document's suppression comments.
func readComments(doc *scraper.Document, known []*Rule) *commentSuppressions {
	cs := &commentSuppressions{cut: -1}
	bad := func(c scraper.Comment, msg string) {
		cs.bad = append(cs.bad, Finding{Rule: BadSuppressionID, Severity: Error, Message: msg, Start: c.Start, End: c.End, Match: strings.TrimSpace(c.Text)})
	}
	open := map[string]*suppression{} // rule id → open exolint-disable
	for _, c := range doc.Comments {
		d, ok, err := ParseDirective(c.Text)
		if !ok {
			continue
		}
		if err != nil {
			bad(c, err.Error())
			continue
		}
		valid := true
		for _, id := range d.Rules {
			if id == "all" {
				continue
			}
			if _, err := Lookup(known, id); err != nil {
				msg := fmt.Sprintf("%s names unknown rule %q", d.Kind, id)
				if s := SuggestID(known, id); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				bad(c, msg)
				valid = false
			}
		}
		if !valid {
			continue
		}
		s := &suppression{d: d, c: c, used: map[string]bool{}}
		switch d.Kind {
		case DisableNextLine:
			s.line = c.End.Line + 1
		case DisableLine:
			s.line = c.Start.Line
		case Disable:
			s.start, s.end = c.End.Offset, doc.Size()+1
			for _, id := range d.Rules {
				open[id] = s
			}
		case Enable:
			matched := false
			for _, id := range d.Rules {
				if o, ok := open[id]; ok {
					o.end = c.Start.Offset
					delete(open, id)
					matched = true
				}
			}
			if !matched {
				cs.bad = append(cs.bad, Finding{Rule: UnusedSuppressionID, Severity: Info, Start: c.Start, End: c.End, Match: strings.TrimSpace(c.Text),
					Message: fmt.Sprintf("exolint-enable %s has no exolint-disable before it", strings.Join(d.Rules, ","))})
			}
			continue
		}
		cs.sups = append(cs.sups, s)
	}
	return cs
}

// suppress reports whether a comment covers f, and marks the comment used.
func (cs *commentSuppressions) suppress(f Finding) bool { return suppressedBy(cs.sups, f) }

// findings are the findings about the comments: malformed directives, and,
// once every finding has been judged, the ones that suppressed nothing.
func (cs *commentSuppressions) findings() []Finding {
	out := cs.bad
	for _, s := range cs.sups {
		if cs.cut >= 0 && (s.d.Kind == Disable && s.end > cs.cut || s.d.Kind != Disable && s.c.Start.Offset >= cs.cut) {
			continue // it may cover what was not checked
		}
		for _, id := range s.d.Rules {
			if s.used[id] {
				continue
			}
			what := "no finding of " + id
			if id == "all" {
				what = "no finding"
			}
			out = append(out, Finding{Rule: UnusedSuppressionID, Severity: Info, Start: s.c.Start, End: s.c.End, Match: strings.TrimSpace(s.c.Text),
				Message: fmt.Sprintf("%s suppresses %s; remove it", s.d.Kind, what)})
		}
	}
	return out
}

func suppressedBy(sups []*suppression, f Finding) bool {
	hit := false
	for _, s := range sups {
		var in bool
		switch s.d.Kind {
		case DisableNextLine, DisableLine:
			in = f.Start.Line <= s.line && s.line <= max(f.Start.Line, f.End.Line)
		case Disable:
			in = f.Start.Offset >= s.start && f.Start.Offset < s.end
		}
		if !in {
			continue
		}
		for _, id := range s.d.Rules {
			if id == f.Rule || id == "all" {
				s.used[id] = true
				hit = true
			}
		}
	}
	return hit
}
