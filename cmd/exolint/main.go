// Command exolint lints skincare copy for exosome claims: source and testing
// disclosure, drug-like, hype and market-restricted wording.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
