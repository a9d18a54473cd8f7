package rules

import (
	"fmt"
	"strings"
)

// UnsupportedEvidence flags evidence claims and figures with no study behind
// them on the page.
func UnsupportedEvidence() *Rule {
	return &Rule{
		ID:    "unsupported-evidence",
		Title: "evidence claim or result with no study details",
		Doc: `"Clinically proven", "studies show", "dermatologist recommended", or a figure such as "89% more hair"
or "wrinkle depth reduced by 52%", with no study beside it: how many people, for how long, how it
was measured or designed, or a reference (DOI, PMID). CAP 12.1 wants objective claims backed by
trials on people, the FTC wants competent and reliable scientific evidence, and EU Regulation
655/2013 wants adequate and verifiable evidence. A result taken from a customer questionnaire
cannot back an objective claim (CAP's own example is "82% decrease in wrinkles, based on 52
customer responses"), so that is flagged too.

Self-declared quality control is reported the same way: "pharmaceutical-grade", "ultra-purified",
"rigorous clinical trials", "each lot is tested", "strict quality control", "GMP-certified",
"ISEV-compliant", "donor-screened", 品質証明書付き, 医药级, 엄격한 품질 관리. None of these is
testing by the labeling conventions; the results are (characterization data with numbers, test
results, a named lab, a certificate of analysis), and with them beside the claim it is not
flagged.

A study is "beside" the claim when it is in the same or the next sentence, or in the next block (a
footnote). A duration alone ("after 4 weeks") is not a study.

A bare "dermatologist tested" is not flagged: it reports that a tolerance test was done, a
standard claim that needs its report on file but states no result (CAP 12.1 and the FTC speak to
objective and efficacy claims; the one source asking for its data, a China rule sheet, asks for it
on file). It is still no disclosure of testing (testing-undisclosed).

What satisfies it: give the study with the claim ("in a 4-week study of 32 women, measured by
corneometer, hydration rose 24%"), or drop the claim.`,
		Bad:       "Clinically proven: 89% more hair in 90 days.",
		Good:      "In a 12-week study of 40 adults (vehicle-controlled, phototrichogram), hair count rose 12%.",
		Severity:  Warning,
		Citations: []string{"cap-12-1", "cap-anti-ageing", "ftc-hpcg-2022", "eu-655-2013", "misev2018", "misev2023"},
		Kinds:     AllPageKinds(),
		Check:     checkUnsupportedEvidence,
	}
}

func checkUnsupportedEvidence(p *Pass) {
	var hits []Hit
	hits = append(hits, p.Hits("evidence-claim")...)
	hits = append(hits, p.Hits("evidence-result")...)
	covered := map[[2]int]bool{}
	// Quality-control claims first: they are the longer phrases ("Ultra-
	// Purified & Clinically Tested"), and what supports them is data, not a
	// study.
	for _, h := range longestFirst(p.Hits("evidence-qc")) {
		if !p.ownClaim(h) || overlaps(covered, h) || qcSupported(p.Analysis, h) {
			continue
		}
		markCovered(covered, h)
		p.Report(Diagnostic{At: h.Span(), Message: p.ForKind(
			fmt.Sprintf("%q is self-declared quality control, not a disclosure of testing: give the results (size and concentration with the method, markers, sterility and endotoxin values), a named independent lab or a certificate of analysis", p.matchText(h)),
			map[PageKind]string{PageSupplier: fmt.Sprintf("%q is self-declared quality control: a practitioner buying this material needs the lot's results (size and concentration with the method, markers, sterility and endotoxin values), a named independent lab or a certificate of analysis", p.matchText(h))})})
	}
	for _, h := range longestFirst(hits) {
		if !p.ownClaim(h) || overlaps(covered, h) || isSaleFigure(p.Analysis, h) {
			continue
		}
		supported, survey := studyBeside(p.Analysis, h)
		if supported && (!survey || p.AppearanceQualified(h) || p.sentenceHas(h, "appearance")) {
			continue
		}
		markCovered(covered, h)
		word := p.matchText(h)
		if survey {
			p.Reportf(h.Span(), "%q rests on a customer survey: an objective result needs a measured study on people, not opinions", word)
			continue
		}
		p.Reportf(h.Span(), "%q with no study beside it: give the number of people, duration, design or measurement, or a reference", word)
	}
}

// studyBeside looks for a study in the claim's sentence, the sentences next
// to it, and the block after it (where footnotes go). It reports whether
// one is there, and whether it is a survey of opinions.
func studyBeside(a *Analysis, h Hit) (supported, survey bool) {
	check := func(hs []Hit) {
		for _, d := range hs {
			if isDuration(d.Term.Text) {
				continue
			}
			supported = true
		}
	}
	check(a.nearHits(h, "study-detail", 1))
	check(a.nearHits(h, "evidence-design", 1))
	if len(a.nearHits(h, "evidence-survey", 1)) > 0 {
		supported, survey = true, true
	}
	// A footnote ("*Based on 40 customer responses…") in the next block,
	// marked there or right after the claim ("52%*").
	text := a.Blocks[h.Block].Text
	marked := isFootnote(text[h.End:])
	if next := h.Block + 1; next < len(a.Blocks) && (marked || isFootnote(a.Blocks[next].Text)) {
		check(a.blockHits(next, "study-detail"))
		check(a.blockHits(next, "evidence-design"))
		if len(a.blockHits(next, "evidence-survey")) > 0 {
			supported, survey = true, true
		}
	}
	return supported, survey
}

// qcSupported reports a quality-control claim with a real disclosure beside
// it: characterization data, a test result, a named lab or a certificate in
// the same or a neighbouring sentence.
func qcSupported(a *Analysis, h Hit) bool {
	for _, t := range a.Facts.Testing {
		for _, g := range []string{"testing-characterization", "testing-safety", "testing-third-party", "testing-certificate", "testing-clinical"} {
			for _, o := range a.nearHits(h, g, 1) {
				if f := a.fact(o); f.Line == t.Line && f.Column == t.Column {
					return true
				}
			}
		}
	}
	return false
}

// isFootnote reports text that starts with a footnote mark.
func isFootnote(text string) bool {
	t := strings.TrimSpace(text)
	for _, m := range []string{"*", "†", "‡", "¹", "²", "³", "(1)", "[1]", "※"} {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	return false
}

func isDuration(term string) bool {
	for _, u := range []string{"week", "day", "month", "주", "週間", "日"} {
		if strings.HasSuffix(strings.TrimSuffix(term, "s"), u) {
			return true
		}
	}
	return false
}

// isSaleFigure recognises discounts ("save up to 20%"), which are prices,
// not results.
func isSaleFigure(a *Analysis, h Hit) bool {
	b := a.Blocks[h.Block]
	s := a.SentenceOf(h)
	for _, t := range b.Tokens[s.TokStart:s.TokEnd] {
		switch t.Key {
		case "save", "off", "discount", "sale", "coupon":
			return true
		}
	}
	return false
}
