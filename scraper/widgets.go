package scraper

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// A product page carries other products: sponsored carousels, "customers
// also bought", "you may also like" grids, bundles, comparison tables,
// recently viewed items. Their names, image alt texts and prices are not
// this product's copy: a retailer auditing a listing would be told about
// products that are not on it, and a brand blamed for a competitor's words.
//
// Such widgets are recognised by what they are, in any theme and language:
// a container of repeated sibling cards, each linking to a different product
// (the same /dp/…, /products/…, /p/…, ?product_id=… pattern, or any page
// when the card shows a price or an image inside its link), with little text
// of their own and no sentence outside their links (prose: a step, a kit
// item's description). A heading such as "Customers also bought", "Ähnliche
// Produkte", "関連商品" or "추천 상품" is supporting evidence: within its
// section two cards suffice, and cards without links (a bundle of images
// and a price) count. A table with a row of product cards is a comparison
// table. A widget's heading, pager and labels go with it when its container
// holds nothing else.
//
// The walker keeps running totals (widgetCounts) and a frame per open
// element; when an element ends, its share of the totals says whether it is
// a card, and its children's cards whether it is a widget. A widget's blocks
// move to Document.Others (RegionOtherProducts), its name candidates and
// offer signs are dropped. An image's alt text inside a link to another
// page counts as linked text (it labels the card); outside a widget it stays
// copy, since a banner's alt may carry the page's own claim.
//
// What stays: the product's own gallery (its links point at image files or
// at the page itself), tabs and "how to use" steps (prose, or under such a
// heading), a set's own items under "what's inside", the description,
// bullets, A+ content and the ingredient list (a widget never holds an h1
// or an ingredient list), and every grid on a page that shows no product of
// its own before it (no price of its own, no product URL): a category
// page's grid is its content. A brand's "shop the routine"
// block of its own other products is a widget too: those are other
// products, linted on their own pages.

// RegionOtherProducts marks the blocks of other products' cards, kept in
// Document.Others, never in Document.Blocks.
const RegionOtherProducts Region = "other-products"

// Limits of a card: a product card shows a name, a price, a rating, a
// button; more text than this is content, not a card.
const (
	maxCardText       = 600
	maxCardOwnText    = 60  // text outside the card's links when only an image proves it
	maxWidgetFurnish  = 200 // heading, pager and labels a widget's container may add
	maxRecoFurnish    = 400 // the same when the container holds a "customers also bought" heading
	maxRecoLabelBytes = 100
	maxPriceBlock     = 160
	// A sentence (isSentence) with this much text outside links, in this
	// many words, is prose: a step, an item's description. A card's own
	// text is a price, a rating, a badge, a button.
	minProseBytes = 40
	minProseWords = 6
)

// widgetCounts are running totals of the page read so far; an element's
// share is the difference between the totals at its end and at its start.
type widgetCounts struct {
	text     int // visible text and alt text, in bytes
	unlinked int // of it, outside links to other pages
	prices   int // short blocks that show a price
	prose    int // blocks with a sentence outside links (proseBlock)
	linkImgs int // images inside links to other pages
	images   int
	h1s      int
}

func (c widgetCounts) since(start widgetCounts) widgetCounts {
	return widgetCounts{
		text: c.text - start.text, unlinked: c.unlinked - start.unlinked, prices: c.prices - start.prices,
		prose:    c.prose - start.prose,
		linkImgs: c.linkImgs - start.linkImgs, images: c.images - start.images, h1s: c.h1s - start.h1s,
	}
}

// frame is what widget detection keeps about an open element; frames
// parallel the walker's element stack.
type frame struct {
	tag     atom.Atom
	at      widgetCounts
	blocks  int // len(w.blocks) at the start
	names   int // len(w.names) at the start
	h2Names int
	offers  int // len(doc.OfferMarkup) at the start
	// key is the first link to another page in the element, as a product
	// key (productKey); productURL says whether a link has a product's URL
	// shape.
	key         string
	productURL  bool
	link        bool   // the element is a link to another page than this one
	outerLink   string // the open link when this one started
	seq         int    // w.flushes at the start
	recoAt      int    // the w.recoSeq of a heading over other products that labels the element
	contents    bool   // a heading over the product's own parts or use labels the element
	inner       int    // widgets inside the element, outermost only
	movedAt     int    // w.movedPrices at the start
	innerPrices int    // price blocks in the widgets inside the element
	cardRow     bool   // a table with a row of product cards
	kids        kidCounts
}

