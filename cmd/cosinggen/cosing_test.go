package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// srcDir is the shared CosIng export directory; it is not part of the
// repository, so the tests skip when it is absent.
const srcDir = "../../../shared/data/cosing"

func loadOrSkip(t *testing.T) *dataset {
	t.Helper()
	if _, err := os.Stat(filepath.Join(srcDir, inventoryFile)); err != nil {
		t.Skipf("CosIng exports not available: %v", err)
	}
	ds, err := load(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestLoad(t *testing.T) {
	ds := loadOrSkip(t)
	if ds.inventoryDate != "29/07/2023" {
		t.Errorf("inventory date = %q", ds.inventoryDate)
	}
	if ds.annexDate == "" || !strings.HasSuffix(ds.annexDate, "/2026") {
		t.Errorf("annex date = %q", ds.annexDate)
	}
	if n := len(ds.inventory); n < 30000 {
		t.Errorf("inventory rows = %d, want about 30,076", n)
	}
	var hq *ingredient
	for i := range ds.inventory {
		if ds.inventory[i].name == "HYDROQUINONE" {
			hq = &ds.inventory[i]
		}
		if n := ds.inventory[i].name; n != strings.TrimSpace(n) {
			t.Fatalf("untrimmed name %q", n)
		}
	}
	if hq == nil || strings.Join(hq.annex, ",") != "II/1339,III/14" {
		t.Errorf("HYDROQUINONE = %+v", hq)
	}
	var e416, e3_14 bool
	for _, e := range ds.annex {
		switch {
		case e.annex == "II" && e.ref == "416":
			e416 = strings.Contains(e.substance, "human origin") &&
				strings.Contains(strings.Join(e.identified, "|"), "HUMAN ADIPOCYTE CONDITIONED MEDIA EXTRACT")
		case e.annex == "III" && e.ref == "14":
			e3_14 = strings.Contains(e.conditions, "0.02%") && strings.Contains(e.conditions, "Artificial nail")
		}
	}
	if !e416 || !e3_14 {
		t.Errorf("annex II/416 ok=%v, III/14 ok=%v", e416, e3_14)
	}
}

// TestCommittedFileUpToDate guards against hand edits and against forgetting
// to re-run the generator after a change here.
func TestCommittedFileUpToDate(t *testing.T) {
	ds := loadOrSkip(t)
	var buf bytes.Buffer
	if err := ds.write(&buf); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("../../scraper/inci/cosing", outputName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gunzip(t, buf.Bytes()), gunzip(t, committed)) {
		t.Fatal("scraper/inci/cosing/" + outputName + " is stale: run go run ./cmd/cosinggen -src ../shared/data/cosing -out scraper/inci/cosing")
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHelpers(t *testing.T) {
	if got := clean("  AQUA\u00a0 (WATER) "); got != "AQUA (WATER)" {
		t.Errorf("clean = %q", got)
	}
	if got := fixMojibake("2Ã—"); got != "2×" {
		t.Errorf("fixMojibake = %q", got)
	}
	if got := escape("a\tb\nc\\"); got != `a\tb\nc\\` {
		t.Errorf("escape = %q", got)
	}
	if !laterDate("28/08/2026", "18/08/2026") || laterDate("01/01/2020", "31/12/2019") == false {
		t.Error("laterDate")
	}
}
