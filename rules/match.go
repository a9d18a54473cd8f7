package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a block's text. Han, kana and Hangul characters are a
// token each, so terms match inside words of languages that do not separate
// them with spaces, or that attach particles (엑소좀을).
type Token struct {
	Key        string // folded form: NFKC, lower case, simple plural removed
	Start, End int    // byte offsets in the block text
	Number     bool
}

// tokenize splits text into tokens. Hyphens, slashes and punctuation separate
// tokens; an apostrophe inside a word does not; digits and letters split
// ("10x" is "10", "x"); "%" and "×" are tokens of their own.
func tokenize(text string, out []Token) []Token {
	out = out[:0]
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isDigit(r):
			j := i + size
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			out = append(out, Token{Key: text[i:j], Start: i, End: j, Number: true})
			i = j
		case isCJK(r):
			out = append(out, Token{Key: foldRune(text[i : i+size]), Start: i, End: i + size})
			i += size
		case unicode.IsLetter(r):
			j := i + size
			ascii := r < utf8.RuneSelf
			for j < len(text) {
				r2, s2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[j:])
					ascii = false
				}
				if (unicode.IsLetter(r2) || unicode.IsMark(r2)) && !isCJK(r2) {
					j += s2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if unicode.IsLetter(r3) && !isCJK(r3) && contraction(text[j+s2:]) {
						j += s2
						continue
					}
				}
				break
			}
			out = append(out, Token{Key: foldWord(text[i:j], ascii), Start: i, End: j})
			i = j
		case (r == '-' || r == '−' || r == '－') && minusSign(text, i, size):
			// "-10 years", "피부 나이 -10살": a minus before a number,
			// not a hyphen inside a word or a range ("10-20").
			out = append(out, Token{Key: "minus", Start: i, End: i + size})
			i += size
		case r == '%' || r == '％':
			out = append(out, Token{Key: "%", Start: i, End: i + size})
			i += size
		case r == '×':
			out = append(out, Token{Key: "x", Start: i, End: i + size})
			i += size
		case r == '#' || r == '＃':
			out = append(out, Token{Key: "#", Start: i, End: i + size})
			i += size
		default:
			i += size
		}
	}
	return out
}

