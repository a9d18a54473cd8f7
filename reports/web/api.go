package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/exolint/exolint/reports"
	"github.com/exolint/exolint/rules"
)

// apiCheckRequest is the body of POST /api/check: exactly one of url, text
// and inci; format only with text; markets like --market ("us,eu" or a
// list).
type apiCheckRequest struct {
	URL     *string         `json:"url"`
	Text    *string         `json:"text"`
	INCI    *string         `json:"inci"`
	Format  string          `json:"format"`
	Markets json.RawMessage `json:"markets"`
}

// apiCheckResponse carries the same document object as `check --format
// json` (its documents[0]) and the same summary.
type apiCheckResponse struct {
	Tool     reports.Tool    `json:"tool"`
	Markets  []rules.Market  `json:"markets"`
	Document any             `json:"document"`
	Summary  reports.Summary `json:"summary"`
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	lf := fieldsOf(r)
	fail := func(e *apiError) {
		lf.code = e.Code
		writeAPIError(w, e)
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		fail(&apiError{Status: http.StatusUnsupportedMediaType, Code: codeMediaType, Reason: "send the request as application/json"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody+64<<10)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			fail(&apiError{Status: http.StatusRequestEntityTooLarge, Code: codeTooLarge, Reason: "the request body is over " + sizeString(s.o.MaxBody)})
			return
		}
		fail(errBadRequest("the request body could not be read"))
		return
	}
	var in apiCheckRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		fail(errBadRequest("the body is not the JSON object expected: " + oneLine(err.Error())))
		return
	}
	if dec.More() {
		fail(errBadRequest("the body holds more than one JSON value"))
		return
	}
	kind, input, n := "", "", 0
	for _, f := range []struct {
		k string
		v *string
	}{{kindURL, in.URL}, {kindText, in.Text}, {kindINCI, in.INCI}} {
		if f.v != nil {
			kind, input = f.k, *f.v
			n++
		}
	}
	if n != 1 {
		fail(errBadRequest(`give exactly one of "url", "text" or "inci"`))
		return
	}
	if in.Format != "" && kind != kindText {
		fail(errBadRequest(`"format" goes with "text" only`))
		return
	}
	markets, aerr := marketsParam(in.Markets)
	if aerr != nil {
		fail(aerr)
		return
	}
	if aerr := s.rateLimit(w, r); aerr != nil {
		fail(aerr)
		return
	}
	req, aerr := s.checker.newRequest(kind, input, in.Format, markets)
	lf.kind = kind
	if kind == kindURL {
		lf.host = hostOf(req.input)
	}
	if aerr != nil {
		fail(aerr)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.o.RequestTimeout)
	defer cancel()
	out, aerr := s.checker.run(ctx, req)
	if aerr != nil {
		fail(aerr)
		return
	}
	res := &reports.Result{Documents: []*rules.DocResult{out.result}}
	writeJSON(w, http.StatusOK, apiCheckResponse{
		Tool:     reports.Tool{Name: "exolint", Version: s.o.Version},
		Markets:  req.markets,
		Document: reports.JSONDocument(out.result),
		Summary:  res.Summarize(),
	})
}

// marketsParam accepts "us,eu", ["us","eu"] or nothing (all markets).
func marketsParam(raw json.RawMessage) (string, *apiError) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return one, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return strings.Join(list, ","), nil
	}
	return "", errBadRequest(`"markets" must be a string such as "us,eu" or a list of market codes`)
}

func (s *Server) apiRules(w http.ResponseWriter, r *http.Request) {
	ms, err := rules.ParseMarkets(r.URL.Query().Get("market"))
	if err != nil {
		writeAPIError(w, errBadRequest(oneLine(err.Error())))
		return
	}
	writeJSON(w, http.StatusOK, reports.RuleCatalog(s.catalog, ms))
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.o.Version})
}

// knownMethods are the methods each path answers, for 405s.
func knownMethods(path string) string {
	switch path {
	case "/check":
		return "GET, POST"
	case "/api/check":
		return "POST"
	case "/api/rules", "/healthz", "/rules", "/":
		return "GET"
	}
	if strings.HasPrefix(path, "/rules/") {
		return "GET"
	}
	return ""
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	if allow := knownMethods(r.URL.Path); allow != "" {
		w.Header().Set("Allow", allow)
		writeAPIError(w, &apiError{Status: http.StatusMethodNotAllowed, Code: codeMethod, Reason: r.URL.Path + " takes " + allow})
		return
	}
	writeAPIError(w, &apiError{Status: http.StatusNotFound, Code: codeNotFound, Reason: "no API endpoint at " + r.URL.Path + " (try POST /api/check or GET /api/rules)"})
}

func writeAPIError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.Status, struct {
		Error *apiError `json:"error"`
	}{e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":{"code":"internal","reason":"encoding failed"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
