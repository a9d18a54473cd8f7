package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Helpers shared by the wording rules: which hits are the seller's own
// claims, which blocks carry the product name, and the drug-claim reading
// that drug-claim, testimonial-drug-claim, name-claim and
// human-derived-ingredient all rest on.

// ownClaim reports whether a hit is a claim the seller makes: on a page that
// sells rather than discusses, outside the ingredient list, and in the
// seller's own words (see IsCopy).
func (a *Analysis) ownClaim(h Hit) bool {
	return a.Selling() && a.Blocks[h.Block].Kind != scraper.KindIngredients && a.sellerCopy(h)
}

// sellerCopy is IsCopy for the wording rules: a quotation keeps a claim out
// only when it reports someone else's words (a regulator, a newspaper, a
// researcher). A testimonial or slogan quoted in the seller's own copy is
// the seller's claim: the FTC's Endorsement Guides (16 CFR 255) and CAP
// rules 3.45-3.47 hold the advertiser to the claims in the testimonials it
// chooses to show.
func (a *Analysis) sellerCopy(h Hit) bool {
	if a.Blocks[h.Block].Region == scraper.RegionUserContent {
		return false
	}
	if a.Negated(h) || a.InDisclaimer(h) || a.InQuestion(h) || a.Attributed(h) || a.aboutOtherTreatment(h) {
		return false
	}
	return !a.Quoted(h) || a.quoteVoice(h) != othersVoice
}

// voice is whose words a quotation holds.
type voice int

const (
	sellerVoice   voice = iota // a slogan or unattributed quotation
	customerVoice              // a testimonial: "… — Anna, verified customer"
	othersVoice                // news, a regulator, a researcher
)

// quoteVoice tells whose words the quotation around h holds, from the words
// around it in its block (or in the next short block, where a testimonial's
// signature often stands): a customer's when they name a customer, client
// or review; someone else's when they name a speaker ("said", "according
// to") or an authority; the seller's otherwise.
func (a *Analysis) quoteVoice(h Hit) voice {
	blocks := []int{h.Block}
	if n := h.Block + 1; n < len(a.Blocks) && a.quoteEndsBlock(h) && signature(a.Blocks[n].Text) {
		blocks = append(blocks, n)
	}
	others := false
	for _, i := range blocks {
		if len(a.blockHits(i, "customer")) > 0 {
			return customerVoice
		}
		for _, g := range []string{"attribution", "authority"} {
			for _, o := range a.blockHits(i, g) {
				if o.Block != h.Block || o.End <= h.Start || o.Start >= h.End {
					others = others || g == "authority" || a.speaker(o)
				}
			}
		}
	}
	if others {
		return othersVoice
	}
	return sellerVoice
}

// quoteEndsBlock reports a quotation that closes its block: nothing but
// punctuation follows the closing mark, so a signature, if any, stands in
// the next block.
func (a *Analysis) quoteEndsBlock(h Hit) bool {
	text := a.Blocks[h.Block].Text
	rest := strings.TrimRightFunc(text[h.End:], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	for _, q := range []string{"”", "\"", "»", "」", "』", "“"} {
		if i := strings.Index(rest, q); i >= 0 {
			return strings.TrimSpace(rest[i+len(q):]) == ""
		}
	}
	return strings.TrimSpace(rest) == ""
}

// signature reports a short line that signs a testimonial: "— Anna, Leeds".
func signature(text string) bool {
	t := strings.TrimSpace(text)
	return len(t) <= 80 && (strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "~"))
}

// testimonialQuote reports a claim inside a customer's words that the seller
// quotes in its own copy.
func (a *Analysis) testimonialQuote(h Hit) bool {
	return a.Quoted(h) && a.quoteVoice(h) == customerVoice
}

// userClaim is ownClaim for reviews and testimonials: the words are a
// customer's, but the seller chose to show them. Reviews are often quoted,
// so quotation marks do not take them out.
func (a *Analysis) userClaim(h Hit) bool {
	b := a.Blocks[h.Block]
	return a.Selling() && b.Region == scraper.RegionUserContent && b.Kind != scraper.KindIngredients &&
		!a.Negated(h) && !a.InDisclaimer(h) && !a.InQuestion(h) && !a.Attributed(h)
}

