package inci

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Lexicon knows ingredient names. *cosing.Names is one: the EU inventory's
// names and the words they are made of.
type Lexicon interface {
	// Has reports a whole inventory name, tolerating case, marks and
	// bracketed or slashed synonyms.
	Has(name string) bool
	// HasWord reports a word that occurs in some inventory name.
	HasWord(word string) bool
}

// Verdict is what Assess decides about a text.
type Verdict struct {
	// List is set when the text is a full ingredient list.
	List bool
	// Start and End bound the list in the text: Start skips a lead-in of
	// explainers or marketing ("Contains organic ingredients such as:
	// Beeswax: nourishes…"), End drops nothing but trailing prose that
	// follows the last entry, footnote or "may contain" part.
	Start, End int
	// Entries counts what was read from Start on as list items (entries
	// and prose sentences); Named counts the entries that read as
	// ingredient names.
	Entries, Named int
	// Partial is set when the text names an ingredient or two without
	// being a list: a "key ingredients" line, a sentence that mentions one.
	Partial bool
}

// Evidence says what, besides the text itself, points to an ingredient list.
type Evidence int

// Kinds of evidence.
const (
	// NoEvidence: the text is judged on its content alone, wherever it sits.
	NoEvidence Evidence = iota
	// Labeled: a heading, tab, field name or "Ingredients:" prefix
	// introduces the text.
	Labeled
)

// Thresholds. A text without a label must hold at least minUnlabeled
// entries, three in four of them names: a benefits list, a "key
// ingredients" line or a marketing sentence does not. Under a label, one
// name is enough as long as names are at least half of what is read.
const (
	minUnlabeled      = 5
	unlabeledNamedPct = 75
	labeledNamedPct   = 50
	// runLength is how many names in a row mark where a list starts after
	// a lead-in.
	runLength = 3
)

// item is one thing read from the text, in order: an entry or a prose span.
type item struct {
	start, end int
	entry      bool
	named      bool
}

// Assess decides by its content whether text is an ingredient list: the
// items between separators (commas, "、", "·", "•", line breaks; slashes
// and commas inside names are kept) must mostly read as ingredient names:
// names the lexicon knows, common and translated names, CI numbers, or
// names shaped like one (words of ingredient names ending in a material
// noun such as "Oil" or "Extract", chemical endings, katakana and hangul
// transliterations).
func Assess(text string, lex Lexicon, ev Evidence) Verdict {
	p := &parser{text: text, br: brackets(text), l: &List{Sections: []Section{{}}}}
	p.run(split(text, 0, len(text), p.br))
	var items []item
	lastEnd := 0
	for _, s := range p.l.Sections {
		for _, in := range s.Ingredients {
			items = append(items, item{start: in.Start, end: in.End, entry: true, named: nameLike(in, lex)})
			lastEnd = max(lastEnd, in.End)
		}
	}
	for _, f := range p.l.Footnotes {
		lastEnd = max(lastEnd, f.End)
	}
	for _, u := range p.l.Unparsed {
		items = append(items, item{start: u.Start, end: u.End})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].start < items[j].start })

	v := Verdict{End: len(text)}
	first := listStart(items)
	if first < 0 {
		v.Partial = countNamed(items) > 0
		return v
	}
	// What comes before the run of names is a lead-in, not part of the
	// list, when it is mostly not names ("Contains such as: Beeswax:
	// nourishes…"); an odd name or two at the head of a list stays.
	lead, prose := 0, false
	for _, it := range items[:first] {
		if !it.named {
			lead++
			prose = prose || !it.entry
		}
	}
	if prose || lead*2 > first {
		v.Start = items[first].start
	}
	// Prose after the list (a disclaimer) is left out of the list's text
	// but still counts: a lone name among sentences is a mention.
	for _, it := range items[first:] {
		v.Entries++
		if it.named {
			v.Named++
		}
	}
	if lastEnd > v.Start {
		v.End = trailingEnd(text, lastEnd, items)
	}
	minItems, pct := minUnlabeled, unlabeledNamedPct
	if ev == Labeled {
		minItems, pct = 1, labeledNamedPct
	}
	v.List = v.Named >= minItems && v.Named*100 >= pct*v.Entries
	v.Partial = !v.List && countNamed(items) > 0
	return v
}

// trailingEnd keeps what follows the last list element up to the end of its
// line or sentence, and drops prose that comes after.
func trailingEnd(text string, lastEnd int, items []item) int {
	end := len(text)
	for _, it := range items {
		if !it.entry && it.start >= lastEnd {
			end = it.start
			break
		}
	}
	_, e := trimSpan(text, lastEnd, end)
	if e < lastEnd {
		e = lastEnd
	}
	return e
}

func countNamed(items []item) int {
	n := 0
	for _, it := range items {
		if it.named {
			n++
		}
	}
	return n
}

