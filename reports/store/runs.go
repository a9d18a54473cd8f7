package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Input is one thing an audit was asked to read.
type Input struct {
	Kind  string `json:"kind"` // sitemap, feed, urls, target
	Value string `json:"value"`
}

// Run is one audit.
type Run struct {
	ID       int64
	Started  time.Time
	Finished time.Time // zero while unfinished
	Planned  bool      // its page list is complete
	Inputs   []Input
	Options  json.RawMessage
	Version  string
}

// RunSummary is a run with its counts, for `audit runs`.
type RunSummary struct {
	Run
	Documents, Pending, Failed int
	Errors, Warnings, Infos    int
}

const timeLayout = time.RFC3339Nano

func nowText() string { return time.Now().UTC().Format(timeLayout) }

// NewRun records a new run.
func (s *Store) NewRun(ctx context.Context, inputs []Input, options any, version string) (*Run, error) {
	in, err := json.Marshal(inputs)
	if err != nil {
		return nil, fmt.Errorf("record inputs: %w", err)
	}
	opts, err := json.Marshal(options)
	if err != nil {
		return nil, fmt.Errorf("record options: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = tx.Rollback() }()
	started := nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO runs (started_at, inputs, options, tool_version) VALUES (?, ?, ?, ?)`, started, string(in), string(opts), version)
	if err != nil {
		return nil, s.wrap(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return nil, s.wrap(err)
	}
	for i, x := range inputs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO inputs (run_id, idx, kind, value) VALUES (?, ?, ?, ?)`, id, i, x.Kind, x.Value); err != nil {
			return nil, s.wrap(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, s.wrap(err)
	}
	return s.Run(ctx, id)
}

const runColumns = `id, started_at, coalesce(finished_at, ''), planned, inputs, options, tool_version`

func scanRun(sc interface{ Scan(...any) error }) (*Run, error) {
	var (
		r                  Run
		started, finished  string
		inputs, opts, vers string
	)
	if err := sc.Scan(&r.ID, &started, &finished, &r.Planned, &inputs, &opts, &vers); err != nil {
		return nil, err
	}
	r.Started, _ = time.Parse(timeLayout, started)
	if finished != "" {
		r.Finished, _ = time.Parse(timeLayout, finished)
	}
	if err := json.Unmarshal([]byte(inputs), &r.Inputs); err != nil {
		return nil, fmt.Errorf("run %d inputs: %w", r.ID, err)
	}
	r.Options, r.Version = json.RawMessage(opts), vers
	return &r, nil
}

// Run returns run id.
func (s *Store) Run(ctx context.Context, id int64) (*Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runColumns+` FROM runs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w %d in %s", ErrNoRun, id, s.path)
	}
	if err != nil {
		return nil, s.wrap(err)
	}
	return r, nil
}

// LatestUnfinished returns the newest run that has not finished, or nil.
func (s *Store) LatestUnfinished(ctx context.Context) (*Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runColumns+` FROM runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, s.wrap(err)
	}
	return r, nil
}

// LastRuns returns the ids of the newest n runs, newest last.
func (s *Store) LastRuns(ctx context.Context, n int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM runs ORDER BY id DESC LIMIT ?`, n)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, s.wrap(err)
		}
		ids = append([]int64{id}, ids...)
	}
	return ids, s.wrap(rows.Err())
}

// Runs lists every run, oldest first, with its counts.
func (s *Store) Runs(ctx context.Context) ([]RunSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+runColumns+`,
		(SELECT count(*) FROM documents d WHERE d.run_id = runs.id AND d.done = 1),
		(SELECT count(*) FROM documents d WHERE d.run_id = runs.id AND d.done = 0),
		(SELECT count(*) FROM documents d WHERE d.run_id = runs.id AND d.done = 1 AND d.fetch_error != ''),
		(SELECT coalesce(sum(errors), 0) FROM documents d WHERE d.run_id = runs.id),
		(SELECT coalesce(sum(warnings), 0) FROM documents d WHERE d.run_id = runs.id),
		(SELECT coalesce(sum(infos), 0) FROM documents d WHERE d.run_id = runs.id)
		FROM runs ORDER BY id`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var out []RunSummary
	for rows.Next() {
		var rs RunSummary
		var r *Run
		r, err = scanRun(scanFunc(func(dest ...any) error {
			return rows.Scan(append(dest, &rs.Documents, &rs.Pending, &rs.Failed, &rs.Errors, &rs.Warnings, &rs.Infos)...)
		}))
		if err != nil {
			return nil, s.wrap(err)
		}
		rs.Run = *r
		out = append(out, rs)
	}
	return out, s.wrap(rows.Err())
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// SetPlanned records that the run's page list is complete.
func (s *Store) SetPlanned(ctx context.Context, run int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET planned = 1 WHERE id = ?`, run)
	return s.wrap(err)
}

// ResetPlan drops a run's pages that were listed but not yet done, for a
// run stopped while it was still listing them.
func (s *Store) ResetPlan(ctx context.Context, run int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM documents WHERE run_id = ? AND done = 0`, run)
	return s.wrap(err)
}

// Finish records the end of a run.
func (s *Store) Finish(ctx context.Context, run int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ? WHERE id = ?`, nowText(), run)
	return s.wrap(err)
}

// InputDone records that an input was read to its end (or could not be
// read, with why).
func (s *Store) InputDone(ctx context.Context, run int64, idx int, inputErr string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE inputs SET done = 1, error = nullif(?, '') WHERE run_id = ? AND idx = ?`, inputErr, run, idx)
	return s.wrap(err)
}

// InputState says, per input index, whether it was read to its end.
func (s *Store) InputState(ctx context.Context, run int64) (map[int]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT idx, done FROM inputs WHERE run_id = ?`, run)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	out := map[int]bool{}
	for rows.Next() {
		var idx int
		var done bool
		if err := rows.Scan(&idx, &done); err != nil {
			return nil, s.wrap(err)
		}
		out[idx] = done
	}
	return out, s.wrap(rows.Err())
}

// InputErrors returns the inputs that could not be read at all (a sitemap
// that did not load, a file that is not a feed), by index.
func (s *Store) InputErrors(ctx context.Context, run int64) ([]Input, []string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, value, error FROM inputs WHERE run_id = ? AND error IS NOT NULL ORDER BY idx`, run)
	if err != nil {
		return nil, nil, s.wrap(err)
	}
	defer func() { _ = rows.Close() }()
	var ins []Input
	var errs []string
	for rows.Next() {
		var in Input
		var e string
		if err := rows.Scan(&in.Kind, &in.Value, &e); err != nil {
			return nil, nil, s.wrap(err)
		}
		ins, errs = append(ins, in), append(errs, e)
	}
	return ins, errs, s.wrap(rows.Err())
}
