package corpus

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// HTMLText returns the visible text of an HTML page with its block
// structure kept as line breaks, and the page's <title> (or first <h1>).
// Script, style, navigation, form controls and footers are dropped; a
// <form> is not (ASP.NET pages wrap the whole body in one). Table cells
// are separated by a tab and rows by a line break, so that the figures of
// neighbouring cells never run together; source line breaks between two
// letters or digits read as a space, as a browser shows them.
//
// Markup left open never hides the rest of the page: a dropped element
// (<nav>, <aside>, <footer> …) ends with the element that holds it, a
// button or a select list at the next block element, and an element whose
// content the tokenizer reads as text up to its end tag (<title>,
// <script>, <textarea> …) that has no end tag is read as if its start
// tag were not there. It reads the page with a streaming tokenizer, so
// deeply nested markup costs no stack.
func HTMLText(r io.Reader) (text, title string, err error) {
	z := html.NewTokenizer(r)
	w := htmlWriter{}
	var titleBuf, h1Buf strings.Builder
	var drops []int // for each dropped element open, the depth it opened at
	depth := 0      // container elements open (see containerElement)
	control := 0    // depth inside buttons and select lists (see controlElement)
	inTitle, inH1 := false, false
	var rawOpen atom.Atom // an element whose content the tokenizer reads as text, just opened
	var held *string      // the text of that element, until its end tag is seen
	var heldIn atom.Atom  // the element held's
	repairs := 0          // elements read as not there
	writeText := func(t string) {
		if inTitle {
			titleBuf.WriteString(t)
			return
		}
		if len(drops) > 0 || control > 0 {
			return
		}
		if inH1 {
			h1Buf.WriteString(t)
		}
		w.text(t)
	}
	for {
		tt := z.Next()
		if held != nil {
			t := *held
			held = nil
			if tt == html.ErrorToken && z.Err() == io.EOF {
				// no end tag: the element is as not there, its text is read
				// as markup (as text past maxRawRepairs: each costs a
				// reading of the rest of the page)
				if droppedElement[heldIn] && len(drops) > 0 {
					drops = drops[:len(drops)-1]
				}
				if heldIn == atom.Title {
					inTitle = false
				}
				if repairs++; repairs <= maxRawRepairs {
					z = html.NewTokenizer(strings.NewReader(t))
					continue
				}
			}
			writeText(t)
		}
		if tt != html.TextToken {
			rawOpen = 0
		}
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				t := strings.TrimSpace(titleBuf.String())
				if h := strings.TrimSpace(h1Buf.String()); h != "" {
					t = h
				}
				return w.b.String(), collapseSpace(t), nil
			}
			return w.b.String(), "", z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if rawTextElement[a] {
				rawOpen = a
			}
			if droppedElement[a] {
				if tt == html.StartTagToken {
					drops = append(drops, depth)
				}
				continue
			}
			if controlElement[a] {
				if tt == html.StartTagToken {
					control++
				}
				continue
			}
			if containerElement[a] && tt == html.StartTagToken {
				depth++
			}
			switch a {
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.H1:
				inH1 = tt == html.StartTagToken && h1Buf.Len() == 0
			}
			if blockElement[a] {
				control = 0 // a button or list left open ends here
				if len(drops) == 0 {
					w.newline()
				}
			} else if cellElement[a] {
				control = 0
				if len(drops) == 0 {
					w.cell()
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if droppedElement[a] {
				if len(drops) > 0 {
					drops = drops[:len(drops)-1]
				}
				continue
			}
			if controlElement[a] {
				if control > 0 {
					control--
				}
				continue
			}
			if containerElement[a] {
				depth--
				for len(drops) > 0 && depth < drops[len(drops)-1] {
					drops = drops[:len(drops)-1] // its holder ends: so does it
				}
			}
			switch a {
			case atom.Title:
				inTitle = false
			case atom.H1:
				inH1 = false
			}
			if blockElement[a] || cellElement[a] {
				control = 0
			}
			if len(drops) == 0 && blockElement[a] {
				w.newline()
			}
		case html.TextToken:
			if rawOpen != 0 { // its end tag, or the end of the page, decides
				t := string(z.Text())
				held, heldIn, rawOpen = &t, rawOpen, 0
				continue
			}
			writeText(string(z.Text()))
		}
	}
}

