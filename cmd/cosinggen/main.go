// Command cosinggen turns the European Commission's CosIng spreadsheet exports
// into the compact, committed data file that package scraper/inci/cosing embeds
// (the scraper reads its names; rules/ingredients its functions and annexes).
//
// It exists so that the linter never needs the (large, licence-noted) xlsx
// files at build or run time: run it once when the exports are refreshed and
// commit the result.
//
//	go run ./cmd/cosinggen -src ../shared/data/cosing -out scraper/inci/cosing
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "../shared/data/cosing", "directory holding the CosIng .xlsx exports")
	out := flag.String("out", "scraper/inci/cosing", "directory to write "+outputName+" into")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "cosinggen:", err)
		os.Exit(1)
	}
}

func run(src, outDir string) error {
	ds, err := load(src)
	if err != nil {
		return err
	}
	path := filepath.Join(outDir, outputName)
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	if err := ds.write(f); err != nil {
		_ = f.Close()
		_ = os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close output: %w", err)
	}
	// Rename last so a failed run never leaves a truncated embedded file behind.
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace output: %w", err)
	}
	fmt.Fprintf(os.Stderr, "cosinggen: wrote %s: %d ingredients, %d annex entries (inventory %s, annexes %s)\n",
		path, len(ds.inventory), len(ds.annex), ds.inventoryDate, ds.annexDate)
	return nil
}