// kidCounts sum up an element's children.
type kidCounts struct {
	content int // children with text or an image
	cards   int // children that are product cards
	weak    int // children with an image and a price but no link
	widgets int // children that are widgets themselves
	keys    [3]string
	nkeys   int // distinct card keys, up to len(keys)
}

func (k *kidCounts) addKey(key string) {
	for _, s := range k.keys[:k.nkeys] {
		if s == key {
			return
		}
	}
	if k.nkeys < len(k.keys) {
		k.keys[k.nkeys] = key
		k.nkeys++
	}
}

// pushFrame opens the frame of an element just pushed on the stack.
func (w *htmlWalker) pushFrame(a atom.Atom, attrs attrList, raw []byte) {
	f := frame{tag: a, at: w.wc, blocks: len(w.blocks), names: len(w.names), h2Names: w.h2Names,
		offers: len(w.doc.OfferMarkup), outerLink: w.linkKey, seq: w.flushes, movedAt: w.movedPrices}
	if !w.inSkip() {
		switch a {
		case atom.H1:
			w.wc.h1s++
		case atom.A, atom.Area:
			if href := attrs.get(raw, "href"); href != "" && !galleryLink(attrs, raw) {
				if key, product := productKey(href, 0); key != "" {
					// a card may show this product too (a bundle, a
					// "more from" grid); a link to it opens no other page
					f.key, f.productURL = key, product
					if key != w.ownKey() {
						f.link = true
						w.linkKey = key
					}
				}
			}
		}
	}
	w.frames = append(w.frames, f)
}

// closeFrames closes the frames of the elements popped off the stack, the
// innermost first, once the block they ended is flushed.
func (w *htmlWalker) closeFrames(depth int) {
	for i := len(w.frames) - 1; i >= depth && i >= 0; i-- {
		var parent *frame
		if i > 0 {
			parent = &w.frames[i-1]
		}
		w.closeFrame(i, parent)
	}
	if depth < len(w.frames) {
		w.frames = w.frames[:depth]
	}
}

func (w *htmlWalker) closeFrame(i int, parent *frame) {
	f := &w.frames[i]
	if f.link {
		w.linkKey = f.outerLink
	}
	d := w.wc.since(f.at)
	widget := w.isWidget(f, d, i)
	if widget {
		w.moveToOthers(f)
		w.widgets += 1 - f.inner
		w.movedPrices += d.prices - f.innerPrices
	}
	if parent == nil {
		return
	}
	if d.text >= 4 || d.images > 0 {
		parent.kids.content++
	}
	if widget {
		parent.inner++
		parent.innerPrices += d.prices
	} else {
		parent.inner += f.inner
		parent.innerPrices += f.innerPrices
	}
	switch {
	case widget:
		parent.kids.widgets++
		if f.tag == atom.Tr {
			for j := i - 1; j >= 0; j-- {
				if w.frames[j].tag == atom.Table {
					w.frames[j].cardRow = true
					break
				}
			}
		}
	case w.isCard(f, d):
		parent.kids.cards++
		parent.kids.addKey(f.key)
	case f.key == "" && d.images > 0 && d.prices > 0 && d.text <= maxCardText && d.h1s == 0:
		parent.kids.weak++
	}
	if parent.key == "" {
		parent.key = f.key
	}
	parent.productURL = parent.productURL || f.productURL
}

// isCard: a short element that links to another product and shows it as a
// product: by its URL, a price, or an image inside the link with little
// text beside it.
func (w *htmlWalker) isCard(f *frame, d widgetCounts) bool {
	if f.key == "" || d.text > maxCardText || d.h1s > 0 || d.prose > 0 || w.listedSince(f.blocks) {
		return false
	}
	return f.productURL || d.prices > 0 || d.linkImgs > 0 && d.unlinked <= maxCardOwnText
}

