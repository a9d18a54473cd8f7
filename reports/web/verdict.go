package web

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/exolint/exolint/rules"
)

// verdictView is everything the verdict page shows, in consumer words.
type verdictView struct {
	Level     string // "red", "amber", "green" or "neutral": a CSS class and a word
	LevelText string // the same in words, so it reads without colour
	Symbol    string // ✕ ! ✓ i
	Headline  string // "Exosome claim · source not disclosed · no testing disclosed · 3 red flags"

	Checked    string // what was checked, as a person reads it
	CheckedURL string // set when a URL was checked
	Product    string
	InputKind  string // "a link", "page text", "an ingredient list"
	Markets    string
	ShareURL   string // "" when the input is too long for a link
	ShareNote  string

	Discussion bool   // an article that promotes nothing
	PageKind   string // "a clinic's page"; "" when unknown
	Claim      bool
	Claims     []string // distinct claim wordings
	ClaimCount int
	Sources    []sourceGroup
	Testing    []string
	Human      bool

	Flags []flagView // errors and warnings
	Notes []flagView // info
	Page  []string   // reader notes ("renders with JavaScript", …)

	Tables      []tableView
	Attribution string
}

// flagView is one finding: the page's sentence with the words marked, why
// it matters, the rule and its sources, and a compliant rewrite.
type flagView struct {
	Headline   string
	Why        string
	Message    string // the rule's own message, for the details
	Before     string
	Match      string
	After      string
	Line       int
	AlsoLines  []int // further lines where the page says the same
	Severity   string
	RuleID     string
	RuleTitle  string
	Citations  []rules.Citation
	Suggestion string // a rewrite of the matched words
	Example    string // the rule's compliant example, when there is no rewrite
}

type tableView struct {
	Source   string
	Rows     []rowView
	Unparsed []string
}

type rowView struct {
	Name       string
	EV         string // "Exosome / EV ingredient", "Look-alike", ""
	EVClass    string
	Source     string
	Functions  string
	Annexes    []string
	Note       string
	DidYouMean []string
	Unknown    bool
}

// maxShareURL is the longest share link offered; longer inputs are shared
// by pasting again. Browsers and proxies cope with far more, but a link of
// this size is already unwieldy.
const maxShareURL = 4000

func (s *Server) verdict(o *outcome) verdictView {
	d := o.result
	f := d.Facts
	// An article that promotes nothing makes no claim of its own; its
	// wording is not judged (rules/pagekind.go).
	article := f.PageKind == rules.PageArticle && !f.Promotes
	v := verdictView{
		Product:     productLine(d.Product.Name, d.Product.Brand),
		Markets:     marketsLine(o.req.markets),
		Discussion:  article,
		PageKind:    pageKindWords(f.PageKind),
		Claim:       f.ExosomeClaim,
		ClaimCount:  len(f.Claims),
		Page:        d.Notes,
		Attribution: s.checker.describe.Attribution(),
	}
	switch o.req.kind {
	case kindURL:
		v.InputKind, v.Checked, v.CheckedURL = "a link", o.req.input, o.req.input
	case kindINCI:
		v.InputKind, v.Checked = "an ingredient list", "the ingredient list you pasted"
	default:
		v.InputKind, v.Checked = "page text", "the text you pasted"
	}
	v.ShareURL = shareURL(o.req)
	if v.ShareURL == "" {
		v.ShareNote = "This input is too long to share as a link; paste it again to see this verdict."
	}
	seen := map[string]bool{}
	for _, c := range f.Claims {
		k := strings.TrimSuffix(strings.ToLower(c.Text), "s")
		if !seen[k] {
			seen[k] = true
			v.Claims = append(v.Claims, c.Text)
		}
	}
	v.Sources = groupSources(f.Sources)
	for _, src := range f.Sources {
		v.Human = v.Human || src.Kind == "human"
	}
	kinds := map[string]bool{}
	for _, t := range f.Testing {
		if !kinds[t.Kind] {
			kinds[t.Kind] = true
			v.Testing = append(v.Testing, testingWords(t.Kind))
		}
	}
	sort.Strings(v.Testing)

	cites := rules.Citations()
	errs, warns := 0, 0
	for _, fd := range d.Findings {
		fv := s.flag(fd, cites)
		switch fd.Severity {
		case rules.Error:
			errs++
			v.Flags = append(v.Flags, fv)
		case rules.Warning:
			warns++
			v.Flags = append(v.Flags, fv)
		default:
			v.Notes = append(v.Notes, fv)
		}
	}
	// The worst first; within a severity, page order.
	sort.SliceStable(v.Flags, func(i, j int) bool { return v.Flags[i].Severity == "error" && v.Flags[j].Severity != "error" })

	for _, t := range o.tables {
		v.Tables = append(v.Tables, tableOf(t))
	}

	var parts []string
	switch {
	case article:
		parts = append(parts, "Discusses exosomes (not selling them)")
	case f.ExosomeClaim:
		parts = append(parts, "Exosome claim")
		if len(f.Sources) == 0 {
			parts = append(parts, "source not disclosed")
		} else {
			parts = append(parts, "source: "+sourceKinds(v.Sources))
		}
		if len(f.Testing) == 0 {
			parts = append(parts, "no testing disclosed")
		} else {
			parts = append(parts, "testing disclosed")
		}
	default:
		parts = append(parts, "No exosome claim found")
	}
	n := errs + warns
	switch n {
	case 0:
		parts = append(parts, "no red flags")
	case 1:
		parts = append(parts, "1 red flag")
	default:
		parts = append(parts, fmt.Sprintf("%d red flags", n))
	}
	v.Headline = strings.Join(parts, " · ")
	switch {
	case errs > 0:
		v.Level, v.LevelText, v.Symbol = "red", "Serious concerns", "✕"
	case warns > 0:
		v.Level, v.LevelText, v.Symbol = "amber", "Some concerns", "!"
	case f.ExosomeClaim:
		v.Level, v.LevelText, v.Symbol = "green", "No red flags found", "✓"
	case article:
		v.Level, v.LevelText, v.Symbol = "neutral", "Reads as an article", "i"
	default:
		v.Level, v.LevelText, v.Symbol = "neutral", "No exosome claim", "i"
	}
	return v
}

