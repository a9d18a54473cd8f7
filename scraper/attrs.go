package scraper

import (
	"bytes"
	"html"
	"strings"
)

// attr locates one attribute in a start tag's raw bytes. The tokenizer
// decodes attribute values but forgets where they were; rules need the place
// of an alt text or a meta description, so the raw tag is scanned here.
type attr struct {
	name             string
	valStart, valEnd int
}

type attrList []attr

// tagAttrs scans a raw start tag such as `<img src="a.png" alt='Rose'>`.
func tagAttrs(raw []byte) attrList {
	var out attrList
	if len(raw) < 4 || bytes.IndexByte(raw, '=') < 0 && bytes.IndexByte(raw, ' ') < 0 {
		return nil
	}
	i := 1
	for i < len(raw) && !isASCIISpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	for i < len(raw) {
		for i < len(raw) && (isASCIISpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		ns := i
		for i < len(raw) && !isASCIISpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && (raw[i] != '/' || i == ns) {
			i++
		}
		a := attr{name: strings.ToLower(string(raw[ns:i])), valStart: i, valEnd: i}
		for i < len(raw) && isASCIISpace(raw[i]) {
			i++
		}
		if i < len(raw) && raw[i] == '=' {
			i++
			for i < len(raw) && isASCIISpace(raw[i]) {
				i++
			}
			if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
				q := raw[i]
				i++
				vs := i
				for i < len(raw) && raw[i] != q {
					i++
				}
				a.valStart, a.valEnd = vs, i
				if i < len(raw) {
					i++
				}
			} else {
				vs := i
				for i < len(raw) && !isASCIISpace(raw[i]) && raw[i] != '>' {
					i++
				}
				a.valStart, a.valEnd = vs, i
			}
		}
		out = append(out, a)
	}
	return out
}

func (l attrList) find(name string) (attr, bool) {
	for _, a := range l {
		if a.name == name {
			return a, true
		}
	}
	return attr{}, false
}

// get returns the decoded value of the named attribute, or "".
func (l attrList) get(raw []byte, name string) string {
	a, ok := l.find(name)
	if !ok {
		return ""
	}
	return html.UnescapeString(string(raw[a.valStart:a.valEnd]))
}
