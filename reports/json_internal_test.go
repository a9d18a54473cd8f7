package reports

import (
	"bytes"
	"testing"
)

// trimNewline drops only the newline that ends everything written, however
// the writes are cut.
func TestTrimNewline(t *testing.T) {
	for _, parts := range [][]string{{"{\n  \"a\": 1\n}\n"}, {"{\n", "  \"a\": 1\n", "}\n"}, {"{", "\n", "  \"a\": 1", "\n}", "\n"}} {
		var out bytes.Buffer
		tw := &trimNewline{w: &out}
		for _, p := range parts {
			if n, err := tw.Write([]byte(p)); err != nil || n != len(p) {
				t.Fatalf("write %q: %d, %v", p, n, err)
			}
		}
		if got := out.String(); got != "{\n  \"a\": 1\n}" {
			t.Errorf("%q: got %q", parts, got)
		}
	}
}