// isWidget decides, as an element ends, whether it holds other products.
func (w *htmlWalker) isWidget(f *frame, d widgetCounts, i int) bool {
	switch f.tag {
	case atom.Body, atom.Html, atom.Main, atom.Head:
		return false
	}
	k := f.kids
	if k.cards+k.weak+k.widgets == 0 && !f.cardRow || d.h1s > 0 || w.listedSince(f.blocks) || !w.sellsOwnBefore(f) {
		return false
	}
	if f.contents || i > 0 && w.frames[i-1].contents {
		return false // a kit's own items, a routine's steps
	}
	if k.cards >= 3 && k.nkeys >= 3 && 2*k.cards >= k.content || f.tag == atom.Table && f.cardRow {
		return true
	}
	reco := w.inReco(i)
	if reco && (k.cards >= 2 && k.nkeys >= 2 || k.weak >= 2) && 2*(k.cards+k.weak) >= k.content {
		return true
	}
	return k.widgets > 0 && w.onlyFurnishing(f, reco)
}

// onlyFurnishing reports an element whose blocks, once its widgets are
// moved out, are a widget's furnishing: a heading, a pager, a "sponsored"
// label; no price, no product title.
func (w *htmlWalker) onlyFurnishing(f *frame, reco bool) bool {
	limit := maxWidgetFurnish
	if reco {
		limit = maxRecoFurnish
	}
	// A bundle's total price stays with the heading that labels it, when
	// nothing of the element comes before that heading (the product's own
	// price does, in the buy box above a "buy it together" block).
	pricesOK := reco && w.recoSeq <= f.seq+1
	n := 0
	for _, b := range w.blocks[f.blocks:] {
		n += len(b.Text)
		if n > limit || b.Kind == KindProductName || !pricesOK && hasPrice(b.Text) {
			return false
		}
	}
	for _, c := range w.names[f.names:] {
		if c.h1 || c.marked {
			return false
		}
	}
	return true
}

// listedSince reports an ingredient list or section among the blocks read
// since index from: a widget never holds the product's list.
func (w *htmlWalker) listedSince(from int) bool {
	for _, b := range w.blocks[from:] {
		if b.sect != 0 || b.Kind == KindIngredients {
			return true
		}
	}
	return false
}

// recoReach is how many elements a "customers also bought" heading
// labels: the one that holds it and its parents up to recoReach-1 levels,
// since themes put the heading in a header beside the grid, inside a
// wrapper or two.
const recoReach = 3

// contentsReach is how many elements a "what's inside" or "how to use"
// heading keeps from being read as a widget: the one that holds it and its
// parent, and (isWidget) their children.
const contentsReach = 2

// inReco reports whether frame i lies inside an element the last heading
// read labels, if that heading is one over other products.
func (w *htmlWalker) inReco(i int) bool {
	if w.recoSeq == 0 {
		return false
	}
	for j := i; j >= 0; j-- {
		if w.frames[j].recoAt == w.recoSeq {
			return true
		}
	}
	return false
}

// moveToOthers moves the blocks read inside f to Document.Others and
// forgets the names and offer signs found there.
func (w *htmlWalker) moveToOthers(f *frame) {
	for _, b := range w.blocks[f.blocks:] {
		b.Region = RegionOtherProducts
		w.others = append(w.others, b)
	}
	w.blocks = w.blocks[:f.blocks]
	if len(w.names) > f.names {
		w.names = w.names[:f.names]
		w.h2Names = f.h2Names
	}
	if len(w.doc.OfferMarkup) > f.offers {
		w.doc.OfferMarkup = w.doc.OfferMarkup[:f.offers]
	}
}

