package rules_test

import (
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// Page kinds, in every language and format. The snippets are our own
// writing, made to read like the pages they stand for.
func TestPageKind(t *testing.T) {
	runKindCases(t, []kindCase{
		// Products: a price in the local notation, a size, a cart.
		{"en product", scraper.FormatText, "Rose EV Serum 30 ml\n$48.00\nPlant exosomes from rose callus for a brighter look.\nAdd to cart", rules.PageProduct},
		{"ko product", scraper.FormatText, "로즈 엑소좀 앰플 30ml\n32,000원\n장미 엑소좀이 피부결을 매끄럽게 가꿔 줍니다.\n장바구니 담기", rules.PageProduct},
		{"ja product", scraper.FormatText, "ローズエクソソーム美容液 30mL\n¥4,980（税込）\nバラ由来のエクソソームを配合。\nカートに入れる", rules.PageProduct},
		{"zh product", scraper.FormatText, "玫瑰外泌体精华 30毫升\n￥268\n植物来源外泌体，令肌肤看起来更透亮。\n加入购物车", rules.PageProduct},
		{"es product", scraper.FormatText, "Sérum de exosomas de rosa 30 ml\n39,90 €\nExosomas vegetales para una piel más luminosa.\nAñadir al carrito", rules.PageProduct},
		{"pt product", scraper.FormatText, "Sérum de exossomos de rosa 30 ml\nR$ 189,90\nExossomos vegetais para uma pele com aparência radiante.\nAdicionar ao carrinho", rules.PageProduct},
		{"tr product", scraper.FormatText, "Gül eksozom serumu 30 ml\n₺649\nBitki kaynaklı eksozomlar.\nSepete ekle", rules.PageProduct},
		{"ru product", scraper.FormatText, "Сыворотка с экзосомами розы 30 мл\n2 490 ₽\nРастительные экзосомы для сияния кожи.\nВ корзину", rules.PageProduct},
		{"html schema", scraper.FormatHTML, `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Rose EV Serum","offers":{"@type":"Offer","price":"48.00","priceCurrency":"USD"}}</script></head><body><h1>Rose EV Serum</h1><p>Rose callus exosomes for radiance.</p></body></html>`, rules.PageProduct},
		{"html cart form", scraper.FormatHTML, `<html><body><h1>Centella Exosome Toner</h1><p>Centella exosomes for a calm look.</p><form action="/cart/add" method="post"><button type="submit" class="icon-bag" aria-label="bag"></button></form></body></html>`, rules.PageProduct},
		// Clinics: booking, a treatment menu, sessions, "our clinic".
		{"en clinic", scraper.FormatText, "Exosome Facial at Harbor Med Spa\nOur providers apply exosomes after microneedling. Three sessions are usually recommended, with minimal downtime.\nSingle session $450\nBook your consultation", rules.PageClinic},
		{"ko clinic", scraper.FormatText, "엑소좀 시술 안내\n본원에서는 엑소좀을 이용한 재생 시술을 진행합니다. 시술 후 다운타임이 거의 없습니다.\n1회 25만원\n상담 예약", rules.PageClinic},
		{"ja clinic", scraper.FormatText, "エクソソーム点滴｜当院の自由診療\n当院では幹細胞培養上清液を用いた施術を行っています。\n1回 55,000円（税込）\nWEB予約はこちら", rules.PageClinic},
		{"zh clinic", scraper.FormatText, "外泌体焕肤疗程\n我院医生为您进行外泌体导入，每次约60分钟。\n单次 ¥1,980\n立即预约", rules.PageClinic},
		{"es clinic", scraper.FormatText, "Tratamiento con exosomas\nEn nuestra clínica aplicamos exosomas tras el microneedling. Se recomiendan tres sesiones.\n180 € por sesión\nReservar cita", rules.PageClinic},
		{"pt clinic", scraper.FormatText, "Tratamento com exossomos\nNossa clínica realiza o procedimento em três sessões.\nR$ 900 por sessão\nAgende sua consulta", rules.PageClinic},
		{"de clinic", scraper.FormatText, "Exosomen-Behandlung in unserer Praxis\nWir empfehlen drei Sitzungen im Abstand von vier Wochen.\n390 € pro Sitzung\nTermin vereinbaren", rules.PageClinic},
		{"fr clinic", scraper.FormatText, "Soin aux exosomes dans notre cabinet\nMicroneedling suivi d'exosomes, trois séances recommandées.\n250 € la séance\nPrendre rendez-vous", rules.PageClinic},
		{"it clinic", scraper.FormatText, "Trattamento con esosomi nel nostro centro\nTre sedute a distanza di un mese.\n300 € a seduta\nPrenota una visita", rules.PageClinic},
		{"tr clinic", scraper.FormatText, "Eksozom tedavisi - kliniğimizde uygulanır\nÜç seans önerilir.\n₺4.500 seans başı\nRandevu al", rules.PageClinic},
		{"ru clinic", scraper.FormatText, "Процедура с экзосомами в нашей клинике\nКурс из трёх процедур.\n9 900 ₽ за процедуру\nЗаписаться на приём", rules.PageClinic},
		{"fr product", scraper.FormatText, "Sérum aux exosomes de rose 30 ml\n49,00 €\nDes exosomes végétaux pour un teint lumineux.\nAjouter au panier", rules.PageProduct},
		{"it product", scraper.FormatText, "Siero con esosomi di rosa 30 ml\n45,00 €\nEsosomi vegetali per una pelle luminosa.\nAggiungi al carrello", rules.PageProduct},
		{"de product", scraper.FormatText, "Rosen-Exosomen-Serum 30 ml\n44,90 €\nPflanzliche Exosomen für einen frischen Teint.\nIn den Warenkorb", rules.PageProduct},
		// A treatment word that states a product's purpose, a profession as
		// a product's badge and a study's setting are not a practice.
		{"pt professional line", scraper.FormatText, "Exossomo Bioestimulador PRO\nConcentrado de exossomos para tratamentos profissionais intensivos: R$ 350,00\n", rules.PageProduct},
		{"en dermatologist tested", scraper.FormatText, "Calm EV Cream\n$42.00\nDermatologist tested, gentle after a facial treatment.\n", rules.PageProduct},
		{"en study setting", scraper.FormatText, "Milk exosomes for acne-prone skin\nResults from a volunteer study: after four in-clinic procedures, 20 participants saw fewer marks.\nThe supplier offers the ingredient to cosmetic brands.", rules.PageUnknown},
		{"md clinic", scraper.FormatMarkdown, "# Treatment menu\n\n| Treatment | Price |\n|---|---|\n| Microneedling + exosomes | $650 |\n\nOur clinic uses exosomes from a US supplier.\n", rules.PageClinic},
		// Suppliers: vials and professionals, wholesale, research use.
		{"en supplier", scraper.FormatText, "Exosome vials for professionals\nLyophilized, 10 billion particles per vial, reconstitute with the diluent provided.\nWholesale and private label available. Request a quote.", rules.PageSupplier},
		{"ja supplier", scraper.FormatText, "エクソソーム原料（業務用）\n凍結乾燥バイアル、医療機関向けに卸売しています。", rules.PageSupplier},
		{"ko supplier", scraper.FormatText, "엑소좀 원료 도매\n동결건조 바이알, 전문가용으로만 공급합니다.", rules.PageSupplier},
		// Articles: bylines, abstracts, news; no offer at all.
		{"en news", scraper.FormatText, "By our reporter\nRegulators have warned clinics about exosome injections. Researchers say the evidence is thin, the study found.", rules.PageArticle},
		{"ko news", scraper.FormatText, "[헬스뉴스=김민지 기자] 식약처는 엑소좀 화장품 광고 가이드라인을 발표했다고 밝혔다.", rules.PageArticle},
		{"science", scraper.FormatText, "Abstract\nExtracellular vesicles were isolated from conditioned media and characterized by NTA (Smith et al., 2023). doi:10.1000/xyz", rules.PageArticle},
		// Many products with prices.
		{"catalog", scraper.FormatText, "Rose EV Serum 30 ml — $48\nAdd to cart\nCentella EV Toner 150 ml — $32\nAdd to cart\nMilk EV Cream 50 ml — $56\nAdd to cart", rules.PageCatalog},
		// Nothing to go by.
		{"unknown", scraper.FormatText, "Exosomes help skin look smoother and brighter.", rules.PageUnknown},
		// A product word said once is no page about a product; said again it is.
		{"one product word", scraper.FormatText, "A mild cleanser that leaves skin looking calm after exosome care.", rules.PageUnknown},
		// Where a study was done is no offer of the page: "in-clinic" beside a volunteer study.
		{"study setting", scraper.FormatText, "In a volunteer study, redness faded after three in-clinic sessions with rose exosomes.", rules.PageUnknown},
		{"a product spoken of again", scraper.FormatText, "Why we put plant exosomes in our toners\nEvery toner in the line carries centella exosomes for a calmer look.", rules.PageProduct},
	})
}

// An article that discusses exosomes claims nothing; one that promotes a
// named product is checked like a seller.
func TestArticlePromotion(t *testing.T) {
	k := newTextChecker(t)
	check := func(text string) *rules.DocResult { return k.check(t, text, scraper.FormatText) }
	pure := check("By our reporter\nResearchers warned that exosome products are unproven. The study found no evidence that topical exosomes reach the dermis.")
	if pure.Facts.PageKind != rules.PageArticle || pure.Facts.ExosomeClaim || len(pure.Findings) != 0 {
		t.Errorf("pure article: kind %s claim %v findings %v", pure.Facts.PageKind, pure.Facts.ExosomeClaim, pure.Findings)
	}
	advert := check("[뷰티뉴스=이하나 기자] 엑소좀은 손상된 세포를 재생하고 상처를 치유한다. 엑소좀은 아토피 피부를 근본적으로 치료한다.")
	if advert.Facts.PageKind != rules.PageArticle || !advert.Facts.Promotes || !advert.Facts.ExosomeClaim || len(advert.Findings) == 0 {
		t.Errorf("advertorial: kind %s promotes %v claim %v findings %d", advert.Facts.PageKind, advert.Facts.Promotes, advert.Facts.ExosomeClaim, len(advert.Findings))
	}
	blog := check("Blog post by our editor\nIn this article we look at why the Glow Lab Exosome Serum uses rose callus exosomes for brighter-looking skin. Read more below.")
	// "We" about the serum is the brand speaking (a product page); read as
	// an article, it must at least promote. Either way it is checked.
	checked := blog.Facts.PageKind == rules.PageProduct || blog.Facts.PageKind == rules.PageArticle && blog.Facts.Promotes
	if !checked || !blog.Facts.ExosomeClaim {
		t.Errorf("brand blog naming its product: kind %s promotes %v claim %v (%+v)", blog.Facts.PageKind, blog.Facts.Promotes, blog.Facts.ExosomeClaim, blog.Facts.PromotionEvidence)
	}
	study := check("Abstract\nIn a randomized split-face study of 24 participants, a serum with rose exosomes (Rosa Labs Inc.) was applied for 8 weeks. doi:10.1000/abc")
	if !study.Facts.ExosomeClaim || study.Facts.Promotes || len(study.Findings) != 0 {
		t.Errorf("study of a product: claim %v promotes %v findings %v", study.Facts.ExosomeClaim, study.Facts.Promotes, study.Findings)
	}
}
