package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/scraper"
)

// Hit is a term match in a given block.
type Hit struct {
	Block int
	Match
}

// Span returns the hit's place.
func (h Hit) Span() Span { return Span{Block: h.Block, Start: h.Start, End: h.End} }

// Sentence is a range of a block's text that ends at sentence punctuation or
// a line break.
type Sentence struct {
	Start, End       int // bytes
	TokStart, TokEnd int
	Question         bool
}

// BlockInfo is one block with its tokens, term matches and sentences,
// computed once per document and shared by every rule.
type BlockInfo struct {
	*scraper.Block
	Tokens    []Token
	Sentences []Sentence
}

// Analysis is the per-document work every rule shares.
type Analysis struct {
	Doc    *scraper.Document
	Blocks []BlockInfo
	Facts  Facts
	hits   map[string][]Hit
	ingr   ingredientState // ingredient_facts.go
	kind   pageKindState   // pagekind.go
	// sentence flags, by block then sentence index
	disclaimer [][]bool
	attributed [][]bool
}

func analyze(doc *scraper.Document, lx *Lexicon) *Analysis {
	a := &Analysis{Doc: doc, hits: map[string][]Hit{}}
	a.Blocks = make([]BlockInfo, len(doc.Blocks))
	var classHits, exceptions []Match
	composed := map[string]bool{}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		toks := tokenize(b.Text, nil)
		bi := BlockInfo{Block: b, Tokens: toks, Sentences: sentences(b.Text, toks)}
		a.Blocks[i] = bi
		classHits = classHits[:0]
		exceptions = exceptions[:0]
		firstHit := len(a.hits["negation"])
		lx.Scan(toks, func(m Match) {
			if splitKorean(m, b.Text) {
				return
			}
			if m.Term.Group == "negation-exception" {
				exceptions = append(exceptions, m)
			}
			if lx.grammar != nil && lx.grammar.classes[m.Term.Group] {
				classHits = append(classHits, m)
				if lx.grammar.private[m.Term.Group] {
					return
				}
			}
			a.addHit(i, m, false)
		})
		if len(exceptions) > 0 {
			classHits = dropNegations(classHits, exceptions)
			a.hits["negation"] = append(a.hits["negation"][:firstHit], hitsOf(dropNegations(matchesOf(a.hits["negation"][firstHit:]), exceptions), i)...)
		}
		if lx.grammar != nil {
			var lineOf func(int) int
			if doc.Format == scraper.FormatText {
				lineOf = func(off int) int {
					s, _ := b.SourceRange(off, off)
					return doc.Position(s).Line
				}
			}
			lx.grammar.compose(b.Text, toks, bi.Sentences, classHits, lineOf, func(m Match) {
				composed[m.Term.Group] = true
				a.addHit(i, m, true)
			})
		}
	}
	for group := range composed {
		sortHits(a.hits[group])
	}
	a.disclaimer = a.flagSentences("disclaimer")
	a.attributed = a.flagSentences("attribution")
	a.flagAttributionPreps()
	return a
}

