package textenc

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const (
	ja = "<p>植物由来のエクソソームを配合した美容液です。水、グリセリン、ナイアシンアミド、カンゾウ根エキス</p>"
	ko = "<p>식물 유래 엑소좀을 담은 세럼입니다. 정제수, 글리세린, 나이아신아마이드, 병풀추출물</p>"
	zh = "<p>含有植物来源外泌体的精华液。成分：水、甘油、烟酰胺、积雪草提取物</p>"
	pt = "<p>Loção hidratante com óleo de coco, manteiga de karité e extrato de camomila. Fórmula sem parabenos.</p>"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeWrongDeclaration(t *testing.T) {
	cases := []struct {
		name     string
		enc      encoding.Encoding
		text     string
		declared string
		want     string
		note     bool
	}{
		{"shift_jis declared utf-8", japanese.ShiftJIS, ja, "utf-8", "shift_jis", true},
		{"euc-jp declared utf-8", japanese.EUCJP, ja, "UTF-8", "euc-jp", true},
		{"euc-kr declared utf-8", korean.EUCKR, ko, "utf-8", "euc-kr", true},
		{"gb18030 declared utf-8", simplifiedchinese.GB18030, zh, "utf-8", "gb18030", true},
		{"latin-1 declared utf-8", charmap.Windows1252, pt, "utf-8", "windows-1252", true},
		{"shift_jis undeclared", japanese.ShiftJIS, ja, "", "shift_jis", true},
		{"euc-kr undeclared", korean.EUCKR, ko, "", "euc-kr", true},
		{"shift_jis declared windows-1252", japanese.ShiftJIS, ja, "windows-1252", "shift_jis", true},
		{"shift_jis declared euc-kr", japanese.ShiftJIS, ja, "euc-kr", "shift_jis", true},
		{"right declaration: shift_jis", japanese.ShiftJIS, ja, "shift_jis", "shift_jis", false},
		{"right declaration: latin-1", charmap.Windows1252, pt, "iso-8859-1", "windows-1252", false},
		{"right declaration: euc-kr", korean.EUCKR, ko, "euc-kr", "euc-kr", false},
		{"utf-8", nil, ja, "utf-8", "utf-8", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(c.text)
			if c.enc != nil {
				body = encode(t, c.enc, c.text)
			}
			res, err := Decode(body, c.declared)
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != c.want || string(res.Text) != c.text {
				t.Errorf("Charset %q (want %q), text %q", res.Charset, c.want, res.Text)
			}
			if (res.Note != "") != c.note {
				t.Errorf("Note %q, want one: %v", res.Note, c.note)
			}
		})
	}
}

func TestDecodeStrayByteIsRepairedWithANote(t *testing.T) {
	res, err := Decode([]byte("<p>bad \xff byte</p>"), "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Text) != "<p>bad \uFFFD byte</p>" || !strings.Contains(res.Note, "replaced") {
		t.Errorf("text %q note %q", res.Text, res.Note)
	}
}

func TestDecodeGarbageIsAnError(t *testing.T) {
	body := make([]byte, 4096)
	for i := range body {
		body[i] = byte(0x80 + i*7%0x7f)
	}
	if res, err := Decode(body, "utf-8"); !errors.Is(err, ErrUndecodable) {
		t.Fatalf("err %v, charset %s, note %s", err, res.Charset, res.Note)
	}
}
