package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// PageKind is what a page is. Rules declare the kinds they apply to
// (Rule.Kinds), and messages speak to the kind: a treatment on a clinic
// page, a cosmetic on a product page.
type PageKind string

// Page kinds.
const (
	// PageProduct sells one product: a price, a cart, a size, directions.
	PageProduct PageKind = "product"
	// PageClinic is a practice offering treatments: booking, sessions,
	// "our clinic", a treatment menu.
	PageClinic PageKind = "clinic"
	// PageSupplier sells exosome material to practitioners or brands:
	// vials, wholesale, "for professionals", "research use only".
	PageSupplier PageKind = "supplier"
	// PageCatalog lists many products with their prices.
	PageCatalog PageKind = "catalog"
	// PageArticle is editorial, science, news or a blog with no offer.
	PageArticle PageKind = "article"
	// PageUnknown shows no sign either way; it is checked like a product.
	PageUnknown PageKind = "unknown"
)

// AllPageKinds lists every kind, in display order.
func AllPageKinds() []PageKind {
	return []PageKind{PageProduct, PageClinic, PageSupplier, PageCatalog, PageArticle, PageUnknown}
}

// ProductKinds are the kinds whose offer is a product (or could be): every
// kind but clinic. Rules about cosmetics declare these; the clinic rules
// speak to treatments instead.
func ProductKinds() []PageKind {
	return []PageKind{PageProduct, PageSupplier, PageCatalog, PageArticle, PageUnknown}
}

// TreatmentKinds are the kinds that offer treatments.
func TreatmentKinds() []PageKind { return []PageKind{PageClinic} }

// KindsText describes the kinds a rule applies to for people: "every page
// kind", or the list ("clinic", "product, supplier, catalog, article,
// unknown").
func KindsText(r *Rule) string {
	if len(r.Kinds) == 0 {
		return ""
	}
	if len(r.Kinds) == len(AllPageKinds()) {
		return "every page kind"
	}
	parts := make([]string, len(r.Kinds))
	for i, k := range r.Kinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}

// KindSignal is one piece of evidence for the page kind: a signal, the kind
// it points to, how often it occurs and where it first does.
type KindSignal struct {
	Signal string   `json:"signal"`
	For    PageKind `json:"for"`
	Count  int      `json:"count"`
	Text   string   `json:"text,omitempty"`
	Line   int      `json:"line,omitempty"`
	Column int      `json:"column,omitempty"`
}

// signalSpec says what a term group signals and how much it weighs. Weight
// is per distinct term, up to cap distinct terms.
type signalSpec struct {
	group, signal string
	kind          PageKind
	weight, cap   int
	offer         bool // the page sells or books something
}

func signalSpecs() []signalSpec {
	return []signalSpec{
		{"kind-cart", "cart", PageProduct, 3, 1, true},
		{"kind-product", "product", PageProduct, 1, 3, false},
		{"kind-booking", "booking", PageClinic, 3, 1, true},
		{"kind-session-price", "session-price", PageClinic, 2, 1, false},
		{"kind-practice-own", "practice-own", PageClinic, 2, 2, true},
		{"kind-practice", "practice", PageClinic, 1, 2, false},
		{"kind-treatment", "treatment", PageClinic, 1, 3, false},
		{"kind-supplier", "supplier", PageSupplier, 2, 3, false},
		{"kind-material", "material", PageSupplier, 1, 3, false},
		{"kind-article", "article", PageArticle, 1, 5, false},
		{"kind-science", "science", PageArticle, 1, 3, false},
		{"kind-noncommercial", "noncommercial", PageArticle, 2, 1, false},
		// A critical stance ("no evidence", "banned") is a sign of an
		// article too, and tells one that warns about claims from an
		// advertorial (promotion).
		{"kind-critical", "critical", PageArticle, 1, 2, false},
	}
}

// pageKindState is what classifyPage learns, kept for computeFacts.
type pageKindState struct {
	offer bool
}

