package web

import (
	"context"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// contentSecurityPolicy allows the site's own stylesheet and nothing else:
// no script at all, no frames, forms only to this site.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		// A shared /check?text=… link carries the pasted text: never send
		// it on to the sites the page links to.
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// logFields are what a handler adds to its access-log line: never the
// pasted text or the page, only what kind of input it was and which host
// a URL named.
type logFields struct {
	kind, host, code string
}

type logKey struct{}

func fieldsOf(r *http.Request) *logFields {
	if f, ok := r.Context().Value(logKey{}).(*logFields); ok {
		return f
	}
	return &logFields{}
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// accessLog writes one structured line per request: method, path (never
// the query, which can carry pasted text), status, size, time, client.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		f := &logFields{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), logKey{}, f)))
		path := r.URL.Path
		if len(path) > 200 {
			path = path[:200] + "…"
		}
		attrs := []slog.Attr{
			slog.String("method", r.Method), slog.String("path", path), slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes), slog.Duration("duration", time.Since(start)), slog.String("client", clientKey(r)),
		}
		if f.kind != "" {
			attrs = append(attrs, slog.String("input", f.kind))
		}
		if f.host != "" {
			attrs = append(attrs, slog.String("host", f.host))
		}
		if f.code != "" {
			attrs = append(attrs, slog.String("error", f.code))
		}
		s.o.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}

// clientKey identifies a client for rate limiting and the log: its IP
// address, or for IPv6 its /64, which one household or host usually holds
// whole.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// clientLimiter keeps one token bucket per client, forgetting clients idle
// for a while so memory stays bounded however many addresses call.
type clientLimiter struct {
	perSec float64
	burst  int

	mu      sync.Mutex
	clients map[string]*clientBucket
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

const (
	maxTrackedClients = 10000
	clientIdle        = 10 * time.Minute
)

func newClientLimiter(perMinute float64, burst int) *clientLimiter {
	if perMinute < 0 {
		return nil
	}
	return &clientLimiter{perSec: perMinute / 60, burst: burst, clients: map[string]*clientBucket{}}
}

// allow takes a token for the client, or says how long to wait for one.
func (l *clientLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.clients[key]
	if b == nil {
		if len(l.clients) >= maxTrackedClients {
			for k, c := range l.clients {
				if now.Sub(c.seen) > clientIdle {
					delete(l.clients, k)
				}
			}
			if len(l.clients) >= maxTrackedClients {
				// Under a flood of fresh addresses start over rather than
				// grow: a bucket forgotten is a burst allowed, no more.
				clear(l.clients)
			}
		}
		b = &clientBucket{lim: rate.NewLimiter(rate.Limit(l.perSec), l.burst)}
		l.clients[key] = b
	}
	b.seen = now
	res := b.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

// rateLimit answers 429 with Retry-After when the client is over its rate.
func (s *Server) rateLimit(w http.ResponseWriter, r *http.Request) *apiError {
	ok, wait := s.limiter.allow(clientKey(r), time.Now())
	if ok {
		return nil
	}
	secs := int(math.Ceil(wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return &apiError{Status: http.StatusTooManyRequests, Code: codeRateLimited,
		Reason: "too many checks from your address; try again in " + strconv.Itoa(secs) + " seconds"}
}
