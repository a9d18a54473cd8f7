package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/exolint/exolint/rules"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func parseTemplates() (*template.Template, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"upper": strings.ToUpper,
		"cap":   capitalize,
	}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	return t, nil
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		// The embed directive guarantees the folder; this cannot happen.
		return http.NotFoundHandler()
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// page is what every template gets.
type page struct {
	Title   string
	Version string
	Form    formView
	Verdict *verdictView
	Error   *apiError
	Rules   []ruleView
	Rule    *ruleView
	Status  int
}

// formView is the check form, filled with what the user sent last.
type formView struct {
	Input   string
	Kind    string
	Market  string
	Markets []marketOption
}

type marketOption struct {
	Value, Label string
	Selected     bool
}

func (s *Server) form(input, kind, market string) formView {
	if kind == "" {
		kind = kindAuto
	}
	f := formView{Input: input, Kind: kind, Market: market}
	f.Markets = append(f.Markets, marketOption{Value: "", Label: "Anywhere (all markets)", Selected: market == "" || market == "all"})
	for _, m := range rules.AllMarkets() {
		f.Markets = append(f.Markets, marketOption{Value: string(m), Label: marketName(m), Selected: market == string(m)})
	}
	return f
}

// render writes a template to a buffer first, so a template error becomes
// a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Version = s.o.Version
	p.Status = status
	if p.Form.Markets == nil {
		p.Form = s.form("", "", "")
	}
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		s.o.Logger.ErrorContext(r.Context(), "template failed", "template", name, "err", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	if name == "verdict.html" {
		// The page quotes what the user pasted.
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "index.html", page{Title: "Check an exosome skincare product"})
}

// checkPage answers GET /check?url=…|text=…|inci=… (a shareable verdict)
// and the form's POST.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	kind, input, format, market, aerr := s.pageInput(w, r)
	form := s.form(input, kind, market)
	if aerr == nil {
		aerr = s.rateLimit(w, r)
	}
	var req checkRequest
	if aerr == nil {
		req, aerr = s.checker.newRequest(kind, input, format, market)
	}
	lf := fieldsOf(r)
	lf.kind = req.kind
	if req.kind == kindURL {
		lf.host = hostOf(req.input)
	}
	var out *outcome
	if aerr == nil {
		ctx, cancel := context.WithTimeout(r.Context(), s.o.RequestTimeout)
		out, aerr = s.checker.run(ctx, req)
		cancel()
	}
	if aerr != nil {
		lf.code = aerr.Code
		s.render(w, r, aerr.Status, "error.html", page{Title: "Could not check this", Form: form, Error: aerr})
		return
	}
	v := s.verdict(out)
	s.render(w, r, http.StatusOK, "verdict.html", page{Title: v.Headline, Form: form, Verdict: &v})
}

// pageInput reads the form (POST: input and as) or the query string (GET:
// url, text or inci).
func (s *Server) pageInput(w http.ResponseWriter, r *http.Request) (kind, input, format, market string, aerr *apiError) {
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody+64<<10)
		if err := r.ParseForm(); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return "", "", "", "", &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeTooLarge, Reason: "the form is over " + sizeString(s.o.MaxBody) + "; paste the product description and ingredient list only"}
			}
			return "", "", "", "", errBadRequest("the form could not be read: " + oneLine(err.Error()))
		}
		f := r.PostForm
		return f.Get("as"), f.Get("input"), f.Get("format"), f.Get("market"), nil
	}
	q := r.URL.Query()
	market, format = q.Get("market"), q.Get("format")
	given := 0
	for _, k := range []string{kindURL, kindText, kindINCI} {
		if v := q.Get(k); v != "" {
			kind, input = k, v
			given++
		}
	}
	if v := q.Get("input"); v != "" {
		kind, input = q.Get("as"), v
		given++
	}
	switch {
	case given == 0:
		return "", "", format, market, errBadRequest("nothing to check: add ?url=, ?text= or ?inci= to the address, or use the form")
	case given > 1:
		return "", "", format, market, errBadRequest("give one of url, text or inci, not several")
	}
	return kind, input, format, market, nil
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// ruleView is one rule on the catalog and explain pages.
type ruleView struct {
	ID, Title, Doc, Bad, Good string
	Headline                  string
	Severity                  string
	PerMarket                 []marketSeverity
	Citations                 []rules.Citation
	Paragraphs                []string
}

type marketSeverity struct{ Market, Severity string }

func (s *Server) ruleView(r *rules.Rule, cites map[string]rules.Citation) ruleView {
	rv := ruleView{ID: r.ID, Title: capitalize(r.Title), Bad: r.Bad, Good: r.Good, Severity: r.Severity.String()}
	if w, ok := s.wording[r.ID]; ok {
		rv.Headline = w.Headline
	}
	for _, m := range rules.AllMarkets() {
		rv.PerMarket = append(rv.PerMarket, marketSeverity{Market: marketName(m), Severity: r.SeverityIn(m).String()})
	}
	for _, p := range strings.Split(strings.TrimSpace(r.Doc), "\n\n") {
		rv.Paragraphs = append(rv.Paragraphs, strings.Join(strings.Fields(p), " "))
	}
	for _, k := range r.Citations {
		if c, ok := cites[k]; ok {
			rv.Citations = append(rv.Citations, c)
		}
	}
	return rv
}

func (s *Server) rulesPage(w http.ResponseWriter, r *http.Request) {
	cites := rules.Citations()
	var rs []ruleView
	for _, rule := range s.catalog {
		rs = append(rs, s.ruleView(rule, cites))
	}
	s.render(w, r, http.StatusOK, "rules.html", page{Title: "What exolint checks", Rules: rs})
}

func (s *Server) rulePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rule, err := rules.Lookup(s.catalog, id)
	if err != nil {
		reason := "there is no rule called " + id
		if hint := rules.SuggestID(s.catalog, id); hint != "" {
			reason += "; did you mean " + hint + "?"
		}
		s.render(w, r, http.StatusNotFound, "error.html", page{Title: "No such rule", Error: &apiError{Status: 404, Code: codeNotFound, Reason: reason}})
		return
	}
	rv := s.ruleView(rule, rules.Citations())
	s.render(w, r, http.StatusOK, "rule.html", page{Title: rv.Title, Rule: &rv})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if allow := knownMethods(r.URL.Path); allow != "" {
		w.Header().Set("Allow", allow)
		s.render(w, r, http.StatusMethodNotAllowed, "error.html", page{Title: "Not allowed",
			Error: &apiError{Status: http.StatusMethodNotAllowed, Code: codeMethod, Reason: r.URL.Path + " takes " + allow}})
		return
	}
	s.render(w, r, http.StatusNotFound, "error.html", page{Title: "Page not found",
		Error: &apiError{Status: 404, Code: codeNotFound, Reason: "there is no page at this address"}})
}
