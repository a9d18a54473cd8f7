package scraper

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/exolint/exolint/scraper/inci"
	"github.com/exolint/exolint/scraper/inci/cosing"
)

// Reader turns input bytes into Documents. It holds compiled patterns, so
// make one and reuse it; it is safe for concurrent use.
type Reader struct {
	ingLabel  *regexp.Regexp
	ingPrefix *regexp.Regexp
	bullet    *regexp.Regexp
	skipWords []string
	userWords []string
	// reviewsLabel matches a heading over customers' words.
	reviewsLabel *regexp.Regexp
	// reco recognises a heading over other products, contents one over
	// the product's own parts or use (widgets.go).
	reco, contents labelPhrases
	// names loads the CosIng names on first use, once per Reader.
	names func() (*cosing.Names, error)
}

// NewReader returns a Reader.
func NewReader() *Reader {
	return &Reader{
		ingLabel:     ingredientLabel(),
		ingPrefix:    ingredientPrefix(),
		bullet:       regexp.MustCompile(`^[ \t]*(?:[-*•·▪►✓✔]|\d{1,3}[.)])[ \t]+`),
		reviewsLabel: regexp.MustCompile(`(?i)^\s*(?:top |customer |verified |most helpful )?(?:reviews?|ratings? (?:and|&) reviews|testimonials?|what (?:our )?customers (?:are )?say(?:ing)?|q ?& ?a|questions (?:and|&) answers|customer questions|리뷰|상품\s*후기|구매\s*후기|후기|评价|用户评价|买家评价|レビュー|口コミ|opiniones|reseñas|avis(?: clients)?|bewertungen|kundenbewertungen|recensioni|yorumlar|değerlendirmeler|отзывы|avaliações)\s*(?:\(\d+\))?\s*[:：]?\s*$`),
		reco:         newLabelPhrases(recoPhrases()),
		contents:     newLabelPhrases(contentsPhrases()),
		skipWords:    skipTokens(),
		userWords:    userTokens(),
		names:        sync.OnceValues(cosing.LoadNames),
	}
}

// elemInfo is what the walker remembers about an open element.
type elemInfo struct {
	tag        atom.Atom
	name       string
	skip       bool // content not linted (nav, script, cookie banner…)
	user       bool // reviews, Q&A
	ingredient bool // an ingredients tab, panel or accordion body
	block      bool
	nameMark   bool      // class or id marks the product title
	links      *tabLinks // a tab or accordion label's ties to its panel
	children   int       // element children seen so far
	panels     int       // tab-panel children seen so far
	jsonScript bool      // a script of JSON data (not ld+json, read apart)
}

type htmlWalker struct {
	r     *Reader
	doc   *Document
	stack []elemInfo
	cur   *blockBuilder
	// ingredient section state: blocks read while a section is open carry
	// its id, and are judged together once the page is read (lists.go)
	sect        int  // id of the open section, 0 when none
	sects       int  // sections opened so far
	sectEmpty   bool // the open section holds no block yet
	ingDepth    int  // the ingredient section ends when the stack is shorter than this
	ingLevel    int  // heading level that opened it; a heading at or above ends it
	headLevel   int  // level of the heading block being built, 0 when none
	skipDepth   int  // >0 while inside skipped content
	textBytes   int
	scriptBytes int
	scripts     int // script elements, inline or external
	meta        metaInfo
	blocks      []Block
	// names are the headings and marked elements that may name the
	// product; curName says whether the block being built is one.
	names   []nameCandidate
	h2Names int // h2 candidates kept, at most maxH2Names
	curName nameCandidate
	// tabs ties ingredient labels to their panels (tabs.go); curLinks
	// are the links of the block being built.
	tabs     tabState
	curLinks *tabLinks
	// stateScripts are the page's inline scripts, read for embedded JSON
	// state when the visible page lacks what it holds (jsonstate.go).
	stateScripts []stateScript
	stateRead    bool // copy was read from the state
	// widget detection (widgets.go): running totals, a frame per open
	// element, the open link to another page, the page's own product key,
	// and the blocks of other products' cards.
	wc      widgetCounts
	frames  []frame
	flushes int // blocks flushed so far
	recoSeq int // flushes when the last heading over other products was read
	linkKey string
	// blockUnlinked is the text of the block being built outside links to
	// other pages: a sentence of it is prose, never a card's label.
	blockUnlinked int
	widgets       int // widgets moved to others, outermost only
	own           string
	ownFrom       string
	ownProduct    bool // own has a product URL's shape
	movedPrices   int  // price blocks inside widgets moved so far
	others        []Block
}

