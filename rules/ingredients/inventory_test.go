package ingredients

import (
	"slices"
	"strings"
	"testing"
)

func loadInv(tb testing.TB) *Inventory {
	tb.Helper()
	inv, err := LoadInventory()
	if err != nil {
		tb.Fatal(err)
	}
	return inv
}

func TestLoadInventory(t *testing.T) {
	inv := loadInv(t)
	if inv.Len() < 30000 {
		t.Errorf("Len = %d", inv.Len())
	}
	want := "Source: European Commission, CosIng database (inventory 29/07/2023; annexes 18/08/2026)"
	if got := inv.Source(); got != want {
		t.Errorf("Source = %q", got)
	}
}

func TestLookup(t *testing.T) {
	inv := loadInv(t)
	for _, tc := range []struct{ in, want string }{
		{"Aqua", "AQUA"},
		{"aqua (water)", "AQUA"},
		{"Aqua/Water/Eau", "AQUA"},
		{"  Sodium   Hyaluronate* ", "SODIUM HYALURONATE"},
		{"Caprylic / Capric Triglyceride", "CAPRYLIC/CAPRIC TRIGLYCERIDE"},
		{"Alcohol Denat.", "ALCOHOL DENAT."},
		{"CI 77891 (Titanium Dioxide)", "CI 77891"},
		{"Brassica Oleracea Italica (Broccoli) Vesicles", "BRASSICA OLERACEA ITALICA VESICLES"},
		{"Rosa Damascena Callus Extracellular Vesicles", "ROSA DAMASCENA CALLUS EXTRACELLULAR VESICLES"},
		{"Lactobacillus Extracellular Vesicles", "LACTOBACILLUS EXTRACELLULAR VESICLES"},
		{"1,2-Hexanediol", "1,2-HEXANEDIOL"},
	} {
		e, ok := inv.Lookup(tc.in)
		if !ok || e.Name != tc.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, e.Name, ok, tc.want)
		}
	}
	if e, _ := inv.Lookup("Hydroquinone"); !slices.Equal(e.Annex, []string{"II/1339", "III/14"}) || !slices.Contains(e.Functions, "ANTIOXIDANT") {
		t.Errorf("HYDROQUINONE = %+v", e)
	}
	// SODIUM DNA (PDRN) is in the 2023 inventory, unlike the 2018 copy regulatory-verified.md §3 checked.
	if _, ok := inv.Lookup("Sodium DNA"); !ok {
		t.Error("SODIUM DNA not found")
	}
	for _, miss := range []string{"Exosome Complex", "", "Sodium Hyaluronte"} {
		if e, ok := inv.Lookup(miss); ok {
			t.Errorf("Lookup(%q) found %q", miss, e.Name)
		}
	}
}

func TestSuggest(t *testing.T) {
	inv := loadInv(t)
	for _, tc := range []struct{ in, want string }{
		{"Sodium Hyaluronte", "SODIUM HYALURONATE"},
		{"Glycerni", "GLYCERIN"},
		{"Niacinamde", "NIACINAMIDE"},
		{"Butylene Glycl", "BUTYLENE GLYCOL"},
		{"Tocopherl Acetate", "TOCOPHERYL ACETATE"},
		{"Rosa Damascena Calus Extracellular Vesicles", "ROSA DAMASCENA CALLUS EXTRACELLULAR VESICLES"},
	} {
		got := inv.Suggest(tc.in, 3)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q first", tc.in, got, tc.want)
		}
	}
	if got := inv.Suggest("Our formula is cruelty free", 3); len(got) != 0 {
		t.Errorf("prose got suggestions %q", got)
	}
	if got := inv.Suggest("Aqua", 3); slices.Contains(got, "AQUA") {
		t.Errorf("exact name suggested: %q", got)
	}
}

