package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrPrivateAddress means a URL's host is, or resolves to, an address a
// server fetching pages for other people must not reach: loopback, private
// networks, link-local (cloud metadata lives at 169.254.169.254), multicast,
// unspecified and reserved ranges. See RefusePrivate.
var ErrPrivateAddress = errors.New("private address refused")

// nonPublicPrefixes are the ranges the netip predicates do not cover. Each
// is either not routable on the public internet or reaches something other
// than a web site.
func nonPublicPrefixes() []struct {
	prefix netip.Prefix
	what   string
} {
	return []struct {
		prefix netip.Prefix
		what   string
	}{
		{netip.MustParsePrefix("0.0.0.0/8"), `a "this network"`},
		{netip.MustParsePrefix("100.64.0.0/10"), "a shared (carrier-grade NAT)"},
		{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol"},
		{netip.MustParsePrefix("192.0.2.0/24"), "a documentation"},
		{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking"},
		{netip.MustParsePrefix("198.51.100.0/24"), "a documentation"},
		{netip.MustParsePrefix("203.0.113.0/24"), "a documentation"},
		{netip.MustParsePrefix("240.0.0.0/4"), "a reserved"}, // and 255.255.255.255
		{netip.MustParsePrefix("::/96"), "an IPv4-compatible (deprecated)"},
		{netip.MustParsePrefix("100::/64"), "a discard-only"},
		{netip.MustParsePrefix("2001:db8::/32"), "a documentation"},
		{netip.MustParsePrefix("fec0::/10"), "a site-local"},
	}
}

// embeddedIPv4 returns the IPv4 address a NAT64 (64:ff9b::/96) or 6to4
// (2002::/16) address carries: a gateway may forward to it, so it is
// judged too.
func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	b := ip.As16()
	switch {
	case netip.MustParsePrefix("64:ff9b::/96").Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case netip.MustParsePrefix("2002::/16").Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// CheckAddr returns an error wrapping ErrPrivateAddress when ip is not a
// public unicast address, and nil when it is. IPv4-mapped IPv6 addresses
// (::ffff:127.0.0.1) are judged as the IPv4 address they carry. It never
// touches the network.
func CheckAddr(ip netip.Addr) error {
	ip = ip.Unmap().WithZone("")
	what := ""
	switch {
	case !ip.IsValid():
		return refused("no address")
	case ip.IsUnspecified():
		what = "an unspecified"
	case ip.IsLoopback():
		what = "a loopback"
	case ip.IsPrivate():
		what = "a private-network"
	case ip.IsLinkLocalUnicast():
		what = "a link-local"
	case ip.IsMulticast():
		what = "a multicast"
	}
	if what == "" {
		for _, p := range nonPublicPrefixes() {
			if p.prefix.Contains(ip) {
				what = p.what
				break
			}
		}
	}
	if v4, ok := embeddedIPv4(ip); ok && what == "" {
		if err := CheckAddr(v4); err != nil {
			return refused("%s embeds %s", ip, v4)
		}
	}
	if what != "" {
		return refused("%s is %s address", ip, what)
	}
	return nil
}

// CheckHost judges a URL's host before any lookup: an IP literal (IPv6 in
// brackets or not, IPv4-mapped, or the legacy decimal, octal and hex IPv4
// forms such as 2130706433 and 0177.0.0.1 that resolvers accept), or the
// name localhost. Other names pass; RefusePrivate judges what they resolve
// to. It never touches the network.
func CheckHost(host string) error {
	h := strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		// RFC 6761: always the loopback interface.
		return refused("%s is a loopback name", host)
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return CheckAddr(ip)
	}
	if ip, ok := legacyIPv4(h); ok {
		return CheckAddr(ip)
	}
	return nil
}

// CheckURL checks a URL a server is asked to fetch: http or https only, a
// host, and CheckHost. Errors wrap ErrBadURL or ErrPrivateAddress.
func CheckURL(raw string) error {
	u, err := parseURL(raw)
	if err != nil {
		return err
	}
	return CheckHost(u.Hostname())
}

// legacyIPv4 parses the forms inet_aton accepts besides the dotted quad:
// one to four parts, each decimal, octal (leading 0) or hex (0x); the last
// part fills the remaining bytes ("127.1" is 127.0.0.1, "2130706433" is
// 127.0.0.1). Resolvers on some systems turn these into addresses without
// asking DNS, so they must be judged as the address they denote.
func legacyIPv4(h string) (netip.Addr, bool) {
	parts := strings.Split(h, ".")
	if len(parts) > 4 || h == "" {
		return netip.Addr{}, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case strings.HasPrefix(p, "0x") || strings.HasPrefix(p, "0X"):
			base, digits = 16, p[2:]
			if digits == "" {
				digits = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil || p == "" {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	var n uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 0xff {
			return netip.Addr{}, false
		}
		n |= v << (24 - 8*uint(i))
	}
	last := vals[len(vals)-1]
	if last >= 1<<(32-8*uint(len(vals)-1)) {
		return netip.Addr{}, false
	}
	n |= last
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}

// RefusePrivate is a net.Dialer Control function (and an
// Options.DialControl) that refuses to connect to any address CheckAddr
// refuses. It sees the address actually dialed, after DNS, so a public
// name that resolves to a private address, a DNS answer that changes
// between checks (rebinding) and a redirect to a private address are all
// refused.
func RefusePrivate(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		host, _, splitErr := net.SplitHostPort(address)
		ip, perr := netip.ParseAddr(host)
		if splitErr != nil || perr != nil {
			return refused("cannot tell what address %q is", address)
		}
		return CheckAddr(ip)
	}
	return CheckAddr(ap.Addr())
}

// controlledTransport returns a copy of rt whose connections go through
// o.DialControl and o.Resolver, with no proxy. A transport that is not an
// *http.Transport cannot be changed, so every request through it fails:
// a check that was asked for is never skipped silently.
func controlledTransport(rt http.RoundTripper, o Options) http.RoundTripper {
	var t *http.Transport
	switch v := rt.(type) {
	case nil:
		t = newTransport(o.ConnectTimeout)
	case *http.Transport:
		t = v.Clone()
	default:
		return refuseAll{}
	}
	d := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second, Control: o.DialControl, Resolver: o.Resolver}
	t.DialContext = d.DialContext
	t.Proxy = nil
	return t
}

type refuseAll struct{}

func (refuseAll) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, refused("DialControl needs the client's Transport to be an *http.Transport")
}

// privateAddrError says which address was refused and why; errors.Is
// matches it to ErrPrivateAddress.
type privateAddrError struct{ reason string }

func (e *privateAddrError) Error() string { return ErrPrivateAddress.Error() + ": " + e.reason }

func (e *privateAddrError) Is(target error) bool { return target == ErrPrivateAddress }

func refused(format string, args ...any) error {
	return &privateAddrError{reason: fmt.Sprintf(format, args...)}
}
