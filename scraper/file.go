package scraper

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Errors about the files and arguments a user names.
var (
	// ErrNotRegular is a named pipe, device, socket or directory where a
	// file was expected: reading a pipe blocks until someone writes to it
	// (a run that hangs), and a device such as /dev/zero never ends.
	ErrNotRegular = errors.New("not a regular file")
	// ErrStdinTwice is "-" given more than once: standard input can be
	// read only once, so the second would be silently empty.
	ErrStdinTwice = errors.New(`standard input ("-") can be read only once`)
)

// OpenFile opens a file a user named (an argument, a file found in a
// walked folder, a feed) for reading, refusing anything but a regular
// file before opening it, since opening a named pipe already blocks. The
// caller reads it through a cap of its own when memory must stay bounded
// (ReadFile does both). Symbolic links are followed.
func OpenFile(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		switch name {
		case "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0":
			err = fmt.Errorf("%w; give - to read standard input", err)
		}
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	// The name could have been swapped for something else in between.
	if st, err = f.Stat(); err == nil {
		err = regular(st)
	}
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return f, nil
}

// ReadFile reads a file a user named, whole, refusing what is not a
// regular file and anything over limit bytes (ErrTooLarge). The size the
// file system reports is checked first, so a huge file is refused before
// it is read, and the read itself is capped too, for files whose reported
// size is not their content (/proc) or that grow while read.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := OpenFile(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, tooLarge(limit)
	}
	return readCapped(f, limit, int(st.Size()))
}

// readCapped reads r to the end, failing with ErrTooLarge past limit
// bytes. sizeHint (0 if unknown) saves regrowing the buffer.
func readCapped(r io.Reader, limit int64, sizeHint int) ([]byte, error) {
	buf := make([]byte, 0, min(int64(sizeHint)+1, limit+1))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit+1)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, tooLarge(limit)
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: over %d MB", ErrTooLarge, limit>>20)
}

// regular refuses what is not a regular file, naming what it is.
func regular(st fs.FileInfo) error {
	m := st.Mode()
	var kind string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "a device"
	default:
		kind = "a special file"
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, kind)
}

// CheckArgs refuses command-line arguments that cannot all be read: "-"
// (standard input) more than once.
func CheckArgs(args []string) error {
	n := 0
	for _, a := range args {
		if a == "-" {
			n++
		}
	}
	if n > 1 {
		return fmt.Errorf("%w; it was given %d times", ErrStdinTwice, n)
	}
	return nil
}
