package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
)

// browserOrSkip: the render tests need Chromium. Without one they skip,
// except where EXOLINT_REQUIRE_BROWSER=1 (CI installs chromium).
func browserOrSkip(t *testing.T) {
	t.Helper()
	if _, err := fetch.FindBrowser(""); err != nil {
		if os.Getenv("EXOLINT_REQUIRE_BROWSER") == "1" {
			t.Fatalf("EXOLINT_REQUIRE_BROWSER=1 but %v", err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
}

// jsOnlyShop serves a product page that is an empty shell: its copy and
// ingredient list arrive by script.
func jsOnlyShop(t *testing.T) *httptest.Server {
	t.Helper()
	page := `<!doctype html><html><head><title>Halo Serum – Example Beauty</title><script src="/bundle.js"></script></head>
<body><main id="app"></main></body></html>`
	bundle := `document.addEventListener("DOMContentLoaded", function () {
  document.getElementById("app").innerHTML =
    "<h1>Halo Cord Blood Exosome Serum</h1>" +
    "<p>Our exosomes regenerate damaged skin and cure acne scars.</p>" +
    "<h2>Ingredients</h2><p>Aqua, Glycerin, Human Cord Blood Cell Conditioned Media, Sodium Hyaluronate, Phenoxyethanol</p>";
});`
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/p":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
		case "/bundle.js":
			w.Header().Set("Content-Type", "application/javascript")
			_, _ = w.Write([]byte(bundle))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

func runApp(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"exolint"}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckJavaScriptPageWithoutRender(t *testing.T) {
	ts := jsOnlyShop(t)
	_, out, errs := runApp("check", "--fail-on", "none", ts.URL+"/p")
	if !strings.Contains(out, "the page builds its content with JavaScript; try --render") {
		t.Fatalf("no advice to render:\n%s\n%s", out, errs)
	}
}

func TestCheckRender(t *testing.T) {
	browserOrSkip(t)
	ts := jsOnlyShop(t)
	code, out, errs := runApp("check", "--render", "--format", "json", "--fail-on", "none", ts.URL+"/p")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`"name": "Halo Cord Blood Exosome Serum"`, `"Human Cord Blood Cell Conditioned Media"`, "rendered in Chromium", "regenerate"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "try --render") {
		t.Error("a rendered page still advises --render")
	}
}

func TestInciFromURLRender(t *testing.T) {
	browserOrSkip(t)
	ts := jsOnlyShop(t)
	code, out, errs := runApp("inci", "--from", ts.URL+"/p", "--render")
	if code != 0 || !strings.Contains(out, "Human Cord Blood Cell Conditioned Media") || !strings.Contains(out, "Sodium Hyaluronate") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = runApp("inci", "--from", ts.URL+"/p")
	if code != 2 || !strings.Contains(errs, "ingredient") {
		t.Errorf("without --render: exit %d, %s", code, errs)
	}
}

func TestRenderFlagErrors(t *testing.T) {
	code, _, errs := runApp("check", "--browser", "/usr/bin/chromium", "x.html")
	if code != 2 || !strings.Contains(errs, "--browser needs --render") {
		t.Errorf("exit %d: %s", code, errs)
	}
	code, _, errs = runApp("check", "--render", "--browser", "/no/such/chromium", "x.html")
	if code != 2 || !strings.Contains(errs, "no Chromium or Chrome found") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
