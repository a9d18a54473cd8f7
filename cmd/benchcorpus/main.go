// Command benchcorpus makes the deterministic product-page corpus that exolint's
// speed budget is measured on, and times the baseline the budget is set
// against: a bare html.Parse of the same files.
//
//	go run ./cmd/benchcorpus gen -out DIR -n 2000 [-seed 7]
//	go run ./cmd/benchcorpus parse [-j N] DIR
//	go run ./cmd/benchcorpus time [-runs 3] -- COMMAND ARGS...
//	go run ./cmd/benchcorpus big -kind page|text|claims -size 9000000 -out FILE [-seed 7]
//
// The pages carry what real storefronts carry around the copy: a mega-menu,
// inline CSS, a JSON state blob, JSON-LD, an ingredients accordion and a
// reviews widget. Same seed, same bytes. `big` writes one large document
// (see corpus.Big) for measuring memory per document (.ci/bench-memory).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/exolint/exolint/cmd/benchcorpus/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchcorpus:", err)
		os.Exit(2)
	}
}

var errUsage = errors.New("usage: benchcorpus gen -out DIR -n N [-seed S] | parse [-j N] DIR | time [-runs N] -- CMD [ARG] | big -kind K -size BYTES -out FILE [-seed S]")

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ContinueOnError)
		out := fs.String("out", "", "output directory")
		n := fs.Int("n", 2000, "number of pages")
		seed := fs.Uint64("seed", 7, "random seed")
		if err := fs.Parse(args[1:]); err != nil || *out == "" {
			return errUsage
		}
		size, err := corpus.Generate(*out, *n, *seed)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d pages, %.1f MB, to %s\n", *n, float64(size)/1e6, *out)
		return nil
	case "big":
		fs := flag.NewFlagSet("big", flag.ContinueOnError)
		kind := fs.String("kind", corpus.BigKindPage, "page, text or claims")
		size := fs.Int("size", 9_000_000, "bytes, at least")
		out := fs.String("out", "", "output file")
		seed := fs.Uint64("seed", 7, "random seed")
		if err := fs.Parse(args[1:]); err != nil || *out == "" || *size <= 0 {
			return errUsage
		}
		data, err := corpus.Big(*kind, *size, *seed)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			return fmt.Errorf("big: %w", err)
		}
		fmt.Fprintf(stdout, "wrote %s, %.1f MB, to %s\n", *kind, float64(len(data))/1e6, *out)
		return nil
	case "parse":
		fs := flag.NewFlagSet("parse", flag.ContinueOnError)
		jobs := fs.Int("j", 0, "files parsed at once (default: number of CPUs)")
		if err := fs.Parse(args[1:]); err != nil || fs.NArg() != 1 {
			return errUsage
		}
		n, size, err := parseAll(fs.Arg(0), *jobs)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "parsed %d files, %.1f MB\n", n, float64(size)/1e6)
		return nil
	case "time":
		fs := flag.NewFlagSet("time", flag.ContinueOnError)
		runs := fs.Int("runs", 3, "runs; the median wall time is reported")
		if err := fs.Parse(args[1:]); err != nil || fs.NArg() == 0 {
			return errUsage
		}
		return timeCommand(stdout, *runs, fs.Args())
	}
	return errUsage
}
