package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Accept is sent on every request, robots.txt included.
const Accept = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5"

// Defaults for the zero Options. See doc.go for why each is what it is.
const (
	DefaultPerHostDelay   = time.Second
	DefaultMaxConcurrent  = 4
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBody        = 10 << 20
	DefaultMaxRedirects   = 10
	DefaultRetries        = 3
	DefaultMaxRetryWait   = 60 * time.Second
	DefaultMaxCrawlDelay  = 10 * time.Second

	// backoffBase doubles per attempt (2s, 4s, 8s, ...) before jitter.
	backoffBase = 2 * time.Second
	backoffMax  = 30 * time.Second
)

// Options configures a Fetcher. Every zero value means "the polite default";
// negative values switch a limit off where that makes sense (noted below).
type Options struct {
	// UserAgent identifies us to servers. Default
	// "exolint/<Version> (+https://github.com/exolint/exolint)".
	// robots.txt is always matched against the product token "exolint".
	UserAgent string
	Version   string // used in the default UserAgent; "dev" if empty

	// Client is used as given except that redirects are followed by the
	// Fetcher itself (each hop is checked against robots.txt, the rate
	// limit and the downgrade rule). ConnectTimeout applies only to the
	// default client, which takes its proxy from the environment.
	Client *http.Client

	PerHostDelay time.Duration // between requests to one host; default 1s, raised by Crawl-delay; <0: none
	// MaxCrawlDelay caps what a robots.txt Crawl-delay can raise
	// PerHostDelay to; default 10s. A site asking for an hour between
	// requests would otherwise stall a run for hours.
	MaxCrawlDelay time.Duration
	MaxConcurrent int // requests in flight across all hosts; default 4

	ConnectTimeout time.Duration // default 10s
	// Timeout is the time limit for one URL: every attempt, backoff and
	// Retry-After wait, redirect, robots.txt fetch and politeness delay
	// counts, and a wait that would pass it fails at once. Only time spent
	// queued behind other URLs' requests does not count. Work done on the
	// URL after Fetch (rendering) takes the rest from WithTimeLeft.
	// Default 30s.
	Timeout time.Duration

	MaxBody      int64 // bytes after decompression; default 10 MiB
	MaxRedirects int   // default 10; <0: follow none

	// Retries after 429, 502, 503, 504 and transient network errors;
	// default 3; <0: none. Backoff is exponential with jitter unless the
	// server sends Retry-After.
	Retries int
	// MaxRetryWait caps a server's Retry-After; asking for longer makes
	// Fetch give up at once. Default 60s.
	MaxRetryWait time.Duration

	IgnoreRobots bool // default false: robots.txt is obeyed

	// ExtraMediaTypes are media types accepted besides pages: an audit
	// reads sitemaps and feeds (XML, gzip, CSV) through the same polite
	// Fetcher. Gzip and other binary types keep their bytes as sent.
	ExtraMediaTypes []string

	// CacheDir, if set, keeps responses that carry ETag or Last-Modified
	// and revalidates them; a 304 is answered from the cache.
	CacheDir string

	// DialControl, if set, is called with each address a connection is
	// about to dial, after DNS; an error refuses the connection. A server
	// that fetches URLs for other people sets RefusePrivate. It applies to
	// the default client, or to Client when its Transport is nil or an
	// *http.Transport (a copy is changed). With it set no proxy is taken
	// from the environment: the check must see the address really dialed.
	DialControl func(network, address string, c syscall.RawConn) error
	// Resolver, if set, looks up host names for the connections DialControl
	// covers (tests point a name at loopback with it).
	Resolver *net.Resolver

	// Sleep and Now replace the clock, so tests of delays run instantly.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
}

