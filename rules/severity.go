package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity of a finding. The zero value means "off".
type Severity int

// Severities, in increasing order.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// ErrBadSeverity is returned for a severity name exolint does not know.
var ErrBadSeverity = errors.New("unknown severity")

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning", "info" or "off"/"none".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "suggestion":
		return Info, nil
	case "off", "none":
		return Off, nil
	}
	return Off, fmt.Errorf("%w %q (want error, warning, info or none)", ErrBadSeverity, s)
}

// Market is a jurisdiction whose rules a finding is judged by.
type Market string

// Markets exolint knows.
const (
	US Market = "us"
	EU Market = "eu"
	UK Market = "uk"
	KR Market = "kr"
	JP Market = "jp"
	CN Market = "cn"
	TW Market = "tw"
	CA Market = "ca"
)

// ErrBadMarket is returned for a market code exolint does not know.
var ErrBadMarket = errors.New("unknown market")

// AllMarkets lists every market, in display order.
func AllMarkets() []Market { return []Market{US, EU, UK, KR, JP, CN, TW, CA} }

// ParseMarkets reads a comma-separated list such as "us,eu,kr"; "" or "all"
// means every market.
func ParseMarkets(s string) ([]Market, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || s == "all" {
		return AllMarkets(), nil
	}
	known := map[Market]bool{}
	for _, m := range AllMarkets() {
		known[m] = true
	}
	seen := map[Market]bool{}
	var out []Market
	for _, f := range strings.Split(s, ",") {
		m := Market(strings.TrimSpace(f))
		if m == "gb" {
			m = UK
		}
		if !known[m] {
			return nil, fmt.Errorf("%w %q (want %s)", ErrBadMarket, f, joinMarkets(AllMarkets()))
		}
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	order := map[Market]int{}
	for i, m := range AllMarkets() {
		order[m] = i
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out, nil
}

func joinMarkets(ms []Market) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = string(m)
	}
	return strings.Join(s, ",")
}
