package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page checked by URL goes into SARIF relative to its site, never as an
// http URI code scanning rejects (GH1005), and stderr says that code
// scanning shows only repository files.
func TestSARIFWithWebPages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/p/serum" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<html><body><h1>Glow Serum</h1><p>A miracle cream with exosomes.</p></body></html>"))
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "out.sarif")
	var stdout, stderr bytes.Buffer
	code := run([]string{"exolint", "check", "--no-config", "--format", "sarif=" + out, srv.URL + "/p/serum"}, nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "findings on 1 web page are located relative to their site") {
		t.Errorf("no note on stderr: %q", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	host := strings.TrimPrefix(srv.URL, "http://")
	if !strings.Contains(s, `"uri": "p/serum"`) || !strings.Contains(s, `"uriBaseId": "SITE_`+host+`"`) || !strings.Contains(s, `"uri": "`+srv.URL+`/"`) {
		t.Errorf("page not located relative to its site:\n%s", s)
	}
	if strings.Contains(s, `"uri": "`+srv.URL+`/p/serum"`) {
		t.Errorf("absolute http URI in a location:\n%s", s)
	}
}
