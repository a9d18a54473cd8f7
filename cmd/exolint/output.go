package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/exolint/exolint/reports"
)

func render(w io.Writer, format string, res *reports.Result, color bool) error {
	switch format {
	case "json":
		return reports.JSON(w, res)
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
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
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
