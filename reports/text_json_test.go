package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, testResult(t), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "text.golden", buf.Bytes())
	// Colour only when asked: the plain output holds no escape codes.
	if bytes.Contains(buf.Bytes(), []byte("\x1b[")) {
		t.Error("plain text output contains ANSI escapes")
	}
	buf.Reset()
	if err := Text(&buf, testResult(t), TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\x1b[")) {
		t.Error("coloured output has no ANSI escapes")
	}
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, testResult(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "json.golden", buf.Bytes())
	// The contract's field names (DESIGN.md): present and spelled as agreed.
	var out struct {
		Tool      map[string]string `json:"tool"`
		Documents []map[string]json.RawMessage
		Summary   struct {
			Documents int            `json:"documents"`
			Errors    int            `json:"errors"`
			Findings  map[string]int `json:"findings"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if out.Tool["name"] != "exolint" || out.Summary.Documents != len(out.Documents) {
		t.Errorf("tool %v, summary %+v", out.Tool, out.Summary)
	}
	for _, d := range out.Documents {
		for _, k := range []string{"source", "product", "findings"} {
			if _, ok := d[k]; !ok {
				t.Errorf("document lacks %q", k)
			}
		}
		var fs []map[string]any
		_ = json.Unmarshal(d["findings"], &fs)
		for _, f := range fs {
			for _, k := range []string{"rule", "severity", "message", "line", "column", "end_line", "end_column", "match", "help"} {
				if _, ok := f[k]; !ok {
					t.Errorf("finding lacks %q", k)
				}
			}
		}
	}
	var empty bytes.Buffer
	if err := JSON(&empty, &Result{Tool: Tool{Name: "exolint"}}); err != nil || !json.Valid(empty.Bytes()) {
		t.Errorf("empty result: %v %q", err, empty.String())
	}
}
