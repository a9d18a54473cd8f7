// Package store keeps audit runs in a SQLite file (modernc.org/sqlite,
// pure Go). A run records its inputs and options; every document's result
// is committed as it finishes, in small transactions under WAL, so a
// killed process loses at most the documents in flight and never leaves a
// half-written row. Reports and diffs stream from here.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/gofrs/flock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// SchemaVersion is the store layout this exolint writes (PRAGMA
// user_version). A store with a higher number was made by a newer exolint.
const SchemaVersion = 1

// applicationID marks a SQLite file as an exolint store ("EXOL").
const applicationID = 0x45584f4c

// Errors a user can act on.
var (
	ErrLocked   = errors.New("the store is in use by another exolint process")
	ErrNewer    = errors.New("the store was made by a newer exolint")
	ErrNotStore = errors.New("not an exolint audit store")
	ErrDamaged  = errors.New("the store is damaged")
	ErrNoStore  = errors.New("no such store")
	ErrNoRun    = errors.New("no such run")
)

// Store is an open audit store.
type Store struct {
	db   *sql.DB
	path string
	lock *flock.Flock // held by a writer until Close
}

// Mode says how a store is opened.
type Mode int

// Modes.
const (
	// ReadWrite creates the store if needed and holds it for this
	// process alone until Close (a lock file beside it), so two audits
	// never write one store; reports may still read it meanwhile.
	ReadWrite Mode = iota
	// ReadOnly opens an existing store for reports and diffs, also while
	// an audit writes to it (WAL).
	ReadOnly
)

