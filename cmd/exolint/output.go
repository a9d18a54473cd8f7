package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
)

// newWriter makes the streaming writer of one format. getenv is the
// injected environment (streams.getenv): the github format appends its
// summary to $GITHUB_STEP_SUMMARY when the runner sets it.
func newWriter(w io.Writer, format string, color bool, getenv func(string) string, failOn rules.Severity) reports.Writer {
	switch format {
	case "json":
		return reports.NewJSON(w)
	case "jsonl":
		return reports.NewJSONL(w)
	case "sarif":
		// Relative paths are relative to the working directory; naming it
		// lets consumers resolve %SRCROOT%. If it cannot be had, "" leaves
		// %SRCROOT% to the consumer (GitHub uses the repository root, where
		// CI runs us anyway).
		root, _ := os.Getwd()
		// "exolint/" is the code-scanning category, so exolint's alerts do
		// not replace another tool's; upload-sarif's category overrides it.
		return reports.NewSARIF(w, reports.SARIFOptions{AutomationID: "exolint/", SrcRoot: root})
	case "github":
		var summary string
		if getenv != nil {
			summary = getenv("GITHUB_STEP_SUMMARY")
		}
		return reports.NewGitHub(w, reports.GitHubOptions{SummaryPath: summary})
	case "rdjsonl":
		return reports.NewRDJSONL(w)
	case "junit":
		return reports.NewJUnit(w, reports.JUnitOptions{FailOn: failOn})
	case "checkstyle":
		return reports.NewCheckstyle(w)
	default:
		return reports.NewText(w, reports.TextOptions{Color: color})
	}
}

// sinks are the run's outputs, open while documents stream through them:
// stdout, or a temporary file beside each FORMAT=FILE that becomes the file
// only when the run completes, so a failed run never leaves half a report.
type sinks struct {
	writers []reports.Writer
	files   []*atomicFile
}

func openSinks(s streams, outs []output, failOn rules.Severity) (*sinks, error) {
	sk := &sinks{}
	for _, out := range outs {
		if out.path == "" {
			sk.writers = append(sk.writers, newWriter(s.stdout, out.format, useColor(s), s.getenv, failOn))
			continue
		}
		f, err := createAtomic(out.path)
		if err != nil {
			sk.abort()
			return nil, err
		}
		sk.files = append(sk.files, f)
		sk.writers = append(sk.writers, newWriter(f.f, out.format, false, s.getenv, failOn))
	}
	return sk, nil
}

func (sk *sinks) begin(m reports.Meta) error {
	for _, w := range sk.writers {
		if err := w.Begin(m); err != nil {
			return err
		}
	}
	return nil
}

func (sk *sinks) document(d *rules.DocResult) error {
	for _, w := range sk.writers {
		if err := w.Document(d); err != nil {
			return err
		}
	}
	return nil
}

// end finishes every writer and puts the files in place.
func (sk *sinks) end() error {
	for _, w := range sk.writers {
		if err := w.End(); err != nil {
			sk.abort()
			return err
		}
	}
	for i, f := range sk.files {
		if err := f.commit(); err != nil {
			for _, rest := range sk.files[i+1:] {
				rest.abort()
			}
			return err
		}
	}
	return nil
}

// abort drops what the writers hold and the temporary files.
func (sk *sinks) abort() {
	for _, w := range sk.writers {
		if a, ok := w.(reports.Aborter); ok {
			a.Abort()
		}
	}
	for _, f := range sk.files {
		f.abort()
	}
}

// useColor: colour only on a terminal, and never when NO_COLOR is set
// (https://no-color.org).
func useColor(s streams) bool {
	if s.getenv != nil && s.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := s.stdout.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// atomicFile is a report being written to a temporary file beside its
// path; commit renames it into place.
type atomicFile struct {
	path string
	f    *os.File
	done bool
}

// createAtomic opens a temporary file beside path. A report is created
// 0644 less the umask, as any program's output file is (os.CreateTemp's
// 0600 would hide a baseline or report from the rest of a team or a CI
// step running as another user); a file being replaced keeps its mode.
func createAtomic(path string) (*atomicFile, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	var keep fs.FileMode
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		keep = st.Mode().Perm()
	}
	for {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36))
		tmp, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// Name the folder, not the temporary file the user never asked for.
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("write %s: folder %s does not exist (%w)", path, dir, fs.ErrNotExist)
			}
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		a := &atomicFile{path: path, f: tmp}
		if keep != 0 {
			if err := tmp.Chmod(keep); err != nil {
				a.abort()
				return nil, fmt.Errorf("write %s: %w", path, err)
			}
		}
		return a, nil
	}
}

func (a *atomicFile) commit() error {
	if a.done {
		return nil
	}
	a.done = true
	if err := a.f.Close(); err != nil {
		_ = os.Remove(a.f.Name())
		return fmt.Errorf("write %s: %w", a.path, err)
	}
	if err := os.Rename(a.f.Name(), a.path); err != nil {
		_ = os.Remove(a.f.Name())
		return fmt.Errorf("write %s: %w", a.path, err)
	}
	return nil
}

func (a *atomicFile) abort() {
	if a.done {
		return
	}
	a.done = true
	_ = a.f.Close()
	_ = os.Remove(a.f.Name())
}

// writeFileAtomic writes a file whole through a temporary file beside it.
func writeFileAtomic(path string, write func(*os.File) error) error {
	a, err := createAtomic(path)
	if err != nil {
		return err
	}
	if err := write(a.f); err != nil {
		a.abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return a.commit()
}
