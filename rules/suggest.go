package rules

import (
	"github.com/sahilm/fuzzy"
)

// SuggestID returns the rule id closest to a mistyped one, or "".
func SuggestID(rs []*Rule, typed string) string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return Suggest(typed, ids)
}

// Suggest returns the candidate closest to a mistyped word (a rule id, a
// config key), or "". It asks sahilm/fuzzy first (good at dropped letters:
// "sorce-undisclosed"), then falls back to edit distance (good at swapped
// letters: "hype-wodring").
func Suggest(typed string, candidates []string) string {
	if typed == "" {
		return ""
	}
	if m := fuzzy.Find(typed, candidates); len(m) > 0 {
		return m[0].Str
	}
	best, bestD := "", len(typed)/2+1
	for _, c := range candidates {
		if d := editDistance(typed, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
