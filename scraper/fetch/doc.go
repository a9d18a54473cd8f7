// Package fetch downloads product pages politely and hands them back as
// UTF-8 text. It imports nothing from the rest of exolint.
//
// # Polite by default
//
// The zero Options give a well-behaved crawler; every limit is on unless
// switched off explicitly. This is the opposite of colly, whose defaults
// ignore robots.txt.
//
//   - Identification: every request, robots.txt included, carries
//     "User-Agent: exolint/<version> (+https://github.com/exolint/exolint)",
//     so a site owner can find out who we are and how to reach us.
//   - robots.txt (RFC 9309) is fetched once per origin (scheme, host and
//     port) and per Fetcher, by one goroutine however many ask, and kept for
//     24 hours. Rules are matched for the product token "exolint": the
//     longest matching rule wins and Allow wins a tie. A 4xx robots.txt means
//     "no rules"; a 5xx, a 429 or an unreachable one means "disallow
//     everything" (§2.3.1.4) and is retried after 10 minutes. Up to five
//     redirects are followed.
//   - Rate: one request in flight per origin, and PerHostDelay (1s) between
//     the end of one request and the start of the next. A Crawl-delay in
//     robots.txt raises the delay, never lowers it, and is capped at
//     MaxCrawlDelay (10s, so at least six requests a minute): a site asking
//     for "Crawl-delay: 3600" would otherwise stall a run for an hour per
//     URL. Measuring from the end of the previous request means a slow
//     server gets fewer requests. Fetching robots.txt itself does not wait
//     for the delay, so checking a single URL is not slowed down.
//   - MaxConcurrent (4) requests in flight across all hosts. A request
//     waiting for its host's delay does not hold one of these slots, so a
//     slow host does not stall the others.
//   - Retries (3) only where a retry can help: 429, 502, 503, 504, a
//     connection reset, a connect timeout. A 500 is not retried: it usually
//     means a broken page, not a busy server. Backoff is exponential (2s,
//     4s, 8s, capped at 30s) with jitter, or exactly what Retry-After asks
//     for. The wait applies to the whole host, not just the retried
//     request. A Retry-After longer than MaxRetryWait (60s) makes Fetch
//     give up at once rather than hang a run. A 404 is never retried.
//   - Time: Timeout (30s) is the limit for one URL, not for one request:
//     every attempt, backoff and Retry-After wait, redirect hop, the
//     robots.txt fetch and the host's politeness delay count against it.
//     A wait that would end past the limit is not started: Fetch fails at
//     once, saying what it would have waited for ("the host's next turn
//     is in 10s (robots.txt Crawl-delay, capped at 10s), past the 5s time
//     limit"). Time spent queued behind other URLs' requests (the host's
//     one slot, the MaxConcurrent slots, another URL's robots.txt fetch)
//     is not counted: it is their time, and it is bounded by their limits.
//     Work done on a URL after Fetch, such as rendering it in a browser,
//     takes what is left with WithTimeLeft, so one limit bounds the whole
//     URL. ConnectTimeout (10s) bounds each connection attempt as well.
//   - Size: MaxBody (10 MiB). We ask for gzip and decompress ourselves so
//     that MaxBody counts decompressed bytes: a small gzip bomb is refused
//     with ErrTooLarge.
//   - Redirects: at most MaxRedirects (10); a loop is reported as a loop;
//     https -> http is refused. Every hop is checked against its own host's
//     robots.txt and rate limit.
//   - Content: only HTML, XHTML, plain text, Markdown and JSON are read; a
//     PDF or an image is refused before its body is downloaded.
//
// # Charsets
//
// Bodies are converted to UTF-8. The source charset comes from, in order: a
// byte order mark, the Content-Type header, a <meta charset> or
// http-equiv tag (searched in the first 64 KiB, up to <body>), valid UTF-8,
// and finally golang.org/x/net/html/charset's guess (usually windows-1252).
// A BOM is trusted over the header, as browsers do (WHATWG Encoding).
// Response.Charset names what the body was converted from. Byte offsets
// computed later refer to the converted body, and a <meta charset> left in
// the body no longer describes it.
//
// # Cache
//
// With CacheDir set, responses that have an ETag or Last-Modified are kept
// (one JSON file per URL) and revalidated with If-None-Match /
// If-Modified-Since; on 304 the cached body is returned with FromCache set.
// The cache is best effort: unreadable entries are misses.
//
// # Errors
//
// Every error from Fetch is an *Error whose message is one line, such as
//
//	fetch https://shop.example/products/x: disallowed by robots.txt (rule "Disallow: /products/")
//
// Test for causes with errors.Is and the Err* sentinels (ErrHTTPStatus
// matches any *StatusError; use errors.As for its Code; ErrTimeout matches
// every failure caused by the time limit, including a refused wait).
// Describe gives the reason without the URL.
//
// # Testing
//
// Options.Sleep and Options.Now replace the clock, so tests of delays,
// backoff and Retry-After run instantly and assert the waits requested.
package fetch