// classifyPage decides the page kind from its signals and records the
// evidence. No single word decides: a kind needs enough weight, and any sign
// of an offer (a price, a cart, booking, Product schema) keeps a page from
// being an article.
func (a *Analysis) classifyPage() {
	f := &a.Facts
	signals := map[string]*KindSignal{}
	var order []string
	note := func(name string, kind PageKind, at *Hit, text string) *KindSignal {
		s := signals[name]
		if s == nil {
			s = &KindSignal{Signal: name, For: kind}
			if at != nil {
				fc := a.fact(*at)
				s.Text, s.Line, s.Column = fc.Text, fc.Line, fc.Column
			} else {
				s.Text = text
			}
			signals[name] = s
			order = append(order, name)
		}
		s.Count++
		return s
	}
	score := map[PageKind]int{}
	offer := false
	for _, spec := range signalSpecs() {
		distinct := map[string]bool{}
		for _, h := range a.hits[spec.group] {
			if !a.signalCounts(h) || spec.group == "kind-treatment" && a.forTreatments(h) {
				continue
			}
			h := h
			note(spec.signal, spec.kind, &h, "")
			distinct[h.Term.Text] = true
		}
		if n := len(distinct); n > 0 {
			if n > spec.cap {
				n = spec.cap
			}
			score[spec.kind] += n * spec.weight
			offer = offer || spec.offer
		}
	}
	prices, priceBlocks := 0, map[int]bool{}
	for i, b := range a.Blocks {
		if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
			continue
		}
		for _, p := range findPrices(b.Text) {
			h := Hit{Block: i, Match: Match{Start: p[0], End: p[1]}}
			note("price", PageProduct, &h, "")
			prices++
			priceBlocks[i] = true
		}
	}
	if prices > 0 {
		score[PageProduct]++
		offer = true
	}
	// A price beside a session or treatment word is a treatment menu:
	// "Course of 3 sessions: £895", "1회 25만원".
	if signals["session-price"] == nil {
		for _, h := range a.hits["kind-treatment"] {
			if !a.signalCounts(h) || a.forTreatments(h) {
				continue
			}
			s := a.SentenceOf(h)
			if len(findPrices(a.Blocks[h.Block].Text[s.Start:s.End])) > 0 {
				h := h
				note("session-price", PageClinic, &h, "")
				score[PageClinic] += 2
				break
			}
		}
	}
	if h, ok := productNamed(a); ok {
		note("product-name", PageProduct, &h, "")
		score[PageProduct]++
	}
	own := ownProducts(a)
	for _, h := range own {
		h := h
		note("own-product", PageProduct, &h, "")
	}
	if len(own) > 0 {
		score[PageProduct] += 2
		offer = true
	}
	if hasIngredientBlock(a) {
		note("ingredient-list", PageProduct, nil, "")
		score[PageProduct] += 2
	}
	if a.Doc.Structured {
		note("product-schema", PageProduct, nil, "schema.org Product")
		score[PageProduct] += 3
		offer = true
	}
	for _, m := range a.Doc.OfferMarkup {
		note(m, PageProduct, nil, "")
		score[PageProduct] += 3
		offer = true
	}

	kind := decideKind(score, offer, signals, prices, len(priceBlocks))
	if kind == PageCatalog {
		note("many-products", PageCatalog, nil, fmt.Sprintf("%d prices in %d places", prices, len(priceBlocks))).Count = len(priceBlocks)
	}
	f.PageKind = kind
	a.kind.offer = offer
	f.PageKindEvidence = make([]KindSignal, 0, len(order))
	for _, name := range order {
		f.PageKindEvidence = append(f.PageKindEvidence, *signals[name])
	}
	sort.SliceStable(f.PageKindEvidence, func(i, j int) bool {
		x, y := f.PageKindEvidence[i], f.PageKindEvidence[j]
		if (x.For == kind) != (y.For == kind) {
			return x.For == kind // the evidence for the decided kind first
		}
		return false
	})
}

// signalCounts reports whether a term hit is a signal of the page itself:
// the page's own copy, not a review, not negated ("we do not offer
// injections"), not in a question.
func (a *Analysis) signalCounts(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
		return false
	}
	if h.Term.Group == "kind-article" || h.Term.Group == "kind-critical" {
		return true // "we do not sell" and "no affiliate" are themselves signs
	}
	if h.Term.Group == "kind-practice" && professionAsEvidence(a.Blocks[h.Block].Tokens(), h) {
		return false // "dermatologist tested", "physician formulated": a product's badge
	}
	if (h.Term.Group == "kind-practice" || h.Term.Group == "kind-treatment") && (len(a.nearHits(h, "kind-study", 1)) > 0 || len(a.nearHits(h, "evidence-design", 1)) > 0) {
		// "Results from volunteer studies… after four in-clinic
		// procedures": where a study was done, not what the page offers.
		return false
	}
	return !a.Negated(h) && !a.InQuestion(h)
}