// Response is a fetched document, converted to UTF-8.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	StatusCode  int
	ContentType string // media type only, e.g. "text/html"
	Charset     string // what Body was converted from, e.g. "shift_jis"
	// CharsetNote is set when the body was not valid in the charset the
	// server or page declared and Charset was recognised instead.
	CharsetNote string
	Body        []byte // UTF-8
	FromCache   bool   // the server answered 304 and Body is the cached copy
	// Rendered is set when Body is the DOM of the page rendered in a
	// browser (Renderer), serialised: positions refer to it.
	Rendered bool

	timeLeft time.Duration // of the URL's time limit when Fetch returned; see WithTimeLeft
}

// Fetcher fetches documents politely. It is safe for concurrent use; share
// one per run so robots.txt and rate limits are shared too.
type Fetcher struct {
	o      Options // defaults applied
	client *http.Client
	sem    chan struct{} // global in-flight limit

	mu    sync.Mutex
	hosts map[string]*host
}

// New returns a Fetcher; New(Options{}) is polite.
func New(o Options) *Fetcher {
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.UserAgent == "" {
		o.UserAgent = "exolint/" + o.Version + " (+https://github.com/exolint/exolint)"
	}
	o.PerHostDelay = defaultDur(o.PerHostDelay, DefaultPerHostDelay)
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = DefaultMaxConcurrent
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	o.MaxRedirects = defaultInt(o.MaxRedirects, DefaultMaxRedirects)
	o.Retries = defaultInt(o.Retries, DefaultRetries)
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	if o.MaxCrawlDelay <= 0 {
		o.MaxCrawlDelay = DefaultMaxCrawlDelay
	}
	if o.Sleep == nil {
		o.Sleep = SleepContext
	}
	if o.Now == nil {
		o.Now = time.Now
	}

	var c http.Client
	if o.Client != nil {
		c = *o.Client // a copy: the caller's client keeps its own redirect policy
	} else {
		c.Transport = newTransport(o.ConnectTimeout)
	}
	if o.DialControl != nil || o.Resolver != nil {
		c.Transport = controlledTransport(c.Transport, o)
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	return &Fetcher{
		o:      o,
		client: &c,
		sem:    make(chan struct{}, o.MaxConcurrent),
		hosts:  map[string]*host{},
	}
}

// UserAgent returns the User-Agent header the Fetcher sends.
func (f *Fetcher) UserAgent() string { return f.o.UserAgent }

func defaultDur(d, def time.Duration) time.Duration {
	switch {
	case d == 0:
		return def
	case d < 0:
		return 0
	}
	return d
}

func defaultInt(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}

func newTransport(connect time.Duration) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   connect,
		ExpectContinueTimeout: time.Second,
	}
}

func (f *Fetcher) now() time.Time { return f.o.Now() }

// Fetch GETs rawURL, obeying robots.txt and the rate limits, following
// redirects, retrying transient failures, and returns the body as UTF-8.
// Every error is an *Error; use errors.Is with the Err* sentinels.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	b := f.newBudget()
	res, err := f.follow(ctx, b, u)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	res.URL = rawURL
	res.timeLeft = max(b.left(f.now()), time.Nanosecond)
	return res, nil
}

// WithTimeLeft returns ctx limited to what is left of res's time limit
// (Options.Timeout), for work done on the same URL after Fetch, such as
// rendering it, so that one limit bounds the whole URL. With a nil res the
// whole limit applies. When the limit runs out, context.Cause(ctx) matches
// ErrTimeout and reads "timed out after 30s".
func (f *Fetcher) WithTimeLeft(ctx context.Context, res *Response) (context.Context, context.CancelFunc) {
	left := f.o.Timeout
	if res != nil && res.timeLeft > 0 {
		left = res.timeLeft
	}
	return context.WithTimeoutCause(ctx, left, &timeLimitError{limit: f.o.Timeout})
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, unwrapURLError(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return nil, fmt.Errorf("%w: no scheme (want http:// or https://)", ErrBadURL)
		}
		return nil, fmt.Errorf("%w: scheme %q not supported (want http or https)", ErrBadURL, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%w: no host", ErrBadURL)
	}
	u.Fragment, u.RawFragment = "", "" // never sent; keeps cache keys and loop detection honest
	return u, nil
}

