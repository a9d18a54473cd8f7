package scraper

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
)

// FormatJSONLines is standard input read as JSON Lines: one product record
// per line, each linted as its own document.
const FormatJSONLines = "jsonl"

// maxRecordLine bounds one JSON Lines record read from standard input.
const maxRecordLine = 50 << 20

// Records reads r as JSON Lines, one Input per non-blank line, as the lines
// come: a stream of any length is read one record at a time. A line that
// is too long is an Input with Err; reading goes on at the next line. A
// read error ends the stream with an Input carrying it.
func Records(r io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		for {
			line, err := readLine(br)
			if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, ErrTooLarge) {
				in := Input{Name: "-", Kind: InputRecord, Data: line}
				if errors.Is(err, ErrTooLarge) {
					in.Data, in.Err = nil, err
				}
				if !yield(in) {
					return
				}
			}
			switch {
			case errors.Is(err, io.EOF):
				return
			case err != nil && !errors.Is(err, ErrTooLarge):
				yield(Input{Name: "-", Kind: InputRecord, Err: fmt.Errorf("read: %w", err)})
				return
			}
		}
	}
}

// readLine reads one line without its end; a line over maxRecordLine is
// skipped to its end and reported as ErrTooLarge.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > maxRecordLine {
			tooLarge := fmt.Errorf("%w: a record over %d MB", ErrTooLarge, maxRecordLine>>20)
			if err := skipLine(br, err); err != nil {
				return nil, errors.Join(tooLarge, err) // the stream ends with it
			}
			return nil, tooLarge
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

func skipLine(br *bufio.Reader, err error) error {
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = br.ReadSlice('\n')
	}
	return err
}

// ReadJSONLine reads one JSON Lines product record on its own: positions
// count from the record's start (line 1), and its source is the record's
// url, else its id, else "-", so the result does not depend on where the
// record stood in the stream (a shard of a Spark or Hadoop job).
func (r *Reader) ReadJSONLine(line []byte) (*Document, error) {
	var probe any
	if err := json.Unmarshal(line, &probe); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("record is not valid JSON at column %d: %s", se.Offset, se.Error())
		}
		return nil, fmt.Errorf("record is not valid JSON: %w", err)
	}
	if _, ok := probe.(map[string]any); !ok {
		return nil, errors.New("record is not a JSON object")
	}
	src, err := Decode(line, FormatJSON, "")
	if err != nil {
		return nil, err
	}
	doc, err := r.ReadJSON("-", src)
	if err != nil {
		return nil, err
	}
	doc.Format = FormatJSONLines
	doc.Source = firstNonEmpty(doc.Product.URL, doc.Product.ID, "-")
	return doc, nil
}