type stateScript struct {
	start, end int
	json       bool
}

type metaInfo struct {
	title, ogTitle, ogURL, canonical, brand string
	siteName                                string
	descriptions                            []Block // meta description, og:description, JSON-LD description
	jsonld                                  [][2]int
}

// NoteJavaScript starts the note on a page whose HTML holds little text but
// scripts: it builds its content in the browser.
const NoteJavaScript = "the page builds its content with JavaScript; try --render"

// ReadHTML reads an HTML page. src must be UTF-8 (see Decode).
func (r *Reader) ReadHTML(source string, src []byte) *Document {
	doc := newDocument(source, "html", src)
	w := &htmlWalker{r: r, doc: doc, tabs: tabState{order: -1}}
	w.walk(src)
	w.blocks = r.findLists(doc, w.blocks)
	w.finish()
	return doc
}

// walk reads src token by token into w.blocks.
func (w *htmlWalker) walk(src []byte) {
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.TextToken:
			w.text(raw, start)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			w.start(string(name), raw, start, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.end(string(name))
		case html.CommentToken:
			w.doc.addComment(string(z.Text()), start, off)
		}
	}
	w.flush()
	w.flushIngredients()
	w.closeFrames(0)
}

func (w *htmlWalker) inSkip() bool { return w.skipDepth > 0 }

func (w *htmlWalker) region() Region {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].user {
			return RegionUserContent
		}
	}
	return RegionCopy
}

func (w *htmlWalker) kind() Kind {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].tag {
		case atom.Title:
			return KindTitle
		case atom.H1:
			return KindProductName
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Summary, atom.Dt:
			return KindHeading
		case atom.Li:
			return KindListItem
		case atom.Td, atom.Th:
			return KindTableCell
		case atom.Blockquote, atom.Q:
			return KindQuote
		case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Dd, atom.Body:
			return KindParagraph
		}
	}
	return KindParagraph
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	case atom.Summary, atom.Dt, atom.Button, atom.Label, atom.Strong, atom.B:
		return 7 // a label, not a heading: ends nothing
	}
	return 0
}

func (w *htmlWalker) text(raw []byte, start int) {
	if w.inSkip() {
		if top := w.stack[len(w.stack)-1]; top.tag == atom.Script {
			w.scriptBytes += len(raw)
			if len(w.stateScripts) < maxStateScripts {
				w.stateScripts = append(w.stateScripts, stateScript{start: start, end: start + len(raw), json: top.jsonScript})
			}
		}
		return
	}
	if len(w.stack) > 0 {
		switch w.stack[len(w.stack)-1].tag {
		case atom.Script:
			w.meta.jsonld = append(w.meta.jsonld, [2]int{start, start + len(raw)})
			return
		case atom.Style:
			return
		}
	}
	if w.cur == nil {
		if len(bytes.TrimSpace(raw)) == 0 {
			return
		}
		w.cur = newBlockBuilder(w.kind(), w.region())
		w.curName = nameCandidate{h1: w.cur.kind == KindProductName, marked: w.markedName()}
		w.curLinks = w.blockLinks()
	}
	w.textBytes += len(raw)
	if n := len(bytes.TrimSpace(raw)); n > 0 {
		w.wc.text += n
		if w.linkKey == "" {
			w.wc.unlinked += n
			w.blockUnlinked += n
		}
	}
	w.cur.addText(raw, start, true)
}

