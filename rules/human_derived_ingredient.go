package rules

import (
	"fmt"
	"sort"

	"github.com/exolint/exolint/scraper"
)

// HumanDerivedIngredient flags exosomes or conditioned media of human origin.
func HumanDerivedIngredient() *Rule {
	return &Rule{
		ID:    "human-derived-ingredient",
		Title: "exosomes or conditioned media of human origin",
		Doc: `The exosomes, vesicles or conditioned media come from human cells or tissue: umbilical cord,
cord blood, placenta, adipose (fat) tissue, bone marrow, mesenchymal stem cells, iPSC,
fibroblasts or donors. "Cells, tissues or products of human origin" are prohibited in cosmetics in
the EU and UK (Regulation 1223/2009, Annex II entry 416), in China (prohibited item 390) and in
Taiwan (unless approved case by case), so there it is an error. In the US such products are drugs
and biologics once they claim more than appearance (FDA 2019 and 2020; the 2025 Supreme
Rejuvenation letter), and Health Canada's 2025 notice treats human-derived topicals with
structure/function claims as drugs: a warning there, an error when the page also makes a drug
claim or offers injection. Korea allows culture media that meet the MFDS safety standard (info);
Japan allows culture supernatant but not cell-effect claims (warning).

The origin is read from the copy next to the EV claim and from the ingredient list. On a clinic
page clinic-human-exosomes speaks to the treatment instead; on a supplier page the message speaks
to the material sold to practitioners.

What satisfies it: outside the US and Korea, a non-human source. Where human material is allowed,
disclose donor screening, sterility and endotoxin testing, and keep the claims to appearance.`,
		Bad:       "Exosomes from human umbilical cord stem cells for firmer-looking skin.",
		Good:      "Extracellular vesicles from rose callus culture for firmer-looking skin.",
		Severity:  Error,
		Markets:   map[Market]Severity{US: Warning, CA: Warning, KR: Info, JP: Warning},
		Citations: []string{"eu-annex-ii-416", "cn-nmpa-ingredients", "tw-mohw-2024", "fda-psn-2019", "hc-notice-2025", "kr-mfds-2010", "jp-mhlw-stemcell", "fda-vitti-2022"},
		Kinds:     ProductKinds(),
		Check:     checkHumanDerived,
	}
}

func checkHumanDerived(p *Pass) {
	if !p.Selling() {
		return
	}
	// A drug claim or an injection turns the US and Canadian position from
	// "needs review" into "unapproved drug".
	var escalate map[Market]Severity
	if len(p.copyDrugClaims()) > 0 || p.offersInjection() {
		escalate = map[Market]Severity{US: Error, CA: Error}
	}
	reported := map[int]bool{}
	for _, h := range longestFirstInOrder(p.Hits("source-human")) {
		b := p.Blocks[h.Block]
		inINCI := b.Kind == scraper.KindIngredients
		if reported[h.Block] || !p.disclosesSource(h) {
			continue
		}
		if !inINCI && (!p.Facts.ExosomeClaim || !p.IsCopy(h)) {
			continue
		}
		reported[h.Block] = true
		where := "in the copy"
		if inINCI {
			where = "in the ingredient list"
		}
		p.Report(Diagnostic{
			At: h.Span(),
			Message: p.ForKind(
				fmt.Sprintf("%q %s: exosomes or conditioned media of human origin are banned in EU, UK, Chinese and Taiwanese cosmetics, and a drug or biologic in the US once claims go beyond appearance", p.matchText(h), where),
				map[PageKind]string{PageSupplier: fmt.Sprintf("%q %s: exosome material of human origin is banned in EU, UK, Chinese and Taiwanese cosmetics, and sold to practitioners for treatments it is an unapproved drug and biologic in the US (Vitti Labs, 2022)", p.matchText(h), where)}),
			Severity: escalate,
		})
	}
	// The parsed ingredient list (ingredient_facts.go) names human material
	// the term matcher cannot tie to an EV word ("Human Placental Protein").
	for _, in := range p.HumanSourceIngredients() {
		if reported[in.At.Block] {
			continue
		}
		reported[in.At.Block] = true
		p.Report(Diagnostic{
			At:       in.At,
			Message:  fmt.Sprintf("%q in the ingredient list is of human origin (%s): human cells, tissues and their products are banned in EU, UK, Chinese and Taiwanese cosmetics, and a drug or biologic in the US once claims go beyond appearance", in.Name, in.Class.Detail),
			Severity: escalate,
		})
	}
}

// offersInjection reports a page that sells the product for injection or
// infusion, which makes human material a biologic in the US.
func (a *Analysis) offersInjection() bool {
	for _, h := range a.hits["procedure-inject"] {
		if a.ownClaim(h) && !a.sentenceHas(h, "caution") && !a.overlapsGroup(h, "procedure-comparison") {
			return true
		}
	}
	return false
}

// longestFirstInOrder keeps document order but puts, among hits that start
// at the same place, the longest first: "umbilical cord" before
// "umbilical".
func longestFirstInOrder(hs []Hit) []Hit {
	out := append([]Hit(nil), hs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Block != out[j].Block {
			return out[i].Block < out[j].Block
		}
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}
