// Package web is `exolint serve`: a page where a consumer pastes a product
// link, page text or an ingredient list and reads a verdict, and a JSON API
// that gives listing pipelines the same document object as `check --format
// json`. It is built to be exposed: URL checks refuse private addresses on
// the address actually dialed, every input and every stage has a limit,
// output is escaped by html/template, and the pages need no script, cookie
// or outside asset.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper/fetch"
)

// Options configure a Server. Zero values take the defaults below.
type Options struct {
	Version string // shown in the footer and the API's "tool"

	// AllowPrivate lets URL checks reach loopback, private and link-local
	// addresses, for use inside an intranet. Off, such URLs are refused.
	AllowPrivate bool

	MaxBody        int64         // request body and pasted input; default 2 MB
	FetchTimeout   time.Duration // fetching one page; default 20s
	RequestTimeout time.Duration // one whole check, queueing included; default 45s
	Workers        int           // checks at once; default 4
	Queue          int           // checks waiting for a worker; default 4 × Workers
	// RatePerMinute is how many checks one client address may start a
	// minute (with a burst of Burst); default 30 and 10; negative: no limit.
	RatePerMinute float64
	Burst         int

	// Fetch is the base of the page fetcher's options (User-Agent, delays,
	// test clocks); the server adds its timeout, size cap and, unless
	// AllowPrivate, the private-address refusal.
	Fetch fetch.Options

	Logger *slog.Logger // access log; default discards
}

// Defaults for the zero Options.
const (
	DefaultMaxBody        = 2 << 20
	DefaultFetchTimeout   = 20 * time.Second
	DefaultRequestTimeout = 45 * time.Second
	DefaultWorkers        = 4
	DefaultRatePerMinute  = 30
	DefaultBurst          = 10
)

func (o Options) withDefaults() Options {
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.FetchTimeout <= 0 {
		o.FetchTimeout = DefaultFetchTimeout
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.Queue <= 0 {
		o.Queue = 4 * o.Workers
	}
	if o.RatePerMinute == 0 {
		o.RatePerMinute = DefaultRatePerMinute
	}
	if o.Burst <= 0 {
		o.Burst = DefaultBurst
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	return o
}

// Server holds what the handlers share: the checker, the rule catalog, the
// templates and the per-client limits.
type Server struct {
	o       Options
	checker *checker
	catalog []*rules.Rule
	pages   *template.Template
	limiter *clientLimiter
	wording map[string]plainWording
	handler http.Handler
}

// New prepares a server: templates parsed, rules and ingredient data loaded.
func New(o Options) (*Server, error) {
	o = o.withDefaults()
	c, err := newChecker(o)
	if err != nil {
		return nil, err
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{o: o, checker: c, catalog: rules.Catalog(), pages: pages,
		limiter: newClientLimiter(o.RatePerMinute, o.Burst), wording: ruleWording()}
	s.handler = s.routes()
	return s, nil
}

// Handler is the whole site, with security headers and the access log.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /check", s.checkPage)
	mux.HandleFunc("POST /check", s.checkPage)
	mux.HandleFunc("GET /rules", s.rulesPage)
	mux.HandleFunc("GET /rules/{id}", s.rulePage)
	mux.HandleFunc("POST /api/check", s.apiCheck)
	mux.HandleFunc("GET /api/rules", s.apiRules)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/api/", s.apiNotFound)
	mux.HandleFunc("/", s.notFound)
	return s.accessLog(secureHeaders(mux))
}

// Serve answers on ln until ctx ends, then stops taking requests and lets
// those in flight finish (for up to the request timeout).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.o.RequestTimeout + 15*time.Second,
		IdleTimeout:       120 * time.Second,
		// Share links (/check?text=…) are at most maxShareURL long; longer
		// inputs are posted, so headers never need more than this.
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.o.Logger.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.o.Logger.Info("shutting down", "grace", s.o.RequestTimeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.o.RequestTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