// follow fetches u and the redirects it leads to.
func (f *Fetcher) follow(ctx context.Context, b *budget, u *url.URL) (*Response, error) {
	chain := []string{u.String()}
	seen := map[string]bool{u.String(): true}
	for {
		res, next, err := f.fetchOne(ctx, b, u)
		var tl *timeLimitError
		if err != nil && len(chain) > 1 && errors.As(err, &tl) {
			hops := "1 redirect"
			if n := len(chain) - 1; n != 1 {
				hops = strconv.Itoa(n) + " redirects"
			}
			return nil, fmt.Errorf("%w (%s followed)", err, hops)
		}
		if err != nil {
			return nil, err
		}
		if next == nil {
			res.FinalURL = u.String()
			return res, nil
		}
		next.Fragment, next.RawFragment = "", ""
		switch {
		case next.Scheme != "http" && next.Scheme != "https":
			return nil, fmt.Errorf("%w: redirect to unsupported scheme %q", ErrBadURL, next.Scheme)
		case u.Scheme == "https" && next.Scheme == "http":
			return nil, fmt.Errorf("%w: %s redirects to plain-HTTP %s", ErrInsecureRedirect, u, next)
		case seen[next.String()] && f.client.Jar == nil:
			// With a cookie jar, "set cookie, redirect to self" is a real
			// pattern and terminates; without one it can only loop.
			return nil, fmt.Errorf("%w: %s", ErrRedirectLoop, strings.Join(append(chain, next.String()), " -> "))
		case len(chain) > f.o.MaxRedirects:
			return nil, fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, f.o.MaxRedirects)
		}
		seen[next.String()] = true
		chain = append(chain, next.String())
		u = next
	}
}

// attempt is what one request produced.
type attempt struct {
	res        *Response
	next       *url.URL // a redirect to follow
	retry      int      // a retryable status code
	retryAfter time.Duration
	hasAfter   bool
}

// fetchOne fetches exactly u: robots.txt check, then up to 1+Retries
// requests through the host's rate limit, all within b. It returns either
// a response or the target of a redirect.
func (f *Fetcher) fetchOne(ctx context.Context, b *budget, u *url.URL) (*Response, *url.URL, error) {
	h := f.hostFor(u)
	if !f.o.IgnoreRobots {
		pol, err := f.robotsFor(ctx, b, u, h)
		if err != nil {
			return nil, nil, err
		}
		if err := pol.check(robotsPath(u)); err != nil {
			return nil, nil, err
		}
	}
	cached := f.cacheLoad(u)
	var hdr http.Header
	if cached != nil {
		hdr = cached.conditional()
	}
	var last error // why the previous attempt failed, for when the next cannot be made in time
	for n := 1; ; n++ {
		if err := f.takeTurn(ctx, b, h, last, n-1); err != nil {
			return nil, nil, err
		}
		var a attempt
		err := f.do(ctx, b, u, hdr, func(resp *http.Response) error {
			return f.handle(resp, u, cached, &a)
		})
		h.release(f.now)
		retriesLeft := n <= f.o.Retries
		var ne *netError
		switch {
		case err != nil && errors.As(err, &ne) && ne.transient && retriesLeft:
			h.holdOff(f.now().Add(backoff(n)), "backing off after a failed request")
			last = err
			continue
		case err != nil && errors.As(err, &ne) && ne.transient && n > 1:
			return nil, nil, fmt.Errorf("%w (gave up after %d attempts)", err, n)
		case err != nil:
			var se *StatusError
			if errors.As(err, &se) {
				se.Attempts = n // e.g. a 404 after a retried 503
			}
			var tl *timeLimitError
			if n > 1 && errors.As(err, &tl) {
				return nil, nil, fmt.Errorf("%w (on attempt %d)", err, n)
			}
			return nil, nil, err
		case a.retry != 0:
			if a.hasAfter && a.retryAfter > f.o.MaxRetryWait {
				return nil, nil, &StatusError{Code: a.retry, URL: u.String(), Attempts: n, RetryAfter: a.retryAfter, MaxWait: f.o.MaxRetryWait}
			}
			wait, why := backoff(n), "backing off after HTTP "+strconv.Itoa(a.retry)
			if a.hasAfter {
				wait, why = a.retryAfter, "Retry-After from the server"
			}
			// Even when we give up, the next request to this host (from
			// another Fetch) should honour the wait the server asked for.
			h.holdOff(f.now().Add(wait), why)
			if !retriesLeft {
				return nil, nil, &StatusError{Code: a.retry, URL: u.String(), Attempts: n}
			}
			se := &StatusError{Code: a.retry, URL: u.String(), Attempts: n}
			if a.hasAfter {
				se.RetryAfter = a.retryAfter
			}
			last = se
			continue
		}
		return a.res, a.next, nil
	}
}