// noteWidgetBlock counts a flushed block's price and remembers a heading
// such as "You may also like". It reports whether the block is such a
// heading (which then names no product).
func (w *htmlWalker) noteWidgetBlock(text string, unlinked int, heading bool) bool {
	w.flushes++
	if len(text) <= maxPriceBlock && hasPrice(text) {
		w.wc.prices++
	}
	if unlinked >= minProseBytes && isSentence(text) {
		w.wc.prose++
	}
	if len(text) <= maxRecoLabelBytes && w.r.contents.match(text) {
		d := min(w.labelParentDepth(), len(w.frames))
		for j := d - 1; j >= 0 && j > d-1-contentsReach; j-- {
			w.frames[j].contents = true
		}
	}
	if len(text) <= maxRecoLabelBytes && w.r.reco.match(text) {
		w.recoSeq = w.flushes
		d := min(w.labelParentDepth(), len(w.frames))
		for j := d - 1; j >= 0 && j > d-1-recoReach; j-- {
			w.frames[j].recoAt = w.recoSeq
		}
		return true
	}
	if heading {
		w.recoSeq = 0 // another section starts
	}
	return false
}

// isSentence: words that end as a sentence does, with no price among them;
// a product's title ("Rose Body Milk, 200 ml") ends without a stop.
func isSentence(text string) bool {
	t := strings.TrimRight(text, " \t\n\r\"'”’)»」")
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '。', '！', '？':
	default:
		return false
	}
	return len(strings.Fields(t)) >= minProseWords && !hasPrice(t) || r == '。' && utf8.RuneCountInString(t) >= minProseWords*2
}

// othersNote tells the user what widget detection left out, so that a
// listing's missing neighbours are no surprise.
func othersNote(widgets int) string {
	if widgets == 1 {
		return "skipped 1 block that lists other products (recommendations, sponsored items, comparisons): its words are not this product's copy"
	}
	return fmt.Sprintf("skipped %d blocks that list other products (recommendations, sponsored items, comparisons): their words are not this product's copy", widgets)
}

// ownKey is the product key of the page itself, from its canonical URL,
// og:url or the URL it was fetched from.
func (w *htmlWalker) ownKey() string {
	src := firstNonEmpty(w.meta.canonical, w.meta.ogURL)
	if src == "" && (strings.HasPrefix(w.doc.Source, "http://") || strings.HasPrefix(w.doc.Source, "https://")) {
		src = w.doc.Source
	}
	if src != w.ownFrom {
		w.ownFrom = src
		w.own, w.ownProduct = productKey(src, 0)
	}
	return w.own
}

// sellsOwnBefore reports whether the page shows a product of its own
// before frame f: a price outside the widgets read so far, or a URL of a
// product's shape. A category page's grid is its content, not a widget
// beside a listing; themes put the buy box above the carousels.
func (w *htmlWalker) sellsOwnBefore(f *frame) bool {
	if f.at.prices > f.movedAt {
		return true
	}
	w.ownKey()
	return w.ownProduct
}

// productKey reduces a link to what names the product it opens: the id
// after a product marker (/dp/B0…, /products/handle, /produto/slug), a
// product id parameter, or the path. It returns "" for links that open no
// other page: fragments, scripts, image and media files, the query of this
// page. product says whether the URL has a product's shape.
func productKey(href string, depth int) (key string, product bool) {
	h := strings.TrimSpace(href)
	if h == "" || h[0] == '#' || h[0] == '?' {
		return "", false
	}
	if i := strings.IndexByte(h, ':'); i > 0 && i < 12 && !strings.HasPrefix(h[i:], "://") {
		return "", false // javascript:, mailto:, tel:, data:
	}
	if i := strings.IndexByte(h, '#'); i >= 0 {
		h = h[:i]
	}
	if i := strings.Index(h, "//"); i == 0 || i > 0 && i <= 6 && h[i-1] == ':' {
		h = h[i+2:]
		if j := strings.IndexByte(h, '/'); j >= 0 {
			h = h[j:]
		} else {
			h = "/"
		}
	}
	path, query := h, ""
	if i := strings.IndexByte(h, '?'); i >= 0 {
		path, query = h[:i], h[i+1:]
	}
	path = strings.ToLower(path)
	if query != "" && depth == 0 {
		// an ad or tracking redirect: the product is its target
		if t := redirectTarget(query); t != "" {
			if k, p := productKey(t, 1); k != "" {
				return k, p
			}
		}
	}
	if mediaFile(path, strings.ToLower(query)) {
		return "", false
	}
	if k := idParam(query); k != "" {
		return k, true
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if i+1 < len(segs) && segs[i+1] != "" && productMarker(s) {
			return s + "/" + segs[i+1], true
		}
		if productCode(s) {
			return s, true
		}
	}
	key = strings.TrimSuffix(path, "/")
	if key == "" {
		key = "/"
	}
	if query != "" && scriptPath(key) {
		// index.php?route=…&id=…: the query names the page
		key += "?" + strings.ToLower(query)
	}
	return key, false
}

