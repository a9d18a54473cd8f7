package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// outputName is the file scraper/inci/cosing embeds; keep the two in step.
const outputName = "cosing.tsv.gz"

const inventoryFile = "COSING_Ingredients-Fragrance Inventory_v2.xlsx"

var (
	errNoHeader = errors.New("header row not found")
	errNoColumn = errors.New("column not found")
	errNoDate   = errors.New("last-update date not found")
)

// annexFiles lists the annexes in the order they are written.
func annexFiles() []struct{ annex, file string } {
	return []struct{ annex, file string }{
		{"II", "COSING_Annex_II_v2.xlsx"},
		{"III", "COSING_Annex_III_v2.xlsx"},
		{"IV", "COSING_Annex_IV_v2.xlsx"},
		{"V", "COSING_Annex_V_v2.xlsx"},
		{"VI", "COSING_Annex_VI_v2.xlsx"},
	}
}

type ingredient struct {
	name      string
	functions []string
	annex     []string
}

type annexEntry struct {
	annex, ref, substance, conditions string
	identified                        []string
}

type dataset struct {
	inventoryDate, annexDate, annexCreated string
	inventory                              []ingredient
	annex                                  []annexEntry
}

func load(src string) (*dataset, error) {
	ds := &dataset{}
	if err := ds.loadInventory(filepath.Join(src, inventoryFile)); err != nil {
		return nil, err
	}
	for _, a := range annexFiles() {
		if err := ds.loadAnnex(a.annex, filepath.Join(src, a.file)); err != nil {
			return nil, err
		}
	}
	return ds, nil
}

func readRows(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	defer func() { _ = f.Close() }()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: no sheets: %w", filepath.Base(path), errNoHeader)
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return rows, nil
}

var dateRe = regexp.MustCompile(`\d{2}/\d{2}/\d{4}`)

// findDate returns the first dd/mm/yyyy date on a row whose text contains key.
func findDate(rows [][]string, key string, limit int) string {
	for i := 0; i < len(rows) && i < limit; i++ {
		line := strings.Join(rows[i], " ")
		if strings.Contains(strings.ToLower(line), key) {
			if d := dateRe.FindString(line); d != "" {
				return d
			}
		}
	}
	return ""
}

func (ds *dataset) loadInventory(path string) error {
	rows, err := readRows(path)
	if err != nil {
		return err
	}
	ds.inventoryDate = findDate(rows, "last update", 20)
	if ds.inventoryDate == "" {
		return fmt.Errorf("inventory: %w", errNoDate)
	}
	hdr := -1
	for i := 0; i < len(rows) && i < 20; i++ {
		if slices.Contains(rows[i], "INCI name") {
			hdr = i
			break
		}
	}
	if hdr < 0 {
		return fmt.Errorf("inventory: %w", errNoHeader)
	}
	col := func(name string) int { return slices.Index(rows[hdr], name) }
	cName, cRestr, cFunc := col("INCI name"), col("Restriction"), col("Function")
	if cName < 0 || cRestr < 0 || cFunc < 0 {
		return fmt.Errorf("inventory: %w", errNoColumn)
	}
	seen := map[string]bool{}
	for _, r := range rows[hdr+1:] {
		name := clean(cell(r, cName))
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		ing := ingredient{name: name}
		for _, fn := range strings.Split(cell(r, cFunc), ",") {
			if fn = clean(fn); fn != "" {
				ing.functions = append(ing.functions, fn)
			}
		}
		// The source stores line breaks as "_x000D_\n"; any whitespace separates refs.
		restr := strings.ReplaceAll(cell(r, cRestr), "_x000D_", " ")
		ing.annex = append(ing.annex, strings.Fields(restr)...)
		ds.inventory = append(ds.inventory, ing)
	}
	sort.Slice(ds.inventory, func(i, j int) bool { return ds.inventory[i].name < ds.inventory[j].name })
	return nil
}

