package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version is reported by --version and in the User-Agent; builds from a
// tagged module report the module version instead.
const version = "0.1.0-dev"

// streams are the process's standard streams, injected so tests run the app
// in-process with buffers.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := newApp(streams{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv})
	return exitCode(app.RunContext(ctx, args), stderr)
}

func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// newApp builds the command-line app. It never exits the process: urfave's
// default exit handler is replaced, and errors come back from Run to be
// mapped to exit codes in one place (exit.go).
func newApp(s streams) *cli.App {
	return &cli.App{
		Name:      "exolint",
		Usage:     "lint skincare copy for exosome claims: source, testing, drug-like and hype wording",
		Version:   toolVersion(),
		Writer:    s.stdout,
		ErrWriter: s.stderr,
		Reader:    s.stdin,
		// Errors are mapped to exit codes by run; urfave must not exit.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &usageError{err: err}
		},
		Commands: []*cli.Command{
			checkCommand(s),
			rulesCommand(s),
			explainCommand(s),
			inciCommand(s),
			initCommand(s),
			configCommand(s),
			baselineCommand(s),
			serveCommand(s),
			auditCommand(s),
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		HideHelpCommand: true,
	}
}
