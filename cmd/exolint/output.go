package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/exolint/exolint/reports"
)

// render writes res in one format. getenv is the injected environment
// (streams.getenv): the github format appends its summary to
// $GITHUB_STEP_SUMMARY when the runner sets it.
func render(w io.Writer, format string, res *reports.Result, color bool, getenv func(string) string) error {
	switch format {
	case "json":
		return reports.JSON(w, res)
	case "sarif":
		// Relative paths are relative to the working directory; naming it
		// lets consumers resolve %SRCROOT%. If it cannot be had, "" leaves
		// %SRCROOT% to the consumer (GitHub uses the repository root, where
		// CI runs us anyway).
		root, _ := os.Getwd()
		// "exolint/" is the code-scanning category, so exolint's alerts do
		// not replace another tool's; upload-sarif's category overrides it.
		return reports.SARIF(w, res, reports.SARIFOptions{AutomationID: "exolint/", SrcRoot: root})
	case "github":
		var summary string
		if getenv != nil {
			summary = getenv("GITHUB_STEP_SUMMARY")
		}
		return reports.GitHub(w, res, reports.GitHubOptions{SummaryPath: summary})
	case "rdjsonl":
		return reports.RDJSONL(w, res)
	case "junit":
		return reports.JUnit(w, res)
	case "checkstyle":
		return reports.Checkstyle(w, res)
	default:
		return reports.Text(w, res, reports.TextOptions{Color: color})
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

// writeFileAtomic writes a report to a temporary file beside path and
// renames it into place, so a failed run never leaves half a report.
func writeFileAtomic(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		// Name the folder, not the temporary file the user never asked for.
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: folder %s does not exist (%w)", path, filepath.Dir(path), fs.ErrNotExist)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	// After a successful rename there is nothing left to remove.
	defer func() { _ = os.Remove(tmp.Name()) }()
	if err := write(tmp); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
