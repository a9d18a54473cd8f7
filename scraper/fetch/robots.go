package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

const (
	// robotsToken is the product token matched against User-agent lines.
	// It stays "exolint" even with a custom Options.UserAgent, so a site
	// that blocks exolint cannot be bypassed by renaming the client.
	robotsToken = "exolint"
	// RFC 9309 §2.5: parse at least 500 KiB; content past the limit is ignored.
	robotsMaxBytes = 512 << 10
	// RFC 9309 §2.3.1.2: follow at least five redirects.
	robotsMaxRedirects = 5
	// RFC 9309 §2.4: do not use a cached robots.txt for more than 24 hours.
	robotsTTL = 24 * time.Hour
	// A robots.txt that failed (5xx, unreachable) blocks the whole host, so
	// it is retried sooner than a good one is refreshed.
	robotsErrorTTL = 10 * time.Minute
)

// robotsEntry is the single-flight slot for one host's robots.txt: the first
// caller fetches, everyone else waits on ready.
type robotsEntry struct {
	ready     chan struct{}
	fetchedAt time.Time
	ttl       time.Duration
	policy    *robotsPolicy
	err       error // only a context error: the fetch was abandoned, not answered
}

// robotsPolicy is the parsed answer for one host.
type robotsPolicy struct {
	denyAll    string           // non-empty: every path is disallowed, and this says why
	group      *robotstxt.Group // nil means allow all
	rules      []robotsRule     // the same group's Allow/Disallow lines, for explanations
	crawlDelay time.Duration
	sitemaps   []string // Sitemap: lines, for any user agent
}

type robotsRule struct {
	allow bool
	line  string // as written, e.g. "Disallow: /products/"
	path  string
	re    *regexp.Regexp // anchored; nil when path has no wildcard
}

// check returns nil if path (escaped path plus "?query") may be fetched.
func (p *robotsPolicy) check(path string) error {
	if p.denyAll != "" {
		return fmt.Errorf("%w (%s)", ErrRobotsDisallowed, p.denyAll)
	}
	if p.group == nil || p.group.Test(path) {
		return nil
	}
	// temoto/robotstxt said no. Confirm with the RFC's own matching before
	// refusing: the library keeps the first of two equally long rules where
	// RFC 9309 §2.2.2 says Allow wins, and it does not anchor wildcard
	// patterns at the start of the path. The confirmation also finds the
	// rule to quote to the user.
	best, ok := longestMatch(p.rules, path)
	if !ok || best.allow {
		return nil
	}
	return fmt.Errorf("%w (rule %q)", ErrRobotsDisallowed, best.line)
}

// longestMatch implements RFC 9309 §2.2.2: the most specific (longest) rule
// wins, Allow on a tie.
func longestMatch(rules []robotsRule, path string) (robotsRule, bool) {
	var (
		best  robotsRule
		found bool
	)
	for _, r := range rules {
		var hit bool
		if r.re != nil {
			hit = r.re.MatchString(path)
		} else {
			hit = strings.HasPrefix(path, r.path)
		}
		if !hit {
			continue
		}
		if !found || len(r.path) > len(best.path) || (len(r.path) == len(best.path) && r.allow && !best.allow) {
			best, found = r, true
		}
	}
	return best, found
}

// robotsFor returns the policy for h, fetching robots.txt once per host
// (per TTL) no matter how many goroutines ask at the same time. The fetch
// counts against the time limit of the URL that makes it; waiting for
// another URL's fetch of the same file does not.
func (f *Fetcher) robotsFor(ctx context.Context, b *budget, origin *url.URL, h *host) (*robotsPolicy, error) {
	for {
		f.mu.Lock()
		e := h.robots
		if e != nil {
			select {
			case <-e.ready:
				if f.now().Sub(e.fetchedAt) >= e.ttl {
					e = nil
				}
			default:
			}
		}
		if e == nil {
			e = &robotsEntry{ready: make(chan struct{})}
			h.robots = e
			f.mu.Unlock()
			f.loadRobots(ctx, b, origin, e)
			close(e.ready)
			if e.err != nil {
				f.mu.Lock()
				if h.robots == e {
					h.robots = nil
				}
				f.mu.Unlock()
				return nil, e.err
			}
			h.raiseDelay(e.policy.crawlDelay, f.o.MaxCrawlDelay)
			return e.policy, nil
		}
		f.mu.Unlock()
		queued := f.now()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		b.pause(f.now().Sub(queued))
		if e.err != nil {
			// The goroutine that fetched gave up (its context ended or
			// its time ran out); ours is still alive, so try again.
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			continue
		}
		return e.policy, nil
	}
}

