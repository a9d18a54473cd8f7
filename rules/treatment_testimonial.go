package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// TreatmentTestimonial flags patient testimonials about a treatment's
// effect on a clinic page.
func TreatmentTestimonial() *Rule {
	return &Rule{
		ID:    "treatment-testimonial",
		Title: "patient testimonials about a treatment's effect",
		Doc: `A clinic page shows patients' stories about what a treatment did for them: "Patient stories",
"What our clients say", 体験談, 患者様の声, 치료 후기, 시술 후기, 患者案例, 體驗分享,
"Erfahrungsberichte", "testimonios". Japan's advertising guideline bans testimonials about the
content or effect of treatment outright, because results differ from patient to patient; Korea's
Medical Service Act Art. 56(2) bans treatment-experience stories that may mislead about effect;
China's SAMR guide treats patients used as proof and "experience officers" as endorsers, which
medical ads may not use; Taiwan counts them among improper means. These are errors. Germany's
HWG § 11 bans misleading third-party statements about treatments, the CAP Code wants
testimonials that do not exaggerate results, and the FTC's Endorsement Guides hold the clinic
responsible for what the testimonials it shows claim, "results not typical" or not: warnings,
an error in the US when a testimonial names a disease.

A block of stories is reported once, at its heading or first story, when it speaks of results.

What satisfies it: take the stories down (Japan, Korea, China, Taiwan); elsewhere keep only
stories that describe the experience, not the outcome, and back any result with evidence.`,
		Bad:       "Patient stories\n\"After three exosome sessions my hair grew back.\" — Mark",
		Good:      "What to expect\nMost patients describe the session as a mild stinging for a few minutes.",
		Severity:  Warning,
		Markets:   map[Market]Severity{JP: Error, KR: Error, CN: Error, TW: Error},
		Citations: []string{"jp-medical-ad-guideline", "kr-medical-act-56", "cn-samr-aesthetic-2021", "tw-medical-care-act", "de-hwg", "ftc-endorsement-2023", "cap-cosmetic-interventions"},
		Kinds:     TreatmentKinds(),
		Check:     checkTreatmentTestimonial,
	}
}

// isSignedStory reports a quoted story signed by a person: "…" — Dana.
func isSignedStory(text string) bool {
	t := strings.TrimSpace(text)
	open, size := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune(`"“「『`, open) {
		return false
	}
	for _, closing := range []string{`"`, "”", "」", "』"} {
		i := strings.LastIndex(t, closing)
		if i <= size+8 {
			continue
		}
		rest := strings.TrimSpace(t[i+len(closing):])
		for _, dash := range []string{"—", "–", "-"} {
			if strings.HasPrefix(rest, dash) && len(strings.TrimSpace(rest[len(dash):])) > 0 {
				return true
			}
		}
	}
	return false
}

func checkTreatmentTestimonial(p *Pass) {
	if !p.Selling() {
		return
	}
	reported := map[int]bool{}
	report := func(at Span, sectionEnd int) {
		if reported[at.Block] {
			return
		}
		outcome, disease := false, false
		for i := at.Block; i <= sectionEnd; i++ {
			for _, g := range []string{"treatment-outcome", "drug", "drug-disease", "hype"} {
				for _, h := range p.blockHits(i, g) {
					if p.Negated(h) {
						continue
					}
					outcome = true
					disease = disease || g == "drug-disease"
				}
			}
		}
		if !outcome {
			return
		}
		for i := at.Block; i <= sectionEnd; i++ {
			reported[i] = true
		}
		d := Diagnostic{At: at, Message: "patient testimonials about the treatment's results: Japan, Korea, China and Taiwan ban them in medical advertising, and elsewhere the clinic answers for every result they claim"}
		if disease {
			d.Message = "patient testimonials claim the treatment cured a condition: banned in Japan, Korea, China and Taiwan, and the clinic's own disease claim in the US and EU"
			d.Severity = allMarkets(Error)
		}
		p.Report(d)
	}
	// Stories under a testimonials heading.
	for _, h := range p.Hits("treatment-testimonial") {
		b := p.Blocks[h.Block]
		if !isLabelBlock(b) || p.Negated(h) {
			continue
		}
		report(h.Span(), p.sectionEnd(h.Block))
	}
	// Stories marked up as testimonials, or signed quotations.
	for i, b := range p.Blocks {
		if b.Kind == scraper.KindIngredients || reported[i] {
			continue
		}
		if b.Region == scraper.RegionUserContent || isSignedStory(b.Text) {
			end := i
			for end+1 < len(p.Blocks) && (p.Blocks[end+1].Region == scraper.RegionUserContent || isSignedStory(p.Blocks[end+1].Text)) {
				end++
			}
			report(Span{Block: i, Start: 0, End: len(b.Text)}, end)
		}
	}
}

// isLabelBlock reports a heading, or a short line that reads as one.
func isLabelBlock(b BlockInfo) bool {
	switch b.Kind {
	case scraper.KindHeading, scraper.KindProductName:
		return true
	case scraper.KindParagraph, scraper.KindListItem, scraper.KindTableCell:
		return utf8.RuneCountInString(b.Text) <= 40 && len(b.Sentences) <= 1
	}
	return false
}

// sectionEnd returns the last block of the section that block i heads: up
// to the next heading, at most ten blocks on.
func (a *Analysis) sectionEnd(i int) int {
	end := i
	for j := i + 1; j < len(a.Blocks) && j <= i+10; j++ {
		if k := a.Blocks[j].Kind; k == scraper.KindHeading || k == scraper.KindProductName {
			break
		}
		end = j
	}
	return end
}
