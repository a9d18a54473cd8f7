// Package textenc decodes page bytes to UTF-8 when the charset a page
// declares is wrong. Shops save pages in Shift_JIS under a "charset=utf-8"
// header, or Latin-1 under a UTF-8 <meta>; decoding by the declaration
// alone gives garbage that would then be linted as copy. Decode checks the
// bytes against the declared charset, and when they are not valid in it,
// recognises the charset they are written in (Shift_JIS, EUC-JP, EUC-KR,
// GB18030, windows-1252) by decoding without error into the script that
// charset is for. The caller shows the note it returns; nothing is guessed
// silently.
package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// ErrUndecodable means the bytes are not text in the declared charset nor
// in any charset Decode recognises.
var ErrUndecodable = errors.New("not valid in its declared charset, and no other charset fits")

// Result is decoded text and what was decided.
type Result struct {
	Text    []byte
	Charset string // the charset the text was decoded from, e.g. "shift_jis"
	// Note, when set, tells the user that the declared charset was wrong
	// (or that a few bytes were replaced); it belongs in the document.
	Note string
	// Repaired counts bytes replaced with U+FFFD because no charset fit
	// them (a stray byte in a UTF-8 page).
	Repaired int
}

// candidate is a charset to try when the declared one does not fit, with
// the test its decoding must pass.
type candidate struct {
	name  string
	label string // what the note calls it
	fits  func(s stats) bool
}

// candidates are tried in order. Byte patterns overlap between these
// charsets, so each must also read as its own script: Japanese text has
// kana, Korean text is mostly hangul syllables, Chinese text mostly Han,
// and text in windows-1252 has accented letters rather than the symbols
// that multi-byte text turns into under it.
func candidates() []candidate {
	return []candidate{
		{"shift_jis", "Shift_JIS", func(s stats) bool { return s.kana*5 >= s.letters && s.kana >= 2 }},
		{"euc-jp", "EUC-JP", func(s stats) bool { return s.kana*5 >= s.letters && s.kana >= 2 }},
		{"euc-kr", "EUC-KR", func(s stats) bool { return s.hangul*10 >= s.letters*8 && s.hangul >= 2 }},
		{"gb18030", "GB18030", func(s stats) bool { return s.han*10 >= s.letters*8 && s.han >= 2 && s.kana == 0 }},
		{"windows-1252", "windows-1252", func(s stats) bool { return latinText(s) }},
	}
}

// stats counts what a decoding produced.
type stats struct {
	nonASCII, letters, kana, hangul, han, latin, symbols, bad int
}

func count(text []byte) stats {
	var s stats
	for _, r := range string(text) {
		if r < utf8.RuneSelf {
			continue
		}
		s.nonASCII++
		switch {
		case r == utf8.RuneError:
			s.bad++
		case unicode.Is(unicode.Hiragana, r) || r >= 0x30A0 && r <= 0x30FF: // hiragana, full-width katakana
			s.kana++
		case r >= 0xAC00 && r <= 0xD7A3:
			s.hangul++
		case r >= 0x4E00 && r <= 0x9FFF:
			s.han++
		case unicode.IsLetter(r) && r < 0x250:
			s.latin++
		case r >= 0x80 && r < 0xA0 || r >= 0xE000 && r <= 0xF8FF:
			s.bad++ // C1 controls and private use: never in real text
		case !unicode.IsLetter(r):
			s.symbols++
		}
	}
	s.letters = s.kana + s.hangul + s.han + s.latin
	return s
}

// latinText: accented letters, not the run of symbols that Shift_JIS or
// UTF-8 bytes become when read as windows-1252.
func latinText(s stats) bool {
	return s.latin >= 3 && s.latin*10 >= s.nonASCII*6
}

// Decode converts body to UTF-8. declared is the charset named by the
// Content-Type header or <meta> ("" when none). A byte-order mark must
// already have been honoured by the caller.
func Decode(body []byte, declared string) (Result, error) {
	enc, name := lookup(declared)
	if enc == nil {
		if utf8.Valid(body) {
			return Result{Text: body, Charset: "utf-8"}, nil
		}
		return sniff(body, "", nil)
	}
	if name == "utf-8" {
		if utf8.Valid(body) {
			return Result{Text: body, Charset: name}, nil
		}
		return sniff(body, name, nil)
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return sniff(body, name, nil)
	}
	s := count(out)
	if s.bad > 0 || singleByte(name) && mojibake(s) {
		return sniff(body, name, out)
	}
	return Result{Text: out, Charset: name}, nil
}

