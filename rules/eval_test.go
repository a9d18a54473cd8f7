package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// The evaluation measures the whole catalog, over all markets, against the
// hand-labeled cases in testdata/eval (labels written by a reviewer, not by
// running the tool). Each (case, rule) pair is one binary label: the rule
// fires at least once on the document, or it does not. Facts are measured the
// same way: exosome claim yes/no, each source kind, testing yes/no.
//
// Run with -v to see the table and every disagreement.

// evalLabel is one entry of testdata/eval/labels.yaml.
type evalLabel struct {
	File         string   `yaml:"file"`
	Kind         string   `yaml:"kind"`
	PageKind     string   `yaml:"page_kind"`
	Lang         string   `yaml:"lang"`
	ExosomeClaim bool     `yaml:"exosome_claim"`
	Sources      []string `yaml:"sources"`
	Testing      bool     `yaml:"testing"`
	Rules        []string `yaml:"rules"`
	Note         string   `yaml:"note"`
}

// evalFloor is the minimum precision and recall a measure must keep.
type evalFloor struct{ precision, recall float64 }

// evalFloors are the floors the test enforces. Facts feed every rule, so they
// must be the most accurate (targets 0.95 / 0.9); wording rules are held to
// 0.9 precision (a false alarm costs a brand's trust in the tool more than a
// miss) and 0.85 recall. A rule id that rules.All() does not contain yet is
// reported but not enforced. Rules with few positive cases in the set (under
// ten) can swing by one case, so their floors are the same but the table
// shows the counts to read them by.
func evalFloors() map[string]evalFloor {
	facts := evalFloor{0.95, 0.9}
	wording := evalFloor{0.9, 0.85}
	return map[string]evalFloor{
		"page-kind":                      {0.9, 0.85},
		"exosome-claim":                  facts,
		"source-kind":                    facts,
		"testing":                        facts,
		"approval-claim":                 wording,
		"before-after-details":           wording,
		"clinic-human-exosomes":          wording,
		"free-practice-disclosure":       wording,
		"injected-exosome-treatment":     wording,
		"jp-unapproved-disclosure":       wording,
		"research-use-only":              wording,
		"treatment-approval-claim":       wording,
		"treatment-claim":                wording,
		"treatment-guarantee":            wording,
		"treatment-no-risk":              wording,
		"treatment-testimonial":          wording,
		"drug-claim":                     wording,
		"exosome-term-for-non-mammalian": wording,
		"free-from-claim":                wording,
		"human-derived-ingredient":       wording,
		"hype-wording":                   wording,
		"inci-claim-mismatch":            wording,
		"inci-source-conflict":           wording,
		"name-claim":                     wording,
		"particle-count-claim":           wording,
		"penetration-claim":              wording,
		"procedure-comparison":           wording,
		"procedure-wording":              wording,
		"safety-absolute":                wording,
		"source-undisclosed":             wording,
		"source-vague":                   wording,
		"stem-cell-implication":          wording,
		"testimonial-drug-claim":         wording,
		"testing-undisclosed":            wording,
		"unsupported-evidence":           wording,
	}
}

type evalCount struct{ tp, fp, fn, tn int }

func (c *evalCount) add(want, got bool) {
	switch {
	case want && got:
		c.tp++
	case got:
		c.fp++
	case want:
		c.fn++
	default:
		c.tn++
	}
}

// ratios returns precision and recall; with nothing predicted (or nothing to
// find) the ratio is 1, since no mistake was made.
func (c *evalCount) ratios() (float64, float64) {
	p, r := 1.0, 1.0
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	return p, r
}

func loadEvalLabels(t *testing.T) []evalLabel {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "eval", "labels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var labels []evalLabel
	if err := yaml.UnmarshalWithOptions(raw, &labels, yaml.Strict()); err != nil {
		t.Fatalf("labels.yaml: %v", err)
	}
	return labels
}

