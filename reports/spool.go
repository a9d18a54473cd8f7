package reports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// spoolMemory is how much a spool keeps in memory before it moves to a
// temporary file: a CI run's report stays in memory, an audit's does not.
const spoolMemory = 4 << 20

// spool holds encoded output that must be written later than it is made
// (SARIF's results come after the rules, which are complete only at the
// end): bytes, not values, and beyond spoolMemory in a temporary file, so
// memory stays flat however long the run.
type spool struct {
	limit int // 0: spoolMemory
	mem   bytes.Buffer
	file  *os.File
	bw    *bufio.Writer
}

func (s *spool) Write(p []byte) (int, error) {
	limit := s.limit
	if limit == 0 {
		limit = spoolMemory
	}
	if s.file == nil && s.mem.Len()+len(p) <= limit {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "exolint-spool-*")
		if err != nil {
			return 0, fmt.Errorf("spool: %w", err)
		}
		s.file, s.bw = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := s.mem.WriteTo(s.bw); err != nil {
			return 0, fmt.Errorf("spool: %w", err)
		}
	}
	return s.bw.Write(p)
}

// copyTo writes everything spooled to w.
func (s *spool) copyTo(w io.Writer) error {
	if s.file == nil {
		_, err := s.mem.WriteTo(w)
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	_, err := io.Copy(w, s.file)
	return err
}

// close drops the spool and its temporary file.
func (s *spool) close() {
	s.mem = bytes.Buffer{}
	if s.file != nil {
		_ = s.file.Close()
		_ = os.Remove(s.file.Name())
		s.file = nil
	}
}
