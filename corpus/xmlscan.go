package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// wmlTokens is what wmlReader reads: the tokens of a part and a way to pass
// over an element. An *xml.Decoder is one; xmlScanner, over a part held in
// memory, is several times faster.
type wmlTokens interface {
	Token() (xml.Token, error)
	Skip() error
}

// errXMLSyntax reports markup the scanner cannot read.
var errXMLSyntax = errors.New("XML syntax error")

// xmlScanner tokenises an XML document held in memory, for reading the
// text of WordprocessingML: it resolves the namespaces of element names,
// replaces entities and character references in text, normalises line
// ends, and passes over declarations, comments and processing
// instructions. It reports only the attributes named "type" (the kind of
// a footnote). It checks that end tags match their start tags, not that
// names and characters are legal. Declarations (<!DOCTYPE …>) are passed
// over: no entity of one is expanded.
type xmlScanner struct {
	b       []byte
	pos     int
	depth   int
	ns      []nsBinding // the prefixes in scope, innermost last
	open    []string    // the qualified names of the open elements
	selfEnd bool        // the last start tag closed itself: its end comes next
	last    xml.Name
	names   map[string]string // interned local names and prefixes
	text    []byte            // the text with entities replaced, reused
}

// nsBinding binds prefix (or "" for the default namespace) to uri for the
// elements at depth and below.
type nsBinding struct {
	depth       int
	prefix, uri string
}

func newXMLScanner(b []byte) *xmlScanner {
	return &xmlScanner{b: b, names: make(map[string]string, 64)}
}

// intern returns b as a string, one allocation per distinct name.
func (s *xmlScanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	s.names[v] = v
	return v
}

// resolve returns the name of a tag, its prefix replaced by its namespace;
// an unbound prefix stays as the space, as encoding/xml leaves it.
func (s *xmlScanner) resolve(qname []byte) xml.Name {
	prefix, local := []byte(nil), qname
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		prefix, local = qname[:i], qname[i+1:]
	}
	n := xml.Name{Local: s.intern(local)}
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == string(prefix) {
			n.Space = s.ns[i].uri
			return n
		}
	}
	if len(prefix) > 0 {
		n.Space = s.intern(prefix)
	}
	return n
}

// Token returns the next start element, end element or text.
func (s *xmlScanner) Token() (xml.Token, error) {
	if s.selfEnd {
		s.selfEnd = false
		return s.end(s.last), nil
	}
	for {
		if s.pos >= len(s.b) {
			if s.depth > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, io.EOF
		}
		if s.b[s.pos] != '<' {
			j := bytes.IndexByte(s.b[s.pos:], '<')
			if j < 0 {
				j = len(s.b) - s.pos
			}
			seg := s.b[s.pos : s.pos+j]
			s.pos += j
			return s.charData(seg)
		}
		rest := s.b[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			if !s.skipPast("?>") {
				return nil, io.ErrUnexpectedEOF
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			if !s.skipPast("-->") {
				return nil, io.ErrUnexpectedEOF
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest, []byte("]]>"))
			if j < 0 {
				return nil, io.ErrUnexpectedEOF
			}
			s.pos += j + 3
			return s.lineEnds(rest[len("<![CDATA["):j]), nil
		case bytes.HasPrefix(rest, []byte("<!")):
			if !s.skipDirective() {
				return nil, io.ErrUnexpectedEOF
			}
		case bytes.HasPrefix(rest, []byte("</")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return nil, io.ErrUnexpectedEOF
			}
			s.pos += j + 1
			name := bytes.TrimRight(rest[2:j], " \t\r\n")
			if s.depth == 0 || s.open[len(s.open)-1] != string(name) {
				return nil, errXMLSyntax // an end tag that matches no start tag
			}
			return s.end(s.resolve(name)), nil
		default:
			return s.start()
		}
	}
}

// end closes an element: the prefixes it bound go out of scope.
func (s *xmlScanner) end(n xml.Name) xml.EndElement {
	for len(s.ns) > 0 && s.ns[len(s.ns)-1].depth >= s.depth {
		s.ns = s.ns[:len(s.ns)-1]
	}
	s.depth--
	s.open = s.open[:len(s.open)-1]
	return xml.EndElement{Name: n}
}

// skipDirective moves past a declaration (<!DOCTYPE …>) with its nested
// brackets, quoted strings and comments, false if it does not end.
func (s *xmlScanner) skipDirective() bool {
	depth := 0
	var quote byte
	for i := s.pos + 2; i < len(s.b); i++ {
		c := s.b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<' && bytes.HasPrefix(s.b[i:], []byte("<!--")):
			j := bytes.Index(s.b[i+4:], []byte("-->"))
			if j < 0 {
				return false
			}
			i += 4 + j + 2
		case c == '<':
			depth++
		case c == '>':
			if depth == 0 {
				s.pos = i + 1
				return true
			}
			depth--
		}
	}
	return false
}

