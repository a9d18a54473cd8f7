package rules

import "strings"

// FreePracticeDisclosure flags Japanese and Korean clinic pages that offer
// an exosome treatment without its cost or its main risks.
func FreePracticeDisclosure() *Rule {
	return &Rule{
		ID:    "free-practice-disclosure",
		Title: "exosome treatment offered without its cost or main risks",
		Doc: `A clinic page offers an exosome or culture-supernatant treatment but gives no cost, no number of
sessions or length, or no main risks and side effects. In Japan a free-practice (自由診療) page may
go beyond the few items medical ads may state only when it gives the treatment normally needed,
its cost (a range, not only the lowest price), sessions and length, and its main risks and side
effects (限定解除, guideline 第4-2): an error when any is missing. In Korea, Medical Service Act
Art. 56(2) item 7 bans ads that leave out important information such as serious side effects:
an error when the risks are missing.

The rule applies to pages written in Japanese (JP market) or Korean (KR market). One finding
lists what is missing.

What satisfies it: a price table with the usual number of sessions, and a section on main risks
and side effects (主なリスク・副作用, 부작용).`,
		Bad:       "엑소좀 시술로 피부 재생을 도와드립니다. 상담 예약하세요.",
		Good:      "엑소좀 시술 1회 25만원, 보통 3회. 부작용: 붉어짐, 부기, 드물게 감염. 상담 예약하세요.",
		Severity:  Error,
		Markets:   map[Market]Severity{US: Off, EU: Off, UK: Off, CN: Off, TW: Off, CA: Off},
		Citations: []string{"jp-gentei-kaijo", "jp-medical-ad-guideline", "kr-medical-act-56"},
		Kinds:     TreatmentKinds(),
		Check:     checkFreePracticeDisclosure,
	}
}

func checkFreePracticeDisclosure(p *Pass) {
	at, ok := p.offeredUnapprovedTreatment()
	if !ok {
		return
	}
	script := p.pageScript()
	if script != "ja" && script != "ko" {
		return
	}
	all := len(p.Blocks) - 1
	missing := p.missingCaseDetails(0, all)
	var keep []string
	for _, m := range missing {
		switch {
		case m == "treatment":
			continue // the page offers it
		case script == "ko" && m != "main risks and side effects":
			continue // Korea asks for the risks
		}
		keep = append(keep, m)
	}
	if len(keep) == 0 {
		return
	}
	sev := onlyIn(Error, JP)
	where := "Japan's guideline requires them on a free-practice page (限定解除)"
	if script == "ko" {
		sev = onlyIn(Error, KR)
		where = "Korea's Medical Service Act bans ads that leave out serious side effects"
	}
	p.Report(Diagnostic{At: at, Message: "exosome treatment offered without its " + strings.Join(keep, ", ") + ": " + where, Severity: sev})
}
