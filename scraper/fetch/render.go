package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Rendering is opt-in (check --render): some shops build their copy and
// ingredient list with JavaScript, so the HTML the server sends holds little
// text. A Renderer loads such a page in headless Chromium and returns the
// rendered DOM, serialised, as the body.
//
// The browser never touches the network itself. Every request it makes is
// intercepted (the DevTools Fetch domain): the page is fetched first by the
// Fetcher, with its robots.txt, per-host delay, size cap and charset
// handling, and handed to the browser; the scripts and data requests
// (XHR, fetch) the page needs go through the same Fetcher, one by one, up to
// maxAssets per page; images, fonts, style sheets, media and everything
// else are refused. Positions in a rendered document refer to the
// serialised DOM, not to the HTML the server sent.

// ErrRender wraps a failure of the browser.
var ErrRender = errors.New("rendering failed")

// maxAssets caps the scripts and data requests one page may make.
const maxAssets = 64

// settle bounds the wait, after the load event, for scripts that fill the
// page later (a data request, a timer): until the text stops changing.
const (
	settleMax  = 5 * time.Second
	settleTick = 200 * time.Millisecond
)

// Renderer renders pages in one headless Chromium, started on first use and
// shared by every page of a run. It is safe for concurrent use.
type Renderer struct {
	f       *Fetcher
	browser string

	mu      sync.Mutex
	ctx     context.Context // the browser's; nil until started
	cancels []context.CancelFunc
	startE  error
}

// NewRenderer returns a Renderer that fetches through f and renders with the
// browser at path (see FindBrowser: "" looks for Chromium or Chrome on PATH).
// It fails at once, with a one-line reason, when there is no browser.
func NewRenderer(f *Fetcher, path string) (*Renderer, error) {
	p, err := FindBrowser(path)
	if err != nil {
		return nil, err
	}
	return &Renderer{f: f, browser: p}, nil
}

// Browser returns the path of the browser the Renderer runs.
func (r *Renderer) Browser() string { return r.browser }

// Close stops the browser.
func (r *Renderer) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.cancels) - 1; i >= 0; i-- {
		r.cancels[i]()
	}
	r.cancels, r.ctx = nil, nil
}

// browserFlags keep Chromium off the network and quiet: the machine may have
// no network at all, and nothing but the intercepted page may load.
func (r *Renderer) browserFlags() []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(r.browser),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.DisableGPU,
		chromedp.UserAgent(r.f.UserAgent()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider"),
		// Anything that escapes interception goes to a closed port.
		chromedp.ProxyServer("http://127.0.0.1:9"),
	}
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root with its sandbox.
		opts = append(opts, chromedp.NoSandbox)
	}
	return opts
}

// start launches the browser once.
func (r *Renderer) start() (context.Context, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctx != nil || r.startE != nil {
		return r.ctx, r.startE
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), r.browserFlags()...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelB()
		cancelA()
		r.startE = fmt.Errorf("%w: start %s: %w", ErrRender, r.browser, err)
		return nil, r.startE
	}
	r.ctx, r.cancels = bctx, []context.CancelFunc{cancelA, cancelB}
	return r.ctx, nil
}

// Render fetches rawURL politely and, when it is HTML, loads it in the
// browser and returns the rendered DOM as the body (Response.Rendered set).
// Other documents come back as fetched. The whole of it, page and assets,
// is bounded by the Fetcher's time limit for one URL.
func (r *Renderer) Render(ctx context.Context, rawURL string) (*Response, error) {
	page, err := r.f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	if page.ContentType != "text/html" && page.ContentType != "application/xhtml+xml" {
		return page, nil
	}
	ctx, cancel := r.f.WithTimeLeft(ctx, page)
	defer cancel()
	bctx, err := r.start()
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	html, err := r.render(ctx, bctx, page)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	if int64(len(html)) > r.f.o.MaxBody {
		return nil, &Error{URL: rawURL, Err: fmt.Errorf("%w (rendered page over the %s limit)", ErrTooLarge, byteSize(r.f.o.MaxBody))}
	}
	res := *page
	res.Body, res.Charset, res.Rendered = []byte(html), "utf-8", true
	return &res, nil
}

// render loads page in a new tab of the browser and returns the DOM.
func (r *Renderer) render(ctx, bctx context.Context, page *Response) (string, error) {
	tctx, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	// The tab lives no longer than the caller's deadline.
	stop := context.AfterFunc(ctx, cancelTab)
	defer stop()

	paused := chromedp.Events(tctx, cdpfetch.RequestPaused)
	if _, err := chromedp.Call(tctx, cdpfetch.Enable, cdpfetch.EnableParams{Patterns: []*cdpfetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		return "", fmt.Errorf("%w: %w", ErrRender, r.ctxErr(ctx, err))
	}
	s := &tabServer{r: r, page: page, ctx: tctx}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range paused {
			if err != nil {
				return
			}
			s.inflight.Add(1)
			go s.serve(ev)
		}
	}()
	if err := chromedp.Do(tctx, chromedp.Navigate(page.FinalURL)); err != nil {
		return "", fmt.Errorf("%w: %w", ErrRender, r.ctxErr(ctx, err))
	}
	r.settle(tctx, s)
	html, err := chromedp.Run(tctx, chromedp.Evaluate[string](
		`(document.doctype ? new XMLSerializer().serializeToString(document.doctype) + "\n" : "") + document.documentElement.outerHTML`))
	if err != nil {
		return "", fmt.Errorf("%w: read the DOM: %w", ErrRender, r.ctxErr(ctx, err))
	}
	cancelTab()
	<-done
	return html, nil
}

