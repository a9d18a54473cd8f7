package inci

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// dump renders a List compactly for test failure messages and for
// INCI_DUMP=file go test -run TestDump.
func dump(l *List) string {
	var b strings.Builder
	for _, s := range l.Sections {
		fmt.Fprintf(&b, "[%s may=%v]\n", s.Name, s.MayContain)
		for _, i := range s.Ingredients {
			fmt.Fprintf(&b, "  %q", i.Name)
			if len(i.Synonyms) > 0 {
				fmt.Fprintf(&b, " syn=%q", i.Synonyms)
			}
			if len(i.Marks) > 0 {
				fmt.Fprintf(&b, " marks=%q", i.Marks)
			}
			if i.Amount != "" {
				fmt.Fprintf(&b, " amt=%q", i.Amount)
			}
			if len(i.Notes) > 0 {
				fmt.Fprintf(&b, " notes=%q", i.Notes)
			}
			b.WriteString("\n")
		}
	}
	for _, u := range l.Unparsed {
		fmt.Fprintf(&b, "UNPARSED %q\n", u.Text)
	}
	for _, f := range l.Footnotes {
		fmt.Fprintf(&b, "FOOTNOTE %q %q\n", f.Mark, f.Text)
	}
	return b.String()
}

func TestDump(t *testing.T) {
	f := os.Getenv("INCI_DUMP")
	if f == "" {
		t.Skip("set INCI_DUMP=path to print a parse")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Split(string(b), "\n====\n") {
		fmt.Println("-----")
		fmt.Print(dump(Parse(part)))
	}
}
