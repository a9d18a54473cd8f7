package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

// Error codes the API returns; stable, like the JSON field names.
const (
	codeBadRequest     = "bad_request"     // 400: malformed or missing input
	codeBadURL         = "bad_url"         // 400: not an http(s) URL
	codePrivateAddress = "private_address" // 400: the URL leads to a private address
	codeNotFound       = "not_found"       // 404
	codeMethod         = "method_not_allowed"
	codeMediaType      = "unsupported_media_type" // 415: the body is not JSON
	codeTooLarge       = "too_large"              // 413: request or input over the limit
	codeUnreadable     = "unreadable"             // 422: fetched or pasted, but not readable as a page
	codeBusy           = "busy"                   // 429: the check queue is full
	codeRateLimited    = "rate_limited"           // 429: this client sent too many checks
	codeFetchFailed    = "fetch_failed"           // 502: the page could not be fetched
	codeTimeout        = "timeout"                // 504: the fetch or the whole check took too long
	codeInternal       = "internal"               // 500
)

// apiError is a failed request: an HTTP status, a stable code and a
// one-line reason a person can act on.
type apiError struct {
	Status int    `json:"-"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Reason }

func errBadRequest(reason string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: codeBadRequest, Reason: reason}
}

// classify turns an error from reading or fetching into an apiError.
func classify(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	reason := oneLine(err.Error())
	switch {
	case errors.Is(err, fetch.ErrPrivateAddress):
		return &apiError{Status: http.StatusBadRequest, Code: codePrivateAddress,
			Reason: strings.TrimPrefix(reason, "refused to connect to ") + "; this server only checks public web pages"}
	case errors.Is(err, fetch.ErrBadURL):
		return &apiError{Status: http.StatusBadRequest, Code: codeBadURL, Reason: reason}
	case errors.Is(err, fetch.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return &apiError{Status: http.StatusGatewayTimeout, Code: codeTimeout, Reason: "the check took too long: " + reason}
	case errors.Is(err, context.Canceled):
		return &apiError{Status: 499, Code: "canceled", Reason: "the request was canceled"}
	case errors.Is(err, fetch.ErrTooLarge), errors.Is(err, fetch.ErrUnsupportedContentType),
		errors.Is(err, fetch.ErrUnsupportedEncoding), errors.Is(err, scraper.ErrTooLarge),
		errors.Is(err, scraper.ErrInvalidUTF8), errors.Is(err, scraper.ErrFormat):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: codeUnreadable, Reason: reason}
	case errors.Is(err, fetch.ErrHTTPStatus), errors.Is(err, fetch.ErrNetwork), errors.Is(err, fetch.ErrRobotsDisallowed),
		errors.Is(err, fetch.ErrTooManyRedirects), errors.Is(err, fetch.ErrRedirectLoop), errors.Is(err, fetch.ErrInsecureRedirect):
		return &apiError{Status: http.StatusBadGateway, Code: codeFetchFailed, Reason: reason}
	}
	return &apiError{Status: http.StatusUnprocessableEntity, Code: codeUnreadable, Reason: reason}
}

// oneLine keeps a reason to one short line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// sizeString prints a byte limit the way the flags take it.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
