package inci

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type sec struct {
	name  string
	may   bool
	names []string
}

func TestParse(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		sections  []sec
		unparsed  []string
		footnotes map[string]string
	}{
		{name: "prefix Ingredients", in: "Ingredients: Aqua, Glycerin, Butylene Glycol",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Butylene Glycol"}}}},
		{name: "prefix INCI", in: "INCI: Aqua, Glycerin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin"}}}},
		{name: "prefix Full ingredients list on its own line", in: "Full ingredients list\nAqua\nGlycerin\nPanthenol",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Panthenol"}}}},
		{name: "prefix Full Ingredient List:", in: "Full Ingredient List: Water, Squalane",
			sections: []sec{{"", false, []string{"Water", "Squalane"}}}},
		{name: "prefix Korean", in: "전성분: 정제수, 글리세린, 부틸렌글라이콜, 병풀추출물, 인체지방줄기세포배양액",
			sections: []sec{{"", false, []string{"정제수", "글리세린", "부틸렌글라이콜", "병풀추출물", "인체지방줄기세포배양액"}}}},
		{name: "prefix Japanese full-width colon", in: "全成分：水、グリセリン、BG、ヒアルロン酸Na、ペンチレングリコール",
			sections: []sec{{"", false, []string{"水", "グリセリン", "BG", "ヒアルロン酸Na", "ペンチレングリコール"}}}},
		{name: "prefix Chinese", in: "成分: 水、甘油、丁二醇、烟酰胺、透明质酸钠",
			sections: []sec{{"", false, []string{"水", "甘油", "丁二醇", "烟酰胺", "透明质酸钠"}}}},
		{name: "prefix Composition", in: "Composition: Aqua, Cetearyl Alcohol",
			sections: []sec{{"", false, []string{"Aqua", "Cetearyl Alcohol"}}}},
		{name: "prefix French spaced colon", in: "Ingrédients : Aqua, Glycerin, Parfum",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Parfum"}}}},
		{name: "prefix German", in: "Inhaltsstoffe: Aqua, Glycerin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin"}}}},
		{name: "prefix Spanish", in: "Ingredientes: Aqua, Glycerin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin"}}}},
		{name: "markdown bold prefix", in: "**Ingredients:** Aqua, Glycerin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin"}}}},
		{name: "semicolons and full-width comma", in: "Aqua; Glycerin；Squalane，Allantoin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Squalane", "Allantoin"}}}},
		{name: "bullets", in: "Aqua • Glycerin · Squalane ● Allantoin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Squalane", "Allantoin"}}}},
		{name: "markdown bullet lines", in: "- Aqua\n- Glycerin\n* Squalane\n1. Allantoin",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Squalane", "Allantoin"}}}},
		{name: "commas inside chemical names",
			in: "Aqua, 1,2-Hexanediol, N,2-Dimethyl-N-Phenylbutyramide, 4-(1-Phenylethyl)1,3-Benzenediol, 2,4-Dichlorobenzyl Alcohol",
			sections: []sec{{"", false, []string{"Aqua", "1,2-Hexanediol", "N,2-Dimethyl-N-Phenylbutyramide",
				"4-(1-Phenylethyl)1,3-Benzenediol", "2,4-Dichlorobenzyl Alcohol"}}}},
		{name: "no space after commas", in: "Aqua,Glycerin,Niacinamide,Vitamin E,Tocopherol",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Niacinamide", "Vitamin E", "Tocopherol"}}}},
		{name: "slash names stay whole", in: "Caprylic/Capric Triglyceride, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Lactobacillus/Soybean Ferment Extract",
			sections: []sec{{"", false, []string{"Caprylic/Capric Triglyceride", "Acrylates/C10-30 Alkyl Acrylate Crosspolymer", "Lactobacillus/Soybean Ferment Extract"}}}},
		{name: "may contain bracket", in: "Talc, Mica, Dimethicone [+/-: CI 77491, CI 77499]",
			sections: []sec{{"", false, []string{"Talc", "Mica", "Dimethicone"}}, {"+/-", true, []string{"CI 77491", "CI 77499"}}}},
		{name: "may contain label", in: "Talc, Mica. May contain: CI 77491, CI 77492",
			sections: []sec{{"", false, []string{"Talc", "Mica"}}, {"May contain", true, []string{"CI 77491", "CI 77492"}}}},
		{name: "peut contenir", in: "Talc, Mica, Peut contenir / May contain: CI 77891",
			sections: []sec{{"", false, []string{"Talc", "Mica"}}, {"Peut contenir / May contain", true, []string{"CI 77891"}}}},
		{name: "plus-minus without colon", in: "Talc, Mica, +/- CI 77491, CI 77492",
			sections: []sec{{"", false, []string{"Talc", "Mica"}}, {"+/-", true, []string{"CI 77491", "CI 77492"}}}},
		{name: "kit sections", in: "Serum: Aqua, Glycerin, Rosa Damascena Callus Extracellular Vesicles\nActivator: Sodium Ascorbyl Phosphate, Aqua",
			sections: []sec{{"Serum", false, []string{"Aqua", "Glycerin", "Rosa Damascena Callus Extracellular Vesicles"}}, {"Activator", false, []string{"Sodium Ascorbyl Phosphate", "Aqua"}}}},
		{name: "several products", in: "Cleanser - Ingredients: Aqua, Sodium Laureth Sulfate.\nToner - Ingredients: Aqua, Butylene Glycol",
			sections: []sec{{"Cleanser", false, []string{"Aqua", "Sodium Laureth Sulfate"}}, {"Toner", false, []string{"Aqua", "Butylene Glycol"}}}},
		{name: "repeated prefix starts a product", in: "Ingredients: Aqua, Glycerin\n\nIngredients: Aqua, Squalane",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin"}}, {"", false, []string{"Aqua", "Squalane"}}}},
		{name: "prose mixed in",
			in:       "Ingredients: Aqua, Glycerin, Tocopherol. Please refer to the packaging for the most up-to-date list. Free from parabens.\nWarning: for external use only, keep out of reach of children.\nOur formula is cruelty-free, vegan and free from parabens, sulfates, silicones.",
			sections: []sec{{"", false, []string{"Aqua", "Glycerin", "Tocopherol"}}},
			unparsed: []string{"Please refer to the packaging for the most up-to-date list", "Free from parabens",
				"Warning: for external use only, keep out of reach of children",
				"Our formula is cruelty-free, vegan and free from parabens, sulfates, silicones"}},
		{name: "prose sentences after a lower-case list", in: "aqua, glycerin, sodium hyaluronate. dermatologically tested. 50 ml",
			sections: []sec{{"", false, []string{"aqua", "glycerin", "sodium hyaluronate"}}},
			unparsed: []string{"dermatologically tested", "50 ml"}},
		{name: "footnotes", in: "Aqua, Rosa Damascena Flower Oil*, Butyrospermum Parkii Butter**, Glycerin†. *Organic **Natural origin †from organic farming",
			sections:  []sec{{"", false, []string{"Aqua", "Rosa Damascena Flower Oil", "Butyrospermum Parkii Butter", "Glycerin"}}},
			footnotes: map[string]string{"*": "Organic", "**": "Natural origin", "†": "from organic farming"}},
		{name: "glued footnote numbers", in: "Water, Glycerin14, Stearic Acid4, Steareth-20, Polysorbate 60, C12-15 Alkyl Benzoate, Coenzyme Q10, Limonene1",
			sections: []sec{{"", false, []string{"Water", "Glycerin", "Stearic Acid", "Steareth-20", "Polysorbate 60", "C12-15 Alkyl Benzoate", "Coenzyme Q10", "Limonene"}}}},
		{name: "footnote on own line", in: "Aqua, Aloe Barbadensis Leaf Juice*\n* Ingredients from organic farming",
			sections:  []sec{{"", false, []string{"Aqua", "Aloe Barbadensis Leaf Juice"}}},
			footnotes: map[string]string{"*": "Ingredients from organic farming"}},
		{name: "Korean prose", in: "정제수, 글리세린, 병풀추출물\n피부에 이상이 있는 경우 사용을 중지하십시오.",
			sections: []sec{{"", false, []string{"정제수", "글리세린", "병풀추출물"}}},
			unparsed: []string{"피부에 이상이 있는 경우 사용을 중지하십시오"}},
		{name: "Japanese prose", in: "水、グリセリン、BG。お肌に合わないときはご使用をおやめください。",
			sections: []sec{{"", false, []string{"水", "グリセリン", "BG"}}},
			unparsed: []string{"お肌に合わないときはご使用をおやめください"}},
		{name: "Chinese prose", in: "水、甘油、丁二醇。请避免接触眼睛。",
			sections: []sec{{"", false, []string{"水", "甘油", "丁二醇"}}},
			unparsed: []string{"请避免接触眼睛"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := Parse(tc.in)
			checkOffsets(t, tc.in, l)
			var got []sec
			for _, s := range l.Sections {
				g := sec{s.Name, s.MayContain, nil}
				for _, i := range s.Ingredients {
					g.names = append(g.names, i.Name)
				}
				got = append(got, g)
			}
			if !reflect.DeepEqual(got, tc.sections) {
				t.Errorf("sections\n got %+v\nwant %+v\n%s", got, tc.sections, dump(l))
			}
			var un []string
			for _, u := range l.Unparsed {
				un = append(un, u.Text)
			}
			if !reflect.DeepEqual(un, tc.unparsed) {
				t.Errorf("unparsed\n got %q\nwant %q", un, tc.unparsed)
			}
			for m, txt := range tc.footnotes {
				if got := l.Footnote(m); got != txt {
					t.Errorf("footnote %q = %q, want %q\n%s", m, got, txt, dump(l))
				}
			}
		})
	}
}

func TestParseEntryDetails(t *testing.T) {
	in := "Aqua (Water), Aqua/Water/Eau, CI 77891 (Titanium Dioxide), Brassica Oleracea Italica (Broccoli) Vesicles, " +
		"Niacinamide 5%, 2% Salicylic Acid, Centella Asiatica Callus Extracellular Vesicles (10,000 ppm), Retinol (0,5%), " +
		"Titanium Dioxide (nano), Rosa Damascena Flower Oil**, Alcohol Denat., Parfum (Fragrance, Perfume)"
	want := []Ingredient{
		{Name: "Aqua", Synonyms: []string{"Water"}},
		{Name: "Aqua", Synonyms: []string{"Water", "Eau"}},
		{Name: "CI 77891", Synonyms: []string{"Titanium Dioxide"}},
		{Name: "Brassica Oleracea Italica (Broccoli) Vesicles", Synonyms: []string{"Broccoli"}},
		{Name: "Niacinamide", Amount: "5%"},
		{Name: "Salicylic Acid", Amount: "2%"},
		{Name: "Centella Asiatica Callus Extracellular Vesicles", Amount: "10,000 ppm"},
		{Name: "Retinol", Amount: "0,5%"},
		{Name: "Titanium Dioxide", Notes: []string{"nano"}},
		{Name: "Rosa Damascena Flower Oil", Marks: []string{"**"}},
		{Name: "Alcohol Denat."},
		{Name: "Parfum", Synonyms: []string{"Fragrance", "Perfume"}},
	}
	l := Parse(in)
	checkOffsets(t, in, l)
	got := l.Ingredients()
	if len(got) != len(want) {
		t.Fatalf("got %d ingredients, want %d\n%s", len(got), len(want), dump(l))
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.Name || !reflect.DeepEqual(g.Synonyms, w.Synonyms) || g.Amount != w.Amount ||
			!reflect.DeepEqual(g.Marks, w.Marks) || !reflect.DeepEqual(g.Notes, w.Notes) {
			t.Errorf("%d: got %+v\nwant %+v", i, g, w)
		}
	}
	// Start/End cover the whole entry, amounts and marks included.
	if e := got[6]; in[e.Start:e.End] != "Centella Asiatica Callus Extracellular Vesicles (10,000 ppm)" {
		t.Errorf("entry span = %q", in[e.Start:e.End])
	}
}

func TestIngredientsExcludesMayContain(t *testing.T) {
	l := Parse("Talc, Mica [+/-: CI 77491]")
	if n := l.Names(); !reflect.DeepEqual(n, []string{"Talc", "Mica"}) {
		t.Errorf("Names() = %q", n)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "\n\n", "Ingredients:", "*", "((", ")]"} {
		l := Parse(in)
		if len(l.Sections) != 1 {
			t.Errorf("%q: %d sections", in, len(l.Sections))
		}
		checkOffsets(t, in, l)
	}
}

// TestFixtures parses the realistic label fixtures and checks invariants and
// a few facts about each.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := string(b)
		l := Parse(in)
		checkOffsets(t, in, l)
		if len(l.Ingredients()) < 5 {
			t.Errorf("%s: only %d ingredients\n%s", f, len(l.Ingredients()), dump(l))
		}
		for _, ing := range l.Ingredients() {
			if isProse(ing.Name, false) || len(strings.Fields(ing.Name)) > 12 {
				t.Errorf("%s: prose became an ingredient: %q", f, ing.Name)
			}
		}
	}
}