// dropNegations removes the negation matches inside a negation exception:
// the 不 of 不同 (different) and 不断 (constantly), the "not" of "not only",
// the 아니 of 뿐만 아니라 negate nothing.
func dropNegations(ms, exceptions []Match) []Match {
	out := ms[:0]
	for _, m := range ms {
		inside := false
		for _, e := range exceptions {
			if m.Term.Group == "negation" && e.TokStart <= m.TokStart && m.TokEnd <= e.TokEnd {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

func matchesOf(hs []Hit) []Match {
	out := make([]Match, len(hs))
	for i, h := range hs {
		out[i] = h.Match
	}
	return out
}

func hitsOf(ms []Match, block int) []Hit {
	out := make([]Hit, len(ms))
	for i, m := range ms {
		out[i] = Hit{Block: block, Match: m}
	}
	return out
}

// addHit records a match in block i. Two terms of one group on the same
// words ("exosome" and "exosom*", or a listed phrase and the grammar's
// composition of it) are one hit.
// The lexicon reports matches in order of start, so the search back stops
// at the first earlier start; composed matches come after the block's scan,
// out of that order, and search the whole block.
func (a *Analysis) addHit(i int, m Match, composed bool) {
	hs := a.hits[m.Term.Group]
	for k := len(hs) - 1; k >= 0 && hs[k].Block == i; k-- {
		if hs[k].Start == m.Start && hs[k].End == m.End {
			return
		}
		if hs[k].Start < m.Start && !composed {
			break
		}
	}
	a.hits[m.Term.Group] = append(hs, Hit{Block: i, Match: m})
}

// splitKorean reports a match of a Korean term written as one word ("주사",
// injection) across a space ("4주 사용", four weeks of use). Hangul letters
// are one token each, so the matcher alone cannot tell; Korean, unlike
// Chinese and Japanese, separates words with spaces.
func splitKorean(m Match, text string) bool {
	matched := text[m.Start:m.End]
	if strings.ContainsAny(m.Term.Text, " \t") || !strings.Contains(matched, " ") {
		return false
	}
	for _, r := range matched {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

func (a *Analysis) flagSentences(group string) [][]bool {
	flags := make([][]bool, len(a.Blocks))
	for _, h := range a.hits[group] {
		// "The FDA-cleared serum" is an adjective, not the FDA speaking.
		if text := a.Blocks[h.Block].Text; group == "attribution" && h.End < len(text) && text[h.End] == '-' {
			continue
		}
		if group == "attribution" && !a.speaker(h) {
			continue
		}
		if flags[h.Block] == nil {
			flags[h.Block] = make([]bool, len(a.Blocks[h.Block].Sentences))
		}
		flags[h.Block][a.sentenceIndex(h)] = true
	}
	return flags
}

// speaker reports whether an attribution hit names someone speaking.
// "Cleared by the FDA" and "registered with the FDA" name an agent of the
// seller's claim, not a speaker; "Say goodbye to…" is an imperative ("says"
// and "say" share a key once plurals are folded).
func (a *Analysis) speaker(h Hit) bool {
	toks := a.Blocks[h.Block].Tokens
	switch strings.ToLower(a.matchText(h)) {
	case "say":
		return false
	case "reported":
		// "Researchers reported that…" has a speaker; "no side effects
		// reported" is a passive with none.
		return h.TokEnd < len(toks) && toks[h.TokEnd].Key == "that" || a.speakerBefore(h)
	}
	if h.TokStart > 0 {
		switch toks[h.TokStart-1].Key {
		case "by", "with", "from", "to", "as":
			// "as reported in case studies" cites evidence for the
			// seller's own claim.
			return false
		}
	}
	return true
}

// flagAttributionPreps marks sentences with "según", "selon", "laut", 根据
// and the like only where a source stands next to them ("según la AEMPS",
// "Bakanlığa göre"): the same words mean "depending on" ("según el tipo de
// piel", 根据肤质), which attributes nothing.
func (a *Analysis) flagAttributionPreps() {
	for _, h := range a.hits["attribution-prep"] {
		source := false
		for _, g := range []string{"source-noun", "authority"} {
			for _, o := range a.hits[g] {
				if o.Block == h.Block && a.sameSentence(o, h) && (o.TokStart >= h.TokEnd && o.TokStart-h.TokEnd <= 3 || o.TokEnd <= h.TokStart && h.TokStart-o.TokEnd <= 1) {
					source = true
				}
			}
		}
		if !source {
			continue
		}
		if a.attributed[h.Block] == nil {
			a.attributed[h.Block] = make([]bool, len(a.Blocks[h.Block].Sentences))
		}
		a.attributed[h.Block][a.sentenceIndex(h)] = true
	}
}

// speakerBefore reports another attribution word (a speaker such as "the
// FDA" or "researchers") ending within two words before h.
func (a *Analysis) speakerBefore(h Hit) bool {
	for _, o := range a.hits["attribution"] {
		if o.Block == h.Block && o.TokEnd <= h.TokStart && h.TokStart-o.TokEnd <= 2 && o.Start != h.Start {
			return true
		}
	}
	return false
}

// Hits returns the matches of a term group in document order.
func (a *Analysis) Hits(group string) []Hit { return a.hits[group] }

// sentences splits text at ". ", "! ", "? ", CJK full stops and line breaks.
func sentences(text string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int, q bool) {
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, Sentence{Start: start, End: end, Question: q})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			emit(i, false)
			start = i + size
		case '.', '!', '?', ';':
			next := i + size
			// Closing quotes, brackets and Markdown emphasis stay with the
			// sentence they close ("Is it safe?** No.").
			for next < len(text) && strings.IndexByte("*_\"')]", text[next]) >= 0 {
				next++
			}
			if next >= len(text) || text[next] == ' ' || text[next] == '\n' {
				// "No. 1", "approx. 5" and decimals are not sentence ends.
				if r == '.' && endsWithAbbrev(text[start:i]) {
					break
				}
				emit(next, r == '?')
			}
		case '。', '！', '？':
			// Closing quotes and brackets stay with the sentence they
			// close: “湿疹就好了！” is one quotation.
			next := i + size
			for next < len(text) {
				c, n := utf8.DecodeRuneInString(text[next:])
				if !strings.ContainsRune("”」』）)\"'’", c) {
					break
				}
				next += n
			}
			emit(next, r == '？')
			size = next - i
		}
		i += size
	}
	emit(len(text), strings.HasSuffix(strings.TrimSpace(text[start:]), "?"))
	// token ranges
	ti := 0
	for si := range out {
		for ti < len(toks) && toks[ti].Start < out[si].Start {
			ti++
		}
		out[si].TokStart = ti
		for ti < len(toks) && toks[ti].Start < out[si].End {
			ti++
		}
		out[si].TokEnd = ti
	}
	return out
}

func endsWithAbbrev(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, ab := range []string{"no", "approx", "e.g", "i.e", "vs", "dr", "st", "incl", "fig", "ca", "mr", "ms", "mrs", "u.s", "u.k", "e.u"} {
		if strings.HasSuffix(s, " "+ab) || s == ab {
			return true
		}
	}
	return false
}

func (a *Analysis) sentenceIndex(h Hit) int {
	ss := a.Blocks[h.Block].Sentences
	for i, s := range ss {
		if h.Start < s.End {
			return i
		}
	}
	return len(ss) - 1
}

// SentenceOf returns the sentence a hit stands in.
func (a *Analysis) SentenceOf(h Hit) Sentence {
	return a.Blocks[h.Block].Sentences[a.sentenceIndex(h)]
}

// sameSentence reports whether two hits share a block and sentence.
func (a *Analysis) sameSentence(x, y Hit) bool {
	return x.Block == y.Block && a.sentenceIndex(x) == a.sentenceIndex(y)
}

// Negated reports whether a negation governs the hit: "not", "no", "never",
// "without"… up to four words before it in the same sentence, or, for
// Korean, Japanese and Chinese, a negating ending shortly after it.
func (a *Analysis) Negated(h Hit) bool {
	if h.Term != nil && h.Term.Negative {
		return false // "you will never need Botox again" negates nothing
	}
	toks := a.Blocks[h.Block].Tokens
	if a.startsNegative(h) {
		return false // "Hiçbir risk taşımaz", "no side effects, none": negative concord
	}
	if h.TokEnd < len(toks) && toks[h.TokEnd].Key == "free" && toks[h.TokEnd].Start == h.End+1 {
		return true // "exosome-free", "paraben-free"
	}
	for _, n := range a.hits["negation"] {
		if n.Block != h.Block || !a.sameSentence(n, h) || isNumberSign(toks, n) {
			continue
		}
		if n.TokEnd <= h.TokStart && h.TokStart-n.TokEnd <= 4 && !prefixNegation(a.Blocks[h.Block].Text, n, h) &&
			(!contrastNegation(a.matchText(n)) || !clauseBreakBetween(a.Blocks[h.Block].Text, n.End, h.Start)) {
			return true
		}
		// Korean and Japanese negate at the end of the clause, and every
		// syllable is a token, so the window after the hit is wider.
		if n.TokStart >= h.TokEnd && n.TokStart-h.TokEnd <= 10 && a.cjkClause(h) && !clauseBreakBetween(a.Blocks[h.Block].Text, h.End, n.Start) &&
			!koreanWithoutOther(a.Blocks[h.Block].Text, h, n) {
			return true
		}
	}
	// Turkish negates the verb with a suffix after it ("tedavi etmez"),
	// also inside the claim's own last word ("onaylanmamıştır").
	for _, n := range a.hits["negation-after"] {
		if n.Block == h.Block && n.TokStart >= h.TokEnd && n.TokStart-h.TokEnd <= 2 && a.sameSentence(n, h) {
			return true
		}
	}
	end := min(h.TokEnd+2, a.SentenceOf(h).TokEnd)
	for i := h.TokEnd - 1; i < end; i++ {
		if i >= 0 && turkishNegative(toks[i].Key) {
			return true
		}
	}
	return false
}

// koreanWithoutOther reports 없이 (without) after another noun than the
// hit's: it negates only the noun phrase right before it. In "필러와 같은
// 효과를 바늘 없이" a particle (를) closes the hit's phrase, so the needle is
// absent, not the comparison; in "인체 유래 성분 없이" the phrase runs on to
// 없이 and is negated.
func koreanWithoutOther(text string, h, n Hit) bool {
	if !strings.HasPrefix(text[n.Start:], "없이") || n.Start <= h.End {
		return false
	}
	between := text[h.End:n.Start]
	return between != "" && !strings.HasPrefix(between, " ") && strings.TrimSpace(between) != ""
}

// startsNegative reports a claim that begins with its own negative word
// ("no side effects", "hiçbir risk", "никаких побочных эффектов"): another
// negation beside it agrees with that word (negative concord) rather than
// undoing the claim.
func (a *Analysis) startsNegative(h Hit) bool {
	if h.Term == nil || h.Term.Group == "negation" {
		return false
	}
	for _, n := range a.hits["negation"] {
		if n.Block == h.Block && n.TokStart == h.TokStart && n.TokEnd <= h.TokEnd && n.TokEnd < h.TokEnd {
			return true
		}
	}
	return false
}

// turkishNegative reports a Turkish verb in a negative form: the suffix
// -ma/-me before tense and person ("onaylanmamıştır", "kullanılmaz",
// "etmiyor", "olmayacak"). The suffix must follow a stem of three letters or
// more, and the short forms ("-maz", "-madı") must end the word or stand
// before a person or copula ending.
func turkishNegative(word string) bool {
	for _, suf := range [...]string{"mamış", "memiş", "madı", "medi", "mıyor", "miyor", "muyor", "müyor", "mayacak", "meyecek", "mamakta", "memekte", "maz", "mez"} {
		i := strings.Index(word, suf)
		if i < 3 {
			continue
		}
		rest := word[i+len(suf):]
		if utf8.RuneCountInString(suf) > 4 {
			return true
		}
		switch rest {
		case "", "dır", "dir", "lar", "ler", "sınız", "siniz", "sın", "sin", "k", "m", "n", "nız", "niz":
			return true
		}
	}
	return false
}

// contrastNegation reports "unlike", "instead of" and "rather than", which
// negate only their own phrase: in "unlike injectables, it is risk-free"
// the comma ends it, and the claim after it stands.
func contrastNegation(word string) bool {
	switch strings.ToLower(word) {
	case "unlike", "instead of", "rather than":
		return true
	}
	return false
}

// prefixNegation reports a negation joined to the next word by a hyphen
// ("non-randomized, evaluator-blinded clinical study"): it negates that
// word only, not a hit further on.
func prefixNegation(text string, n, h Hit) bool {
	return n.End < len(text) && text[n.End] == '-' && h.TokStart > n.TokEnd
}

// clauseBreakBetween reports a comma or other clause mark between two
// offsets: "加速伤口愈合，不留疤痕" negates the scar, not the healing.
func clauseBreakBetween(text string, from, to int) bool {
	return from < to && strings.ContainsAny(text[from:to], ",，、;；:：")
}

// isNumberSign recognises "No." before a number ("No.1 best seller"),
// which ranks rather than negates.
func isNumberSign(toks []Token, n Hit) bool {
	return toks[n.TokStart].Key == "no" && n.TokEnd < len(toks) && toks[n.TokEnd].Number
}

func (a *Analysis) isCJKHit(h Hit) bool {
	r, _ := utf8.DecodeRuneInString(a.Blocks[h.Block].Text[h.Start:])
	return isCJK(r)
}

// cjkClause reports a hit in a Korean, Japanese or Chinese clause, whose
// negation comes at the end: the hit starts with such a letter, or is
// followed by one ("FDA로부터 승인받은 제품이 아닙니다", "FDAの承認を受けたもの
// ではありません").
func (a *Analysis) cjkClause(h Hit) bool {
	if a.isCJKHit(h) {
		return true
	}
	toks := a.Blocks[h.Block].Tokens
	return h.TokEnd < len(toks) && cjkToken(a.Blocks[h.Block].Text, toks, h.TokEnd)
}

// InDisclaimer reports whether the hit stands in a disclaimer sentence such
// as "These statements have not been evaluated by the FDA".
func (a *Analysis) InDisclaimer(h Hit) bool {
	f := a.disclaimer[h.Block]
	return f != nil && f[a.sentenceIndex(h)]
}

// InQuestion reports whether the hit stands in a question ("Are exosomes
// safe?"), as FAQ pages ask them.
func (a *Analysis) InQuestion(h Hit) bool {
	if h.Term != nil && h.Term.Rhetorical {
		return false // "Who needs fillers when you have this serum?"
	}
	return a.SentenceOf(h).Question
}

// Attributed reports whether the sentence reports someone else's words (a
// regulator, researchers, a news report) rather than the seller's.
func (a *Analysis) Attributed(h Hit) bool {
	f := a.attributed[h.Block]
	return f != nil && f[a.sentenceIndex(h)]
}

// Quoted reports whether the hit stands inside quotation marks that hold
// more than a word or two (six letters in Chinese or Japanese), or a short
// quotation signed after it ("«Экзема прошла полностью!» — Ольга"): a
// quotation, not scare quotes around a boast.
func (a *Analysis) Quoted(h Hit) bool {
	text := a.Blocks[h.Block].Text
	s := a.SentenceOf(h)
	before := text[s.Start:h.Start]
	after := text[h.End:s.End]
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"«", "»"}, {"「", "」"}, {"『", "』"}, {"„", "“"}} {
		open := strings.LastIndex(before, q[0])
		if open < 0 || (q[0] == q[1] && strings.Count(before, q[0])%2 == 0) {
			continue
		}
		closeAt := strings.Index(after, q[1])
		if closeAt < 0 {
			continue
		}
		quoted := before[open+len(q[0]):] + text[h.Start:h.End] + after[:closeAt]
		if len(strings.Fields(quoted)) >= 4 || cjkCount(quoted) >= 6 || len(strings.Fields(quoted)) >= 2 && signature(text[h.End+closeAt+len(q[1]):]) {
			return true
		}
	}
	return false
}

// cjkCount counts Han, kana and Hangul letters: a quotation in Chinese or
// Japanese has no spaces to count words by.
func cjkCount(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}

// AppearanceQualified reports whether appearance wording ("the look of",
// "visibly", "feels") governs the hit, which keeps a claim cosmetic.
func (a *Analysis) AppearanceQualified(h Hit) bool {
	for _, q := range a.hits["appearance"] {
		if q.Block != h.Block || !a.sameSentence(q, h) {
			continue
		}
		if q.TokEnd <= h.TokStart+1 && h.TokStart-q.TokEnd <= 4 && q.TokEnd <= h.TokEnd {
			return true
		}
	}
	return false
}

// IsCopy reports whether a hit stands in the seller's own words: not in
// user content, not negated, not in a disclaimer, question or quotation,
// and not attributed to someone else.
func (a *Analysis) IsCopy(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent {
		return false
	}
	return !a.Negated(h) && !a.InDisclaimer(h) && !a.InQuestion(h) && !a.Quoted(h) && !a.Attributed(h)
}

// Context returns the sentence around a span for people-facing output, cut
// to a readable length, with the span's offsets inside it.
func (a *Analysis) Context(at Span) (string, int, int) {
	b := a.Blocks[at.Block]
	s := a.SentenceOf(Hit{Block: at.Block, Match: Match{Start: at.Start, End: at.End}})
	start, end := s.Start, s.End
	if end < at.End {
		end = at.End
	}
	const room = 80
	if at.Start-start > room {
		start = at.Start - room
		for start < at.Start && !utf8.RuneStart(b.Text[start]) {
			start++
		}
	}
	if end-at.End > room {
		end = at.End + room
		for end > at.End && end < len(b.Text) && !utf8.RuneStart(b.Text[end]) {
			end--
		}
	}
	lead := len(b.Text[start:at.Start]) - len(strings.TrimLeft(b.Text[start:at.Start], " "))
	start += lead
	ctx := strings.TrimRight(b.Text[start:end], " ")
	return ctx, at.Start - start, at.End - start
}