// professionAsEvidence reports a profession named as a product's badge
// ("dermatologist tested", "physician-formulated", "dermatologist
// recommended"), which a shop writes, not a practice.
func professionAsEvidence(toks []Token, h Hit) bool {
	if h.TokEnd >= len(toks) {
		return false
	}
	switch toks[h.TokEnd].Key {
	case "tested", "recommended", "approved", "developed", "formulated", "designed", "grade", "strength", "trusted", "favorite", "favourite":
		return true
	}
	return false
}

// forTreatments reports a treatment word that states a product's purpose
// ("concentrate for professional treatments", "para tratamentos
// profissionais", 施術用, "tedaviler için"): a product made for treatments,
// which a supplier or a shop sells, not a practice offering them.
func (a *Analysis) forTreatments(h Hit) bool {
	b := a.Blocks[h.Block]
	toks := b.Tokens()
	word := strings.ToLower(a.matchText(h))
	if !isTreatmentNoun(word) && !isTreatmentNoun(strings.TrimSuffix(word, "s")) && word != "procedure" && word != "procedures" && word != "시술" && word != "施術" {
		return false
	}
	for t := h.TokStart - 1; t >= 0 && t >= h.TokStart-2; t-- {
		switch toks[t].Key {
		case "for", "para", "pour", "für", "per", "для":
			return true
		}
	}
	if h.TokEnd < len(toks) {
		switch toks[h.TokEnd].Key {
		case "için", "용", "用", "向":
			return true
		}
	}
	return false
}

// decideKind turns scores into a kind. Supplier and clinic need their own
// anchors, since product pages also mention clinics and practitioners; an
// article needs two different signs and no offer at all.
func decideKind(score map[PageKind]int, offer bool, signals map[string]*KindSignal, prices, priceBlocks int) PageKind {
	has := func(name string) bool { return signals[name] != nil }
	sup, cli, pro, art := score[PageSupplier], score[PageClinic], score[PageProduct], score[PageArticle]
	clinicAnchor := has("booking") || has("practice-own") || has("session-price")
	carts := 0
	if s := signals["cart"]; s != nil {
		carts = s.Count
	}
	sizes := 0
	if s := signals["product"]; s != nil {
		sizes = s.Count
	}
	catalog := prices >= 3 && priceBlocks >= 3 && (carts >= 2 || sizes >= 3) || carts >= 4
	switch {
	case sup >= 4 && sup >= cli && sup > pro && has("supplier"):
		return PageSupplier
	case cli >= 3 && clinicAnchor && cli > pro:
		return PageClinic
	case catalog && cli < 3:
		return PageCatalog
	case pro >= 3 && pro >= cli || offer && !clinicAnchor && pro >= cli:
		return PageProduct
	case cli >= 3 && clinicAnchor:
		return PageClinic
	case sup >= 4 && sup > pro:
		return PageSupplier
	case art >= 2 && !offer:
		return PageArticle
	case cli >= 2 && cli > pro && has("treatment"):
		return PageClinic
	case pro >= 1 || offer:
		return PageProduct
	}
	return PageUnknown
}

