package web

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

// newTestServer starts the site on a loopback httptest server. Page fetches
// skip the politeness delay so tests do not wait.
func newTestServer(t *testing.T, edit func(*Options)) (*Server, *httptest.Server) {
	t.Helper()
	o := Options{Version: "test", RatePerMinute: -1, Fetch: fetch.Options{PerHostDelay: -1}}
	if edit != nil {
		edit(&o)
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reply is a response read whole, its body closed.
type reply struct {
	StatusCode int
	Header     http.Header
}

func get(t *testing.T, u string) (reply, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (reply, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{StatusCode: resp.StatusCode, Header: resp.Header}, string(b)
}

func postForm(t *testing.T, u string, v url.Values) (reply, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, strings.NewReader(v.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

func postJSON(t *testing.T, u string, body string) (reply, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return do(t, req)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// wantAPIError checks status, code and that the reason is one line.
func wantAPIError(t *testing.T, resp reply, body string, status int, code string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d; body %s", resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
	var e struct {
		Error struct{ Code, Reason string }
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, body)
	}
	if e.Error.Code != code {
		t.Errorf("code %q, want %q (reason %q)", e.Error.Code, code, e.Error.Reason)
	}
	if e.Error.Reason == "" || strings.Contains(e.Error.Reason, "\n") {
		t.Errorf("reason %q is not one line", e.Error.Reason)
	}
}

func TestIndexPage(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{`<form class="check" method="post" action="/check">`, `<label for="input">`, `name="as" value="inci"`, `<select id="market" name="market">`, `lang="en"`} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	for _, banned := range []string{"<script", "style=", "http://", "https://"} {
		if strings.Contains(body, banned) {
			t.Errorf("index contains %q: no scripts, inline styles or outside assets", banned)
		}
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	_, ts := newTestServer(t, nil)
	for _, path := range []string{"/", "/rules", "/healthz", "/api/rules", "/nowhere", "/static/style.css", "/check?text=exosome+serum"} {
		resp, _ := get(t, ts.URL+path)
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: nosniff %q, referrer %q", path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
		if c := h.Values("Set-Cookie"); len(c) > 0 {
			t.Errorf("%s sets cookies: %v", path, c)
		}
	}
}

func TestStaticStylesheet(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/static/style.css")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, ":focus-visible") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if strings.Contains(body, "url(") || strings.Contains(body, "@import") {
		t.Error("the stylesheet loads something else")
	}
	if resp, _ := get(t, ts.URL+"/static/nope.css"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing asset: status %d", resp.StatusCode)
	}
	if resp, _ := get(t, ts.URL+"/favicon.ico"); resp.StatusCode != http.StatusNoContent {
		t.Errorf("favicon: status %d", resp.StatusCode)
	}
}

func TestVerdictFromPastedText(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := postForm(t, ts.URL+"/check", url.Values{"input": {readFile(t, "serum.txt")}, "as": {"auto"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		`<h1 id="verdict-title">Exosome claim · source not disclosed · no testing disclosed · 8 red flags</h1>`,
		"Serious concerns",
		"<mark>heal acne scars</mark>",
		"Promises to treat or heal, like a medicine",
		`<a href="/rules/drug-claim"><code>drug-claim</code></a>`,
		"<strong>Honest wording:</strong> <q>revitalise the look of</q> instead of <q>regenerate</q>.",
		"Sodium Hyaluronte",
		"did you mean <q>Sodium Hyaluronate</q>",
		"Look-alike",
		"Not disclosed.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("verdict lacks %s", want)
		}
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q: a verdict quotes the user's text and must not be cached", cc)
	}
}

// A phrase the page repeats is one red flag that names the other lines.
func TestVerdictNamesRepeatedLines(t *testing.T) {
	_, ts := newTestServer(t, nil)
	text := "Exosome Night Serum\n\nIt helps heal acne scars.\n\nMade with care.\n\nIt will heal acne scars for good."
	_, body := postForm(t, ts.URL+"/check", url.Values{"input": {text}, "as": {"text"}})
	if n := strings.Count(body, "<mark>heal acne scars</mark>"); n != 1 {
		t.Errorf("the repeated phrase is marked %d times, want once", n)
	}
	if !strings.Contains(body, "Line 3 of the page; the page says it again on line 7") {
		t.Errorf("verdict does not name the repeated line:\n%s", firstLines(body, "heal acne scars"))
	}
}

func TestVerdictLevels(t *testing.T) {
	_, ts := newTestServer(t, nil)
	cases := []struct{ text, level, headline string }{
		{readFile(t, "clean.txt"), "verdict-green", "Exosome claim · source: plant · testing disclosed · no red flags"},
		{"A gentle cleanser with glycerin. Rinse well.", "verdict-neutral", "No exosome claim found · no red flags"},
		{"Exosome serum from rose callus, characterised by NTA (mode 120 nm) and CD63 markers. A miracle for your skin.", "verdict-amber", "1 red flag"},
	}
	for _, c := range cases {
		_, body := postForm(t, ts.URL+"/check", url.Values{"input": {c.text}, "as": {"text"}})
		if !strings.Contains(body, c.level) || !strings.Contains(body, c.headline) {
			t.Errorf("%.40q: want %s with %q in\n%s", c.text, c.level, c.headline, firstLines(body, "verdict-title"))
		}
	}
}

func firstLines(body, near string) string {
	i := strings.Index(body, near)
	if i < 0 {
		return "(no " + near + ")"
	}
	return body[max(0, i-200):min(len(body), i+300)]
}

func TestShareableGETGivesTheSameVerdict(t *testing.T) {
	_, ts := newTestServer(t, nil)
	text := readFile(t, "serum.txt")
	_, posted := postForm(t, ts.URL+"/check", url.Values{"input": {text}, "as": {"text"}, "market": {"eu"}})
	share := between(posted, `<a href="/check?`, `">Link to this verdict`)
	if share == "" {
		t.Fatal("no share link on the verdict page")
	}
	share = html.UnescapeString(share)
	resp, got := get(t, ts.URL+"/check?"+share)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("share link: status %d", resp.StatusCode)
	}
	h1 := func(s string) string { return between(s, `<h1 id="verdict-title">`, `</h1>`) }
	if h1(got) == "" || h1(got) != h1(posted) {
		t.Errorf("shared verdict %q, posted %q", h1(got), h1(posted))
	}
	if !strings.Contains(got, "judged for European Union") {
		t.Error("the share link lost the market")
	}
}

func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		return ""
	}
	return s[:j]
}

func TestShareLinkOmittedForLongInput(t *testing.T) {
	_, ts := newTestServer(t, nil)
	long := "Exosome serum. " + strings.Repeat("Soft and smooth. ", 400)
	_, body := postForm(t, ts.URL+"/check", url.Values{"input": {long}})
	if strings.Contains(body, "Link to this verdict") || !strings.Contains(body, "too long to share") {
		t.Error("a long input got a share link, or no note saying why not")
	}
}

func TestVerdictFromINCIList(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := postForm(t, ts.URL+"/check", url.Values{"input": {readFile(t, "inci.txt")}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		"the ingredient list you pasted",
		`<tr class="ev">`,
		"Rosa Damascena Callus Extracellular Vesicles",
		"Human Adipocyte Conditioned Media Extract",
		"II/416",
		"did you mean <q>Sodium Hyaluronate</q>",
		"Contains an ingredient banned in EU cosmetics",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("INCI verdict lacks %s", want)
		}
	}
}

func TestDetectKind(t *testing.T) {
	cases := map[string]string{
		"https://shop.example/serum":       kindURL,
		"  http://shop.example/p?id=1  ":   kindURL,
		"shop.example/products/rose-serum": kindURL,
		"www.shop.example":                 kindURL,
		readFile(t, "inci.txt"):            kindINCI,
		"Ingredients: Water, Glycerin, Niacinamide, Phenoxyethanol, Citric Acid": kindINCI,
		"Aqua, Glycerin, Butylene Glycol\nNiacinamide, Phenoxyethanol":           kindINCI,
		readFile(t, "serum.txt"):          kindText,
		"Exosome serum for glowing skin.": kindText,
		"<p>Exosome serum</p>":            kindText,
		"exosome":                         kindText,
		"Soft, smooth, radiant skin. Our serum, made with care, is light, fresh and calm.": kindText,
	}
	for in, want := range cases {
		if got := detectKind(in); got != want {
			t.Errorf("detectKind(%.50q) = %s, want %s", in, got, want)
		}
	}
}

func TestHTMLIsEscaped(t *testing.T) {
	_, ts := newTestServer(t, nil)
	evil := `<p>Exosome serum <script>alert(1)</script><img src=x onerror=alert(2)> heals acne "quoted" & more</p>`
	_, body := postForm(t, ts.URL+"/check", url.Values{"input": {evil}, "as": {"text"}, "format": {"text"}})
	if strings.Contains(body, "<script>") || strings.Contains(body, "<img src=x") {
		t.Fatal("pasted markup reached the page unescaped")
	}
	if !strings.Contains(body, "&lt;script&gt;") {
		t.Error("the pasted text is not shown (escaped) at all")
	}
}

// The API's document is the check command's: the same reader and engine,
// written by reports.JSON, give the same bytes for documents[0].
func TestAPICheckIsTheCheckJSONDocument(t *testing.T) {
	_, ts := newTestServer(t, nil)
	text := readFile(t, "serum.txt")
	resp, body := postJSON(t, ts.URL+"/api/check", `{"text": `+jsonString(text)+`, "format": "text", "markets": ["us", "eu"]}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Tool     reports.Tool
		Markets  []rules.Market
		Document json.RawMessage
		Summary  json.RawMessage
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}

	doc, err := scraper.NewReader().Read("pasted text", []byte(text), "text")
	if err != nil {
		t.Fatal(err)
	}
	e, err := rules.NewEngine(rules.All(), []rules.Market{rules.US, rules.EU})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reports.JSON(&buf, &reports.Result{Tool: got.Tool, Markets: got.Markets, Documents: []*rules.DocResult{e.Check(doc)}}); err != nil {
		t.Fatal(err)
	}
	var want struct {
		Documents []json.RawMessage
		Summary   json.RawMessage
	}
	if err := json.Unmarshal(buf.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, got.Document, want.Documents[0]) {
		t.Errorf("document differs from check --format json:\n got %s\nwant %s", got.Document, want.Documents[0])
	}
	if !jsonEqual(t, got.Summary, want.Summary) {
		t.Errorf("summary %s, want %s", got.Summary, want.Summary)
	}
	if strings.Join([]string{string(got.Markets[0]), string(got.Markets[1])}, ",") != "us,eu" {
		t.Errorf("markets %v", got.Markets)
	}
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return bytes.Equal(xb, yb)
}

func TestAPICheckINCIAndURL(t *testing.T) {
	page, _ := countingPage(t, "text/html", "<h1>Rose EV Serum</h1><p>Exosome serum that heals acne.</p>")
	_, ts := newTestServer(t, func(o *Options) { o.AllowPrivate = true })

	resp, body := postJSON(t, ts.URL+"/api/check", `{"inci": `+jsonString(readFile(t, "inci.txt"))+`}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"name": "Human Adipocyte Conditioned Media Extract"`) || !strings.Contains(body, `"rule": "annex-ii-substance"`) {
		t.Errorf("inci: status %d\n%s", resp.StatusCode, body)
	}
	resp, body = postJSON(t, ts.URL+"/api/check", `{"url": `+jsonString(page.URL+"/serum")+`, "markets": "us"}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"source": "`+page.URL+`/serum"`) || !strings.Contains(body, `"rule": "drug-claim"`) {
		t.Errorf("url: status %d\n%s", resp.StatusCode, body)
	}
}

// countingPage serves one page on loopback and counts requests to it
// (robots.txt answers 404, which allows everything).
func countingPage(t *testing.T, contentType, body string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(ts.Close)
	return ts, &hits
}

func TestAPIErrors(t *testing.T) {
	page, hits := countingPage(t, "text/html", "<p>Exosome serum</p>")
	_, ts := newTestServer(t, nil)
	cases := []struct {
		name, body string
		status     int
		code       string
	}{
		{"not json", `{"text": `, 400, codeBadRequest},
		{"two values", `{"text": "a"} {"text": "b"}`, 400, codeBadRequest},
		{"unknown field", `{"txt": "exosome"}`, 400, codeBadRequest},
		{"no input", `{}`, 400, codeBadRequest},
		{"empty input", `{"text": "  "}`, 400, codeBadRequest},
		{"two inputs", `{"text": "exosome", "inci": "Water"}`, 400, codeBadRequest},
		{"format with inci", `{"inci": "Water, Glycerin", "format": "html"}`, 400, codeBadRequest},
		{"bad format", `{"text": "exosome", "format": "pdf"}`, 400, codeBadRequest},
		{"bad market", `{"text": "exosome", "markets": "mars"}`, 400, codeBadRequest},
		{"bad markets type", `{"text": "exosome", "markets": 7}`, 400, codeBadRequest},
		{"ftp", `{"url": "ftp://shop.example/serum"}`, 400, codeBadURL},
		{"file", `{"url": "file:///etc/passwd"}`, 400, codeBadURL},
		{"loopback", `{"url": ` + jsonString(page.URL+"/serum") + `}`, 400, codePrivateAddress},
		{"decimal loopback", `{"url": "http://2130706433/"}`, 400, codePrivateAddress},
		{"octal loopback", `{"url": "http://0177.0.0.1/"}`, 400, codePrivateAddress},
		{"metadata", `{"url": "http://169.254.169.254/latest/meta-data/"}`, 400, codePrivateAddress},
		{"mapped", `{"url": "http://[::ffff:127.0.0.1]/"}`, 400, codePrivateAddress},
		{"localhost", `{"url": "http://localhost:8080/"}`, 400, codePrivateAddress},
		{"too large", `{"text": ` + jsonString(strings.Repeat("exosome ", 300<<10)) + `}`, 413, codeTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := postJSON(t, ts.URL+"/api/check", c.body)
			wantAPIError(t, resp, body, c.status, c.code)
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback page got %d requests; a refused URL must not be fetched", n)
	}
}

func TestAPIInputJustOverTheLimit(t *testing.T) {
	_, ts := newTestServer(t, func(o *Options) { o.MaxBody = 1000 })
	resp, body := postJSON(t, ts.URL+"/api/check", `{"text": `+jsonString(strings.Repeat("x", 1001))+`}`)
	wantAPIError(t, resp, body, 413, codeTooLarge)
	resp, _ = postJSON(t, ts.URL+"/api/check", `{"text": `+jsonString("exosome "+strings.Repeat("x", 900))+`}`)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("input under the limit: status %d", resp.StatusCode)
	}
}

func TestAPIRoutesAndMethods(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/api/check")
	wantAPIError(t, resp, body, 405, codeMethod)
	if resp.Header.Get("Allow") != "POST" {
		t.Errorf("Allow %q", resp.Header.Get("Allow"))
	}
	resp, body = get(t, ts.URL+"/api/nothing")
	wantAPIError(t, resp, body, 404, codeNotFound)
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, ts.URL+"/api/check", strings.NewReader("text=exosome"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body = do(t, req)
	wantAPIError(t, resp, body, 415, codeMediaType)
	req, _ = http.NewRequestWithContext(context.Background(), http.MethodDelete, ts.URL+"/check", nil)
	if resp, _ = do(t, req); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /check: status %d", resp.StatusCode)
	}
}

func TestFetchFailures(t *testing.T) {
	missing := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(missing.Close)
	pdf, _ := countingPage(t, "application/pdf", "%PDF-1.4")
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); slow.Close() })

	_, ts := newTestServer(t, func(o *Options) {
		o.AllowPrivate = true
		o.FetchTimeout = 300 * time.Millisecond
		o.Fetch.Retries = -1
	})
	cases := []struct {
		url    string
		status int
		code   string
	}{
		{missing.URL + "/gone", 502, codeFetchFailed},
		{pdf.URL + "/leaflet.pdf", 422, codeUnreadable},
		{slow.URL + "/serum", 504, codeTimeout},
	}
	for _, c := range cases {
		resp, body := postJSON(t, ts.URL+"/api/check", `{"url": `+jsonString(c.url)+`}`)
		wantAPIError(t, resp, body, c.status, c.code)
		// The page says the same, in HTML, with the same status.
		resp, page := get(t, ts.URL+"/check?url="+url.QueryEscape(c.url))
		if resp.StatusCode != c.status || !strings.Contains(page, "<code>"+c.code+"</code>") {
			t.Errorf("page for %s: status %d, want %d with code %s", c.url, resp.StatusCode, c.status, c.code)
		}
	}
}

func TestPageErrors(t *testing.T) {
	_, ts := newTestServer(t, func(o *Options) { o.MaxBody = 2000 })
	cases := []struct {
		path   string
		status int
		code   string
	}{
		{"/check", 400, codeBadRequest},
		{"/check?text=a&inci=b", 400, codeBadRequest},
		{"/check?text=%FF%FE", 422, codeUnreadable},
		{"/check?url=http://10.0.0.1/", 400, codePrivateAddress},
		{"/check?text=exosome&market=mars", 400, codeBadRequest},
		{"/rules/drug-clam", 404, codeNotFound},
		{"/nowhere", 404, codeNotFound},
	}
	for _, c := range cases {
		resp, body := get(t, ts.URL+c.path)
		if resp.StatusCode != c.status || !strings.Contains(body, "<code>"+c.code+"</code>") || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: status %d, want %d and code %s", c.path, resp.StatusCode, c.status, c.code)
		}
	}
	_, body := get(t, ts.URL+"/rules/drug-clam")
	if !strings.Contains(body, "did you mean drug-claim?") {
		t.Error("unknown rule page offers no suggestion")
	}
	resp, body := postForm(t, ts.URL+"/check", url.Values{"input": {strings.Repeat("exosome ", 20000)}})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "<code>too_large</code>") {
		t.Errorf("oversized form: status %d", resp.StatusCode)
	}
	if !strings.Contains(body, `<textarea id="input"`) {
		t.Error("the error page offers no form to try again")
	}
}

func TestRulesPagesAndAPI(t *testing.T) {
	s, ts := newTestServer(t, nil)
	_, list := get(t, ts.URL+"/rules")
	resp, api := get(t, ts.URL+"/api/rules?market=eu")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/api/rules: %d", resp.StatusCode)
	}
	var catalog []map[string]any
	if err := json.Unmarshal([]byte(api), &catalog); err != nil {
		t.Fatal(err)
	}
	if len(catalog) != len(s.catalog) {
		t.Errorf("/api/rules lists %d rules, the catalog has %d", len(catalog), len(s.catalog))
	}
	for _, r := range s.catalog {
		if !strings.Contains(list, `href="/rules/`+r.ID+`"`) {
			t.Errorf("/rules does not link %s", r.ID)
		}
		resp, page := get(t, ts.URL+"/rules/"+r.ID)
		if resp.StatusCode != http.StatusOK || !strings.Contains(page, "<code>"+r.ID+"</code>") {
			t.Errorf("/rules/%s: status %d", r.ID, resp.StatusCode)
		}
	}
	resp, body := get(t, ts.URL+"/api/rules?market=mars")
	wantAPIError(t, resp, body, 400, codeBadRequest)
}

func TestHealthz(t *testing.T) {
	_, ts := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/healthz")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"status": "ok"`) {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
}

func TestEveryRuleHasPlainWording(t *testing.T) {
	w := ruleWording()
	for _, r := range rules.Catalog() {
		pw, ok := w[r.ID]
		if !ok {
			t.Errorf("rule %s has no consumer wording: add it to ruleWording in reports/web/wording.go", r.ID)
			continue
		}
		if pw.Headline == "" || !strings.HasSuffix(pw.Why, ".") || strings.Count(pw.Why, ". ") > 0 {
			t.Errorf("%s: want a headline and one sentence of why, got %+v", r.ID, pw)
		}
	}
	for id := range w {
		if _, err := rules.Lookup(rules.Catalog(), id); err != nil {
			t.Errorf("wording for %s, which is not a rule", id)
		}
	}
}

func TestRateLimitPerClient(t *testing.T) {
	_, ts := newTestServer(t, func(o *Options) { o.RatePerMinute = 1; o.Burst = 2 })
	for i := 0; i < 2; i++ {
		if resp, body := postJSON(t, ts.URL+"/api/check", `{"text": "exosome serum"}`); resp.StatusCode != http.StatusOK {
			t.Fatalf("check %d: %d %s", i, resp.StatusCode, body)
		}
	}
	resp, body := postJSON(t, ts.URL+"/api/check", `{"text": "exosome serum"}`)
	wantAPIError(t, resp, body, 429, codeRateLimited)
	if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Errorf("Retry-After %q", ra)
	}
	if resp, _ := get(t, ts.URL+"/rules"); resp.StatusCode != http.StatusOK {
		t.Errorf("reading pages is not rate limited; got %d", resp.StatusCode)
	}
}

func TestClientLimiterMemoryIsBounded(t *testing.T) {
	l := newClientLimiter(60, 1)
	now := time.Now()
	for i := 0; i < maxTrackedClients+50; i++ {
		l.allow(net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String(), now)
	}
	if n := len(l.clients); n > maxTrackedClients {
		t.Errorf("%d clients tracked, more than %d", n, maxTrackedClients)
	}
}

func TestClientKeyGroupsIPv6By64(t *testing.T) {
	a := &http.Request{RemoteAddr: "[2001:db8:1:2::a]:5000"}
	b := &http.Request{RemoteAddr: "[2001:db8:1:2::b]:6000"}
	c := &http.Request{RemoteAddr: "[::ffff:192.0.2.7]:80"}
	if clientKey(a) != clientKey(b) || clientKey(c) != "192.0.2.7" {
		t.Errorf("keys %q %q %q", clientKey(a), clientKey(b), clientKey(c))
	}
}

// With one worker and a queue of one, a third concurrent check is turned
// away with 429 while the first is still running.
func TestBusyQueue(t *testing.T) {
	entered := make(chan struct{}, 4)
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		entered <- struct{}{}
		<-release
		_, _ = io.WriteString(w, "<p>exosome serum</p>")
	}))
	defer slow.Close()
	s, ts := newTestServer(t, func(o *Options) {
		o.AllowPrivate = true
		o.Workers, o.Queue = 1, 1
		o.RatePerMinute = -1
	})
	var wg sync.WaitGroup
	statuses := make(chan int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, _ := postJSON(t, ts.URL+"/api/check", `{"url": `+jsonString(slow.URL+"/serum")+`}`)
			statuses <- resp.StatusCode
		}()
	}
	<-entered // one check is fetching
	for s.checker.waiting.Load() < 2 {
		time.Sleep(5 * time.Millisecond) // the other is queued
	}
	resp, body := postJSON(t, ts.URL+"/api/check", `{"text": "exosome serum"}`)
	wantAPIError(t, resp, body, 429, codeBusy)
	close(release)
	wg.Wait()
	close(statuses)
	for st := range statuses {
		if st != 200 {
			t.Errorf("a queued check ended with %d", st)
		}
	}
}

func TestAccessLogHasNoPageText(t *testing.T) {
	var logBuf syncBuffer
	_, ts := newTestServer(t, func(o *Options) { o.Logger = slog.New(slog.NewJSONHandler(&logBuf, nil)) })
	secret := "zebra-sapphire-exosome-phrase"
	postForm(t, ts.URL+"/check", url.Values{"input": {"Exosome serum " + secret}})
	get(t, ts.URL+"/check?text="+url.QueryEscape("Exosome "+secret))
	postJSON(t, ts.URL+"/api/check", `{"text": "Exosome `+secret+`"}`)
	postJSON(t, ts.URL+"/api/check", `{"url": "http://127.0.0.1/`+secret+`"}`)
	out := logBuf.String()
	if strings.Contains(out, secret) {
		t.Fatalf("the access log carries page text or URL paths:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 log lines, got %d:\n%s", len(lines), out)
	}
	var last map[string]any
	if err := json.Unmarshal([]byte(lines[3]), &last); err != nil {
		t.Fatal(err)
	}
	if last["path"] != "/api/check" || last["status"] != float64(400) || last["input"] != "url" || last["host"] != "127.0.0.1" || last["error"] != codePrivateAddress {
		t.Errorf("log line %v", last)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeShutsDownGracefully(t *testing.T) {
	s, err := New(Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	if resp, _ := get(t, "http://"+ln.Addr().String()+"/healthz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve returned %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
}
