package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/exolint/exolint/scraper"
)

// readJSONL reads JSON Lines: one product record per line (id or url,
// title, body_html or description, ingredients). Blank lines are skipped
// and are not records.
func (f *Feed) readJSONL(w *window, fn func(Item) error) error {
	for {
		w.ensure(1)
		if len(w.buf) == 0 {
			return w.err
		}
		line := w.lineAt(0)
		offset := int(w.base)
		j := w.index([]byte("\n"), 0, maxRecordBytes)
		next := j + 1
		if j < 0 {
			if !w.eof && w.err == nil {
				if err := f.emitErr(fn, line, fmt.Errorf("record over %d MiB", maxRecordBytes>>20)); err != nil {
					return err
				}
				// Forget the rest of this line.
				for {
					w.consume(len(w.buf))
					if k := w.index([]byte("\n"), 0, maxRecordBytes); k >= 0 || w.eof || w.err != nil {
						if k >= 0 {
							w.consume(k + 1)
						}
						break
					}
				}
				continue
			}
			j, next = len(w.buf), len(w.buf)
		}
		raw := bytes.TrimRight(w.buf[:j], "\r")
		if len(bytes.TrimSpace(raw)) == 0 {
			w.consume(next)
			continue
		}
		raw = append([]byte(nil), raw...)
		w.consume(next)
		err := f.emit(fn, line, func() (*scraper.Document, error) {
			var probe any
			if err := json.Unmarshal(raw, &probe); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) {
					return nil, fmt.Errorf("not valid JSON at column %d: %s", se.Offset, se.Error())
				}
				return nil, fmt.Errorf("not valid JSON: %w", err)
			}
			if _, ok := probe.(map[string]any); !ok {
				return nil, errors.New("not a JSON object")
			}
			return f.Reader.ReadJSONRecord(scraper.Record{Source: f.Source, Format: FormatJSONL, Raw: raw, Origin: scraper.Position{Offset: offset, Line: line, Column: 1, ByteColumn: 1}})
		})
		if err != nil {
			return err
		}
	}
}
