//go:build race

package rules

// raceEnabled is set when the tests run under the race detector, which
// changes allocation sizes: memory bounds are not checked then.
const raceEnabled = true