// takeTurn waits for the host's slot and then for its politeness delay,
// failing at once when that delay would end past the URL's time limit.
// last is what the previous attempt (of attempts made) ended with, to say
// why a retry cannot be made in time. On success the caller owns the slot
// and must release it.
func (f *Fetcher) takeTurn(ctx context.Context, b *budget, h *host, last error, attempts int) error {
	queued := f.now()
	if err := h.enter(ctx); err != nil {
		return err
	}
	b.pause(f.now().Sub(queued)) // behind another URL's request: not this URL's time
	now := f.now()
	wait, why := h.nextTurn(now)
	if wait <= 0 {
		return nil
	}
	if left := b.left(now); wait > left {
		h.leave()
		return f.tooLate(b, wait, why, last, attempts)
	}
	sctx, cancel := f.bounded(ctx, b)
	defer cancel()
	if err := f.o.Sleep(sctx, wait); err != nil {
		h.leave()
		return f.ctxError(ctx, sctx, err)
	}
	return nil
}

// tooLate explains why a URL gives up rather than wait past its limit.
func (f *Fetcher) tooLate(b *budget, wait time.Duration, why string, last error, attempts int) error {
	var se *StatusError
	switch {
	case errors.As(last, &se):
		se.Attempts, se.TimeLimit = attempts, b.limit
		return se
	case last != nil:
		return &retryTooLateError{err: last, attempts: attempts, limit: b.limit}
	}
	return &timeLimitError{limit: b.limit, detail: fmt.Sprintf("the host's next turn is in %s (%s)", roundWait(wait), why)}
}

// backoff is exponential with "equal jitter": half fixed, half random, so
// many clients that failed together do not retry together.
func backoff(attempt int) time.Duration {
	d := backoffBase << (attempt - 1)
	if d > backoffMax || d <= 0 {
		d = backoffMax
	}
	half := d / 2
	return half + rand.N(half+1)
}

// handle interprets one response; it runs while the body is still open.
func (f *Fetcher) handle(resp *http.Response, u *url.URL, cached *cacheEntry, a *attempt) error {
	code := resp.StatusCode
	switch {
	case code == http.StatusNotModified && cached != nil:
		a.res = cached.response()
		return nil
	case isRedirect(code) && resp.Header.Get("Location") != "":
		next, err := u.Parse(resp.Header.Get("Location"))
		if err != nil {
			return fmt.Errorf("%w: bad redirect Location %q", ErrBadURL, resp.Header.Get("Location"))
		}
		a.next = next
		return nil
	case retryableStatus(code):
		a.retry = code
		a.retryAfter, a.hasAfter = parseRetryAfter(resp.Header.Get("Retry-After"), f.now())
		return nil
	case code < 200 || code > 299:
		return &StatusError{Code: code, URL: u.String(), Attempts: 1}
	}

	ctHeader := resp.Header.Get("Content-Type")
	mt := mediaType(ctHeader)
	if mt != "" {
		// Refuse before downloading: no point pulling a 50 MB PDF.
		if err := f.checkMediaType(mt); err != nil {
			return err
		}
	}
	body, err := readBody(resp, f.o.MaxBody, false)
	if err != nil {
		return err
	}
	if mt == "" {
		mt = mediaType(http.DetectContentType(body))
		if err := f.checkMediaType(mt); err != nil {
			return err
		}
	}
	text, cs, note := body, "", ""
	if !binaryMedia(mt) {
		var err error
		if text, cs, note, err = toUTF8(body, ctHeader, mt); err != nil {
			return err
		}
	}
	a.res = &Response{StatusCode: code, ContentType: mt, Charset: cs, CharsetNote: note, Body: text}
	f.cacheStore(u, resp.Header, a.res)
	return nil
}

