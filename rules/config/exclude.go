package config

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Matcher decides which files are skipped: the config's exclude globs and,
// unless turned off, the patterns of the .gitignore beside the config file
// (or in the working directory). It is a simple reader: one .gitignore,
// no negation ("!pattern" lines are ignored), which covers the drafts and
// build folders projects ignore.
type Matcher struct {
	root string
	pats []*regexp.Regexp
}

// Matcher builds the matcher for the config (which may be nil) and the
// working directory.
func (c *Config) Matcher(wd string) (*Matcher, error) {
	m := &Matcher{root: wd}
	if c != nil && c.Dir != "" {
		m.root = c.Dir
	}
	if abs, err := filepath.Abs(m.root); err == nil {
		m.root = abs
	}
	if c != nil {
		for _, g := range c.Exclude {
			m.pats = append(m.pats, globRE(g))
		}
	}
	if c == nil || c.Gitignore == nil || *c.Gitignore {
		if err := m.readGitignore(filepath.Join(m.root, ".gitignore")); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *Matcher) readGitignore(path string) error {
	f, err := scraper.OpenFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read .gitignore: %w", err)
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "!") {
			continue
		}
		t = strings.TrimSuffix(t, "/")
		if strings.HasPrefix(t, "/") {
			m.pats = append(m.pats, globRE(strings.TrimPrefix(t, "/")))
			continue
		}
		m.pats = append(m.pats, globRE(t))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read .gitignore: %w", err)
	}
	return nil
}

// Skip reports whether path (as given on the command line or found in a
// directory) is excluded. A pattern matches the path relative to the root,
// any trailing part of it, or any folder above the file.
func (m *Matcher) Skip(path string) bool {
	if m == nil || len(m.pats) == 0 {
		return false
	}
	rel := path
	if abs, err := filepath.Abs(path); err == nil {
		if r, err := filepath.Rel(m.root, abs); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	for i := range parts {
		// Every suffix ("a/b/c.md", "b/c.md", "c.md") and every prefix
		// folder ("a", "a/b") may match.
		suffix := strings.Join(parts[i:], "/")
		prefix := strings.Join(parts[:i+1], "/")
		for _, p := range m.pats {
			if p.MatchString(suffix) || p.MatchString(prefix) || p.MatchString(parts[i]) {
				return true
			}
		}
	}
	return false
}

// globRE turns a glob into an anchored regexp: ** spans folders, * and ?
// do not.
func globRE(g string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	g = filepath.ToSlash(g)
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			if i+1 < len(g) && g[i+1] == '*' {
				i++
				if i+1 < len(g) && g[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
					continue
				}
				b.WriteString(".*")
				continue
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
