package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

// The claim grammar. Phrase lists catch the wording someone has seen; the
// grammar catches a claim whose parts are known even when the sentence is
// new: a therapeutic action ("rebuilds", "regenera", 修复) with a body or
// disease target ("damaged tissue", "células", 湿疹) in one clause is a drug
// claim, whatever words stand around them. Term classes are data, per
// language (data/classes/<lang>.yaml, ordinary term groups found by the same
// one-pass trie as every other term); productions that combine them are data
// too (data/grammar/productions.yaml). A production adds a hit to the group
// it emits ("drug", "hype", "approval"…), so the rules and all their context
// checks (negation, disclaimers, questions, attribution, appearance wording)
// treat a composed claim like a listed one.

// Production combines two term classes into a claim.
type Production struct {
	Name string   `yaml:"name"`
	Doc  string   `yaml:"doc"`
	Cite []string `yaml:"cite"`
	// Emit is the term group the composed hit joins.
	Emit string `yaml:"emit"`
	// First and Second are term classes (group names); a hit of each must
	// stand in one clause. First is the operator (the verb, the comparison,
	// the guarantee).
	First  []string `yaml:"first"`
	Second []string `yaml:"second"`
	// Ordered: First must come before Second.
	Ordered bool `yaml:"ordered"`
	// Lists: First may reach across commas to a following Second, as a
	// verb reaches a list of objects ("reduces pigmentation, inflammation
	// and scarring"). Otherwise a comma ends the clause.
	Lists bool `yaml:"lists"`
	// Within is the most words allowed between the parts (default 4);
	// WithinCJK counts Han, kana and Hangul characters instead (default 6),
	// since each of them is a token and particles stand between the parts.
	Within    int `yaml:"within"`
	WithinCJK int `yaml:"within_cjk"`
	// Blockers are groups whose hits between the parts, or right next to
	// them, keep the words from being this claim: appearance wording ("the
	// look of"), cosmetic objects ("barrier", "moisture"), "-prone".
	Blockers []string `yaml:"blockers"`
	// Outside are blockers that count only right before or after the
	// claim, not between its parts: "treatments like Botox" lists
	// procedures, "レーザー治療並み" compares with one.
	Outside []string `yaml:"outside"`
	// Negative marks a claim made of negative words: "no longer need
	// Botox", "cannot cause an allergy", "걱정 없이", "no tiene ningún
	// riesgo". A negation between or around its parts belongs to the claim
	// (negative concord, "won't need"), so it does not undo it.
	Negative bool `yaml:"negative"`
	// Adjacent: the parts must touch ("10 years younger", "マイナス10歳"),
	// so that "menos de 10 años" (less than ten years) is not read as one.
	Adjacent bool `yaml:"adjacent"`
	// Subject lets the second part stand before the first as the
	// sentence's subject, across a conjunction or a relative pronoun
	// ("Mothers who breastfeed can use it with peace of mind").
	Subject bool `yaml:"subject"`
	// Rhetorical marks a claim made as a question ("Who needs fillers
	// when you have this serum?"): the question mark does not take it
	// back.
	Rhetorical bool `yaml:"rhetorical"`

	term    *Term
	ops     map[string]bool // every production's first classes (joins)
	first   map[string]bool
	sec     map[string]bool
	block   map[string]bool
	outside map[string]bool
}

// grammarFile is the embedded file of productions.
const grammarFile = "data/grammar/productions.yaml"

// Grammar is the set of productions with the classes they need.
type Grammar struct {
	prods []*Production
	// classes are every group a production reads (parts and blockers) and
	// the context groups the composer checks.
	classes map[string]bool
	// private are the classes nothing but the grammar reads: their hits go
	// to the composer only, not to the document's hit lists.
	private map[string]bool
	// firstOf and secondOf give, for a class, the productions (a bit each,
	// by index) that take it as first or second part: anyPair then costs
	// two lookups a hit, not two a hit and production.
	firstOf, secondOf map[string]prodSet
}

// prodSet is a set of productions, a bit per index in Grammar.prods.
type prodSet []uint64

func (s prodSet) add(i int) { s[i/64] |= 1 << (i % 64) }

// orInto adds s to acc.
func (s prodSet) orInto(acc prodSet) {
	for i, w := range s {
		acc[i] |= w
	}
}

// meets reports whether s and t share a production.
func (s prodSet) meets(t prodSet) bool {
	for i, w := range s {
		if w&t[i] != 0 {
			return true
		}
	}
	return false
}

