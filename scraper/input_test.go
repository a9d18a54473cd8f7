package scraper

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exolint/exolint/scraper/fetch"
)

// TestLoaderURL fetches a page through the polite fetcher from a local
// server: robots.txt is honoured, the page is read as HTML, and a refusal
// becomes a one-line reason.
func TestLoaderURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/products/rose", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<html><head><link rel="canonical" href="/products/rose"></head><body><h1>Rose Serum</h1><p>Rose exosomes.</p></body></html>`))
	})
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("<p>secret</p>"))
	})
	mux.HandleFunc("/label.pdf", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write([]byte("%PDF-1.7"))
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	l := &Loader{Reader: NewReader(), Fetcher: fetch.New(fetch.Options{Client: ts.Client(), PerHostDelay: -1, Version: "test"})}
	ctx := context.Background()

	doc, err := l.Load(ctx, Input{Name: ts.URL + "/products/rose", Kind: InputURL})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatHTML || doc.Product.Name != "Rose Serum" || len(doc.Blocks) != 2 {
		t.Errorf("doc = %+v", doc)
	}
	_, err = l.Load(ctx, Input{Name: ts.URL + "/private/x", Kind: InputURL})
	if err == nil || !strings.Contains(err.Error(), "robots.txt") || strings.Contains(err.Error(), "\n") {
		t.Errorf("robots refusal: %v", err)
	}
	_, err = l.Load(ctx, Input{Name: ts.URL + "/label.pdf", Kind: InputURL})
	if err == nil || !strings.Contains(err.Error(), "application/pdf") {
		t.Errorf("pdf: %v", err)
	}
}

func TestExpandArgs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.md", "a.html", "sub/c.txt", "skip.json", ".git/d.md"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := ExpandArgs([]string{dir, "-", "https://shop.example/p", filepath.Join(dir, "missing.md")})
	var got []string
	for _, i := range in {
		name := strings.TrimPrefix(i.Name, dir+string(filepath.Separator))
		if i.Err != nil {
			name += " (error)"
		}
		got = append(got, name)
	}
	want := "a.html|b.md|sub/c.txt|-|https://shop.example/p|missing.md (error)"
	if strings.Join(got, "|") != want {
		t.Errorf("ExpandArgs = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestLoaderURLErrorKeepsItsCause(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
	l := &Loader{Reader: NewReader(), Fetcher: fetch.New(fetch.Options{Client: ts.Client(), IgnoreRobots: true, Retries: -1})}
	_, err := l.Load(context.Background(), Input{Name: ts.URL + "/gone", Kind: InputURL})
	if !errors.Is(err, fetch.ErrHTTPStatus) {
		t.Fatalf("Load = %v, want an error that is fetch.ErrHTTPStatus", err)
	}
	if strings.HasPrefix(err.Error(), "fetch ") {
		t.Errorf("message %q repeats the URL the report already shows", err)
	}
}

func TestReadIngredientsIsOneBlockWithPositions(t *testing.T) {
	src := "Water, Glycerin,\n\nRosa Damascena Callus Extracellular Vesicles, Phenoxyethanol\n"
	doc, err := NewReader().ReadIngredients("pasted", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Kind != KindIngredients {
		t.Fatalf("blocks = %+v, want one ingredient block", doc.Blocks)
	}
	b := doc.Blocks[0]
	at := strings.Index(b.Text, "Rosa")
	s, _ := b.SourceRange(at, at+4)
	if p := doc.Position(s); p.Line != 3 || p.Column != 1 {
		t.Errorf("Rosa at %d:%d, want 3:1", p.Line, p.Column)
	}
	empty, err := NewReader().ReadIngredients("pasted", []byte(" \n"))
	if err != nil || len(empty.Blocks) != 0 || len(empty.Notes) == 0 {
		t.Errorf("blank list: blocks %v notes %v err %v", empty.Blocks, empty.Notes, err)
	}
}
