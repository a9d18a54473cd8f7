// Package config reads .exolint.yml, exolint's project configuration.
//
// Reading is strict, as golangci-lint's is: an unknown key, an unknown rule
// id or a bad value is an error that names the file, line and column and, where
// it can, the key that was probably meant. A typo in a config file that
// silently does nothing is how a team ships the copy it meant to block.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// FileName is the configuration file exolint looks for.
const FileName = ".exolint.yml"

// maxConfigBytes caps a configuration or suppressions file; real ones are
// a few kilobytes, and the cap keeps a mistaken path (a log, a device)
// from being read whole.
const maxConfigBytes = 16 << 20

// Errors a caller can test for with errors.Is.
var (
	// ErrInvalid wraps every problem in a configuration file's content.
	ErrInvalid = errors.New("invalid configuration")
	// ErrExists is returned by WriteStarter when the file is already there.
	ErrExists = errors.New("configuration file already exists")
)

// Error is a problem at a place in a configuration file.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap makes every config Error match ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// List is a list of strings that may also be written as one comma-separated
// string ("markets: us,eu"), the way the flags take it.
type List []string

// UnmarshalYAML accepts a sequence or a scalar.
func (l *List) UnmarshalYAML(unmarshal func(any) error) error {
	var seq []string
	if err := unmarshal(&seq); err == nil {
		*l = seq
		return nil
	}
	var s string
	if err := unmarshal(&s); err != nil {
		return fmt.Errorf("want a list or a comma-separated string: %w", err)
	}
	*l = nil
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*l = append(*l, f)
		}
	}
	return nil
}

// AvoidTerm is a brand's own "do not say" phrase.
type AvoidTerm struct {
	Phrase      string `yaml:"phrase"`
	Message     string `yaml:"message"`
	Replacement string `yaml:"replacement"`
	Severity    string `yaml:"severity"`
}

// Terms are the brand's own vocabulary.
type Terms struct {
	// Avoid phrases become findings of rule brand-term.
	Avoid []AvoidTerm `yaml:"avoid"`
	// Allow phrases (a trademark, a product name) are never flagged: a
	// finding whose match lies inside one is dropped.
	Allow []string `yaml:"allow"`
}

// File is the content of a configuration file, as written.
type File struct {
	Markets      List              `yaml:"markets"`
	FailOn       string            `yaml:"fail-on"`
	MinSeverity  string            `yaml:"min-severity"`
	Rules        map[string]string `yaml:"rules"`
	Exclude      []string          `yaml:"exclude"`
	Gitignore    *bool             `yaml:"gitignore"`
	Formats      List              `yaml:"formats"`
	Baseline     string            `yaml:"baseline"`
	Suppressions string            `yaml:"suppressions"`
	Terms        Terms             `yaml:"terms"`
}

// Keys lists the top-level keys, in the order the starter file and
// "exolint config" show them.
func Keys() []string {
	return []string{"markets", "fail-on", "min-severity", "rules", "exclude", "gitignore", "formats", "baseline", "suppressions", "terms"}
}

// Config is a read and checked configuration file.
type Config struct {
	File
	// Path is where it was read from ("" when there is no file).
	Path string
	// Dir is the directory relative paths in the file are relative to.
	Dir string
	// Lines maps a key path ("fail-on", "rules.hype-wording") to the line
	// that set it, so "exolint config" can say where a value came from.
	Lines map[string]int
	// Parsed values.
	MarketList    []rules.Market
	FailOnLevel   *rules.Severity
	MinLevel      *rules.Severity
	RuleSeverity  map[string]rules.Severity
	AvoidSeverity []rules.Severity
}

// Origin says where key came from: "FILE:LINE", or "" when the file does not
// set it.
func (c *Config) Origin(key string) string {
	if c == nil || c.Path == "" {
		return ""
	}
	if n, ok := c.Lines[key]; ok {
		return fmt.Sprintf("%s:%d", c.Path, n)
	}
	return ""
}