func TestAnnex(t *testing.T) {
	inv := loadInv(t)
	has := func(es []AnnexEntry, annex, ref string) bool {
		return slices.ContainsFunc(es, func(e AnnexEntry) bool { return e.Annex == annex && e.Ref == ref })
	}
	ii := inv.AnnexII("Human Adipocyte Conditioned Media Extract")
	if !has(ii, "II", "416") || !strings.Contains(ii[0].Substance, "human origin") {
		t.Errorf("AnnexII(Human Adipocyte Conditioned Media Extract) = %+v", ii)
	}
	if !has(inv.AnnexII("Human Adipose Stromal Cell Exosomes"), "II", "416") {
		t.Error("Human Adipose Stromal Cell Exosomes not linked to II/416")
	}
	if got := inv.AnnexII("Rosa Damascena Callus Extracellular Vesicles"); len(got) != 0 {
		t.Errorf("plant vesicles in Annex II: %+v", got)
	}
	iii := inv.AnnexIII("Hydroquinone")
	if !has(iii, "III", "14") || !strings.Contains(iii[0].Conditions, "0.02%") {
		t.Errorf("AnnexIII(Hydroquinone) = %+v", iii)
	}
	if !has(inv.AnnexII("Hydroquinone"), "II", "1339") {
		t.Error("Hydroquinone not in Annex II/1339")
	}
	if got := inv.AnnexIII("Salicylic Acid"); len(got) == 0 || got[0].Conditions == "" {
		t.Errorf("AnnexIII(Salicylic Acid) = %+v", got)
	}
	if got := inv.AnnexII("Aqua"); len(got) != 0 {
		t.Errorf("AnnexII(Aqua) = %+v", got)
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"ABC", "ABC", 0}, {"ABC", "AC", 1}, {"KITTEN", "SITTING", 3}, {"AB", "BA", 2}} {
		if got := levenshtein(tc.a, tc.b, 10); got != tc.d {
			t.Errorf("levenshtein(%q,%q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
	if got := levenshtein("AAAAAA", "BBBBBB", 2); got != 3 {
		t.Errorf("limit not applied: %d", got)
	}
}

func BenchmarkLoadInventory(b *testing.B) {
	for b.Loop() {
		loadInv(b)
	}
}

func BenchmarkSuggest(b *testing.B) {
	inv := loadInv(b)
	names := []string{"Sodium Hyaluronte", "Glycerni", "Rosa Damascena Calus Extracellular Vesicles", "Exosome Complex", "Niacinamde"}
	b.ResetTimer()
	for b.Loop() {
		for _, n := range names {
			_ = inv.Suggest(n, 3)
		}
	}
}

func TestAttributionMatchesSource(t *testing.T) {
	inv, err := LoadInventory()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Attribution()
	if err != nil {
		t.Fatal(err)
	}
	if got != inv.Source() {
		t.Errorf("Attribution() = %q, Source() = %q", got, inv.Source())
	}
}

func TestSearchPrefix(t *testing.T) {
	inv := loadInv(t)
	got := inv.Search("rosa dama", 5)
	if len(got) == 0 || !strings.HasPrefix(got[0], "ROSA DAMASCENA") {
		t.Errorf("Search(rosa dama) = %v", got)
	}
	if got := inv.Search("", 5); got != nil {
		t.Errorf("empty query: %v", got)
	}
}

// TestSearchRanking: exact, prefix and whole-word matches come before
// subsequence matches, and a subsequence spread over a long ferment name
// is not offered at all (issue 12: "human adipose stromal cell exosomes"
// listed the right entry and then nine ferments that merely contain the
// letters in order).
func TestSearchRanking(t *testing.T) {
	inv := loadInv(t)
	got := inv.Search("human adipose stromal cell exosomes", 10)
	if len(got) == 0 || got[0] != "HUMAN ADIPOSE STROMAL CELL EXOSOMES" {
		t.Fatalf("exact name not first: %q", got)
	}
	for _, name := range got {
		if strings.Contains(name, "FERMENT") || len(name) > 80 {
			t.Errorf("weak match offered: %.80s…", name)
		}
	}
	for _, name := range inv.Search("exosomes", 10) {
		if !strings.Contains(" "+name+" ", " EXOSOMES ") && !strings.Contains(name, "/EXOSOMES") {
			t.Errorf("Search(exosomes) offers %q, which lacks the word", name)
		}
	}
	// Every word, in any order, beats a subsequence.
	if got := inv.Search("adipose exosomes", 3); len(got) == 0 || got[0] != "HUMAN ADIPOSE STROMAL CELL EXOSOMES" {
		t.Errorf("Search(adipose exosomes) = %q", got)
	}
	// An exact name beats longer names that start with it.
	if got := inv.Search("sodium hyaluronate", 3); len(got) == 0 || got[0] != "SODIUM HYALURONATE" {
		t.Errorf("Search(sodium hyaluronate) = %q", got)
	}
	// A typo still finds the name by a compact subsequence.
	if got := inv.Search("sodium hyaluronte", 3); len(got) == 0 || got[0] != "SODIUM HYALURONATE" {
		t.Errorf("Search(sodium hyaluronte) = %q", got)
	}
}