// scriptPath: a path whose query names the page it serves.
func scriptPath(p string) bool {
	if p == "/" {
		return true
	}
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.IndexByte(p[i:], '/') >= 0 {
		return false
	}
	switch p[i+1:] {
	case "php", "asp", "aspx", "jsp", "cgi", "do", "pl", "cfm":
		return true
	}
	return false
}

// redirectTarget finds the target of a redirect link in its query
// (url=%2Fdp%2FB0…).
func redirectTarget(query string) string {
	for _, part := range strings.Split(query, "&") {
		name, val, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.ReplaceAll(name, "amp;", "")) {
		case "url", "u", "redirect", "redirect_url", "target", "dest", "destination":
			if v, err := url.QueryUnescape(val); err == nil && (strings.HasPrefix(v, "/") || strings.HasPrefix(v, "http")) {
				return v
			}
		}
	}
	return ""
}

// idParam returns name=value for a query parameter that names a product.
func idParam(query string) string {
	if query == "" {
		return ""
	}
	for _, part := range strings.Split(query, "&") {
		name, val, ok := strings.Cut(part, "=")
		if !ok || val == "" {
			continue
		}
		name = strings.ToLower(strings.TrimPrefix(name, "amp;"))
		switch name {
		case "product_id", "productid", "product_no", "productno", "products_id", "prod_id", "prodid", "pid",
			"goods_no", "goodsno", "goods_id", "goodsid", "goodscd", "goods_cd", "item_id", "itemid", "item_no", "itemno",
			"itemcode", "item_code", "sku", "id_product", "idproduto", "product", "branduid":
			return name + "=" + strings.ToLower(val)
		}
	}
	return ""
}

// productMarker is a path segment after which a product's id or handle
// follows.
func productMarker(s string) bool {
	switch s {
	case "dp", "product", "products", "produto", "produtos", "producto", "productos", "produit", "produits", //nolint:misspell // Spanish
		"prodotto", "prodotti", "produkt", "produkte", "p", "item", "items", "goods", "shopdetail", "itm":
		return true
	}
	return false
}

// productCode: a segment that is itself a product code, as shops with
// numbered product pages write it ("p5432112", "lip-tint-p0123456.html").
func productCode(s string) bool {
	s = strings.TrimSuffix(s, ".html")
	i := strings.LastIndex(s, "p")
	if i < 0 || i > 0 && s[i-1] != '-' || len(s)-i-1 < 6 {
		return false
	}
	for _, r := range s[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// mediaFile: a link to an image, a video or a document opens no page (a
// gallery's zoom), nor does a script that serves an image by name
// (resize.php?filename=12.jpg).
func mediaFile(path, query string) bool {
	if mediaName(path) {
		return true
	}
	for query != "" {
		var part string
		part, query, _ = strings.Cut(query, "&")
		if _, v, ok := strings.Cut(part, "="); ok && mediaName(strings.ToLower(v)) {
			return true
		}
	}
	return false
}

func mediaName(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.IndexByte(name[i:], '/') >= 0 {
		return false
	}
	switch name[i+1:] {
	case "jpg", "jpeg", "pjpeg", "jfif", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "heic", "mp4", "webm", "mov", "pdf":
		return true
	}
	return false
}

// galleryLink: a link a gallery script opens in place (a lightbox, a zoom)
// shows this product's picture, whatever its href.
func galleryLink(attrs attrList, raw []byte) bool {
	for _, a := range attrs {
		if strings.HasPrefix(a.name, "data-fancybox") || strings.HasPrefix(a.name, "data-lightbox") {
			return true
		}
	}
	v := strings.ToLower(attrs.get(raw, "class") + " " + attrs.get(raw, "rel"))
	for _, w := range []string{"lightbox", "fancybox", "highslide", "photoswipe", "magnific", "zoom"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}
