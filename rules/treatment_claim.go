package rules

import (
	"fmt"
	"strings"
)

// TreatmentClaim flags therapeutic and disease claims for a treatment on a
// clinic page.
func TreatmentClaim() *Rule {
	return &Rule{
		ID:    "treatment-claim",
		Title: "therapeutic or disease claim for a clinic treatment",
		Doc: `A clinic page says its treatment heals, regenerates tissue, repairs cells, stimulates collagen,
reduces inflammation or treats a disease or condition (hair loss, acne scars, eczema, arthritis,
COVID-19). Medical advertising may describe a treatment, but not promise therapeutic effects it
cannot show, and for exosomes there is nothing to show: no exosome product is approved for any
use (FDA public safety notification, 2019); exosomes used to treat disease are unapproved drugs
and biologics, and the FDA's warning and untitled letters to exosome clinics and suppliers cite
disease claims (Kimera Labs: Parkinson's, stroke; Vitti Labs; EUCYT: COVID-19). A disease named
is an error everywhere (FD&C Act §201(g), FTC Act, CAP 12.1, HWG §§ 3 and 3a, China's Advertising
Law Art. 16 and 17, Taiwan's Regenerative Medicine Act, and in Japan the MHLW 2024 criteria for
exosome products). Other therapeutic claims are warnings, and errors in Taiwan and China, where
regenerative-medicine advertising needs prior approval and none has been given for exosomes.
Japanese clinic pages often call exosome therapy 再生医療: exosomes are outside Japan's
regenerative-medicine act, so the framing misleads.

A condition named as a risk or contraindication is a warning, not a promise: in a sentence about
risks ("People with active dermatitis should be evaluated first") or under a heading about them
("What are the risks and who should avoid it?").

On product pages the same wording is drug-claim's; this rule speaks to treatments.

What satisfies it: describe what the treatment involves and what patients may notice, with its
evidence and risks, and name no disease it is not approved to treat.`,
		Bad:       "Our exosome therapy regenerates damaged tissue and treats hair loss. Book your consultation.",
		Good:      "Our exosome facial follows microneedling; most patients notice smoother-looking skin. Book your consultation.",
		Severity:  Warning,
		Markets:   map[Market]Severity{TW: Error, CN: Error},
		Citations: []string{"fda-psn-2019", "fda-consumer-2020", "fda-vitti-2022", "ftc-peyroux-2024", "cap-12-1", "de-hwg", "cn-ad-law-16", "tw-regen-2026", "jp-mhlw-exosome-2024"},
		Kinds:     TreatmentKinds(),
		Check:     checkTreatmentClaim,
	}
}

func checkTreatmentClaim(p *Pass) {
	// A condition named among the risks or contraindications ("people with
	// active dermatitis should be evaluated first") is a warning to
	// patients, not a promise.
	keep := func(h Hit) bool {
		return p.treatmentCopy(h) && !p.isNameBlock(h.Block) && !p.sentenceHas(h, "treatment-risk") && !p.sentenceHas(h, "caution")
	}
	for _, h := range p.drugClaims(keep) {
		word := p.matchText(h.Hit)
		if h.disease && p.inRiskSection(h.Hit) {
			continue // under "Who should avoid it?": a condition that rules patients out
		}
		if isTreatmentNoun(word) || recoveryWord(p.Analysis, h.Hit) {
			continue // 치료, 治療: the word for treatment itself; "the healing process" after a procedure
		}
		// The exosome message only where the claim is about the exosome
		// treatment: a clinic's menu also lists PN, fillers and lasers.
		ev := p.Facts.ExosomeClaim && p.evTreatmentNear(h.Hit)
		d := Diagnostic{At: h.Span()}
		switch {
		case h.disease && ev:
			d.Message = fmt.Sprintf("%q: the exosome treatment is offered for a disease or condition; no exosome product is approved to treat any, and exosomes used to treat disease are unapproved drugs", word)
			d.Severity = allMarkets(Error)
		case h.disease:
			d.Message = fmt.Sprintf("%q: the treatment is offered for a disease or condition; medical advertising may not promise a cure, and the claim needs the evidence behind it", word)
			d.Severity = allMarkets(Error)
		case ev && p.pageScript() == "ja" && isRegenWord(word):
			d.Message = fmt.Sprintf("%q presents the exosome treatment as regenerative medicine: exosomes are outside Japan's regenerative-medicine act and no exosome product is approved", word)
		case ev:
			d.Message = fmt.Sprintf("%q promises a therapeutic effect for the exosome treatment: no exosome product is approved for it; describe what patients may notice, with evidence and risks", word)
		default:
			d.Message = fmt.Sprintf("%q promises a therapeutic effect for the treatment: medical advertising may not promise effects it cannot show; give the evidence and the risks", word)
		}
		p.Report(d)
	}
}

// isTreatmentNoun reports the bare word for treatment, which a clinic uses
// to name what it does ("재생 치료", "自由診療の治療") rather than to
// promise an effect.
func isTreatmentNoun(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "치료", "治療", "治疗", "treatment", "therapy", "tratamiento", "tratamento", "traitement", "behandlung", "trattamento", "tedavi", "лечение":
		return true
	}
	return false
}

// recoveryWord reports healing that describes recovery from the procedure
// itself ("the healing process", "healing time"), not an effect promised.
func recoveryWord(a *Analysis, h Hit) bool {
	toks := a.Blocks[h.Block].Tokens
	if h.TokEnd >= len(toks) {
		return false
	}
	switch toks[h.TokEnd].Key {
	case "process", "time", "period", "phase", "stage":
		return true
	}
	return false
}

// isRegenWord reports 再生 and its compounds.
func isRegenWord(w string) bool { return strings.Contains(w, "再生") }
