//go:build unix

package scraper

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// returnsWithin runs fn and fails the test if it has not returned after a
// generous while: the bug these tests guard against is a read that never
// ends. It asserts no speed.
func returnsWithin(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s never returned", what)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

func TestLoadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.html")
	mkfifo(t, fifo)
	walked := filepath.Join(dir, "folder", "listing.md")
	mkfifo(t, walked)
	if err := os.WriteFile(filepath.Join(dir, "folder", "good.md"), []byte("Plain toner."), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &Loader{Reader: NewReader(), MaxFileSize: 1 << 20}
	tests := []struct {
		name, want string
	}{
		{fifo, "not a regular file (a named pipe)"},
		{"/dev/zero", "not a regular file (a device)"},
	}
	for _, tt := range tests {
		if _, err := os.Stat(tt.name); err != nil {
			t.Logf("skip %s: %v", tt.name, err)
			continue
		}
		var err error
		returnsWithin(t, "Load("+tt.name+")", func() {
			_, err = l.Load(context.Background(), ExpandArgs([]string{tt.name})[0])
		})
		if !errors.Is(err, ErrNotRegular) || err.Error() != tt.want {
			t.Errorf("Load(%s) = %v, want %q", tt.name, err, tt.want)
		}
	}
	// A pipe inside a walked folder is reported; the other files are read.
	ins := ExpandArgs([]string{filepath.Join(dir, "folder")})
	if len(ins) != 2 {
		t.Fatalf("ExpandArgs = %+v, want good.md and listing.md", ins)
	}
	for _, in := range ins {
		var err error
		returnsWithin(t, "Load("+in.Name+")", func() { _, err = l.Load(context.Background(), in) })
		switch filepath.Base(in.Name) {
		case "good.md":
			if err != nil {
				t.Errorf("good.md: %v", err)
			}
		default:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: %v, want ErrNotRegular", in.Name, err)
			}
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small, 1<<20); err != nil || string(b) != "hello" {
		t.Errorf("ReadFile(small) = %q, %v", b, err)
	}
	if _, err := ReadFile(big, 1<<20); !errors.Is(err, ErrTooLarge) || err.Error() != "input too large: over 1 MB" {
		t.Errorf("ReadFile(big) = %v, want ErrTooLarge", err)
	}
	// A file whose size the kernel reports as 0 but which has content
	// (as in /proc) is still read through the cap.
	if _, err := os.Stat("/proc/self/status"); err == nil {
		if b, err := ReadFile("/proc/self/status", 1<<20); err != nil || len(b) == 0 {
			t.Errorf("ReadFile(/proc/self/status) = %d bytes, %v", len(b), err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 1<<20); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v", err)
	}
	if _, err := ReadFile(dir, 1<<20); !errors.Is(err, ErrNotRegular) || err.Error() != "not a regular file (a directory)" {
		t.Errorf("ReadFile(dir) = %v", err)
	}
	fifo := filepath.Join(dir, "p")
	mkfifo(t, fifo)
	returnsWithin(t, "OpenFile(fifo)", func() {
		if f, err := OpenFile(fifo); !errors.Is(err, ErrNotRegular) {
			t.Errorf("OpenFile(fifo) = %v, want ErrNotRegular", err)
			if f != nil {
				_ = f.Close()
			}
		}
	})
}

func TestCheckArgs(t *testing.T) {
	for _, ok := range [][]string{{"-"}, {"a.md", "-", "b.md"}, {"a.md"}} {
		if err := CheckArgs(ok); err != nil {
			t.Errorf("CheckArgs(%q) = %v", ok, err)
		}
	}
	if err := CheckArgs([]string{"-", "a.md", "-"}); !errors.Is(err, ErrStdinTwice) {
		t.Errorf("CheckArgs(- a.md -) = %v, want ErrStdinTwice", err)
	}
}
