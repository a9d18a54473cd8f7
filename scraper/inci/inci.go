// Package inci parses free-text INCI ingredient fields as they appear on
// product pages and labels: prefixes in several languages, kit sections,
// "may contain" lists, footnote marks, amounts, synonyms and the marketing or
// warning prose that shops paste into the same field.
//
// The parser never drops text silently: everything that is not an ingredient,
// a section heading or a footnote comes back in List.Unparsed with its byte
// offsets, so callers can show or lint it.
package inci

// List is the result of parsing one ingredient field.
type List struct {
	// Sections holds at least one section. Kit parts ("Serum:", "Activator:")
	// and products after a repeated "Ingredients:" prefix get their own.
	Sections []Section
	// Unparsed holds prose, warnings and other text that is not an ingredient.
	Unparsed []Span
	// Footnotes holds "*organic"-style notes; ingredients refer to them by Marks.
	Footnotes []Footnote
}

// Section is one ingredient list inside the field.
type Section struct {
	Name string // "" for the main list, else the heading as written ("Serum")
	// MayContain marks "may contain" / "+/-" lists (shade colourants), which
	// are not certain ingredients of the product.
	MayContain  bool
	Ingredients []Ingredient
}

// Ingredient is one entry of a list.
type Ingredient struct {
	// Name is the display name as written, trimmed, without footnote marks,
	// amounts or a trailing bracketed synonym ("Aqua" for "Aqua (Water)").
	// Brackets inside the name stay ("Rosa Damascena (Rose) Flower Oil").
	Name string
	// Synonyms are alternative names given with the entry: "Water" for
	// "Aqua (Water)", "Water" and "Eau" for "Aqua/Water/Eau", common names in
	// brackets for botanicals.
	Synonyms []string
	// Marks are footnote marks attached to the entry ("*", "**", "†").
	Marks []string
	// Amount is a concentration when one is given ("2%", "10,000 ppm").
	Amount string
	// Notes are bracketed qualifiers that are not names ("nano", "organic").
	Notes []string
	// Start and End are byte offsets of the whole entry in the input text.
	Start, End int
	// NameStart and NameEnd are byte offsets of Name in the input text.
	NameStart, NameEnd int
}

// Span is a piece of text that is not an ingredient.
type Span struct {
	Text       string
	Start, End int
}

// Footnote is a note such as "*organic"; Mark is "*".
type Footnote struct {
	Mark, Text string
	Start, End int
}

// Ingredients returns the ingredients of all sections in order, leaving out
// "may contain" sections.
func (l *List) Ingredients() []Ingredient {
	var out []Ingredient
	for _, s := range l.Sections {
		if !s.MayContain {
			out = append(out, s.Ingredients...)
		}
	}
	return out
}

// Names returns the Name of every ingredient Ingredients returns.
func (l *List) Names() []string {
	ings := l.Ingredients()
	out := make([]string, len(ings))
	for i, ing := range ings {
		out[i] = ing.Name
	}
	return out
}

// Footnote returns the note text for a mark, or "".
func (l *List) Footnote(mark string) string {
	for _, f := range l.Footnotes {
		if f.Mark == mark {
			return f.Text
		}
	}
	return ""
}
