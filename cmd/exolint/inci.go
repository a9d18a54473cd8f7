package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

const (
	flagFrom   = "from"
	flagLookup = "lookup"
)

// maxInciStdin caps an ingredient field read from stdin; real fields are a
// few kilobytes.
const maxInciStdin = 1 << 20

var errNoIngredients = errors.New("no ingredient list found")

func inciCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "inci",
		Usage:     "explain an ingredient list: EV ingredients, look-alikes, sources, CosIng functions and annexes",
		ArgsUsage: `"INGREDIENTS" | - | --from PAGE | --lookup NAME`,
		Description: `Parses an INCI list given as an argument, on standard input ("-"), or taken from the
ingredient section of a page (--from file or URL), and prints one row per ingredient: synonyms,
whether it is an exosome/EV ingredient or a look-alike, its source, its CosIng functions and annex
entries. --lookup suggests CosIng inventory names for a partial or misspelt name.

Exit codes: 0 done; 2 usage error, or a page that could not be read or has no ingredient list.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: flagFrom, Usage: "read the ingredient list from a saved page or URL"},
			&cli.StringFlag{Name: flagLookup, Usage: "suggest CosIng names for a partial or misspelt name"},
			&cli.StringFlag{Name: flagFormat, Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			&cli.StringFlag{Name: flagUserAgent, Usage: "User-Agent for fetching a URL (default names exolint and its version)"},
			&cli.DurationFlag{Name: flagTimeout, Value: 30 * time.Second, Usage: "time limit for fetching a URL"},
		}, renderFlags()...),
		Action: func(c *cli.Context) error {
			o, err := inciOptionsFrom(c)
			if err != nil {
				return err
			}
			return runInci(c, s, o)
		},
	}
}

// inciOptions is what the inci command was asked to do.
type inciOptions struct {
	text      string // the list, "-" for stdin
	from      string
	lookup    string
	json      bool
	userAgent string
	timeout   time.Duration
	render    renderOptions
}

func inciOptionsFrom(c *cli.Context) (inciOptions, error) {
	o := inciOptions{from: c.String(flagFrom), lookup: c.String(flagLookup), userAgent: c.String(flagUserAgent), timeout: c.Duration(flagTimeout)}
	var err error
	if o.render, err = renderOptionsFrom(c); err != nil {
		return o, err
	}
	if o.render.render && o.from == "" {
		return o, usagef("--render needs --from URL")
	}
	switch f := c.String(flagFormat); f {
	case "json":
		o.json = true
	case "text":
	default:
		return o, usagef("--format: unknown format %q (want text or json)", f)
	}
	args := c.Args().Slice()
	given := 0
	for _, set := range []bool{len(args) > 0, o.from != "", c.IsSet(flagLookup)} {
		if set {
			given++
		}
	}
	switch {
	case given == 0:
		return o, usagef(`inci needs an ingredient list ("Water, Glycerin, …"), - for stdin, --from PAGE or --lookup NAME`)
	case given > 1:
		return o, usagef("inci takes one of: an ingredient list argument, --from or --lookup")
	case c.IsSet(flagLookup) && strings.TrimSpace(o.lookup) == "":
		return o, usagef("--lookup needs a name")
	}
	// A list pasted unquoted arrives as several arguments.
	o.text = strings.Join(args, " ")
	return o, nil
}

func runInci(c *cli.Context, s streams, o inciOptions) error {
	d, err := rules.NewIngredientDescriber()
	if err != nil {
		return err
	}
	if o.lookup != "" {
		l := reports.NewInciLookup(o.lookup, d.Lookup(o.lookup, 10), d.Attribution())
		l.Width = terminalWidth(s)
		if o.json {
			return reports.InciLookupJSON(s.stdout, l)
		}
		return reports.InciLookupText(s.stdout, l)
	}
	res := &reports.InciResult{Attribution: d.Attribution()}
	switch {
	case o.from != "":
		doc, err := loadInciPage(c, s, o)
		if err != nil {
			return err
		}
		res.Tables = d.DescribeDocument(doc)
		if len(res.Tables) == 0 {
			return fmt.Errorf("%s: %w", o.from, errNoIngredients)
		}
	case o.text == "-":
		data, err := io.ReadAll(io.LimitReader(s.stdin, maxInciStdin+1))
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		if len(data) > maxInciStdin {
			return usagef("standard input is larger than %d bytes; an ingredient list is a few kilobytes", maxInciStdin)
		}
		res.Tables = append(res.Tables, d.Describe("stdin", string(data)))
	default:
		res.Tables = append(res.Tables, d.Describe("argument", o.text))
	}
	if o.json {
		return reports.InciJSON(s.stdout, res)
	}
	return reports.InciText(s.stdout, res)
}

// loadInciPage reads a page the way check does (same reader, same polite
// fetcher), so the ingredient section found is the one check lints.
func loadInciPage(c *cli.Context, s streams, o inciOptions) (*scraper.Document, error) {
	fetcher := fetch.New(fetch.Options{Version: toolVersion(), UserAgent: o.userAgent, Timeout: o.timeout})
	renderer, err := o.render.renderer(fetcher)
	if err != nil {
		return nil, err
	}
	if renderer != nil {
		defer renderer.Close()
	}
	loader := &scraper.Loader{
		Reader:   scraper.NewReader(),
		Fetcher:  fetcher,
		Renderer: renderer,
		Stdin:    s.stdin,
	}
	ins := scraper.ExpandArgs([]string{o.from})
	if len(ins) != 1 {
		return nil, usagef("--from takes one page, not a directory of %d", len(ins))
	}
	if ins[0].Err != nil {
		return nil, fmt.Errorf("%s: %w", o.from, ins[0].Err)
	}
	doc, err := loader.Load(c.Context, ins[0])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.from, err)
	}
	return doc, nil
}

// terminalWidth is $COLUMNS when set, else the width of the terminal on
// stdout, else 0 (the writer's default).
func terminalWidth(s streams) int {
	if s.getenv != nil {
		if n, err := strconv.Atoi(s.getenv("COLUMNS")); err == nil && n > 0 {
			return n
		}
	}
	if f, ok := s.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 0
}
