package scraper

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/exolint/exolint/scraper/fetch"
)

// shiftJISPage is a distributor's page saved in Shift_JIS under a UTF-8
// declaration, as real templates are.
const shiftJISPage = `<html><head><meta charset="utf-8"><title>ローズ美容液</title></head><body>
<h1>ローズ美容液</h1><p>植物由来のエクソソームを配合した美容液です。</p>
<dl><dt>全成分</dt><dd>水、ＢＧ、グリセリン、ナイアシンアミド、ダマスクバラ花エキス、カンゾウ根エキス</dd></dl></body></html>`

func sjis(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkSJISDoc(t *testing.T, doc *Document) {
	t.Helper()
	if doc.Product.Name != "ローズ美容液" {
		t.Errorf("name %q", doc.Product.Name)
	}
	note := strings.Join(doc.Notes, "; ")
	if !strings.Contains(note, "Shift_JIS") {
		t.Errorf("notes %q: want the wrong declaration named", note)
	}
	found := false
	for _, b := range doc.Blocks {
		found = found || b.Kind == KindIngredients && strings.HasPrefix(b.Text, "水、ＢＧ、グリセリン")
	}
	if !found {
		t.Errorf("ingredient list not read: %+v", doc.Blocks)
	}
}

func TestWrongDeclaredCharsetFile(t *testing.T) {
	doc, err := NewReader().Read("page.html", sjis(t, shiftJISPage), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	checkSJISDoc(t, doc)
}

func TestWrongDeclaredCharsetURL(t *testing.T) {
	body := sjis(t, shiftJISPage)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		_, _ = w.Write(body)
	}))
	defer ts.Close()
	l := &Loader{Reader: NewReader(), Fetcher: fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})}
	doc, err := l.Load(context.Background(), Input{Name: ts.URL + "/p", Kind: InputURL})
	if err != nil {
		t.Fatal(err)
	}
	checkSJISDoc(t, doc)
}
