package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRequestHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		opts   fetch.Options
		wantUA string
	}{
		{"default with version", fetch.Options{Version: "1.2.3"}, "exolint/1.2.3 (+https://github.com/exolint/exolint)"},
		{"default without version", fetch.Options{}, "exolint/dev (+https://github.com/exolint/exolint)"},
		{"custom", fetch.Options{UserAgent: "acme-audit/2.0 (+https://acme.example/bot)"}, "acme-audit/2.0 (+https://acme.example/bot)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			type seen struct{ path, ua, accept, enc string }
			got := make(chan seen, 4)
			ts := site(t, "", map[string]http.HandlerFunc{
				"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
					got <- seen{r.URL.Path, r.UserAgent(), r.Header.Get("Accept"), r.Header.Get("Accept-Encoding")}
					_, _ = w.Write([]byte("User-agent: exolint\nDisallow: /blocked\n"))
				},
				"/": func(w http.ResponseWriter, r *http.Request) {
					got <- seen{r.URL.Path, r.UserAgent(), r.Header.Get("Accept"), r.Header.Get("Accept-Encoding")}
					htmlPage("<p>ok</p>")(w, r)
				},
			})
			clock := newFakeClock()
			o := tt.opts
			o.Client, o.Sleep, o.Now = ts.Client(), clock.Sleep, clock.Now
			f := fetch.New(o)
			if f.UserAgent() != tt.wantUA {
				t.Errorf("UserAgent() = %q, want %q", f.UserAgent(), tt.wantUA)
			}
			if _, err := f.Fetch(context.Background(), ts.URL+"/p"); err != nil {
				t.Fatal(err)
			}
			// A custom User-Agent does not escape rules written for exolint.
			if _, err := f.Fetch(context.Background(), ts.URL+"/blocked"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
				t.Errorf("Fetch /blocked: %v, want ErrRobotsDisallowed", err)
			}
			close(got)
			var paths []string
			for s := range got {
				paths = append(paths, s.path)
				if s.ua != tt.wantUA {
					t.Errorf("%s: User-Agent %q, want %q", s.path, s.ua, tt.wantUA)
				}
				if s.accept != "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5" {
					t.Errorf("%s: Accept %q", s.path, s.accept)
				}
				if s.enc != "gzip" {
					t.Errorf("%s: Accept-Encoding %q", s.path, s.enc)
				}
			}
			if strings.Join(paths, " ") != "/robots.txt /p" {
				t.Errorf("requests %v, want robots.txt then /p", paths)
			}
		})
	}
}

func TestGzip(t *testing.T) {
	t.Parallel()
	page := []byte("<html><body><p>Rose exosome serum</p></body></html>")
	bomb := gzipped(t, make([]byte, 20<<20)) // 20 MiB of zeros, about 20 KiB on the wire
	tests := []struct {
		name    string
		body    []byte
		maxBody int64
		want    string
		wantErr string // exact reason after "fetch URL: "
	}{
		{"decompressed", gzipped(t, page), 0, string(page), ""},
		{"bomb", bomb, 0, "", "response body too large (over the 10 MiB limit after gzip decompression)"},
		{"expands past small cap", gzipped(t, bytes.Repeat([]byte("a"), 2048)), 1024, "", "response body too large (over the 1 KiB limit after gzip decompression)"},
		{"corrupt", []byte("\x1f\x8b\x08\x00garbage"), 0, "", ""},
		// A good header followed by bytes that are not deflate data: the
		// decoder's own "flate: corrupt input" must still name gzip.
		{"corrupt deflate", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff"), 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Header().Set("Content-Encoding", "gzip")
				_, _ = w.Write(tt.body)
			}})
			f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.MaxBody = tt.maxBody })
			res, err := f.Fetch(context.Background(), ts.URL+"/p")
			switch {
			case strings.HasPrefix(tt.name, "corrupt"):
				if got := fetch.Describe(err); !strings.HasPrefix(got, "corrupt gzip body: ") {
					t.Fatalf("Fetch error = %v, want a reason starting with \"corrupt gzip body: \"", err)
				}
			case tt.wantErr != "":
				if !errors.Is(err, fetch.ErrTooLarge) {
					t.Fatalf("Fetch error = %v, want ErrTooLarge", err)
				}
				if got := fetch.Describe(err); got != tt.wantErr {
					t.Errorf("Describe = %q, want %q", got, tt.wantErr)
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if string(res.Body) != tt.want {
					t.Errorf("body %q", res.Body)
				}
			}
		})
	}
}

func TestUnsupportedContentEncoding(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "br")
		_, _ = w.Write([]byte("\x0b\x02\x80hello\x03"))
	}})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrUnsupportedEncoding) || fetch.Describe(err) != `unsupported content encoding "br"` {
		t.Fatalf("Fetch error = %v", err)
	}
}