// blockTags break text into blocks; inline tags (b, a, span…) do not.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Li, atom.Ul, atom.Ol, atom.Dl,
		atom.Dt, atom.Dd, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Td, atom.Th, atom.Tr,
		atom.Table, atom.Blockquote, atom.Summary, atom.Details, atom.Figcaption, atom.Figure, atom.Header,
		atom.Footer, atom.Nav, atom.Aside, atom.Form, atom.Label, atom.Br, atom.Hr, atom.Option, atom.Button,
		atom.Title, atom.Address, atom.Pre, atom.Dialog, atom.Caption, atom.Legend, atom.Fieldset,
		atom.Tbody, atom.Thead, atom.Tfoot, atom.Body, atom.Head, atom.Html, atom.Select, atom.Textarea,
		atom.Img, atom.Meta, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg:
		return true
	}
	return false
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func (w *htmlWalker) start(name string, raw []byte, start int, selfClosing bool) {
	a := atom.Lookup([]byte(name))
	attrs := tagAttrs(raw)
	if isBlockTag(a) {
		w.flush()
	}
	switch a {
	case atom.Meta:
		if !w.inSkip() {
			w.metaTag(attrs, raw, start)
		}
		return
	case atom.Link:
		if strings.EqualFold(attrs.get(raw, "rel"), "canonical") {
			w.meta.canonical = attrs.get(raw, "href")
		}
		return
	case atom.Img:
		if !w.inSkip() {
			w.wc.images++
			linked := w.linkKey != ""
			if linked {
				w.wc.linkImgs++
			}
			if at, ok := attrs.find("alt"); ok && at.valEnd > at.valStart {
				w.wc.text += at.valEnd - at.valStart
				if !linked {
					w.wc.unlinked += at.valEnd - at.valStart
				}
				bb := newBlockBuilder(KindImageAlt, w.region())
				bb.addText(raw[at.valStart:at.valEnd], start+at.valStart, true)
				w.emit(bb)
			}
		}
		return
	}
	if isVoid(a) || selfClosing {
		return
	}
	if len(attrs) > 0 && !w.inSkip() {
		w.offerMarkup(a, attrs, raw)
	}
	info := elemInfo{tag: a, name: name, block: isBlockTag(a)}
	// Most tags carry no class or id; build the lower-cased string only
	// when they do (this runs for every tag of the page).
	classID, caseClassID := "", ""
	if len(attrs) > 0 {
		c, id, sec := attrs.get(raw, "class"), attrs.get(raw, "id"), attrs.get(raw, "data-section-type")
		if c != "" || id != "" || sec != "" {
			caseClassID = c + " " + id + " " + sec
			classID = strings.ToLower(caseClassID)
		}
	}
	role := ""
	if len(attrs) > 0 {
		role = strings.ToLower(attrs.get(raw, "role"))
	}
	switch {
	case a == atom.Script:
		typ := strings.ToLower(attrs.get(raw, "type"))
		if typ == "" || typ == "module" || strings.Contains(typ, "javascript") {
			w.scripts++
		}
		if !strings.Contains(typ, "ld+json") {
			info.skip = true
			info.jsonScript = strings.Contains(typ, "json")
		}
	case a == atom.Style || a == atom.Noscript || a == atom.Template || a == atom.Svg || a == atom.Iframe ||
		a == atom.Nav || a == atom.Footer || a == atom.Select || a == atom.Textarea:
		info.skip = true
	case a == atom.Header && !w.insideContent():
		info.skip = true
	case role == "navigation" || role == "banner" || role == "contentinfo":
		info.skip = true
	case classID != "" && hasToken(classID, w.r.skipWords):
		info.skip = true
	}
	if !info.skip && classID != "" {
		if hasToken(classID, w.r.userWords) {
			info.user = true
		}
		if isIngredientContainer(classID) {
			info.ingredient = true
		}
		info.nameMark = productNameMark(caseClassID) // case kept: "nomeProd" splits at the capital
	}
	var parent *elemInfo
	if n := len(w.stack); n > 0 {
		parent = &w.stack[n-1]
		parent.children++
	}
	if len(attrs) > 0 && !info.skip && !w.inSkip() {
		if mayLink(raw) {
			if info.links = readLinks(attrs, raw, classID, role); info.links != nil && parent != nil {
				info.links.index = parent.children - 1
			}
			if tabBoundary(a, info.links) && !info.block {
				w.flush()
				info.block = true
			}
		}
		if (len(w.tabs.targets) > 0 || w.tabs.order >= 0) && w.isIngredientPanel(attrs, raw, panelClass(classID, role), parent) {
			info.ingredient = true
		}
	}
	if info.skip {
		w.skipDepth++
	}
	if level := headingLevel(a); level > 0 && level < 7 && !w.inSkip() {
		// A heading at or above the level that opened an ingredient section
		// closes it.
		if w.sect != 0 && level <= w.ingLevel {
			w.flushIngredients()
		}
	}
	w.stack = append(w.stack, info)
	w.pushFrame(a, attrs, raw)
	if info.ingredient && !w.inSkip() && w.sect == 0 {
		w.openSection(len(w.stack), 0)
	}
	if lv := headingLevel(a); lv > 0 {
		w.headLevel = lv
	}
}

