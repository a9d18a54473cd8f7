package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// shardRecords are product records of the kinds a catalogue export holds:
// with and without claims, ingredients, HTML bodies, and a broken line.
func shardRecords() []string {
	var recs []string
	for i := 0; i < 40; i++ {
		switch i % 5 {
		case 0:
			recs = append(recs, fmt.Sprintf(`{"id":"r%d","url":"https://shop.example/p/%d","title":"Rose Exosome Serum %d","description":"Rose callus exosomes that cure acne and penetrate deep into the dermis.","brand":"Lumen","ingredients":"Water, Rosa Damascena Callus Culture Extract, Glycerin"}`, i, i, i))
		case 1:
			recs = append(recs, fmt.Sprintf(`{"id":"r%d","title":"Oat Cream %d","body_html":"<p>A gentle oat cream for \u0026quot;dry\u0026quot; skin.</p><ul><li>Fragrance free</li></ul>"}`, i, i))
		case 2:
			recs = append(recs, fmt.Sprintf(`{"id":"r%d","title":"Stem Cell Exosome Ampoule","description":"Human stem cell exosomes, FDA approved, regenerate collagen."}`, i))
		case 3:
			recs = append(recs, fmt.Sprintf(`{"sku":"S-%d","title":"Exosome Toner","description":"Plant exosomes, characterized by NTA, soothe the look of redness."}`, i))
		default:
			recs = append(recs, `{"id": broken`)
		}
	}
	return recs
}

func checkRecords(t *testing.T, lines []string) string {
	t.Helper()
	var out, errb bytes.Buffer
	stdin := strings.NewReader(strings.Join(lines, "\n") + "\n")
	code := run([]string{"exolint", "check", "--no-config", "--stdin-format", "jsonl", "--format", "jsonl", "-"}, stdin, &out, &errb)
	if code != 2 { // the broken records are inputs that could not be read
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	return out.String()
}

// TestShardsGiveTheSameRecords runs the records in one stream and in two
// shards (as Spark's RDD.pipe or GNU parallel would): the shards' outputs,
// put together, are the one run's output, byte for byte.
func TestShardsGiveTheSameRecords(t *testing.T) {
	recs := shardRecords()
	whole := checkRecords(t, recs)
	half := len(recs)/2 + 3
	shards := checkRecords(t, recs[:half]) + checkRecords(t, recs[half:])
	if whole != shards {
		t.Fatalf("shards differ from the whole run:\nwhole:\n%s\nshards:\n%s", whole, shards)
	}
	if n := strings.Count(whole, "\n"); n != len(recs) {
		t.Fatalf("%d output lines for %d records", n, len(recs))
	}
	if !strings.Contains(whole, `"source":"https://shop.example/p/0"`) || !strings.Contains(whole, `"rule":"drug-claim"`) {
		t.Errorf("unexpected output:\n%s", whole[:min(len(whole), 2000)])
	}
}