// skipPast moves past the next occurrence of end, false if there is none.
func (s *xmlScanner) skipPast(end string) bool {
	j := bytes.Index(s.b[s.pos:], []byte(end))
	if j < 0 {
		return false
	}
	s.pos += j + len(end)
	return true
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// start reads a start tag at s.pos.
func (s *xmlScanner) start() (xml.Token, error) {
	b, i := s.b, s.pos+1
	n0 := i
	for i < len(b) && !isXMLSpace(b[i]) && b[i] != '/' && b[i] != '>' {
		i++
	}
	qname := b[n0:i]
	if len(qname) == 0 {
		return nil, errXMLSyntax
	}
	depth := s.depth + 1
	var attrs []xml.Attr
	var typ []byte // the value of a type attribute
	var typName []byte
	for {
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return nil, io.ErrUnexpectedEOF
		}
		if b[i] == '>' || b[i] == '/' {
			break
		}
		a0 := i
		for i < len(b) && b[i] != '=' && !isXMLSpace(b[i]) && b[i] != '>' && b[i] != '/' {
			i++
		}
		aname := b[a0:i]
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i >= len(b) || b[i] != '=' || len(aname) == 0 {
			return nil, errXMLSyntax
		}
		i++
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i >= len(b) || (b[i] != '"' && b[i] != '\'') {
			return nil, errXMLSyntax
		}
		q := b[i]
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return nil, io.ErrUnexpectedEOF
		}
		val := b[i+1 : i+1+j]
		i += j + 2
		switch {
		case string(aname) == "xmlns":
			s.ns = append(s.ns, nsBinding{depth, "", s.intern(s.unescape(val))})
		case bytes.HasPrefix(aname, []byte("xmlns:")):
			s.ns = append(s.ns, nsBinding{depth, s.intern(aname[len("xmlns:"):]), s.intern(s.unescape(val))})
		case bytes.HasSuffix(aname, []byte("type")) && (len(aname) == 4 || aname[len(aname)-5] == ':'):
			typName, typ = aname, val
		}
	}
	if typName != nil {
		an := s.resolve(typName)
		attrs = []xml.Attr{{Name: an, Value: string(s.unescape(typ))}}
	}
	self := b[i] == '/'
	if self {
		if i+1 >= len(b) || b[i+1] != '>' {
			return nil, errXMLSyntax
		}
		i++
	}
	s.pos = i + 1
	s.depth = depth
	s.open = append(s.open, s.intern(qname))
	name := s.resolve(qname)
	if self {
		s.selfEnd, s.last = true, name
	}
	return xml.StartElement{Name: name, Attr: attrs}, nil
}

// charData returns text with its entities replaced and line ends
// normalised; it is valid until the next call.
func (s *xmlScanner) charData(seg []byte) (xml.Token, error) {
	if bytes.IndexByte(seg, '&') < 0 {
		return s.lineEnds(seg), nil
	}
	return s.lineEnds(s.unescape(seg)), nil
}

// lineEnds turns "\r\n" and a lone "\r" into "\n", as XML reads them.
func (s *xmlScanner) lineEnds(seg []byte) xml.CharData {
	if bytes.IndexByte(seg, '\r') < 0 {
		return xml.CharData(seg)
	}
	out := make([]byte, 0, len(seg))
	for i := 0; i < len(seg); i++ {
		if seg[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(seg) && seg[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, seg[i])
	}
	return out
}

// unescape replaces the predefined entities and character references of
// seg; anything else after an ampersand stays as written.
func (s *xmlScanner) unescape(seg []byte) []byte {
	if bytes.IndexByte(seg, '&') < 0 {
		return seg
	}
	out := s.text[:0]
	for len(seg) > 0 {
		i := bytes.IndexByte(seg, '&')
		if i < 0 {
			out = append(out, seg...)
			break
		}
		out = append(out, seg[:i]...)
		seg = seg[i:]
		semi := bytes.IndexByte(seg[:min(len(seg), 12)], ';')
		if semi < 0 {
			out = append(out, '&')
			seg = seg[1:]
			continue
		}
		ent := string(seg[1:semi])
		switch ent {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				out = append(out, seg[:semi+1]...)
				break
			}
			out = utf8.AppendRune(out, r)
		}
		seg = seg[semi+1:]
	}
	s.text = out
	return out
}

// charRef reads a character reference without its & and ;: #65 or #x41.
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	if err != nil || n == 0 || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// Skip passes over the rest of the element whose start was the last token.
func (s *xmlScanner) Skip() error {
	d := 0
	for {
		tok, err := s.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			if d == 0 {
				return nil
			}
			d--
		}
	}
}
