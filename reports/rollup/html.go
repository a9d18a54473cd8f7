package rollup

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/reports/store"
)

// The HTML report is one file that works offline: inline CSS, inline SVG
// charts, a little inline JavaScript for sorting, filtering and expanding,
// and no request to anywhere. It is written in three parts (head with the
// charts, one table body per listing, foot) so listings stream from the
// store.

//go:embed report.html.tmpl
var reportTemplate string

// HTMLOptions describe the report.
type HTMLOptions struct {
	Tool    reports.Tool
	Store   string // the store's file name, shown in the header
	Now     time.Time
	MaxBars int // bars per chart; 0 means 12
}

type bar struct {
	Label string
	N     int
	Width float64
	Y     int
}

type chart struct {
	Title  string
	ID     string
	Bars   []bar
	Height int
	Empty  string
}

func newChart(id, title string, counts []store.Count, limit int, empty string) chart {
	c := chart{ID: id, Title: title, Empty: empty}
	rest := 0
	for i, cnt := range counts {
		if i >= limit {
			rest += cnt.N
			continue
		}
		label := cnt.Label
		if label == "" {
			label = "(none)"
		}
		c.Bars = append(c.Bars, bar{Label: label, N: cnt.N})
	}
	if rest > 0 {
		c.Bars = append(c.Bars, bar{Label: "others", N: rest})
	}
	top := 0
	for _, b := range c.Bars {
		top = max(top, b.N)
	}
	for i := range c.Bars {
		c.Bars[i].Y = i * 22
		if top > 0 {
			c.Bars[i].Width = 260 * float64(c.Bars[i].N) / float64(top)
		}
	}
	c.Height = max(len(c.Bars)*22, 22)
	return c
}

type headData struct {
	Tool     reports.Tool
	Store    string
	Run      *store.Run
	Summary  store.RunSummary
	Inputs   string
	Now      string
	Charts   []chart
	Finished bool
}

type findingView struct {
	store.Finding
	Before, Match, After string
	Help                 string
}

type rowData struct {
	store.Listing
	Verdict  string
	Name     string
	Findings []findingView
}

// HTML writes the report of run.
func HTML(ctx context.Context, w io.Writer, db *store.Store, run int64, o HTMLOptions) error {
	t, err := template.New("report").Funcs(template.FuncMap{"lower": strings.ToLower, "cls": func(s string) string { return strings.ReplaceAll(s, " ", "-") }}).Parse(reportTemplate)
	if err != nil {
		return fmt.Errorf("html report template: %w", err)
	}
	r, err := db.Run(ctx, run)
	if err != nil {
		return err
	}
	sums, err := db.Runs(ctx)
	if err != nil {
		return err
	}
	head := headData{Tool: o.Tool, Store: o.Store, Run: r, Now: o.Now.Format(time.RFC1123), Finished: !r.Finished.IsZero()}
	for _, s := range sums {
		if s.ID == run {
			head.Summary = s
		}
	}
	var ins []string
	for _, in := range r.Inputs {
		ins = append(ins, in.Kind+" "+in.Value)
	}
	head.Inputs = strings.Join(ins, "; ")
	limit := o.MaxBars
	if limit <= 0 {
		limit = 12
	}
	for _, q := range []struct {
		id, title, empty string
		get              func(context.Context, int64) ([]store.Count, error)
	}{
		{"by-rule", "Findings by rule", "no findings", db.FindingsByRule},
		{"by-verdict", "Listings by verdict", "no listings", db.ListingsByVerdict},
		{"by-brand", "Listings by brand", "no listings", db.ListingsByBrand},
		{"by-market", "Listings with findings, by market", "no findings", db.ListingsByMarket},
	} {
		counts, err := q.get(ctx, run)
		if err != nil {
			return err
		}
		head.Charts = append(head.Charts, newChart(q.id, q.title, counts, limit, q.empty))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := t.ExecuteTemplate(bw, "head", head); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	err = db.Listings(ctx, run, store.ByInput, true, func(l *store.Listing, fs []store.Finding) error {
		row := rowData{Listing: *l, Verdict: verdict(l), Name: l.Product}
		if row.Name == "" {
			row.Name = l.Source
		}
		for _, f := range fs {
			v := findingView{Finding: f, Help: reports.HelpURL(f.Rule)}
			v.Before, v.Match, v.After = snippet(f.Context, f.Match)
			row.Findings = append(row.Findings, v)
		}
		if err := t.ExecuteTemplate(bw, "listing", row); err != nil {
			return fmt.Errorf("write html: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := t.ExecuteTemplate(bw, "foot", head); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// verdict is a listing's worst outcome, as the verdict chart counts it.
func verdict(l *store.Listing) string {
	switch {
	case l.FetchError != "":
		return "not read"
	case l.Errors > 0:
		return "errors"
	case l.Warnings > 0:
		return "warnings"
	case l.Infos > 0:
		return "infos only"
	}
	return "clean"
}

// snippet splits the sentence around a finding at its match, so the
// report can mark it. Without a sentence, the match alone is shown.
func snippet(context, match string) (string, string, string) {
	if context == "" {
		return "", match, ""
	}
	i := strings.Index(context, match)
	if i < 0 {
		i = strings.Index(strings.ToLower(context), strings.ToLower(match))
	}
	if i < 0 || match == "" {
		return context, "", ""
	}
	return context[:i], context[i : i+len(match)], context[i+len(match):]
}
