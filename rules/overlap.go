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

// containsRewrite reports a listed phrase inside h that carries a rewrite,
// or a listed phrase on exactly h's words: where the lists have judged the
// words, their group (a drug or a disease claim) stands.
func containsRewrite(hs []Hit, h Hit) bool {
	for _, o := range hs {
		if o.Block != h.Block || o.Term.Detail == "grammar" {
			continue
		}
		if o.Term.Suggest != "" && h.Start <= o.Start && o.End <= h.End || o.Start == h.Start && o.End == h.End {
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