// singleByte charsets decode every byte, so bytes of another charset pass
// through them without error: only the look of the result tells.
func singleByte(name string) bool {
	return strings.HasPrefix(name, "windows-") || strings.HasPrefix(name, "iso-8859") || name == "macintosh" || strings.HasPrefix(name, "koi8")
}

// mojibake: most of what is not ASCII came out as symbols or controls.
func mojibake(s stats) bool {
	return s.nonASCII >= 8 && (s.symbols+s.bad)*2 > s.nonASCII
}

// sniff finds the charset the body is written in. declared is what the page
// claimed ("" for nothing); fallback is the declared decoding when it
// produced text at all.
func sniff(body []byte, declared string, fallback []byte) (Result, error) {
	for _, c := range candidates() {
		if c.name == declared {
			continue
		}
		enc, name := lookup(c.name)
		if enc == nil {
			continue
		}
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			continue
		}
		s := count(out)
		if s.bad > 0 || !c.fits(s) {
			continue
		}
		note := fmt.Sprintf("the page is written in %s, not in the %s it declares; read as %s", c.label, declared, c.label)
		if declared == "" {
			note = fmt.Sprintf("the page declares no charset and is not UTF-8; read as %s", c.label)
		}
		return Result{Text: out, Charset: name, Note: note}, nil
	}
	// Nothing else fits: keep the declared reading when only a few bytes
	// are wrong in it (a stray byte in a UTF-8 page), and say so.
	if declared == "" {
		declared = "utf-8"
	}
	text, bad := repair(body)
	if fallback != nil {
		text, bad = fallback, strings.Count(string(fallback), "\uFFFD")-strings.Count(string(body), "\uFFFD")
	}
	if bad > 16 && bad*100 > len(body) {
		return Result{}, fmt.Errorf("%w (%s declared; %d bytes invalid)", ErrUndecodable, declared, bad)
	}
	bad = max(bad, 1)
	return Result{Text: text, Charset: declared, Repaired: bad,
		Note: fmt.Sprintf("%d bytes are not valid %s and were replaced with U+FFFD", bad, declared)}, nil
}

// repair replaces each invalid UTF-8 byte with U+FFFD and counts them.
func repair(body []byte) ([]byte, int) {
	out := make([]byte, 0, len(body)+16)
	bad := 0
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
			bad++
		} else {
			out = append(out, body[i:i+size]...)
		}
		i += size
	}
	return out, bad
}

// metaScanBytes bounds the <meta charset> search. The WHATWG prescan looks
// at 1024 bytes only; real shop pages often put kilobytes of inline script
// and style before their meta tag, so we look further (but stop at <body>).
const metaScanBytes = 64 << 10

// Declared returns the charset the Content-Type header or, for HTML, a
// <meta> declares, or "" when neither names a known one.
func Declared(body []byte, contentType string, isHTML bool) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if enc, name := charset.Lookup(params["charset"]); enc != nil {
			return name
		}
	}
	if isHTML {
		if label := metaCharset(body); label != "" {
			if enc, name := charset.Lookup(label); enc != nil {
				if strings.HasPrefix(name, "utf-16") {
					// WHATWG: a <meta> can only be read if the page is
					// ASCII-compatible, so it cannot really be UTF-16.
					return "utf-8"
				}
				return name
			}
		}
	}
	return ""
}

// metaCharset finds <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=..."> before <body>.
func metaCharset(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), metaScanBytes)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				var cs, equiv, content string
				for more := true; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if cs != "" {
					return strings.TrimSpace(cs)
				}
				if equiv == "content-type" {
					if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
						return params["charset"]
					}
				}
			}
		}
	}
}

// lookup resolves a charset label the way browsers do ("latin1" is
// windows-1252, "sjis" is shift_jis); nil for an unknown or empty label.
func lookup(label string) (encoding.Encoding, string) {
	if strings.TrimSpace(label) == "" {
		return nil, ""
	}
	return charset.Lookup(label)
}