// sharedClasses are the grammar's classes that the rest of the analysis
// reads too (negation, appearance wording, authorities for quotations,
// treatment words for procedure lists, comparison words for headings that
// compare with another treatment).
func sharedClasses() map[string]bool {
	return map[string]bool{"negation": true, "appearance": true, "authority": true, "treatment-noun": true, "compare": true}
}

// LoadGrammar reads the embedded productions.
func LoadGrammar() (*Grammar, error) {
	raw, err := termData.ReadFile(grammarFile)
	if err != nil {
		return nil, fmt.Errorf("grammar: %w", err)
	}
	var prods []*Production
	if err := yaml.UnmarshalWithOptions(raw, &prods, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("grammar %s: %w", grammarFile, err)
	}
	return newGrammar(prods)
}

func newGrammar(prods []*Production) (*Grammar, error) {
	g := &Grammar{prods: prods, classes: map[string]bool{"negation": true, "clause-break": true, "conjunction": true}}
	for _, p := range prods {
		if p.Name == "" || p.Emit == "" || len(p.First) == 0 || len(p.Second) == 0 {
			return nil, fmt.Errorf("grammar %s: production %q needs name, emit, first and second", grammarFile, p.Name)
		}
		if p.Within == 0 && !p.Adjacent {
			p.Within = 4
		}
		if p.WithinCJK == 0 && !p.Adjacent {
			p.WithinCJK = 6
		}
		if p.Adjacent {
			p.Within, p.WithinCJK = 0, 0
		}
		p.term = &Term{Group: p.Emit, Text: p.Name, Detail: "grammar", Negative: p.Negative, Rhetorical: p.Rhetorical}
		p.first, p.sec, p.block, p.outside = set(p.First), set(p.Second), set(p.Blockers), set(p.Outside)
		for _, m := range []map[string]bool{p.first, p.sec, p.block, p.outside} {
			for k := range m {
				g.classes[k] = true
			}
		}
	}
	ops := map[string]bool{}
	for _, p := range prods {
		for k := range p.first {
			ops[k] = true
		}
	}
	for _, p := range prods {
		p.ops = ops
	}
	g.firstOf, g.secondOf = map[string]prodSet{}, map[string]prodSet{}
	words := (len(prods) + 63) / 64
	for i, p := range prods {
		for k := range p.first {
			if g.firstOf[k] == nil {
				g.firstOf[k] = make(prodSet, words)
			}
			g.firstOf[k].add(i)
		}
		for k := range p.sec {
			if g.secondOf[k] == nil {
				g.secondOf[k] = make(prodSet, words)
			}
			g.secondOf[k].add(i)
		}
	}
	shared := sharedClasses()
	g.private = map[string]bool{}
	for c := range g.classes {
		if !shared[c] {
			g.private[c] = true
		}
	}
	return g, nil
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// Productions returns the productions, for docs and tests.
func (g *Grammar) Productions() []*Production { return g.prods }

// Classes returns the term groups the productions read, sorted.
func (g *Grammar) Classes() []string {
	var out []string
	for k := range g.classes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// gap kinds between two neighbouring tokens
const (
	gapNone  = iota
	gapComma // a comma or an enumeration mark: lists go on across it
	gapHard  // a clause or sentence ends here
)

// gaps classifies the separator before each token: gaps[i] is what stands
// between token i-1 and token i. Sentence ends (as sentences() found them),
// semicolons, colons, dashes (a hyphen between spaces too: "Patch for
// Wrinkles - 8 Patches - Dissolving"), brackets and clause-break words
// ("but", "while", 但是) end a clause; commas and 、 only pause it.
func gaps(text string, toks []Token, sents []Sentence, breaks []Match) []uint8 {
	out := make([]uint8, len(toks))
	for _, s := range sents {
		if s.TokStart < len(out) {
			out[s.TokStart] = gapHard
		}
	}
	for i := 1; i < len(toks); i++ {
		if out[i] == gapHard {
			continue
		}
		between := text[toks[i-1].End:toks[i].Start]
		switch {
		case strings.ContainsAny(between, ";:()[]{}—–|•·；：（）【】\n"), strings.Contains(between, " - "):
			out[i] = gapHard
		case strings.ContainsAny(between, ",，、/"):
			out[i] = gapComma
		}
	}
	for _, b := range breaks {
		out[b.TokStart] = gapHard
		if b.TokEnd < len(out) {
			out[b.TokEnd] = gapHard
		}
	}
	return out
}

// compose finds the productions' claims in one block, given the class
// matches the lexicon found there (any order), and hands each to emit. For
// each hit of a production's first class it takes the nearest hit of the
// second class in the same clause, so the work grows with the number of
// class hits times the window, never with the square of the text.
//
// lineOf, when set, gives the source line of a text offset: in plain text a
// line break inside a paragraph separates list lines that have no
// punctuation, so it pauses a clause like a comma.
func (g *Grammar) compose(text string, toks []Token, sents []Sentence, ms []Match, lineOf func(int) int, emit func(Match)) {
	if !g.anyPair(ms) {
		return
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].TokStart != ms[j].TokStart {
			return ms[i].TokStart < ms[j].TokStart
		}
		return ms[i].TokEnd > ms[j].TokEnd
	})
	var breaks, negs []Match
	for _, m := range ms {
		switch m.Term.Group {
		case "clause-break":
			breaks = append(breaks, m)
		case "negation":
			negs = append(negs, m)
		}
	}
	var gp []uint8 // computed at the first candidate pair
	clauses := func() []uint8 {
		if gp == nil {
			gp = gaps(text, toks, sents, breaks)
		}
		return gp
	}
	// A line break between the parts pauses the clause like a comma.
	newline := func(l, r Match) bool {
		return lineOf != nil && lineOf(toks[l.TokEnd-1].End) != lineOf(toks[r.TokStart].Start)
	}
	var out []Match
	for _, p := range g.prods {
		for i, a := range ms {
			if !p.first[a.Term.Group] {
				continue
			}
			best, found := Match{}, false
			// Candidates before a, nearest first, then after it. Another
			// operator between a and a candidate takes the candidate ("heals
			// breakouts and reduces inflammation": "reduces inflammation"),
			// unless it stands right before a: in "一切ありません" the two
			// are one operator.
			if !p.Ordered {
				for j := i - 1; j >= 0; j-- {
					b := ms[j]
					if p.first[b.Term.Group] && b.TokEnd < a.TokStart {
						break
					}
					if !p.sec[b.Term.Group] || b.TokEnd > a.TokStart {
						continue
					}
					if a.TokStart-b.TokEnd > p.backWindow(text, toks, b, a) {
						break
					}
					if p.joins(clauses(), ms, negs, b, a, false) && !newline(b, a) {
						best, found = b, true
						break
					}
				}
			}
			for j := i + 1; j < len(ms); j++ {
				b := ms[j]
				if b.TokStart-a.TokEnd > p.window(text, toks, a, b) {
					break
				}
				if p.first[b.Term.Group] && b.TokStart >= a.TokEnd && !p.sec[b.Term.Group] {
					break
				}
				if !p.sec[b.Term.Group] || b.TokStart < a.TokEnd {
					continue
				}
				if p.joins(clauses(), ms, negs, a, b, true) {
					if !found || b.TokStart-a.TokEnd < a.TokStart-best.TokEnd {
						best, found = b, true
					}
					break
				}
			}
			if !found {
				continue
			}
			l, r := a, best
			if best.TokStart < a.TokStart {
				l, r = best, a
			}
			out = append(out, Match{Term: p.term, Start: l.Start, End: r.End, TokStart: l.TokStart, TokEnd: r.TokEnd})
		}
	}
	for _, m := range mergeOverlaps(out) {
		emit(m)
	}
}

