package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
