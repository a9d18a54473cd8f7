// Package rollup writes an audit run from the store as a spreadsheet
// (CSV), the JSON document contract one per line (JSONL), and one
// self-contained HTML report, and compares two runs. Every writer streams
// listings from the store: memory does not grow with the run.
package rollup

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exolint/exolint/reports/store"
)

// csvHeader names the CSV columns, one row per listing.
func csvHeader() []string {
	return []string{"source", "id", "sku", "gtin", "url", "product", "brand", "page_kind", "exosome_claim",
		"source_kinds", "testing", "errors", "warnings", "infos", "top_rules", "first_finding", "fetch_error",
		"http_status", "fetched_at", "listing_key"}
}

// CSV writes one row per listing of run.
func CSV(ctx context.Context, w io.Writer, db *store.Store, run int64) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	err := db.Listings(ctx, run, store.ByInput, false, func(l *store.Listing, _ []store.Finding) error {
		status := ""
		if l.HTTPStatus != 0 {
			status = strconv.Itoa(l.HTTPStatus)
		}
		claim := "no"
		if l.ExosomeClaim {
			claim = "yes"
		}
		if l.FetchError != "" {
			claim = ""
		}
		row := []string{l.Source, l.ProductID, l.SKU, l.GTIN, l.URL, l.Product, l.Brand, l.PageKind, claim,
			l.SourceKinds, l.Testing, strconv.Itoa(l.Errors), strconv.Itoa(l.Warnings), strconv.Itoa(l.Infos),
			l.TopRules, l.FirstFinding, l.FetchError, status, l.FetchedAt, l.Key}
		for i := range row {
			row[i] = SafeCell(row[i])
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// SafeCell defuses spreadsheet formulas (CSV injection): a cell a
// spreadsheet would evaluate, one starting with = + - @ or a tab or
// carriage return, gets a leading apostrophe, as OWASP advises. Product
// copy comes from sites the auditor does not control. Line breaks become
// spaces so one listing stays one line in tools that read line by line.
func SafeCell(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		// A plain negative number is data, not a formula.
		if _, err := strconv.ParseFloat(s, 64); err == nil && s[0] == '-' {
			return s
		}
		return "'" + s
	}
	return s
}

// JSONL writes each listing's JSON document, one per line: the same
// object `exolint check --format json` writes in "documents".
func JSONL(ctx context.Context, w io.Writer, db *store.Store, run int64) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	err := db.Listings(ctx, run, store.ByInput, false, func(l *store.Listing, _ []store.Finding) error {
		if _, err := bw.WriteString(l.Result); err != nil {
			return fmt.Errorf("write jsonl: %w", err)
		}
		return bw.WriteByte('\n')
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write jsonl: %w", err)
	}
	return nil
}
