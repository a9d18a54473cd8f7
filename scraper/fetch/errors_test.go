package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
)

func TestBadURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"ftp://example.com/x", `bad URL: scheme "ftp" not supported (want http or https)`},
		{"file:///etc/passwd", `bad URL: scheme "file" not supported (want http or https)`},
		{"mailto:shop@example.com", `bad URL: scheme "mailto" not supported (want http or https)`},
		{"shop.example/products/x", "bad URL: no scheme (want http:// or https://)"},
		{"", "bad URL: no scheme (want http:// or https://)"},
		{"http://", "bad URL: no host"},
		{"https:///path", "bad URL: no host"},
		{"http://exa mple.com/", `bad URL: invalid character " " in host name`},
	}
	f := fetch.New(fetch.Options{})
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			// No server: a bad URL must be refused before any network use.
			_, err := f.Fetch(context.Background(), tt.in)
			if !errors.Is(err, fetch.ErrBadURL) {
				t.Fatalf("Fetch(%q) error = %v, want ErrBadURL", tt.in, err)
			}
			if got := fetch.Describe(err); got != tt.want {
				t.Errorf("Describe = %q, want %q", got, tt.want)
			}
			if want := "fetch " + tt.in + ": " + tt.want; err.Error() != want {
				t.Errorf("Error = %q, want %q", err, want)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&fetch.Error{URL: "https://x/y", Err: fmt.Errorf("%w (rule %q)", fetch.ErrRobotsDisallowed, "Disallow: /y")}, `disallowed by robots.txt (rule "Disallow: /y")`},
		{&fetch.Error{URL: "https://x/y", Err: &fetch.StatusError{Code: 410, URL: "https://x/y"}}, "HTTP 410 Gone"},
		{&fetch.Error{URL: "https://x/y", Err: context.Canceled}, "canceled"},
		{&fetch.Error{URL: "https://x/y", Err: context.DeadlineExceeded}, "deadline exceeded"},
		{errors.New("something\nspread over\tlines"), "something spread over lines"},
	}
	for _, tt := range tests {
		if got := fetch.Describe(tt.err); got != tt.want {
			t.Errorf("Describe(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestStatusErrorIsAndAs(t *testing.T) {
	t.Parallel()
	var err error = &fetch.Error{URL: "u", Err: &fetch.StatusError{Code: 404, URL: "https://x/final"}}
	if !errors.Is(err, fetch.ErrHTTPStatus) {
		t.Error("errors.Is(ErrHTTPStatus) = false")
	}
	if errors.Is(err, fetch.ErrTooLarge) {
		t.Error("errors.Is(ErrTooLarge) = true")
	}
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != 404 || se.URL != "https://x/final" {
		t.Errorf("errors.As: %+v", se)
	}
}

// Every failure Fetch can produce reads as one line, both in full and
// through Describe, because the CLI prints them per document.
func TestErrorsAreOneLine(t *testing.T) {
	t.Parallel()
	ts := site(t, "User-agent: *\nDisallow: /no\n", map[string]http.HandlerFunc{
		"/404": http.NotFound,
		"/pdf": func(w http.ResponseWriter, _ *http.Request) { w.Header().Set("Content-Type", "application/pdf") },
		"/no":  htmlPage("x"),
	})
	f, _ := newFetcher(t, ts, nil)
	for _, p := range []string{"/404", "/pdf", "/no"} {
		_, err := f.Fetch(context.Background(), ts.URL+p)
		if err == nil {
			t.Fatalf("%s: no error", p)
		}
		var fe *fetch.Error
		if !errors.As(err, &fe) || fe.URL != ts.URL+p {
			t.Errorf("%s: not an *Error with the URL: %#v", p, err)
		}
		for _, s := range []string{err.Error(), fetch.Describe(err)} {
			if s == "" || strings.ContainsAny(s, "\r\n") {
				t.Errorf("%s: %q is not one line", p, s)
			}
		}
	}
}

func TestNetworkErrorMessage(t *testing.T) {
	t.Parallel()
	ts := site(t, "", nil)
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.IgnoreRobots = true })
	addr := strings.TrimPrefix(ts.URL, "http://")
	ts.Close()
	_, err := f.Fetch(context.Background(), ts.URL+"/p")
	if !errors.Is(err, fetch.ErrNetwork) {
		t.Fatalf("Fetch error = %v, want ErrNetwork", err)
	}
	if got, want := fetch.Describe(err), "connection to "+addr+" refused"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}
