package audit

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

type recorder struct {
	nopProgress
	waits []string
}

func (r *recorder) Wait(host string, d time.Duration) { r.waits = append(r.waits, host) }

// TestPoliteSleepNamesTheHost: the fetcher's politeness waits reach the
// progress display with the host they are for.
func TestPoliteSleepNamesTheHost(t *testing.T) {
	rec := &recorder{}
	sleep := PoliteSleep(rec)
	if err := sleep(withHost(context.Background(), "http://a.example:80"), 0); err != nil {
		t.Fatal(err)
	}
	if err := sleep(context.Background(), 0); err != nil { // not from a host lane
		t.Fatal(err)
	}
	if len(rec.waits) != 1 || rec.waits[0] != "http://a.example:80" {
		t.Errorf("waits %v", rec.waits)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleep(ctx, time.Hour); err == nil {
		t.Error("a cancelled wait did not end")
	}
}

func TestPlainProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := NewPlain(&buf, time.Hour)
	p.Resumed(3)
	p.Planned(10)
	p.Wait("http://b.example:80", time.Hour)
	p.Done(false)
	p.Done(true)
	p.Close()
	if got := buf.String(); !strings.HasPrefix(got, "exolint audit: 5/10 listings, ") || !strings.Contains(got, "1 not read") || !strings.HasSuffix(got, "1 host(s) waiting\n") {
		t.Errorf("line %q", got)
	}
}
