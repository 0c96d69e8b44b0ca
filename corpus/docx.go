package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// ErrNotDocx reports a .docx file that is no Word document: not a zip
// archive, or one without a main document part.
var ErrNotDocx = errors.New("corpus: not a Word document (.docx)")

// Namespaces of the WordprocessingML elements read, transitional and
// strict, and of the parts around them.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMathS   = "http://purl.oclc.org/ooxml/officeDocument/math"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsDCTerms = "http://purl.org/dc/terms/"
)

// docxMaxDepth bounds the nesting of elements read; deeper elements are
// passed over whole (a well-formed report nests a dozen deep at most).
const docxMaxDepth = 200

// DocxText returns the text of a WordprocessingML document (.docx) read
// from r, of size bytes, and the title and creation date of its core
// properties (docProps/core.xml) in a Meta (Date as YYYY-MM-DD; empty
// fields when the properties do not give them).
//
// The text is that of the main document part, then of its footnotes and
// endnotes: each paragraph is a line (ending in '\n'); a table row is a
// line of its cells separated by tabs (a cell's own paragraphs and tabs
// become spaces); <w:tab/> is a tab, <w:br/> and <w:cr/> a line break;
// the paragraphs of a text box are lines after the paragraph that anchors
// it. Headers, footers, comments, field instructions and tracked deletions
// (<w:del>, <w:moveFrom>) are left out; of alternative content
// (mc:AlternateContent) the first choice is read, not the fallback. The
// text is valid UTF-8. Offsets into a .docx document are offsets into
// this text.
//
// Parts in UTF-8 (all that Word and WPS write) are read by xmlScanner,
// several times faster than encoding/xml, which reads parts declared in
// another encoding; FuzzXMLScanner holds the two to the same text.
func DocxText(r io.ReaderAt, size int64) (string, Meta, error) {
	return docxText(r, size, defaultMaxFileSize)
}

// defaultMaxFileSize is the limit of Options.MaxFileSize when it is 0.
const defaultMaxFileSize = 256 << 20

// docxText is DocxText with a limit on the size of each part read.
func docxText(r io.ReaderAt, size, limit int64) (string, Meta, error) {
	pk, err := openDocx(r, size, limit)
	if err != nil {
		return "", Meta{}, err
	}
	main := pk.main
	var out strings.Builder
	if err := pk.readPart(main, "body", &out); err != nil {
		return "", Meta{}, err
	}
	docRels := pk.rels(main)
	for _, kind := range []string{"footnotes", "endnotes"} {
		p := docRels[kind]
		if p == "" || pk.files[p] == nil {
			continue
		}
		if err := pk.readPart(p, kind, &out); err != nil {
			return "", Meta{}, err
		}
	}
	var meta Meta
	core := pk.rootRels["core-properties"]
	if core == "" {
		core = "docProps/core.xml"
	}
	if pk.files[core] != nil {
		meta = pk.coreProps(core) // properties are a hint: a broken part gives none
	}
	text := out.String()
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	return text, meta, nil
}

// docxPackage is the zip archive of a .docx, its parts by normalised name.
type docxPackage struct {
	files    map[string]*zip.File
	limit    int64
	rootRels map[string]string // the package's relationships
	main     string            // the main document part
}

// openDocx opens the zip archive of a .docx and finds its main document
// part; ErrNotDocx when it is no zip archive or has none.
func openDocx(r io.ReaderAt, size, limit int64) (*docxPackage, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	pk := &docxPackage{files: make(map[string]*zip.File, len(zr.File)), limit: limit}
	for _, f := range zr.File {
		pk.files[normPart(f.Name)] = f
	}
	pk.rootRels = pk.rels("")
	pk.main = pk.rootRels["officeDocument"]
	if pk.main == "" {
		pk.main = "word/document.xml"
	}
	if pk.files[pk.main] == nil {
		return nil, fmt.Errorf("%w: no document part %s", ErrNotDocx, pk.main)
	}
	return pk, nil
}

// normPart normalises a part name: no leading slash, forward slashes,
// lower case (part names are case-insensitive).
func normPart(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// open returns a reader of the part, limited to pk.limit bytes.
func (pk *docxPackage) open(name string) (io.ReadCloser, error) {
	f := pk.files[name]
	if f == nil {
		return nil, fmt.Errorf("%w: no part %s", ErrNotDocx, name)
	}
	if f.Flags&0x1 != 0 {
		return nil, ErrEncrypted
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limitedReader{r: rc, n: pk.limit, name: name}, rc}, nil
}

// limitedReader fails with ErrTooLarge after n bytes.
type limitedReader struct {
	r    io.Reader
	n    int64
	name string
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1] // one more byte tells an exact fit from an overflow
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, fmt.Errorf("%w: part %s", ErrTooLarge, l.name)
	}
	return n, err
}

