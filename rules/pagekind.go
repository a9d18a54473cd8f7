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

// signalSpec says what term groups signal and how much they weigh. Weight
// is per distinct term, up to cap distinct terms. An anchor is a signal a
// kind can be decided on; without one, clinic and supplier need more weight.
type signalSpec struct {
	groups        []string
	signal        string
	kind          PageKind
	weight, cap   int
	offer, anchor bool // offer: the page sells or books something
	// notInPaper: a scientific paper says it too (a regimen, the product
	// studied), so on a paper it is no sign of a product page.
	notInPaper bool
}

func signalSpecs() []signalSpec {
	one := func(g string) []string { return []string{g} }
	return []signalSpec{
		{groups: one("kind-cart"), signal: "cart", kind: PageProduct, weight: 3, cap: 1, offer: true, anchor: true},
		{groups: one("kind-product"), signal: "product", kind: PageProduct, weight: 1, cap: 3, anchor: true},
		{groups: one("kind-directions"), signal: "directions", kind: PageProduct, weight: 2, cap: 1, anchor: true, notInPaper: true},
		{groups: one("kind-product-attr"), signal: "product-traits", kind: PageProduct, weight: 1, cap: 2, notInPaper: true},
		{groups: one("kind-booking"), signal: "booking", kind: PageClinic, weight: 3, cap: 1, offer: true, anchor: true},
		{groups: one("kind-session-price"), signal: "session-price", kind: PageClinic, weight: 2, cap: 1, anchor: true},
		{groups: one("kind-practice-own"), signal: "practice-own", kind: PageClinic, weight: 2, cap: 2, offer: true, anchor: true},
		{groups: one("kind-care"), signal: "patient-care", kind: PageClinic, weight: 2, cap: 2, anchor: true},
		{groups: one("kind-protocol"), signal: "protocol", kind: PageClinic, weight: 1, cap: 2},
		{groups: one("kind-practice"), signal: "practice", kind: PageClinic, weight: 1, cap: 2},
		{groups: one("kind-treatment"), signal: "treatment", kind: PageClinic, weight: 1, cap: 3},
		// Procedures a practitioner performs. Product pages name them too
		// ("after microneedling"), so they weigh little.
		{groups: []string{"kind-procedure", "treatment-inject", "treatment-needling"}, signal: "procedure", kind: PageClinic, weight: 1, cap: 2},
		// Words for products at all ("serum", "our formulas", "cosmetics"):
		// a page about a product, if nothing says more.
		{groups: []string{"kind-product-noun", "kind-product-generic"}, signal: "product-words", kind: PageProduct, weight: 1, cap: 2, notInPaper: true},
		{groups: one("kind-supplier"), signal: "supplier", kind: PageSupplier, weight: 2, cap: 3, anchor: true},
		{groups: one("kind-material"), signal: "material", kind: PageSupplier, weight: 1, cap: 3},
		{groups: one("kind-article"), signal: "article", kind: PageArticle, weight: 1, cap: 5},
		{groups: one("kind-discussion"), signal: "discussion", kind: PageArticle, weight: 1, cap: 2},
		{groups: one("kind-reporting"), signal: "reporting", kind: PageArticle, weight: 1, cap: 2},
		{groups: one("kind-science"), signal: "science", kind: PageArticle, weight: 1, cap: 3},
		{groups: one("kind-noncommercial"), signal: "noncommercial", kind: PageArticle, weight: 2, cap: 1},
		// A critical stance ("no evidence", "banned") is a sign of an
		// article too, and tells one that warns about claims from an
		// advertorial (promotion).
		{groups: one("kind-critical"), signal: "critical", kind: PageArticle, weight: 1, cap: 2},
	}
}

// pageKindState is what classifyPage learns, kept for computeFacts.
type pageKindState struct {
	offer bool
}

// kindTally gathers the evidence: each signal once, with its count and
// first place, and the weight each kind has.
type kindTally struct {
	a       *Analysis
	signals map[string]*KindSignal
	order   []string
	score   map[PageKind]int
	weight  map[string]int  // what each signal added to its kind's score
	strong  map[string]bool // an offer or an anchor, shown first
	offer   bool
	anchor  map[PageKind]bool
}

func (t *kindTally) note(name string, kind PageKind, at *Hit, text string) *KindSignal {
	s := t.signals[name]
	if s == nil {
		s = &KindSignal{Signal: name, For: kind}
		if at != nil {
			fc := t.a.fact(*at)
			s.Text, s.Line, s.Column = fc.Text, fc.Line, fc.Column
		} else {
			s.Text = text
		}
		t.signals[name] = s
		t.order = append(t.order, name)
	}
	s.Count++
	return s
}