// labelParentDepth is the depth of the element that holds a label and its
// content: past wrappers such as <summary><h2>Ingredients</h2></summary>,
// the section is the <details> around them.
func (w *htmlWalker) labelParentDepth() int {
	d := len(w.stack)
	for d > 0 {
		switch w.stack[d-1].tag {
		case atom.Summary, atom.Button, atom.A, atom.Label, atom.Span, atom.Strong, atom.B, atom.Em,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Legend, atom.Th:
			d--
			continue
		}
		return d
	}
	return d
}

// markedName reports whether an element of the block being started, up
// to its block element, is marked as the product title.
func (w *htmlWalker) markedName() bool {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].nameMark {
			return true
		}
		if w.stack[i].block {
			return false
		}
	}
	return false
}

// insideContent reports whether the walker is inside main or article, where a
// <header> is part of the product rather than the site banner.
func (w *htmlWalker) insideContent() bool {
	for _, e := range w.stack {
		if e.tag == atom.Main || e.tag == atom.Article || e.tag == atom.Section {
			return true
		}
	}
	return false
}

func (w *htmlWalker) end(name string) {
	a := atom.Lookup([]byte(name))
	// Pop to the matching element; ignore stray end tags.
	idx := -1
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].name == name {
			idx = i
			break
		}
	}
	if idx < 0 {
		if isBlockTag(a) {
			w.flush()
		}
		return
	}
	blockPopped := false
	for i := len(w.stack) - 1; i >= idx; i-- {
		if w.stack[i].skip {
			w.skipDepth--
		}
		blockPopped = blockPopped || w.stack[i].links != nil && w.stack[i].block
	}
	w.stack = w.stack[:idx]
	if isBlockTag(a) || blockPopped {
		// Flushed after the pop, so that a label which opens an ingredient
		// section records its parent's depth, not its own.
		w.flush()
	}
	if w.sect != 0 && len(w.stack) < w.ingDepth {
		w.flushIngredients()
	}
	w.closeFrames(idx)
}

