package rules

import "strings"

// SourceUndisclosed flags exosome claims that never say where the exosomes
// come from.
func SourceUndisclosed() *Rule {
	return &Rule{
		ID:    "source-undisclosed",
		Title: "exosome claim without a disclosed source",
		Doc: `The page claims exosomes or extracellular vesicles but never says what they come from.
Origin decides almost everything a buyer or a regulator cares about: human-derived material is
banned in EU, UK and Chinese cosmetics and is a biologic in the US when claims go beyond appearance,
while plant, milk or microbial vesicles are ordinary cosmetic ingredients. Korea's advertising
guideline (January 2025) bans the bare word 엑소좀 and accepts it only with a qualifier such as
식물 (plant) or 우유 (milk); the Korean finding is placed on each bare use, even when the origin
is named elsewhere on the page. A page whose only origin is vague ("stem cell", "lab-grown",
"bioengineered") is reported by source-vague instead of the general finding.

What does not count as a source: a generic list of what exosomes can come from ("exosomes can be
derived from plants, animals or human cells"), the origin of another ingredient ("salmon-derived
PDRN", "연어 유래 PN"), and the cells exosomes act on ("fibroblasts and keratinocytes"). What
does: a tissue or organism named for the exosomes, in any language (umbilical cord, Wharton's
jelly, 臍帯, 歯髄, 脂肪由来, 골수, cordón umbilical, Nabelschnur, rose callus, Lactobacillus,
bovine milk).

What satisfies it: name the organism and tissue next to the claim or in the ingredient list, in
INCI style where you can ("Rosa Damascena Callus Extracellular Vesicles", "Lactobacillus
Extracellular Vesicles").`,
		Bad:       "Our serum is powered by exosomes for a healthy-looking glow.",
		Good:      "Our serum is powered by rose callus extracellular vesicles (Rosa damascena) for a healthy-looking glow.",
		Severity:  Warning,
		Markets:   map[Market]Severity{KR: Error},
		Citations: []string{"kr-mfds-2025", "hc-notice-2025", "inci-naming", "eu-annex-ii-416"},
		Kinds:     AllPageKinds(),
		Check:     checkSourceUndisclosed,
	}
}

func checkSourceUndisclosed(p *Pass) {
	f := &p.Facts
	if !f.ExosomeClaim || !p.Selling() {
		return
	}
	// A vague origin ("stem cell", "lab-grown") is source-vague's finding;
	// the two rules never report the same page.
	if len(f.Sources) == 0 && len(f.VagueSourceHits()) == 0 {
		p.Report(Diagnostic{
			At: f.ClaimHits()[0].Span(),
			Message: p.ForKind("exosome claim with no source: say what the exosomes come from (organism and tissue, e.g. \"Rosa damascena callus\", \"bovine milk\", \"Lactobacillus\")",
				map[PageKind]string{
					PageClinic:   "exosome treatment with no source: say what the exosomes you use come from (organism and tissue, e.g. \"human umbilical cord MSCs\", \"Rosa damascena callus\"), and which product they are",
					PageSupplier: "exosome material with no source: say what the exosomes come from (organism and tissue, e.g. \"human umbilical cord MSCs\", \"bovine milk\", \"Rosa damascena callus\")",
				}),
		})
	}
	// Korea: the bare word is banned even when the source is named
	// elsewhere. The ban is cosmetics advertising law; a clinic's page is
	// medical advertising, which the clinic rules cover.
	if p.PageKind() == PageClinic {
		return
	}
	for _, h := range f.ClaimHits() {
		if !strings.HasPrefix(p.Blocks[h.Block].Text[h.Start:h.End], "엑소") || koreanQualified(p.Analysis, h) {
			continue
		}
		p.Report(Diagnostic{
			At:       h.Span(),
			Message:  "bare \"엑소좀\" is a banned expression in Korea: qualify it with its origin, such as \"식물 엑소좀\" or \"우유 엑소좀\"",
			Severity: koreaOnly(Error),
		})
	}
}

// koreanQualified reports whether a source word stands right before the
// Korean EV word ("장미 엑소좀", "식물유래 엑소좀").
func koreanQualified(a *Analysis, h Hit) bool {
	// A vague qualifier ("줄기세포 엑소좀") is not bare either: what it
	// implies is source-vague's and stem-cell-implication's concern.
	for _, kind := range []string{"plant", "animal", "microbial", "synthetic", "human", "vague"} {
		for _, s := range a.hits["source-"+kind] {
			if s.Block == h.Block && s.TokEnd <= h.TokStart && h.TokStart-s.TokEnd <= 2 {
				return true
			}
		}
	}
	return false
}

// koreaOnly is a severity override that makes a diagnostic apply in Korea
// alone.
func koreaOnly(s Severity) map[Market]Severity {
	m := map[Market]Severity{}
	for _, mk := range AllMarkets() {
		m[mk] = Off
	}
	m[KR] = s
	return m
}
