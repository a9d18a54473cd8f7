package cosing

import (
	"strings"
	"testing"
)

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

func TestKeyFastPathAgrees(t *testing.T) {
	for _, s := range []string{"Aqua", "Caprylic/Capric Triglyceride", "Alcohol Denat.", "PEG-40 Hydrogenated Castor Oil",
		"Glycerin,", "Rosa Damascena Flower Water", "1,2-Hexanediol"} {
		k, ok := plainKey(s)
		if !ok {
			t.Fatalf("plainKey(%q) not ok", s)
		}
		slow := strings.TrimRight(strings.Join(strings.Fields(strings.ToUpper(s)), " "), " .,;:")
		if k != slow {
			t.Errorf("plainKey(%q) = %q, want %q", s, k, slow)
		}
	}
	for _, s := range []string{"Caprylic / Capric", "Aqua*", "Eau  Florale", "Glycérine"} {
		if _, ok := plainKey(s); ok {
			t.Errorf("plainKey(%q) ok, want the full folding", s)
		}
	}
}

func BenchmarkLoadNames(b *testing.B) {
	for b.Loop() {
		if _, err := LoadNames(); err != nil {
			b.Fatal(err)
		}
	}
}
