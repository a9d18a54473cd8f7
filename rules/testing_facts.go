package rules

import (
	"strings"

	"github.com/exolint/exolint/scraper"
)

// Testing by the labeling conventions. A disclosure is a named or
// identifiable study with its design or size, characterization data with
// numbers for this product, a named independent lab, or a certificate of
// analysis of the exosome material. Self-declared quality control ("each lot
// is tested", "purified and characterized", 品質証明書付き), "clinically
// tested", "rigorous clinical trials" without a study, "pharmaceutical-grade",
// donor screening, GMP, bare method names (NTA, TEM) and ISEV compliance are
// not: they are claims, and unsupported-evidence reports them.

// disclosesTesting reports whether a testing hit of the given kind is a
// disclosure.
func (a *Analysis) disclosesTesting(h Hit, kind string) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients || !a.IsCopy(h) {
		return false
	}
	switch kind {
	case "characterization":
		return a.characterizationData(h)
	case "safety":
		return a.testResult(h)
	case "third-party":
		// A named lab discloses; "third-party tested" needs its results.
		return a.overlapsGroup(h, "testing-lab-named") || a.dataNear(h)
	case "certificate":
		// "Ask your clinic for a certificate of analysis" is advice, not
		// a certificate.
		return !a.sentenceHas(h, "testing-advice")
	case "clinical":
		return a.identifiableStudy(h)
	}
	return false
}

// characterizationData reports a measured value for this product in the
// hit's sentence: a number with its unit ("mode 125 nm", "1.2 × 10^10
// particles/mL") together with the method or a word of measurement, or a
// marker with its result ("CD63+", "CD81 positive"). A size range without a
// method ("exosomes are 30–150 nm") describes exosomes in general, and a
// method named without a result ("counted by NTA") discloses nothing.
func (a *Analysis) characterizationData(h Hit) bool {
	if a.overlapsGroup(h, "testing-marker") && a.markerResult(h) {
		return true
	}
	method := a.sentenceHas(h, "testing-characterization") && a.hasMethodInSentence(h)
	for _, m := range a.hits["testing-measure"] {
		if !a.sameSentence(m, h) {
			continue
		}
		if a.isRange(m) {
			if method {
				return true
			}
			continue
		}
		if method || a.sentenceHas(h, "testing-measure-word") {
			return true
		}
	}
	return false
}

// hasMethodInSentence reports a method (not only a marker or a size word) in
// the hit's sentence.
func (a *Analysis) hasMethodInSentence(h Hit) bool {
	for _, m := range a.hits["testing-method"] {
		if a.sameSentence(m, h) {
			return true
		}
	}
	return false
}

// markerResult reports a marker followed by "+" or with a result word in its
// sentence ("CD63+", "CD9, CD63 and CD81 confirmed").
func (a *Analysis) markerResult(h Hit) bool {
	text := a.Blocks[h.Block].Text
	if h.End < len(text) && (text[h.End] == '+' || strings.HasPrefix(text[h.End:], "⁺")) {
		return true
	}
	return a.sentenceHas(h, "testing-result")
}

// isRange reports a measure written as a range ("30–150 nm", "30~100nm",
// "50 to 80 nm"), which is how exosomes are described in general.
func (a *Analysis) isRange(m Hit) bool {
	text := a.Blocks[m.Block].Text
	before := strings.TrimRight(text[:m.Start], " ")
	for _, sep := range []string{"-", "–", "—", "~", "〜", "～", " to", " bis", " a", " à", " до", "から"} {
		if strings.HasSuffix(before, sep) {
			rest := strings.TrimRight(before[:len(before)-len(sep)], " ")
			if rest != "" && rest[len(rest)-1] >= '0' && rest[len(rest)-1] <= '9' {
				return true
			}
		}
	}
	return false
}

// testResult reports a safety test with its result in the sentence:
// "endotoxin < 0.5 EU/mL", "sterility: negative", "mycoplasma not detected".
func (a *Analysis) testResult(h Hit) bool {
	if a.sentenceHas(h, "testing-result") || a.sentenceHas(h, "testing-measure") {
		return true
	}
	s := a.SentenceOf(h)
	text := a.Blocks[h.Block].Text[s.Start:s.End]
	for _, sign := range []string{"<", "≤", "＜"} {
		if i := strings.Index(text, sign); i >= 0 {
			rest := strings.TrimLeft(text[i+len(sign):], " ")
			if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
				return true
			}
		}
	}
	return false
}

// dataNear reports characterization data or a test result within a
// sentence of the hit, or a certificate of analysis.
func (a *Analysis) dataNear(h Hit) bool {
	for _, g := range []string{"testing-characterization", "testing-safety"} {
		for _, o := range a.nearHits(h, g, 1) {
			if g == "testing-characterization" && a.characterizationData(o) || g == "testing-safety" && a.testResult(o) {
				return true
			}
		}
	}
	return len(a.nearHits(h, "testing-certificate", 1)) > 0
}

// identifiableStudy reports a study someone could find or judge: the number
// of people within a sentence of it, or a design word (randomized,
// split-face, placebo-controlled) with its length or a reference (DOI,
// PMID) on the page. "Clinically tested" and "rigorous clinical trials"
// alone are not.
func (a *Analysis) identifiableStudy(h Hit) bool {
	size, duration := false, false
	for _, d := range a.nearHits(h, "study-detail", 1) {
		if isDuration(d.Term.Text) {
			duration = true
		} else {
			size = true
		}
	}
	if size {
		return true
	}
	design := a.overlapsGroup(h, "evidence-design") || len(a.nearHits(h, "evidence-design", 0)) > 0
	if !design {
		return false
	}
	return duration || len(a.hits["study-reference"]) > 0
}
