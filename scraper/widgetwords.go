package scraper

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelPhrases recognises a short heading by how it begins. The phrases
// are kept by their first letter, so that the many short blocks of a page
// that begin otherwise cost one map lookup.
type labelPhrases map[rune][]string

func newLabelPhrases(phrases []string) labelPhrases {
	m := labelPhrases{}
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(p)
		m[unicode.ToLower(r)] = append(m[unicode.ToLower(r)], p)
	}
	return m
}

// match reports a text that begins, after a few marks or digits at most,
// with one of the phrases (case folded).
func (m labelPhrases) match(text string) bool {
	skipped := 0
	for i, r := range text {
		if unicode.IsLetter(r) {
			rest := text[i:]
			for _, p := range m[unicode.ToLower(r)] {
				if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
					return true
				}
			}
			return false
		}
		if skipped++; skipped > 4 {
			return false
		}
	}
	return false
}

// recoPhrases are the beginnings of headings over other products ("Customers
// also bought", "You may also like", "Ähnliche Produkte", "Quem comprou
// também comprou", "関連商品", "추천 상품", "相关推荐"), in lower case, in the
// languages shops write.
func recoPhrases() []string {
	return []string{
		// English
		"customers who bought", "customers who viewed", "customers who purchased", "customers also",
		"people who bought", "people who viewed", "people also", "shoppers also", "others also",
		"frequently bought together", "often bought together", "bought together", "buy it together", "buy together",
		"complete the look", "complete the routine", "complete the set", "complete your routine", "complete your look",
		"shop the look", "shop the routine", "shop the set", "pairs well with", "pair it with", "pairs with", "goes well with",
		"you may also like", "you might also like", "you may also love", "you might also love", "you'll also like",
		"you will also like", "you may like", "you might like", "you may be interested", "you might be interested",
		"we think you'll", "related products", "related items", "similar products", "similar items",
		"recommended products", "recommended items", "recommended for you", "suggested products", "complementary products",
		"recommendations", "picked for you", "selected for you", "handpicked for you", "recently viewed",
		"your browsing history", "more from", "more like this",
		"sponsored products", "sponsored items", "products related to this item", "compare with similar", "compare to similar",
		"inspired by your", "bestsellers", "best sellers",
		// German
		"kunden, die diese", "kunden die diese", "kunden kauften auch", "kunden kaufen auch", "wird oft zusammen gekauft",
		"werden oft zusammen gekauft", "oft zusammen gekauft", "häufig zusammen gekauft", "ähnliche produkte", "ähnliche artikel",
		"verwandte produkte", "verwandte artikel", "passende produkte", "passende artikel", "empfohlene produkte",
		"das könnte dir", "das könnte ihnen", "dies könnte dir", "dies könnte ihnen", "zuletzt angesehen",
		"mit ähnlichen produkten", "mit ähnlichen artikeln", "empfehlungen", "gesponserte produkte", "unsere empfehlung",
		// French
		"produits similaires", "produits associés", "produits recommandés", "produits complémentaires", "articles similaires",
		"vous aimerez", "vous aimeriez", "vous pourriez aimer", "vous pourriez aussi aimer", "les clients ont aussi",
		"les clients ont également", "fréquemment achetés ensemble", "souvent achetés ensemble", "achetés ensemble",
		"récemment consultés", "consultés récemment", "vus récemment", "complétez votre routine", "complétez la routine",
		"complétez votre look", "nos recommandations", "à découvrir aussi", "découvrez aussi", //nolint:misspell // French
		// Spanish
		"productos relacionados", "productos similares", "productos recomendados", "también te puede", "también te podría", //nolint:misspell // Spanish
		"tambien te puede", "te puede interesar", "te podría interesar", "te puede gustar", "los clientes también", //nolint:misspell // Spanish
		"los clientes tambien", "comprados juntos", "frecuentemente comprados juntos", "habitualmente comprados juntos", //nolint:misspell // Spanish
		"se compran juntos", "vistos recientemente", "recomendados para ti", "recomendados para usted", "completa tu rutina",
		// Portuguese
		"produtos relacionados", "produtos similares", "produtos recomendados", "quem comprou", "quem viu",
		"você também pode gostar", "você pode gostar", "você também vai gostar", "você vai gostar", "voce tambem pode gostar",
		"compre junto", "compre também", "indicamos para você", "recomendados para você", "sugestões", "aproveite também",
		"veja também", "confira também",
		// Italian
		"prodotti correlati", "prodotti simili", "prodotti consigliati", "potrebbe piacerti", "potrebbero piacerti",
		"potrebbe interessarti", "potrebbero interessarti", "ti potrebbe", "spesso comprati insieme", "acquistati spesso insieme",
		"visti di recente", "chi ha acquistato", "chi ha comprato",
		// Dutch
		"gerelateerde producten", "vergelijkbare producten", "aanbevolen producten", "misschien ook leuk",
		"misschien ook interessant", "misschien interessant", "klanten kochten ook", "vaak samen gekocht", "recent bekeken",
		// Japanese
		"関連商品", "関連アイテム", "関連製品", "おすすめ", "オススメ", "あなたへのおすすめ", "この商品を買った人", "この商品を見た人",
		"この商品を購入した人", "この商品をチェックした人", "よく一緒に購入", "一緒に購入", "一緒に買われ", "最近チェックした",
		"最近見た", "最近閲覧した", "閲覧履歴", "似ている商品", "類似商品", "こちらの商品もおすすめ",
		// Korean
		"추천 상품", "추천상품", "추천 아이템", "관련 상품", "관련상품", "연관 상품", "연관상품", "비슷한 상품", "함께 구매",
		"함께구매", "함께 본", "함께 보면", "같이 구매", "최근 본 상품", "다른 고객", "이 상품과 함께", "md 추천", "md추천",
		// Chinese
		"相关推荐", "相關推薦", "相关商品", "相關商品", "相关产品", "猜你喜欢", "猜你喜歡", "为你推荐", "为您推荐", "為你推薦",
		"為您推薦", "推荐商品", "看了又看", "买了又买", "最近浏览", "浏览记录", "相似商品", "热销推荐", "人气推荐", "搭配购买",
		// Russian
		"похожие товары", "с этим товаром", "рекомендуем", "недавно просмотренные", "вам может понравиться",
		"вам также может понравиться", "вместе с этим товаром", "сопутствующие товары",
		// Turkish
		"benzer ürünler", "ilgili ürünler", "bunları da beğenebilirsiniz", "birlikte alınan", "beraber alınan",
		"son görüntülenen", "son gezilen", "önerilen ürünler", "sizin için seçtiklerimiz",
	}
}

