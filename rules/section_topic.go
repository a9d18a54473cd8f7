package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Section topics: what the heading above a passage says it is about. A page
// that sells exosomes often explains another treatment first ("Understanding
// PRP Therapy", "How Botox works") to compare it, and a clinic page answers
// "Who should avoid it?" with the conditions that rule a patient out. The
// words under such a heading describe the other treatment, or warn, rather
// than claim something for the product. Plain text has no heading markup, so
// a short line with no sentence end counts as one.

// sectionLookback is how many blocks back a passage's heading may stand.
const sectionLookback = 8

// headingLike reports a block that reads as a heading: a heading, title or
// product name, or a short one-line paragraph that does not end a sentence
// ("PRP Mechanism of Action", "What are the risks?").
func (a *Analysis) headingLike(i int) bool {
	b := a.Blocks[i]
	switch b.Kind {
	case scraper.KindHeading, scraper.KindTitle, scraper.KindProductName:
		return true
	case scraper.KindParagraph:
	default:
		return false
	}
	t := strings.TrimSpace(b.Text)
	if t == "" || utf8.RuneCountInString(t) > 70 || len(strings.Fields(t)) > 10 || strings.Contains(t, "\n") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!。！;；,，", last)
}

// mentionsExosomes reports exosome wording anywhere in block i.
func (a *Analysis) mentionsExosomes(i int) bool {
	for _, g := range []string{"ev-claim", "ev-claim-weak", "exosome-word"} {
		if len(a.blockHits(i, g)) > 0 {
			return true
		}
	}
	return false
}

// aboutOtherTreatment reports a hit in a passage about another treatment:
// the nearest heading above it that names a treatment names another one
// (PRP, Botox, fillers, minoxidil) and not exosomes, no block in between
// speaks of exosomes, and neither does the hit's own sentence. A heading
// that compares ("Better than Botox") is a claim, not another topic.
func (a *Analysis) aboutOtherTreatment(h Hit) bool {
	for _, g := range []string{"ev-claim", "ev-claim-weak", "exosome-word"} {
		if a.sentenceHas(h, g) {
			return false
		}
	}
	if s := a.SentenceOf(h); sellerSpeaks(a.Blocks[h.Block].Text[s.Start:s.End]) {
		return false // "Why not Botox? Our serum relaxes the look of lines."
	}
	for j := h.Block - 1; j >= 0 && j >= h.Block-sectionLookback; j-- {
		if a.mentionsExosomes(j) {
			return false
		}
		if !a.headingLike(j) {
			continue
		}
		if other := a.blockHits(j, "other-treatment"); len(other) > 0 {
			return len(a.blockHits(j, "procedure-comparison")) == 0 && len(a.blockHits(j, "compare")) == 0
		}
		if k := a.Blocks[j].Kind; k != scraper.KindParagraph || a.namesOwnProduct(a.Blocks[j].Text) {
			return false // a new section, about the product itself
		}
	}
	return false
}

// namesOwnProduct reports text about the seller's own product: it says
// "our" or "this", or repeats a word of the product's name ("What the
// Concentrate Does" on a page selling a scalp concentrate). Plain text has
// no heading markup, so this is what tells such a heading from a list item
// of the section before.
func (a *Analysis) namesOwnProduct(text string) bool {
	name := a.Doc.Product.Name
	if strings.TrimSpace(name) == "" && len(a.Blocks) > 0 {
		name = a.Blocks[0].Text
	}
	own := map[string]bool{"our": true, "this": true}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if w = strings.Trim(w, ".,:;()[]\"'"); utf8.RuneCountInString(w) >= 5 && !a.mentionsExosomesWord(w) {
			own[w] = true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if own[strings.Trim(w, ".,:;()[]\"'?")] {
			return true
		}
	}
	return false
}

// sellerSpeaks reports a sentence in which the seller speaks of its own
// product ("our serum", "we"), which no heading above makes another topic.
func sellerSpeaks(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch strings.Trim(w, ".,:;()[]\"'?!") {
		case "our", "we", "we're", "we've":
			return true
		}
	}
	return false
}

// mentionsExosomesWord reports a word that is itself the exosome term,
// which names the topic of the whole page, not one product.
func (a *Analysis) mentionsExosomesWord(w string) bool {
	return strings.HasPrefix(w, "exosom") || strings.HasPrefix(w, "exossom")
}

// inRiskSection reports a hit under a heading about risks or who should not
// have a treatment ("What are the risks and who should avoid it?"): a
// condition named there rules patients out rather than being treated.
func (a *Analysis) inRiskSection(h Hit) bool {
	for j := h.Block - 1; j >= 0 && j >= h.Block-3; j-- {
		if !a.headingLike(j) {
			continue
		}
		return len(a.blockHits(j, "treatment-risk")) > 0 || len(a.blockHits(j, "caution")) > 0
	}
	return false
}