// Resolve makes a path from the file relative to the file's directory.
func (c *Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || c == nil || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Find walks up from dir to the file system root and returns the first
// .exolint.yml, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find %s: %w", FileName, err)
	}
	for {
		p := filepath.Join(dir, FileName)
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() {
			return p, nil
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("find %s: %w", FileName, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the file at path against the known rules.
func Load(path string, known []*rules.Rule) (*Config, error) {
	data, err := scraper.ReadFile(path, maxConfigBytes)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(path, data, known)
	if err != nil {
		return nil, err
	}
	// Kept as given (often relative) so resolved paths read as the user
	// would type them.
	c.Dir = filepath.Dir(path)
	return c, nil
}

// Parse reads configuration data; name is used in error messages. known are
// the rules the rules section may name.
func Parse(name string, data []byte, known []*rules.Rule) (*Config, error) {
	c := &Config{Path: name, Lines: map[string]int{}}
	if strings.TrimSpace(string(data)) == "" {
		return c, nil
	}
	astFile, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(name, err)
	}
	if err := unmarshal(name, data, &c.File); err != nil {
		return nil, err
	}
	for _, doc := range astFile.Docs {
		recordLines(doc.Body, "", c.Lines)
	}
	if err := c.check(name, known); err != nil {
		return nil, err
	}
	return c, nil
}

// unmarshal decodes strictly. go-yaml v1.19.2 panics on some malformed
// input (a tag with no value in a sequence, found by FuzzParse); a bad
// config file must be an error, not a crash.
func unmarshal(name string, data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{File: name, Msg: fmt.Sprintf("cannot read YAML: %v", r)}
		}
	}()
	if err := yaml.UnmarshalWithOptions(data, v, yaml.Strict()); err != nil {
		return yamlError(name, err)
	}
	return nil
}

// recordLines notes the line of every mapping key, two levels deep.
func recordLines(n ast.Node, prefix string, lines map[string]int) {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return
	}
	for _, kv := range m.Values {
		key := kv.Key.String()
		if prefix != "" {
			key = prefix + "." + key
		} else {
			recordLines(kv.Value, key, lines)
		}
		if tk := kv.Key.GetToken(); tk != nil && tk.Position != nil {
			lines[key] = tk.Position.Line
		}
	}
}

func (c *Config) check(name string, known []*rules.Rule) error {
	at := func(key, format string, args ...any) error {
		return &Error{File: name, Line: c.Lines[key], Msg: fmt.Sprintf(format, args...)}
	}
	if len(c.Markets) > 0 {
		ms, err := rules.ParseMarkets(strings.Join(c.Markets, ","))
		if err != nil {
			return at("markets", "markets: %v", err)
		}
		c.MarketList = ms
	}
	if c.FailOn != "" {
		s, err := rules.ParseSeverity(c.FailOn)
		if err != nil {
			return at("fail-on", "fail-on: %v", err)
		}
		c.FailOnLevel = &s
	}
	if c.MinSeverity != "" {
		s, err := rules.ParseSeverity(c.MinSeverity)
		if err != nil {
			return at("min-severity", "min-severity: %v", err)
		}
		c.MinLevel = &s
	}
	c.RuleSeverity = map[string]rules.Severity{}
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, err := rules.Lookup(known, id); err != nil {
			msg := fmt.Sprintf("rules: unknown rule %q", id)
			if s := rules.SuggestID(known, id); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return at("rules."+id, "%s", msg)
		}
		s, err := rules.ParseSeverity(c.Rules[id])
		if err != nil {
			return at("rules."+id, "rules.%s: %v", id, err)
		}
		c.RuleSeverity[id] = s
	}
	for _, g := range c.Exclude {
		if _, err := filepath.Match(g, ""); err != nil {
			return at("exclude", "exclude: bad pattern %q: %v", g, err)
		}
	}
	for i, t := range c.Terms.Avoid {
		if strings.TrimSpace(t.Phrase) == "" {
			return at("terms", "terms.avoid[%d]: phrase is empty", i)
		}
		s := rules.Warning
		if t.Severity != "" {
			var err error
			if s, err = rules.ParseSeverity(t.Severity); err != nil {
				return at("terms", "terms.avoid[%d] (%q): %v", i, t.Phrase, err)
			}
		}
		c.AvoidSeverity = append(c.AvoidSeverity, s)
	}
	for i, a := range c.Terms.Allow {
		if strings.TrimSpace(a) == "" {
			return at("terms", "terms.allow[%d]: phrase is empty", i)
		}
	}
	return nil
}

// yamlError turns a go-yaml error into an Error at its token's place, with
// a did-you-mean for an unknown key.
func yamlError(name string, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &Error{File: name, Msg: err.Error()}
	}
	e := &Error{File: name, Msg: ye.GetMessage()}
	if tk := ye.GetToken(); tk != nil && tk.Position != nil {
		e.Line, e.Column = tk.Position.Line, tk.Position.Column
	}
	var uf *yaml.UnknownFieldError
	if errors.As(err, &uf) {
		key := ""
		if tk := uf.GetToken(); tk != nil {
			key = tk.Value
		}
		e.Msg = fmt.Sprintf("unknown key %q", key)
		if s := Suggest(key, append(Keys(), "avoid", "allow", "phrase", "message", "replacement", "severity")); s != "" {
			e.Msg += fmt.Sprintf("; did you mean %q?", s)
		}
	}
	return e
}

// Suggest returns the candidate closest to a mistyped word, or "".
func Suggest(typed string, candidates []string) string { return rules.Suggest(typed, candidates) }
