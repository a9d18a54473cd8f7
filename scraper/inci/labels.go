package inci

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type labelKind int

const (
	labelNone        labelKind = iota
	labelIngredients           // "Ingredients", "INCI", "전성분", "Serum ingredients"
	labelMayContain            // "May contain", "Peut contenir", "+/-"
	labelProse                 // "Warning", "Directions", "Free from": the rest of the sentence is prose
	labelProseOnly             // a label that reads as prose ("This product contains"); what follows is judged on its own
	labelSection               // a kit part or product name: "Serum", "Activator", "Shade 01"
)

// cleanLabel strips Markdown emphasis, brackets and dashes around a label.
func cleanLabel(s string) string {
	junk := func(r rune) bool { return isSpace(r) || strings.ContainsRune("*_#>[](){}【】（）-–—:：|", r) }
	s = strings.TrimLeftFunc(s, junk)
	for s != "" && !strings.HasSuffix(s, "+/-") {
		r, size := utf8.DecodeLastRuneInString(s)
		if !junk(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return strings.Join(strings.Fields(s), " ")
}

func normLabel(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("*_#>[](){}【】（）.:：", r) {
			return ' '
		}
		return r
	}, s)
	return strings.Trim(strings.Join(strings.Fields(s), " "), " -–—|")
}

// classifyLabel decides what a "label:" prefix (or a bare line) is. name is
// the section name to use for labelIngredients and labelSection.
func classifyLabel(raw string) (labelKind, string) {
	n := normLabel(raw)
	if n == "" || len(n) > 60 {
		return labelNone, ""
	}
	if isMayContainLabel(n) {
		return labelMayContain, ""
	}
	if proseLabel(n) {
		return labelProse, ""
	}
	words := strings.Fields(n)
	// Ingredient prefixes: every word is part of the prefix vocabulary,
	// or the label ends with it and starts with a product/part name.
	key := -1
	for i, w := range words {
		if ingredientWord(w) {
			key = i
			break
		}
	}
	if key >= 0 {
		all := true
		for _, w := range words {
			if !ingredientWord(w) && !prefixFiller(w) {
				all = false
			}
		}
		if all {
			return labelIngredients, ""
		}
		if key > 0 && key <= 5 && tailIsPrefix(words[key:]) {
			name := cleanLabel(strings.Join(strings.Fields(raw)[:min(key, len(strings.Fields(raw)))], " "))
			switch strings.ToLower(name) {
			case "active", "inactive", "other", "key", "main":
				name = cleanLabel(raw)
			}
			return labelIngredients, name
		}
	}
	if stop := countStop(words); stop > 0 {
		return labelProseOnly, ""
	}
	if len(words) > 5 || utf8.RuneCountInString(n) > 40 || !hasLetter(n) {
		return labelNone, ""
	}
	if hasHan(n) || hasHangul(n) {
		// CJK headings are short; a long run of characters is more likely a name.
		if utf8.RuneCountInString(n) > 10 {
			return labelNone, ""
		}
	}
	return labelSection, cleanLabel(raw)
}

// IsLabel reports whether s, a heading, tab or field name on its own,
// introduces an ingredient list in one of the languages labels use
// ("Ingredients", "Inhaltsstoffe / Zutaten", "Bestandteile", "全成分",
// "Serum ingredients"). "Key ingredients" and other marketing headings do
// not.
func IsLabel(s string) bool {
	if len(s) > 60 || !mayBeLabel(s) {
		return false
	}
	kind, _ := classifyLabel(s)
	return kind == labelIngredients
}

// mayBeLabel is a cheap test that keeps most headings away from
// classifyLabel: the stems of the label words, any case.
func mayBeLabel(s string) bool {
	l := strings.ToLower(s)
	for _, stem := range []string{"ngr", "inci", "nhalt", "estand", "utat", "ompos", "sklad", "skład", "sastoj", "ainesos", "ctfa", "成分", "成份", "성분"} {
		if strings.Contains(l, stem) {
			return true
		}
	}
	return false
}

// mayBeMayContain is the same test for "may contain" markers.
func mayBeMayContain(s string) bool {
	if strings.ContainsAny(s, "+±") {
		return true
	}
	l := strings.ToLower(s)
	for _, stem := range []string{"contain", "conten", "enthalt", "conter", "bevat", "zawier", "함유", "含"} {
		if strings.Contains(l, stem) {
			return true
		}
	}
	return false
}