func (s *Server) flag(fd rules.Finding, cites map[string]rules.Citation) flagView {
	fv := flagView{Message: fd.Message, Line: fd.Start.Line, Severity: fd.Severity.String(), RuleID: fd.Rule, Suggestion: fd.Suggestion}
	for _, p := range fd.AlsoAt {
		if n := len(fv.AlsoLines); p.Start.Line != fd.Start.Line && (n == 0 || fv.AlsoLines[n-1] != p.Start.Line) {
			fv.AlsoLines = append(fv.AlsoLines, p.Start.Line)
		}
	}
	if w, ok := s.wording[fd.Rule]; ok {
		fv.Headline, fv.Why = w.Headline, w.Why
	}
	if r, err := rules.Lookup(s.catalog, fd.Rule); err == nil {
		fv.RuleTitle = r.Title
		if fv.Headline == "" {
			fv.Headline = capitalize(r.Title)
		}
		for _, k := range r.Citations {
			if c, ok := cites[k]; ok {
				fv.Citations = append(fv.Citations, c)
			}
		}
		if fv.Suggestion == "" {
			fv.Example = r.Good
		}
	}
	if fv.Headline == "" {
		fv.Headline = fd.Message
	}
	if fv.Why == "" {
		fv.Why = fd.Message
	}
	fv.Before, fv.Match, fv.After = excerpt(fd)
	return fv
}

// excerpt cuts the finding's sentence to a readable length around the
// matched words.
func excerpt(fd rules.Finding) (before, match, after string) {
	ctx := fd.Context
	if ctx == "" || fd.ContextStart < 0 || fd.ContextEnd > len(ctx) || fd.ContextStart > fd.ContextEnd {
		return "", fd.Match, ""
	}
	const room = 160
	before, match, after = ctx[:fd.ContextStart], ctx[fd.ContextStart:fd.ContextEnd], ctx[fd.ContextEnd:]
	if len(before) > room {
		cut := len(before) - room
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		if sp := strings.IndexByte(before[cut:], ' '); sp >= 0 && sp < 30 {
			cut += sp + 1
		}
		before = "…" + before[cut:]
	}
	if len(after) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(after[cut]) {
			cut--
		}
		if sp := strings.LastIndexByte(after[:cut], ' '); sp > room-30 {
			cut = sp
		}
		after = after[:cut] + "…"
	}
	// rules.Analysis.Context keeps at most contextRoom bytes each side of
	// the match and cuts there, mid-word if need be.
	if len(after) >= contextRoom-2 {
		after = endAtWord(after)
	}
	if len(before) >= contextRoom-2 && !strings.HasPrefix(before, "…") {
		if sp := strings.IndexByte(before, ' '); sp >= 0 && sp < len(before)-1 {
			before = "…" + before[sp+1:]
		}
	}
	return collapse(before), match, collapse(after)
}

// contextRoom is how much of the sentence rules.Analysis.Context keeps on
// each side of a match.
const contextRoom = 80

// endAtWord drops a word cut off at the end of the context ("for eve")
// and marks the cut.
func endAtWord(s string) string {
	t := strings.TrimRight(s, " \n")
	if t == "" || strings.HasSuffix(t, "…") || strings.ContainsAny(t[len(t)-1:], ".!?;:)\"'") || strings.HasSuffix(t, "。") || strings.HasSuffix(t, "！") || strings.HasSuffix(t, "？") {
		return s
	}
	if sp := strings.LastIndexByte(t, ' '); sp > 0 {
		return t[:sp] + "…"
	}
	return s
}

// collapse turns line breaks and runs of spaces into single spaces, keeping
// the edge spaces that separate the excerpt from the match.
func collapse(s string) string {
	lead := strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n")
	trail := strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n")
	out := strings.Join(strings.Fields(s), " ")
	if out == "" {
		if lead || trail {
			return " "
		}
		return ""
	}
	if lead {
		out = " " + out
	}
	if trail {
		out += " "
	}
	return out
}

