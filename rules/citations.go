package rules

// Citation is a source a rule rests on.
type Citation struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Citations returns the sources rules and term lists cite, by key. The facts
// behind each are summarised in the project's regulatory notes; the wording
// here is ours.
func Citations() map[string]Citation {
	list := []Citation{
		{"fda-psn-2019", "FDA, Public Safety Notification on Exosome Products (6 Dec 2019): there are no FDA-approved exosome products", "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/public-safety-notification-exosome-products"},
		{"fda-consumer-2020", "FDA, Consumer Alert on Regenerative Medicine Products Including Stem Cells and Exosomes (22 Jul 2020)", "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes"},
		{"fda-consumer-2021", "FDA, Important Patient and Consumer Information About Regenerative Medicine Therapies (2021)", "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/important-patient-and-consumer-information-about-regenerative-medicine-therapies"},
		{"fda-cosmetic-drug", "FDA, Is It a Cosmetic, a Drug, or Both? (FD&C Act §201(i) and §201(g)(1))", "https://www.fda.gov/cosmetics/cosmetics-laws-regulations/it-cosmetic-drug-or-both-or-it-soap"},
		{"fda-drug-claims-letters", "FDA, Warning Letters Address Drug Claims Made for Products Marketed as Cosmetics", "https://www.fda.gov/cosmetics/warning-letters-related-cosmetics/warning-letters-address-drug-claims-made-products-marketed-cosmetics"},
		{"fda-eucyt-2020", "FDA warning letter to EUCYT Laboratories (4 Jun 2020): donor eligibility, sterility failures", "https://www.fda.gov/inspections-compliance-enforcement-and-criminal-investigations/warning-letters"},
		{"fda-supreme-2025", "FDA warning letter CBER 25-700749, Supreme Rejuvenation LLC (5 May 2025): umbilical-cord exosome gels with particle counts", "https://www.fda.gov/inspections-compliance-enforcement-and-criminal-investigations/warning-letters"},
		{"cfr-720-9", "21 CFR 720.9: a registration or filing number does not denote FDA approval", "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-G/part-720/section-720.9"},
		{"ftc-hpcg-2022", "FTC, Health Products Compliance Guidance (Dec 2022): competent and reliable scientific evidence", "https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance"},
		{"eu-annex-ii-416", "Regulation (EC) No 1223/2009, Annex II entry 416: cells, tissues or products of human origin are prohibited in cosmetics", "https://ec.europa.eu/growth/tools-databases/cosing/"},
		{"eu-annex-iii", "Regulation (EC) No 1223/2009, Annex III: substances cosmetics may contain only within set product types, concentrations and label warnings", "https://ec.europa.eu/growth/tools-databases/cosing/"},
		{"cosing", "European Commission, CosIng database: the EU inventory of cosmetic ingredient names with links to the annexes (reused under Commission Decision 2011/833/EU)", "https://ec.europa.eu/growth/tools-databases/cosing/"},
		{"eu-655-2013", "Regulation (EU) No 655/2013: common criteria for cosmetic claims (legal compliance, truthfulness, evidential support, honesty, fairness)", "https://eur-lex.europa.eu/eli/reg/2013/655/oj"},
		{"eu-claims-technical-2017", "EU Technical Document on Cosmetic Claims (3 Jul 2017), Annex III free-from and Annex IV hypoallergenic", "https://single-market-economy.ec.europa.eu/sectors/cosmetics/cosmetic-products-specific-topics/cosmetic-claims_en"},
		{"cap-12-1", "CAP Code rule 12.1: objective claims need evidence, medicinal claims only for licensed medicines", "https://www.asa.org.uk/type/non_broadcast/code_section/12.html"},
		{"cap-physiological", "CAP advice, Beauty and cosmetics: physiological effect (appearance wording is acceptable; cell regeneration is not)", "https://www.asa.org.uk/advice-online/beauty-and-cosmetics-physiological-effect.html"},
		{"cap-anti-ageing", "CAP advice, Anti-ageing: general (efficacy claims need tests on people; no objective claims from customer surveys)", "https://www.asa.org.uk/advice-online/anti-ageing-general.html"},
		{"asa-perfect-cosmetics", "ASA ruling on The Perfect Cosmetics Company (A17-408741): 'miracle' and 'erases wrinkles in 60 seconds' upheld", "https://www.asa.org.uk/rulings/the-perfect-cosmetics-company-ltd-a17-408741.html"},
		{"asa-easylife", "ASA ruling on Easylife Group (A20-1072807): 'say goodbye to wrinkles in 7 days', 'Miracle' upheld", "https://www.asa.org.uk/rulings/easylife-group-ltd-a20-1072807-easylife-group-ltd.html"},
		{"kr-mfds-2025", "MFDS, Cosmetic Labeling and Advertising Management Guideline, revised 21 Jan 2025: bare 엑소좀 banned, 식물/우유 엑소좀 allowed; hospital and needle wording banned", "http://cncnews.co.kr/mobile/article.html?no=9806"},
		{"kr-mfds-2010", "MFDS safety standard for human cell culture media in cosmetics: donor screening, sterility, viral and purity tests", "https://hankyung.com/article/2010060783381"},
		{"cn-nmpa-labeling", "China, Cosmetic Labeling Management Measures (in force 1 May 2022) and Cosmetic Naming Guide: no absolute or medical terms", "http://www.cjgxw.com/Content/2022/04-28/1615260060.html"},
		{"hc-notice-2025", "Health Canada, Notice on topical products containing human-derived exosomes, EVs or conditioned media (14 Aug 2025)", "https://www.canada.ca/en/health-canada/programs/consultation-classification-topical-products-containing-human-derived-exosomes-extracellular-vesicles-cell-conditioned-media/notice.html"},
		{"misev2018", "Théry et al., MISEV2018, J Extracell Vesicles 7:1535750: quantification, markers and single-vesicle characterisation", "https://doi.org/10.1080/20013078.2018.1535750"},
		{"misev2023", "Welsh et al., MISEV2023, J Extracell Vesicles (2024): 'extracellular vesicle' as the generic term; EV mimetics", "https://pmc.ncbi.nlm.nih.gov/articles/PMC10850029/"},
		{"inci-naming", "INCI naming practice for vesicles: species + tissue + Exosomes (characterised) or Vesicles/Extracellular Vesicles (plants)", "https://www.zmuni.com/en/news/navigatingcomplianceforplantderivedvesiclesandexosomelikeing/"},
		{"kr-mfds-2019", "MFDS check of 'stem cell' cosmetic advertising (30 Sep 2019): 1,133 false ads, including 'contains stem cells', cell or tissue regeneration, wound healing and acne treatment", "https://wowtv.co.kr/NewsCenter/News/Read?articleId=AKR20190930044000017"},
		{"cn-nmpa-ingredients", "China, Safety and Technical Standards for Cosmetics (2015), prohibited item 390 (human cells, tissues and products), and NMPA draft guidance putting cell activation, cell regeneration and wound healing outside cosmetics", "https://www.zmuni.com/zh-hans/news/he-gui-zhi-nan-pan-dian-guo-nei-wai-gan-xi-bao-wai-mi-ti/"},
		{"tw-mohw-2024", "Taiwan MOHW (21 Mar 2024): human cells, tissues and products are prohibited in cosmetics; human-cell exosomes only by case approval", "https://www.zmuni.com/en/news/summary-of-global-requirements-for-the-use-of-humanderived/"},
		{"jp-mhlw-stemcell", "Japan, cosmetic advertising under PMD Act Article 66: 'human stem cell cosmetic' is exaggerated and effects on cells may not be claimed", "https://www.yakujihou.com/oshiete/faq_010090/"},
		{"eohu-exosomes", "Eastern Ontario Health Unit: no exosome products are approved in Canada; do not use them topically or with microneedling", "https://www.eohu.ca/en/my-community/exosomes-skin-rejuvenation"},
		{"fda-jaba-2011", "FDA warning letter to Jaba Labs (StemCellin, 2011): 'without painful injections', Botulinum comparisons and claims to awaken the skin's own stem cells", "https://www.cosmeticsdesign-europe.com/Article/2011/03/15/Cosmetics-firm-warned-by-FDA-for-drug-like-marketing-claims"},
		{"fda-skin-biology-2012", "FDA warning letter to Skin Biology (2012): a customer testimonial that cysts 'were healed' counted as the company's own drug claim", "https://cosmeticsdesign.com/Article/2012/11/06/Skin-Biology-is-most-the-recent-company-to-get-under-the-FDA-s-skin"},
		{"ftc-endorsement-guides", "FTC, Guides Concerning the Use of Endorsements and Testimonials in Advertising, 16 CFR Part 255 (revised 2023): an advertiser answers for the claims in the testimonials it uses", "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255"},
		{"cap-testimonials", "CAP Code rules 3.45-3.47: testimonials must be genuine and relate to the product, and claims in them need the same evidence as the marketer's own", "https://www.asa.org.uk/type/non_broadcast/code_section/03.html"},
		{"ftc-henderson-2018", "FTC v. Henderson / Regenerative Medical Group (2018): the order bars claims that a stem-cell therapy is comparable to or better than conventional treatment without competent and reliable scientific evidence", "https://www.ftc.gov/news-events/news/press-releases/2019/04/ftc-returns-almost-515000-consumers-who-bought-deceptively-marketed-amniotic-stem-cell-therapy"},
		{"asa-go-groopie", "ASA ruling on Go Groopie (A13-232087): 'apple stem cell' serum, rejuvenation and stem-cell wording found misleading", "https://www.asa.org.uk/rulings/Go-Groopie-Ltd-A13-232087.html"},
		{"asa-mycitydeal", "ASA ruling on MyCityDeal (A11-173644): 'freeze-like effects on the face muscles' implied an effect like injections", "https://www.asa.org.uk/rulings/MyCityDeal-Ltd-A11-173644.html"},
		{"asa-compact-guide", "ASA, A compact guide to cosmetic ad claims: skin is a barrier, absorption claims need product-specific evidence", "https://www.asa.org.uk/news/a-compact-guide-to-cosmetic-ad-claims.html"},
		{"jp-medical-care-act", "Japan, Medical Care Act Art. 6-5: no false, exaggerated or comparative advertising of medical care, websites included since 2018", "https://iuris.jp/医療法-第六条の五/jpn/a/47017"},
		{"jp-medical-ad-guideline", "MHLW Medical Advertising Guideline (医療広告ガイドライン, 2018) as quoted in public copies: no patient testimonials about a treatment's effect; before/after photos only with the treatment, its cost and its main risks; 絶対安全 and the like are false", "https://aurora-clinic.jp/guideline/"},
		{"jp-gentei-kaijo", "MHLW Medical Advertising Guideline, lifting of limits (限定解除): a free-practice page must give the usual treatment, its cost, sessions and length, and its main risks and side effects", "https://mc-pub.com/webguide/ad17/"},
		{"jp-unapproved-2024", "MHLW guideline revision (announced 22 Mar 2024): pages offering unapproved drugs or products must state that they are unapproved, how they were obtained, whether an approved domestic equivalent exists, safety information from abroad, and that the relief scheme for side effects does not apply", "https://biyouhifuko.com/news/japan/6425"},
		{"jp-mhlw-exosome-2024", "MHLW notices of 31 Jul 2024 on treatments with stem-cell culture supernatant and exosomes (not approved drugs; the doctor is responsible) and on \"exosome reagents\" sold to clinics with treatment or drug-like claims", "https://prtimes.jp/main/html/rd/p/000000023.000058628.html"},
		{"kr-medical-act-56", "Korea, Medical Service Act Art. 56(2): no treatment-experience stories, no guarantees or exaggeration, no omission of serious side effects, no unevaluated new technology, no claims of certification (국가법령정보센터)", "https://www.law.go.kr/"},
		{"kr-mfds-injection-2023", "MFDS press release (11 Jan 2023): cosmetics are for applying only and must not be injected into the skin; intradermal products need drug or device approval", "https://emedi.mfds.go.kr/brd/view/MNU20260?ntceSn=125&pageNum=1"},
		{"kr-court-asce-2025", "Seoul Administrative Court (reported 21 Jun 2025): licence suspension upheld for a doctor who injected a topical exosome cosmetic", "https://www.laserpro.or.kr/bbs/board.php?bo_table=new&wr_id=2659"},
		{"de-hwg", "Germany, Heilmittelwerbegesetz § 3 (no promise of certain success or of no harmful effects) and § 11 (no misleading third-party statements; no before/after for cosmetic procedures)", "https://rechtsanwalt-werberecht.de/werberecht-nach-paragrafen/heilmittelwerbegesetz-hwg/3-hwg-irreführung"},
		{"uk-hmr-2012", "UK Human Medicines Regulations 2012, Part 14 (reg. 279: no advertising of a medicinal product without an authorisation)", "https://www.legislation.gov.uk/uksi/2012/1916/part/14/chapter/2/made/data.xht?view=snippet&wrap=true"},
		{"uk-human-exosomes-2025", "University of Cambridge on the Guardian report (29 Mar 2025): UK clinics offering exosome treatments derived from human cells, banned in cosmetics", "https://www.path.cam.ac.uk/news/beauty-clinics-uk-offering-banned-treatments-derived-human-cells"},
		{"cap-cosmetic-interventions", "CAP, Cosmetic interventions and the CAP Code: no implication that a procedure is risk-free; testimonials must not exaggerate results", "https://www.asa.org.uk/news/cosmetic-interventions-and-the-cap-code.html"},
		{"asa-laser-clinic", "ASA ruling on The Laser Treatment Clinic (A18-447095): 'permanent results' and before/after slideshows upheld; 'Results may vary' did not cure them", "https://www.asa.org.uk/rulings/the-laser-treatment-clinic-ltd-a18-447095.html"},
		{"tw-medical-care-act", "Taiwan, Medical Care Act Arts. 84–87 and MOHW orders of 2016: no 完全根治 or 永不復發, no before/after images, no discounts or free sessions in medical ads", "https://law.moj.gov.tw/ENG/LawClass/LawParaDeatil.aspx?pcode=L0020021&bp=8"},
		{"tw-regen-2026", "Taiwan MOHW (Jan 2026): no exosome medical advertisement has been approved under the Regenerative Medicine Act; current exosome ads are unlawful", "https://udn.com/news/story/7266/9287829"},
		{"cn-ad-law-16", "China, Advertising Law Art. 16: medical ads may not assert or guarantee efficacy or safety, state cure rates, compare, or use endorsers", "https://www.shoulawyer.com/zhishi/95111.htm"},
		{"cn-samr-aesthetic-2021", "SAMR, Medical Aesthetic Advertising Enforcement Guide (2021): no guarantees, no patients as proof or before/after, no endorsers, no unapproved drugs or devices", "http://cnqlr.com/gonggao/6473.html"},
		{"ftc-endorsement-2023", "FTC Endorsement Guides, 16 CFR Part 255 (revised 2023): 'results not typical' does not excuse an atypical testimonial", "http://federal.elaws.us/fr/7/26/2023/2023-14795"},
		{"ftc-peyroux-2024", "FTC and Georgia v. Peyroux (Stem Cell Institute of America): regenerative-medicine clinic ads promising to eliminate pain; permanent ban and refunds (2024)", "https://law.georgia.gov/press-releases/2021-08-17/carr-ftc-hold-companies-accountable-deceptive-claims-regarding-stem-cell"},
		{"fda-vitti-2022", "FDA warning letter to Vitti Labs (28 Jul 2022): umbilical-cord and amniotic exosome products sold to practitioners for injection are unapproved drugs and biologics", "https://www.fda.gov/inspections-compliance-enforcement-and-criminal-investigations/warning-letters/vitti-labs-llc-627699-07282022"},
		{"fda-evolutionary-2024", "FDA warning letter to Evolutionary Biologics (30 Dec 2024): an exosome product sold through a practitioner (/rx) page is an unapproved drug and unlicensed biologic", "https://fda.gov/inspections-compliance-enforcement-and-criminal-investigations/warning-letters/evolutionary-biologics-inc-681586-12302024"},
		{"zmuni-plant-ev", "Guangdong MPA (Sept 2022): 'exosome cosmetics' a pseudo-concept; plant or animal 'exosome' products contain extracts", "http://health.dzwindows.com/health/2022/0909/43303.html"},
	}
	m := make(map[string]Citation, len(list))
	for _, c := range list {
		m[c.Key] = c
	}
	return m
}