// contentsPhrases are the beginnings of headings over the product's own
// parts or use: what a set holds, how to use it. Cards under them (a kit's
// items linking to their own pages, a routine's steps) are this product's
// copy, never a widget of other products.
func contentsPhrases() []string {
	return []string{
		// English
		"what's inside", "what’s inside", "whats inside", "what's in the", "what’s in the", "whats in the",
		"in this set", "in this kit", "in the set", "in the kit", "in the box", "inside the box", "inside the kit",
		"set includes", "kit includes", "bundle includes", "this set includes", "this kit includes", "includes:",
		"set contents", "kit contents", "contents", "the set contains", "this set contains", "the kit contains",
		"this kit contains", "how to use", "directions", "usage", "application",
		// German
		"inhalt", "lieferumfang", "das set enthält", "set enthält", "im set", "anwendung",
		// French
		"contenu", "le coffret contient", "ce coffret contient", "dans ce coffret", "dans le coffret", "utilisation",
		"conseils d'utilisation", "mode d'emploi",
		// Spanish, Portuguese, Italian
		"contenido", "el kit incluye", "el set incluye", "modo de uso", "cómo usar", "conteúdo", "o kit contém",
		"kit contém", "modo de usar", "como usar", "contenuto", "modo d'uso", "come usare",
		// Japanese, Korean, Chinese
		"セット内容", "内容", "使い方", "ご使用方法", "使用方法", "구성", "사용법", "사용 방법", "套装包含", "组合内容",
	}
}

// hasPrice finds a price: a currency sign or code beside a number, in the
// notations shops use ("8,71 €", "R$ 30,90", "$29.00", "1,980円",
// "25,000원", "EUR 12").
func hasPrice(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for i := 0; i < len(s); {
		n := currencyAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if digitNear(s, i, i+n) {
			return true
		}
		i += n
	}
	return false
}

// currencyAt returns the length of a currency sign or code at s[i], or 0.
func currencyAt(s string, i int) int {
	c := s[i]
	switch {
	case c == '$':
		return 1
	case c >= 0xC2:
		for _, sign := range []string{"€", "£", "¥", "₩", "₹", "₽", "円", "원", "元"} {
			if strings.HasPrefix(s[i:], sign) {
				return len(sign)
			}
		}
	case c >= 'A' && c <= 'Z' && i+3 <= len(s):
		if i > 0 && isASCIILetter(s[i-1]) || i+3 < len(s) && isASCIILetter(s[i+3]) {
			return 0
		}
		switch s[i : i+3] {
		case "EUR", "USD", "GBP", "CHF", "JPY", "KRW", "BRL", "CAD", "AUD":
			return 3
		}
	}
	return 0
}

// digitNear: a digit right before start or right after end, past one space
// (or a no-break space).
func digitNear(s string, start, end int) bool {
	j := end
	if strings.HasPrefix(s[j:], " ") {
		j++
	} else if strings.HasPrefix(s[j:], "\u00a0") {
		j += 2
	}
	if j < len(s) && s[j] >= '0' && s[j] <= '9' {
		return true
	}
	k := start - 1
	if k >= 0 && s[k] == ' ' {
		k--
	} else if k >= 1 && s[k-1:k+1] == "\u00a0" {
		k -= 2
	}
	return k >= 0 && s[k] >= '0' && s[k] <= '9'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
