package inci

import (
	"strings"
	"unicode"
)

// isProse decides whether a chunk is a sentence rather than an ingredient
// name. Precision matters both ways, so it relies on signals INCI names do
// not have: function words, verbs, "-free" claims, sentence case over many
// words, URLs, and for CJK, verb endings and particles.
func isProse(t string, sentEnd bool) bool {
	if hasHangul(t) || hasKana(t) || hasHan(t) {
		return cjkProse(t)
	}
	l := strings.ToLower(t)
	if strings.Contains(l, "http") || strings.Contains(l, "www.") || strings.Contains(l, "@") ||
		strings.ContainsAny(t, "!?") {
		return true
	}
	words := strings.Fields(t)
	if len(words) == 0 || !hasLetter(t) {
		return true
	}
	if isVolume(l) {
		return true
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.Trim(strings.ToLower(w), ".,;:\"'“”‘’()[]")
		if strings.HasSuffix(lw[i], "-free") || strings.HasSuffix(lw[i], "-tested") {
			return true
		}
	}
	if allClassNouns(lw) || (len(lw) == 1 && proseWord(lw[0])) {
		return true
	}
	stop := countStop(lw)
	switch {
	case stop >= 2:
		return true
	case stop == 1 && (len(words) >= 3 || sentEnd):
		return true
	case len(words) >= 14:
		return true
	}
	if len(words) >= 5 && sentenceCase(words) && !endsWithHeadNoun(lw) {
		return true
	}
	return false
}

// strongINCI reports a chunk that clearly reads as an ingredient, which ends
// a prose run even inside one sentence.
func (p *parser) strongINCI(s, e int) bool {
	t := p.text[s:e]
	if isProse(t, false) {
		return false
	}
	words := strings.Fields(t)
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(strings.Trim(w, "*.,"))
	}
	if allClassNouns(lw) {
		return false
	}
	if endsWithHeadNoun(lw) || strings.ContainsAny(t, "0123456789") {
		return true
	}
	caps := 0
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return len(words) >= 2 && caps == len(words)
}

