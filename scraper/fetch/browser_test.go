package fetch

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestFindBrowserGivenPath(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := FindBrowser(exe); err != nil || got != exe {
		t.Fatalf("FindBrowser(%q) = %q, %v", exe, got, err)
	}
	plain := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(plain, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{plain, dir, filepath.Join(dir, "missing")} {
		if _, err := FindBrowser(p); !errors.Is(err, ErrNoBrowser) {
			t.Errorf("FindBrowser(%q) error = %v, want ErrNoBrowser", p, err)
		}
	}
}

func TestFindBrowserOnPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if _, err := FindBrowser(""); !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("empty PATH: error = %v, want ErrNoBrowser", err)
	}
	exe := filepath.Join(dir, "chromium-browser")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := FindBrowser(""); err != nil || got != exe {
		t.Fatalf("FindBrowser(\"\") = %q, %v; want %q", got, err, exe)
	}
}
