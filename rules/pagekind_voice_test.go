package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// carouselPage is one product's page with a "you may also like" carousel of
// twelve other priced products, each with its own cart button, as shops
// render them. The primary product has its h1, cart form and ingredient
// list; schema says whether it also carries Product JSON-LD.
func carouselPage(schema bool) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Rose EV Barrier Cream 50 ml | Hanul Skin</title>`)
	if schema {
		b.WriteString(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Rose EV Barrier Cream","offers":{"@type":"Offer","price":"42.00","priceCurrency":"EUR"}}</script>`)
	}
	b.WriteString(`</head><body><main>
<h1>Rose EV Barrier Cream</h1>
<p class="price">€42,00</p>
<p>Rose callus extracellular vesicles and ceramides for skin that looks calmer and feels softer. 50 ml.</p>
<form action="/cart/add" method="post"><input type="hidden" name="id" value="301"><button type="submit">Add to cart</button></form>
<h2>Ingredients</h2>
<p>Aqua, Glycerin, Caprylic/Capric Triglyceride, Rosa Damascena Callus Extracellular Vesicles, Ceramide NP, Cetearyl Alcohol, Phenoxyethanol</p>
<section class="related"><h2>You may also like</h2><ul>`)
	names := []string{"Centella Toner", "Milk Cleanser", "Rice Essence", "Peptide Serum", "Oat Mask", "Sun Fluid", "Night Balm", "Eye Cream", "Lip Oil", "Body Lotion", "Hand Cream", "Mist"}
	for i, n := range names {
		fmt.Fprintf(&b, `<li class="card"><a href="/p/%d">%s 100 ml</a><span class="price">€%d,00</span><button class="add-to-cart">Add to cart</button></li>`, 400+i, n, 18+i)
	}
	b.WriteString(`</ul></section></main></body></html>`)
	return b.String()
}

