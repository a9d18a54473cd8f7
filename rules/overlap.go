package rules

import "sort"

// longestFirst orders hits so that, where terms overlap ("instantly erases
// wrinkles" and "erases wrinkles"), the longest is reported and the rest are
// skipped as covered.
func longestFirst(hs []Hit) []Hit {
	out := append([]Hit(nil), hs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Block != out[j].Block {
			return out[i].Block < out[j].Block
		}
		return out[i].End-out[i].Start > out[j].End-out[j].Start
	})
	return out
}

func overlaps(covered map[[2]int]bool, h Hit) bool {
	for k := h.Start; k < h.End; k++ {
		if covered[[2]int{h.Block, k}] {
			return true
		}
	}
	return false
}

func markCovered(covered map[[2]int]bool, h Hit) {
	for k := h.Start; k < h.End; k++ {
		covered[[2]int{h.Block, k}] = true
	}
}
