package rules

import "fmt"

// TreatmentGuarantee flags promises that a treatment will work.
func TreatmentGuarantee() *Rule {
	return &Rule{
		ID:    "treatment-guarantee",
		Title: "guaranteed or certain effect of a clinic treatment",
		Doc: `A clinic page promises that its treatment works: "guaranteed results", "permanent results",
"100% effective", 必ず効果, 완치, 保證有效, 完全根治, 一次见效, "garantiert", "resultados
garantizados". No medical treatment can promise its outcome, and medical advertising law says so
in most markets: Japan's guideline treats 「必ず成功します」 as false; Korea's Medical Service Act
Art. 56(2) bans guaranteed effect and exaggeration; Germany's HWG § 3 calls an ad misleading when
it suggests success can be expected with certainty; Taiwan bans 完全根治 and 永不復發; China's
Advertising Law Art. 16 bans assertions or guarantees of efficacy and cure rates. In the US and
UK it is an unsubstantiated claim (FTC, Peyroux; ASA, The Laser Treatment Clinic, "permanent
results"): a warning, an error when the sentence names a disease.

Guarantee words that are also hype ("permanent results") are left to hype-wording on the same
words, so the page gets one finding for them.

What satisfies it: say what most patients notice, how many sessions it usually takes, and that
results differ from person to person.`,
		Bad:       "Exosome hair therapy at our clinic: guaranteed regrowth after three sessions.",
		Good:      "Exosome hair therapy at our clinic: most patients notice thicker-looking hair after three sessions; results vary.",
		Severity:  Warning,
		Markets:   map[Market]Severity{JP: Error, KR: Error, EU: Error, TW: Error, CN: Error},
		Citations: []string{"jp-medical-ad-guideline", "kr-medical-act-56", "de-hwg", "tw-medical-care-act", "cn-ad-law-16", "asa-laser-clinic", "ftc-peyroux-2024"},
		Kinds:     TreatmentKinds(),
		Check:     checkTreatmentGuarantee,
	}
}

func checkTreatmentGuarantee(p *Pass) {
	covered := map[[2]int]bool{}
	for _, h := range longestFirst(p.Hits("treatment-guarantee")) {
		if !p.treatmentCopy(h) || overlaps(covered, h) || p.overlapsListed(h, "hype") {
			continue
		}
		markCovered(covered, h)
		d := Diagnostic{At: h.Span(), Message: fmt.Sprintf("%q promises the treatment's outcome: no treatment can, and medical advertising may not; say what most patients notice and that results vary", p.matchText(h))}
		if p.diseaseNear(h) {
			d.Severity = allMarkets(Error)
		}
		p.Report(d)
	}
}