func tailIsPrefix(words []string) bool {
	for _, w := range words {
		if !ingredientWord(w) && !prefixFiller(w) {
			return false
		}
	}
	return true
}

func ingredientWord(w string) bool {
	switch w {
	case "ingredients", "ingredient", "inci", "ingrédients", "ingrédient", "ingredientes", "ingrediente",
		"ingredienti", "inhaltsstoffe", "inhaltstoffe", "bestandteile", "zutaten", "composition", "composição",
		"composición", "ingrediënten", "składniki", "sastojci", "ingredience", "ainesosat", "ingredienser",
		"전성분", "성분", "전성분표", "成分", "全成分", "成份", "全成份", "配合成分", "成分表", "全成分表示",
		"成分表示", "全成分表", "全成份表", "产品成分", "產品成分", "ingredients/ingrédients", "ctfa":
		return true
	}
	return false
}

func prefixFiller(w string) bool {
	switch w {
	case "full", "complete", "list", "of", "the", "all", "inci", "(inci)", "/", "-", "&", "and", "et", "ingredient",
		"liste", "des", "lista", "de", "vollständige", "완전한", "표시", "一覧", "表", "名称", "name", "names":
		return true
	}
	return false
}

func isMayContainLabel(n string) bool {
	n = strings.ToLower(strings.TrimSpace(n))
	for _, w := range []string{
		"may contain", "peut contenir", "kann enthalten", "puede contener", "può contenere", "pode conter",
		"kan bevatten", "może zawierać", "함유할 수", "함유 가능", "含む場合", "可能含有",
	} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return mayContainPrefix(n) == len(n) && n != ""
}

// mayContainPrefix returns the byte length of a leading "+/-", "±",
// "may contain" marker (with a following ':' and spaces), or 0.
func mayContainPrefix(t string) int {
	l := strings.ToLower(t)
	n := 0
	for _, p := range []string{"+/-", "+/−", "+ / -", "±", "(+/-)", "[+/-]", "may contain", "peut contenir", "kann enthalten", "puede contener"} {
		if strings.HasPrefix(l, p) {
			n = len(p)
			break
		}
	}
	if n == 0 {
		return 0
	}
	for n < len(t) {
		r, size := utf8.DecodeRuneInString(t[n:])
		if !isSpace(r) && r != ':' && r != '：' && r != '-' {
			break
		}
		n += size
	}
	// A second marker: "+/- May contain:".
	if m := mayContainPrefix(t[n:]); m > 0 {
		n += m
	}
	return n
}

// proseLabel lists headings whose text is never ingredients.
func proseLabel(n string) bool {
	for _, p := range []string{
		"warning", "warnings", "caution", "cautions", "attention", "directions", "direction", "how to use",
		"usage", "use", "to use", "storage", "note", "notes", "nb", "disclaimer", "precaution", "precautions",
		"important", "avertissement", "avertissements", "précautions", "précaution", "mode d'emploi", "conseils",
		"warnhinweis", "warnhinweise", "anwendung", "advertencia", "advertencias", "modo de uso", "avvertenze",
		"free from", "free of", "without", "sans", "ohne", "contains no", "does not contain", "no", "not tested",
		"net wt", "net weight", "net", "volume", "size", "lot", "batch", "exp", "expiry", "pao", "made in",
		"distributed by", "manufactured by", "mfd by", "mfd", "manufacturer", "country of origin", "origin",
		"barcode", "ean", "upc", "sku", "capacity", "contenu", "inhalt", "benefits", "key benefits",
		"key ingredients", "hero ingredients", "highlights", "skin type", "skin types", "texture", "scent",
		"description", "details", "claims", "about", "why we love it", "what it does", "results", "good to know",
		"주의사항", "사용법", "사용방법", "용량", "제조", "제조원", "제조업자", "판매원", "책임판매업자", "사용기한",
		"무첨가", "효능", "注意", "注意事項", "使用方法", "使用上の注意", "用法", "警告", "容量", "製造", "製造販売元",
		"生产", "净含量", "不含", "無添加", "使用方法及注意事项", "注意事项", "功效",
	} {
		if strings.HasPrefix(n, p) && (len(n) == len(p) || n[len(p)] == ' ') {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
