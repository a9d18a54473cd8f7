package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/scraper/fetch"
)

const (
	flagRender  = "render"
	flagBrowser = "browser"
)

// renderFlags are shared by the commands that read URLs.
func renderFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: flagRender, Usage: "load URLs in headless Chromium first, for pages that build their copy with JavaScript (positions then refer to the rendered page)"},
		&cli.StringFlag{Name: flagBrowser, Usage: "with --render: the Chromium or Chrome to run (`PATH`)", DefaultText: "chromium on PATH"},
	}
}

// renderOptions is what --render and --browser asked for.
type renderOptions struct {
	render  bool
	browser string
}

func renderOptionsFrom(c *cli.Context) (renderOptions, error) {
	o := renderOptions{render: c.Bool(flagRender), browser: c.String(flagBrowser)}
	if o.browser != "" && !o.render {
		return o, usagef("--browser needs --render")
	}
	return o, nil
}

// renderer returns the Renderer for the run, or nil without --render. The
// caller closes it.
func (o renderOptions) renderer(f *fetch.Fetcher) (*fetch.Renderer, error) {
	if !o.render {
		return nil, nil
	}
	r, err := fetch.NewRenderer(f, o.browser)
	if err != nil {
		return nil, fmt.Errorf("--render: %w", err)
	}
	return r, nil
}