func TestEval(t *testing.T) {
	labels := loadEvalLabels(t)
	all := rules.All()
	implemented := map[string]bool{}
	for _, r := range all {
		implemented[r.ID] = true
	}
	engine, err := rules.NewEngine(all, nil)
	if err != nil {
		t.Fatal(err)
	}
	reader := scraper.NewReader()
	counts := map[string]*evalCount{}
	count := func(id string) *evalCount {
		if counts[id] == nil {
			counts[id] = &evalCount{}
		}
		return counts[id]
	}
	labeled := map[string]bool{}
	var misses []string
	for _, l := range labels {
		path := filepath.Join("..", "testdata", "eval", l.File)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := reader.Read(path, src, scraper.FormatFor(path))
		if err != nil {
			t.Fatalf("%s: %v", l.File, err)
		}
		res := engine.Check(doc)
		fired := map[string]bool{}
		for _, f := range res.Findings {
			fired[f.Rule] = true
		}
		want := map[string]bool{}
		for _, id := range l.Rules {
			want[id] = true
			labeled[id] = true
		}
		ids := map[string]bool{}
		for id := range want {
			ids[id] = true
		}
		for _, r := range all {
			ids[r.ID] = true
		}
		for id := range ids {
			count(id).add(want[id], fired[id])
			if want[id] != fired[id] && implemented[id] && labeledRule(labels, id) {
				misses = append(misses, fmt.Sprintf("%s: %s %s", l.File, map[bool]string{true: "missed", false: "extra"}[want[id]], id))
			}
		}

		// Page kind, one binary label per kind. "unknown" is checked like a
		// product, so it counts as one.
		gotKind := string(res.Facts.PageKind)
		if gotKind == string(rules.PageUnknown) {
			gotKind = string(rules.PageProduct)
		}
		for _, k := range rules.AllPageKinds() {
			if k == rules.PageUnknown {
				continue
			}
			count("page-kind").add(l.PageKind == string(k), gotKind == string(k))
		}
		if l.PageKind != gotKind {
			misses = append(misses, fmt.Sprintf("%s: page_kind want %s got %s", l.File, l.PageKind, res.Facts.PageKind))
		}

		claim := res.Facts.ExosomeClaim
		count("exosome-claim").add(l.ExosomeClaim, claim)
		if l.ExosomeClaim != claim {
			misses = append(misses, fmt.Sprintf("%s: exosome_claim want %v got %v", l.File, l.ExosomeClaim, claim))
		}
		gotKinds := map[string]bool{}
		if claim {
			for _, s := range res.Facts.Sources {
				gotKinds[s.Kind] = true
			}
		}
		wantKinds := map[string]bool{}
		for _, k := range l.Sources {
			wantKinds[k] = true
		}
		for _, k := range []string{"human", "plant", "animal", "microbial", "synthetic"} {
			count("source-kind").add(wantKinds[k], gotKinds[k])
			if wantKinds[k] != gotKinds[k] {
				misses = append(misses, fmt.Sprintf("%s: source %s want %v got %v", l.File, k, wantKinds[k], gotKinds[k]))
			}
		}
		tested := claim && len(res.Facts.Testing) > 0
		count("testing").add(l.Testing, tested)
		if l.Testing != tested {
			misses = append(misses, fmt.Sprintf("%s: testing want %v got %v", l.File, l.Testing, tested))
		}
	}

	sort.Strings(misses)
	for _, m := range misses {
		t.Log(m)
	}

	floors := evalFloors()
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		fi, fj := isFactMeasure(ids[i]), isFactMeasure(ids[j])
		if fi != fj {
			return fi
		}
		return ids[i] < ids[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-32s %5s %5s %4s %4s %4s  %s\n", "measure", "P", "R", "TP", "FP", "FN", "floor")
	var failures []string
	for _, id := range ids {
		c := counts[id]
		p, r := c.ratios()
		fl, hasFloor := floors[id]
		status := fmt.Sprintf("%.2f/%.2f", fl.precision, fl.recall)
		switch {
		case !isFactMeasure(id) && !implemented[id]:
			status = "not yet implemented"
		case !isFactMeasure(id) && !labeled[id]:
			// A rule the labels never mention (added after the set was
			// written): its firings are shown, but no ratio is meaningful.
			fmt.Fprintf(&b, "%-32s %5s %5s %4s %4d %4s  unlabeled: fires on %d cases\n", id, "-", "-", "-", c.fp, "-", c.fp)
			continue
		case !hasFloor:
			status = "no floor"
		case p < fl.precision || r < fl.recall:
			status += "  BELOW"
			failures = append(failures, id)
		}
		fmt.Fprintf(&b, "%-32s %5.2f %5.2f %4d %4d %4d  %s\n", id, p, r, c.tp, c.fp, c.fn, status)
	}
	for id := range labeled {
		if _, ok := floors[id]; !ok {
			t.Errorf("labels use rule %q, which has no floor in evalFloors", id)
		}
	}
	t.Log(b.String())
	if len(failures) > 0 {
		t.Errorf("below the floor: %s (run with -v for the table and the disagreements)", strings.Join(failures, ", "))
	}
}

// labeledRule reports whether any case lists rule id, i.e. whether the
// labels speak about it at all.
func labeledRule(labels []evalLabel, id string) bool {
	for _, l := range labels {
		for _, r := range l.Rules {
			if r == id {
				return true
			}
		}
	}
	return false
}

func isFactMeasure(id string) bool {
	return id == "page-kind" || id == "exosome-claim" || id == "source-kind" || id == "testing"
}