// loadRobots fills e. Outcomes follow RFC 9309 §2.3.1: 2xx is parsed, 4xx
// ("unavailable") allows everything, 5xx and network failure ("unreachable")
// disallow everything.
//
// Running out of the URL's time limit abandons the fetch like a cancelled
// caller does: the next URL tries again with its own time.
func (f *Fetcher) loadRobots(ctx context.Context, b *budget, origin *url.URL, e *robotsEntry) {
	e.ttl = robotsTTL
	deny := func(reason string) {
		e.ttl = robotsErrorTTL
		e.policy = &robotsPolicy{denyAll: reason}
	}
	u := &url.URL{Scheme: origin.Scheme, Host: origin.Host, Path: "/robots.txt"}
	for hops := 0; ; hops++ {
		var (
			status int
			loc    string
			body   []byte
		)
		err := f.do(ctx, b, u, nil, func(resp *http.Response) error {
			status = resp.StatusCode
			loc = resp.Header.Get("Location")
			if status < 200 || status > 299 {
				return nil
			}
			b, err := readBody(resp, robotsMaxBytes, true) // §2.5: ignore what is past the limit
			body = b
			return err
		})
		e.fetchedAt = f.now()
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				e.err = ctxErr
				return
			}
			if errors.Is(err, ErrPrivateAddress) {
				// Our refusal, not the site's answer: report it as such.
				e.err = err
				return
			}
			var tl *timeLimitError
			if errors.As(err, &tl) {
				e.err = fmt.Errorf("%w (fetching %s)", err, u)
				return
			}
			deny("robots.txt unreachable: " + Describe(err) + "; RFC 9309 treats that as disallow-all")
			return
		}
		switch {
		case isRedirect(status) && loc != "":
			next, perr := u.Parse(loc)
			if perr != nil || hops+1 > robotsMaxRedirects || (next.Scheme != "http" && next.Scheme != "https") {
				// §2.3.1.2: past five redirects the file counts as unavailable.
				e.policy = &robotsPolicy{}
				return
			}
			u = next
			continue
		case status == http.StatusTooManyRequests || status >= 500:
			// 429 is a 4xx, but it means "slow down", not "no file";
			// like major crawlers we treat it as a server error.
			deny("robots.txt returned HTTP " + strconv.Itoa(status) + "; RFC 9309 treats that as disallow-all")
			return
		case status >= 200 && status <= 299:
			e.policy = parseRobots(body)
			return
		default:
			e.policy = &robotsPolicy{} // 4xx and oddities: unavailable, allow all
			return
		}
	}
}

// parseRobots parses leniently: RFC 9309 asks crawlers to use whatever
// lines they can, while temoto/robotstxt rejects the whole file on, say, a
// Disallow before any User-agent. Such lines are dropped and the rest parsed.
func parseRobots(body []byte) *robotsPolicy {
	lines := scanRobots(body)
	data, err := robotstxt.FromBytes(renderRobots(lines))
	if err != nil {
		return &robotsPolicy{denyAll: "robots.txt could not be parsed: " + oneLine(err.Error())}
	}
	group := data.FindGroup(robotsToken)
	return &robotsPolicy{group: group, rules: groupRules(lines, robotsToken), crawlDelay: group.CrawlDelay, sitemaps: data.Sitemaps}
}

type robotsLine struct {
	key   string // lower-case field name
	value string
	raw   string // "Field: value" as written, comments stripped
}

