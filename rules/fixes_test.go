package rules

import (
	"testing"

	"github.com/exolint/exolint/scraper"
)

func TestApplyFixes(t *testing.T) {
	src := []byte("<p>A miracle &amp; a mir&#97;cle, miracle</p>")
	f := func(s, e int, match string) Finding {
		return Finding{Rule: "r", Suggestion: "remarkable", Match: match, Start: scraper.Position{Offset: s}, End: scraper.Position{Offset: e}}
	}
	fs := []Finding{
		f(5, 12, "miracle"),
		f(21, 32, "miracle"), // entity inside: source differs from match
		f(34, 41, "miracle"),
		f(34, 41, "miracle"), // overlaps the one before
	}
	out, done := ApplyFixes(src, fs, 0)
	if string(out) != "<p>A remarkable &amp; a mir&#97;cle, remarkable</p>" || len(done) != 2 {
		t.Fatalf("%s %d", out, len(done))
	}
}
