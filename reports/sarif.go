package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exolint/exolint/rules"
)

// SARIF constants. The schema address is the OASIS errata 01 schema, the one
// the tests validate against (a copy is in testdata/).
const (
	sarifSchema     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion    = "2.1.0"
	srcRootID       = "%SRCROOT%"
	fingerprintKey  = "exolintFingerprint/v1"
	informationURI  = "https://github.com/exolint/exolint"
	inputErrorID    = "input-unreadable"
	sarifColumnKind = "unicodeCodePoints"
)

// SARIFOptions control the SARIF output.
type SARIFOptions struct {
	// AutomationID becomes run.automationDetails.id. GitHub code scanning
	// reads everything before its last "/" as the analysis category, so two
	// exolint jobs in one repository need different ids. Empty omits it.
	AutomationID string
	// SrcRoot is the absolute directory relative paths are relative to (the
	// working directory of the run). It becomes originalUriBaseIds
	// %SRCROOT%, and absolute paths under it are made relative. Empty leaves
	// %SRCROOT% undefined, which consumers such as GitHub resolve to the
	// repository root.
	SrcRoot string
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	AutomationDetails  *sarifAutomation            `json:"automationDetails,omitempty"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
	Properties         *sarifRunProps              `json:"properties,omitempty"`
}

type sarifRunProps struct {
	Markets []rules.Market `json:"markets"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     *sarifMessage      `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage      `json:"fullDescription,omitempty"`
	Help                 *sarifMultiMessage `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfig        `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifMessage    `json:"message"`
	Locations  []sarifLocation `json:"locations,omitempty"`
	Descriptor sarifDescRef    `json:"descriptor"`
}

type sarifDescRef struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          sarifResultProps  `json:"properties"`
}

type sarifResultProps struct {
	Match      string         `json:"match,omitempty"`
	Markets    []rules.Market `json:"markets,omitempty"`
	Kind       string         `json:"kind,omitempty"`
	Region     string         `json:"region,omitempty"`
	Suggestion string         `json:"suggestion,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical          `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

// sarifLogicalLocation names a JSON Lines record inside standard input.
type sarifLogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
}

// SARIF writes the result as a SARIF 2.1.0 log (see NewSARIF).
func SARIF(w io.Writer, r *Result, opt SARIFOptions) error { return Write(NewSARIF(w, opt), r) }

// sarifWriter encodes each result as its document arrives and spools the
// bytes (in memory, then a temporary file) until End: the log lists the
// rules before the results, and that list is complete only when every
// finding has been seen. A rule the catalog lacks gets the next index when
// first seen, so a result's ruleIndex is known at once.
type sarifWriter struct {
	w     io.Writer
	opt   SARIFOptions
	meta  Meta
	run   sarifRun
	fp    *fingerprinter
	index map[string]int // rule id → ruleIndex
	extra []string       // rules findings name beyond the catalog, in order seen
	// sites are the bases of web pages' locations, by uriBaseId.
	sites   map[string]string
	results spool
	n       int // results spooled
	buf     bytes.Buffer
	enc     *json.Encoder
}

// NewSARIF returns a Writer of a SARIF 2.1.0 log with one run: every rule
// with its documentation and sources (so code-scanning UIs can explain a
// finding without visiting our site), every finding with an exact region and
// a fingerprint that survives line moves, and each input that could not be
// read as a tool execution notification. Columns count Unicode code points
// (run.columnKind says so); endColumn is one past the last character, as
// SARIF defines it.
func NewSARIF(w io.Writer, opt SARIFOptions) Writer {
	sw := &sarifWriter{w: w, opt: opt, fp: newFingerprinter()}
	sw.enc = json.NewEncoder(&sw.buf)
	// Results sit in runs[0].results[]: eight spaces in.
	sw.enc.SetIndent(resultIndent, "  ")
	sw.enc.SetEscapeHTML(false)
	return sw
}

// resultIndent is the indentation of one element of runs[0].results.
const resultIndent = "        "

func (sw *sarifWriter) Begin(m Meta) error {
	sw.meta = m
	sw.run = sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: m.Tool.Name, Version: m.Tool.Version, InformationURI: informationURI}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  sarifColumnKind,
		Results:     []sarifResult{},
	}
	if sw.run.Tool.Driver.Name == "" {
		sw.run.Tool.Driver.Name = "exolint"
	}
	if sw.opt.AutomationID != "" {
		sw.run.AutomationDetails = &sarifAutomation{ID: sw.opt.AutomationID}
	}
	if len(m.Markets) > 0 {
		sw.run.Properties = &sarifRunProps{Markets: m.Markets}
	}
	root := sarifArtifactLoc{Description: &sarifMessage{Text: "The directory exolint check ran in; relative paths are relative to it."}}
	if sw.opt.SrcRoot != "" {
		root.URI = dirURI(sw.opt.SrcRoot)
	}
	sw.run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRootID: root}
	sw.index = map[string]int{}
	for _, rl := range m.Rules {
		if _, dup := sw.index[rl.ID]; !dup {
			sw.index[rl.ID] = len(sw.index)
		}
	}
	return nil
}