func TestOversizeBody(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("x"), 4096)
	tests := []struct {
		name    string
		chunked bool
		want    string
	}{
		// With Content-Length we refuse before reading.
		{"content-length", false, "response body too large (4 KiB, over the 1 KiB limit)"},
		// Without, we stop reading at the cap.
		{"chunked", true, "response body too large (over the 1 KiB limit)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/plain")
				if !tt.chunked {
					w.Header().Set("Content-Length", fmt.Sprint(len(big)))
				}
				for i := 0; i < len(big); i += 512 {
					_, _ = w.Write(big[i : i+512])
					if tt.chunked {
						_ = http.NewResponseController(w).Flush()
					}
				}
			}})
			f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.MaxBody = 1024 })
			_, err := f.Fetch(context.Background(), ts.URL+"/p")
			if !errors.Is(err, fetch.ErrTooLarge) {
				t.Fatalf("Fetch error = %v, want ErrTooLarge", err)
			}
			if got := fetch.Describe(err); got != tt.want {
				t.Errorf("Describe = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContentTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header   string // "-" sends no Content-Type at all
		body     string
		wantType string
		refused  bool
	}{
		{header: "text/html; charset=utf-8", body: "<p>x</p>", wantType: "text/html"},
		{header: "application/xhtml+xml", body: "<p>x</p>", wantType: "application/xhtml+xml"},
		{header: "text/plain", body: "x", wantType: "text/plain"},
		{header: "text/markdown; charset=UTF-8", body: "# x", wantType: "text/markdown"},
		{header: "application/json", body: `{"a":1}`, wantType: "application/json"},
		{header: "application/ld+json", body: `{"@type":"Product"}`, wantType: "application/ld+json"},
		{header: "TEXT/HTML", body: "<p>x</p>", wantType: "text/html"},
		{header: "-", body: "<!DOCTYPE html><p>x</p>", wantType: "text/html"},
		{header: "application/pdf", body: "%PDF-1.7", wantType: "application/pdf", refused: true},
		{header: "image/png", body: "\x89PNG\r\n\x1a\n", wantType: "image/png", refused: true},
		{header: "video/mp4", body: "....", wantType: "video/mp4", refused: true},
		{header: "application/octet-stream", body: "\x00\x01", wantType: "application/octet-stream", refused: true},
		{header: "application/zip", body: "PK\x03\x04", wantType: "application/zip", refused: true},
		{header: "-", body: "\x89PNG\r\n\x1a\n\x00\x00", wantType: "image/png", refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.header+" "+tt.wantType, func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				if tt.header == "-" {
					w.Header()["Content-Type"] = nil // stops net/http sniffing one in
				} else {
					w.Header().Set("Content-Type", tt.header)
				}
				_, _ = w.Write([]byte(tt.body))
			}})
			f, _ := newFetcher(t, ts, nil)
			res, err := f.Fetch(context.Background(), ts.URL+"/file")
			if tt.refused {
				if !errors.Is(err, fetch.ErrUnsupportedContentType) {
					t.Fatalf("Fetch error = %v, want ErrUnsupportedContentType", err)
				}
				want := fmt.Sprintf("unsupported content type %q (exolint reads HTML, XHTML, plain text, Markdown and JSON)", tt.wantType)
				if got := fetch.Describe(err); got != want {
					t.Errorf("Describe = %q, want %q", got, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.ContentType != tt.wantType || string(res.Body) != tt.body {
				t.Errorf("ContentType %q body %q", res.ContentType, res.Body)
			}
		})
	}
}

