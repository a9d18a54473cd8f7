package inci

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and that every offset it returns
// lies inside the input, in order, and matches the text it reports.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Ingredients: Aqua (Water), Glycerin, 1,2-Hexanediol, Niacinamide 5%",
		"Talc, Mica [+/-: CI 77491, CI 77499]",
		"Serum: Aqua\nActivator: Sodium Ascorbyl Phosphate",
		"Aqua*, Glycerin**. *Organic **Natural origin",
		"전성분: 정제수, 글리세린",
		"全成分：水、グリセリン。",
		"((Aqua, [Glycerin)]", "*", ":", "+/-", "1.", "Alcohol Denat.", "4-(1-Phenylethyl)1,3-Benzenediol",
		"Warning: keep away, from eyes", "\xff\xfe(", "Aqua (", "Aqua (5%) (nano)*",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		l := Parse(in)
		if len(l.Sections) == 0 {
			t.Fatal("no sections")
		}
		ok := func(s, e int) bool { return 0 <= s && s <= e && e <= len(in) }
		prev := -1
		for _, s := range l.Sections {
			for _, i := range s.Ingredients {
				if !ok(i.Start, i.End) || !ok(i.NameStart, i.NameEnd) || i.NameStart < i.Start || i.NameEnd > i.End {
					t.Fatalf("bad offsets %+v", i)
				}
				if in[i.NameStart:i.NameEnd] != i.Name || i.Name == "" {
					t.Fatalf("name %q does not match its offsets", i.Name)
				}
				if i.Start < prev {
					t.Fatalf("entries out of order at %+v", i)
				}
				prev = i.Start
			}
		}
		for _, u := range l.Unparsed {
			if !ok(u.Start, u.End) || in[u.Start:u.End] != u.Text {
				t.Fatalf("bad span %+v", u)
			}
		}
		for _, fn := range l.Footnotes {
			if !ok(fn.Start, fn.End) || !strings.Contains(in[fn.Start:fn.End], fn.Text) {
				t.Fatalf("bad footnote %+v", fn)
			}
		}
	})
}

// Assess reads untrusted page text: it must not panic, and the list it
// finds must lie inside the text.
func FuzzAssess(f *testing.F) {
	for _, s := range []string{"Aqua, Glycerin, Mica, CI 77491, Tocopherol", "Key: a. Beeswax: soft. Aqua, Glycerin1, Parfum (Fragrance) 1",
		"水、ＢＧ、グリセリン", "Shea Butter\nCoconut Oil\n* organic"} {
		f.Add(s, true)
	}
	lex := lexicon(f)
	f.Fuzz(func(t *testing.T, in string, labeled bool) {
		ev := NoEvidence
		if labeled {
			ev = Labeled
		}
		v := Assess(in, lex, ev)
		if v.Start < 0 || v.End > len(in) || v.Start > v.End {
			t.Fatalf("list [%d,%d) outside %d bytes", v.Start, v.End, len(in))
		}
	})
}
