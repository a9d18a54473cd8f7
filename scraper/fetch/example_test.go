package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/exolint/exolint/scraper/fetch"
)

func Example() {
	// A shop that keeps exolint out of its checkout pages.
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = fmt.Fprint(w, "User-agent: *\nDisallow: /checkout/\n")
	})
	mux.HandleFunc("/products/serum", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = fmt.Fprint(w, "<h1>Rose exosome serum</h1>")
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()

	// The zero Options are polite; only the client is swapped for the test.
	f := fetch.New(fetch.Options{Version: "1.0.0", Client: ts.Client()})
	ctx := context.Background()

	res, err := f.Fetch(ctx, ts.URL+"/products/serum")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.ContentType, res.Charset, string(res.Body))

	_, err = f.Fetch(ctx, ts.URL+"/checkout/cart")
	fmt.Println(errors.Is(err, fetch.ErrRobotsDisallowed), fetch.Describe(err))
	// Output:
	// text/html utf-8 <h1>Rose exosome serum</h1>
	// true disallowed by robots.txt (rule "Disallow: /checkout/")
}
