package cosing

import "testing"

func TestLoadNames(t *testing.T) {
	n, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	if n.Len() < 20000 {
		t.Fatalf("only %d names", n.Len())
	}
	for _, name := range []string{"Aqua", "Aqua (Water)", "Glycerin", "Caprylic / Capric Triglyceride", "Alcohol Denat.", "Water/Aqua/Eau", "Butyrospermum Parkii (Shea) Butter*"} {
		if !n.Has(name) {
			t.Errorf("Has(%q) = false", name)
		}
	}
	for _, name := range []string{"Relieves redness", "Key ingredients", ""} {
		if n.Has(name) {
			t.Errorf("Has(%q) = true", name)
		}
	}
	for _, w := range []string{"jojoba", "OIL", "Butter", "hemp"} {
		if !n.HasWord(w) {
			t.Errorf("HasWord(%q) = false", w)
		}
	}
	if n.HasWord("relieves") {
		t.Error("HasWord(relieves) = true")
	}
}

func BenchmarkLoadNames(b *testing.B) {
	for b.Loop() {
		if _, err := LoadNames(); err != nil {
			b.Fatal(err)
		}
	}
}