// Open opens the store at path.
func Open(ctx context.Context, path string, mode Mode) (*Store, error) {
	if mode == ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, ErrNoStore)
		}
	}
	var lock *flock.Flock
	if mode == ReadWrite {
		// gofrs/flock: an OS lock that dies with the process, so a
		// kill -9 never leaves the store locked.
		lock = flock.New(path + ".lock")
		ok, err := lock.TryLock()
		if err != nil {
			return nil, fmt.Errorf("%s: lock: %w", path, err)
		}
		if !ok {
			return nil, fmt.Errorf("%s: %w (wait for it to finish, or stop it)", path, ErrLocked)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if mode == ReadWrite {
		q.Add("_pragma", "journal_mode(WAL)")
		// Write transactions take the write lock when they begin, so a
		// second writing goroutine waits (busy_timeout) instead of failing
		// on a stale snapshot.
		q.Set("_txlock", "immediate")
		q.Add("_pragma", "synchronous(NORMAL)")
	} else {
		q.Add("mode", "ro")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		unlock(lock)
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// A few connections: WAL lets reads (a diff reads two runs at once)
	// go on beside the one writing goroutine.
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path, lock: lock}
	if err := s.prepare(ctx, mode); err != nil {
		_ = db.Close()
		unlock(lock)
		return nil, err
	}
	return s, nil
}

func unlock(l *flock.Flock) {
	if l != nil {
		_ = l.Unlock()
	}
}

// Close closes the store.
func (s *Store) Close() error {
	err := s.db.Close()
	unlock(s.lock)
	if err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// prepare checks what the file is and creates or checks the schema.
func (s *Store) prepare(ctx context.Context, mode Mode) error {
	var version, app int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.wrap(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return s.wrap(err)
	}
	var tables int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return s.wrap(err)
	}
	switch {
	case tables > 0 && app != applicationID:
		return fmt.Errorf("%s: %w (a SQLite database of another program)", s.path, ErrNotStore)
	case version > SchemaVersion:
		return fmt.Errorf("%s: %w (schema %d; this exolint reads up to %d): upgrade exolint", s.path, ErrNewer, version, SchemaVersion)
	case tables == 0 && mode == ReadOnly:
		return fmt.Errorf("%s: %w (empty)", s.path, ErrNotStore)
	case tables == 0:
		return s.create(ctx)
	}
	return nil
}

func (s *Store) create(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, stmt := range schema() {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return s.wrap(err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, SchemaVersion)); err != nil {
		return s.wrap(err)
	}
	return s.wrap(tx.Commit())
}

// schema is version 1 of the store.
func schema() []string {
	return []string{
		`CREATE TABLE runs (
			id           INTEGER PRIMARY KEY,
			started_at   TEXT NOT NULL,
			finished_at  TEXT,
			planned      INTEGER NOT NULL DEFAULT 0,
			inputs       TEXT NOT NULL,
			options      TEXT NOT NULL,
			tool_version TEXT NOT NULL
		)`,
		`CREATE TABLE inputs (
			run_id INTEGER NOT NULL REFERENCES runs(id),
			idx    INTEGER NOT NULL,
			kind   TEXT NOT NULL,
			value  TEXT NOT NULL,
			done   INTEGER NOT NULL DEFAULT 0,
			error  TEXT,
			PRIMARY KEY (run_id, idx)
		)`,
		`CREATE TABLE documents (
			id            INTEGER PRIMARY KEY,
			run_id        INTEGER NOT NULL REFERENCES runs(id),
			input_idx     INTEGER NOT NULL,
			n             INTEGER NOT NULL,
			kind          TEXT NOT NULL,
			source        TEXT NOT NULL,
			host          TEXT NOT NULL DEFAULT '',
			done          INTEGER NOT NULL DEFAULT 0,
			listing_key   TEXT NOT NULL DEFAULT '',
			product       TEXT NOT NULL DEFAULT '',
			brand         TEXT NOT NULL DEFAULT '',
			product_id    TEXT NOT NULL DEFAULT '',
			sku           TEXT NOT NULL DEFAULT '',
			gtin          TEXT NOT NULL DEFAULT '',
			url           TEXT NOT NULL DEFAULT '',
			page_kind     TEXT NOT NULL DEFAULT '',
			exosome_claim INTEGER NOT NULL DEFAULT 0,
			source_kinds  TEXT NOT NULL DEFAULT '',
			testing       TEXT NOT NULL DEFAULT '',
			errors        INTEGER NOT NULL DEFAULT 0,
			warnings      INTEGER NOT NULL DEFAULT 0,
			infos         INTEGER NOT NULL DEFAULT 0,
			top_rules     TEXT NOT NULL DEFAULT '',
			first_finding TEXT NOT NULL DEFAULT '',
			fetch_error   TEXT NOT NULL DEFAULT '',
			content_hash  TEXT NOT NULL DEFAULT '',
			fetched_at    TEXT NOT NULL DEFAULT '',
			http_status   INTEGER NOT NULL DEFAULT 0,
			result        TEXT NOT NULL DEFAULT '',
			UNIQUE (run_id, input_idx, n)
		)`,
		// A page listed twice (two sitemaps, a sitemap and a URL list) is
		// one document.
		`CREATE UNIQUE INDEX documents_page ON documents(run_id, source) WHERE kind = 'page'`,
		`CREATE INDEX documents_todo ON documents(run_id, done, host, id)`,
		`CREATE INDEX documents_key ON documents(run_id, listing_key)`,
		`CREATE TABLE findings (
			doc_id   INTEGER NOT NULL REFERENCES documents(id),
			run_id   INTEGER NOT NULL,
			rule     TEXT NOT NULL,
			severity TEXT NOT NULL,
			markets  TEXT NOT NULL,
			line     INTEGER NOT NULL,
			col      INTEGER NOT NULL,
			match    TEXT NOT NULL,
			message  TEXT NOT NULL,
			context  TEXT NOT NULL
		)`,
		`CREATE INDEX findings_doc ON findings(doc_id)`,
		`CREATE INDEX findings_run ON findings(run_id, rule)`,
	}
}

// wrap turns SQLite's codes into errors that say what to do.
func (s *Store) wrap(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%s: %w (a program holds it locked)", s.path, ErrLocked)
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s: %w (the file is not a SQLite database)", s.path, ErrNotStore)
		case sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s: %w: %s", s.path, ErrDamaged, oneLine(se.Error()))
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("%s: cannot open the store: %w", s.path, err)
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("%s: the store is read-only: %w", s.path, err)
		}
	}
	return fmt.Errorf("%s: %w", s.path, err)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
