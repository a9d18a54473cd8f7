package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Sentinel errors. Every error returned by Fetch is an *Error wrapping one of
// these (or a context error), so callers branch with errors.Is and never on
// message text.
var (
	ErrBadURL                 = errors.New("bad URL")
	ErrRobotsDisallowed       = errors.New("disallowed by robots.txt")
	ErrTooLarge               = errors.New("response body too large")
	ErrTooManyRedirects       = errors.New("too many redirects")
	ErrRedirectLoop           = errors.New("redirect loop")
	ErrInsecureRedirect       = errors.New("insecure redirect refused")
	ErrUnsupportedContentType = errors.New("unsupported content type")
	ErrUnsupportedEncoding    = errors.New("unsupported content encoding")
	ErrHTTPStatus             = errors.New("unexpected HTTP status")
	ErrTimeout                = errors.New("timed out")
	ErrNetwork                = errors.New("network error")
)

// Error is the error type returned by Fetch: the URL as the caller gave it,
// and the reason. Its message is one line: "fetch <url>: <reason>".
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// StatusError reports a final response whose status is not 2xx. URL is the
// address that answered (after redirects), which may differ from Error.URL.
type StatusError struct {
	Code int
	URL  string
	// Attempts is how many requests were made; more than one means the
	// status was retryable and the retries ran out.
	Attempts int
	// RetryAfter is set when the server asked us to wait longer than we are
	// willing to, which is why we gave up early.
	RetryAfter time.Duration
	// MaxWait is the limit RetryAfter exceeded, for the message.
	MaxWait time.Duration
	// TimeLimit is set when the next retry (after RetryAfter, or after our
	// own backoff when RetryAfter is 0) would have ended past the URL's
	// time limit, which is why we gave up. The error then also matches
	// ErrTimeout.
	TimeLimit time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("HTTP %d", e.Code)
	if t := http.StatusText(e.Code); t != "" {
		msg += " " + t
	}
	var gaveUp string
	if e.Attempts > 1 {
		gaveUp = fmt.Sprintf("gave up after %d attempts", e.Attempts)
	}
	switch {
	case e.TimeLimit > 0 && e.RetryAfter > 0:
		msg += " (" + joinNonEmpty(": ", gaveUp, fmt.Sprintf("server asked to retry after %s, past the %s time limit", e.RetryAfter, e.TimeLimit)) + ")"
	case e.TimeLimit > 0:
		msg += " (" + joinNonEmpty(": ", gaveUp, fmt.Sprintf("the next retry would pass the %s time limit", e.TimeLimit)) + ")"
	case e.RetryAfter > 0:
		msg += fmt.Sprintf(" (server asked to retry after %s, more than the %s limit)", e.RetryAfter, e.MaxWait)
	case gaveUp != "" && retryableStatus(e.Code):
		msg += " (" + gaveUp + ")"
	}
	return msg
}

// Is makes errors.Is(err, ErrHTTPStatus) true for any *StatusError, and
// errors.Is(err, ErrTimeout) when the time limit is why we stopped.
func (e *StatusError) Is(target error) bool {
	return target == ErrHTTPStatus || (e.TimeLimit > 0 && target == ErrTimeout)
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// timeLimitError is a URL running out of its time limit (Options.Timeout):
// "timed out after 30s" when the limit passed during a request, or, when a
// wait would have ended past it and we gave up at once, what the wait was.
// It is also the cancel cause of the contexts bounded by the limit.
type timeLimitError struct {
	limit  time.Duration
	detail string // the wait we refused; "" when the time ran out
}

func (e *timeLimitError) Error() string {
	if e.detail != "" {
		return fmt.Sprintf("%s, past the %s time limit", e.detail, e.limit)
	}
	return fmt.Sprintf("%s after %s", ErrTimeout, e.limit)
}

func (e *timeLimitError) Is(target error) bool { return target == ErrTimeout }

// retryTooLateError is a transient failure we would have retried, had the
// retry fitted in the URL's time limit.
type retryTooLateError struct {
	err      error
	attempts int
	limit    time.Duration
}

func (e *retryTooLateError) Error() string {
	n := "1 attempt"
	if e.attempts != 1 {
		n = fmt.Sprintf("%d attempts", e.attempts)
	}
	return fmt.Sprintf("%s (gave up after %s: the next retry would pass the %s time limit)", e.err, n, e.limit)
}

func (e *retryTooLateError) Unwrap() error { return e.err }

func (e *retryTooLateError) Is(target error) bool { return target == ErrTimeout }

// roundWait shows a wait the way people read it: whole seconds from one
// second up.
func roundWait(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}

// netError gives a transport failure a short, user-readable message while
// keeping the underlying error reachable with errors.As (e.g. *net.OpError).
type netError struct {
	msg       string
	err       error
	transient bool // a retry might succeed (reset connection, connect timeout)
	timeout   bool // also matches ErrTimeout
}

func (e *netError) Error() string { return e.msg }

func (e *netError) Unwrap() error { return e.err }

func (e *netError) Is(target error) bool {
	return target == ErrNetwork || (e.timeout && target == ErrTimeout)
}

// Describe returns a short one-line reason for an error from Fetch, without
// the "fetch <url>:" prefix, for places that already show the URL (such as
// the per-document "error" field of the JSON report).
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var fe *Error
	if errors.As(err, &fe) {
		err = fe.Err
	}
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ErrTimeout):
		return "deadline exceeded"
	}
	return oneLine(err.Error())
}

// oneLine guards the one-line promise against messages from other packages
// (robots.txt parse errors, for instance, contain newlines).
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const maxLen = 300
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return s
}

// classifyNetErr turns an error from http.Client.Do or a body read into a
// short message and says whether a retry might help.
func classifyNetErr(err error, host string) *netError {
	var (
		dnsErr  *net.DNSError
		certErr *tls.CertificateVerificationError
		unkAuth x509.UnknownAuthorityError
		hostErr x509.HostnameError
	)
	switch {
	case errors.Is(err, ErrPrivateAddress):
		var pe *privateAddrError
		msg := "refused to connect to " + host
		if errors.As(err, &pe) {
			msg += ": " + pe.reason
		}
		return &netError{msg: msg, err: err}
	case errors.As(err, &dnsErr):
		msg := "cannot resolve host " + dnsErr.Name
		if dnsErr.IsNotFound {
			msg += ": no such host"
		}
		return &netError{msg: msg, err: err, transient: dnsErr.IsTemporary || dnsErr.IsTimeout}
	case errors.As(err, &certErr), errors.As(err, &unkAuth), errors.As(err, &hostErr):
		return &netError{msg: "TLS certificate of " + host + " not trusted", err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &netError{msg: "connection to " + host + " refused", err: err}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNABORTED),
		errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &netError{msg: "connection to " + host + " closed unexpectedly", err: err, transient: true}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		// Only the dial can time out here (our own per-request timeout is a
		// context deadline and is handled before this), so this is a connect
		// timeout: often transient.
		return &netError{msg: "connecting to " + host + " timed out", err: err, transient: true, timeout: true}
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Err != nil {
		return &netError{msg: "network error talking to " + host + ": " + opErr.Err.Error(), err: err}
	}
	return &netError{msg: "network error talking to " + host + ": " + unwrapURLError(err).Error(), err: err}
}

// unwrapURLError drops net/http's `Get "url":` prefix, which repeats the URL
// our own Error already carries.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}