// listStart returns the index of the first item of the first run of
// runLength names (or of all the names, when there are fewer), or -1.
func listStart(items []item) int {
	total := countNamed(items)
	if total == 0 {
		return -1
	}
	need := min(runLength, total)
	for i := range items {
		run := 0
		for j := i; j < len(items) && items[j].named; j++ {
			run++
			if run >= need {
				return i
			}
		}
	}
	// Names never stand together (a sentence naming a few): start at the
	// first one and let the ratio decide.
	for i, it := range items {
		if it.named {
			return i
		}
	}
	return -1
}

// nameLike reports an entry that reads as an ingredient name.
func nameLike(in Ingredient, lex Lexicon) bool {
	name := foldWidth(in.Name)
	if name == "" {
		return false
	}
	if name != strings.TrimSpace(in.Name) && upperAbbrev(name) {
		return true // "ＢＧ", "ＤＰＧ": Japanese labels write abbreviations full width
	}
	if lex != nil && lex.Has(name) {
		return true
	}
	for _, s := range in.Synonyms {
		if s = foldWidth(s); commonName(s) || lex != nil && lex.Has(s) {
			return true
		}
	}
	if commonName(name) || ciNumber(name) {
		return true
	}
	if hasHangul(name) || hasKana(name) || hasHan(name) {
		return cjkName(name)
	}
	return latinName(name, lex)
}

// foldWidth turns full-width Latin letters and digits ("ＢＧ", "１，２－")
// into ASCII, as Japanese labels write them.
func foldWidth(s string) string {
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			return strings.TrimSpace(width.Narrow.String(s))
		}
	}
	return strings.TrimSpace(s)
}

// upperAbbrev matches "BG", "DPG", "EDTA-2Na", "PEG-40".
func upperAbbrev(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == ',':
		default:
			return false
		}
	}
	return upper >= 2
}

// ciNumber matches colour index numbers: "CI 77491", "C.I. 15850", "CI77891".
func ciNumber(s string) bool {
	l := strings.ToUpper(strings.ReplaceAll(s, ".", ""))
	if !strings.HasPrefix(l, "CI") {
		return false
	}
	l = strings.TrimSpace(l[2:])
	digits := 0
	for _, r := range l {
		if r < '0' || r > '9' {
			break
		}
		digits++
	}
	return digits == 5
}

// latinName judges a name in Latin script by its words: every word (footnote
// digits and marks aside) occurs in ingredient names, or is a material noun
// in another language, and the name ends like an ingredient.
func latinName(name string, lex Lexicon) bool {
	words := nameWords(name)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	known := 0
	for _, w := range words {
		if lex != nil && lex.HasWord(w) || foreignMaterial(w) || fillerWord(w) {
			known++
		}
	}
	if len(words) == 1 && known == 0 && compoundChemical(words[0], lex) {
		return true // German and Dutch write "Glycerylstearatcitrat"
	}
	// One unknown word in a long name is a typo or a trade name
	// ("Corpernicia Cerifera Wax"); in a short one it decides.
	if known < len(words) && (len(words) < 4 || known+1 < len(words)) {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	return materialNoun(last) || chemicalEnding(last) || foreignMaterial(last) ||
		len(words) >= 2 && foreignMaterial(strings.ToLower(words[0])) ||
		len(words) == 1 && lex != nil && lex.Has(words[0])
}

// compoundChemical: a long single word with a chemical ending that starts
// with a word of ingredient names ("Magnesiumaluminiumsilicat").
func compoundChemical(w string, lex Lexicon) bool {
	l := strings.ToLower(w)
	if lex == nil || len(l) < 10 || !chemicalEnding(l) {
		return false
	}
	for k := min(len(l)-3, 14); k >= 5; k-- {
		if lex.HasWord(l[:k]) {
			return true
		}
	}
	return false
}

// nameWords splits a name into words of letters and digits, leaving out
// bracketed parts and footnote digits glued to a word ("Limonene1").
func nameWords(name string) []string {
	var bare strings.Builder
	depth := 0
	for _, r := range name {
		switch r {
		case '(', '[':
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			bare.WriteRune(r)
		}
	}
	fields := strings.FieldsFunc(bare.String(), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := fields[:0]
	for _, f := range fields {
		// "Limonene1", "Parfum²": a footnote digit after a word of letters.
		if n := len(f); n > 3 && isDigit(f[n-1]) && !isDigit(f[n-2]) && isLetterByte(f[n-2]) {
			f = strings.TrimRight(f, "0123456789")
		}
		out = append(out, f)
	}
	return out
}

func fillerWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "of", "de", "d", "la", "le", "du", "des", "di", "del", "da", "do", "und", "et", "y", "e", "with",
		"pure", "organic", "natural", "vegetable", "essential", "cold", "pressed", "virgin", "extra", "refined":
		return true
	}
	return false
}

