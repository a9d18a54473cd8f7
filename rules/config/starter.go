package config

import (
	"errors"
	"fmt"
	"os"
)

// Starter is the commented configuration "exolint init" writes. Every key is
// shown with its default, so the file documents itself.
const Starter = `# exolint configuration. Flags on the command line override these values.
# Run "exolint config" to see the effective settings and where each came from.

# Markets whose rules apply: us, eu, uk, kr, jp, cn, tw, ca (or all).
markets: all

# Exit 1 when a finding is at or above this severity: error, warning, info or none.
fail-on: warning

# Show only findings at or above this severity. Display only: hidden findings
# still count toward fail-on.
min-severity: info

# Per-rule severity: off, info, warning or error. "exolint rules" lists the ids.
rules:
  # hype-wording: error
  # inci-unknown-name: off

# Files to skip (globs, matched against the path and the file name).
# Files ignored by .gitignore are skipped too unless gitignore is false.
exclude:
  # - drafts/**
  # - "*.draft.md"
gitignore: true

# Output formats, as for --format (FORMAT or FORMAT=FILE).
formats:
  - text

# Findings recorded by "exolint baseline write"; only new ones are reported.
# baseline: .exolint-baseline.json

# Suppressions for pages you do not own (URLs), keyed by URL or SKU/GTIN.
# suppressions: .exolint-suppressions.yml

# The brand's own vocabulary.
terms:
  avoid:
    # - phrase: miracle
    #   message: our style guide bans "miracle"
    #   replacement: remarkable
    #   severity: warning
  allow:
    # - ExoGlow Serum   # a trademark that must never be flagged
`

// WriteStarter writes Starter to path, refusing to overwrite a file.
func WriteStarter(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.WriteString(Starter); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
