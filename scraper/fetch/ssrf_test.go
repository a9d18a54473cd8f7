package fetch_test

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/exolint/exolint/scraper/fetch"
)

// The address checks are pure functions: none of these cases dials or
// looks anything up.
func TestCheckURLRefusesNonPublicAddresses(t *testing.T) {
	refused := []string{
		"http://127.0.0.1/",
		"http://127.8.9.10:8080/x",
		"http://[::1]/",
		"http://10.0.0.1/",
		"http://10.255.255.255/",
		"http://172.16.0.1/",
		"http://172.31.255.254/",
		"http://192.168.1.1/",
		"http://100.64.0.1/",
		"http://100.127.255.255/",
		"http://169.254.169.254/latest/meta-data/",
		"http://[fe80::1]/",
		"http://[fe80::1%25eth0]/",
		"http://[fc00::1]/",
		"http://[fd12:3456::1]/",
		"http://[::ffff:127.0.0.1]/",
		"http://[::ffff:7f00:1]/",
		"http://[::ffff:169.254.169.254]/",
		"http://[::ffff:10.0.0.1]/",
		"http://0.0.0.0/",
		"http://[::]/",
		"http://0/",
		"http://2130706433/",      // decimal 127.0.0.1
		"http://0177.0.0.1/",      // octal
		"http://0x7f.0.0.1/",      // hex
		"http://0x7f000001/",      // hex, one part
		"http://127.1/",           // short form
		"http://017700000001/",    // octal, one part
		"http://3232235777/",      // 192.168.1.1
		"http://2852039166/",      // 169.254.169.254
		"http://localhost/",       // RFC 6761
		"http://LOCALHOST./",      // case and root dot
		"http://shop.localhost/",  // RFC 6761 subdomain
		"https://224.0.0.1/",      // multicast
		"http://[ff02::1]/",       // IPv6 multicast
		"http://255.255.255.255/", // broadcast
		"http://[64:ff9b::7f00:1]/",
		"http://[2002:7f00:1::]/",
		"http://[::127.0.0.1]/", // IPv4-compatible
	}
	for _, u := range refused {
		t.Run(u, func(t *testing.T) {
			err := fetch.CheckURL(u)
			if !errors.Is(err, fetch.ErrPrivateAddress) {
				t.Fatalf("CheckURL(%q) = %v, want ErrPrivateAddress", u, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message is not one line: %q", err)
			}
		})
	}
}

func TestCheckURLAllowsPublicAddressesAndNames(t *testing.T) {
	allowed := []string{
		"https://shop.example/serum",
		"http://93.184.215.14/",
		"http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/",
		"http://172.32.0.1/", // just past 172.16/12
		"http://100.128.0.1/",
		"http://11.0.0.1/",
		"http://1.1/",                        // 1.0.0.1
		"http://134744072/",                  // decimal 8.8.8.8
		"http://localhost.example/",          // a name, judged when dialed
		"http://127.0.0.1.nip.example/",      // ditto
		"http://0x7g.0.0.1/",                 // not a number: a name
		"http://999999999999999999999999/",   // too big for IPv4: a name
		"http://[64:ff9b::5db8:d70e]/",       // NAT64 of a public address
		"http://xn--exosm-0qa.example/serum", // punycode
	}
	for _, u := range allowed {
		if err := fetch.CheckURL(u); err != nil {
			t.Errorf("CheckURL(%q) = %v, want nil", u, err)
		}
	}
}

func TestCheckURLRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.com/", "//example.com/", "example.com"} {
		if err := fetch.CheckURL(u); !errors.Is(err, fetch.ErrBadURL) {
			t.Errorf("CheckURL(%q) = %v, want ErrBadURL", u, err)
		}
	}
}

func TestRefusePrivateJudgesTheDialedAddress(t *testing.T) {
	cases := map[string]bool{ // address -> refused
		"127.0.0.1:80":          true,
		"[::1]:443":             true,
		"[::ffff:127.0.0.1]:80": true,
		"10.1.2.3:8080":         true,
		"169.254.169.254:80":    true,
		"[fe80::1%eth0]:80":     true,
		"0.0.0.0:80":            true,
		"not-an-address":        true,
		"93.184.215.14:443":     false,
		"[2606:2800::1]:80":     false,
	}
	for addr, want := range cases {
		err := fetch.RefusePrivate("tcp", addr, nil)
		if got := errors.Is(err, fetch.ErrPrivateAddress); got != want {
			t.Errorf("RefusePrivate(%q) = %v, want refused=%v", addr, err, want)
		}
	}
}

// fakeResolver answers every A query with ip, over an in-memory pipe: no
// socket is opened, so nothing leaves the process.
func fakeResolver(ip netip.Addr) *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) {
		client, server := net.Pipe()
		go answerDNS(server, ip)
		return client, nil
	}}
}