// ruleIndex is a rule's place in tool.driver.rules.
func (sw *sarifWriter) ruleIndex(id string) int {
	i, ok := sw.index[id]
	if !ok {
		i = len(sw.index)
		sw.index[id] = i
		sw.extra = append(sw.extra, id)
	}
	return i
}

func (sw *sarifWriter) Document(d *rules.DocResult) error {
	a := locateArtifact(d.Source, d.Format, sw.opt.SrcRoot)
	loc := a.location()
	if a.base != "" {
		if sw.sites == nil {
			sw.sites = map[string]string{}
		}
		sw.sites[a.baseID] = a.base
	}
	if d.Err != nil {
		inv := &sw.run.Invocations[0]
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:      "error",
			Message:    sarifMessage{Text: fmt.Sprintf("could not read %s: %v", displayPath(d.Source), d.Err)},
			Locations:  []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc}}},
			Descriptor: sarifDescRef{ID: inputErrorID},
		})
		return nil
	}
	// One result per place: code scanning places an alert at a result's
	// first location only, so a repeated problem is marked everywhere by
	// repeating the result (each with its own fingerprint).
	places := rules.ExpandFindings(d.Findings)
	for i := range places {
		f := &places[i]
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           sw.ruleIndex(f.Rule),
			Level:               sarifLevel(f.Severity),
			Message:             sarifMessage{Text: f.Message},
			Locations:           []sarifLocation{a.place(loc, sarifRegionOf(f))},
			PartialFingerprints: map[string]string{fingerprintKey: sw.fp.next(a.id, f)},
			Properties:          sarifResultProps{Match: f.Match, Markets: slices.Clone(f.Markets), Kind: string(f.Kind), Region: string(f.Region), Suggestion: f.Suggestion},
		}
		// Only files can be edited, and only where the match is the
		// source text verbatim (see fixable).
		if a.editable && fixable(f) {
			del := *sarifRegionOf(f)
			del.Snippet = nil
			res.Fixes = []sarifFix{{
				Description: sarifMessage{Text: fmt.Sprintf("Replace %q with %q", f.Match, f.Suggestion)},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: loc,
					Replacements:     []sarifReplacement{{DeletedRegion: del, InsertedContent: &sarifMessage{Text: f.Suggestion}}},
				}},
			}}
		}
		if err := sw.spoolResult(&res); err != nil {
			return err
		}
	}
	return nil
}

// spoolResult encodes one result as it will sit in the log.
func (sw *sarifWriter) spoolResult(res *sarifResult) error {
	sw.buf.Reset()
	if sw.n == 0 {
		sw.buf.WriteString("\n" + resultIndent)
	} else {
		sw.buf.WriteString(",\n" + resultIndent)
	}
	if err := sw.enc.Encode(res); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	sw.n++
	if _, err := sw.results.Write(bytes.TrimRight(sw.buf.Bytes(), "\n")); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

// Abort drops the spooled results.
func (sw *sarifWriter) Abort() { sw.results.close() }

func (sw *sarifWriter) End() error {
	defer sw.results.close()
	for id, base := range sw.sites {
		sw.run.OriginalURIBaseIDs[id] = sarifArtifactLoc{URI: base, Description: &sarifMessage{Text: "A web site exolint fetched pages from."}}
	}
	sw.run.Tool.Driver.Rules = sarifRules(sw.meta.Rules, sw.extra)
	// The log without results, then the spooled results spliced into its
	// empty array. Quotes inside JSON strings are escaped, so the first
	// `"results": []` is the run's.
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{sw.run}}); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	log := head.Bytes()
	at := bytes.Index(log, []byte(`"results": []`))
	if at < 0 || sw.n == 0 {
		if _, err := sw.w.Write(log); err != nil {
			return fmt.Errorf("write sarif: %w", err)
		}
		return nil
	}
	at += len(`"results": [`)
	bw := bufio.NewWriterSize(sw.w, 64<<10)
	_, _ = bw.Write(log[:at])
	if err := sw.results.copyTo(bw); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	_, _ = bw.WriteString("\n      ")
	_, _ = bw.Write(log[at:])
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

// location is the artifactLocation of a document.
// place is a result's location: the artifact's region, and for a JSON
// Lines record, the record by name, since its region counts from the
// record's own start.
func (a artifact) place(loc sarifArtifactLoc, reg *sarifRegion) sarifLocation {
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: loc, Region: reg}}
	if a.record != "" {
		l.LogicalLocations = []sarifLogicalLocation{{Name: a.record, FullyQualifiedName: "stdin/" + a.record, Kind: "object"}}
	}
	return l
}

