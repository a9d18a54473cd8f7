package main

import "github.com/exolint/exolint/reports"

func runFix(s streams, res *reports.Result, diff bool) error {
	return usagef("--fix is not implemented yet")
}
