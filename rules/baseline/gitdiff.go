package baseline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
)

// ErrGit is returned when git cannot say what changed.
var ErrGit = errors.New("git diff failed")

// Changed answers "is this line new since REV?" for local files, asking git
// once per file.
type Changed struct {
	Rev   string
	cache map[string]*Hunks // nil: the whole file is new
	known map[string]bool
}

// NewChanged prepares to compare against rev.
func NewChanged(rev string) *Changed {
	return &Changed{Rev: rev, cache: map[string]*Hunks{}, known: map[string]bool{}}
}

// Line reports whether line of file changed since the revision. A file git
// does not track is new through and through.
func (c *Changed) Line(ctx context.Context, file string, line int) (bool, error) {
	if !c.known[file] {
		lines, err := c.diff(ctx, file)
		if err != nil {
			return false, err
		}
		c.cache[file], c.known[file] = lines, true
	}
	lines := c.cache[file]
	return lines == nil || lines.Has(line), nil
}

func (c *Changed) diff(ctx context.Context, file string) (*Hunks, error) {
	if err := exec.CommandContext(ctx, "git", "ls-files", "--error-unmatch", "--", file).Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, nil // untracked: every line is new
		}
		return nil, fmt.Errorf("%w: %w", ErrGit, err)
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "diff", "--no-color", "--no-ext-diff", "--unified=0", c.Rev, "--", file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w: git diff %s -- %s: %w: %s", ErrGit, c.Rev, file, err, strings.TrimSpace(stderr.String()))
	}
	return ParseHunks(out), nil
}

// Hunks are the new-side line ranges a diff marks as added or changed.
type Hunks struct {
	ranges [][2]int // [first, last+1), in diff order
}

// Has reports whether line is inside one of the hunks.
func (h *Hunks) Has(line int) bool {
	for _, r := range h.ranges {
		if line >= r[0] && line < r[1] {
			return true
		}
	}
	return false
}

// ParseHunks reads the new-side line ranges that "git diff --unified=0"
// marks as added or changed. The result is never nil. Ranges are kept as
// ranges, never expanded line by line: a hand-made "@@ -0 +0,999999999 @@"
// once made a map of sixteen million lines.
func ParseHunks(diff []byte) *Hunks {
	h := &Hunks{}
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		t := sc.Text()
		if !strings.HasPrefix(t, "@@ ") {
			continue
		}
		// @@ -a,b +c,d @@
		fields := strings.Fields(t)
		if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
			continue
		}
		start, count := parseRange(fields[2][1:])
		if count > 0 && start <= math.MaxInt-count {
			h.ranges = append(h.ranges, [2]int{start, start + count})
		}
	}
	return h
}

func parseRange(s string) (int, int) {
	a, b, ok := strings.Cut(s, ",")
	start, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0
	}
	if !ok {
		return start, 1
	}
	n, err := strconv.Atoi(b)
	if err != nil || n < 0 {
		return 0, 0
	}
	return start, n
}