// contraction reports whether the letters after an apostrophe continue the
// word, as in English "skin's", "don't", "they're". Otherwise the apostrophe
// separates words: French and Italian elision ("l'acné", "dell'eczema") and
// Turkish suffixes after a name ("FDA'dan", "Botox'tan") leave the word
// itself as a token, so "acné" and "FDA" match.
func contraction(after string) bool {
	n := 0
	for n < len(after) && (after[n] >= 'a' && after[n] <= 'z' || after[n] >= 'A' && after[n] <= 'Z') {
		n++
	}
	if n < len(after) {
		if r, _ := utf8.DecodeRuneInString(after[n:]); unicode.IsLetter(r) {
			return false // a non-ASCII letter follows: not an English ending
		}
	}
	switch strings.ToLower(after[:n]) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// minusSign reports a minus at text[i:i+size] that stands before a number
// and after no letter or digit.
func minusSign(text string, i, size int) bool {
	if i+size >= len(text) || !isDigit(rune(text[i+size])) {
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
}

// isCJK reports Han, Hiragana, Katakana and Hangul letters.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func foldRune(s string) string {
	if n := norm.NFKC.String(s); n != s {
		return strings.ToLower(n)
	}
	return s
}

// foldWord lower-cases and normalises a word and strips a simple English
// plural, so "Exosomes", "EXOSOME" and "ｅｘｏｓｏｍｅ" share a key. The same
// folding is applied to terms, so the stripping only has to be consistent.
func foldWord(w string, ascii bool) string {
	if ascii {
		lower := true
		for i := 0; i < len(w); i++ {
			if w[i] >= 'A' && w[i] <= 'Z' {
				lower = false
				break
			}
		}
		if !lower {
			w = strings.ToLower(w)
		}
	} else {
		w = strings.ToLower(norm.NFKC.String(w))
		w = strings.ReplaceAll(w, "’", "'")
	}
	return singular(w)
}

func singular(w string) string {
	n := len(w)
	if n <= 3 || w[n-1] != 's' {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	}
	return w[:n-1]
}

// Term is one entry of a lexicon group.
type Term struct {
	Group   string // e.g. "hype", "ev-claim", "source-plant"
	Text    string // as written in the data
	Suggest string // a compliant rewrite, when the data gives one
	Detail  string // extra data, e.g. the source detail "umbilical cord"
	// Negative marks a claim the grammar composed of negative words ("no
	// longer need Botox", "cannot cause an allergy"): a negation around
	// it is part of the claim (see Production.Negative).
	Negative bool
	// Rhetorical marks a claim the grammar composed from a rhetorical
	// question ("Who needs fillers?"), which InQuestion does not excuse.
	Rhetorical bool
}

// node is a trie node over token keys.
type node struct {
	next     map[string]*node
	num      *node   // "{n}": any number
	any      *node   // "*": any one token
	prefixes []edge  // "exosom*": any token with this prefix
	terms    []*Term // terms that end here
	// byLead indexes prefixes by their first two bytes once a node has
	// many ("regener*", "stimul*", "hücre*"…), so a token is tested only
	// against the prefixes it could have; short holds prefixes of one byte.
	byLead map[string][]edge
	short  []edge
}

// indexAfter is the number of prefix edges above which a node indexes them.
const indexAfter = 8

type edge struct {
	prefix string
	to     *node
}

// Lexicon finds all terms of all groups in one pass over a block's tokens,
// whatever the number of terms: a trie walk from each token, not a regexp per
// term.
type Lexicon struct {
	root  *node
	count int
	// grammar composes class hits into claims (grammar.go); nil composes
	// nothing.
	grammar *Grammar
}

// withGrammar attaches the claim grammar that analysis runs after the scan.
func (lx *Lexicon) withGrammar(g *Grammar) *Lexicon {
	lx.grammar = g
	return lx
}

// NewLexicon builds a lexicon from terms. In a term, "{n}" matches any number,
// "*" any one word, and a word ending in "*" any word with that prefix.
// Written hyphens also match as joined words ("anti-aging", "antiaging").
func NewLexicon(terms []*Term) *Lexicon {
	lx := &Lexicon{root: &node{}}
	for _, t := range terms {
		for _, variant := range termVariants(t.Text) {
			lx.add(variant, t)
		}
	}
	lx.root.index()
	return lx
}

// termVariants returns the token-key sequences a term matches.
func termVariants(text string) [][]string {
	base := termKeys(text)
	out := [][]string{base}
	if strings.Contains(text, "-") && !strings.ContainsAny(text, "*{") {
		joined := termKeys(strings.ReplaceAll(text, "-", ""))
		if len(joined) != len(base) {
			out = append(out, joined)
		}
	}
	return out
}

func termKeys(text string) []string {
	var keys []string
	for _, f := range strings.Fields(text) {
		switch {
		case f == "{n}" || f == "*":
			keys = append(keys, f)
			continue
		case len(f) > 1 && strings.HasSuffix(f, "*"):
			p := strings.TrimSuffix(f, "*")
			keys = append(keys, strings.ToLower(norm.NFKC.String(p))+"*")
			continue
		}
		for _, tk := range tokenize(f, nil) {
			keys = append(keys, tk.Key)
		}
	}
	return keys
}

func (lx *Lexicon) add(keys []string, t *Term) {
	if len(keys) == 0 {
		return
	}
	n := lx.root
	for _, k := range keys {
		switch {
		case k == "{n}":
			if n.num == nil {
				n.num = &node{}
			}
			n = n.num
		case k == "*":
			if n.any == nil {
				n.any = &node{}
			}
			n = n.any
		case len(k) > 1 && strings.HasSuffix(k, "*"):
			p := strings.TrimSuffix(k, "*")
			var to *node
			for _, e := range n.prefixes {
				if e.prefix == p {
					to = e.to
				}
			}
			if to == nil {
				to = &node{}
				n.prefixes = append(n.prefixes, edge{prefix: p, to: to})
			}
			n = to
		default:
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c := n.next[k]
			if c == nil {
				c = &node{}
				n.next[k] = c
			}
			n = c
		}
	}
	n.terms = append(n.terms, t)
	lx.count++
}

// index builds the prefix indexes of every node with many prefix edges.
func (n *node) index() {
	if len(n.prefixes) > indexAfter {
		n.byLead = map[string][]edge{}
		n.short = nil
		for _, e := range n.prefixes {
			if len(e.prefix) < 2 {
				n.short = append(n.short, e)
				continue
			}
			n.byLead[e.prefix[:2]] = append(n.byLead[e.prefix[:2]], e)
		}
	}
	for _, c := range n.next {
		c.index()
	}
	for _, c := range []*node{n.num, n.any} {
		if c != nil {
			c.index()
		}
	}
	for _, e := range n.prefixes {
		e.to.index()
	}
}

// Match is one occurrence of a term in a block.
type Match struct {
	Term             *Term
	Start, End       int // byte offsets in the block text
	TokStart, TokEnd int // token indexes, End exclusive
}

// Scan reports every term occurrence in toks, longest and shortest alike,
// in order of start.
func (lx *Lexicon) Scan(toks []Token, fn func(Match)) {
	for i := range toks {
		lx.walk(lx.root, toks, i, i, fn)
	}
}

func (lx *Lexicon) walk(n *node, toks []Token, start, i int, fn func(Match)) {
	if i >= len(toks) {
		return
	}
	tk := toks[i]
	step := func(c *node) {
		for _, t := range c.terms {
			fn(Match{Term: t, Start: toks[start].Start, End: tk.End, TokStart: start, TokEnd: i + 1})
		}
		lx.walk(c, toks, start, i+1, fn)
	}
	if c := n.next[tk.Key]; c != nil {
		step(c)
	}
	if tk.Number && n.num != nil {
		step(n.num)
	}
	if n.any != nil {
		step(n.any)
	}
	edges, more := n.prefixes, []edge(nil)
	if n.byLead != nil {
		edges = n.short
		if len(tk.Key) >= 2 {
			more = n.byLead[tk.Key[:2]]
		}
	}
	for _, es := range [2][]edge{edges, more} {
		for _, e := range es {
			if strings.HasPrefix(tk.Key, e.prefix) {
				step(e.to)
			}
		}
	}
}
