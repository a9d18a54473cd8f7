package rules

import "sort"

// longestFirst orders hits so that, where terms overlap ("instantly erases
// wrinkles" and "erases wrinkles"), the longest is reported and the rest are
// skipped as covered. It returns a copy; sortLongestFirst sorts in place.
func longestFirst(hs []Hit) []Hit {
	return sortLongestFirst(append([]Hit(nil), hs...))
}

// sortLongestFirst is longestFirst on a slice the caller owns.
func sortLongestFirst(hs []Hit) []Hit {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].Block != hs[j].Block {
			return hs[i].Block < hs[j].Block
		}
		return hs[i].End-hs[i].Start > hs[j].End-hs[j].Start
	})
	return hs
}

// preferRewrites returns the hits of the groups, in turn, without a
// composed claim ("regenerate skin cells") that contains a listed phrase
// with a compliant rewrite ("regenerate" => "revitalise the look of"): the
// listed phrase is reported instead, so the finding keeps a rewrite that
// fits its words. Each group's hits are in document order. The result is a
// new slice.
func preferRewrites(groups ...[]Hit) []Hit {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	out := make([]Hit, 0, n)
	for _, g := range groups {
		for _, h := range g {
			if h.Term.Detail == "grammar" && containsRewrite(groups, h) {
				continue
			}
			out = append(out, h)
		}
	}
	return out
}

// containsRewrite reports a listed phrase of h's block inside h that
// carries a rewrite, or a listed phrase on exactly h's words: where the
// lists have judged the words, their group (a drug or a disease claim)
// stands. Only h's block is searched: each group is in document order.
func containsRewrite(groups [][]Hit, h Hit) bool {
	for _, g := range groups {
		lo := sort.Search(len(g), func(i int) bool { return g[i].Block >= h.Block })
		for _, o := range g[lo:] {
			if o.Block != h.Block {
				break
			}
			if o.Term.Detail == "grammar" {
				continue
			}
			if o.Term.Suggest != "" && h.Start <= o.Start && o.End <= h.End || o.Start == h.Start && o.End == h.End {
				return true
			}
		}
	}
	return false
}

// coverage is the text already reported: one bit per byte of each block
// touched. (A map entry per covered byte cost gigabytes on a long page of
// claims; a bit costs a 64th of the block's text.)
type coverage map[int][]uint64

// overlaps reports whether any byte of h is covered.
func overlaps(covered coverage, h Hit) bool {
	bits := covered[h.Block]
	for k := h.Start; k < h.End && k>>6 < len(bits); k++ {
		if bits[k>>6]&(1<<(k&63)) != 0 {
			return true
		}
	}
	return false
}

// markCovered covers h's bytes.
func markCovered(covered coverage, h Hit) {
	if h.Start >= h.End {
		return
	}
	bits := covered[h.Block]
	if need := (h.End + 63) >> 6; need > len(bits) {
		bits = append(bits, make([]uint64, need-len(bits))...)
	}
	for k := h.Start; k < h.End; k++ {
		bits[k>>6] |= 1 << (k & 63)
	}
	covered[h.Block] = bits
}
