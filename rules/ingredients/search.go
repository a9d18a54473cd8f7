package ingredients

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Match ranks, best first.
const (
	rankExact     = iota // the whole name
	rankPrefix           // the name starts with the query, at a word end
	rankPrefixMid        // the name starts with the query, mid-word ("SODIUM HYALURON")
	rankPhrase           // the query as whole words inside the name
	rankAllWords         // every query word as a whole word, in any order
	rankWordStart        // every query word starts a word of the name ("rosa dam")
	rankSubstring        // the query anywhere
	rankFuzzy            // the query's letters in order, close together (typos)
)

// Search returns up to n inventory names for a partial or approximate
// query, best first: the exact name, names that start with the query,
// names that hold it as whole words (as a phrase, then in any order), names
// whose words start with the query's words, names that contain it, and
// last fuzzy subsequence matches whose letters lie close together
// ("sodium hyaluronte" → "SODIUM HYALURONATE"). A subsequence spread over a
// long name (a ferment of thirty plants holds most letters in some order)
// is not a match. Within a rank shorter names come first. Suggest is for
// typos of a whole name; Search is for looking a name up while typing it.
func (inv *Inventory) Search(query string, n int) []string {
	q := normKey(query)
	if q == "" || n <= 0 {
		return nil
	}
	words := nameWords(q)
	type scored struct {
		name string
		rank int
		key  int // shorter names first within a rank
	}
	var out []scored
	seen := map[string]bool{}
	for _, name := range inv.names {
		if r, ok := textRank(name, q, words); ok {
			out = append(out, scored{name, r, len(name)})
			seen[name] = true
		}
	}
	if len(out) < n {
		for _, m := range fuzzy.Find(q, inv.names) {
			if !seen[m.Str] && compact(m.MatchedIndexes, len(q)) {
				out = append(out, scored{m.Str, rankFuzzy, -m.Score})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		if out[i].key != out[j].key {
			return out[i].key < out[j].key
		}
		return out[i].name < out[j].name
	})
	names := make([]string, 0, min(n, len(out)))
	for _, s := range out[:min(n, len(out))] {
		names = append(names, s.name)
	}
	return names
}

// textRank ranks name against the normalised query q (split into words);
// ok is false when only a fuzzy match could apply.
func textRank(name, q string, words []string) (int, bool) {
	switch {
	case name == q:
		return rankExact, true
	case strings.HasPrefix(name, q) && !isNameLetter(name[len(q)]):
		return rankPrefix, true
	case strings.HasPrefix(name, q):
		return rankPrefixMid, true
	case hasPhrase(name, q):
		return rankPhrase, true
	}
	if len(words) == 0 || !strings.Contains(name, words[0][:1]) {
		return 0, false
	}
	nw := nameWords(name)
	all, starts := true, true
	for _, w := range words {
		word, start := false, false
		for _, x := range nw {
			word = word || x == w
			start = start || strings.HasPrefix(x, w)
		}
		all, starts = all && word, starts && start
	}
	switch {
	case all:
		return rankAllWords, true
	case starts:
		return rankWordStart, true
	case strings.Contains(name, q):
		return rankSubstring, true
	}
	return 0, false
}

// hasPhrase reports q inside name with word boundaries on both sides.
func hasPhrase(name, q string) bool {
	for from := 0; ; {
		i := strings.Index(name[from:], q)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(q)
		if (i == 0 || !isNameLetter(name[i-1])) && (end == len(name) || !isNameLetter(name[end])) {
			return true
		}
		from = i + 1
	}
}

// nameWords splits a normalised name at everything but letters and digits.
func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && !isNameLetter(byte(r)) })
}

func isNameLetter(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// compact keeps a fuzzy match whose matched letters span at most half as
// much again as the query (plus two for a dropped letter or space):
// "SODIUM HYALURONATE" for "sodium hyaluronte", not a ferment name that
// holds the letters a few hundred characters apart.
func compact(idx []int, queryLen int) bool {
	if len(idx) == 0 {
		return false
	}
	span := idx[len(idx)-1] - idx[0] + 1
	return span <= queryLen+queryLen/2+2
}

// Entry returns the inventory entry for a CosIng name as Search or Suggest
// return it.
func (inv *Inventory) Entry(name string) (Entry, bool) {
	i, ok := inv.byKey[normKey(name)]
	if !ok {
		return Entry{}, false
	}
	return inv.entries[i], true
}