// ctxErr prefers the deadline to the browser's report of the tab closing.
func (r *Renderer) ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		if cause := context.Cause(ctx); cause != nil {
			return cause
		}
		return ctx.Err()
	}
	return err
}

// settle waits until no intercepted request is pending and the page's text
// has stopped changing, or settleMax.
func (r *Renderer) settle(ctx context.Context, s *tabServer) {
	deadline := time.Now().Add(settleMax)
	last, stable := -1, 0
	for time.Now().Before(deadline) && ctx.Err() == nil {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.body ? document.body.innerText.length : 0`))
		if err != nil {
			return
		}
		if n == last && s.inflight.Load() == 0 {
			stable++
			if stable >= 2 {
				return
			}
		} else {
			stable = 0
		}
		last = n
		select {
		case <-ctx.Done():
			return
		case <-time.After(settleTick):
		}
	}
}

// tabServer answers the requests of one tab.
type tabServer struct {
	r        *Renderer
	page     *Response
	ctx      context.Context
	served   atomic.Bool  // the page itself has been handed over
	assets   atomic.Int32 // scripts and data requests fetched
	inflight atomic.Int32
}

func (s *tabServer) serve(ev cdpfetch.EventRequestPaused) {
	defer s.inflight.Add(-1)
	req := ev.Request
	switch {
	case ev.ResourceType == network.ResourceTypeDocument && sameURL(req.URL, s.page.FinalURL) && s.served.CompareAndSwap(false, true):
		s.fulfill(ev.RequestID, http.StatusOK, http.Header{"Content-Type": {"text/html; charset=utf-8"}}, s.page.Body)
		return
	case req.Method != http.MethodGet:
		s.refuse(ev.RequestID)
		return
	}
	switch ev.ResourceType {
	case network.ResourceTypeScript, network.ResourceTypeXHR, network.ResourceTypeFetch:
	default:
		s.refuse(ev.RequestID) // images, fonts, styles, media, frames, beacons
		return
	}
	if s.assets.Add(1) > maxAssets {
		s.refuse(ev.RequestID)
		return
	}
	status, hdr, body, err := s.r.f.fetchAsset(s.ctx, req.URL)
	if err != nil {
		s.refuse(ev.RequestID)
		return
	}
	s.fulfill(ev.RequestID, status, hdr, body)
}

func (s *tabServer) fulfill(id cdpfetch.RequestID, status int, hdr http.Header, body []byte) {
	var headers []*cdpfetch.HeaderEntry
	for k, vs := range hdr {
		for _, v := range vs {
			headers = append(headers, &cdpfetch.HeaderEntry{Name: k, Value: v})
		}
	}
	_, _ = chromedp.Call(s.ctx, cdpfetch.FulfillRequest, cdpfetch.FulfillRequestParams{
		RequestID: id, ResponseCode: int64(status), ResponseHeaders: headers, Body: body,
	})
}

func (s *tabServer) refuse(id cdpfetch.RequestID) {
	_, _ = chromedp.Call(s.ctx, cdpfetch.FailRequest, cdpfetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonBlockedByClient})
}

// sameURL compares two URLs without their fragments.
func sameURL(a, b string) bool {
	a, _, _ = strings.Cut(a, "#")
	b, _, _ = strings.Cut(b, "#")
	return a == b
}

// assetHeaders are the response headers a script or data request needs in
// the browser; the body is already decompressed.
func assetHeaders(h http.Header) http.Header {
	out := http.Header{}
	for _, k := range []string{"Content-Type", "Location", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
		"Access-Control-Allow-Headers", "Access-Control-Expose-Headers"} {
		if v := h.Values(k); len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

// fetchAsset GETs one script or data request for the browser: robots.txt,
// the host's delay, the request timeout and the size cap apply as to a
// page, but any media type is accepted and nothing is retried or converted;
// a redirect is handed to the browser, whose next request comes back here.
func (f *Fetcher) fetchAsset(ctx context.Context, rawURL string) (int, http.Header, []byte, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return 0, nil, nil, err
	}
	h := f.hostFor(u)
	b := f.newBudget()
	if !f.o.IgnoreRobots {
		pol, err := f.robotsFor(ctx, b, u, h)
		if err != nil {
			return 0, nil, nil, err
		}
		if err := pol.check(robotsPath(u)); err != nil {
			return 0, nil, nil, err
		}
	}
	if err := f.takeTurn(ctx, b, h, nil, 0); err != nil {
		return 0, nil, nil, err
	}
	defer h.release(f.now)
	var (
		status int
		hdr    http.Header
		body   []byte
	)
	err = f.do(ctx, b, u, nil, func(resp *http.Response) error {
		status, hdr = resp.StatusCode, assetHeaders(resp.Header)
		if isRedirect(status) {
			return nil
		}
		b, err := readBody(resp, f.o.MaxBody, false)
		body = b
		return err
	})
	if err != nil {
		return 0, nil, nil, err
	}
	if loc := hdr.Get("Location"); loc != "" {
		if next, err := u.Parse(loc); err == nil {
			hdr.Set("Location", next.String())
		}
	}
	return status, hdr, body, nil
}
