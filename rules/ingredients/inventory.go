package ingredients

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/exolint/exolint/scraper/inci/cosing"
)

// errBadInventory is the data package's error, so both report alike.
var errBadInventory = cosing.ErrBadData

// Entry is one CosIng inventory ingredient.
type Entry struct {
	Name      string   // INCI name as CosIng writes it (upper case)
	Functions []string // CosIng functions, e.g. "SKIN CONDITIONING"
	Annex     []string // annex references, e.g. "II/416", "III/14"
}

// AnnexEntry is one entry of an annex to Regulation (EC) No 1223/2009.
type AnnexEntry struct {
	Annex      string // "II", "III", "IV", "V", "VI"
	Ref        string // reference number, e.g. "416", "2a"
	Substance  string // chemical name / INN as the annex gives it
	Conditions string // product type, maximum concentration, other limits, warnings (empty for Annex II)
}

// Inventory is the embedded CosIng extract.
type Inventory struct {
	entries       []Entry
	byKey         map[string]int  // normalised name -> index in entries
	names         []string        // entries[i].Name, for fuzzy candidates
	byLen         map[int][]int   // name length -> indexes, for edit-distance candidates
	byFirst       map[byte]bucket // first letter -> names, for fuzzy candidates
	annex         []AnnexEntry
	annexByRef    map[string]int   // "II/416" -> index in annex
	annexByName   map[string][]int // normalised identified name -> indexes in annex
	inventoryDate string
	annexDate     string
}