// htmlWriter gathers the text of a page: a line a block, a tab between
// table cells, source whitespace folded.
type htmlWriter struct {
	b strings.Builder
	// space says that source whitespace with a line break (or a tab)
	// stands between the last text written and the next: it is written
	// as a space if both sides are letters or digits.
	space bool
}

// last returns the last byte written, 0 if none.
func (w *htmlWriter) last() byte {
	if w.b.Len() == 0 {
		return 0
	}
	s := w.b.String()
	return s[len(s)-1]
}

// newline ends the current line, if it has text.
func (w *htmlWriter) newline() {
	if c := w.last(); c != 0 && c != '\n' {
		w.b.WriteByte('\n')
	}
	w.space = false
}

// cell starts a table cell: a tab after the text of the cell before it.
func (w *htmlWriter) cell() {
	if c := w.last(); c != 0 && c != '\n' && c != '\t' {
		w.b.WriteByte('\t')
	}
	w.space = false
}

// text writes the text of a text token, its line breaks and tabs folded
// as collapseHTMLSpace folds them.
func (w *htmlWriter) text(t string) {
	if !strings.ContainsAny(t, "\n\r\t") {
		if t != "" {
			w.write(t)
		}
		return
	}
	lead := strings.IndexFunc(t, func(r rune) bool { return r != ' ' && r != '\n' && r != '\r' && r != '\t' })
	if lead < 0 { // whitespace with a line break or a tab only
		w.space = true
		return
	}
	if strings.ContainsAny(t[:lead], "\n\r\t") {
		w.space = true
	}
	end := len(strings.TrimRight(t, " \n\r\t"))
	w.write(collapseHTMLSpace(t[lead:end]))
	if strings.ContainsAny(t[end:], "\n\r\t") {
		w.space = true
	}
}

// write writes s, after a space if source whitespace stood between two
// letters or digits.
func (w *htmlWriter) write(s string) {
	if s == "" {
		return
	}
	if w.space {
		r, _ := hanset.DecodeRune(s)
		if asciiAlnum(rune(w.last())) && asciiAlnum(r) {
			w.b.WriteByte(' ')
		}
		w.space = false
	}
	w.b.WriteString(s)
}

// collapseHTMLSpace folds the source line breaks and indentation of HTML
// text, as a browser renders them: into nothing between Chinese
// characters (a line wrapped in the source), into one space between two
// letters or digits (2019 and 204 stay two numbers).
func collapseHTMLSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' })
	var b strings.Builder
	b.Grow(len(s))
	for i := range f {
		p := strings.Trim(f[i], " ")
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			prev := b.String()
			r, _ := hanset.DecodeRune(p)
			if asciiAlnum(rune(prev[len(prev)-1])) && asciiAlnum(r) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// asciiAlnum reports an ASCII letter or digit.
func asciiAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// droppedElement are the elements whose text is not the page's.
var droppedElement = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Iframe: true, atom.Svg: true, atom.Footer: true, atom.Aside: true,
	atom.Template: true, atom.Textarea: true, atom.Object: true,
}

// maxRawRepairs is how many elements read as text up to an end tag that
// is missing HTMLText reads again as markup in one page.
const maxRawRepairs = 16

// rawTextElement are the elements whose content the tokenizer reads as
// text, up to their end tag.
var rawTextElement = map[atom.Atom]bool{
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Noscript: true,
	atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true, atom.Xmp: true,
}

// containerElement are the elements that hold others and whose end tags
// pages write: an element dropped but left open ends with its holder.
var containerElement = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Form: true, atom.Center: true, atom.Blockquote: true, atom.Figure: true,
	atom.Fieldset: true,
}

// controlElement are the form controls whose text is dropped: a button's
// caption, a select list's options. Pages leave them open, so a block
// element or a table cell ends them too.
var controlElement = map[atom.Atom]bool{atom.Button: true, atom.Select: true}

// cellElement are the table cells, separated by a tab.
var cellElement = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

var blockElement = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Title: true, atom.Center: true, atom.Caption: true, atom.Form: true, atom.Fieldset: true,
	atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}