// flush ends the block being built.
func (w *htmlWalker) flush() {
	bb := w.cur
	w.cur = nil
	unlinked := w.blockUnlinked
	w.blockUnlinked = 0
	level := w.headLevel
	w.headLevel = 0
	if bb == nil || bb.empty() {
		return
	}
	text := string(bb.buf)
	if w.noteWidgetBlock(text, unlinked, level > 0 && level < 7) {
		level = 0 // a heading over other products names none of them
	}
	if (w.curName.h1 || w.curName.marked || level == 2 && w.h2Names < maxH2Names) && bb.region == RegionCopy && len(w.names) < maxNameCandidates && len(text) < 300 {
		c := w.curName
		c.text = strings.TrimSpace(text)
		c.h2 = level == 2 && !c.h1 && !c.marked
		if c.h2 {
			w.h2Names++
		}
		w.names = append(w.names, c)
	}
	if (w.r.ingLabel.MatchString(text) || inci.IsLabel(text)) && bb.region == RegionCopy {
		// A label that opens an ingredient section: what follows, up to the
		// end of the enclosing element or the next heading, is the list.
		if w.sect != 0 && w.sectEmpty {
			// an ingredients panel whose first line is its own label
			bb.kind = KindHeading
			w.blocks = append(w.blocks, bb.block())
			return
		}
		w.flushIngredients()
		w.noteLabel(w.curLinks)
		bb.kind = KindHeading
		w.blocks = append(w.blocks, bb.block())
		if level == 7 {
			level = 0
		}
		w.openSection(w.labelParentDepth(), level)
		return
	}
	if w.sect != 0 {
		w.appendIngredients(bb)
		return
	}
	if w.r.ingPrefix.MatchString(text) && bb.region == RegionCopy {
		bb.kind = KindIngredients
	}
	w.emit(bb)
}

// openSection starts an ingredient section that ends when the stack is
// shorter than depth or at a heading of level (0: no heading ends it).
func (w *htmlWalker) openSection(depth, level int) {
	w.sects++
	w.sect, w.sectEmpty = w.sects, true
	w.ingDepth, w.ingLevel = depth, level
}

// appendIngredients adds a block to the open section.
func (w *htmlWalker) appendIngredients(bb *blockBuilder) {
	b := bb.block()
	b.sect = w.sect
	w.sectEmpty = false
	w.blocks = append(w.blocks, b)
}

func (w *htmlWalker) flushIngredients() {
	w.sect, w.sectEmpty = 0, false
}

func (w *htmlWalker) emit(bb *blockBuilder) {
	if bb.empty() {
		return
	}
	if w.sect != 0 && bb.kind != KindImageAlt {
		w.appendIngredients(bb)
		return
	}
	w.blocks = append(w.blocks, bb.block())
}

func (w *htmlWalker) metaTag(attrs attrList, raw []byte, start int) {
	key := strings.ToLower(attrs.get(raw, "name"))
	if key == "" {
		key = strings.ToLower(attrs.get(raw, "property"))
	}
	switch key {
	case "product:price:amount", "og:price:amount":
		w.doc.addOffer(OfferPriceMarkup)
	case "og:type":
		if strings.EqualFold(strings.TrimSpace(attrs.get(raw, "content")), "product") {
			w.doc.addOffer(OfferProductType)
		}
	case "description", "og:description", "twitter:description":
		if at, ok := attrs.find("content"); ok && at.valEnd > at.valStart {
			bb := newBlockBuilder(KindMetaDescription, RegionCopy)
			bb.addText(raw[at.valStart:at.valEnd], start+at.valStart, true)
			if !bb.empty() {
				w.meta.descriptions = append(w.meta.descriptions, bb.block())
			}
		}
	case "og:title":
		w.meta.ogTitle = attrs.get(raw, "content")
	case "og:site_name", "application-name":
		w.meta.siteName = attrs.get(raw, "content")
	case "og:url":
		w.meta.ogURL = attrs.get(raw, "content")
	case "product:brand", "og:brand":
		w.meta.brand = attrs.get(raw, "content")
	}
}

