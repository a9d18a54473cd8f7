package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
)

// stdinSource is how the loader names standard input.
const stdinSource = "-"

// isURL reports whether a document's source is a fetched page rather than a
// file: CI formats can only point at files in the repository.
func isURL(source string) bool {
	return strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://")
}

// displayPath is the name CI systems know a file by: the path as given,
// cleaned, with forward slashes on every OS (GitHub and reviewdog match paths
// against the repository with "/"). URLs and "-" are returned unchanged.
func displayPath(source string) string {
	if isURL(source) || source == stdinSource || source == "" {
		return source
	}
	return filepath.ToSlash(filepath.Clean(source))
}

// stdinURI is standard input's artifact uri in SARIF: a stable relative
// name, since GitHub code scanning requires every location to have one
// (GH1017) and standard input has no address.
const stdinURI = "stdin"

// artifact is where a document lives, as SARIF sees it.
type artifact struct {
	// id is the document's identity for fingerprints: the path relative to
	// the source root (or the URL), so it is the same on every machine that
	// checks out the repository.
	id string
	// uri is the RFC 3986 reference for artifactLocation.uri.
	uri string
	// baseID is the uriBaseId uri is relative to ("" for an absolute uri);
	// base is that base's absolute URI when it is a site (baseID is then
	// a SITE… id and the writer defines it in originalUriBaseIds).
	baseID, base string
	// stdin and web pages cannot be edited: no fixes.
	editable bool
	// record names a JSON Lines product record read from standard input
	// (its url, else its id): the region counts from the record's start,
	// not the stream's, so the record is a logical location in the stream.
	record string
}

// locateArtifact maps a source to its SARIF location. Relative paths stay
// relative (to %SRCROOT%); absolute paths under srcRoot are made relative so
// results from different checkouts match; other absolute paths become file
// URIs. GitHub code scanning accepts only relative or file: URIs in result
// locations (GH1005), so a web page is relative to its site, a base of its
// own (SITE_<host>), which resolves to the page's URL for any SARIF reader;
// standard input is "stdin".
func locateArtifact(source, format, srcRoot string) artifact {
	switch {
	case format == scraper.FormatJSONLines:
		return artifact{id: "record:" + source, uri: stdinURI, record: source}
	case isURL(source):
		if u, err := url.Parse(source); err == nil && u.Host != "" {
			rel := &url.URL{Path: strings.TrimPrefix(u.Path, "/"), RawPath: strings.TrimPrefix(u.RawPath, "/"), RawQuery: u.RawQuery}
			return artifact{id: source, uri: relativeRef(rel), baseID: "SITE_" + u.Host, base: u.Scheme + "://" + u.Host + "/"}
		}
		return artifact{id: source, uri: stdinURI}
	case source == stdinSource || source == "":
		return artifact{id: stdinSource, uri: stdinURI}
	}
	p := filepath.Clean(source)
	if filepath.IsAbs(p) {
		if srcRoot != "" {
			if rel, err := filepath.Rel(srcRoot, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				rel = filepath.ToSlash(rel)
				return artifact{id: rel, uri: relativeURI(rel), baseID: srcRootID, editable: true}
			}
		}
		return artifact{id: filepath.ToSlash(p), uri: fileURI(p), editable: true}
	}
	rel := filepath.ToSlash(p)
	return artifact{id: rel, uri: relativeURI(rel), baseID: srcRootID, editable: true}
}

// relativeRef writes a relative reference; one with an empty path (the
// site's root page) is "./", so it is never empty.
func relativeRef(u *url.URL) string {
	s := u.String()
	if s == "" || strings.HasPrefix(s, "?") {
		s = "./" + s
	}
	return s
}

// relativeURI escapes a slash-separated relative path as a URI reference.
// url.URL adds "./" when the first segment has a colon, which would otherwise
// read as a scheme.
func relativeURI(p string) string { return (&url.URL{Path: p}).String() }

// fileURI turns an absolute path into a file URI; on Windows "C:\x" becomes
// "file:///C:/x".
func fileURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is a directory as an absolute file URI ending in "/", as SARIF
// requires for originalUriBaseIds.
func dirURI(dir string) string {
	u := fileURI(filepath.Clean(dir))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// fingerprinter gives each finding an identity that survives edits which
// move it: the rule, the matched words (case, spacing and Unicode form
// normalised), the document, and which occurrence of that same rule and
// match in the document it is. Line and column are left out on purpose, so
// adding a paragraph above a finding does not make it "new" in GitHub code
// scanning or a baseline.
//
// Occurrences are counted within one document, so only the current
// document's counts are kept: a run over 100 000 pages does not hold a key
// for every finding it ever saw. The same document named twice gets the
// same fingerprints twice, as it should.
type fingerprinter struct {
	doc  string
	seen map[string]int
}

func newFingerprinter() *fingerprinter { return &fingerprinter{seen: map[string]int{}} }

// next returns the fingerprint of f in the document with identity docID.
// Call it for a document's findings in their sorted order.
func (fp *fingerprinter) next(docID string, f *rules.Finding) string {
	if docID != fp.doc {
		fp.doc = docID
		clear(fp.seen)
	}
	key := f.Rule + "\x00" + normalizeMatch(f.Match) + "\x00" + docID
	n := fp.seen[key]
	fp.seen[key] = n + 1
	sum := sha256.Sum256([]byte("exolint/v1\x00" + key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}

// normalizeMatch makes "Plant  EXOSOMES" and "plant exosomes" the same and
// composes decomposed Hangul, so a re-wrapped or re-saved page keeps its
// fingerprints.
func normalizeMatch(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// fixable reports whether a finding's suggestion can be applied to the
// source as a plain replacement of its range. The match is the extracted
// text; when the source range has a different length it holds markup,
// entities or collapsed space, and replacing it would delete them.
func fixable(f *rules.Finding) bool {
	if f.Suggestion == "" || f.Start.Line == 0 || f.End.Offset-f.Start.Offset != len(f.Match) {
		return false
	}
	// Where the source text is known it must be the words themselves,
	// case aside (a further place may say "miracle" where the first said
	// "Miracle").
	return f.SourceText == "" || strings.EqualFold(f.SourceText, f.Match)
}

// located reports whether a finding carries a source position.
func located(f *rules.Finding) bool { return f.Start.Line > 0 }

// rulesByID maps rule ids to their rule, for formats that print rule
// metadata.
func rulesByID(rs []*rules.Rule) map[string]*rules.Rule {
	m := make(map[string]*rules.Rule, len(rs))
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}
