package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Signs of an article in its furniture rather than its words: a byline ("By
// Anna Lee", "Por María Gómez", "Von Jana Koch") at the start of a line, and
// a date line ("Updated March 4, 2025", "3 de mayo de 2025", 2025年3月4日)
// on a short one; a date inside a sentence ("since 2019") is not one.

// maxFurnitureBytes is the longest line read as a byline or date line.
const maxFurnitureBytes = 120

// monthWords name months, for date lines.
func monthWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
		janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
		janvier février mars avril mai juin juillet août septembre octobre novembre décembre
		januar februar märz april mai juni juli august september oktober november dezember
		gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
		ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
		января февраля марта апреля мая июня июля августа сентября октября ноября декабря`) {
		m[w] = true
	}
	return m
}

// articleFurniture finds the page's byline and date line.
func (a *Analysis) articleFurniture() (byline, dateline []Hit) {
	months := monthWords()
	for i, b := range a.Blocks {
		if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
			continue
		}
		if h, ok := a.bylineIn(i); ok {
			byline = append(byline, h)
		}
		if len(b.Text) > maxFurnitureBytes {
			continue
		}
		if h, ok := dateIn(i, b, months); ok {
			dateline = append(dateline, h)
		}
	}
	return byline, dateline
}

// bylineIn finds a byline word (kind-byline) at the start of a block or a
// line, or after a separator ("Health | By Anna Lee"), before a capitalised
// name.
func (a *Analysis) bylineIn(i int) (Hit, bool) {
	b := a.Blocks[i]
	toks := b.Tokens()
	for _, h := range a.hits["kind-byline"] {
		if h.Block != i || h.TokEnd >= len(toks) {
			continue
		}
		if h.TokStart > 0 && !strings.ContainsAny(b.Text[toks[h.TokStart-1].End:h.Start], "|·•—–/") && a.lineOf(i, toks[h.TokStart-1].Start) == a.lineOf(i, h.Start) {
			continue // not at the start of a line
		}
		// A name follows: one or two capitalised words ("By Appointment
		// Only" has three).
		name := h.TokEnd
		if !startsUpper(b.Text[toks[name].Start:]) {
			continue
		}
		end := name + 1
		if end < len(toks) && startsUpper(b.Text[toks[end].Start:]) {
			end++
		}
		if end < len(toks) && startsUpper(b.Text[toks[end].Start:]) && !strings.ContainsAny(b.Text[toks[end-1].End:toks[end].Start], ",|·•—–/") {
			continue
		}
		return Hit{Block: i, Match: Match{Start: h.Start, End: toks[end-1].End, TokStart: h.TokStart, TokEnd: end}}, true
	}
	return Hit{}, false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// dateIn finds a date in a short block: a year beside a month name ("March
// 4, 2025", "4 mars 2025") or a year, month and day in CJK or Korean
// notation (2025年3月4日, 2025년 3월 4일).
func dateIn(i int, b BlockInfo, months map[string]bool) (Hit, bool) {
	toks := b.Tokens()
	for t, tk := range toks {
		if !tk.Number || len(tk.Key) != 4 {
			continue
		}
		year, err := strconv.Atoi(tk.Key)
		if err != nil || year < 1990 || year > 2099 {
			continue
		}
		for u := t - 4; u <= t+4; u++ {
			if u < 0 || u >= len(toks) || u == t {
				continue
			}
			if months[toks[u].Key] || (toks[u].Key == "年" || toks[u].Key == "년") && u == t+1 && u+2 < len(toks) && toks[u+1].Number && (toks[u+2].Key == "月" || toks[u+2].Key == "월") {
				lo, hi := t, u
				if u < t {
					lo, hi = u, t
				}
				return Hit{Block: i, Match: Match{Start: toks[lo].Start, End: toks[hi].End, TokStart: lo, TokEnd: hi + 1}}, true
			}
		}
	}
	return Hit{}, false
}