// finish fills in product identity and adds the head's descriptions when the
// body does not already say the same thing (so a claim is reported once).
func (w *htmlWalker) finish() {
	doc := w.doc
	for _, b := range w.blocks {
		if b.Kind == KindTitle && w.meta.title == "" {
			w.meta.title = b.Text
		}
	}
	p := Product{}
	for _, span := range w.meta.jsonld {
		if extractJSONLD(doc.src, span[0], span[1], &p, &w.meta) {
			doc.Structured = true
		}
	}
	if !doc.Structured && readMicrodata(doc.src, &p) {
		doc.Structured = true
	}
	if p.Name == "" {
		p.Name = w.pickName()
	}
	w.readState(&p)
	if p.Name == "" {
		site := siteNames(&w.meta, w.meta.canonical, w.meta.ogURL, doc.Source)
		p.Name = firstNonEmpty(stripShopName(w.meta.ogTitle, site, w.meta.ogTitle == w.meta.title), stripShopName(w.meta.title, site, true))
	}
	if p.URL == "" {
		p.URL = firstNonEmpty(w.meta.canonical, w.meta.ogURL)
	}
	if p.Brand == "" {
		p.Brand = w.meta.brand
	}
	doc.Product = p

	var body strings.Builder
	for _, b := range w.blocks {
		body.WriteString(normalizeForCompare(b.Text))
		body.WriteByte(' ')
	}
	seen := body.String()
	var head []Block
	for _, d := range w.meta.descriptions {
		key := normalizeForCompare(d.Text)
		if len(key) > 60 {
			key = key[:60]
		}
		if strings.Contains(seen, key) {
			continue
		}
		seen += " " + normalizeForCompare(d.Text)
		head = append(head, d)
	}
	// <title> repeats the product name with the shop's; lint it only when
	// the page names the product nowhere else.
	kept := w.blocks[:0]
	named := doc.Structured || hasKind(w.blocks, KindProductName)
	for _, b := range w.blocks {
		if b.Kind == KindTitle && named {
			continue
		}
		kept = append(kept, b)
	}
	doc.Blocks = append(head, kept...)
	doc.Others = w.others
	// a widget's heading moves after its cards (the container ends last)
	sort.SliceStable(doc.Others, func(i, j int) bool {
		a, _ := doc.Others[i].SourceRange(0, 0)
		b, _ := doc.Others[j].SourceRange(0, 0)
		return a < b
	})
	if w.widgets > 0 {
		doc.Notes = append(doc.Notes, othersNote(w.widgets))
	}
	switch {
	case w.thin() && w.stateRead:
		doc.Notes = append(doc.Notes, NoteJavaScript+" (the HTML holds little text; its copy was read from the page's embedded data)")
	case w.thin():
		doc.Notes = append(doc.Notes, NoteJavaScript+" (the HTML holds little text, so only its metadata was read)")
	}
}

// thin reports a page whose HTML holds little text but scripts: it builds
// its content with JavaScript.
func (w *htmlWalker) thin() bool {
	return w.textBytes < 400 && w.scriptBytes > 20*1024 || w.textBytes < 100 && w.scripts > 0
}

// readState reads the page's embedded JSON state for what the visible page
// lacks: the ingredient list, the copy of a page built by script, the
// product's name.
func (w *htmlWalker) readState(p *Product) {
	hasList := hasKind(w.blocks, KindIngredients)
	thin := w.thin()
	if len(w.stateScripts) == 0 || hasList && !thin && p.Name != "" {
		return
	}
	values := w.stateValues()
	if len(values) == 0 {
		return
	}
	if !hasList {
		for _, b := range w.r.findLists(w.doc, w.stateBlocks(values, true)) {
			if b.Kind == KindIngredients {
				w.blocks = append(w.blocks, b)
			}
		}
	}
	if thin {
		listed := hasKind(w.blocks, KindIngredients)
		for _, b := range w.r.findLists(w.doc, w.stateBlocks(values, false)) {
			if b.Kind != KindIngredients || !listed {
				w.blocks = append(w.blocks, b)
				w.stateRead = true
			}
		}
	}
	stateProduct(w.doc.src, values, p)
}

func hasKind(bs []Block, k Kind) bool {
	for _, b := range bs {
		if b.Kind == k {
			return true
		}
	}
	return false
}

