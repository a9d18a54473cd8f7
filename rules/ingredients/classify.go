// Package ingredients knows which INCI names are exosome / extracellular
// vesicle (EV) ingredients, which are look-alikes sold as such, where they
// come from, and what the EU CosIng inventory and annexes say about a name.
package ingredients

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
)

//go:embed data/ev.yaml
var evYAML []byte

var errBadVocab = errors.New("invalid EV vocabulary")

// Classification describes what an ingredient name says about vesicles.
type Classification struct {
	// EVRelated: the name is an exosome/EV/vesicle ingredient. Conditioned
	// media and secretomes count, with a Note that they are not purified vesicles.
	EVRelated bool
	// LookAlike: not vesicles, though often sold as such (PDRN, plant cell
	// culture extracts, ferment lysates, human cell material).
	LookAlike bool
	// SourceKind is "human", "plant", "animal", "microbial", "synthetic" or "".
	SourceKind string
	// Detail names the tissue, species or material: "umbilical cord",
	// "Rosa damascena callus", "Lactobacillus", "milk".
	Detail string
	// Note is one plain sentence for users.
	Note string
	// Citation is a short source key for the Note.
	Citation string
}

type term struct {
	word    string // lower-case, without the trailing "*"
	prefix  bool
	cjk     bool
	display string
}

type group struct {
	kind, citation, note string
	terms                []term
}

// Classifier holds the compiled vocabulary; build it once with NewClassifier
// and reuse it for every name of a run.
type Classifier struct {
	kinds   map[string]group
	sources []group
}

type yamlGroup struct {
	Kind     string   `yaml:"kind"`
	Citation string   `yaml:"citation"`
	Note     string   `yaml:"note"`
	Terms    []string `yaml:"terms"`
}

type yamlVocab struct {
	Kinds   map[string]yamlGroup `yaml:"kinds"`
	Sources []yamlGroup          `yaml:"sources"`
}

// NewClassifier parses the embedded vocabulary (data/ev.yaml).
func NewClassifier() (*Classifier, error) {
	var v yamlVocab
	if err := yaml.Unmarshal(evYAML, &v); err != nil {
		return nil, fmt.Errorf("parse ev.yaml: %w", err)
	}
	c := &Classifier{kinds: map[string]group{}}
	for _, k := range []string{"ev", "conditioned", "liposome", "pdrn", "plantcell", "ferment"} {
		g, ok := v.Kinds[k]
		if !ok || len(g.Terms) == 0 || g.Citation == "" {
			return nil, fmt.Errorf("kind %q missing terms or citation: %w", k, errBadVocab)
		}
		c.kinds[k] = compile(k, g)
	}
	for _, g := range v.Sources {
		if g.Kind == "" || g.Citation == "" || len(g.Terms) == 0 {
			return nil, fmt.Errorf("source group %q incomplete: %w", g.Kind, errBadVocab)
		}
		c.sources = append(c.sources, compile(g.Kind, g))
	}
	return c, nil
}

func compile(kind string, g yamlGroup) group {
	out := group{kind: kind, citation: g.Citation, note: g.Note}
	for _, raw := range g.Terms {
		w, disp, _ := strings.Cut(raw, "=")
		w = strings.ToLower(strings.TrimSpace(w))
		t := term{display: strings.TrimSpace(disp)}
		if strings.HasSuffix(w, "*") {
			t.prefix = true
			w = strings.TrimSuffix(w, "*")
		}
		t.word = w
		t.cjk = isCJK(w)
		out.terms = append(out.terms, t)
	}
	return out
}

func isCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// Classify classifies one name with a freshly built Classifier. It is a
// convenience for single look-ups; loops should call NewClassifier once.
func Classify(name string) Classification {
	c, err := NewClassifier()
	if err != nil {
		// The vocabulary is embedded and tested; failing here is a build defect.
		return Classification{Note: err.Error()}
	}
	return c.Classify(name)
}

// text is a name prepared for matching.
type text struct {
	lower string // lower-cased original, for CJK substrings
	words string // " word word " with punctuation as spaces
}