func (ds *dataset) loadAnnex(annex, path string) error {
	rows, err := readRows(path)
	if err != nil {
		return err
	}
	date := findDate(rows, "last update", 10)
	created := findDate(rows, "creation date", 10)
	if date == "" {
		return fmt.Errorf("annex %s: %w", annex, errNoDate)
	}
	// All annex files come from one download; the newest date wins if they ever differ.
	if ds.annexDate == "" || laterDate(date, ds.annexDate) {
		ds.annexDate = date
	}
	if ds.annexCreated == "" || laterDate(created, ds.annexCreated) {
		ds.annexCreated = created
	}
	hdr := -1
	for i := 0; i+1 < len(rows) && i < 20; i++ {
		if len(rows[i]) > 0 && rows[i][0] == "Reference Number" {
			hdr = i
			break
		}
	}
	if hdr < 0 {
		return fmt.Errorf("annex %s: %w", annex, errNoHeader)
	}
	// Two-row header: the second row names sub-columns, the first row the rest.
	names := make([]string, max(len(rows[hdr]), len(rows[hdr+1])))
	for j := range names {
		names[j] = strings.ToLower(strings.TrimSpace(cell(rows[hdr+1], j)))
		if names[j] == "" {
			names[j] = strings.ToLower(strings.TrimSpace(cell(rows[hdr], j)))
		}
	}
	find := func(pred func(string) bool) int { return slices.IndexFunc(names, pred) }
	has := func(s string) func(string) bool { return func(n string) bool { return strings.Contains(n, s) } }
	cSubst := find(has("chemical name"))
	cIdent := find(has("identified ingredients"))
	if cSubst < 0 || cIdent < 0 {
		return fmt.Errorf("annex %s: %w", annex, errNoColumn)
	}
	cGloss := find(has("common ingredients glossary"))
	conds := []struct {
		label string
		col   int
	}{
		{"Colour", find(func(n string) bool { return n == "color" || n == "colour" })},
		{"Product type", find(has("product type"))},
		{"Maximum concentration", find(has("maximum concentration"))},
		{"Other", find(func(n string) bool { return n == "other" })},
		{"Conditions and warnings", find(has("wording of conditions"))},
	}
	for _, r := range rows[hdr+2:] {
		ref := clean(cell(r, 0))
		if ref == "" {
			continue
		}
		e := annexEntry{annex: annex, ref: ref, substance: oneLine(cell(r, cSubst))}
		var parts []string
		for _, c := range conds {
			if v := oneLine(cell(r, c.col)); c.col >= 0 && v != "" && v != "-" {
				parts = append(parts, c.label+": "+v)
			}
		}
		e.conditions = strings.Join(parts, "; ")
		seen := map[string]bool{}
		add := func(n string) {
			if n = clean(n); n != "" && n != "-" && !seen[strings.ToUpper(n)] {
				seen[strings.ToUpper(n)] = true
				e.identified = append(e.identified, n)
			}
		}
		for _, n := range strings.Split(cell(r, cIdent), "\n") {
			add(n)
		}
		if cGloss >= 0 {
			// The glossary column holds the INCI name(s) the entry is about, e.g. "BENZOIC ACID; SODIUM BENZOATE".
			for _, n := range strings.FieldsFunc(cell(r, cGloss), func(c rune) bool { return c == ';' || c == '/' || c == '\n' }) {
				add(n)
			}
		}
		ds.annex = append(ds.annex, e)
	}
	return nil
}

// laterDate compares dd/mm/yyyy strings.
func laterDate(a, b string) bool {
	key := func(d string) string {
		if len(d) != 10 {
			return ""
		}
		return d[6:] + d[3:5] + d[:2]
	}
	return key(a) > key(b)
}

func cell(r []string, i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return r[i]
}

// clean trims a name and repairs the encoding slips the exports are known to
// carry (PROVENANCE.md): double-encoded UTF-8, NBSP and soft hyphens.
func clean(s string) string {
	s = fixMojibake(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u00ad", "")
	return strings.Join(strings.Fields(s), " ")
}

func oneLine(s string) string {
	return clean(strings.ReplaceAll(s, "_x000D_", " "))
}

func fixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÃÂâ") {
		return s
	}
	// The slips are UTF-8 bytes that were read as Windows-1252 and re-encoded,
	// so encoding back to Windows-1252 recovers the original bytes.
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil || !utf8.Valid(b) {
		return s
	}
	return string(b)
}

// escape keeps a field on one TSV line.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", "").Replace(s)
}

// write emits the gzip'd TSV. Function names go through a small dictionary
// because 30,000 rows share 81 of them. Output is byte-for-byte deterministic
// (no gzip timestamp), so re-running the generator on the same exports makes
// no diff.
func (ds *dataset) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	bw := bufio.NewWriter(zw)
	// bufio errors are sticky, but keep the first one explicitly.
	var werr error
	printf := func(format string, a ...any) {
		if werr == nil {
			_, werr = fmt.Fprintf(bw, format, a...)
		}
	}
	printf("%s\n", "# exolint CosIng extract, generated by cmd/cosinggen; do not edit by hand.")
	printf("%s\n", "# Source: European Commission, CosIng database (https://ec.europa.eu/growth/tools-databases/cosing/).")
	printf("%s\n", "# Reuse under Commission Decision 2011/833/EU. Not a legal text; the binding annexes are in Regulation (EC) No 1223/2009.")
	printf("%s\n", "# Lines: D key value | F index function | I name function-indexes annex-refs | A annex ref substance conditions identified-names...")
	printf("D\tinventory\t%s\n", ds.inventoryDate)
	printf("D\tannexes\t%s\n", ds.annexDate)
	printf("D\tannex_files_created\t%s\n", ds.annexCreated)

	funcIdx := map[string]int{}
	var funcs []string
	for _, ing := range ds.inventory {
		for _, f := range ing.functions {
			if _, ok := funcIdx[f]; !ok {
				funcIdx[f] = -1
				funcs = append(funcs, f)
			}
		}
	}
	sort.Strings(funcs)
	for i, f := range funcs {
		funcIdx[f] = i
		printf("F\t%d\t%s\n", i, escape(f))
	}
	for _, ing := range ds.inventory {
		idx := make([]string, len(ing.functions))
		for i, f := range ing.functions {
			idx[i] = fmt.Sprint(funcIdx[f])
		}
		printf("I\t%s\t%s\t%s\n", escape(ing.name), strings.Join(idx, ","), escape(strings.Join(ing.annex, ";")))
	}
	for _, e := range ds.annex {
		fields := []string{"A", e.annex, escape(e.ref), escape(e.substance), escape(e.conditions)}
		for _, n := range e.identified {
			fields = append(fields, escape(n))
		}
		printf("%s\n", strings.Join(fields, "\t"))
	}
	if werr != nil {
		return fmt.Errorf("write: %w", werr)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gzip close: %w", err)
	}
	return nil
}
