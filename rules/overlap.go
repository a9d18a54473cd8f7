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
	// The listed phrases of each block, found once: a composed claim is
	// compared with its own block's, not with every hit of the document.
	listed := map[int][]Hit{}
	for _, o := range hs {
		if o.Term.Detail != "grammar" {
			listed[o.Block] = append(listed[o.Block], o)
		}
	}
	var out []Hit
	for _, h := range hs {
		if h.Term.Detail == "grammar" && containsRewrite(listed[h.Block], h) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// containsRewrite reports a listed phrase of h's block (listed) inside h
// that carries a rewrite, or a listed phrase on exactly h's words: where
// the lists have judged the words, their group (a drug or a disease claim)
// stands.
func containsRewrite(listed []Hit, h Hit) bool {
	for _, o := range listed {
		if o.Term.Suggest != "" && h.Start <= o.Start && o.End <= h.End || o.Start == h.Start && o.End == h.End {
			return true
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
