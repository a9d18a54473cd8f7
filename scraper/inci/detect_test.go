package inci

import (
	"strings"
	"sync"
	"testing"

	"github.com/exolint/exolint/scraper/inci/cosing"
)

var lexOnce = sync.OnceValues(cosing.LoadNames)

func lexicon(t testing.TB) Lexicon {
	t.Helper()
	n, err := lexOnce()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAssess(t *testing.T) {
	lex := lexicon(t)
	cases := []struct {
		name    string
		text    string
		ev      Evidence
		list    bool
		start   string // the list starts with this, when a list
		partial bool
	}{
		{name: "INCI list without a label", text: "Aqua, Glycerin, Butylene Glycol, Niacinamide, Sodium Hyaluronate, Phenoxyethanol", list: true, start: "Aqua"},
		{name: "common names", text: "Mango Butter, Hemp Seed Oil, Avocado Oil, Jojoba Oil, Sunflower Oil, Beeswax and Rosemary Oil", list: true, start: "Mango"},
		{name: "slash synonyms and typos", text: "Ricinus Communis (Castor) Seed Oil, Candelila Wax/Euphorbia Cerifera Cera, Tocopherol, Silica, Mica, CI 77491", list: true, start: "Ricinus"},
		{name: "German translated INCI", text: "Wasser (Aqua), Prunus Amygdalus Dulcis (Mandel) Samenöl, Alkohol, Glycerin, Xanthan, Glycerylstearat, Limonene1, Linalool1", list: true, start: "Wasser"},
		{name: "Japanese with ideographic commas", text: "水、ＢＧ、グリセリン、ナイアシンアミド、ペンチレングリコール、ヒアルロン酸Ｎａ、カンゾウ根エキス", list: true, start: "水"},
		{name: "Korean", text: "정제수, 글리세린, 부틸렌글라이콜, 나이아신아마이드, 병풀추출물, 판테놀", list: true, start: "정제수"},
		{name: "benefits list", text: "Calms redness, Boosts collagen production, Smooths fine lines, Brightens dull skin, Locks in moisture"},
		{name: "benefits bullets under a label", ev: Labeled, text: "Calms redness\nBoosts collagen production\nSmooths fine lines\nBrightens dull skin"},
		{name: "key ingredients line", text: "Key Ingredients: Rose Flower Water, Green Tea Leaf Extract.", partial: false},
		{name: "marketing sentence", text: "Our serum blends niacinamide with peptides and plant oils, so your skin looks smoother, brighter and calmer every day."},
		{name: "explainers then the list", ev: Labeled,
			text: "Made with precious organic ingredients such as: Shea Butter: softens and protects dry lips. Rosehip Oil: helps renew the look of skin. Ricinus Communis (Castor) Seed Oil, Caprylic/Capric Triglyceride, Copernicia Cerifera (Carnauba) Wax, Butyrospermum Parkii (Shea) Butter, Tocopherol",
			list: true, start: "Ricinus"},
		{name: "short labelled list", ev: Labeled, text: "Shea Butter, Coconut Oil, Beeswax", list: true, start: "Shea"},
		{name: "free-from claim", text: "Free from parabens, sulfates, silicones, phthalates, mineral oil and artificial fragrance."},
		{name: "shipping list", text: "Available in US, CA, AU, UK, MX and most of the European Union countries"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Assess(c.text, lex, c.ev)
			if v.List != c.list {
				t.Fatalf("List = %v, want %v (%+v)", v.List, c.list, v)
			}
			if c.list && !strings.HasPrefix(c.text[v.Start:v.End], c.start) {
				t.Errorf("list starts %q, want %q", c.text[v.Start:min(v.End, v.Start+30)], c.start)
			}
			if !c.list && c.partial && !v.Partial {
				t.Errorf("Partial = false, want true (%+v)", v)
			}
		})
	}
}