// scanRobots splits robots.txt into field lines, dropping comments, blank
// lines, and group-member lines that appear before any User-agent.
func scanRobots(body []byte) []robotsLine {
	var (
		out     []robotsLine
		inGroup bool
	)
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	for _, l := range strings.FieldsFunc(string(body), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		written := strings.TrimSpace(k)
		k, v = strings.ToLower(written), strings.TrimSpace(v)
		switch k {
		case "user-agent", "useragent":
			inGroup = true
		case "allow", "disallow":
			if !inGroup {
				continue
			}
			v = normalizeEscapes(escapeNonASCII(v))
		case "crawl-delay", "crawldelay":
			d, err := strconv.ParseFloat(v, 64)
			if !inGroup || err != nil || d < 0 || d > 1e6 {
				continue
			}
		}
		out = append(out, robotsLine{key: k, value: v, raw: strings.TrimSpace(l)})
	}
	return out
}

func renderRobots(lines []robotsLine) []byte {
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.key)
		b.WriteString(": ")
		b.WriteString(l.value)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// groupRules returns the Allow/Disallow rules of the group temoto/robotstxt
// selects for token (the longest User-agent that prefixes it, else "*"),
// kept with their original text so a refusal can quote the rule.
func groupRules(lines []robotsLine, token string) []robotsRule {
	byAgent := map[string][]robotsRule{}
	var (
		agents    []string
		lastAgent bool
	)
	for _, l := range lines {
		switch l.key {
		case "user-agent", "useragent":
			if !lastAgent {
				agents = agents[:0]
			}
			agents = append(agents, strings.ToLower(l.value))
			lastAgent = true
			continue
		case "allow", "disallow":
			if l.value != "" {
				r := newRobotsRule(l)
				for _, a := range agents {
					byAgent[a] = append(byAgent[a], r)
				}
			}
		}
		lastAgent = false
	}
	chosen, n := "*", 0
	for a := range byAgent {
		if a != "*" && strings.HasPrefix(token, a) && len(a) > n {
			chosen, n = a, len(a)
		}
	}
	return byAgent[chosen]
}

func newRobotsRule(l robotsLine) robotsRule {
	p := l.value
	if !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "*") {
		p = "/" + p
	}
	r := robotsRule{allow: l.key == "allow", line: l.raw, path: p}
	if strings.ContainsAny(p, "*$") {
		expr := regexp.QuoteMeta(p)
		expr = strings.ReplaceAll(expr, `\*`, `.*`)
		if strings.HasSuffix(expr, `\$`) {
			expr = strings.TrimSuffix(expr, `\$`) + `$`
		}
		re, err := regexp.Compile("^" + expr)
		if err != nil {
			// Cannot happen after escapeNonASCII; never panic on a
			// stranger's file if it does. A nil re means plain prefix
			// matching, which only ever refuses too much.
			return r
		}
		r.re = re
	}
	return r
}

// escapeNonASCII percent-encodes bytes outside ASCII. RFC 9309 §2.2.2
// compares rules and paths in percent-encoded form, and our paths come from
// url.URL.EscapedPath, so "Disallow: /エ" must become "/%E3%82%A8". It also
// keeps invalid UTF-8 out of the regular expressions.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// robotsPath is what robots rules are matched against (RFC 9309 §2.2.2):
// the escaped path plus the query, with escapes normalised as the rules are.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return normalizeEscapes(p)
}

// normalizeEscapes brings a rule or a request path to one spelling before
// they are compared. RFC 9309 §2.2.2: a percent-encoded octet is decoded
// when it is an unreserved character (RFC 3986 §2.3: letters, digits and
// "-._~"), so "/%70rivate" and "/private" are the same path and an encoded
// letter cannot slip past "Disallow: /private". Other escapes stay encoded,
// since decoding "%2F" would change the path's structure; their hex digits
// are upper-cased ("%c3%a9" is "%C3%A9", RFC 3986 §6.2.2.1).
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			b.WriteByte(s[i])
			continue
		}
		c := unhex(s[i+1])<<4 | unhex(s[i+2])
		if isUnreserved(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
		i += 2
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
