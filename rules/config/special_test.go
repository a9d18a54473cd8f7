//go:build unix

package config

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/exolint/exolint/scraper"
)

// TestNamedPipesAreRefused: a config, suppressions file or .gitignore that
// is a named pipe must be refused, not block the run until someone writes
// to it.
func TestNamedPipesAreRefused(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".exolint.yml", "suppressions.yml", ".gitignore"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	loads := map[string]func() error{
		"config": func() error {
			_, err := Load(filepath.Join(dir, ".exolint.yml"), known())
			return err
		},
		"suppressions": func() error {
			_, err := LoadSuppressions(filepath.Join(dir, "suppressions.yml"), known())
			return err
		},
		"gitignore": func() error {
			_, err := (*Config)(nil).Matcher(dir)
			return err
		},
	}
	for what, load := range loads {
		done := make(chan error, 1)
		go func() { done <- load() }()
		select {
		case err := <-done:
			if !errors.Is(err, scraper.ErrNotRegular) {
				t.Errorf("%s: %v, want ErrNotRegular", what, err)
			}
		case <-time.After(20 * time.Second): // a guard against a hang, not a speed check
			t.Fatalf("%s: reading a named pipe never returned", what)
		}
	}
	_ = os.Remove(filepath.Join(dir, ".gitignore"))
}
