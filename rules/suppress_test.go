package rules

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper"
)

func TestParseDirective(t *testing.T) {
	for _, tc := range []struct {
		text    string
		ok      bool
		want    Directive
		wantErr string
	}{
		{" just a comment ", false, Directive{}, ""},
		{" exolint-disable-next-line hype-wording -- quoted review ", true, Directive{Kind: DisableNextLine, Rules: []string{"hype-wording"}, Reason: "quoted review"}, ""},
		{"exolint-disable a,b c -- r", true, Directive{Kind: Disable, Rules: []string{"a", "b", "c"}, Reason: "r"}, ""},
		{"exolint-enable a", true, Directive{Kind: Enable, Rules: []string{"a"}}, ""},
		{"exolint-disable-line a", true, Directive{}, "needs a reason"},
		{"exolint-disable-line a --  ", true, Directive{}, "needs a reason"},
		{"exolint-disable -- r", true, Directive{}, "names no rule"},
		{"exolint-disabel a -- r", true, Directive{}, "unknown directive"},
	} {
		d, ok, err := ParseDirective(tc.text)
		if ok != tc.ok {
			t.Errorf("%q: ok %v", tc.text, ok)
		}
		if tc.wantErr != "" {
			if err == nil || !errors.Is(err, ErrBadDirective) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err %v, want %q", tc.text, err, tc.wantErr)
			}
			continue
		}
		if err != nil || d.Kind != tc.want.Kind || d.Reason != tc.want.Reason || strings.Join(d.Rules, " ") != strings.Join(tc.want.Rules, " ") {
			t.Errorf("%q: got %+v, %v", tc.text, d, err)
		}
	}
}

func TestSuppressionComments(t *testing.T) {
	src := `<p>A revolutionary cream</p>
<!-- exolint-disable-next-line hype-wording -- quoted from the award citation -->
<p>A revolutionary cream</p>
<p>A revolutionary cream</p> <!-- exolint-disable-line hype-wording -- ok -->
<!-- exolint-disable hype-wording -- legacy page -->
<p>A revolutionary cream</p>
<!-- exolint-enable hype-wording -->
<p>Plain cream</p> <!-- exolint-disable-line hype-wording -- nothing here -->
<!-- exolint-disable-line hype-wodring -- typo -->
<!-- exolint-disable-line hype-wording -->
`
	doc := scraper.NewReader().ReadHTML("x.html", []byte(src))
	e, err := NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.SetPolicy(&Policy{Known: append(All(), PolicyRules()...)})
	res := e.Check(doc)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+"@"+strconv.Itoa(f.Start.Line))
	}
	want := "hype-wording@1 unused-suppression@8 bad-suppression@9 bad-suppression@10"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %v\nwant %s", got, want)
	}
	if !strings.Contains(res.Findings[2].Message, `did you mean "hype-wording"`) {
		t.Errorf("no did-you-mean: %s", res.Findings[2].Message)
	}
}

func TestAllowAndBrandTerms(t *testing.T) {
	doc := scraper.NewReader().ReadHTML("x.html", []byte("<p>Miracle Glow Serum is a miracle.</p>\n<p>A revolutionary cream</p>"))
	rs := append(All(), BrandTerms([]AvoidTerm{{Phrase: "miracle", Replacement: "remarkable", Severity: Error}}))
	e, err := NewEngine(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.SetPolicy(&Policy{Known: rs, Allow: []string{"Miracle Glow Serum"}, Severity: map[string]Severity{"hype-wording": Off}})
	res := e.Check(doc)
	if len(res.Findings) != 1 || res.Findings[0].Rule != BrandTermID || res.Findings[0].Severity != Error ||
		res.Findings[0].Start.Column != 28 || res.Findings[0].Suggestion != "remarkable" {
		t.Fatalf("%+v", res.Findings)
	}
}

func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{"exolint-disable a -- b", "exolint-enable", "exolint-", "exolint-disable-line --", " exolint-disable-next-line a,,b -- r "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok, err := ParseDirective(s)
		if err != nil && (!ok || !errors.Is(err, ErrBadDirective)) {
			t.Fatalf("%q: ok %v err %v", s, ok, err)
		}
		if err == nil && ok && len(d.Rules) == 0 {
			t.Fatalf("%q: directive without rules", s)
		}
	})
}
