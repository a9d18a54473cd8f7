package scraper

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exolint/exolint/scraper/fetch"
)

// Errors about inputs.
var (
	ErrNoInput     = errors.New("no input")
	ErrNotLintable = errors.New("not a file exolint reads")
	ErrTooLarge    = errors.New("input too large")
)

// InputKind says where an input comes from.
type InputKind int

// Input kinds.
const (
	InputFile InputKind = iota
	InputURL
	InputStdin
	InputRecord // one JSON Lines record read from standard input (Data)
)

// Input is one thing to lint, as the user named it (a directory expands to
// the files in it).
type Input struct {
	Name   string
	Kind   InputKind
	Format string // "" to decide by extension or content
	// Err is set when the argument itself could not be used (a missing
	// file); the input is still reported, with this reason.
	Err error
	// Data is an InputRecord's bytes.
	Data []byte
}

// ExpandArgs turns command-line arguments into inputs: "-" is standard input,
// http(s) URLs are fetched, directories are walked for .html, .htm, .md,
// .markdown and .txt files (hidden directories skipped), in a stable order.
func ExpandArgs(args []string) []Input {
	var out []Input
	for _, arg := range args {
		switch {
		case arg == "-":
			out = append(out, Input{Name: "-", Kind: InputStdin})
		case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
			out = append(out, Input{Name: arg, Kind: InputURL})
		default:
			out = append(out, expandPath(arg)...)
		}
	}
	return out
}

func expandPath(p string) []Input {
	st, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("no such file or directory")
		}
		return []Input{{Name: p, Kind: InputFile, Err: err}}
	}
	if !st.IsDir() {
		return []Input{{Name: p, Kind: InputFile, Format: FormatFor(p)}}
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path+"\x00"+err.Error())
			return nil
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		// Directories give copy files only; a JSON file is read when named,
		// not picked up from a folder that may hold any JSON.
		if f := FormatFor(path); f != "" && f != FormatJSON {
			files = append(files, path)
		}
		return nil
	})
	if walkErr != nil {
		return []Input{{Name: p, Kind: InputFile, Err: walkErr}}
	}
	sort.Strings(files)
	out := make([]Input, 0, len(files))
	for _, f := range files {
		if name, msg, bad := strings.Cut(f, "\x00"); bad {
			out = append(out, Input{Name: name, Kind: InputFile, Err: errors.New(msg)})
			continue
		}
		out = append(out, Input{Name: f, Kind: InputFile, Format: FormatFor(f)})
	}
	return out
}

// Loader reads inputs into Documents.
type Loader struct {
	Reader  *Reader
	Fetcher *fetch.Fetcher // nil: URLs are refused
	// Renderer, when set, renders URLs in a browser (check --render)
	// instead of fetching their HTML alone.
	Renderer    *fetch.Renderer
	Stdin       io.Reader
	StdinFormat string
	MaxFileSize int64 // 0: 50 MB
}

// Load reads one input.
func (l *Loader) Load(ctx context.Context, in Input) (*Document, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	limit := l.MaxFileSize
	if limit <= 0 {
		limit = 50 << 20
	}
	switch in.Kind {
	case InputURL:
		if l.Fetcher == nil {
			return nil, fmt.Errorf("%w: URLs are not allowed here", ErrNotLintable)
		}
		get := l.Fetcher.Fetch
		if l.Renderer != nil {
			get = l.Renderer.Render
		}
		res, err := get(ctx, in.Name)
		if err != nil {
			return nil, &fetchError{msg: fetch.Describe(err), err: err}
		}
		return ReadFetched(l.Reader, in.Name, res)
	case InputRecord:
		return l.Reader.ReadJSONLine(in.Data)
	case InputStdin:
		if l.Stdin == nil {
			return nil, ErrNoInput
		}
		data, err := readCapped(l.Stdin, limit, 0)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) {
				err = fmt.Errorf("read: %w", err)
			}
			return nil, err
		}
		return l.Reader.Read("-", data, l.StdinFormat)
	}
	data, err := ReadFile(in.Name, limit)
	if err != nil {
		if !errors.Is(err, ErrNotRegular) && !errors.Is(err, ErrTooLarge) {
			err = fmt.Errorf("read: %w", err)
		}
		return nil, err
	}
	return l.Reader.Read(in.Name, data, in.Format)
}

// ReadFetched reads a fetched page in the format its media type names.
func ReadFetched(r *Reader, name string, res *fetch.Response) (*Document, error) {
	doc, err := r.Read(name, res.Body, formatForMedia(res.ContentType, res.Body))
	if err != nil {
		return nil, err
	}
	if res.CharsetNote != "" {
		doc.Notes = append(doc.Notes, res.CharsetNote)
	}
	if res.Rendered {
		doc.Notes = renderedNotes(doc.Notes)
	}
	if res.FinalURL != "" && res.FinalURL != name && doc.Product.URL == "" {
		doc.Product.URL = res.FinalURL
	}
	return doc, nil
}

// renderedNotes replaces the advice to render with what rendering means for
// positions.
func renderedNotes(notes []string) []string {
	out := notes[:0]
	for _, n := range notes {
		if !strings.HasPrefix(n, NoteJavaScript) {
			out = append(out, n)
		}
	}
	return append(out, "rendered in Chromium: lines and columns refer to the rendered page (its DOM, serialised), not to the HTML the server sent")
}

func formatForMedia(mediaType string, body []byte) string {
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "text/markdown":
		return FormatMarkdown
	case "text/plain":
		return Sniff(body)
	case "application/json", "application/ld+json":
		return FormatJSON
	}
	return ""
}

// fetchError prints fetch.Describe's short reason (the report already names
// the URL) and keeps the cause, so callers can still test it with
// errors.Is against the fetch.Err* sentinels.
type fetchError struct {
	msg string
	err error
}

func (e *fetchError) Error() string { return e.msg }
func (e *fetchError) Unwrap() error { return e.err }
