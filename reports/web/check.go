package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/exolint/exolint/rules"
	"github.com/exolint/exolint/scraper"
	"github.com/exolint/exolint/scraper/fetch"
)

// Input kinds a check takes.
const (
	kindAuto = "auto"
	kindURL  = "url"
	kindText = "text"
	kindINCI = "inci"
)

// checkRequest is one thing to check, from the form, the query string or
// the JSON API.
type checkRequest struct {
	kind    string // url, text or inci (never auto once resolved)
	input   string
	format  string // for text: html, md, text or "" to sniff
	markets []rules.Market
}

// outcome is what a check found.
type outcome struct {
	req    checkRequest
	result *rules.DocResult
	tables []rules.IngredientTable
}

// checker runs checks with bounded concurrency: workers at once, queue more
// waiting, and a 429 beyond that.
type checker struct {
	o        Options
	loader   *scraper.Loader
	reader   *scraper.Reader
	describe *rules.IngredientDescriber

	slots   chan struct{}
	waiting atomic.Int64

	mu      sync.Mutex
	engines map[string]*rules.Engine // by market list; at most 2^8 keys
}

func newChecker(o Options) (*checker, error) {
	d, err := rules.NewIngredientDescriber()
	if err != nil {
		return nil, err
	}
	fo := o.Fetch
	if fo.Timeout == 0 {
		fo.Timeout = o.FetchTimeout
	}
	if fo.MaxBody == 0 {
		fo.MaxBody = maxFetchedPage
	}
	if fo.Retries == 0 {
		fo.Retries = 1 // a person is waiting: one retry, not three
	}
	if !o.AllowPrivate {
		fo.DialControl = fetch.RefusePrivate
	}
	reader := scraper.NewReader()
	return &checker{
		o:        o,
		reader:   reader,
		loader:   &scraper.Loader{Reader: reader, Fetcher: fetch.New(fo)},
		describe: d,
		slots:    make(chan struct{}, o.Workers),
		engines:  map[string]*rules.Engine{},
	}, nil
}

// maxFetchedPage caps a page fetched for a check; real product pages are
// well under it.
const maxFetchedPage = 5 << 20

func (c *checker) engine(markets []rules.Market) (*rules.Engine, error) {
	parts := make([]string, len(markets))
	for i, m := range markets {
		parts[i] = string(m)
	}
	key := strings.Join(parts, ",")
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.engines[key]; ok {
		return e, nil
	}
	e, err := rules.NewEngine(rules.All(), markets)
	if err != nil {
		return nil, err
	}
	c.engines[key] = e
	return e, nil
}

// newRequest validates what a user gave: kind (auto, url, text, inci),
// the input, the text format and the markets.
func (c *checker) newRequest(kind, input, format, markets string) (checkRequest, *apiError) {
	req := checkRequest{format: strings.ToLower(strings.TrimSpace(format))}
	if strings.TrimSpace(input) == "" {
		return req, errBadRequest("nothing to check: give a product link, page text or an ingredient list")
	}
	if int64(len(input)) > c.o.MaxBody {
		return req, &apiError{Status: 413, Code: codeTooLarge, Reason: fmt.Sprintf("the input is over %s; paste the product description and ingredient list only", sizeString(c.o.MaxBody))}
	}
	if !utf8.ValidString(input) {
		return req, &apiError{Status: 422, Code: codeUnreadable, Reason: "the input is not valid UTF-8 text"}
	}
	switch kind = strings.ToLower(strings.TrimSpace(kind)); kind {
	case "", kindAuto:
		kind = detectKind(input)
	case kindURL, kindText, kindINCI:
	default:
		return req, errBadRequest(fmt.Sprintf("unknown input kind %q (want auto, url, text or inci)", kind))
	}
	req.kind, req.input = kind, input
	switch req.format {
	case "":
	case "md":
		req.format = scraper.FormatMarkdown
	case scraper.FormatHTML, scraper.FormatMarkdown, scraper.FormatText:
	default:
		return req, errBadRequest(fmt.Sprintf("unknown format %q (want html, md or text)", format))
	}
	ms, err := rules.ParseMarkets(markets)
	if err != nil {
		return req, errBadRequest(oneLine(err.Error()))
	}
	req.markets = ms
	if kind == kindURL {
		req.input = strings.TrimSpace(input)
		if !strings.Contains(req.input, "://") {
			req.input = "https://" + req.input
		}
		if err := fetch.CheckURL(req.input); err != nil && (!c.o.AllowPrivate || !errors.Is(err, fetch.ErrPrivateAddress)) {
			return req, classify(err)
		}
	}
	return req, nil
}

// run checks one request under the concurrency limit.
func (c *checker) run(ctx context.Context, req checkRequest) (*outcome, *apiError) {
	if c.waiting.Add(1) > int64(c.o.Workers+c.o.Queue) {
		c.waiting.Add(-1)
		return nil, &apiError{Status: 429, Code: codeBusy, Reason: "too many checks are running; try again in a minute"}
	}
	defer c.waiting.Add(-1)
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, classify(ctx.Err())
	}
	defer func() { <-c.slots }()

	var (
		doc *scraper.Document
		err error
	)
	switch req.kind {
	case kindURL:
		doc, err = c.loader.Load(ctx, scraper.Input{Name: req.input, Kind: scraper.InputURL})
	case kindINCI:
		doc, err = c.reader.ReadIngredients("pasted ingredient list", []byte(req.input))
	default:
		doc, err = c.reader.Read("pasted text", []byte(req.input), req.format)
	}
	if err != nil {
		return nil, classify(err)
	}
	if err := ctx.Err(); err != nil {
		return nil, classify(err)
	}
	e, err := c.engine(req.markets)
	if err != nil {
		return nil, &apiError{Status: 500, Code: codeInternal, Reason: oneLine(err.Error())}
	}
	return &outcome{req: req, result: e.Check(doc), tables: c.describe.DescribeDocument(doc)}, nil
}

var (
	// A bare domain with an optional path: "shop.example/serum".
	bareDomain = regexp.MustCompile(`^(?i)(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$`)
	// "Ingredients:" or "INCI:" at the start of a pasted list.
	inciLabel = regexp.MustCompile(`(?i)^\s*(ingredients?|inci|full ingredients? list|成分|전성분)\s*[:：]`)
)

// detectKind guesses what a user pasted: a link, an ingredient list, or
// page text. A wrong guess is cheap: the page says what it took the input
// for, and the switch on the form overrides it.
func detectKind(input string) string {
	s := strings.TrimSpace(input)
	if !strings.ContainsAny(s, " \t\n") {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return kindURL
		}
		if bareDomain.MatchString(s) {
			return kindURL
		}
	}
	if looksLikeINCI(s) {
		return kindINCI
	}
	return kindText
}

// looksLikeINCI: mostly short comma-separated names and no sentences.
func looksLikeINCI(s string) bool {
	if loc := inciLabel.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	if strings.Contains(s, "<") || strings.Count(s, "\n\n") > 1 {
		return false
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' || r == '，' || r == '\n' })
	if len(items) < 4 {
		return false
	}
	long := 0
	for _, it := range items {
		if len(strings.Fields(it)) > 6 {
			long++
		}
	}
	sentences := strings.Count(s, ". ") + strings.Count(s, "! ") + strings.Count(s, "? ")
	return long*5 <= len(items) && sentences <= len(items)/10
}
