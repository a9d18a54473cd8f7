package ingredients

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Search returns up to n inventory names for a partial or approximate query,
// best first: names that start with the query, then names containing it as
// a word, then fuzzy subsequence matches ("rosa dama" → "ROSA DAMASCENA
// FLOWER OIL", …). Suggest is for typos of a whole name; Search is for
// looking a name up while typing it.
func (inv *Inventory) Search(query string, n int) []string {
	q := normKey(query)
	if q == "" || n <= 0 {
		return nil
	}
	type scored struct {
		name string
		rank int // 0 prefix, 1 word, 2 fuzzy
		key  int // shorter names first within a rank; fuzzy score otherwise
	}
	var out []scored
	seen := map[string]bool{}
	for _, name := range inv.names {
		switch {
		case strings.HasPrefix(name, q):
			out = append(out, scored{name, 0, len(name)})
			seen[name] = true
		case strings.Contains(name, " "+q):
			out = append(out, scored{name, 1, len(name)})
			seen[name] = true
		}
	}
	if len(out) < n {
		for _, m := range fuzzy.Find(q, inv.names) {
			if !seen[m.Str] {
				out = append(out, scored{m.Str, 2, -m.Score})
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

// Entry returns the inventory entry for a CosIng name as Search or Suggest
// return it.
func (inv *Inventory) Entry(name string) (Entry, bool) {
	i, ok := inv.byKey[normKey(name)]
	if !ok {
		return Entry{}, false
	}
	return inv.entries[i], true
}