// rels returns the targets of the relationships of part ("" for the
// package's own), by the last word of their type (officeDocument,
// footnotes, core-properties …), as normalised part names. Missing or
// broken relationships give an empty map: the default names are tried.
func (pk *docxPackage) rels(part string) map[string]string {
	dir, base := path.Split(part)
	relPart := dir + "_rels/" + base + ".rels"
	out := map[string]string{}
	rc, err := pk.open(relPart)
	if err != nil {
		return out
	}
	defer rc.Close()
	d := newPartDecoder(rc)
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var typ, target, mode string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" || target == "" {
			continue
		}
		kind := typ[strings.LastIndexByte(typ, '/')+1:]
		if _, dup := out[kind]; dup {
			continue
		}
		if strings.HasPrefix(target, "/") {
			out[kind] = normPart(target)
		} else {
			out[kind] = normPart(path.Join(dir, target))
		}
	}
}

// newPartDecoder returns an XML decoder of a part, which reads parts
// declared in UTF-16 or another encoding too.
func newPartDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		r, _, err := decodingReader(in, label)
		return r, err
	}
	return d
}

// coreProps reads the title and creation date (else the date of last
// modification) of a core-properties part.
func (pk *docxPackage) coreProps(name string) Meta {
	var m Meta
	rc, err := pk.open(name)
	if err != nil {
		return m
	}
	defer rc.Close()
	d := newPartDecoder(rc)
	var created, modified string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var dst *string
		switch {
		case se.Name.Space == nsDC && se.Name.Local == "title":
			dst = &m.Title
		case se.Name.Space == nsDCTerms && se.Name.Local == "created":
			dst = &created
		case se.Name.Space == nsDCTerms && se.Name.Local == "modified":
			dst = &modified
		default:
			continue
		}
		var s string
		if err := d.DecodeElement(&s, &se); err != nil {
			break
		}
		*dst = strings.TrimSpace(s)
	}
	m.Title = propTitle(m.Title)
	for _, s := range []string{created, modified} {
		if len(s) >= 10 {
			if d := isoDate(s[:4], s[5:7], s[8:10]); d != "" && s[4] == '-' && s[7] == '-' {
				m.Date = d
				break
			}
		}
	}
	return m
}

// propTitle cleans a title property: the "Microsoft Word - " that
// converters put before a file name, and the file's extension, go.
func propTitle(t string) string {
	t = strings.TrimSpace(strings.TrimPrefix(t, "Microsoft Word - "))
	for _, ext := range []string{".docx", ".doc", ".wps"} {
		if len(t) > len(ext) && strings.EqualFold(t[len(t)-len(ext):], ext) {
			t = t[:len(t)-len(ext)]
		}
	}
	if !utf8.ValidString(t) {
		t = strings.ToValidUTF8(t, "\uFFFD")
	}
	return strings.TrimSpace(t)
}

// readPart appends the text of a document, footnotes or endnotes part to
// out; root names the element whose blocks are read (body, footnotes,
// endnotes).
func (pk *docxPackage) readPart(name, root string, out *strings.Builder) error {
	rc, err := pk.open(name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer // room for the part as its header states it, up to the limit
	buf.Grow(int(min(pk.files[name].UncompressedSize64, uint64(pk.limit))) + bytes.MinRead)
	_, err = buf.ReadFrom(rc)
	rc.Close()
	b := buf.Bytes()
	if err != nil {
		return err
	}
	x := &wmlReader{d: partTokens(b)}
	if err := x.part(root, out); err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEncrypted) {
			return err
		}
		return fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
	}
	return nil
}

// partTokens returns the tokens of a part: an xmlScanner for a part in
// UTF-8 (all that Word writes), an xml.Decoder for one declared in another
// encoding.
func partTokens(b []byte) wmlTokens {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	switch enc := strings.ToLower(xmlEncoding(b)); enc {
	case "", "utf-8", "utf8":
		return newXMLScanner(b)
	}
	return newPartDecoder(bytes.NewReader(b))
}

// xmlEncoding returns the encoding an XML declaration names, "" if none.
func xmlEncoding(b []byte) string {
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := b[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	rest, ok := bytes.CutPrefix(rest, []byte("="))
	if !ok {
		return ""
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if len(rest) < 2 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	j := bytes.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

// wmlReader reads WordprocessingML text, one element at a time, by
// recursive descent over the tokens of a part: each method reads the
// content of an element whose start it has been handed, up to its end.
type wmlReader struct {
	d     wmlTokens
	depth int
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// skipped reports an element whose content is never text: properties,
// deletions, field instructions, the fallback of alternative content.
func skipped(n xml.Name) bool {
	if n.Space == nsMC {
		return n.Local == "Fallback"
	}
	if !isW(n) {
		return false
	}
	switch n.Local {
	case "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx", "sdtPr", "sdtEndPr",
		"del", "moveFrom", "delText", "instrText", "delInstrText", "fldData", "customXmlPr", "smartTagPr":
		return true
	}
	return false
}

// part reads the document until its root element (body, footnotes,
// endnotes) and the blocks in it; in footnotes and endnotes the
// separators are passed over.
func (x *wmlReader) part(root string, out *strings.Builder) error {
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) || se.Name.Local != root {
			continue
		}
		if root == "body" {
			return x.blocks(out)
		}
		for { // the notes, each a sequence of blocks
			tok, err := x.d.Token()
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.EndElement:
				return nil
			case xml.StartElement:
				if noteSeparator(t) {
					if err := x.d.Skip(); err != nil {
						return err
					}
					continue
				}
				if err := x.blocks(out); err != nil {
					return err
				}
			}
		}
	}
}

// noteSeparator reports a footnote that is no note: the separator lines
// Word draws above the notes.
func noteSeparator(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Local == "type" && a.Value != "normal" {
			return true
		}
	}
	return false
}

