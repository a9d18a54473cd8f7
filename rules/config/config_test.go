package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
)

func known() []*rules.Rule { return append(rules.All(), rules.PolicyRules()...) }

func TestStarterParses(t *testing.T) {
	c, err := Parse("starter.yml", []byte(Starter), known())
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOnLevel == nil || *c.FailOnLevel != rules.Warning {
		t.Fatalf("fail-on: %v", c.FailOnLevel)
	}
	if got := c.Origin("fail-on"); !strings.HasPrefix(got, "starter.yml:") {
		t.Fatalf("origin %q", got)
	}
}

func TestParse(t *testing.T) {
	data := "markets: us,eu\nfail-on: error\nmin-severity: warning\nrules:\n  hype-wording: off\n  approval-claim: info\nterms:\n  avoid:\n    - phrase: miracle\n      message: banned\n      replacement: remarkable\n  allow: [ExoGlow]\n"
	c, err := Parse("x.yml", []byte(data), known())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.MarketList) != 2 || *c.FailOnLevel != rules.Error || *c.MinLevel != rules.Warning {
		t.Fatalf("%+v", c)
	}
	if c.RuleSeverity["hype-wording"] != rules.Off || c.RuleSeverity["approval-claim"] != rules.Info {
		t.Fatalf("rules %v", c.RuleSeverity)
	}
	if c.Lines["rules.approval-claim"] != 6 || c.Origin("markets") != "x.yml:1" {
		t.Fatalf("lines %v", c.Lines)
	}
	if len(c.Terms.Avoid) != 1 || c.AvoidSeverity[0] != rules.Warning || c.Terms.Allow[0] != "ExoGlow" {
		t.Fatalf("terms %+v", c.Terms)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"fial-on: error\n", `x.yml:1:1: unknown key "fial-on"; did you mean "fail-on"?`},
		{"markets: us\nrules:\n  hype-wodring: error\n", `x.yml:3: rules: unknown rule "hype-wodring"; did you mean "hype-wording"?`},
		{"fail-on: sometimes\n", `x.yml:1: fail-on: unknown severity "sometimes"`},
		{"markets: [us, mars]\n", `x.yml:1: markets: unknown market`},
		{"rules:\n  hype-wording: loud\n", `x.yml:2: rules.hype-wording: unknown severity`},
		{"terms:\n  avoid:\n    - phrase: x\n      mesage: y\n", `x.yml:4:7: unknown key "mesage"; did you mean "message"?`},
		{"fail-on: [\n", `x.yml:1:`},
		{"exclude: ['[']\n", `x.yml:1: exclude: bad pattern`},
	} {
		_, err := Parse("x.yml", []byte(tc.data), known())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.data, err, tc.want)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v is not ErrInvalid", tc.data, err)
		}
	}
}

func TestEmpty(t *testing.T) {
	c, err := Parse("x.yml", []byte("# nothing\n"), known())
	if err != nil || c.FailOnLevel != nil {
		t.Fatal(c, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(Starter))
	f.Add([]byte("fail-on: error\nrules:\n  hype-wording: off\n"))
	f.Add([]byte("terms:\n  avoid:\n    - phrase: x\n"))
	f.Add([]byte("markets: [us, {a: b}]\n"))
	ks := known()
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yml", data, ks)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Fatalf("error %v is not ErrInvalid", err)
		}
	})
}

// Suppressions files come from users (and from tools that write them): the
// parser may refuse, never panic, and every refusal is one line.
func FuzzParseSuppressions(f *testing.F) {
	f.Add([]byte("suppressions:\n  - url: https://shop.example/p\n    rule: hype-wording\n    reason: quoted\n    expires: 2027-01-31\n"))
	f.Add([]byte("suppressions:\n  - product: \"0123456789012\"\n    rule: drug-claim\n    match: heals\n    reason: x\n"))
	f.Add([]byte("suppressions: [ {url: a, rule: x, reason: y}, 3, [1] ]\n"))
	f.Add([]byte("suppressions:\n  - url: a\n    rule: hype-wording\n    reason: r\n    expires: 31/01/2027\n"))
	ks := known()
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, err := ParseSuppressions("s.yml", data, ks)
		if err != nil {
			if strings.Contains(err.Error(), "\n") && !strings.Contains(string(data), "\n") {
				t.Fatalf("multi-line error for one-line input: %q", err)
			}
			return
		}
		for _, s := range ss {
			if s.Rule == "" || strings.TrimSpace(s.Reason) == "" || (s.URL == "" && s.Product == "") {
				t.Fatalf("accepted an incomplete suppression: %+v", s)
			}
		}
	})
}
