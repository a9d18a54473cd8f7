package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"

	"github.com/exolint/exolint/rules"
)

// fixer applies safe rewrites to local files (never URLs or stdin), or
// with diff prints them as a unified diff and changes nothing, one document
// at a time as the run streams. Fixed findings leave the document; what
// remains is reported as usual.
type fixer struct {
	stdout       io.Writer
	diff         bool
	files, fixed int
}

func (fx *fixer) fix(d *rules.DocResult) error {
	if d.Err != nil || !isLocalSource(d.Source) || len(d.Findings) == 0 {
		return nil
	}
	src, err := os.ReadFile(d.Source)
	if err != nil {
		return fmt.Errorf("fix: %w", err)
	}
	base := 0
	if bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) {
		base = 3
	}
	// Pages read through a charset conversion have offsets into the
	// converted text; leave them alone.
	if !utf8.Valid(src) {
		return nil
	}
	// Every place of a finding is fixed. A further place may differ in
	// case from the first ("Miracle", "miracle"): its own bytes are its
	// match when they differ only in case, so ApplyFixes still replaces
	// only plain text (never across markup or a line break) and
	// matchCase keeps the capital.
	places := rules.ExpandFindings(d.Findings)
	for i := range places {
		p := &places[i]
		s, e := p.Start.Offset+base, p.End.Offset+base
		if s >= 0 && s < e && e <= len(src) && e-s == len(p.Match) && strings.EqualFold(string(src[s:e]), p.Match) {
			p.Match = string(src[s:e])
		}
	}
	out, done := rules.ApplyFixes(src, places, base)
	if len(done) == 0 {
		return nil
	}
	fx.files++
	fx.fixed += len(done)
	if fx.diff {
		if err := unifiedDiff(fx.stdout, d.Source, src, out); err != nil {
			return fmt.Errorf("fix: %w", err)
		}
	} else {
		// writeFileAtomic keeps the file's mode.
		if err := writeFileAtomic(d.Source, func(f *os.File) error {
			_, err := f.Write(out)
			return err
		}); err != nil {
			return err
		}
	}
	d.Findings = rules.GroupFindings(without(places, done))
	return nil
}

// report says on stderr what was (or would be) fixed.
func (fx *fixer) report(stderr io.Writer) {
	verb := "fixed"
	if fx.diff {
		verb = "would fix"
	}
	fmt.Fprintf(stderr, "exolint: %s %d findings in %d files\n", verb, fx.fixed, fx.files)
}

func without(fs, done []rules.Finding) []rules.Finding {
	type k struct {
		rule string
		off  int
	}
	gone := map[k]bool{}
	for _, f := range done {
		gone[k{f.Rule, f.Start.Offset}] = true
	}
	kept := fs[:0]
	for _, f := range fs {
		if !gone[k{f.Rule, f.Start.Offset}] {
			kept = append(kept, f)
		}
	}
	return kept
}

// unifiedDiff writes a unified diff of a and b with three lines of
// context, in the a/ b/ form git and patch -p1 read.
func unifiedDiff(w io.Writer, name string, a, b []byte) error {
	_, err := io.WriteString(w, udiff.Unified("a/"+name, "b/"+name, string(a), string(b)))
	return err
}