// enter counts one level of nesting; false means the element is too deep
// and has been passed over.
func (x *wmlReader) enter() (bool, error) {
	if x.depth >= docxMaxDepth {
		return false, x.d.Skip()
	}
	x.depth++
	return true, nil
}

// children calls fn with each child element of the current element, up to
// its end, counting the nesting (enter); fn reads or skips the child.
func (x *wmlReader) children(fn func(xml.StartElement) error) error {
	if ok, err := x.enter(); !ok {
		return err
	}
	defer func() { x.depth-- }()
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		}
	}
}

// blocks reads block content (paragraphs, tables, and the elements that
// wrap them) up to the end of the current element, writing lines to out.
func (x *wmlReader) blocks(out *strings.Builder) error {
	return x.children(func(t xml.StartElement) error {
		switch {
		case skipped(t.Name):
			return x.d.Skip()
		case isW(t.Name) && t.Name.Local == "p":
			return x.paragraph(out)
		case isW(t.Name) && t.Name.Local == "tbl":
			return x.table(out)
		}
		return x.blocks(out) // body, sdt, sdtContent, customXml, ins, txbxContent, AlternateContent …
	})
}

// paragraph reads a paragraph and writes it as a line, followed by the
// lines of the text boxes it anchors.
func (x *wmlReader) paragraph(out *strings.Builder) error {
	var line, after strings.Builder
	if err := x.inline(&line, &after); err != nil {
		return err
	}
	out.WriteString(line.String())
	out.WriteByte('\n')
	out.WriteString(after.String())
	return nil
}

// inline reads the content of a paragraph (runs, hyperlinks, fields,
// insertions …) up to the end of the current element, writing its text to
// line and the lines of text boxes to after.
func (x *wmlReader) inline(line, after *strings.Builder) error {
	return x.children(func(t xml.StartElement) error { return x.inlineElement(t, line, after) })
}

func (x *wmlReader) inlineElement(t xml.StartElement, line, after *strings.Builder) error {
	if skipped(t.Name) {
		return x.d.Skip()
	}
	if t.Name.Space == nsMath || t.Name.Space == nsMathS {
		if t.Name.Local == "t" {
			return x.chars(line)
		}
		return x.inline(line, after)
	}
	if !isW(t.Name) {
		return x.inline(line, after) // drawing, textbox shape, AlternateContent …
	}
	switch t.Name.Local {
	case "t":
		return x.chars(line)
	case "tab", "ptab":
		line.WriteByte('\t')
	case "br", "cr":
		line.WriteByte('\n')
	case "noBreakHyphen":
		line.WriteByte('-')
	case "txbxContent":
		return x.blocks(after)
	case "p": // a paragraph where none belongs: its own line
		return x.paragraph(after)
	case "tbl":
		return x.table(after)
	default:
		return x.inline(line, after)
	}
	return x.d.Skip()
}

// chars writes the character data of a text element to b.
func (x *wmlReader) chars(b *strings.Builder) error {
	for {
		tok, err := x.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement: // none belongs in text: passed over
			if err := x.d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// table reads a table and writes each row as a line of tab-separated cells.
func (x *wmlReader) table(out *strings.Builder) error {
	return x.children(func(t xml.StartElement) error {
		switch {
		case skipped(t.Name):
			return x.d.Skip()
		case isW(t.Name) && t.Name.Local == "tr":
			var cells []string
			if err := x.row(&cells); err != nil {
				return err
			}
			out.WriteString(strings.Join(cells, "\t"))
			out.WriteByte('\n')
			return nil
		}
		return x.table(out) // sdt, sdtContent, customXml around rows
	})
}

// row reads a table row, appending the text of each cell to cells.
func (x *wmlReader) row(cells *[]string) error {
	return x.children(func(t xml.StartElement) error {
		switch {
		case skipped(t.Name):
			return x.d.Skip()
		case isW(t.Name) && t.Name.Local == "tc":
			var b strings.Builder
			if err := x.blocks(&b); err != nil {
				return err
			}
			*cells = append(*cells, cellText(b.String()))
			return nil
		}
		return x.row(cells) // sdt, sdtContent, customXml around cells
	})
}

// cellText puts the lines of a cell on one: line breaks and tabs become
// spaces, so that the row keeps one tab between cells.
func cellText(s string) string {
	s = strings.Trim(s, "\n")
	if strings.ContainsAny(s, "\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// isZip reports the magic of a zip archive (a local file header, or the
// end record of an empty archive).
func isZip(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06"))
}