// isNameBlock reports whether block i carries the product name: a
// product-name block, a title or heading that repeats the product name, or,
// in a plain-text listing with no name found, its first line.
func (a *Analysis) isNameBlock(i int) bool {
	b := a.Blocks[i]
	switch b.Kind {
	case scraper.KindProductName:
		return true
	case scraper.KindTitle, scraper.KindHeading:
		name := strings.TrimSpace(a.Doc.Product.Name)
		return name != "" && strings.Contains(b.Text, name)
	}
	if i > 0 {
		name := a.Doc.Product.Name
		if strings.TrimSpace(name) == "" && a.isNameBlock(0) {
			name = a.Blocks[0].Text
		}
		if sameNameOtherSize(b.Text, name) {
			return true // a size option: "MOV Cellular Repair Mist 1.69 oz"
		}
	}
	// A one-paragraph text is copy, not a listing with a title line.
	if i != 0 || a.Doc.Format != "text" || strings.TrimSpace(a.Doc.Product.Name) != "" || len(a.Blocks) < 2 || len(b.Text) > 160 {
		return false
	}
	for _, o := range a.Blocks {
		if o.Kind == scraper.KindProductName {
			return false
		}
	}
	return true
}

// sameNameOtherSize reports a short line that is the product name with
// another size or count ("… Mist 1 oz" and "… Mist 1.69 oz"): the name
// again, as a shop's size options repeat it.
func sameNameOtherSize(text, name string) bool {
	t, n := withoutSize(text), withoutSize(name)
	return len(text) <= 120 && len(n) >= 8 && strings.EqualFold(t, n)
}

