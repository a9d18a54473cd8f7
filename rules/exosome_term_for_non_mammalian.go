package rules

// ExosomeTermForNonMammalian flags "exosome" used for plant, microbial,
// synthetic or fish material that the page does not characterise.
func ExosomeTermForNonMammalian() *Rule {
	return &Rule{
		ID:    "exosome-term-for-non-mammalian",
		Title: "\"exosome\" used for uncharacterised plant, microbial, fish or synthetic material",
		Doc: `"Exosome" names a particular kind of vesicle, made inside mammalian cells. For plant, microbial,
fish or man-made material, INCI practice uses "Vesicles" or "Extracellular Vesicles", MISEV2023
recommends "extracellular vesicles" (and "EV mimetic" for made particles) unless biogenesis is
shown, and China's Guangdong MPA called "plant exosome" cosmetics a pseudo-concept that often
hides a plain extract. The finding is informational and goes away when the page discloses EV
characterisation (particle size by NTA, markers such as CD63/CD81, electron microscopy); a
microbiology-only certificate is not characterisation. Milk and colostrum are mammalian and not
flagged.

What satisfies it: call them "extracellular vesicles" (or "EV mimetics" for made particles), or
publish the characterisation.`,
		Bad:       "Rose exosomes for a dewy look.",
		Good:      "Rose callus extracellular vesicles for a dewy look.",
		Severity:  Info,
		Citations: []string{"misev2023", "inci-naming", "zmuni-plant-ev"},
		Kinds:     AllPageKinds(),
		Check:     checkExosomeTermForNonMammalian,
	}
}

func checkExosomeTermForNonMammalian(p *Pass) {
	f := &p.Facts
	if !f.ExosomeClaim || !p.Selling() || characterized(f) {
		return
	}
	kind := nonMammalianSource(p.Analysis)
	if kind == "" {
		return
	}
	// Place the finding on the "exosome" that names the non-mammalian
	// material when the page says so ("연어 엑소좀"), else on the first.
	var at *Hit
	for _, h := range f.ClaimHits() {
		if !p.overlapsGroup(h, "exosome-word") {
			continue
		}
		if at == nil || nonMammalianNear(p.Analysis, h) && !nonMammalianNear(p.Analysis, *at) {
			at = &h
		}
	}
	if at == nil {
		return
	}
	suggest := "extracellular vesicles"
	if kind == "synthetic" {
		suggest = "EV mimetics"
	}
	p.Report(Diagnostic{
		At:      at.Span(),
		Message: "\"" + p.matchText(*at) + "\" for " + kind + " material with no characterisation disclosed: call them \"" + suggest + "\", or publish size, markers and imaging",
		Suggest: suggest,
	})
}

// nonMammalianNear reports a plant, microbial, synthetic or non-mammal
// animal source word in the claim's sentence.
func nonMammalianNear(a *Analysis, h Hit) bool {
	for _, g := range []string{"source-plant", "source-microbial", "source-synthetic", "non-mammalian"} {
		if a.sentenceHas(h, g) {
			return true
		}
	}
	return false
}

func characterized(f *Facts) bool {
	for _, t := range f.Testing {
		if t.Kind == "characterization" {
			return true
		}
	}
	return false
}

// nonMammalianSource returns the kind of the first disclosed source that is
// not mammalian: plant, microbial, synthetic, or fish and other non-mammal
// animals.
func nonMammalianSource(a *Analysis) string {
	for _, s := range a.Facts.Sources {
		switch s.Kind {
		case "plant", "microbial", "synthetic":
			return s.Kind
		}
	}
	for _, h := range a.hits["source-animal"] {
		if a.disclosesSource(h) && a.overlapsGroup(h, "non-mammalian") {
			return "fish or other non-mammal"
		}
	}
	return ""
}