// collectionPage is a shop's list of serums: a grid of priced products as
// the page's main content, no product of its own.
func collectionPage() string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Serums | Hanul Skin</title></head><body><main><h1>Serums</h1><p>8 products</p><ul class="grid">`)
	for i, n := range []string{"Rose EV Serum", "Centella EV Serum", "Milk EV Serum", "Rice Serum", "Peptide Serum", "Niacinamide Serum", "Vitamin C Serum", "Retinal Serum"} {
		fmt.Fprintf(&b, `<li class="product-card"><a href="/p/%d"><h3>%s</h3></a><span>30 ml</span><span class="price">$%d.00</span><form action="/cart/add" method="post"><button>Add to cart</button></form></li>`, 500+i, n, 28+2*i)
	}
	b.WriteString(`</ul></main></body></html>`)
	return b.String()
}

// The voice of an offer decides pages that show no price, cart or booking:
// a practice that says "we" about its treatments, a brand that says "we"
// about its serum, a supplier's professional line, a news story that quotes
// a clinic. Single product pages with carousels of others stay products. The
// snippets are our own writing, in the voice of the pages they stand for.
func TestPageKindVoice(t *testing.T) {
	runKindCases(t, []kindCase{
		// One product and a carousel of twelve priced others.
		{"carousel with schema", scraper.FormatHTML, carouselPage(true), rules.PageProduct},
		{"carousel without schema", scraper.FormatHTML, carouselPage(false), rules.PageProduct},
		{"text listing with also-bought", scraper.FormatText, "Milk EV Sleeping Mask 80 ml\n€29.90\nAdd to basket\nIngredients: Aqua, Glycerin, Milk Exosomes, Panthenol, Phenoxyethanol\n\nCustomers also bought\nRice Toner 150 ml €19.90 Add to basket\nOat Cleanser 120 ml €14.50 Add to basket\nCentella Serum 30 ml €24.00 Add to basket\nPeptide Cream 50 ml €31.00 Add to basket\nSun Milk 50 ml €18.00 Add to basket", rules.PageProduct},
		// Many products as the page's content.
		{"collection", scraper.FormatHTML, collectionPage(), rules.PageCatalog},

		// Clinic excerpts: no price, no booking, a practice's voice.
		{"en practice voice", scraper.FormatText, "Exosome therapy for thinning hair\nWe usually recommend three sessions, four weeks apart. Most of our patients return to work the same day, though the treatment area can look pink for a day or two.", rules.PageClinic},
		{"ko practice voice", scraper.FormatText, "엑소좀 두피 관리\n저희 의원에서는 시술 전 충분한 상담을 진행합니다. 시술 시간은 약 30분이며 마취 크림을 바른 뒤 진행합니다.", rules.PageClinic},
		{"ja practice voice", scraper.FormatText, "エクソソーム導入について\n当院では、ダーマペンの後にエクソソームを導入します。施術時間は約40分で、ダウンタイムはほとんどありません。", rules.PageClinic},
		{"zh practice voice", scraper.FormatText, "外泌体焕肤\n我们的医生会在微针后为您导入外泌体，治疗时间约四十分钟，术后当天即可正常上班。", rules.PageClinic},
		{"es practice voice", scraper.FormatText, "Exosomas para la caída del cabello\nRecomendamos de tres a cuatro sesiones con microagujas. La zona a tratar puede quedar enrojecida unas horas y nuestros pacientes vuelven a su rutina al día siguiente.", rules.PageClinic},
		{"pt practice voice", scraper.FormatText, "Exossomos no consultório\nNossa equipe aplica os exossomos logo após o microagulhamento. O número de sessões depende de cada paciente.", rules.PageClinic},
		{"fr practice voice", scraper.FormatText, "Les exosomes au cabinet\nNous réalisons le soin juste après un microneedling. Nos patients reprennent le travail le jour même ; le nombre de séances varie selon la peau.", rules.PageClinic},
		{"de practice voice", scraper.FormatText, "Exosomen bei Haarausfall\nWir behandeln die Kopfhaut direkt nach dem Microneedling. Die Behandlungsdauer beträgt etwa 45 Minuten, und unsere Patienten sind danach sofort wieder alltagstauglich.", rules.PageClinic},
		{"it practice voice", scraper.FormatText, "Esosomi per il viso\nEseguiamo il trattamento subito dopo il microneedling. La durata della seduta è di circa 40 minuti e i nostri pazienti tornano subito alle loro attività.", rules.PageClinic},
		{"tr practice voice", scraper.FormatText, "Saç dökülmesinde eksozom\nEksozomu mikro iğne ile uyguluyoruz. Seans süresi yaklaşık 30 dakikadır; hastalarımız aynı gün işine dönebilir.", rules.PageClinic},
		{"ru practice voice", scraper.FormatText, "Экзосомы для кожи лица\nМы проводим процедуру сразу после микронидлинга. Длительность процедуры около 40 минут, наши пациенты возвращаются к работе в тот же день.", rules.PageClinic},
		{"en clinic FAQ in third person", scraper.FormatText, "What happens during an exosome facial?\nThe skin is cleansed and a numbing cream is applied. Microneedling follows, then the exosome serum is pressed in. Expect mild redness after the procedure; most people need a course of three treatments.", rules.PageClinic},

		// A brand's blog promoting its own product.
		{"en brand blog", scraper.FormatText, "Why we put rose exosomes in our new serum\nOur formulating team spent two years on this one. Rose callus exosomes help skin look smoother, and we print the vesicle count on every bottle.", rules.PageProduct},
		{"es brand blog", scraper.FormatText, "Por qué elegimos exosomas vegetales\nEn nuestras fórmulas usamos exosomas de rosa para una piel de aspecto más luminoso. Nuestro sérum se aplica después de la limpieza.", rules.PageProduct},
		{"ko brand blog", scraper.FormatText, "저희가 엑소좀을 선택한 이유\n저희 앰플은 장미 캘러스 엑소좀으로 피부결을 매끄럽게 가꿔 줍니다. 세안 후 아침 저녁으로 사용하세요.", rules.PageProduct},
		{"ja brand blog", scraper.FormatText, "私たちがエクソソームを選んだ理由\n私たちの美容液には、バラ由来のエクソソームを配合しています。洗顔後、朝晩お使いください。", rules.PageProduct},
		{"fr brand blog", scraper.FormatText, "Pourquoi nos formules contiennent des exosomes\nNotre sérum associe des exosomes de rose à l'acide hyaluronique pour un teint plus lumineux.", rules.PageProduct},
		{"de brand blog", scraper.FormatText, "Warum wir auf Exosomen setzen\nUnser Serum enthält Exosomen aus Rosenkallus für einen ebenmäßigeren Teint.", rules.PageProduct},
		{"tr brand blog", scraper.FormatText, "Neden eksozom?\nÜrünlerimizde gül kallusundan elde edilen eksozomları kullanıyoruz. Serumumuz cildin daha pürüzsüz görünmesine yardımcı olur.", rules.PageProduct},

		// A supplier's professional line.
		{"en professional line", scraper.FormatText, "Professional line: exosome concentrate\nSupplied in lyophilized vials for professional use only. Reconstitute each vial with the diluent provided. Wholesale pricing for clinics and distributors.", rules.PageSupplier},
		{"pt professional line", scraper.FormatText, "Linha profissional de exossomos\nConcentrado liofilizado para uso profissional, vendido apenas a clínicas. Atacado e distribuidores sob consulta.", rules.PageSupplier}, //nolint:misspell // Portuguese
		{"ja professional line", scraper.FormatText, "業務用エクソソーム原液\n医療機関専用の凍結乾燥バイアルです。卸売についてはお問い合わせください。", rules.PageSupplier},

		// News that quotes a clinic: the clinic's "we" is not the page's.
		{"en news quoting a clinic", scraper.FormatText, "By Jane Park, staff writer\nPublished on March 4, 2025\nClinics in the city now offer exosome injections, according to the health office. \"We offer three sessions and our patients love it,\" said the director of one clinic. Dermatologists told us the evidence is thin.", rules.PageArticle},
		{"es news quoting a clinic", scraper.FormatText, "Redacción | Publicado el 3 de mayo de 2025\nLas clínicas estéticas ofrecen tratamientos con exosomas, según la asociación de dermatólogos. «Nuestros pacientes repiten la sesión cada mes», afirmó la directora de un centro. Los investigadores advierten que faltan estudios.", rules.PageArticle},
	})
}

// Where the kind is unknown, messages name neither a cosmetic nor a
// treatment alone: a clinic read as unknown must not hear that "a cosmetic
// may only change how skin looks", nor a serum that its treatment is
// unapproved.
func TestUnknownKindMessagesAreNeutral(t *testing.T) {
	res := newTextChecker(t).check(t, "Exosomes repair damaged skin cells and a miracle glow follows. Completely safe for everyone.\n", scraper.FormatText)
	if res.Facts.PageKind != rules.PageUnknown {
		t.Fatalf("kind %s, want unknown (%+v)", res.Facts.PageKind, res.Facts.PageKindEvidence)
	}
	seen := map[string]string{}
	for _, f := range res.Findings {
		seen[f.Rule] = f.Message
	}
	for _, id := range []string{"drug-claim", "hype-wording", "safety-absolute"} {
		msg, ok := seen[id]
		if !ok {
			t.Errorf("%s did not fire: %v", id, res.Findings)
			continue
		}
		if !strings.Contains(msg, "treatment") || strings.HasSuffix(msg, "a cosmetic may only change how skin looks") {
			t.Errorf("%s message is not neutral: %q", id, msg)
		}
	}
}

// News that quotes a clinic is an article and is not accused of selling; news
// that promotes a named treatment in its own voice is still checked.
func TestNewsQuotingOrPromotingAClinic(t *testing.T) {
	k := newTextChecker(t)
	check := func(text string) *rules.DocResult { return k.check(t, text, scraper.FormatText) }
	quoting := check("By Mina Cho\nPublished on June 2, 2025\nClinics across the city now offer exosome facials, according to the dermatology association. \"We offer three sessions and our patients love the glow,\" said the director of one clinic. Researchers told us the evidence is thin.")
	if quoting.Facts.PageKind != rules.PageArticle || quoting.Facts.Promotes || len(quoting.Findings) != 0 {
		t.Errorf("news quoting a clinic: kind %s promotes %v findings %v", quoting.Facts.PageKind, quoting.Facts.Promotes, quoting.Findings)
	}
	promoting := check("By Mina Cho\nPublished on June 2, 2025\nThe LumiCell® exosome booster regenerates damaged skin cells and heals acne scars in a single session. Readers will find it at all twelve Lumi branches.")
	if promoting.Facts.PageKind != rules.PageArticle || !promoting.Facts.Promotes || len(promoting.Findings) == 0 {
		t.Errorf("news promoting a treatment: kind %s promotes %v findings %v", promoting.Facts.PageKind, promoting.Facts.Promotes, promoting.Findings)
	}
}

// An approval claim on a page of unknown kind without exosomes may be about
// an approved drug or device: it is asked to say what was approved, not
// told that cosmetics never are.
func TestUnknownKindApprovalMessageIsNeutral(t *testing.T) {
	res := newTextChecker(t).check(t, "Our peptide complex is FDA approved for tired, dull faces.\n", scraper.FormatText)
	if res.Facts.PageKind != rules.PageUnknown {
		t.Fatalf("kind %s, want unknown (%+v)", res.Facts.PageKind, res.Facts.PageKindEvidence)
	}
	var msg string
	for _, f := range res.Findings {
		if f.Rule == "approval-claim" {
			msg = f.Message
		}
	}
	if !strings.Contains(msg, "name what was approved") || strings.Contains(msg, "cosmetics are not approved") {
		t.Errorf("approval-claim message on an unknown page: %q (findings %v)", msg, res.Findings)
	}
}
