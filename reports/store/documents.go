package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Document kinds.
const (
	KindPage   = "page"   // a URL, fetched
	KindFile   = "file"   // a local file
	KindRecord = "record" // a feed record
)

// Page is a document listed before it is read: a URL or a file.
type Page struct {
	ID       int64
	InputIdx int
	N        int
	Kind     string
	Source   string
	Host     string // scheme://host:port for URLs; "" for files
}

// Listing is one document's row: what reports show.
type Listing struct {
	ID           int64
	InputIdx, N  int
	Kind         string
	Source       string
	Host         string
	Key          string
	Product      string
	Brand        string
	ProductID    string
	SKU, GTIN    string
	URL          string
	PageKind     string
	ExosomeClaim bool
	SourceKinds  string
	Testing      string
	Errors       int
	Warnings     int
	Infos        int
	TopRules     string
	FirstFinding string
	FetchError   string
	ContentHash  string
	FetchedAt    string
	HTTPStatus   int
	Result       string // the JSON contract's document object
}

// Finding is one finding of a listing.
type Finding struct {
	Rule, Severity, Markets string
	Line, Col               int
	Match, Message, Context string
}

// Result is a finished document to save.
type Result struct {
	Listing
	Findings []Finding
}

// Plan lists pages to read, in one transaction. A page already listed in
// this run (by URL) is skipped.
func (s *Store) Plan(ctx context.Context, run int64, pages []Page) error {
	if len(pages) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(err)
	}
	defer func() { _ = tx.Rollback() }()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO documents (run_id, input_idx, n, kind, source, host) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return s.wrap(err)
	}
	defer func() { _ = stmt.Close() }()
	for _, p := range pages {
		if _, err := stmt.ExecContext(ctx, run, p.InputIdx, p.N, p.Kind, p.Source, p.Host); err != nil {
			return s.wrap(err)
		}
	}
	return s.wrap(tx.Commit())
}

// PendingHosts lists the hosts that still have pages to read ("" stands
// for local files).
func (s *Store) PendingHosts(ctx context.Context, run int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT host FROM documents WHERE run_id = ? AND done = 0 ORDER BY host`, run)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, h)
	}
	return out, s.wrap(rows.Err())
}

// Pending returns up to limit pages of host still to read, after id.
func (s *Store) Pending(ctx context.Context, run int64, host string, after int64, limit int) ([]Page, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, input_idx, n, kind, source, host FROM documents
		WHERE run_id = ? AND done = 0 AND host = ? AND id > ? ORDER BY id LIMIT ?`, run, host, after, limit)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var out []Page
	for rows.Next() {
		var p Page
		if err := rows.Scan(&p.ID, &p.InputIdx, &p.N, &p.Kind, &p.Source, &p.Host); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, p)
	}
	return out, s.wrap(rows.Err())
}

// Counts returns how many documents of a run are done and still to do.
func (s *Store) Counts(ctx context.Context, run int64) (done, pending int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(done), 0), coalesce(sum(1 - done), 0) FROM documents WHERE run_id = ?`, run).Scan(&done, &pending)
	return done, pending, s.wrap(err)
}

// DoneRecords returns the record numbers of a feed input already done, in
// order.
func (s *Store) DoneRecords(ctx context.Context, run int64, input int) ([]int32, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n FROM documents WHERE run_id = ? AND input_idx = ? AND done = 1 ORDER BY n`, run, input)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var out []int32
	for rows.Next() {
		var n int32
		if err := rows.Scan(&n); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, n)
	}
	return out, s.wrap(rows.Err())
}

