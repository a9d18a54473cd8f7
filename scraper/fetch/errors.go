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
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("HTTP %d", e.Code)
	if t := http.StatusText(e.Code); t != "" {
		msg += " " + t
	}
	switch {
	case e.RetryAfter > 0:
		msg += fmt.Sprintf(" (server asked to retry after %s, more than the %s limit)", e.RetryAfter, e.MaxWait)
	case e.Attempts > 1 && retryableStatus(e.Code):
		msg += fmt.Sprintf(" (gave up after %d attempts)", e.Attempts)
	}
	return msg
}

// Is makes errors.Is(err, ErrHTTPStatus) true for any *StatusError.
func (e *StatusError) Is(target error) bool { return target == ErrHTTPStatus }

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
