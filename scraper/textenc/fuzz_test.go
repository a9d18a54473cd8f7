package textenc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Page bytes and their declared charsets come from strangers: Decode may
// refuse, with a one-line reason, but never panics and only ever returns
// valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(ja), "utf-8")
	f.Add([]byte("caf\xe9 au lait, cr\xe8me"), "utf-8")
	f.Add([]byte("\x82\xa0\x82\xa2\x82\xa4"), "")
	f.Add([]byte("<meta charset=euc-kr><p>\xbf\xa2</p>"), "euc-kr")
	f.Add([]byte("\xff\xfe\x00"), "x-unknown")
	f.Fuzz(func(t *testing.T, body []byte, declared string) {
		res, err := Decode(body, declared)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		if !utf8.Valid(res.Text) {
			t.Fatalf("invalid UTF-8 out of %q (%s)", body, res.Charset)
		}
		_ = Declared(body, "text/html; charset="+declared, true)
	})
}
