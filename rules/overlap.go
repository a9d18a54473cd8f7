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

// preferRewrites drops a composed claim ("regenerate skin cells") that
// contains a listed phrase with a compliant rewrite ("regenerate" =>
// "revitalise the look of"): the listed phrase is reported instead, so the
// finding keeps a rewrite that fits its words.
func preferRewrites(hs []Hit) []Hit {
	var out []Hit
	for _, h := range hs {
		if h.Term.Detail == "grammar" && containsRewrite(hs, h) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func containsRewrite(hs []Hit, h Hit) bool {
	for _, o := range hs {
		if o.Block == h.Block && o.Term.Suggest != "" && o.Term.Detail != "grammar" && h.Start <= o.Start && o.End <= h.End {
			return true
		}
	}
	return false
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