func TestCharsets(t *testing.T) {
	t.Parallel()
	const (
		ko = "엑소좀 세럼: 피부 장벽을 위한 식물 유래 엑소좀"
		ja = "エクソソーム美容液：植物由来のエクソソーム配合"
		zh = "外泌体精华液：植物来源的外泌体"
		fr = "Crème exosome — fraîcheur végétale, 29 €"
	)
	script := "<script>" + strings.Repeat("var a = 1;\n", 300) + "</script>" // pushes <meta> past 1024 bytes
	tests := []struct {
		name        string
		enc         encoding.Encoding
		contentType string
		page        string // %s is replaced by the text
		text        string
		want        string
	}{
		{"euc-kr from header", korean.EUCKR, "text/html; charset=EUC-KR", "<p>%s</p>", ko, "euc-kr"},
		{"shift_jis from meta charset", japanese.ShiftJIS, "text/html", `<html><head><meta charset="Shift_JIS"></head><body><p>%s</p></body></html>`, ja, "shift_jis"},
		{"gb18030 from http-equiv", simplifiedchinese.GB18030, "text/html", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb18030"></head><body>%s</body></html>`, zh, "gb18030"},
		{"gbk label gb2312", simplifiedchinese.GBK, "text/html; charset=gb2312", "<p>%s</p>", zh, "gbk"},
		{"windows-1252 from header", charmap.Windows1252, "text/html; charset=windows-1252", "<p>%s</p>", fr, "windows-1252"},
		{"latin-1 label means windows-1252", charmap.Windows1252, "text/plain; charset=iso-8859-1", "%s", fr, "windows-1252"},
		{"windows-1252 undeclared is guessed", charmap.Windows1252, "text/html", "<p>%s</p>", fr, "windows-1252"},
		{"meta after a long script", japanese.ShiftJIS, "text/html", `<html><head>` + script + `<meta charset="shift_jis"></head><body>%s</body></html>`, ja, "shift_jis"},
		{"header beats meta", korean.EUCKR, "text/html; charset=euc-kr", `<meta charset="utf-8"><p>%s</p>`, ko, "euc-kr"},
		{"utf-8 undeclared", nil, "text/html", "<p>%s</p>", ko, "utf-8"},
		{"ascii undeclared", nil, "text/plain", "%s", "plain ascii", "utf-8"},
		{"markdown euc-kr", korean.EUCKR, "text/markdown; charset=euc-kr", "# %s", ko, "euc-kr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := fmt.Sprintf(tt.page, tt.text)
			raw := []byte(want)
			if tt.enc != nil {
				var err error
				if raw, err = tt.enc.NewEncoder().Bytes(raw); err != nil {
					t.Fatal(err)
				}
			}
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				_, _ = w.Write(raw)
			}})
			f, _ := newFetcher(t, ts, nil)
			res, err := f.Fetch(context.Background(), ts.URL+"/p")
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != tt.want {
				t.Errorf("Charset = %q, want %q", res.Charset, tt.want)
			}
			if string(res.Body) != want {
				t.Errorf("Body = %q, want %q", res.Body, want)
			}
		})
	}
}

func TestCharsetBOM(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		// The BOM wins over a header that claims something else.
		{"utf-8 BOM", append([]byte("\xef\xbb\xbf"), "<p>엑소좀</p>"...), "utf-8"},
		{"utf-16le BOM", []byte("\xff\xfe<\x00p\x00>\x00"), "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=windows-1252")
				_, _ = w.Write(tt.raw)
			}})
			f, _ := newFetcher(t, ts, nil)
			res, err := f.Fetch(context.Background(), ts.URL+"/p")
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != tt.want || bytes.HasPrefix(res.Body, []byte("\xef\xbb\xbf")) || !strings.HasPrefix(string(res.Body), "<p") {
				t.Errorf("Charset %q Body %q", res.Charset, res.Body)
			}
		})
	}
}

// A page whose header says UTF-8 but whose bytes are Shift_JIS (a shop
// that saved its template in the wrong encoding) is read as Shift_JIS, and
// the response says so: never garbage without a word.
func TestWrongDeclaredCharsetIsSniffed(t *testing.T) {
	t.Parallel()
	const ja = "<p>植物由来のエクソソームを配合した美容液。全成分：水、グリセリン、ナイアシンアミド</p>"
	for _, declared := range []string{"text/html; charset=utf-8", "text/html"} {
		raw, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(`<meta charset="utf-8">` + ja))
		if err != nil {
			t.Fatal(err)
		}
		ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", declared)
			_, _ = w.Write(raw)
		}})
		f, _ := newFetcher(t, ts, nil)
		res, err := f.Fetch(context.Background(), ts.URL+"/p")
		if err != nil {
			t.Fatal(err)
		}
		if res.Charset != "shift_jis" || !strings.HasSuffix(string(res.Body), ja) {
			t.Errorf("%s: Charset %q Body %q", declared, res.Charset, res.Body)
		}
		if !strings.Contains(res.CharsetNote, "Shift_JIS") || !strings.Contains(res.CharsetNote, "utf-8") {
			t.Errorf("%s: CharsetNote %q", declared, res.CharsetNote)
		}
	}
}

// Bytes that fit no charset are refused with a reason, not linted.
func TestUndecodableBodyIsRefused(t *testing.T) {
	t.Parallel()
	body := make([]byte, 4096)
	for i := range body {
		body[i] = byte(0x80 + i*7%0x7f)
	}
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	}})
	f, _ := newFetcher(t, ts, nil)
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if err == nil || !strings.Contains(err.Error(), "charset") {
		t.Fatalf("err %v", err)
	}
}

func TestInvalidUTF8IsRepaired(t *testing.T) {
	t.Parallel()
	ts := site(t, "", map[string]http.HandlerFunc{"/": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<p>bad \xff byte</p>"))
	}})
	f, _ := newFetcher(t, ts, nil)
	res, err := f.Fetch(context.Background(), ts.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != "<p>bad \uFFFD byte</p>" || !strings.Contains(res.CharsetNote, "replaced") {
		t.Errorf("Body %q, CharsetNote %q", res.Body, res.CharsetNote)
	}
}