func tableOf(t rules.IngredientTable) tableView {
	tv := tableView{Source: t.Source}
	for _, r := range t.Ingredients {
		rv := rowView{Name: r.Name, Functions: functionsWords(r.Functions), Note: r.Note, Unknown: !r.InCosIng}
		for _, d := range r.DidYouMean {
			rv.DidYouMean = append(rv.DidYouMean, titleCase(d))
		}
		if r.Section != "" {
			rv.Name = r.Section + ": " + rv.Name
		}
		if r.MayContain {
			rv.Name += " (may contain)"
		}
		switch {
		case r.EVRelated:
			rv.EV, rv.EVClass = "Exosome / EV", "ev"
		case r.LookAlike:
			rv.EV, rv.EVClass = "Look-alike", "lookalike"
		}
		rv.Source = r.SourceKind
		if r.SourceDetail != "" {
			rv.Source += " (" + r.SourceDetail + ")"
		}
		rv.Annexes = r.Annexes
		tv.Rows = append(tv.Rows, rv)
	}
	for _, u := range t.Unparsed {
		tv.Unparsed = append(tv.Unparsed, u.Text)
	}
	return tv
}

// functionsWords lists the first four CosIng functions; the JSON has all.
func functionsWords(fs []string) string {
	if len(fs) > 4 {
		return strings.ToLower(strings.Join(fs[:4], ", ")) + ", …"
	}
	return strings.ToLower(strings.Join(fs, ", "))
}

// titleCase turns CosIng's capitals ("SODIUM HYALURONATE") into the way
// labels print names ("Sodium Hyaluronate"); words with digits ("PEG-40")
// stay as they are.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}

func pageKindWords(k rules.PageKind) string {
	switch k {
	case rules.PageProduct:
		return "a product page"
	case rules.PageClinic:
		return "a clinic's page"
	case rules.PageSupplier:
		return "a supplier's page"
	case rules.PageCatalog:
		return "a catalogue page"
	case rules.PageArticle:
		return "an article"
	}
	return ""
}

func testingWords(kind string) string {
	switch kind {
	case "characterization":
		return "characterisation of the vesicles (size, markers)"
	case "safety":
		return "safety testing"
	case "third-party":
		return "independent (third-party) testing"
	case "certificate":
		return "a certificate of analysis"
	case "clinical":
		return "a clinical or consumer study"
	}
	return kind
}

// sourceKinds names the kinds of source for the headline: "plant,
// human"; the details are in the page's source section.
func sourceKinds(gs []sourceGroup) string {
	kinds := make([]string, len(gs))
	for i, g := range gs {
		kinds[i] = g.Kind
	}
	return strings.Join(kinds, ", ")
}

// sourceGroup is one kind of source with its details, in page order.
type sourceGroup struct {
	Kind    string
	Details []string
	Listed  bool // only named in the ingredient list
}

func groupSources(ss []rules.SourceFact) []sourceGroup {
	var out []sourceGroup
	index := map[string]int{}
	seen := map[string]bool{}
	for _, s := range ss {
		i, ok := index[s.Kind]
		if !ok {
			i = len(out)
			index[s.Kind] = i
			out = append(out, sourceGroup{Kind: s.Kind, Listed: true})
		}
		out[i].Listed = out[i].Listed && s.InIngredients
		d := strings.ToLower(strings.TrimSpace(s.Detail))
		if d != "" && d != s.Kind && !seen[s.Kind+"\x00"+d] {
			seen[s.Kind+"\x00"+d] = true
			out[i].Details = append(out[i].Details, d)
		}
	}
	return out
}

func productLine(name, brand string) string {
	if brand != "" && name != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(brand)) {
		return name + " by " + brand
	}
	return name
}

func marketsLine(ms []rules.Market) string {
	if len(ms) == len(rules.AllMarkets()) {
		return "all markets"
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = marketName(m)
	}
	return strings.Join(parts, ", ")
}

func marketName(m rules.Market) string {
	switch m {
	case rules.US:
		return "United States"
	case rules.EU:
		return "European Union"
	case rules.UK:
		return "United Kingdom"
	case rules.KR:
		return "South Korea"
	case rules.JP:
		return "Japan"
	case rules.CN:
		return "China"
	case rules.TW:
		return "Taiwan"
	case rules.CA:
		return "Canada"
	}
	return strings.ToUpper(string(m))
}

// shareURL is the GET link that reproduces a check, or "" when it would be
// too long.
func shareURL(req checkRequest) string {
	q := url.Values{}
	q.Set(req.kind, req.input)
	if req.format != "" && req.kind == kindText {
		q.Set("format", req.format)
	}
	if len(req.markets) != len(rules.AllMarkets()) {
		parts := make([]string, len(req.markets))
		for i, m := range req.markets {
			parts[i] = string(m)
		}
		q.Set("market", strings.Join(parts, ","))
	}
	u := "/check?" + q.Encode()
	if len(u) > maxShareURL {
		return ""
	}
	return u
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
