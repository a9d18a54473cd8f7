package rules

import (
	"sort"

	"github.com/exolint/exolint/scraper"
)

// The voice of an offer: who speaks of what. A page that says "we" about a
// treatment is a practice ("we usually recommend three sessions", 저희
// 시술, nuestra clínica realiza el tratamiento); one that says "we" or "this"
// about a serum, a formula or its products is a brand ("our formulating
// team", この美容液, nuestras fórmulas). Either is stronger evidence than any
// count of words, and it is found in the same way in every language: a
// first-person word (kind-we) and the nearest offer noun after it in the
// same sentence. Quotations and reported speech are someone else's voice (a
// news story quoting a clinic), and a paper's "we" is its authors.

// voiceObject is what a first-person word can speak about.
type voiceObject int

const (
	objTreatment voiceObject = iota + 1
	objProduct
	objExosome
)

// voiceTarget is one offer noun in a block, by token range.
type voiceTarget struct {
	tokStart, tokEnd int
	hit              Hit
	obj              voiceObject
}

// voiceGroup is a term group whose hits are offer nouns of one object.
type voiceGroup struct {
	group string
	obj   voiceObject
}

// voiceGroups are the term groups whose hits are offer nouns, in a fixed
// order so that the evidence is the same on every run.
func voiceGroups() []voiceGroup {
	return []voiceGroup{
		{"kind-treatment-noun", objTreatment},
		{"kind-treatment", objTreatment},
		{"kind-procedure", objTreatment},
		{"treatment-inject", objTreatment},
		{"treatment-needling", objTreatment},
		{"kind-product-noun", objProduct},
		{"kind-product-generic", objProduct},
		{"ev-claim", objExosome},
	}
}

// offerVoice is what the voice composition found.
type offerVoice struct {
	practice []Hit // "we" about a treatment
	brand    []Hit // "we" or "this" about a product
	ownEV    []Hit // "our exosomes": the page's own material or ingredient
}

// findVoice composes first-person words with the offer nouns after them.
func (a *Analysis) findVoice() offerVoice {
	var v offerVoice
	if a.isPaper() {
		return v // a paper's "we" is its authors
	}
	targets := map[int][]voiceTarget{}
	for _, g := range voiceGroups() {
		for _, h := range a.hits[g.group] {
			targets[h.Block] = append(targets[h.Block], voiceTarget{h.TokStart, h.TokEnd, h, g.obj})
		}
	}
	for b := range targets {
		ts := targets[b]
		sort.SliceStable(ts, func(i, j int) bool {
			if ts[i].tokStart != ts[j].tokStart {
				return ts[i].tokStart < ts[j].tokStart
			}
			return ts[i].tokEnd > ts[j].tokEnd // the longer noun first
		})
	}
	we := append(append([]Hit{}, a.hits["kind-we"]...), a.hits["kind-we-verb"]...)
	for _, h := range we {
		if !a.voiceCounts(h) {
			continue
		}
		// The noun after "we" ("we recommend three sessions"), or, for a
		// verb that comes last, before it ("eksozomu mikro iğne ile
		// uyguluyoruz").
		ts := targets[h.Block]
		found := a.voiceAfter(h, ts)
		if found.obj == 0 && !found.stop && h.Term.Group == "kind-we-verb" {
			found = a.voiceBefore(h, ts)
		}
		switch found.obj {
		case objTreatment:
			v.practice = append(v.practice, found.span)
		case objProduct:
			v.brand = append(v.brand, found.span)
		case objExosome:
			v.ownEV = append(v.ownEV, found.span)
		}
	}
	// "This serum", "この美容液", "este sérum": the page's own product.
	for _, h := range a.hits["kind-this"] {
		if !a.voiceCounts(h) {
			continue
		}
		for _, t := range a.hits["kind-product-noun"] {
			if t.Block == h.Block && t.TokStart >= h.TokEnd && t.TokStart-h.TokEnd <= 3 && a.sameSentence(h, t) && !a.Negated(t) {
				v.brand = append(v.brand, voiceSpan(h, t))
				break
			}
		}
	}
	for _, h := range a.hits["kind-brand-own"] {
		if a.voiceCounts(h) {
			v.brand = append(v.brand, h)
		}
	}
	sortHits(v.brand)
	return v
}

// voiceFound is what a first-person word speaks of, and the words that say
// so; obj 0 when nothing.
type voiceFound struct {
	obj  voiceObject
	span Hit
	stop bool // a negated or someone else's noun ends the search
}

func voiceSpan(from, to Hit) Hit {
	if to.Start < from.Start {
		from, to = to, from
	}
	return Hit{Block: from.Block, Match: Match{Start: from.Start, End: to.End, TokStart: from.TokStart, TokEnd: to.TokEnd, Term: to.Term}}
}