// promotion reports, for an article, the signs that it promotes a named
// product or treatment rather than discussing exosomes: a maker or a
// trademark beside an exosome claim, or claims of benefit in its own voice
// without a critical word anywhere (an advertorial is an article that
// sells). A study of a product on people ("product-study") is reported too:
// it makes the exosomes a treatment used, but a scientific paper promotes
// nothing (see isPromoting).
func (a *Analysis) promotion(claims []Hit) []KindSignal {
	var out []KindSignal
	add := func(name string, h Hit) {
		for i := range out {
			if out[i].Signal == name {
				out[i].Count++
				return
			}
		}
		fc := a.fact(h)
		out = append(out, KindSignal{Signal: name, For: PageArticle, Count: 1, Text: fc.Text, Line: fc.Line, Column: fc.Column})
	}
	near := func(x, y Hit) bool { return x.Block == y.Block && abs(a.sentenceIndex(x)-a.sentenceIndex(y)) <= 1 }
	for _, c := range claims {
		for _, g := range []string{"kind-company", "kind-study", "evidence-design"} {
			for _, h := range a.hits[g] {
				if near(h, c) {
					name := "named-maker"
					if g != "kind-company" {
						name = "product-study"
					}
					add(name, h)
				}
			}
		}
		if t, ok := trademarkNear(a, c); ok {
			add("trademark", t)
		}
	}
	// Claims of benefit in the page's own voice, beside an exosome claim
	// and away from any critical word: an advertorial. A page that says it
	// sells nothing, or warns about claims at all, is not one.
	critical := map[string]bool{}
	for _, h := range a.hits["kind-critical"] {
		critical[h.Term.Text] = true
	}
	if len(a.hits["kind-noncommercial"]) > 0 || len(critical) >= 1 || len(a.hits["kind-science"]) > 0 {
		return out
	}
	// A product named by its brand beside a claim ("the MiniProtein
	// Exosome Bioactive Ampoule features…").
	for _, c := range claims {
		if h, ok := namedProductNear(a, c); ok {
			add("named-product", h)
		}
	}
	own := map[string]Hit{}
	for _, g := range []string{"drug", "drug-disease", "hype"} {
		for _, h := range a.hits[g] {
			if !a.IsCopy(h) || a.Blocks[h.Block].Kind == scraper.KindIngredients || len(a.nearHits(h, "kind-critical", 1)) > 0 {
				continue
			}
			for _, c := range claims {
				if near(h, c) {
					own[strings.ToLower(a.matchText(h))] = h
					break
				}
			}
		}
	}
	if len(own) >= 2 {
		keys := make([]string, 0, len(own))
		for k := range own {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return lessHit(own[keys[i]], own[keys[j]]) })
		for _, k := range keys {
			add("own-claims", own[k])
		}
	}
	return out
}

func lessHit(x, y Hit) bool {
	if x.Block != y.Block {
		return x.Block < y.Block
	}
	return x.Start < y.Start
}

// namedProductNear finds a product noun written as part of a name (the word
// before it capitalised mid-sentence: "Bioactive Ampoule", "Rose EV Serum")
// in the claim's sentence or the next, not in a question.
func namedProductNear(a *Analysis, c Hit) (Hit, bool) {
	b := a.Blocks[c.Block]
	si := a.sentenceIndex(c)
	for k := si; k <= si+1 && k < len(b.Sentences); k++ {
		s := b.Sentences[k]
		if s.Question {
			continue
		}
		for t := s.TokStart + 1; t < s.TokEnd; t++ {
			tk := b.Tokens()[t]
			if !isProductNoun(tk.Key) || tk.Key == "product" || tk.Key == "formula" || t-1 == s.TokStart {
				continue
			}
			prev := b.Tokens()[t-1]
			r, _ := utf8.DecodeRuneInString(b.Text[prev.Start:])
			if unicode.IsUpper(r) {
				r2, _ := utf8.DecodeRuneInString(b.Text[tk.Start:])
				if unicode.IsUpper(r2) {
					return Hit{Block: c.Block, Match: Match{Start: prev.Start, End: tk.End, TokStart: t - 1, TokEnd: t + 1}}, true
				}
			}
		}
	}
	return Hit{}, false
}

// isPromoting reports whether the promotion evidence makes the article an
// offer: any sign but a study, and never on a scientific paper.
func (a *Analysis) isPromoting(ev []KindSignal) bool {
	if len(a.hits["kind-science"]) > 0 {
		return false
	}
	for _, s := range ev {
		if s.Signal != "product-study" {
			return true
		}
	}
	return false
}

// trademarkNear finds a ® or ™ sign in the claim's sentence or the next one:
// a brand's product named beside the claim.
func trademarkNear(a *Analysis, c Hit) (Hit, bool) {
	b := a.Blocks[c.Block]
	si := a.sentenceIndex(c)
	for k := si - 1; k <= si+1; k++ {
		if k < 0 || k >= len(b.Sentences) {
			continue
		}
		s := b.Sentences[k]
		for _, sign := range []string{"®", "™"} {
			if i := strings.Index(b.Text[s.Start:s.End], sign); i >= 0 {
				at := s.Start + i
				return Hit{Block: c.Block, Match: Match{Start: at, End: at + len(sign)}}, true
			}
		}
	}
	return Hit{}, false
}

// currencySymbols stand before or after an amount.
func currencySymbols() []string {
	return []string{"US$", "R$", "NT$", "HK$", "A$", "C$", "S$", "$", "€", "£", "¥", "￥", "₩", "₺", "₽", "₹", "₫", "฿"}
}

// currencyWords follow an amount ("150,000원", "5500円", "199元", "49 €").
func currencyWords() []string {
	return []string{"만원", "원", "円", "元", "руб", "р.", "tl", "eur", "usd", "krw", "jpy", "cny", "rmb", "gbp", "brl", "chf", "zł",
		"euro", "euros", "dollars", "yen", "won", "reais", "lira"}
}