// withoutSize drops the trailing amounts and units of a product name:
// numbers and the short words after them ("30 ml", "1.69 oz", "x 2").
func withoutSize(s string) string {
	f := strings.Fields(s)
	for len(f) > 0 {
		last := f[len(f)-1]
		if strings.IndexFunc(last, unicode.IsDigit) < 0 && (len(f) < 2 || strings.IndexFunc(f[len(f)-2], unicode.IsDigit) < 0 || len(last) > 5) {
			break
		}
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// sentenceHas reports whether a hit of group stands in the same sentence as h.
func (a *Analysis) sentenceHas(h Hit, group string) bool {
	for _, o := range a.hitsIn(group, h.Block) {
		if a.sameSentence(o, h) {
			return true
		}
	}
	return false
}

// nearHits returns the hits of group in h's block within n sentences of it.
func (a *Analysis) nearHits(h Hit, group string, n int) []Hit {
	var out []Hit
	si := a.sentenceIndex(h)
	for _, o := range a.hitsIn(group, h.Block) {
		if o.Block == h.Block && abs(a.sentenceIndex(o)-si) <= n {
			out = append(out, o)
		}
	}
	return out
}

// blockHits returns the hits of group in block i, a slice of the analysis's
// own: callers read it and never change it.
func (a *Analysis) blockHits(i int, group string) []Hit { return a.hitsIn(group, i) }

// insideGroup reports whether a hit of group covers all of h's text
// ("再生" inside 再生ガラス, recycled glass).
func (a *Analysis) insideGroup(h Hit, group string) bool {
	for _, o := range a.hitsIn(group, h.Block) {
		if o.Block == h.Block && o.Start <= h.Start && h.End <= o.End {
			return true
		}
	}
	return false
}

// overlapsGroup reports whether a hit of group covers any of h's text.
func (a *Analysis) overlapsGroup(h Hit, group string) bool {
	for _, o := range a.hitsIn(group, h.Block) {
		if o.Block == h.Block && o.Start < h.End && h.Start < o.End {
			return true
		}
	}
	return false
}

// overlapsListed is overlapsGroup for the group's listed phrases only, not
// the claims the grammar composed into it.
func (a *Analysis) overlapsListed(h Hit, group string) bool {
	for _, o := range a.hitsIn(group, h.Block) {
		if o.Block == h.Block && o.Term.Detail != "grammar" && o.Start < h.End && h.Start < o.End {
			return true
		}
	}
	return false
}

// isMarketplace reports a third-party marketplace page, whose reviews are
// written by independent buyers rather than chosen by the brand.
func (a *Analysis) isMarketplace() bool { return len(a.hits["marketplace"]) > 0 }

// isHangul reports whether the hit starts with a Korean letter.
func (a *Analysis) isHangul(h Hit) bool {
	r, _ := utf8.DecodeRuneInString(a.Blocks[h.Block].Text[h.Start:])
	return unicode.Is(unicode.Hangul, r)
}

// appearanceAfter recognises CAP's accepted form "regenerate your skin's
// appearance": an appearance noun follows the verb's object ("淡化痘印的外观",
// "Akne izlerinin görünümünü azaltır").
func (a *Analysis) appearanceAfter(h Hit) bool {
	for _, q := range a.hitsIn("appearance-noun", h.Block) {
		if q.Block != h.Block || !a.sameSentence(q, h) || q.TokStart < h.TokEnd || q.TokStart-h.TokEnd > 3 {
			continue
		}
		return true
	}
	return false
}

// drugHit is a drug or structure/function claim; disease is set when it
// names a disease or condition.
type drugHit struct {
	Hit
	disease bool
}

// drugClaims returns the drug claims that keep passes, longest first where
// they overlap, each reported once. Appearance wording keeps a claim
// cosmetic, except for Korean, where 재생 and the like are banned whatever
// surrounds them.
func (a *Analysis) drugClaims(keep func(Hit) bool) []drugHit {
	covered := coverage{}
	var out []drugHit
	for _, h := range sortLongestFirst(preferRewrites(a.hits["drug-disease"], a.hits["drug-service"], a.hits["drug"])) {
		if overlaps(covered, h) || !keep(h) {
			continue
		}
		toks := a.Blocks[h.Block].Tokens()
		if h.TokEnd < len(toks) && toks[h.TokEnd].Key == "prone" {
			continue // "for eczema-prone skin" describes skin, not a treatment
		}
		if a.sentenceHas(h, "caution") {
			continue // "Do not use on wounds" warns; it does not claim
		}
		if a.serviceName(h) || a.insideGroup(h, "not-claim") {
			continue
		}
		if !a.isHangul(h) && (a.AppearanceQualified(h) || a.appearanceAfter(h)) {
			continue
		}
		markCovered(covered, h)
		out = append(out, drugHit{Hit: h, disease: h.Term.Group == "drug-disease" || h.Term.Group == "drug-service"})
	}
	sortDrugHits(out)
	return out
}

// serviceName reports, on a clinic page, words that name what the practice
// offers rather than claim what it does: "acne treatment" and 여드름 치료 on a
// treatment menu, "regenerative medicine", 再生医療, a bare 치료 or 治療
// (treatment). What the treatment is said to do ("regenerates damaged
// tissue", "clears acne in three sessions") is still reported.
func (a *Analysis) serviceName(h Hit) bool {
	if a.Facts.PageKind != PageClinic {
		return false
	}
	if h.Term.Group == "drug-service" {
		return true
	}
	for _, s := range a.hitsIn("clinic-service", h.Block) {
		if s.Block == h.Block && s.Start <= h.Start && h.End <= s.End {
			return true
		}
	}
	return false
}

func sortDrugHits(hs []drugHit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].Block != hs[j].Block {
			return hs[i].Block < hs[j].Block
		}
		return hs[i].Start < hs[j].Start
	})
}

// copyDrugClaims are the drug claims in the seller's own copy, outside the
// product name (name-claim reports those).
func (a *Analysis) copyDrugClaims() []drugHit {
	return a.drugClaims(func(h Hit) bool { return a.ownClaim(h) && !a.isNameBlock(h.Block) && !a.testimonialQuote(h) })
}

// testimonialDrugClaims are the drug claims in testimonials the seller
// shows: reviews on its own page, and customers' words quoted in its copy.
func (a *Analysis) testimonialDrugClaims() []drugHit {
	return a.drugClaims(func(h Hit) bool {
		return a.userClaim(h) || a.ownClaim(h) && a.testimonialQuote(h)
	})
}

// allMarketsFrom copies a rule's severity in every market, so a finding of
// one rule can be judged like another's.
func allMarketsFrom(r *Rule) map[Market]Severity {
	m := map[Market]Severity{}
	for _, mk := range AllMarkets() {
		m[mk] = r.SeverityIn(mk)
	}
	return m
}

// stepDown lowers each market's severity by one step (error to warning,
// warning to info); info stays info.
func stepDown(m map[Market]Severity) map[Market]Severity {
	out := map[Market]Severity{}
	for k, s := range m {
		if s > Info {
			s--
		}
		out[k] = s
	}
	return out
}

// matchText is the text of a hit.
func (a *Analysis) matchText(h Hit) string { return a.Blocks[h.Block].Text[h.Start:h.End] }
