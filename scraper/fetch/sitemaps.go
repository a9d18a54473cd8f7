package fetch

import (
	"context"
	"slices"
)

// checkMediaType refuses media types exolint cannot read, unless the
// Fetcher was told to accept them (ExtraMediaTypes).
func (f *Fetcher) checkMediaType(mt string) error {
	if slices.Contains(f.o.ExtraMediaTypes, mt) {
		return nil
	}
	return checkMediaType(mt)
}

// binaryMedia are types whose bytes must reach the caller as sent: no
// charset conversion.
func binaryMedia(mt string) bool {
	switch mt {
	case "application/gzip", "application/x-gzip", "application/octet-stream":
		return true
	}
	return false
}

// Sitemaps returns the Sitemap: lines of the robots.txt of rawURL's host,
// read through the same single-flight cache that guards every fetch. A
// robots.txt that cannot be had names none.
func (f *Fetcher) Sitemaps(ctx context.Context, rawURL string) ([]string, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	pol, err := f.robotsFor(ctx, f.newBudget(), u, f.hostFor(u))
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	return slices.Clone(pol.sitemaps), nil
}
