package web

import (
	"context"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/exolint/exolint/scraper/fetch"
)

// readmeShot, when set, makes TestBrowserVerdictFromPastedText save its
// screenshot of the verdict page there (the README's docs/verdict.png):
//
//	go test ./reports/web -run TestBrowserVerdictFromPastedText -readme-screenshot "$PWD/docs/verdict.png"
var readmeShot = flag.String("readme-screenshot", "", "save the desktop verdict screenshot to this PNG file")

// newBrowser starts Debian's Chromium (found like --render finds it) for
// one test. Without a browser the test is skipped, except in CI
// (EXOLINT_REQUIRE_BROWSER=1), where it fails. The browser may only talk
// to loopback: every host name except 127.0.0.1 fails to resolve, and the
// background services that phone home are off.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	path, err := fetch.FindBrowser("")
	if err != nil {
		if os.Getenv("EXOLINT_REQUIRE_BROWSER") == "1" {
			t.Fatalf("browser tests are required here (EXOLINT_REQUIRE_BROWSER=1): %v", err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(profileDir(t)),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return bctx
}

// profileDir is a fresh browser profile, removed after the test. Chromium's
// child processes may still write to it for a moment after the browser
// stops, so removal is retried.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "exolint-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 50 {
			if err := os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("could not remove %s", dir)
	})
	return dir
}

// shotOnFailure saves a screenshot of the page under a temp dir when the
// test has failed, and says where.
func shotOnFailure(t *testing.T, ctx context.Context) {
	t.Helper()
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Logf("no failure screenshot: %v", err)
			return
		}
		dir, err := os.MkdirTemp("", "exolint-browser-")
		if err != nil {
			t.Logf("no failure screenshot: %v", err)
			return
		}
		p := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".png")
		if err := os.WriteFile(p, buf, 0o600); err != nil {
			t.Logf("no failure screenshot: %v", err)
			return
		}
		t.Logf("screenshot of the failed page: %s", p)
	})
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// paste fills the form as a person would and submits it.
func paste(t *testing.T, ctx context.Context, site, input, kind string) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(site+"/"),
		chromedp.WaitVisible(chromedp.CSS("textarea#input")),
		chromedp.SetValue(chromedp.CSS("textarea#input"), input),
		chromedp.Click(chromedp.CSS(`input[name=as][value=`+kind+`]`)),
		chromedp.Click(chromedp.CSS(`form.check button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	); err != nil {
		t.Fatalf("paste and submit: %v", err)
	}
}

func TestBrowserVerdictFromPastedText(t *testing.T) {
	_, ts := newTestServer(t, nil)
	ctx := newBrowser(t, 1000, 1400)
	shotOnFailure(t, ctx)

	paste(t, ctx, ts.URL, readFile(t, "serum.txt"), "auto")
	headline := text(t, ctx, "#verdict-title")
	if headline != "Exosome claim · source not disclosed · no testing disclosed · 8 red flags" {
		t.Errorf("verdict %q", headline)
	}
	if level := text(t, ctx, ".verdict .level"); !strings.Contains(strings.ToLower(level), "serious concerns") {
		t.Errorf("level %q does not say it in words", level)
	}
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll("article.flag mark")].map(m => m.textContent)`)
	if !contains(marks, "heal acne scars") || !contains(marks, "100% safe") {
		t.Errorf("highlighted phrases %q", marks)
	}
	// The stylesheet loaded under the CSP: the verdict has its thick left
	// border and the highlight its colour.
	if b := eval[string](t, ctx, `getComputedStyle(document.querySelector(".verdict")).borderLeftWidth`); b != "10px" {
		t.Errorf("verdict border %q: the stylesheet did not apply", b)
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("mark")).backgroundColor`); bg != "rgb(255, 225, 77)" {
		t.Errorf("mark background %q", bg)
	}
	if n := eval[int](t, ctx, `document.scripts.length`); n != 0 {
		t.Errorf("%d scripts on the page", n)
	}
	if *readmeShot != "" {
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*readmeShot, buf, 0o644); err != nil { //nolint:gosec // a doc image, meant to be read
			t.Fatal(err)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestBrowserINCIList(t *testing.T) {
	_, ts := newTestServer(t, nil)
	ctx := newBrowser(t, 1000, 1400)
	shotOnFailure(t, ctx)

	paste(t, ctx, ts.URL, readFile(t, "inci.txt"), "inci")
	if h := text(t, ctx, "#verdict-title"); !strings.HasPrefix(h, "No exosome claim found") {
		t.Errorf("verdict %q", h)
	}
	ev := eval[[]string](t, ctx, `[...document.querySelectorAll("table.ingredients tr.ev th")].map(th => th.textContent)`)
	if len(ev) != 2 || !contains(ev, "Rosa Damascena Callus Extracellular Vesicles") {
		t.Errorf("EV rows %q", ev)
	}
	if note := text(t, ctx, "table.ingredients tbody tr:nth-child(3) td:last-child"); !strings.Contains(note, "did you mean Sodium Hyaluronate?") {
		t.Errorf("note for the misspelt name: %q", note)
	}
	if checked := eval[string](t, ctx, `document.querySelector("input[name=as]:checked").value`); checked != "inci" {
		t.Errorf("the form forgot the switch: %q", checked)
	}
}

func TestBrowserURLCheck(t *testing.T) {
	page, hits := countingPage(t, "text/html; charset=utf-8", `<!doctype html><html><head><title>Rose EV Serum</title></head>
<body><h1>Rose EV Serum</h1><p>Our exosome serum penetrates deep into the dermis.</p>
<h2>Ingredients</h2><p>Water, Glycerin, Rosa Damascena Callus Extracellular Vesicles, Phenoxyethanol</p></body></html>`)
	_, ts := newTestServer(t, func(o *Options) { o.AllowPrivate = true })
	ctx := newBrowser(t, 1000, 1400)
	shotOnFailure(t, ctx)

	paste(t, ctx, ts.URL, page.URL+"/rose-serum", "auto")
	if h := text(t, ctx, "#verdict-title"); !strings.HasPrefix(h, "Exosome claim · source: plant") {
		t.Errorf("verdict %q", h)
	}
	if href := eval[string](t, ctx, `document.querySelector(".verdict .checked a").href`); href != page.URL+"/rose-serum" {
		t.Errorf("checked link %q", href)
	}
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll("article.flag mark")].map(m => m.textContent)`)
	if !contains(marks, "penetrates deep into the dermis") {
		t.Errorf("highlighted phrases %q", marks)
	}
	if hits.Load() == 0 {
		t.Error("the page was never fetched")
	}
}