// checkOffsets verifies every offset is in range, ordered, and points at the
// text it claims to.
func checkOffsets(t *testing.T, in string, l *List) {
	t.Helper()
	ok := func(s, e int) bool { return 0 <= s && s <= e && e <= len(in) }
	for _, s := range l.Sections {
		for _, i := range s.Ingredients {
			if !ok(i.Start, i.End) || !ok(i.NameStart, i.NameEnd) || i.NameStart < i.Start || i.NameEnd > i.End {
				t.Fatalf("bad offsets %+v", i)
			}
			if in[i.NameStart:i.NameEnd] != i.Name || !strings.Contains(in[i.Start:i.End], i.Name) {
				t.Fatalf("offsets do not match name %q: %q", i.Name, in[i.Start:i.End])
			}
		}
	}
	for _, u := range l.Unparsed {
		if !ok(u.Start, u.End) || in[u.Start:u.End] != u.Text {
			t.Fatalf("bad unparsed span %+v", u)
		}
	}
	for _, f := range l.Footnotes {
		if !ok(f.Start, f.End) || !strings.Contains(in[f.Start:f.End], f.Text) {
			t.Fatalf("bad footnote %+v", f)
		}
	}
}

func TestIsLabel(t *testing.T) {
	for _, s := range []string{"Ingredients", "INGREDIENTS:", "Inhaltsstoffe / Zutaten", "Bestandteile", "Full Ingredients：", "全成分", "전성분", "Ingrédients"} {
		if !IsLabel(s) {
			t.Errorf("IsLabel(%q) = false", s)
		}
	}
	for _, s := range []string{"Key Ingredients", "Hero ingredients", "Description", "How to use", "Our ingredients are sourced with care in small batches from farms we know."} {
		if IsLabel(s) {
			t.Errorf("IsLabel(%q) = true", s)
		}
	}
}

func TestSpacedFootnote(t *testing.T) {
	l := Parse("Parfum (Fragrance) 1, Cumarin1 1, Polysorbate 60, PEG-40 Hydrogenated Castor Oil")
	want := []string{"Parfum", "Cumarin", "Polysorbate 60", "PEG-40 Hydrogenated Castor Oil"}
	if got := l.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}
