package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/rules/config"
)

const (
	flagConfig       = "config"
	flagNoConfig     = "no-config"
	flagMinSeverity  = "min-severity"
	flagBaseline     = "baseline"
	flagSuppressions = "suppressions"
	flagNewFromRev   = "new-from-rev"
	flagFix          = "fix"
	flagDiff         = "diff"
)

// configFlags are the flags every command that reads .exolint.yml takes.
func configFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagConfig, Aliases: []string{"c"}, Usage: "configuration file (default: " + config.FileName + " in this directory or the nearest parent)"},
		&cli.BoolFlag{Name: flagNoConfig, Usage: "ignore any " + config.FileName},
	}
}

// setting is one effective value and where it came from: "default",
// "FILE:LINE" or "flag --NAME".
type setting struct {
	key, value, origin string
}

// settings are the effective values of a run: defaults, then the config
// file, then flags.
type settings struct {
	cfg  *config.Config // nil when there is no file
	list []setting
}

func (s *settings) get(key string) setting {
	for _, v := range s.list {
		if v.key == key {
			return v
		}
	}
	return setting{key: key}
}

// knownRules are the ids config and suppression comments may name.
func knownRules() []*rules.Rule { return rules.Catalog() }

// loadConfig finds and reads the configuration the flags point at.
func loadConfig(c *cli.Context) (*config.Config, error) {
	if c.Bool(flagNoConfig) {
		return nil, nil
	}
	path := c.String(flagConfig)
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("find %s: %w", config.FileName, err)
		}
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
		if path == "" {
			return nil, nil
		}
		path = relPath(wd, path)
	}
	return config.Load(path, knownRules())
}

// resolveSettings merges defaults, the config file and the flags the user
// set. Flags a command lacks are simply never set.
func resolveSettings(c *cli.Context) (*settings, error) {
	cfg, err := loadConfig(c)
	if err != nil {
		return nil, err
	}
	s := &settings{cfg: cfg}
	add := func(key, flag, def, fromFile string) {
		v := setting{key: key, value: def, origin: "default"}
		if fromFile != "" {
			v.value, v.origin = fromFile, cfg.Origin(key)
		}
		if flag != "" && c.IsSet(flag) {
			v.value, v.origin = flagValue(c, flag), "flag --"+flag
		}
		s.list = append(s.list, v)
	}
	var f config.File
	if cfg != nil {
		f = cfg.File
	}
	add("markets", flagMarket, "all", strings.Join(f.Markets, ","))
	add("fail-on", flagFailOn, "warning", f.FailOn)
	add("min-severity", flagMinSeverity, "info", f.MinSeverity)
	add("formats", flagFormat, "text", strings.Join(f.Formats, ","))
	add("baseline", flagBaseline, "", cfg.Resolve(f.Baseline))
	add("suppressions", flagSuppressions, "", cfg.Resolve(f.Suppressions))
	add("exclude", "", "", strings.Join(f.Exclude, ","))
	gi := ""
	if f.Gitignore != nil {
		gi = fmt.Sprint(*f.Gitignore)
	}
	add("gitignore", "", "true", gi)
	for _, id := range sortedKeys(f.Rules) {
		add("rules."+id, "", "", f.Rules[id])
	}
	for _, t := range f.Terms.Avoid {
		s.list = append(s.list, setting{key: "terms.avoid", value: t.Phrase, origin: cfg.Origin("terms")})
	}
	for _, a := range f.Terms.Allow {
		s.list = append(s.list, setting{key: "terms.allow", value: a, origin: cfg.Origin("terms")})
	}
	return s, nil
}

func flagValue(c *cli.Context, flag string) string {
	if flag == flagFormat {
		return strings.Join(c.StringSlice(flag), ",")
	}
	return c.String(flag)
}

// policy is what the config asks the engine to do with findings.
func (s *settings) policy(known []*rules.Rule, sups []rules.FileSuppression) *rules.Policy {
	p := &rules.Policy{Known: known, Suppressions: sups, Today: today()}
	if s.cfg != nil {
		p.Severity = s.cfg.RuleSeverity
		p.Allow = s.cfg.Terms.Allow
	}
	return p
}

// engineRules are the catalog plus the brand's own terms, if any.
func (s *settings) engineRules() []*rules.Rule {
	rs := rules.All()
	if s.cfg == nil || len(s.cfg.Terms.Avoid) == 0 {
		return rs
	}
	terms := make([]rules.AvoidTerm, len(s.cfg.Terms.Avoid))
	for i, t := range s.cfg.Terms.Avoid {
		terms[i] = rules.AvoidTerm{Phrase: t.Phrase, Message: t.Message, Replacement: t.Replacement, Severity: s.cfg.AvoidSeverity[i]}
	}
	return append(rs, rules.BrandTerms(terms))
}