// On a phone the page fits the width: no sideways scrolling, the table
// becomes cards and the button fills the row.
func TestBrowserPhoneWidth(t *testing.T) {
	_, ts := newTestServer(t, nil)
	ctx := newBrowser(t, 375, 800)
	shotOnFailure(t, ctx)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Navigate(ts.URL+"/check?text="+url.QueryEscape(readFile(t, "serum.txt"))),
		chromedp.WaitVisible(chromedp.CSS("#verdict-title")),
	); err != nil {
		t.Fatal(err)
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("page is %dpx wide on a 375px screen", w)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.querySelector("table.ingredients tr")).display`); d != "block" {
		t.Errorf("ingredient rows display as %q, want cards (block)", d)
	}
	if bw := eval[float64](t, ctx, `document.querySelector("form.check button").getBoundingClientRect().width`); bw < 300 {
		t.Errorf("the Check button is %.0fpx wide on a phone", bw)
	}
	if fs := eval[string](t, ctx, `getComputedStyle(document.querySelector("textarea")).fontSize`); fs != "16px" {
		t.Errorf("textarea font %s: under 16px makes phones zoom on focus", fs)
	}
}

// The form is usable from the keyboard alone: the skip link comes first,
// and tabbing reaches the text box and the switch.
func TestBrowserKeyboard(t *testing.T) {
	_, ts := newTestServer(t, nil)
	ctx := newBrowser(t, 1000, 900)
	shotOnFailure(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("textarea#input"))); err != nil {
		t.Fatal(err)
	}
	var order []string
	for range 6 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		order = append(order, eval[string](t, ctx, `(e => e.id || e.name || e.textContent.trim())(document.activeElement)`))
	}
	if order[0] != "Skip to content" || !contains(order, "input") {
		t.Errorf("tab order %q", order)
	}
	if o := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
		t.Error("the focused control has no visible outline")
	}
	labelled := eval[bool](t, ctx, `[...document.querySelectorAll("textarea, select, input")].every(e => e.labels && e.labels.length > 0)`)
	if !labelled {
		t.Error("a form control has no label")
	}
}