func prepare(name string) text {
	lower := strings.ToLower(name)
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range lower {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return text{lower: lower, words: b.String()}
}

// match returns the first term of g found in t.
func (g group) match(t text) (term, bool) {
	for _, m := range g.terms {
		if m.hit(t) {
			return m, true
		}
	}
	return term{}, false
}

func (m term) hit(t text) bool {
	switch {
	case m.cjk:
		return strings.Contains(t.lower, m.word)
	case m.prefix:
		return strings.Contains(t.words, " "+m.word)
	default:
		return strings.Contains(t.words, " "+m.word+" ")
	}
}

// Classify classifies one ingredient name (INCI, label or marketing name,
// in English, Korean, Chinese or Japanese).
func (c *Classifier) Classify(name string) Classification {
	t := prepare(name)
	_, ev := c.kinds["ev"].match(t)
	_, cond := c.kinds["conditioned"].match(t)
	_, pdrn := c.kinds["pdrn"].match(t)
	_, plantCell := c.kinds["plantcell"].match(t)
	_, ferment := c.kinds["ferment"].match(t)
	if _, lipo := c.kinds["liposome"].match(t); lipo && !ev && !cond {
		g := c.kinds["liposome"]
		return Classification{Note: g.note, Citation: g.citation}
	}
	src, detail := c.source(name, t)
	var out Classification
	var kind group
	switch {
	case ev:
		out.EVRelated, kind = true, c.kinds["ev"]
	case cond:
		out.EVRelated, kind = true, c.kinds["conditioned"]
	case pdrn:
		out.LookAlike, kind = true, c.kinds["pdrn"]
		if src.kind == "" {
			src.kind, detail = "animal", "fish sperm DNA"
		}
	case plantCell:
		out.LookAlike, kind = true, c.kinds["plantcell"]
		if d := latinDetail(name, ""); src.kind == "" && d != "" {
			// "Echinacea Angustifolia Meristem Cell Culture": a binomial before a
			// cell-culture noun is a plant.
			src, detail = c.sourceGroup("plant"), d
		}
	case ferment:
		out.LookAlike, kind = true, c.kinds["ferment"]
	case src.kind == "human" && src.note != "" && strings.Contains(t.words, " human "):
		// Human cells, tissue extracts and proteins: not vesicles, and the
		// reason an exosome claim may be illegal in the EU.
		out.LookAlike = true
		kind = group{note: "look-alike: human cell or tissue material, not vesicles", citation: src.citation}
	default:
		return Classification{}
	}
	out.SourceKind, out.Detail = src.kind, detail
	out.Note, out.Citation = kind.note, kind.citation
	switch {
	case src.kind == "human":
		// The legal consequence matters more to users than the naming rule.
		out.Note = kind.note + "; " + src.note
		out.Citation = src.citation
	case ev && src.note != "":
		out.Note = src.note
		out.Citation = src.citation
	}
	if plantCell && !ev && !cond && src.kind != "plant" && src.kind != "" && src.kind != "human" {
		out.Note = "look-alike: cell culture extracts are cells or lysates, not vesicles"
	}
	return out
}

// source finds the source kind and a detail for the name.
func (c *Classifier) source(name string, t text) (group, string) {
	// "stem cell" is not a plant stem.
	pt := t
	pt.words = strings.ReplaceAll(pt.words, " stem cell", " cell")
	for i, g := range c.sources {
		tt := t
		if g.kind == "plant" {
			tt = pt
		}
		m, ok := g.match(tt)
		if !ok {
			continue
		}
		switch g.kind {
		case "human":
			return g, c.humanDetail(t, i)
		case "plant":
			if d := latinDetail(name, ""); d != "" {
				return g, d
			}
		case "microbial":
			if d := latinDetail(name, m.word); d != "" {
				return g, d
			}
		}
		return g, m.display
	}
	// An unknown Latin binomial before "Vesicles" is a plant: INCI reserves
	// that naming for plant (and microbial) material.
	if d := latinDetail(name, ""); d != "" && strings.Contains(t.words, " vesicle") {
		return c.sourceGroup("plant"), d
	}
	return group{}, ""
}

func (c *Classifier) sourceGroup(kind string) group {
	for _, g := range c.sources {
		if g.kind == kind {
			return g
		}
	}
	return group{}
}

// humanDetail picks the most specific tissue named, from any human group.
func (c *Classifier) humanDetail(t text, from int) string {
	for _, g := range c.sources[from:] {
		if g.kind != "human" {
			continue
		}
		for _, m := range g.terms {
			if m.display != "" && m.hit(t) {
				return m.display
			}
		}
	}
	return ""
}

// latinDetail returns "Rosa damascena callus" for "Rosa Damascena Callus
// Extracellular Vesicles": the words before the material noun, in botanical
// sentence case, without bracketed common names. genus, when set, must be
// the first word.
func latinDetail(name, genus string) string {
	var words []string
	depth := 0
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, "(") || strings.HasPrefix(w, "[") {
			depth++
		}
		closed := strings.HasSuffix(w, ")") || strings.HasSuffix(w, "]")
		if depth == 0 {
			words = append(words, strings.Trim(w, "*,.;"))
		}
		if closed && depth > 0 {
			depth--
		}
	}
	var keep []string
	for _, w := range words {
		l := strings.ToLower(w)
		if stopDetail(l) {
			break
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 {
		return ""
	}
	first := keep[0]
	if genus != "" && strings.ToLower(first) != genus {
		return ""
	}
	for _, r := range first {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return ""
		}
	}
	if genus == "" && (len(keep) < 2 || !unicode.IsUpper([]rune(first)[0]) || nonGenus(strings.ToLower(first))) {
		return ""
	}
	out := strings.ToUpper(first[:1]) + strings.ToLower(first[1:])
	for _, w := range keep[1:] {
		out += " " + strings.ToLower(w)
	}
	return out
}

func stopDetail(l string) bool {
	switch l {
	case "vesicles", "vesicle", "extracellular", "exosomes", "exosome", "evs", "ev", "nanovesicles", "cell", "cells",
		"culture", "extract", "ferment", "lysate", "filtrate", "derived", "conditioned", "meristem", "stem", "sprout-cell",
		"exosome-like", "-", "–", "/":
		return true
	}
	return false
}

// nonGenus lists capitalised words that start INCI names but are not plant genera.
func nonGenus(l string) bool {
	switch l {
	case "sodium", "potassium", "human", "hydrolyzed", "plant", "synthetic", "artificial", "bovine", "milk", "salmon",
		"extracellular", "exosome", "exosomes", "vesicles", "stem", "cell", "recombinant", "acetyl", "palmitoyl", "water",
		"aqua", "glycerin", "peg", "ppg", "the", "our", "with", "and", "premium", "pure", "liposomal", "encapsulated":
		return true
	}
	return false
}