func cjkProse(t string) bool {
	if hasHangul(t) {
		words := strings.Fields(t)
		if len(words) >= 4 {
			return true
		}
		for _, e := range []string{"니다", "세요", "십시오", "하여", "경우", "마세요", "않", "으로 ", "에서 ", "하고", "주의", "바랍니다"} {
			if strings.Contains(t, e) {
				return true
			}
		}
		tr := strings.TrimRight(t, ". ")
		return len(words) >= 2 && (strings.HasSuffix(tr, "다") || strings.HasSuffix(tr, "요"))
	}
	if countKana(t, unicode.Hiragana) >= 2 {
		return true
	}
	for _, w := range []string{"请", "請", "的", "本品", "产品", "本產品", "本製品", "製品", "使用", "避免", "不含", "如有", "儿童", "兒童", "适用", "適用", "注意", "勿", "禁止"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return len([]rune(t)) > 30
}

func hasKana(s string) bool {
	return countKana(s, unicode.Hiragana) > 0 || countKana(s, unicode.Katakana) > 0
}

func countKana(s string, tab *unicode.RangeTable) int {
	n := 0
	for _, r := range s {
		if unicode.Is(tab, r) {
			n++
		}
	}
	return n
}

// isVolume matches pack sizes ("50 ml", "1.7 fl oz", "30g / 1 oz").
func isVolume(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || !isDigit(l[0]) {
		return false
	}
	i := 0
	for i < len(l) && (l[i] >= '0' && l[i] <= '9' || l[i] == '.' || l[i] == ',') {
		i++
	}
	rest := strings.TrimSpace(l[i:])
	for _, u := range []string{"ml", "g", "oz", "fl", "l ", "mg", "kg", "fl.", "pcs", "sheets", "capsules"} {
		if rest == strings.TrimSpace(u) || strings.HasPrefix(rest, u+" ") || strings.HasPrefix(rest, u+"/") || strings.HasPrefix(rest, u+".") {
			return true
		}
	}
	return false
}

// sentenceCase: first word capitalised, most later words lower-case — the
// shape of a sentence, not of a Title Case or UPPER CASE INCI name.
func sentenceCase(words []string) bool {
	first := []rune(words[0])[0]
	if !unicode.IsUpper(first) {
		return false
	}
	lower := 0
	for _, w := range words[1:] {
		if r := []rune(w)[0]; unicode.IsLower(r) {
			lower++
		}
	}
	return lower*10 >= (len(words)-1)*6
}

// endsWithHeadNoun: INCI names usually end in a material noun.
func endsWithHeadNoun(lw []string) bool {
	if len(lw) == 0 {
		return false
	}
	last := strings.Trim(lw[len(lw)-1], ".,*")
	switch last {
	case "extract", "oil", "water", "butter", "acid", "juice", "powder", "ferment", "filtrate", "lysate", "vesicles",
		"exosomes", "glycol", "glycerin", "wax", "media", "culture", "leaf", "root", "seed", "flower", "fruit", "callus",
		"protein", "peptide", "collagen", "hydrosol", "gum", "starch", "sugar", "salt", "alcohol", "ester", "esters",
		"crosspolymer", "copolymer", "polymer", "dimethicone", "cells", "cell", "lipids", "sterols", "amino", "dna",
		"hydrolysate", "distillate", "bark", "stem", "peel", "sprout", "meristem", "cellulose":
		return true
	}
	for _, suf := range []string{"ate", "ide", "ol", "one", "ene", "ine", "yl", "ane", "ose", "ite", "in"} {
		if strings.HasSuffix(last, suf) && len(last) > 4 {
			return true
		}
	}
	return false
}

// countStop counts function words and verbs that INCI names never contain.
func countStop(lw []string) int {
	n := 0
	for _, w := range lw {
		if stopWord(w) {
			n++
		}
	}
	return n
}

func stopWord(w string) bool {
	switch w {
	case "the", "our", "your", "you", "we", "us", "is", "are", "was", "were", "be", "been", "this", "that", "these",
		"those", "it", "its", "it's", "please", "refer", "for", "of", "to", "and", "or", "with", "without", "free",
		"from", "in", "on", "at", "by", "as", "not", "only", "may", "can", "will", "all", "contains", "contain",
		"made", "use", "used", "using", "keep", "avoid", "if", "do", "does", "don't", "list", "packaging", "product",
		"products", "formula", "formulated", "tested", "up-to-date", "cruelty", "dermatologically", "external",
		"children", "reach", "eyes", "discontinue", "irritation", "occurs", "apply", "consult", "always", "never",
		"latest", "accurate", "change", "changes", "subject", "label", "check", "note", "see", "also", "because",
		"which", "than", "more", "less", "very", "most", "every", "any", "each", "so", "but", "have", "has", "had",
		"de", "des", "du", "la", "le", "les", "et", "pour", "sans", "avec", "der", "die", "das", "und", "für", "mit",
		"el", "los", "las", "para", "con", "sin", "y":
		return true
	}
	return false
}

func proseWord(w string) bool {
	switch w {
	case "vegan", "cruelty-free", "hypoallergenic", "non-comedogenic", "natural", "organic", "clean", "halal",
		"kosher", "recyclable", "preservatives", "chemicals", "nasties", "toxins", "and", "or", "etc", "etc.":
		return true
	}
	return false
}

// allClassNouns: "parabens", "sulfates", "silicones" — what free-from claims list.
func allClassNouns(lw []string) bool {
	if len(lw) == 0 {
		return false
	}
	for _, w := range lw {
		switch strings.Trim(w, ".,") {
		case "parabens", "sulfates", "sulphates", "silicones", "phthalates", "dyes", "colorants", "colourants",
			"fragrances", "perfumes", "alcohols", "pegs", "mineral", "oils", "gluten", "sls", "sles", "preservatives",
			"allergens", "nasties", "toxins", "chemicals", "artificial", "synthetic", "and", "or", "nor", "no",
			"added", "harsh", "animal", "testing", "gmos", "microplastics", "formaldehyde-releasers", "etc", "colours", "colors":
		default:
			return false
		}
	}
	return true
}
