package fetch

import (
	"errors"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"120", 2 * time.Minute, true},
		{" 5 ", 5 * time.Second, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{"Sat, 01 Mar 2025 12:00:30 GMT", 30 * time.Second, true},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, true}, // in the past: go now
		{"99999999999999999999", 0, false},
		{"9999999999", 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	t.Parallel()
	for attempt := 1; attempt <= 70; attempt++ {
		hi := backoffBase << (attempt - 1)
		if hi > backoffMax || hi <= 0 {
			hi = backoffMax
		}
		for range 50 {
			if d := backoff(attempt); d < hi/2 || d > hi {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, hi/2, hi)
			}
		}
	}
}

func TestOriginKey(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"http://Shop.Example/x":      "http://shop.example:80",
		"http://shop.example:80/y":   "http://shop.example:80",
		"https://shop.example/":      "https://shop.example:443",
		"https://shop.example:8443/": "https://shop.example:8443",
		"http://[::1]:8080/":         "http://[::1]:8080",
	}
	for in, want := range tests {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := OriginKey(u); got != want {
			t.Errorf("OriginKey(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestRobotsPath(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"https://x":                 "/",
		"https://x/a%20b/c?q=1&r=2": "/a%20b/c?q=1&r=2",
		"https://x/%E3%82%A8/serum": "/%E3%82%A8/serum",
		"https://x/products/x#frag": "/products/x",
	}
	for in, want := range tests {
		u, _ := url.Parse(in)
		if got := robotsPath(u); got != want {
			t.Errorf("robotsPath(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestParseRobotsBadFile(t *testing.T) {
	t.Parallel()
	// Lines temoto/robotstxt would reject are dropped, not fatal.
	p := parseRobots([]byte("Crawl-delay: 5\nUser-agent: *\nCrawl-delay: soon\nDisallow: /x\n"))
	if p.denyAll != "" {
		t.Fatalf("denyAll = %q", p.denyAll)
	}
	if err := p.check("/x/1"); err == nil {
		t.Error("/x/1 allowed")
	}
	if err := p.check("/y"); err != nil {
		t.Errorf("/y: %v", err)
	}
}

// Robots files and page bytes come from strangers: neither parser may panic.
func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /products/\nAllow: /products/public\nCrawl-delay: 2\n"), "/products/x?y=1")
	f.Add([]byte("Disallow: /x\nuser-agent: EXOLINT\nDisallow: /*.json$\n"), "/a.json")
	f.Add([]byte("\xef\xbb\xbfUser-agent:*\r\nDisallow:/$\r\n"), "/")
	f.Add([]byte("User-agent: *\nDisallow: /%70rivate\nAllow: /%7e%2F%zz%\n"), "/%70rivate/%c3%a9?%71=1")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		p := parseRobots(body)
		_ = p.check(path)
		// Normalising escapes twice changes nothing more: a path cannot
		// be spelled so that a second decoding unlocks it.
		if n := normalizeEscapes(path); normalizeEscapes(n) != n {
			t.Fatalf("normalizeEscapes not idempotent on %q: %q then %q", path, n, normalizeEscapes(n))
		}
	})
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=euc-kr><p>\xbf\xa2</p>"), "text/html", "text/html")
	f.Add([]byte("\xff\xfe<\x00"), "text/plain; charset=shift_jis", "text/plain")
	f.Add([]byte(`<meta http-equiv="content-type" content="text/html; charset=utf-16">`), "", "text/html")
	f.Fuzz(func(t *testing.T, body []byte, contentType, media string) {
		out, name, _, err := toUTF8(body, contentType, media)
		if err != nil {
			return // refused with a reason: fine
		}
		if name == "" {
			t.Errorf("no charset name for %q", body)
		}
		if !utf8.Valid(out) {
			t.Errorf("toUTF8 produced invalid UTF-8: %q", out)
		}
	})
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestClassifyConnectTimeout(t *testing.T) {
	t.Parallel()
	err := &url.Error{Op: "Get", URL: "https://x/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: timeoutErr{}}}
	ne := classifyNetErr(err, "x:443")
	if !ne.transient || !errors.Is(ne, ErrTimeout) || !errors.Is(ne, ErrNetwork) {
		t.Errorf("connect timeout: transient %v, Is(ErrTimeout) %v", ne.transient, errors.Is(ne, ErrTimeout))
	}
	if ne.Error() != "connecting to x:443 timed out" {
		t.Errorf("message %q", ne)
	}
	var op *net.OpError
	if !errors.As(ne, &op) {
		t.Error("underlying *net.OpError not reachable")
	}
}

// TestDocsListRetryableStatuses keeps the README and the package doc in
// step with retryableStatus: both once said "5xx" while 500 is deliberately
// not retried.
func TestDocsListRetryableStatuses(t *testing.T) {
	t.Parallel()
	var want []string
	for code := 400; code < 600; code++ {
		if retryableStatus(code) {
			want = append(want, strconv.Itoa(code))
		}
	}
	status := regexp.MustCompile(`\b[1-5](?:\d\d|xx)\b`)
	for _, doc := range []struct{ file, lead string }{
		{"../../README.md", "retries with backoff on "},
		{"doc.go", "Retries (3) only where a retry can help: "},
	} {
		b, err := os.ReadFile(doc.file)
		if err != nil {
			t.Fatal(err)
		}
		_, after, ok := strings.Cut(strings.Join(strings.Fields(string(b)), " "), doc.lead)
		if !ok {
			t.Errorf("%s: no %q sentence", doc.file, doc.lead)
			continue
		}
		// The list ends with the sentence, or where it turns to what is
		// not retried.
		list, _, _ := strings.Cut(after, ". ")
		list, _, _ = strings.Cut(list, "(")
		list, _, _ = strings.Cut(list, ";")
		if got := status.FindAllString(list, -1); !slices.Equal(got, want) {
			t.Errorf("%s lists retried statuses %v, want %v", doc.file, got, want)
		}
	}
}
