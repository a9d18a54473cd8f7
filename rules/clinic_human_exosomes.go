package rules

import "fmt"

// ClinicHumanExosomes flags clinics offering exosomes of human origin.
func ClinicHumanExosomes() *Rule {
	return &Rule{
		ID:    "clinic-human-exosomes",
		Title: "clinic treatment with exosomes of human origin",
		Doc: `A clinic page names a human source for the exosomes it uses: umbilical cord, cord blood,
Wharton's jelly, placenta, amnion, adipose tissue, bone marrow, dental pulp, MSCs, donors (臍帯,
脂肪由来, 제대혈, 脐带, Nabelschnur…). In the UK the Department for Business and Trade says
human-derived exosomes are banned in cosmetic products, and an injected or infused exosome
product would be an unauthorised medicine (Human Medicines Regulations reg. 279); the same holds
in the EU (Annex II entry 416 for cosmetics; unauthorised medicinal products under HWG § 3a and
Directive 2001/83). Injected or infused, it is an error there; topical or with microneedling a
warning, since clinicians disagree whether a salon's topical use is lawful. In the US human
exosome products are unapproved biologics (FDA 2019; Vitti Labs 2022): a warning, an error when
injected. China and Taiwan have approved no exosome product (error); Canada's 2025 notice treats
human-derived exosomes as drugs (warning). Japan and Korea regulate these treatments through
their own disclosure and injection rules: info here.

On product pages human-derived-ingredient reports human material; this rule speaks to
treatments.

What satisfies it: a non-human source, or, where human material is lawful, the tissue bank, donor
screening and test results, and the treatment's approval status stated plainly.`,
		Bad:       "Exosome injections with human umbilical cord exosomes. Book now.",
		Good:      "Exosome facial with rose callus extracellular vesicles, applied to intact skin. Book now.",
		Severity:  Warning,
		Markets:   map[Market]Severity{UK: Warning, EU: Warning, CN: Error, TW: Error, JP: Info, KR: Info},
		Citations: []string{"uk-human-exosomes-2025", "uk-hmr-2012", "eu-annex-ii-416", "de-hwg", "fda-psn-2019", "fda-vitti-2022", "hc-notice-2025", "tw-regen-2026"},
		Kinds:     TreatmentKinds(),
		Check:     checkClinicHumanExosomes,
	}
}

func checkClinicHumanExosomes(p *Pass) {
	if !p.Facts.ExosomeClaim || !p.Selling() {
		return
	}
	var sev map[Market]Severity
	how := "topical or with microneedling"
	if p.offersInjectionOfEV() {
		how = "injected or infused"
		sev = map[Market]Severity{UK: Error, EU: Error, US: Error}
	}
	for _, s := range p.Facts.Sources {
		if s.Kind != "human" || s.InIngredients {
			continue
		}
		// The longest origin words that start where the fact does:
		// "umbilical cord", not "umbilical".
		var best *Hit
		for _, h := range p.Hits("source-human") {
			if f := p.fact(h); f.Line != s.Line || f.Column != s.Column {
				continue
			}
			if best == nil || h.End > best.End {
				h := h
				best = &h
			}
		}
		if best != nil {
			h := *best
			p.Report(Diagnostic{
				At:       h.Span(),
				Message:  fmt.Sprintf("%q: the treatment uses exosomes of human origin (%s); human-derived exosomes are banned in UK and EU cosmetics and an unauthorised medicine when injected, and in the US an unapproved biologic", p.matchText(h), how),
				Severity: sev,
			})
			return
		}
	}
}
