package main

import (
	"fmt"
	"log/slog"
	"net"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/exolint/exolint/reports/web"
	"github.com/exolint/exolint/scraper/fetch"
)

const (
	flagAddr           = "addr"
	flagAllowPrivate   = "allow-private"
	flagMaxBody        = "max-body"
	flagRequestTimeout = "request-timeout"
	flagWorkers        = "workers"
	flagQueue          = "queue"
	flagRate           = "rate"
	flagLogFormat      = "log-format"
)

func serveCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the verdict page and the JSON API (POST /api/check)",
		Description: `Serves a web page where anyone can paste a product link, page text or an ingredient
list and read a verdict, and a JSON API that returns the same document object as
'check --format json'. Meant to be exposed: URLs that lead to loopback, private or
link-local addresses are refused (unless --allow-private), inputs, fetches, queues and
clients are limited, and the pages use no script, cookie or outside asset.

Stops on SIGINT or SIGTERM after the checks in flight finish.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: flagAddr, Value: "127.0.0.1:8080", Usage: "address to listen on (\":8080\" for every interface)"},
			&cli.BoolFlag{Name: flagAllowPrivate, Usage: "let URL checks reach loopback, private and link-local addresses (intranet use only)"},
			&cli.StringFlag{Name: flagMaxBody, Value: "2MB", Usage: "largest request body or pasted input (KB, MB)"},
			&cli.DurationFlag{Name: flagTimeout, Value: web.DefaultFetchTimeout, Usage: "time limit for fetching one page"},
			&cli.DurationFlag{Name: flagRequestTimeout, Value: web.DefaultRequestTimeout, Usage: "time limit for one whole check, waiting included"},
			&cli.IntFlag{Name: flagWorkers, Value: web.DefaultWorkers, Usage: "checks run at once"},
			&cli.IntFlag{Name: flagQueue, Usage: "checks that may wait for a worker before the server answers 429", DefaultText: "4 × workers"},
			&cli.Float64Flag{Name: flagRate, Value: web.DefaultRatePerMinute, Usage: "checks one client address may start per minute (0: no limit)"},
			&cli.StringFlag{Name: flagUserAgent, Usage: "User-Agent for fetching pages (default names exolint and its version)"},
			&cli.StringFlag{Name: flagLogFormat, Value: "text", Usage: "access log on stderr: text or json"},
		},
		Action: func(c *cli.Context) error {
			o, addr, err := serveOptionsFrom(c, s)
			if err != nil {
				return err
			}
			srv, err := web.New(o)
			if err != nil {
				return err
			}
			ln, err := (&net.ListenConfig{}).Listen(c.Context, "tcp", addr)
			if err != nil {
				return fmt.Errorf("listen: %w", err)
			}
			o.Logger.Info("listening", "url", "http://"+ln.Addr().String(), "allow_private", o.AllowPrivate)
			ctx, stop := signal.NotifyContext(c.Context, syscall.SIGTERM)
			defer stop()
			return srv.Serve(ctx, ln)
		},
	}
}

func serveOptionsFrom(c *cli.Context, s streams) (web.Options, string, error) {
	o := web.Options{
		Version:        toolVersion(),
		AllowPrivate:   c.Bool(flagAllowPrivate),
		FetchTimeout:   c.Duration(flagTimeout),
		RequestTimeout: c.Duration(flagRequestTimeout),
		Workers:        c.Int(flagWorkers),
		Queue:          c.Int(flagQueue),
		RatePerMinute:  c.Float64(flagRate),
		Fetch:          fetch.Options{Version: toolVersion(), UserAgent: c.String(flagUserAgent)},
	}
	if c.NArg() > 0 {
		return o, "", usagef("serve takes no arguments (got %q)", c.Args().First())
	}
	size, err := parseSize(c.String(flagMaxBody))
	if err != nil {
		return o, "", &usageError{err: fmt.Errorf("--%s: %w", flagMaxBody, err)}
	}
	o.MaxBody = size
	if o.RatePerMinute == 0 {
		o.RatePerMinute = -1 // the flag's 0 means no limit; the option's 0 means the default
	}
	for name, d := range map[string]time.Duration{flagTimeout: o.FetchTimeout, flagRequestTimeout: o.RequestTimeout} {
		if d <= 0 {
			return o, "", usagef("--%s must be positive", name)
		}
	}
	if o.Workers <= 0 {
		return o, "", usagef("--%s must be at least 1", flagWorkers)
	}
	switch f := c.String(flagLogFormat); f {
	case "text":
		o.Logger = slog.New(slog.NewTextHandler(s.stderr, nil))
	case "json":
		o.Logger = slog.New(slog.NewJSONHandler(s.stderr, nil))
	default:
		return o, "", usagef("--%s: unknown format %q (want text or json)", flagLogFormat, f)
	}
	return o, c.String(flagAddr), nil
}

// parseSize reads "2MB", "512KB", "1MiB" or a plain number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"MIB", 1 << 20}, {"KIB", 1 << 10}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size (want for example 2MB or 512KB)", s)
	}
	return n * mult, nil
}