// materialNoun: the head nouns INCI and common names end with.
func materialNoun(w string) bool {
	switch w {
	case "oil", "oils", "butter", "butters", "wax", "waxes", "extract", "extracts", "juice", "water", "acid", "powder",
		"ferment", "filtrate", "lysate", "vesicles", "exosomes", "exosome", "glycol", "glycerin", "glycerine", "gum",
		"starch", "sugar", "salt", "alcohol", "ester", "esters", "crosspolymer", "copolymer", "polymer", "dimethicone",
		"protein", "peptide", "peptides", "collagen", "hydrosol", "cells", "cell", "lipids", "sterols", "hydrolysate",
		"distillate", "culture", "media", "medium", "callus", "leaf", "root", "seed", "flower", "fruit", "bark", "peel",
		"kernel", "cera", "oleum", "aqua", "parfum", "fragrance", "aroma", "flavor", "mica", "clay", "silica",
		"unsaponifiables", "ceramide", "ceramides", "gel", "honey", "milk", "vinegar", "resin", "balsam", "tincture",
		"infusion", "concentrate", "complex", "blend", "e", "c", "a", "b3", "b5", "k", "f":
		return true
	}
	return false
}

// chemicalEnding: systematic names end in a few suffixes ("-ate", "-ide",
// "-ol", …; German "-at", "-it"). Short words are left out: "Mole" is no
// alcohol.
func chemicalEnding(w string) bool {
	if len(w) <= 4 {
		return false
	}
	for _, suf := range []string{"ate", "ide", "ol", "one", "ene", "ine", "yl", "ane", "ose", "ite", "in", "at", "id", "an", "ium", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// foreignMaterial: material nouns of translated labels, as words ("Huile",
// "Extrait", "Óleo") or German compound endings ("Samenöl", "Blattsaft").
func foreignMaterial(w string) bool {
	l := strings.ToLower(w)
	switch l {
	case "huile", "extrait", "beurre", "cire", "eau", "aceite", "extracto", "manteca", "agua", "óleo", "oleo", "extrato", //nolint:misspell // Spanish and Portuguese
		"manteiga", "água", "olio", "estratto", "burro", "acqua", "wasser", "alkohol", "parfüm", "duft", "glyzerin",
		"glycérine", "glicerina", "glicerol", "alcool", "álcool", "alcohol", "perfume", "profumo", "fragancia",
		"xanthan", "öl", "oel", "saft", "extrakt", "wachs", "säure", "zucker":
		return true
	}
	for _, suf := range []string{"öl", "extrakt", "saft", "wachs", "butter", "wasser", "säure", "pulver"} {
		if strings.HasSuffix(l, suf) && utf8.RuneCountInString(l) > utf8.RuneCountInString(suf)+2 {
			return true
		}
	}
	return false
}

// commonName lists names labels use that are not INCI: translations of
// water, everyday names of common ingredients.
func commonName(s string) bool {
	switch strings.ToLower(strings.Trim(s, " *.")) {
	case "water", "aqua", "eau", "wasser", "agua", "água", "acqua", "woda", "vand", "vatten", "purified water",
		"distilled water", "deionized water", "alkohol", "alcool", "parfüm", "parfum", "fragrance", "perfume",
		"vitamin e", "vitamin c", "vitamin a", "vitamin b3", "vitamin b5", "provitamin b5", "aloe vera", "beeswax",
		"shea butter", "cocoa butter", "essential oils", "essential oil", "natural fragrance", "fragrance oil",
		"vegetable glycerin", "vegetable glycerine", "hyaluronic acid", "witch hazel", "rosewater", "rose water",
		"水", "精製水", "香料", "정제수", "향료", "去离子水", "纯净水", "香精":
		return true
	}
	return false
}

// cjkName judges a name in Chinese, Japanese or Korean script: not prose, and
// shaped like a name (a katakana or hangul transliteration, an abbreviation,
// or a material ending).
func cjkName(s string) bool {
	if cjkProse(s) || strings.ContainsAny(s, " ") && len(strings.Fields(s)) > 2 {
		return false
	}
	runes, kana, hangul, latin := 0, 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Katakana, r) || r == 'ー':
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
		runes++
	}
	if runes == 0 {
		return false
	}
	if (kana+latin)*2 >= runes || hangul*2 >= runes {
		return true
	}
	for _, suf := range []string{"エキス", "油", "水", "酸", "塩", "末", "液", "脂", "ロウ", "提取物", "萃取物", "精", "粉", "汁", "素",
		"醇", "胶", "酯", "酮", "胺", "苷", "糖", "肽", "钠", "钾", "추출물", "오일", "수", "산", "엑스"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