// findPrices returns the byte ranges of prices in text: a currency symbol or
// code next to a number, in any of the notations the languages use.
func findPrices(text string) [][2]int {
	var out [][2]int
	lower := strings.ToLower(text)
	symbols := currencySymbols()
	after := append(append([]string{}, symbols...), currencyWords()...)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) || i > 0 && isWordByte(text[i-1]) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			c := text[j]
			if c >= '0' && c <= '9' || (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		start, end := i, j
		found := false
		// symbol before: "$49", "R$ 120", "€ 35"
		before := strings.TrimRight(text[:i], " ")
		for _, s := range symbols {
			if strings.HasSuffix(before, s) {
				start = len(before) - len(s)
				found = true
				break
			}
		}
		if !found {
			for _, code := range []string{"usd", "eur", "krw", "jpy", "cny", "rmb", "gbp", "brl", "chf"} {
				if strings.HasSuffix(strings.ToLower(before), code) && (len(before) == len(code) || !isWordByte(before[len(before)-len(code)-1])) {
					start = len(before) - len(code)
					found = true
					break
				}
			}
		}
		if !found {
			rest := lower[j:]
			trimmed := strings.TrimLeft(rest, " ")
			for _, w := range after {
				w = strings.ToLower(w)
				if !strings.HasPrefix(trimmed, w) {
					continue
				}
				next := trimmed[len(w):]
				// "원칙" (principle) and "元素" (element) are words, not prices.
				if nr, _ := utf8.DecodeRuneInString(next); next != "" && (unicode.IsLetter(nr) && !isCJKPunct(nr) && (nr < utf8.RuneSelf || isCJK(nr))) {
					continue
				}
				end = j + (len(rest) - len(trimmed)) + len(w)
				found = true
				break
			}
		}
		if found {
			out = append(out, [2]int{start, end})
		}
		if j == i {
			j = i + size
		}
		i = j
	}
	return out
}

// isProductNoun reports a word that names a product the seller holds in
// its hands.
func isProductNoun(key string) bool {
	switch key {
	case "serum", "cream", "ampoule", "ampule", "essence", "mask", "toner", "lotion", "gel", "balm", "mist", "booster",
		"formula", "product", "kit", "concentrate", "moisturizer", "moisturiser", "cleanser", "shampoo", "oil":
		return true
	}
	return false
}

// productNamed finds a product noun in the page's name or title ("Daily
// Barrier Cream", "Rose EV Serum"): the page is about a product.
func productNamed(a *Analysis) (Hit, bool) {
	for i, b := range a.Blocks {
		if b.Kind != scraper.KindProductName && b.Kind != scraper.KindTitle {
			continue
		}
		for t, tk := range b.Tokens() {
			if isProductNoun(tk.Key) && tk.Key != "product" && tk.Key != "formula" {
				return Hit{Block: i, Match: Match{Start: tk.Start, End: tk.End, TokStart: t, TokEnd: t + 1}}, true
			}
		}
	}
	return Hit{}, false
}

// ownProducts finds the seller's own product named as such: "our", "this"
// or "my" followed within three words by a product noun ("Our Rose EV
// Serum", "this exosome ampoule"). An article does not say "our serum".
func ownProducts(a *Analysis) []Hit {
	var out []Hit
	for i, b := range a.Blocks {
		if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
			continue
		}
		toks := b.Tokens()
		for t := range toks {
			if k := toks[t].Key; k != "our" && k != "this" {
				continue
			}
			for u := t + 1; u < len(toks) && u <= t+4; u++ {
				if isProductNoun(toks[u].Key) {
					// "our serum supplier" names someone else's product.
					if u+1 < len(toks) && (toks[u+1].Key == "supplier" || toks[u+1].Key == "manufacturer" || toks[u+1].Key == "maker") {
						break
					}
					h := Hit{Block: i, Match: Match{Start: toks[t].Start, End: toks[u].End, TokStart: t, TokEnd: u + 1}}
					if !a.Negated(h) && !a.InQuestion(h) {
						out = append(out, h)
					}
					break
				}
			}
		}
	}
	return out
}

func hasIngredientBlock(a *Analysis) bool {
	for _, b := range a.Blocks {
		if b.Kind == scraper.KindIngredients {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isCJKPunct(r rune) bool { return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff0f }