// hits adds a signal made of hits, weighing each distinct key up to cap.
func (t *kindTally) hits(name string, kind PageKind, hs []Hit, key func(Hit) string, weight, cap int, offer, anchor bool) {
	distinct := map[string]bool{}
	for _, h := range hs {
		h := h
		t.note(name, kind, &h, "")
		distinct[key(h)] = true
	}
	if n := len(distinct); n > 0 {
		if n > cap {
			n = cap
		}
		t.add(kind, name, n*weight)
		t.strong[name] = offer || anchor
		t.offer = t.offer || offer
		t.anchor[kind] = t.anchor[kind] || anchor
	}
}

// kindSignals counts the different signals found for a kind.
func (t *kindTally) kindSignals(k PageKind) int {
	n := 0
	for _, s := range t.signals {
		if s.For == k {
			n++
		}
	}
	return n
}

// add adds a signal's weight to its kind's score.
func (t *kindTally) add(kind PageKind, name string, w int) {
	t.score[kind] += w
	t.weight[name] += w
}

// strongAdd adds the weight of an offer or an anchor.
func (t *kindTally) strongAdd(kind PageKind, name string, w int) {
	t.add(kind, name, w)
	t.strong[name] = true
}

func (t *kindTally) has(name string) bool { return t.signals[name] != nil }

func (t *kindTally) count(name string) int {
	if s := t.signals[name]; s != nil {
		return s.Count
	}
	return 0
}

// classifyPage decides the page kind from its signals and records the
// evidence. No single word decides: a kind needs enough weight, and any sign
// of an offer (a price, a cart, booking, Product schema, the page speaking
// of its own product or treatment) keeps a page from being an article.
func (a *Analysis) classifyPage() {
	f := &a.Facts
	t := &kindTally{a: a, signals: map[string]*KindSignal{}, score: map[PageKind]int{}, weight: map[string]int{}, strong: map[string]bool{}, anchor: map[PageKind]bool{}}
	termText := func(h Hit) string { return h.Term.Text }
	paper := a.isPaper()
	for _, spec := range signalSpecs() {
		if paper && spec.notInPaper {
			continue
		}
		var hs []Hit
		for _, g := range spec.groups {
			for _, h := range a.hits[g] {
				if !a.signalCounts(h) || g == "kind-reporting" && a.overlapsGroup(h, "kind-article") {
					continue // "told us" is one sign, not two
				}
				if g == "kind-treatment" && a.forTreatments(h) {
					continue // "concentrate for professional treatments": a product's purpose
				}
				if spec.anchor && spec.kind != PageArticle && !a.voiceCounts(h) {
					continue // a clinic quoted in the news speaks for itself, not for the page
				}
				hs = append(hs, h)
			}
		}
		sortHits(hs)
		t.hits(spec.signal, spec.kind, hs, termText, spec.weight, spec.cap, spec.offer, spec.anchor)
	}
	// A byline and a date line: one sign each, however many.
	byline, dates := a.articleFurniture()
	for _, h := range a.hits["kind-dateline"] {
		if a.signalCounts(h) {
			dates = append(dates, h)
		}
	}
	sortHits(dates)
	same := func(Hit) string { return "" }
	t.hits("byline", PageArticle, byline, same, 1, 1, false, false)
	t.hits("dateline", PageArticle, dates, same, 1, 1, false, false)
	voice := a.findVoice()
	t.hits("practice-voice", PageClinic, voice.practice, voiceKey, 2, 2, true, true)
	t.hits("brand-voice", PageProduct, voice.brand, voiceKey, 2, 2, true, true)
	t.hits("own-exosomes", PageProduct, voice.ownEV, voiceKey, 1, 1, true, false)

	prices, priceBlocks := 0, map[int]bool{}
	for i, b := range a.Blocks {
		if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
			continue
		}
		for _, p := range findPrices(b.Text) {
			h := Hit{Block: i, Match: Match{Start: p[0], End: p[1]}}
			t.note("price", PageProduct, &h, "")
			prices++
			priceBlocks[i] = true
		}
	}
	if prices > 0 {
		t.offer = true
	}
	// A price beside a session unit, a treatment word or a duration is a
	// treatment menu: "Course of 3 sessions: £895", "1회 25만원", "$140 · 60
	// minutes".
	if !t.has("session-price") {
		var units []Hit
		for _, g := range []string{"kind-session-unit", "kind-treatment", "kind-duration"} {
			units = append(units, a.hits[g]...)
		}
		for _, h := range units {
			if !a.signalCounts(h) || a.forTreatments(h) {
				continue
			}
			s := a.SentenceOf(h)
			if len(findPrices(a.Blocks[h.Block].Text[s.Start:s.End])) > 0 && !a.namesProduct(h) {
				h := h
				t.note("session-price", PageClinic, &h, "")
				t.strongAdd(PageClinic, "session-price", 2)
				t.anchor[PageClinic] = true
				break
			}
		}
	}
	// Prices are a product's unless they are a treatment menu's.
	if prices > 0 && !t.has("session-price") {
		t.strongAdd(PageProduct, "price", 1)
		t.anchor[PageProduct] = true
	}
	if h, ok := productNamed(a); ok {
		t.note("product-name", PageProduct, &h, "")
		t.add(PageProduct, "product-name", 2)
	}
	if h, ok := treatmentNamed(a); ok {
		t.note("treatment-name", PageClinic, &h, "")
		t.add(PageClinic, "treatment-name", 2)
	}
	// Evidence of one primary product: its ingredient list, its Product
	// schema or og:type. Recommendation carousels add prices, not these.
	primary := false
	if hasIngredientBlock(a) {
		t.note("ingredient-list", PageProduct, nil, "")
		t.strongAdd(PageProduct, "ingredient-list", 2)
		primary = true
	}
	if a.Doc.Structured {
		t.note("product-schema", PageProduct, nil, "schema.org Product")
		t.strongAdd(PageProduct, "product-schema", 3)
		t.offer = true
		primary = true
	}
	for _, m := range a.Doc.OfferMarkup {
		t.note(m, PageProduct, nil, "")
		t.strongAdd(PageProduct, m, 3)
		t.offer = true
		primary = primary || m == scraper.OfferProductType
	}
	if primary || len(a.Doc.OfferMarkup) > 0 {
		t.anchor[PageProduct] = true
	}

	kind := decideKind(t, primary, paper, prices, len(priceBlocks))
	if kind == PageCatalog {
		t.note("many-products", PageCatalog, nil, fmt.Sprintf("%d prices in %d places", prices, len(priceBlocks))).Count = len(priceBlocks)
	}
	f.PageKind = kind
	a.kind.offer = t.offer
	f.PageKindEvidence = make([]KindSignal, 0, len(t.order))
	for _, name := range t.order {
		f.PageKindEvidence = append(f.PageKindEvidence, *t.signals[name])
	}
	// The evidence for the decided kind first, offers and anchors first and
	// the weightiest first among them: a Product schema before a word for a
	// product.
	sort.SliceStable(f.PageKindEvidence, func(i, j int) bool {
		x, y := f.PageKindEvidence[i], f.PageKindEvidence[j]
		if (x.For == kind) != (y.For == kind) {
			return x.For == kind
		}
		if x.For != kind {
			return false
		}
		if t.strong[x.Signal] != t.strong[y.Signal] {
			return t.strong[x.Signal]
		}
		return t.weight[x.Signal] > t.weight[y.Signal]
	})
}