// LoadInventory parses the embedded CosIng extract. It takes tens of
// milliseconds, so call it once per run.
func LoadInventory() (*Inventory, error) {
	zr, err := cosing.Open()
	if err != nil {
		return nil, err
	}
	defer func() { _ = zr.Close() }()
	inv := &Inventory{
		byKey:       make(map[string]int, 31000),
		byLen:       map[int][]int{},
		byFirst:     map[byte]bucket{},
		annexByRef:  map[string]int{},
		annexByName: map[string][]int{},
	}
	var funcs []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		for i := range f {
			f[i] = unescape(f[i])
		}
		switch {
		case f[0] == "D" && len(f) == 3:
			switch f[1] {
			case "inventory":
				inv.inventoryDate = f[2]
			case "annexes":
				inv.annexDate = f[2]
			}
		case f[0] == "F" && len(f) == 3:
			funcs = append(funcs, f[2])
		case f[0] == "I" && len(f) == 4:
			e := Entry{Name: f[1]}
			if f[2] != "" {
				for _, n := range strings.Split(f[2], ",") {
					i, err := strconv.Atoi(n)
					if err != nil || i < 0 || i >= len(funcs) {
						return nil, fmt.Errorf("line %d: function index %q: %w", line, n, errBadInventory)
					}
					e.Functions = append(e.Functions, funcs[i])
				}
			}
			if f[3] != "" {
				e.Annex = strings.Split(f[3], ";")
			}
			idx := len(inv.entries)
			inv.entries = append(inv.entries, e)
			inv.names = append(inv.names, e.Name)
			inv.byKey[normKey(e.Name)] = idx
			inv.byLen[len(e.Name)] = append(inv.byLen[len(e.Name)], idx)
			if e.Name != "" {
				b := inv.byFirst[e.Name[0]]
				b.names = append(b.names, e.Name)
				b.idx = append(b.idx, idx)
				inv.byFirst[e.Name[0]] = b
			}
		case f[0] == "A" && len(f) >= 5:
			idx := len(inv.annex)
			inv.annex = append(inv.annex, AnnexEntry{Annex: f[1], Ref: f[2], Substance: f[3], Conditions: f[4]})
			inv.annexByRef[f[1]+"/"+f[2]] = idx
			for _, n := range f[5:] {
				k := normKey(n)
				inv.annexByName[k] = append(inv.annexByName[k], idx)
			}
		default:
			return nil, fmt.Errorf("line %d: %w", line, errBadInventory)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CosIng data: %w", err)
	}
	if len(inv.entries) == 0 || inv.inventoryDate == "" {
		return nil, fmt.Errorf("no inventory rows: %w", errBadInventory)
	}
	return inv, nil
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Source is the attribution line CosIng's reuse policy asks for, with the
// data dates.
func (inv *Inventory) Source() string {
	return fmt.Sprintf("Source: European Commission, CosIng database (inventory %s; annexes %s)", inv.inventoryDate, inv.annexDate)
}

// Len returns the number of inventory ingredients.
func (inv *Inventory) Len() int { return len(inv.entries) }

// normKey folds case, spacing, dashes and trailing marks so label spellings
// meet CosIng's: "Alcohol Denat." = "ALCOHOL DENAT", "Caprylic / Capric" =
// "CAPRYLIC/CAPRIC". The scraper reads names the same way (cosing.Key).
func normKey(s string) string { return cosing.Key(s) }

// candidates lists the spellings of a label name to try, most literal first:
// "Aqua (Water)" -> "AQUA (WATER)", "AQUA", "WATER"; "Aqua/Water/Eau" ->
// the whole, then each part.
func candidates(name string) []string { return cosing.Candidates(name) }

// Lookup finds a name in the inventory, tolerating case, spacing, bracketed
// synonyms ("Aqua (Water)"), slash synonyms ("Aqua/Water/Eau") and trailing
// footnote marks.
func (inv *Inventory) Lookup(name string) (Entry, bool) {
	for _, c := range candidates(name) {
		if i, ok := inv.byKey[c]; ok {
			return inv.entries[i], true
		}
	}
	return Entry{}, false
}

// Suggest returns up to n inventory names close to a misspelt name, best
// first ("Sodium Hyaluronte" -> "SODIUM HYALURONATE"). Candidates come from
// fuzzy subsequence matching and from names of similar length; they are
// ranked by edit distance, and only plausible typos are kept.
func (inv *Inventory) Suggest(name string, n int) []string {
	q := normKey(name)
	if q == "" || n <= 0 {
		return nil
	}
	limit := max(2, len(q)/5)
	type scored struct {
		name string
		d    int
	}
	seen := map[int]bool{}
	var best []scored
	consider := func(i int) {
		if seen[i] {
			return
		}
		seen[i] = true
		if d := levenshtein(q, inv.names[i], limit); d <= limit {
			best = append(best, scored{inv.names[i], d})
		}
	}
	// Typos rarely hit the first letter; matching within its bucket keeps
	// the subsequence search to a few thousand names.
	bk := inv.byFirst[q[0]]
	for _, m := range fuzzy.FindFrom(q, bk) {
		consider(bk.idx[m.Index])
		if len(seen) >= 200 {
			break
		}
	}
	// Transpositions and dropped letters are not subsequences; names of
	// about the same length cover them.
	for l := len(q) - limit; l <= len(q)+limit; l++ {
		for _, i := range inv.byLen[l] {
			if inv.names[i][0] == q[0] || len(q) > 1 && len(inv.names[i]) > 1 && inv.names[i][1] == q[1] {
				consider(i)
			}
		}
	}
	sort.SliceStable(best, func(a, b int) bool {
		if best[a].d != best[b].d {
			return best[a].d < best[b].d
		}
		return best[a].name < best[b].name
	})
	var out []string
	for _, s := range best {
		if s.d == 0 {
			continue // an exact match is not a suggestion
		}
		out = append(out, s.name)
		if len(out) == n {
			break
		}
	}
	return out
}

// bucket is a fuzzy.Source over the names sharing a first letter.
type bucket struct {
	names []string
	idx   []int
}

func (b bucket) String(i int) string { return b.names[i] }
func (b bucket) Len() int            { return len(b.names) }

// levenshtein returns the edit distance of a and b (bytes), or limit+1 once
// it is certain to exceed limit.
func levenshtein(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// AnnexII returns the prohibited-substance entries that match a name, by
// CosIng's identified-ingredient links or by the inventory's Restriction
// column.
func (inv *Inventory) AnnexII(name string) []AnnexEntry { return inv.annexFor("II", name) }

// AnnexIII returns the restricted-substance entries (with their conditions)
// that match a name.
func (inv *Inventory) AnnexIII(name string) []AnnexEntry { return inv.annexFor("III", name) }

// Annexes returns matching entries of every annex (II to VI).
func (inv *Inventory) Annexes(name string) []AnnexEntry { return inv.annexFor("", name) }

func (inv *Inventory) annexFor(annex, name string) []AnnexEntry {
	var out []AnnexEntry
	seen := map[int]bool{}
	add := func(i int) {
		if !seen[i] && (annex == "" || inv.annex[i].Annex == annex) {
			seen[i] = true
			out = append(out, inv.annex[i])
		}
	}
	for _, c := range candidates(name) {
		for _, i := range inv.annexByName[c] {
			add(i)
		}
	}
	// The inventory (2023) may point to entries the annex (2026) no longer
	// links by name; honour both, per PROVENANCE.md.
	if e, ok := inv.Lookup(name); ok {
		for _, ref := range e.Annex {
			if i, ok := inv.annexByRef[ref]; ok {
				add(i)
			}
		}
	}
	return out
}
