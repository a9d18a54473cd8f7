package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"exolint": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: arguments in,
// stdout, stderr and exit code out. Each script gets the sample listings in
// $WORK/products.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return copyDir(filepath.Join("..", "..", "testdata", "products"), filepath.Join(env.WorkDir, "products"))
		},
	})
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestRulesDocUpToDate fails when docs/rules.md no longer matches the rules.
func TestRulesDocUpToDate(t *testing.T) {
	var buf bytes.Buffer
	if err := reports.RuleDocs(&buf, rules.Catalog()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Fatal("docs/rules.md is stale: run go run ./cmd/exolint rules --format markdown > docs/rules.md")
	}
}

// TestAppInProcess runs the app with buffers, the way main does with the
// process's streams, and checks that nothing exits the process.
func TestAppInProcess(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"exolint", "explain", "hype-wording"}, nil, &out, &errb)
	if code != 0 || !bytes.Contains(out.Bytes(), []byte("too-good-to-be-true")) {
		t.Fatalf("code %d, out %q, err %q", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	code = run([]string{"exolint", "check", "--fail-on", "sometimes", "x.md"}, nil, &out, &errb)
	if code != 2 || !bytes.Contains(errb.Bytes(), []byte("--fail-on")) {
		t.Fatalf("bad flag: code %d, err %q", code, errb.String())
	}
}