// isPaper reports two different signs of a scientific paper (an abstract, a
// DOI, "et al."): its "we" is its authors, its regimen is a method.
func (a *Analysis) isPaper() bool {
	science := map[string]bool{}
	for _, h := range a.hits["kind-science"] {
		science[h.Term.Text] = true
	}
	return len(science) >= 2
}

// namesProduct reports a product noun in the hit's sentence: a price there
// is a product's ("Bioestimulador concentrado para tratamentos
// profissionais: R$ 350"), not a treatment's.
func (a *Analysis) namesProduct(h Hit) bool {
	for _, p := range a.hits["kind-product-noun"] {
		if a.sameSentence(p, h) {
			return true
		}
	}
	return false
}

// signalCounts reports whether a term hit is a signal of the page itself:
// the page's own copy, not a review, not negated ("we do not offer
// injections"), not in a question.
func (a *Analysis) signalCounts(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
		return false
	}
	switch h.Term.Group {
	case "kind-article", "kind-discussion", "kind-critical", "kind-reporting", "kind-dateline":
		return true // "we do not sell" and "no affiliate" are themselves signs
	}
	if h.Term.Group == "kind-practice" && professionAsEvidence(a.Blocks[h.Block].Tokens(), h) {
		return false // "dermatologist tested", "physician formulated": a product's badge
	}
	studySetting := h.Term.Group == "kind-practice" || h.Term.Group == "kind-treatment" || h.Term.Group == "kind-protocol"
	if studySetting && (len(a.nearHits(h, "kind-study", 1)) > 0 || len(a.nearHits(h, "evidence-design", 1)) > 0) {
		// "Results from volunteer studies… after four in-clinic
		// procedures": where a study was done, not what the page offers.
		// The same for a protocol word ("in-clinic", "in-office").
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

// decideKind turns the tally into a kind. Supplier and clinic need their own
// anchors or more weight, since product pages also mention clinics and
// practitioners; an article needs two different signs and no offer at all; a
// catalog needs many offers and no primary product, so a product page with a
// carousel of others stays a product page.
func decideKind(t *kindTally, primary, paper bool, prices, priceBlocks int) PageKind {
	sup, cli, pro, art := t.score[PageSupplier], t.score[PageClinic], t.score[PageProduct], t.score[PageArticle]
	clinicAnchor := t.anchor[PageClinic]
	carts, sizes := t.count("cart"), t.count("product")
	many := prices >= 3 && priceBlocks >= 3 && (carts >= 2 || sizes >= 3 || priceBlocks >= 5) || carts >= 4
	named := t.has("product-name") && !t.has("treatment-name")
	editorial := t.has("article") || t.has("reporting") || t.has("byline") || t.has("dateline") || t.has("noncommercial")
	catalog := many && !primary
	switch {
	case sup >= 4 && sup >= cli && sup > pro && t.has("supplier"):
		return PageSupplier
	case cli >= 3 && clinicAnchor && cli > pro:
		return PageClinic
	case catalog && cli < 3:
		return PageCatalog
	case pro >= 3 && pro >= cli && t.anchor[PageProduct] || t.offer && !clinicAnchor && pro >= cli:
		return PageProduct
	case cli >= 3 && clinicAnchor:
		return PageClinic
	case sup >= 4 && sup > pro:
		return PageSupplier
	case art >= 2 && !t.offer && art >= pro && (editorial || paper || art >= cli):
		// Science and a critical word are found on clinic pages too; an
		// article outweighed by treatment words needs a sign of the press.
		return PageArticle
	case cli > pro && cli > art && !editorial && !named && (cli >= 3 || cli >= 2 && t.kindSignals(PageClinic) >= 2):
		// Treatment and procedure words of more than one kind, more than
		// product or article words, no sign of the press, and a page not named for a
		// product ("serum for after your laser session" is a product's
		// page): a practice describing what it does.
		return PageClinic
	case pro >= 2 || t.offer || pro >= 1 && (t.anchor[PageProduct] || t.count("product-words") >= 2):
		// One product word said once ("a gentle cleanser") is not enough;
		// a product spoken of again ("our serums ... these serums") is.
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
// Barrier Cream", "Rose EV Serum", 로즈 앰플, Sérum de exosomas): the page
// is about a product.
func productNamed(a *Analysis) (Hit, bool) {
	for _, h := range a.hits["kind-product-noun"] {
		if a.namesPage(h) {
			return h, true
		}
	}
	return Hit{}, false
}

// namesPage reports a hit in the page's name: its title, its h1, or the
// first line of a text. "Do exosome serums work?" names a subject, not the
// page's product.
func (a *Analysis) namesPage(h Hit) bool {
	k := a.Blocks[h.Block].Kind
	named := k == scraper.KindProductName || k == scraper.KindTitle || a.isNameBlock(h.Block) || a.onTitleLine(h)
	return named && !a.InQuestion(h)
}

// maxTitleLineBytes is the longest first line of a text read as its title.
const maxTitleLineBytes = 120

// onTitleLine reports a hit on the first line of a plain text whose
// reader ran that line into the next ("Clinic-grade Exosome Serum" above
// the copy): a short first line without a full stop is the text's title.
func (a *Analysis) onTitleLine(h Hit) bool {
	if h.Block != 0 || a.Doc.Format != scraper.FormatText {
		return false
	}
	b := a.Blocks[0]
	end := -1
	for _, tk := range b.Tokens() {
		if a.lineOf(0, tk.Start) != a.lineOf(0, 0) {
			end = tk.Start
			break
		}
	}
	if end < 0 || end > maxTitleLineBytes || h.End > end {
		return false
	}
	first := strings.TrimSpace(b.Text[:end])
	return !strings.HasSuffix(first, ".") && !strings.HasSuffix(first, "。")
}

// lineOf is the source line of an offset in block i.
func (a *Analysis) lineOf(i, off int) int {
	s, _ := a.Blocks[i].SourceRange(off, off)
	return a.Doc.Position(s).Line
}

// treatmentNamed finds a treatment noun in the page's name or title ("Rose
// EV Glow Facial", "Exosome Therapy for Hair Loss", 엑소좀 시술): the page is
// about a treatment. "Facial Serum" names a product.
func treatmentNamed(a *Analysis) (Hit, bool) {
	for _, h := range a.hits["kind-treatment-noun"] {
		if a.namesPage(h) && !a.productNounAt(h.Block, h.TokEnd) {
			return h, true
		}
	}
	return Hit{}, false
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
