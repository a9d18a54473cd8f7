package audit

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/reports/store"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// fetchMeta is what the audit knows about how a document was had.
type fetchMeta struct {
	at     time.Time
	status int
}

// result turns a checked document into the row the store keeps. doc is
// nil when the document could not be read.
func (r *Runner) result(pg store.Page, d *rules.DocResult, doc *scraper.Document, meta fetchMeta) *store.Result {
	l := store.Listing{ID: pg.ID, InputIdx: pg.InputIdx, N: pg.N, Kind: pg.Kind, Source: pg.Source, Host: pg.Host,
		Key: pg.Source, FetchedAt: store.Timestamp(meta.at), HTTPStatus: meta.status}
	return r.fill(l, d, doc)
}

// fill completes a listing from its check result.
func (r *Runner) fill(l store.Listing, d *rules.DocResult, doc *scraper.Document) *store.Result {
	p := d.Product
	l.Product, l.Brand, l.ProductID, l.SKU, l.GTIN, l.URL = p.Name, p.Brand, p.ID, p.SKU, p.GTIN, p.URL
	if doc != nil {
		l.ContentHash = doc.ContentHash()
	}
	if d.Err != nil {
		l.FetchError = oneLine(d.Err.Error())
	}
	f := d.Facts
	l.ExosomeClaim = f.ExosomeClaim
	l.SourceKinds = distinct(len(f.Sources), func(i int) string { return f.Sources[i].Kind })
	l.Testing = distinct(len(f.Testing), func(i int) string { return f.Testing[i].Kind })
	perRule := map[string]int{}
	res := &store.Result{}
	for _, fd := range d.Findings {
		switch fd.Severity {
		case rules.Error:
			l.Errors++
		case rules.Warning:
			l.Warnings++
		case rules.Info:
			l.Infos++
		}
		perRule[fd.Rule]++
		markets := make([]string, len(fd.Markets))
		for i, m := range fd.Markets {
			markets[i] = string(m)
		}
		res.Findings = append(res.Findings, store.Finding{Rule: fd.Rule, Severity: fd.Severity.String(), Markets: strings.Join(markets, ","),
			Line: fd.Start.Line, Col: fd.Start.Column, Match: fd.Match, Message: fd.Message, Context: fd.Context})
	}
	l.TopRules = topRules(perRule, 3)
	if len(d.Findings) > 0 {
		fd := d.Findings[worst(d.Findings)]
		l.FirstFinding = fmt.Sprintf("%s: %s (line %d)", fd.Rule, fd.Message, fd.Start.Line)
	}
	js, err := reports.DocumentJSON(d)
	if err != nil {
		js = []byte(errorJSON(d.Source, err.Error()))
	}
	l.Result = string(js)
	l.PageKind = string(f.PageKind)
	res.Listing = l
	return res
}

// worst is the index of the first finding of the highest severity.
func worst(fs []rules.Finding) int {
	best := 0
	for i, f := range fs {
		if f.Severity > fs[best].Severity {
			best = i
		}
	}
	return best
}

func distinct(n int, get func(int) string) string {
	var out []string
	seen := map[string]bool{}
	for i := range n {
		if k := get(i); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}

// topRules names the most frequent rules, "drug-claim ×2, hype-wording".
func topRules(per map[string]int, n int) string {
	ids := make([]string, 0, len(per))
	for id := range per {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if per[ids[i]] != per[ids[j]] {
			return per[ids[i]] > per[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	for i, id := range ids {
		if per[id] > 1 {
			ids[i] = fmt.Sprintf("%s ×%d", id, per[id])
		}
	}
	return strings.Join(ids, ", ")
}

// errorJSON is the document object of an input that could not be read.
func errorJSON(source, msg string) string {
	d := &rules.DocResult{Source: source, Err: errors.New(msg)}
	js, err := reports.DocumentJSON(d)
	if err != nil {
		return "{}"
	}
	return string(js)
}
