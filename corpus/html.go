package corpus

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText returns the visible text of an HTML page with its block
// structure kept as line breaks, and the page's <title> (or first <h1>).
// Script, style, navigation, forms and footers are dropped. It reads the
// page with a streaming tokenizer, so deeply nested markup costs no stack.
func HTMLText(r io.Reader) (text, title string, err error) {
	z := html.NewTokenizer(r)
	var b strings.Builder
	var titleBuf, h1Buf strings.Builder
	skip := 0 // depth inside dropped elements
	inTitle, inH1 := false, false
	newline := func() {
		s := b.String()
		if len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				t := strings.TrimSpace(titleBuf.String())
				if h := strings.TrimSpace(h1Buf.String()); h != "" {
					t = h
				}
				return b.String(), collapseSpace(t), nil
			}
			return b.String(), "", z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if droppedElement[a] {
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			switch a {
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.H1:
				inH1 = tt == html.StartTagToken && h1Buf.Len() == 0
			}
			if skip == 0 && blockElement[a] {
				newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if droppedElement[a] {
				if skip > 0 {
					skip--
				}
				continue
			}
			switch a {
			case atom.Title:
				inTitle = false
			case atom.H1:
				inH1 = false
			}
			if skip == 0 && blockElement[a] {
				newline()
			}
		case html.TextToken:
			t := string(z.Text())
			if inTitle {
				titleBuf.WriteString(t)
				continue
			}
			if skip > 0 {
				continue
			}
			if inH1 {
				h1Buf.WriteString(t)
			}
			b.WriteString(collapseHTMLSpace(t))
		}
	}
}

// collapseHTMLSpace folds the source line breaks and indentation of HTML
// text into single spaces, as a browser renders them.
func collapseHTMLSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' })
	for i := range f {
		f[i] = strings.Trim(f[i], " ")
	}
	return strings.Join(f, "")
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

var droppedElement = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Iframe: true, atom.Svg: true, atom.Select: true, atom.Button: true,
	atom.Form: true, atom.Footer: true, atom.Aside: true, atom.Template: true,
	atom.Textarea: true, atom.Object: true,
}

var blockElement = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Title: true, atom.Center: true,
}
