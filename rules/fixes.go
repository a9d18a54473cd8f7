package rules

import (
	"bytes"
	"sort"
)

// ApplyFixes rewrites src with the findings' suggestions and returns the
// new source and the findings it fixed. A fix is safe only where the source
// bytes of the finding's range are exactly the matched text (no entity,
// tag or markup inside), and fixes that overlap an earlier one are left
// alone. Offsets are those of the document read from src with base added
// (a byte-order mark the reader stripped).
func ApplyFixes(src []byte, fs []Finding, base int) ([]byte, []Finding) {
	var fixable []Finding
	for _, f := range fs {
		s, e := f.Start.Offset+base, f.End.Offset+base
		if f.Suggestion == "" || f.Match == "" || s < 0 || e > len(src) || s >= e || !bytes.Equal(src[s:e], []byte(f.Match)) {
			continue
		}
		fixable = append(fixable, f)
	}
	sort.SliceStable(fixable, func(i, j int) bool { return fixable[i].Start.Offset < fixable[j].Start.Offset })
	var out []byte
	var done []Finding
	last := 0
	for _, f := range fixable {
		s, e := f.Start.Offset+base, f.End.Offset+base
		if s < last {
			continue
		}
		out = append(out, src[last:s]...)
		out = append(out, matchCase(f.Match, f.Suggestion)...)
		last = e
		done = append(done, f)
	}
	if len(done) == 0 {
		return src, nil
	}
	out = append(out, src[last:]...)
	return out, done
}

// matchCase capitalises the replacement when the matched text starts a
// sentence with a capital ("Miracle" → "Remarkable").
func matchCase(match, repl string) string {
	if match == "" || repl == "" {
		return repl
	}
	if c := match[0]; c >= 'A' && c <= 'Z' && repl[0] >= 'a' && repl[0] <= 'z' {
		return string(repl[0]-'a'+'A') + repl[1:]
	}
	return repl
}