// retryableStatus lists the statuses that say "try again later". A 500 is
// not among them: it usually means a broken page, not a busy server.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// parseRetryAfter reads delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second) // avoids overflow; anything this long is "too long" anyway
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// do sends one GET under the global concurrency limit and the URL's time
// limit, and hands the response to fn before closing its body. Transport
// failures come back as *netError, the time limit as *timeLimitError, and
// the caller's cancellation as the context's error.
func (f *Fetcher) do(ctx context.Context, b *budget, u *url.URL, hdr http.Header, fn func(*http.Response) error) error {
	queued := f.now()
	select {
	case f.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-f.sem }()
	b.pause(f.now().Sub(queued)) // behind requests to other hosts: not this URL's time

	actx, cancel := f.bounded(ctx, b)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	req.Header.Set("User-Agent", f.o.UserAgent)
	req.Header.Set("Accept", Accept)
	// Asking for gzip ourselves turns off net/http's transparent
	// decompression, so MaxBody can be applied to the decompressed bytes.
	req.Header.Set("Accept-Encoding", "gzip")

	resp, err := f.client.Do(req)
	if err == nil {
		err = fn(resp)
		// Drain a little so the connection can be reused, then close.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		_ = resp.Body.Close()
	}
	if err == nil {
		return nil
	}
	if actx.Err() != nil {
		return f.ctxError(ctx, actx, err)
	}
	var re *readError
	if errors.As(err, &re) {
		return classifyNetErr(re.err, u.Host)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return classifyNetErr(err, u.Host)
	}
	return err
}

// bounded returns ctx with a deadline where b's time limit runs out.
func (f *Fetcher) bounded(ctx context.Context, b *budget) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, b.left(f.now()), &timeLimitError{limit: b.limit})
}

// ctxError says why work under bctx (derived from ctx by bounded) stopped:
// the caller's cancellation, or the URL's time limit. Anything else is err.
func (f *Fetcher) ctxError(ctx, bctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var tl *timeLimitError
	if cause := context.Cause(bctx); errors.As(cause, &tl) {
		return cause
	}
	return err
}

// budget is one URL's time limit. It is kept on the Fetcher's clock
// (Options.Now), so that with a fake clock every wait is counted exactly;
// each network operation gets a real deadline for what is left. Only the
// goroutine running the Fetch touches it.
type budget struct {
	limit    time.Duration
	deadline time.Time
}

func (f *Fetcher) newBudget() *budget {
	return &budget{limit: f.o.Timeout, deadline: f.now().Add(f.o.Timeout)}
}

func (b *budget) left(now time.Time) time.Duration { return b.deadline.Sub(now) }

// pause moves the deadline by d: time spent queued behind other URLs'
// requests is theirs, not this URL's.
func (b *budget) pause(d time.Duration) {
	if d > 0 {
		b.deadline = b.deadline.Add(d)
	}
}

// hostFor returns the politeness state of u's origin, creating it.
func (f *Fetcher) hostFor(u *url.URL) *host {
	key := OriginKey(u)
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = newHost(f.o.PerHostDelay)
		f.hosts[key] = h
	}
	return h
}

// OriginKey is scheme://host:port with the default port made explicit, so
// http://x and http://x:80 share one robots.txt and one rate limit.
func OriginKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return u.Scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}