func normalizeForCompare(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r == ' ' || r == '\n' || r == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// offerMarkup records signs of an offer that live in attributes: a form
// posting to a cart, an add-to-cart button, price microdata. Text such as
// "Add to cart" is read by the rules from the blocks; an icon button has no
// text, so its markup is the only sign.
func (w *htmlWalker) offerMarkup(a atom.Atom, attrs attrList, raw []byte) {
	if ip := strings.ToLower(attrs.get(raw, "itemprop")); ip == "price" || ip == "pricecurrency" {
		w.doc.addOffer(OfferPriceMarkup)
	}
	switch a {
	case atom.Form:
		action := strings.ToLower(attrs.get(raw, "action"))
		for _, s := range []string{"/cart", "cart/add", "checkout", "basket", "add-to-cart", "addtocart"} {
			if strings.Contains(action, s) {
				w.doc.addOffer(OfferCartForm)
				return
			}
		}
	case atom.Button, atom.Input, atom.A:
		classID := strings.ToLower(attrs.get(raw, "class") + " " + attrs.get(raw, "id") + " " + attrs.get(raw, "name"))
		for _, s := range []string{"add-to-cart", "addtocart", "add_to_cart", "buy-now", "buynow", "buy_now", "btn-cart", "product-form__submit"} {
			if strings.Contains(classID, s) {
				w.doc.addOffer(OfferCartForm)
				return
			}
		}
	}
}

// skipTokens are class or id words of page furniture that is not product copy.
func skipTokens() []string {
	return []string{"cookie", "cookies", "consent", "gdpr", "newsletter", "breadcrumb", "breadcrumbs",
		"related", "recommendations", "recommendation", "recommended", "upsell", "cross-sell", "crosssell",
		"recently-viewed", "announcement", "mega-menu", "menu-drawer", "navbar", "navigation", "site-nav",
		"site-header", "site-footer", "cart-drawer", "mini-cart", "minicart", "skip-link", "visually-hidden",
		"sr-only", "truncate-cut", "share", "social-sharing", "payment-icons", "you-may-also-like", "logo", "site-logo", "header-logo"}
}

// userTokens mark reviews, testimonials and Q&A: what customers wrote.
func userTokens() []string {
	return []string{"review", "reviews", "testimonial", "testimonials", "ugc", "comment", "comments",
		"qna", "questions", "answers", "q-and-a", "jdgm-rev", "yotpo", "okendo-reviews", "stamped-reviews",
		"loox", "spr-review", "customer-reviews", "cm-cr-review", "askpdp"}
}

// hasToken reports whether the class/id string holds one of the words, as a
// whole class name or as a dash- or underscore-separated part of one.
func hasToken(classID string, words []string) bool {
	if !mayHaveToken(classID, words) {
		return false
	}
	for _, cls := range strings.Fields(classID) {
		for _, w := range words {
			if cls == w || strings.HasPrefix(cls, w+"-") || strings.HasPrefix(cls, w+"_") ||
				strings.HasSuffix(cls, "-"+w) || strings.HasSuffix(cls, "_"+w) || strings.Contains(cls, "-"+w+"-") ||
				strings.Contains(cls, "__"+w) {
				return true
			}
		}
	}
	return false
}

// mayHaveToken is a cheap pre-check: every word must appear as a substring
// for hasToken to match, and most class strings hold none of them.
func mayHaveToken(classID string, words []string) bool {
	for _, w := range words {
		if strings.Contains(classID, w) {
			return true
		}
	}
	return false
}

// isIngredientContainer recognises an ingredients tab panel or accordion body
// by its class or id, but not a "key ingredients" marketing block.
func isIngredientContainer(classID string) bool {
	for _, cls := range strings.Fields(classID) {
		parts := strings.FieldsFunc(cls, func(r rune) bool { return r == '-' || r == '_' })
		hit, marketing := false, false
		for _, p := range parts {
			switch p {
			case "ingredients", "ingredient", "inci", "ingredientlist":
				hit = true
			case "key", "hero", "star", "featured", "highlight", "highlights", "spotlight", "title", "label", "heading", "link":
				marketing = true
			}
		}
		if hit && !marketing {
			return true
		}
	}
	return false
}