// voiceAfter judges the first offer noun after the first-person word h in
// its sentence.
func (a *Analysis) voiceAfter(h Hit, ts []voiceTarget) voiceFound {
	s := a.SentenceOf(h)
	for _, t := range ts {
		if t.tokStart < h.TokEnd || t.tokStart >= s.TokEnd {
			continue
		}
		if t.obj == objExosome && t.tokStart-h.TokEnd > 3 {
			continue // "we believe exosomes…" says nothing of an offer
		}
		return a.voiceJudge(h, t)
	}
	return voiceFound{}
}

// voiceBefore judges the nearest offer noun before h in its sentence.
func (a *Analysis) voiceBefore(h Hit, ts []voiceTarget) voiceFound {
	s := a.SentenceOf(h)
	for k := len(ts) - 1; k >= 0; k-- {
		t := ts[k]
		if t.tokEnd > h.TokStart || t.tokStart < s.TokStart {
			continue
		}
		if t.obj == objExosome && h.TokStart-t.tokEnd > 3 {
			continue
		}
		return a.voiceJudge(h, t)
	}
	return voiceFound{}
}

// voiceJudge decides what the first-person word h says about the noun t.
func (a *Analysis) voiceJudge(h Hit, t voiceTarget) voiceFound {
	if a.Negated(t.hit) {
		return voiceFound{stop: true} // "we do not offer injections"
	}
	obj := t.obj
	switch {
	case obj == objExosome:
		// "Our … Exosome Bioactive Ampoule" names a product; "we apply
		// exosomes after microneedling" a treatment.
		if p, ok := a.productNounAfter(t.hit, 3); ok {
			return voiceFound{obj: objProduct, span: voiceSpan(h, p)}
		}
		if p, ok := a.treatmentNounAfter(t.hit); ok {
			return voiceFound{obj: objTreatment, span: voiceSpan(h, p)}
		}
	case obj == objTreatment && a.productNounAt(h.Block, t.tokEnd):
		obj = objProduct // "our treatment essence": a treatment word naming a product
	case obj == objProduct && a.makerAt(h.Block, t.tokEnd):
		return voiceFound{stop: true} // "our serum supplier" names someone else's product
	}
	return voiceFound{obj: obj, span: voiceSpan(h, t.hit)}
}

// productNounAfter finds a product noun within n tokens after h in its
// sentence.
func (a *Analysis) productNounAfter(h Hit, n int) (Hit, bool) {
	for _, p := range a.hits["kind-product-noun"] {
		if p.Block == h.Block && p.TokStart >= h.TokEnd && p.TokStart-h.TokEnd <= n && a.sameSentence(p, h) {
			return p, true
		}
	}
	return Hit{}, false
}

// treatmentNounAfter finds a treatment noun after h in its sentence.
func (a *Analysis) treatmentNounAfter(h Hit) (Hit, bool) {
	var found Hit
	ok := false
	for _, g := range voiceGroups() {
		if g.obj != objTreatment {
			continue
		}
		for _, t := range a.hits[g.group] {
			if t.Block == h.Block && t.TokStart >= h.TokEnd && a.sameSentence(t, h) && !a.Negated(t) && (!ok || t.TokStart < found.TokStart) {
				found, ok = t, true
			}
		}
	}
	return found, ok
}

// makerAt reports a word for a maker or seller at token t of block b.
func (a *Analysis) makerAt(b, t int) bool {
	toks := a.Blocks[b].Tokens()
	if t >= len(toks) {
		return false
	}
	switch toks[t].Key {
	case "supplier", "manufacturer", "maker", "vendor", "distributor", "partner":
		return true
	}
	return false
}

// productNounAt reports a product noun starting at token t of block b.
func (a *Analysis) productNounAt(b, t int) bool {
	for _, h := range a.hits["kind-product-noun"] {
		if h.Block == b && h.TokStart == t {
			return true
		}
	}
	return false
}

// voiceCounts reports whether a first-person word is the page's own voice:
// its copy, outside the ingredient list, not quoted or reported from
// someone else.
func (a *Analysis) voiceCounts(h Hit) bool {
	b := a.Blocks[h.Block]
	if b.Region == scraper.RegionUserContent || b.Kind == scraper.KindIngredients {
		return false
	}
	return !a.Quoted(h) && !a.Attributed(h) && !a.reported(h)
}

// reported reports news-style reported speech in the hit's sentence ("…,
// said the clinic's director"): the words are someone else's.
func (a *Analysis) reported(h Hit) bool {
	for _, r := range a.hits["kind-reporting"] {
		if a.sameSentence(r, h) {
			return true
		}
	}
	return false
}

// voiceKey names a voice hit for counting distinct ones: the noun spoken of.
func voiceKey(h Hit) string { return h.Term.Text }
