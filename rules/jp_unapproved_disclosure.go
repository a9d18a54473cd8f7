package rules

import (
	"strings"

	"github.com/exolint/exolint/scraper"
)

// JPUnapprovedDisclosure flags Japanese clinic pages that offer an exosome
// or culture-supernatant treatment without the five disclosures Japan asks
// of unapproved drugs and products.
func JPUnapprovedDisclosure() *Rule {
	return &Rule{
		ID:    "jp-unapproved-disclosure",
		Title: "clinic page in Japanese without the disclosures for an unapproved exosome treatment",
		Doc: `A Japanese clinic page offers a treatment with exosomes or stem-cell culture supernatant
(エクソソーム点滴, 幹細胞培養上清液, エクソソーム導入) but does not give all five disclosures that
Japan's medical advertising guideline, as revised in March 2024, requires for unapproved drugs and
products on a free-practice page (限定解除): (1) that the product is unapproved under the PMD Act
(未承認医薬品等であることの明示); (2) how it was obtained (入手経路等), with the personal-import
warning when a doctor imported it; (3) whether an approved product with the same ingredient or
performance exists in Japan (国内の承認医薬品等の有無); (4) safety information from abroad, or that
serious risks may not yet be known (諸外国における安全性等に係る情報); (5) that the public relief
scheme for side effects does not cover it (医薬品副作用被害救済制度の対象外).

Exosome and supernatant treatments are not approved drugs and are outside Japan's regenerative-
medicine act (MHLW notices of 31 July 2024). The rule applies to pages written in Japanese and
only in the JP market. One finding lists the missing items.

What satisfies it: a disclosure block with the five items, as many clinics now publish beside
the price and risks.`,
		Bad:       "当院のエクソソーム点滴は、肌の若々しさを取り戻します。1回 55,000円。",
		Good:      "当院のエクソソーム点滴（1回 55,000円）。主なリスク：内出血、感染。本治療に用いる製剤は未承認医薬品等です。入手経路：国内の製造元から購入。国内に同一成分の承認医薬品はありません。諸外国でも承認されておらず、重大なリスクが明らかになっていない可能性があります。医薬品副作用被害救済制度の対象外です。",
		Severity:  Error,
		Markets:   map[Market]Severity{US: Off, EU: Off, UK: Off, KR: Off, CN: Off, TW: Off, CA: Off},
		Citations: []string{"jp-unapproved-2024", "jp-gentei-kaijo", "jp-mhlw-exosome-2024", "jp-medical-care-act"},
		Kinds:     TreatmentKinds(),
		Check:     checkJPUnapprovedDisclosure,
	}
}

func checkJPUnapprovedDisclosure(p *Pass) {
	at, ok := p.offeredUnapprovedTreatment()
	if !ok || p.pageScript() != "ja" {
		return
	}
	items := []struct{ group, what string }{
		{"jp-unapproved-unapproved", "未承認医薬品等であること (that it is unapproved)"},
		{"jp-unapproved-source", "入手経路 (how it was obtained)"},
		{"jp-unapproved-domestic", "国内の承認医薬品等の有無 (whether an approved domestic equivalent exists)"},
		{"jp-unapproved-abroad", "諸外国における安全性等の情報 (safety information from abroad)"},
		{"jp-unapproved-relief", "医薬品副作用被害救済制度の対象外であること (that the relief scheme does not cover it)"},
	}
	var missing []string
	for _, it := range items {
		found := false
		for _, h := range p.Hits(it.group) {
			if p.Blocks[h.Block].Region != scraper.RegionUserContent {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, it.what)
		}
	}
	if len(missing) == 0 {
		return
	}
	p.Reportf(at, "unapproved exosome or supernatant treatment offered without %d of the 5 disclosures Japan requires: %s", len(missing), strings.Join(missing, "; "))
}

// offeredUnapprovedTreatment finds the first exosome claim, or failing one
// the first culture-supernatant word, of a clinic's own copy: what the page
// offers that no Japanese approval covers.
func (a *Analysis) offeredUnapprovedTreatment() (Span, bool) {
	if !a.Selling() {
		return Span{}, false
	}
	if c := a.Facts.ClaimHits(); len(c) > 0 {
		return c[0].Span(), true
	}
	for _, h := range a.hits["source-vague"] {
		w := a.matchText(h)
		if (strings.Contains(w, "上清") || strings.Contains(w, "培養液")) && a.IsCopy(h) {
			return h.Span(), true
		}
	}
	return Span{}, false
}
