package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/exolint/exolint/rules"
)

// Exit codes, the same for every output format (DESIGN.md).
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitTrouble  = 2 // usage, configuration or run failure, or an input that could not be read
)

// errFindings reports that findings reached the fail threshold. It is
// silent: the report already said everything.
var errFindings = errors.New("findings at or above the fail threshold")

// errInputs reports that some inputs could not be read. The report names
// each one with its reason.
var errInputs = errors.New("some inputs could not be read")

// tally counts what decides the verdict while documents stream past: the
// worst finding of all, the worst of those shown (after --min-severity),
// and the inputs that could not be read.
type tally struct {
	worst, worstShown rules.Severity
	unread            int
	hidden            int // findings below --min-severity
}

func (t *tally) add(d *rules.DocResult, minSeverity rules.Severity) {
	if d.Err != nil {
		t.unread++
	}
	for _, f := range d.Findings {
		t.worst = max(t.worst, f.Severity)
		if f.Severity >= minSeverity {
			t.worstShown = max(t.worstShown, f.Severity)
		} else {
			t.hidden++
		}
	}
}

// verdict is the error that decides the exit code: unreadable inputs
// first, then any finding at or above failOn.
func (t *tally) verdict(failOn rules.Severity) error { return t.judge(t.worst, failOn) }

// shownVerdict judges by the findings shown only, to tell the user when
// hidden findings alone failed the run.
func (t *tally) shownVerdict(failOn rules.Severity) error { return t.judge(t.worstShown, failOn) }

func (t *tally) judge(worst, failOn rules.Severity) error {
	switch {
	case t.unread > 0:
		return errInputs
	case failOn != rules.Off && worst >= failOn:
		return errFindings
	}
	return nil
}

// usageError is a mistake in how exolint was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// exitCode is the one place an error becomes an exit code and, where the
// error is not silent, a line on stderr.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, errInputs):
		return exitTrouble
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "exolint: interrupted")
		return exitTrouble
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "exolint: %v\nRun 'exolint --help' for usage.\n", err)
		return exitTrouble
	}
	fmt.Fprintf(stderr, "exolint: %v\n", err)
	return exitTrouble
}