// mergeOverlaps joins composed claims of one family that share words ("100%
// safe" and "safe for babies" are "100% safe for babies"), so a claim is
// reported once, over all its words. A drug claim and a disease claim on
// shared words ("soothes eczema and itching") are one disease claim.
func mergeOverlaps(ms []Match) []Match {
	if len(ms) < 2 {
		return ms
	}
	family := func(m Match) string {
		if m.Term.Group == "drug-disease" {
			return "drug"
		}
		return m.Term.Group
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if fi, fj := family(ms[i]), family(ms[j]); fi != fj {
			return fi < fj
		}
		return ms[i].TokStart < ms[j].TokStart
	})
	out := ms[:1]
	for _, m := range ms[1:] {
		last := &out[len(out)-1]
		if family(m) == family(*last) && m.TokStart < last.TokEnd {
			if m.TokEnd > last.TokEnd {
				last.TokEnd, last.End = m.TokEnd, m.End
			}
			if m.Term.Group == "drug-disease" {
				last.Term = m.Term
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// backWindow is the reach when the second part comes first ("tissue
// repair", "Falten sind nach sieben Tagen verschwunden"). It is the same
// window, but a conjunction or a comma between the parts stops it (see
// joins).
func (p *Production) backWindow(text string, toks []Token, l, r Match) int {
	return p.window(text, toks, l, r)
}

// anyPair reports whether some production has hits of both its parts
// among ms; most blocks have none, and are done without sorting.
func (g *Grammar) anyPair(ms []Match) bool {
	words := (len(g.prods) + 63) / 64
	var small [2][2]uint64 // room for 128 productions without allocating
	first, second := prodSet(small[0][:]), prodSet(small[1][:])
	if words > len(small[0]) {
		first, second = make(prodSet, words), make(prodSet, words)
	}
	first, second = first[:words], second[:words]
	for _, m := range ms {
		if f := g.firstOf[m.Term.Group]; f != nil {
			f.orInto(first)
		}
		if sc := g.secondOf[m.Term.Group]; sc != nil {
			sc.orInto(second)
		}
	}
	return first.meets(second)
}

// window is the production's reach between two parts, in tokens: Within
// words, or WithinCJK Han and kana characters. Korean separates words with
// spaces and attaches particles to them, so for Hangul the reach is Within
// words, turned into syllables by the text between the parts.
func (p *Production) window(text string, toks []Token, l, r Match) int {
	if !cjkToken(text, toks, l.TokEnd-1) && !cjkToken(text, toks, r.TokStart) {
		return p.Within
	}
	if r.TokStart > l.TokEnd && hangul(text, toks, l.TokEnd-1) && hangul(text, toks, r.TokStart) {
		if koreanWords(text[toks[l.TokEnd-1].End:toks[r.TokStart].Start]) <= p.Within {
			return r.TokStart - l.TokEnd
		}
		return -1
	}
	return p.WithinCJK
}

// koreanWords counts the words between two parts of a Korean claim: the
// particle attached to the first part ("세포를") is not a word of its own.
func koreanWords(between string) int {
	n := 0
	for i, f := range strings.Fields(between) {
		if i == 0 && !strings.HasPrefix(between, f) {
			n++
			continue
		}
		if i > 0 {
			n++
		}
	}
	return n
}

func hangul(text string, toks []Token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
	return unicode.Is(unicode.Hangul, r)
}

func cjkToken(text string, toks []Token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	for _, r := range text[toks[i].Start:toks[i].End] {
		return isCJK(r)
	}
	return false
}

// joins reports whether l and r (l first in the text) form the claim: one
// clause, no blocker between them or touching them, and no negation between
// them that is not part of either ("does not treat acne" is caught before
// the span by Negated; "treats no disease", "未承認" are caught here).
// forward is set when l is the production's first part, which may reach
// across commas.
func (p *Production) joins(gp []uint8, ms, negs []Match, l, r Match, forward bool) bool {
	for t := l.TokEnd; t <= r.TokStart && t < len(gp); t++ {
		switch {
		case gp[t] == gapHard:
			return false
		case gp[t] == gapComma && (!forward || !p.Lists):
			return false
		}
	}
	if !forward {
		for _, m := range ms {
			if m.TokStart >= r.TokStart {
				break
			}
			if m.Term.Group == "conjunction" && m.TokStart >= l.TokEnd && !p.Subject && !p.coordinated(ms, m) {
				return false // "into the dermis and reach…" is two claims
			}
		}
	}
	inPart := func(m Match) bool {
		return m.TokStart >= l.TokStart && m.TokEnd <= l.TokEnd || m.TokStart >= r.TokStart && m.TokEnd <= r.TokEnd
	}
	if len(p.block) > 0 || len(p.outside) > 0 {
		lo, hi := l.TokStart-1, r.TokEnd+1
		for _, m := range ms {
			if m.TokStart >= hi {
				break
			}
			if m.TokEnd <= lo || inPart(m) {
				continue
			}
			if p.block[m.Term.Group] {
				return false
			}
			if p.outside[m.Term.Group] && (m.TokEnd <= l.TokStart || m.TokStart >= r.TokEnd) {
				return false
			}
		}
	}
	if p.Negative {
		return true
	}
	for _, n := range negs {
		if n.TokEnd > l.TokStart && n.TokStart < r.TokEnd && !inPart(n) {
			return false
		}
	}
	return true
}

// coordinated reports a conjunction that joins two operators sharing one
// subject: "acne scars flatten out and heal", "las cicatrices se rellenan y
// desaparecen". An operator ends right before it; "into the dermis and
// reach…" has a target there instead, and stays two claims.
func (p *Production) coordinated(ms []Match, conj Match) bool {
	for _, m := range ms {
		if m.TokStart >= conj.TokStart {
			break
		}
		if m.TokEnd == conj.TokStart && p.ops[m.Term.Group] {
			return true
		}
	}
	return false
}