// Save commits finished documents in one transaction. A listed page is
// marked done; a feed record is added. A document already done (by an
// earlier, interrupted attempt) is left as it is, so no row is written
// twice. It returns how many were new.
func (s *Store) Save(ctx context.Context, run int64, results []*Result) (int, error) {
	// Commit even when ctx is cancelled: these documents are finished
	// and an interrupted run must keep them.
	ctx = context.WithoutCancel(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.wrap(err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := prepareSave(ctx, tx)
	if err != nil {
		return 0, s.wrap(err)
	}
	defer st.close()
	saved := 0
	for _, r := range results {
		id, ok, err := st.listing(ctx, run, &r.Listing)
		if err != nil {
			return 0, s.wrap(err)
		}
		if !ok {
			continue
		}
		saved++
		for _, f := range r.Findings {
			if _, err := st.finding.ExecContext(ctx, id, run, f.Rule, f.Severity, f.Markets, f.Line, f.Col, f.Match, f.Message, f.Context); err != nil {
				return 0, s.wrap(err)
			}
		}
	}
	return saved, s.wrap(tx.Commit())
}

// saveStmts are Save's statements, prepared once per transaction.
type saveStmts struct {
	update, insert, updateNew, finding *sql.Stmt
}

func prepareSave(ctx context.Context, tx *sql.Tx) (*saveStmts, error) {
	var st saveStmts
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&st.update, `UPDATE documents SET ` + listingSet + ` WHERE id = ? AND done = 0`},
		{&st.insert, `INSERT INTO documents (run_id, input_idx, n, kind, source, host) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&st.updateNew, `UPDATE documents SET ` + listingSet + ` WHERE id = ?`},
		{&st.finding, `INSERT INTO findings (doc_id, run_id, rule, severity, markets, line, col, match, message, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = stmt
	}
	return &st, nil
}

func (st *saveStmts) close() {
	for _, s := range []*sql.Stmt{st.update, st.insert, st.updateNew, st.finding} {
		if s != nil {
			_ = s.Close()
		}
	}
}

// listing writes one listing: a listed page is marked done, a feed record
// is added. It reports false when the document was already done.
func (st *saveStmts) listing(ctx context.Context, run int64, l *Listing) (int64, bool, error) {
	if l.ID > 0 {
		res, err := st.update.ExecContext(ctx, append(listingArgs(l), l.ID)...)
		if err != nil {
			return 0, false, err
		}
		n, err := res.RowsAffected()
		return l.ID, n == 1, err
	}
	res, err := st.insert.ExecContext(ctx, run, l.InputIdx, l.N, l.Kind, l.Source, l.Host)
	if err != nil {
		return 0, false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, false, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, false, err
	}
	if _, err := st.updateNew.ExecContext(ctx, append(listingArgs(l), id)...); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

const listingSet = `listing_key = ?, product = ?, brand = ?, product_id = ?, sku = ?, gtin = ?, url = ?, page_kind = ?,
	exosome_claim = ?, source_kinds = ?, testing = ?, errors = ?, warnings = ?, infos = ?, top_rules = ?,
	first_finding = ?, fetch_error = ?, content_hash = ?, fetched_at = ?, http_status = ?, result = ?, done = 1`

func listingArgs(l *Listing) []any {
	return []any{l.Key, l.Product, l.Brand, l.ProductID, l.SKU, l.GTIN, l.URL, l.PageKind,
		l.ExosomeClaim, l.SourceKinds, l.Testing, l.Errors, l.Warnings, l.Infos, l.TopRules,
		l.FirstFinding, l.FetchError, l.ContentHash, l.FetchedAt, l.HTTPStatus, l.Result}
}

const listingColumns = `d.id, d.input_idx, d.n, d.kind, d.source, d.host, d.listing_key, d.product, d.brand, d.product_id, d.sku, d.gtin, d.url,
	d.page_kind, d.exosome_claim, d.source_kinds, d.testing, d.errors, d.warnings, d.infos, d.top_rules, d.first_finding,
	d.fetch_error, d.content_hash, d.fetched_at, d.http_status, d.result`

func listingDest(l *Listing) []any {
	return []any{&l.ID, &l.InputIdx, &l.N, &l.Kind, &l.Source, &l.Host, &l.Key, &l.Product, &l.Brand, &l.ProductID, &l.SKU, &l.GTIN, &l.URL,
		&l.PageKind, &l.ExosomeClaim, &l.SourceKinds, &l.Testing, &l.Errors, &l.Warnings, &l.Infos, &l.TopRules, &l.FirstFinding,
		&l.FetchError, &l.ContentHash, &l.FetchedAt, &l.HTTPStatus, &l.Result}
}

// Order of listings in reports and diffs.
const (
	ByInput = "d.input_idx, d.n"    // as the inputs listed them
	ByKey   = "d.listing_key, d.id" // for matching two runs
)

// Listings streams the done documents of a run, one at a time, with
// their findings in document order when withFindings is set: memory does
// not grow with the run. fn must not keep the findings slice.
func (s *Store) Listings(ctx context.Context, run int64, order string, withFindings bool, fn func(*Listing, []Finding) error) error {
	if order != ByKey {
		order = ByInput
	}
	query := `SELECT ` + listingColumns + `, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
		FROM documents d WHERE d.run_id = ? AND d.done = 1 ORDER BY ` + order
	if withFindings {
		query = `SELECT ` + listingColumns + `,
		f.rule, f.severity, f.markets, f.line, f.col, f.match, f.message, f.context
		FROM documents d LEFT JOIN findings f ON f.doc_id = d.id
		WHERE d.run_id = ? AND d.done = 1 ORDER BY ` + order + `, f.rowid`
	}
	rows, err := s.db.QueryContext(ctx, query, run)
	if err != nil {
		return s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var (
		cur      *Listing
		findings []Finding
	)
	for rows.Next() {
		var l Listing
		var rule, sev, markets, match, msg, fctx sql.NullString
		var line, col sql.NullInt64
		if err := rows.Scan(append(listingDest(&l), &rule, &sev, &markets, &line, &col, &match, &msg, &fctx)...); err != nil {
			return s.wrap(err)
		}
		if cur == nil || cur.ID != l.ID {
			if cur != nil {
				if err := fn(cur, findings); err != nil {
					return err
				}
			}
			cur, findings = &l, findings[:0]
		}
		if rule.Valid {
			findings = append(findings, Finding{Rule: rule.String, Severity: sev.String, Markets: markets.String,
				Line: int(line.Int64), Col: int(col.Int64), Match: match.String, Message: msg.String, Context: fctx.String})
		}
	}
	if err := rows.Err(); err != nil {
		return s.wrap(err)
	}
	if cur != nil {
		return fn(cur, findings)
	}
	return nil
}

// Count is a label and how many.
type Count struct {
	Label string
	N     int
}

// FindingsByRule counts a run's findings per rule, most first.
func (s *Store) FindingsByRule(ctx context.Context, run int64) ([]Count, error) {
	return s.counts(ctx, `SELECT rule, count(*) FROM findings WHERE run_id = ? GROUP BY rule ORDER BY count(*) DESC, rule`, run)
}

// ListingsByBrand counts listings per brand, most first ("" for none).
func (s *Store) ListingsByBrand(ctx context.Context, run int64) ([]Count, error) {
	return s.counts(ctx, `SELECT brand, count(*) FROM documents WHERE run_id = ? AND done = 1 GROUP BY brand ORDER BY count(*) DESC, brand`, run)
}

// ListingsByVerdict counts listings by their worst outcome: not read,
// errors, warnings only, infos only, clean.
func (s *Store) ListingsByVerdict(ctx context.Context, run int64) ([]Count, error) {
	return s.counts(ctx, `SELECT CASE WHEN fetch_error != '' THEN 'not read' WHEN errors > 0 THEN 'errors'
		WHEN warnings > 0 THEN 'warnings' WHEN infos > 0 THEN 'infos only' ELSE 'clean' END AS v, count(*)
		FROM documents WHERE run_id = ? AND done = 1 GROUP BY v ORDER BY count(*) DESC, v`, run)
}

// ListingsByMarket counts, per market, the listings with at least one
// finding that applies there.
func (s *Store) ListingsByMarket(ctx context.Context, run int64) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT doc_id, markets FROM findings WHERE run_id = ? ORDER BY doc_id`, run)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	// Markets are few; the set of (doc, market) pairs is counted as the
	// rows stream, holding only the last document's markets.
	perMarket := map[string]int{}
	var lastDoc int64 = -1
	seen := map[string]bool{}
	for rows.Next() {
		var doc int64
		var ms string
		if err := rows.Scan(&doc, &ms); err != nil {
			return nil, s.wrap(err)
		}
		if doc != lastDoc {
			lastDoc, seen = doc, map[string]bool{}
		}
		for _, m := range strings.Split(ms, ",") {
			if m != "" && !seen[m] {
				seen[m] = true
				perMarket[m]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err)
	}
	out := make([]Count, 0, len(perMarket))
	for m, n := range perMarket {
		out = append(out, Count{Label: m, N: n})
	}
	sortCounts(out)
	return out, nil
}

func (s *Store) counts(ctx context.Context, query string, args ...any) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Label, &c.N); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, c)
	}
	return out, s.wrap(rows.Err())
}

func sortCounts(cs []Count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Label < cs[j].Label
	})
}

// Timestamp formats a fetch time the way the store keeps it.
func Timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// String names a run for messages.
func (r *Run) String() string { return fmt.Sprintf("run %d", r.ID) }