// answerDNS speaks DNS over a stream (length-prefixed messages), which is
// what the Go resolver uses on a connection that is not a PacketConn.
func answerDNS(c net.Conn, ip netip.Addr) {
	defer func() { _ = c.Close() }()
	for {
		var n [2]byte
		if _, err := io.ReadFull(c, n[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(n[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		var p dnsmessage.Parser
		h, err := p.Start(msg)
		if err != nil {
			return
		}
		q, err := p.Question()
		if err != nil {
			return
		}
		b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired})
		_ = b.StartQuestions()
		_ = b.Question(q)
		_ = b.StartAnswers()
		if q.Type == dnsmessage.TypeA {
			_ = b.AResource(dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60}, dnsmessage.AResource{A: ip.As4()})
		}
		out, err := b.Finish()
		if err != nil {
			return
		}
		binary.BigEndian.PutUint16(n[:], uint16(len(out)))
		if _, err := c.Write(append(n[:], out...)); err != nil {
			return
		}
	}
}

// countingServer is a loopback test server that counts the requests it
// gets: a refused fetch must not reach it at all.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts, &hits
}

func TestRefusePrivateStopsANameThatResolvesToLoopback(t *testing.T) {
	ts, hits := countingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "<p>exosome serum</p>")
	})
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	f, _ := newFetcher(t, ts, func(o *fetch.Options) {
		o.Client = nil
		o.DialControl = fetch.RefusePrivate
		o.Resolver = fakeResolver(netip.MustParseAddr("127.0.0.1"))
	})
	// shop.example passes the pre-dial check (it is a name); only the
	// dialer sees that it resolves to loopback.
	raw := "http://shop.example:" + port + "/serum"
	if err := fetch.CheckURL(raw); err != nil {
		t.Fatalf("CheckURL(%q) = %v; the name itself must pass", raw, err)
	}
	_, err := f.Fetch(context.Background(), raw)
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("Fetch = %v, want ErrPrivateAddress", err)
	}
	if !strings.Contains(err.Error(), "127.0.0.1 is a loopback address") {
		t.Errorf("message %q does not say which address was refused", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server got %d requests; want none", n)
	}
}

func TestRefusePrivateStopsARedirectToLoopback(t *testing.T) {
	inner, innerHits := countingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "<p>internal admin page</p>")
	})
	outer, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/admin", http.StatusFound)
	})
	outerAddr := outer.Listener.Addr().String()
	f, _ := newFetcher(t, outer, func(o *fetch.Options) {
		o.IgnoreRobots = true
		// The outer server stands in for a public site: its one address is
		// let through, and every other is judged by RefusePrivate.
		o.DialControl = func(network, address string, c syscall.RawConn) error {
			if address == outerAddr {
				return nil
			}
			return fetch.RefusePrivate(network, address, c)
		}
	})
	_, err := f.Fetch(context.Background(), outer.URL+"/serum")
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("Fetch = %v, want ErrPrivateAddress", err)
	}
	if n := innerHits.Load(); n != 0 {
		t.Errorf("the redirect target got %d requests; want none", n)
	}
	var fe *fetch.Error
	if !errors.As(err, &fe) || fe.URL != outer.URL+"/serum" {
		t.Errorf("error %v does not name the URL asked for", err)
	}
}

func TestRefusePrivateCoversRobotsTxt(t *testing.T) {
	ts, hits := countingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "<p>exosome serum</p>")
	})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) { o.DialControl = fetch.RefusePrivate })
	_, err := f.Fetch(context.Background(), ts.URL+"/serum")
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("Fetch = %v, want ErrPrivateAddress (not a robots.txt verdict)", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests (robots.txt included); want none", n)
	}
}

func TestDialControlFailsClosedOnAnUnknownTransport(t *testing.T) {
	ts, hits := countingServer(t, func(w http.ResponseWriter, _ *http.Request) {})
	f, _ := newFetcher(t, ts, func(o *fetch.Options) {
		o.IgnoreRobots = true
		o.Client = &http.Client{Transport: roundTripFunc(http.DefaultTransport.RoundTrip)}
		o.DialControl = fetch.RefusePrivate
	})
	if _, err := f.Fetch(context.Background(), ts.URL); !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("Fetch = %v, want ErrPrivateAddress", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server got %d requests; want none", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Without DialControl nothing changes: loopback test servers are fetched
// as before (every other test in this package relies on it too).
func TestNoDialControlAllowsLoopback(t *testing.T) {
	ts, _ := countingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "<p>ok</p>")
	})
	f, _ := newFetcher(t, ts, nil)
	if _, err := f.Fetch(context.Background(), ts.URL); err != nil {
		t.Fatal(err)
	}
}