func (a artifact) location() sarifArtifactLoc {
	loc := sarifArtifactLoc{URI: a.uri, URIBaseID: a.baseID}
	switch {
	case a.id == stdinSource:
		loc.Description = &sarifMessage{Text: "standard input"}
	case a.record != "":
		loc.Description = &sarifMessage{Text: "a JSON Lines record on standard input; the region counts from the record's first byte"}
	}
	return loc
}

func sarifRegionOf(f *rules.Finding) *sarifRegion {
	if !located(f) {
		return nil
	}
	reg := &sarifRegion{StartLine: f.Start.Line, StartColumn: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column}
	// The snippet is the file's own text in the region (SARIF 3.30.13),
	// markup and entities included; the decoded words are the match
	// property and are quoted in the message. Without the source text
	// there is no snippet rather than a wrong one.
	if f.SourceText != "" {
		reg.Snippet = &sarifMessage{Text: f.SourceText}
	}
	return reg
}

// sarifRules describes the run's rules in catalog order, then the rules
// findings named that the catalog lacks, in the order first seen, so every
// result's ruleIndex points at a descriptor.
func sarifRules(catalog []*rules.Rule, extra []string) []sarifRule {
	cites := rules.Citations()
	seen := map[string]bool{}
	var out []sarifRule
	for _, rl := range catalog {
		if seen[rl.ID] {
			continue
		}
		seen[rl.ID] = true
		out = append(out, sarifRuleOf(rl, cites))
	}
	for _, id := range extra {
		out = append(out, sarifRule{
			ID: id, Name: pascalCase(id), HelpURI: HelpURL(id),
			DefaultConfiguration: sarifConfig{Level: "warning"},
			Properties:           sarifRuleProps{Tags: []string{"exosome", "compliance"}},
		})
	}
	if out == nil {
		out = []sarifRule{}
	}
	return out
}

func sarifRuleOf(rl *rules.Rule, cites map[string]rules.Citation) sarifRule {
	doc := unwrap(rl.Doc)
	var text, md strings.Builder
	text.WriteString(doc)
	md.WriteString(doc)
	if rl.Bad != "" || rl.Good != "" {
		fmt.Fprintf(&text, "\n\nFlagged: %s\nCompliant: %s", rl.Bad, rl.Good)
		fmt.Fprintf(&md, "\n\n**Flagged:**\n\n> %s\n\n**Compliant:**\n\n> %s", rl.Bad, rl.Good)
	}
	if len(rl.Citations) > 0 {
		text.WriteString("\n\nSources:")
		md.WriteString("\n\n**Sources:**\n")
		for _, k := range rl.Citations {
			c, ok := cites[k]
			if !ok {
				// A key without an entry is caught by the rules' catalog
				// test; here it is shown rather than dropped.
				c = rules.Citation{Key: k, Title: k}
			}
			fmt.Fprintf(&text, "\n- %s", c.Title)
			if c.URL != "" {
				fmt.Fprintf(&text, " <%s>", c.URL)
				fmt.Fprintf(&md, "\n- [%s](%s)", c.Title, c.URL)
			} else {
				fmt.Fprintf(&md, "\n- %s", c.Title)
			}
		}
	}
	fmt.Fprintf(&md, "\n\n[Rule documentation](%s)", HelpURL(rl.ID))
	tags := []string{"exosome", "compliance"}
	for _, m := range rules.AllMarkets() {
		if rl.SeverityIn(m) != rules.Off {
			tags = append(tags, "market:"+string(m))
		}
	}
	sr := sarifRule{
		ID:                   rl.ID,
		Name:                 pascalCase(rl.ID),
		HelpURI:              HelpURL(rl.ID),
		DefaultConfiguration: sarifConfig{Level: sarifLevel(rl.Severity)},
		Properties:           sarifRuleProps{Tags: tags},
		Help:                 &sarifMultiMessage{Text: text.String(), Markdown: md.String()},
	}
	if rl.Title != "" {
		sr.ShortDescription = &sarifMessage{Text: capitalize(rl.Title)}
	}
	if doc != "" {
		sr.FullDescription = &sarifMessage{Text: doc}
	}
	return sr
}

// sarifLevel maps a severity to a SARIF level; a rule that is off by default
// (but on in some market) has level "none".
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Info:
		return "note"
	}
	return "none"
}

// pascalCase turns "source-undisclosed" into "SourceUndisclosed", the form
// SARIF viewers expect in reportingDescriptor.name.
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		first, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(first))
		b.WriteString(part[n:])
	}
	return b.String()
}
