package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
)

// browserOrSkip returns the browser the render tests drive. Without one they
// skip, except where EXOLINT_REQUIRE_BROWSER=1 (CI installs chromium).
func browserOrSkip(t *testing.T) string {
	t.Helper()
	p, err := fetch.FindBrowser(os.Getenv("EXOLINT_BROWSER"))
	if err != nil {
		if os.Getenv("EXOLINT_REQUIRE_BROWSER") == "1" {
			t.Fatalf("EXOLINT_REQUIRE_BROWSER=1 but %v", err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
	return p
}

// jsShop serves a product page whose copy and ingredient list are built by
// script: one inline, one external, one from a JSON request after load.
// It records every path the browser's requests reached.
type jsShop struct {
	mu   sync.Mutex
	hits map[string]int
}

func (s *jsShop) hit(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[p]++
}

func (s *jsShop) count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func newJSShop(t *testing.T) (*jsShop, *httptest.Server) {
	s := &jsShop{hits: map[string]int{}}
	pages := map[string]struct{ ctype, body string }{
		"/robots.txt": {"text/plain", "User-agent: *\nDisallow: /private/\n"},
		"/p": {"text/html; charset=utf-8", `<!doctype html><html><head><title>Dew Serum</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script><script src="/private/tracker.js"></script></head>
<body><div id="root"></div><img src="/hero.jpg" alt="">
<script>document.getElementById("root").insertAdjacentHTML("beforeend", "<h1>Dew Plant Exosome Serum</h1>");</script></body></html>`},
		"/app.js": {"application/javascript", `document.addEventListener("DOMContentLoaded", function () {
  var p = document.createElement("p");
  p.textContent = "Rose callus exosomes restore radiance overnight.";
  document.getElementById("root").appendChild(p);
  fetch("/api/product.json").then(function (r) { return r.json(); }).then(function (d) {
    var h = document.createElement("h2"); h.textContent = "Ingredients";
    var l = document.createElement("p"); l.textContent = d.ingredients;
    document.getElementById("root").append(h, l);
  });
});`},
		"/api/product.json":   {"application/json", `{"ingredients": "Aqua, Glycerin, Rosa Damascena Callus Culture Extract, Niacinamide, Phenoxyethanol"}`},
		"/private/tracker.js": {"application/javascript", `document.body.append("TRACKED")`},
		"/style.css":          {"text/css", `body{color:red}`},
		"/hero.jpg":           {"image/jpeg", "\xff\xd8\xff"},
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		pg, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", pg.ctype)
		_, _ = w.Write([]byte(pg.body))
	}))
	t.Cleanup(ts.Close)
	return s, ts
}

func TestRenderBuildsTheJavaScriptPage(t *testing.T) {
	browser := browserOrSkip(t)
	shop, ts := newJSShop(t)
	f := fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})
	r, err := fetch.NewRenderer(f, browser)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	res, err := r.Render(context.Background(), ts.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	body := string(res.Body)
	for _, want := range []string{"Dew Plant Exosome Serum", "Rose callus exosomes restore radiance", "Rosa Damascena Callus Culture Extract"} {
		if !strings.Contains(body, want) {
			t.Errorf("rendered page lacks %q:\n%s", want, body)
		}
	}
	if !res.Rendered || res.ContentType != "text/html" {
		t.Errorf("Rendered %v ContentType %q", res.Rendered, res.ContentType)
	}
	// The page was fetched once, by the Fetcher; what robots.txt forbids,
	// and what text does not need, never left the browser.
	if n := shop.count("/p"); n != 1 {
		t.Errorf("page fetched %d times, want 1", n)
	}
	for _, p := range []string{"/private/tracker.js", "/hero.jpg", "/style.css"} {
		if n := shop.count(p); n != 0 {
			t.Errorf("%s reached the server %d times", p, n)
		}
	}
	if strings.Contains(body, "TRACKED") {
		t.Error("a script robots.txt disallows ran")
	}
}

func TestRenderObeysRobotsForThePage(t *testing.T) {
	browser := browserOrSkip(t)
	_, ts := newJSShop(t)
	f := fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})
	r, err := fetch.NewRenderer(f, browser)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Render(context.Background(), ts.URL+"/private/page"); !errors.Is(err, fetch.ErrRobotsDisallowed) {
		t.Fatalf("err %v, want ErrRobotsDisallowed", err)
	}
}

func TestNewRendererWithoutBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := fetch.NewRenderer(fetch.New(fetch.Options{}), ""); !errors.Is(err, fetch.ErrNoBrowser) {
		t.Fatalf("err %v, want ErrNoBrowser", err)
	}
}
