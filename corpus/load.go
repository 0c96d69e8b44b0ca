package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Options control how documents are loaded.
type Options struct {
	// Encoding overrides detection ("gbk", "gb18030", "big5", "utf-8", "utf-16le" ...).
	Encoding string
	// TextColumn names the column (CSV) or key (JSONL) holding the text.
	// Empty: the first of full_text, text, content, 正文, else the column
	// with the longest values.
	TextColumn string
	// IDColumn names the column or key used as the row key; empty: the row number.
	IDColumn string
	// Cleaner cleans the loaded texts; nil uses a new one.
	Cleaner *Cleaner
	// MaxFileSize is the size limit of a document, in bytes; 0 means 256
	// MiB. A larger file or zip entry is reported (ErrTooLarge) without
	// being read when its size is known; a larger CSV record or JSON line
	// is read through, not kept, and reported by its line
	// (ErrRecordTooLarge), and the rows after it are read. Archives are
	// streamed, whatever their size.
	MaxFileSize int64
	// Skipped, if set, is called with each file or zip entry that Sources
	// passes over as no document (an unknown extension in a directory or
	// an archive), on the goroutine that runs the iteration. A zip inside
	// a zip and a FIFO or device in a directory are not skipped silently:
	// they are reported (ErrNestedArchive, ErrNotRegular).
	Skipped func(path string)
	// Stdin, if set, is read for the path "-": a document, or the rows of
	// a JSONL or CSV stream, told apart by content (see Sources).
	Stdin io.Reader
	// PDFToText is the path of poppler's pdftotext, which reads the text
	// of PDFs; empty: the one on PATH. Without it a PDF is refused
	// (ErrPDF).
	PDFToText string
}

// maxFileSize returns the limit on the size of a plain file.
func (o Options) maxFileSize() int64 {
	if o.MaxFileSize <= 0 {
		return defaultMaxFileSize
	}
	return o.MaxFileSize
}

// FileError reports a file, archive row or archive entry that could not be
// read or decoded.
type FileError struct {
	Path string // the file, or archive#key
	Err  error
}

// Error names the file, quoted (as %q quotes it) if its name holds a
// control character (a line break) or bytes that are not UTF-8, so that
// the message stays one line that names the file exactly.
func (e *FileError) Error() string { return quotePath(e.Path) + ": " + e.Err.Error() }

// quotePath returns p as it is, or quoted if it holds a control character
// or bytes that are not UTF-8.
func quotePath(p string) string {
	if !utf8.ValidString(p) || strings.ContainsFunc(p, unicode.IsControl) {
		return strconv.Quote(p)
	}
	return p
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrUnsafePath reports an archive entry whose name would escape its folder.
var ErrUnsafePath = errors.New("corpus: unsafe path in archive entry")

// ErrTooLarge reports a file over Options.MaxFileSize.
var ErrTooLarge = errors.New("corpus: file too large")

// ErrNotRegular reports a file found in a directory that is no regular
// file (a FIFO, a socket, a device): it is not opened, since opening or
// reading it may wait forever.
var ErrNotRegular = errors.New("corpus: not a regular file (a FIFO, socket or device), not read")

// ErrNestedArchive reports a zip archive inside a zip archive, which is
// not opened.
var ErrNestedArchive = errors.New("corpus: a zip archive inside a zip archive, not read: extract it and read its files")

// ErrNoStdin reports the path "-" (standard input) where Options.Stdin is
// not set, or named a second time.
var ErrNoStdin = errors.New("corpus: no standard input to read for \"-\"")

// Kind is the format of a file, from its extension.
type Kind uint8

// File kinds.
const (
	KindText Kind = iota
	KindHTML
	KindCSV
	KindJSONL
	KindZip
	KindDocx // a Word document (.docx)
	KindDoc  // a legacy Word or WPS document (.doc, .wps): refused unless it is text or HTML inside
	KindPDF  // PDF: its text layer, read by pdftotext when it is installed
	KindUnknown
)

// KindOf returns the kind of a file name by its extension.
func KindOf(name string) Kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return KindText
	case ".html", ".htm", ".shtml", ".xhtml":
		return KindHTML
	case ".csv":
		return KindCSV
	case ".jsonl", ".ndjson":
		return KindJSONL
	case ".zip":
		return KindZip
	case ".docx", ".docm":
		return KindDocx
	case ".doc", ".wps":
		return KindDoc
	case ".pdf":
		return KindPDF
	}
	return KindUnknown
}

// Source is one document of a batch before it is decoded and cleaned: the
// bytes of a file or a zip entry, or the text of an archive row. Sources
// yields them cheaply and in order; Load does the costly work, so that a
// batch can load documents on many workers at once.
type Source struct {
	ID   string // as Document.ID
	Path string // as Document.Path
	load func() (Document, error)
}

// Load decodes and cleans the document. It may be called from any
// goroutine. Its errors are *FileError.
func (s Source) Load() (Document, error) {
	if s.load == nil {
		return Document{ID: s.ID, Path: s.Path}, &FileError{Path: s.Path, Err: errors.New("corpus: empty Source")}
	}
	return s.load()
}

// NewSource returns the Source of a document held in memory: its bytes, of
// kind k, decoded as Load decodes a file.
func NewSource(id string, b []byte, k Kind, opts Options) Source {
	return bytesSource(id, "", id, b, k, opts)
}

// bytesSource is the Source of bytes read from path (a file or a zip
// archive); its load errors name errPath (the file, or archive#entry).
func bytesSource(id, path, errPath string, b []byte, k Kind, opts Options) Source {
	return Source{ID: id, Path: path, load: func() (Document, error) {
		doc, err := Load(id, b, k, opts)
		doc.Path = path
		if err != nil {
			return doc, &FileError{Path: errPath, Err: err}
		}
		return doc, nil
	}}
}

// SourceOf returns a Source of a document already loaded.
func SourceOf(doc Document) Source {
	return Source{ID: doc.ID, Path: doc.Path, load: func() (Document, error) { return doc, nil }}
}

// Walk yields the documents of the given paths, loaded, in the order of
// Sources. A file that cannot be read or decoded yields a *FileError and
// the walk goes on. Files are read one at a time and archives row by row,
// so memory does not grow with the size of the batch.
func Walk(paths []string, opts Options) iter.Seq2[Document, error] {
	return Documents(Sources(paths, opts))
}

// Documents loads the sources of src one after the other, in order. A
// source that fails to load yields a Document with its ID and Path only,
// and the error; one damaged past MaxInvalid yields the document read and
// the error (ErrDamaged).
func Documents(src iter.Seq2[Source, error]) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		for src, err := range src {
			var doc Document
			if err == nil {
				doc, err = src.Load()
			}
			if err != nil && !errors.Is(err, ErrDamaged) {
				doc = Document{ID: src.ID, Path: src.Path}
			}
			if !yield(doc, err) {
				return
			}
		}
	}
}

// Sources yields the documents of the given paths, not yet loaded, in a
// deterministic order: each path in turn, directories recursively in
// lexical order, the rows of CSV/JSONL archives and the entries of zip
// archives in their stored order. A file or row that cannot be read yields
// a *FileError (with the Source's ID and Path) and the walk goes on. Files
// in directories with unknown extensions are passed over, and files there
// that are no regular files (a FIFO, a socket, a device) are reported
// (ErrNotRegular) without being opened, for opening them may wait
// forever; named files of unknown kind are read as text; hidden files and
// folders (.git, a command's temporary output) are not walked. Word
// documents (.docx) are documents; legacy .doc/.wps files and PDFs are
// walked too, and fail to load with an error that names the conversion to
// make. Zip entry names
// without the UTF-8 flag that are not UTF-8 are decoded as GB18030.
//
// The path "-" reads opts.Stdin (ErrNoStdin when it is nil), once, as a
// document named "stdin" whose kind its content tells: JSON lines (the
// first line opens an object) and CSV (a header of two or more short
// column names, with a text or metadata column among them or a row of as
// many fields after it) are read row by row as their files are, streamed
// (ids stdin#1, stdin#2 …); anything else is read whole as one document
// (text, HTML, .docx, a zip archive of documents). The Sources share
// opts, and so its Cleaner.
//
// Ids are unique within the iteration: a document whose id (a base name)
// was given already takes its path instead (site2/report.txt beside
// site1's report.txt), and a number after that (report.txt~2) if the
// path was given too (a zip with two entries of one name).
func Sources(paths []string, opts Options) iter.Seq2[Source, error] {
	if opts.Cleaner == nil {
		opts.Cleaner = NewCleaner()
	}
	return func(outer func(Source, error) bool) {
		yield := uniqueIDs(outer)
		stdin := opts.Stdin
		for _, p := range paths {
			if p == "-" {
				if stdin == nil {
					if !yield(Source{ID: stdinName, Path: p}, &FileError{Path: p, Err: ErrNoStdin}) {
						return
					}
					continue
				}
				r := stdin
				stdin = nil // read once
				if !readStdin(r, opts, yield) {
					return
				}
				continue
			}
			st, err := os.Stat(p)
			if err != nil {
				if !yield(Source{ID: filepath.Base(p), Path: p}, &FileError{Path: p, Err: err}) {
					return
				}
				continue
			}
			if !st.IsDir() {
				if !walkFile(p, KindOf(p), opts, yield) {
					return
				}
				continue
			}
			var files []string
			irregular := map[string]bool{} // files that are no regular files
			err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
				if err != nil {
					files = append(files, fp) // reported when opened
					return nil
				}
				switch {
				case fp != p && strings.HasPrefix(d.Name(), "."):
					if d.IsDir() {
						return filepath.SkipDir
					}
				case d.IsDir():
				case KindOf(fp) != KindUnknown:
					files = append(files, fp)
					if !regular(fp, d) {
						irregular[fp] = true
					}
				case opts.Skipped != nil:
					opts.Skipped(fp)
				}
				return nil
			})
			if err != nil {
				if !yield(Source{ID: filepath.Base(p), Path: p}, &FileError{Path: p, Err: err}) {
					return
				}
			}
			sort.Strings(files)
			for _, fp := range files {
				if irregular[fp] {
					if !yield(Source{ID: filepath.Base(fp), Path: fp}, &FileError{Path: fp, Err: ErrNotRegular}) {
						return
					}
					continue
				}
				if !walkFile(fp, KindOf(fp), opts, yield) {
					return
				}
			}
		}
	}
}

// regular reports whether the directory entry d, at path fp, is a regular
// file or a link to one (a link whose target is missing counts: opening
// it fails at once, and is reported).
func regular(fp string, d fs.DirEntry) bool {
	t := d.Type()
	if t&fs.ModeSymlink != 0 {
		st, err := os.Stat(fp)
		if err != nil {
			return true
		}
		t = st.Mode().Type()
	}
	return t&fs.ModeType == 0
}

func walkFile(p string, k Kind, opts Options, yield func(Source, error) bool) bool {
	base := filepath.Base(p)
	fail := func(err error) bool {
		return yield(Source{ID: base, Path: p}, &FileError{Path: p, Err: err})
	}
	switch k {
	case KindCSV, KindJSONL, KindZip:
		f, err := os.Open(p)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		switch k {
		case KindCSV:
			return readCSV(f, base, p, opts, yield)
		case KindJSONL:
			return readJSONL(f, base, p, opts, yield)
		}
		st, err := f.Stat()
		if err != nil {
			return fail(err)
		}
		return readZip(f, st.Size(), base, p, opts, yield)
	}
	limit := opts.maxFileSize()
	f, err := os.Open(p)
	if err != nil {
		return fail(err)
	}
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil { // room for the file in one allocation
		if st.Mode().IsRegular() && st.Size() > limit { // too large: say so without reading it
			f.Close()
			return fail(fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit))
		}
		buf.Grow(int(min(st.Size(), limit+1)) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	f.Close()
	if err != nil {
		return fail(err)
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return fail(fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit))
	}
	return yield(bytesSource(base, p, p, b, k, opts), nil)
}

// Load decodes and cleans one document from its bytes. Bytes that are a
// Word document (.docx; by content whatever k says, or any bytes of kind
// KindDocx) are read as DocxText reads them: Raw is the text extracted,
// and the title and creation date of the document's properties fill
// Meta.Title and Meta.Date (DateKind "file") where the text gives none.
// A PDF is read as the text poppler's pdftotext finds in it (Raw is that
// text), refused when the program is not installed (ErrPDF) and reported
// when it has no text layer (ErrScannedPDF). Legacy Word/WPS documents
// (ErrLegacyDoc), password-protected Office files (ErrEncrypted) and RTF
// (ErrRTF) are refused by their magic numbers, whatever k says; a .doc
// that is text or HTML inside (as some sites serve) is read as such.
func Load(id string, b []byte, k Kind, opts Options) (Document, error) {
	if opts.Cleaner == nil {
		opts.Cleaner = NewCleaner()
	}
	doc := Document{ID: id}
	switch f := sniff(b); {
	case f == formatOLE:
		return doc, oleError(b, k)
	case f == formatPDF:
		return loadPDF(id, b, opts)
	case f == formatRTF:
		return doc, ErrRTF
	case f == formatZip || k == KindDocx:
		return loadDocx(id, b, k, opts)
	}
	d, err := decode(b, opts.Encoding)
	if err != nil && (d.text == "" || !errors.Is(err, ErrDamaged)) {
		return doc, err
	}
	text := d.text
	var hint Meta
	if k == KindHTML || ((k == KindUnknown || k == KindDoc) && looksHTML(text)) {
		t, title, err := HTMLText(strings.NewReader(text))
		if err != nil {
			return doc, err
		}
		text, hint.Title = t, title
	}
	doc = FromText(id, text, hint, opts.Cleaner)
	doc.Encoding, doc.Declared, doc.Invalid = d.enc, d.declared, d.invalid
	return doc, err // nil, or the text is damaged
}

// loadDocx loads a Word document from its bytes, of kind k (bytes of
// another kind that are a zip archive but no Word document are refused as
// binary).
func loadDocx(id string, b []byte, k Kind, opts Options) (Document, error) {
	text, props, err := docxText(bytes.NewReader(b), int64(len(b)), opts.maxFileSize())
	if err != nil {
		if k != KindDocx && k != KindDoc && errors.Is(err, ErrNotDocx) {
			err = fmt.Errorf("%w: a zip archive (named .zip, its files are read)", ErrBinary)
		}
		return Document{ID: id}, err
	}
	doc := FromText(id, text, Meta{}, opts.Cleaner)
	if doc.Meta.Title == "" {
		doc.Meta.Title = props.Title
	}
	if doc.Meta.Date == "" && props.Date != "" {
		doc.Meta.Date, doc.Meta.DateKind = props.Date, "file"
	}
	return doc, nil
}

// uniqueIDs wraps yield so that no two Sources it passes on share an id
// (see Sources).
func uniqueIDs(yield func(Source, error) bool) func(Source, error) bool {
	seen := map[string]bool{}
	return func(s Source, err error) bool {
		if seen[s.ID] {
			id := s.ID
			if base := filepath.Base(s.Path); s.Path != "" && base != s.Path && strings.HasPrefix(id, base) {
				id = filepath.ToSlash(relPath(s.Path)) + id[len(base):]
			}
			for n := 2; seen[id]; n++ {
				id = fmt.Sprintf("%s~%d", s.ID, n)
			}
			s = s.withID(id)
		}
		seen[s.ID] = true
		return yield(s, err)
	}
}

// relPath returns p relative to the working directory when it lies below
// it, else p cleaned.
func relPath(p string) string {
	p = filepath.Clean(p)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				return rel
			}
		}
	}
	return p
}

// withID returns s with the id id, given to the Document it loads too.
func (s Source) withID(id string) Source {
	s.ID = id
	if load := s.load; load != nil {
		s.load = func() (Document, error) {
			d, err := load()
			d.ID = id
			return d, err
		}
	}
	return s
}

// FromText makes a Document of decoded text, cleaning it with c (nil: a new
// Cleaner). meta carries what is known already (archive columns).
func FromText(id, text string, meta Meta, c *Cleaner) Document {
	if c == nil {
		c = NewCleaner()
	}
	clean, m, meta := c.Clean(text, meta)
	return Document{ID: id, Encoding: "utf-8", Raw: text, Clean: clean, Map: m, Meta: meta}
}

func looksHTML(s string) bool {
	head := strings.ToLower(s[:min(len(s), 1024)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<body")
}

// defaultTextColumns are the column names taken as the text, in order.
var defaultTextColumns = []string{"full_text", "fulltext", "text", "content", "正文", "全文", "内容", "body"}

// metaColumn maps an archive column name to a Meta field name.
func metaColumn(name string) string {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "title", "标题", "题目", "name":
		return "title"
	case "date", "日期", "发布时间", "发布日期", "publish_date", "pub_date", "published", "time", "时间":
		return "date"
	case "region", "地区", "城市", "city", "province", "省份", "area", "地区名称":
		return "region"
	case "url", "链接", "source_url", "网址", "link":
		return "url"
	case "source", "来源", "site":
		return "source"
	case "author", "作者", "speaker", "讲话人":
		return "author"
	}
	return ""
}

func setMeta(m *Meta, col, val string) {
	switch metaColumn(col) {
	case "title":
		m.Title = val
	case "date":
		m.Date = normDate(val)
	case "region":
		m.Region = val
	case "url":
		m.URL = val
	case "source":
		m.Source = val
	case "author":
		m.Author = val
	default:
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		m.Extra[col] = val
	}
}

// normDate turns 2019-6-18, 2019/06/18 10:00, 2019年6月18日 into 2019-06-18.
func normDate(s string) string {
	if m := publishedRe.FindStringSubmatch("日期" + strings.TrimSpace(s)); m != nil {
		if d := isoDate(m[1], m[2], m[3]); d != "" {
			return d
		}
	}
	return ""
}

// decodingReader detects the encoding of a stream from its head (as Decode
// detects it, an override checked) and returns a reader of UTF-8 text, in
// which bytes not of the encoding are U+FFFD, and the encoding's name. A
// head damaged past MaxInvalid is read all the same: rows are judged one
// by one (textSource).
func decodingReader(r io.Reader, override string) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", err
	}
	return decodingHead(br, head, override)
}

// decodingHead is decodingReader over br, whose start head (up to 64 KB,
// less at the end of input or when a stream has told its kind) is peeked
// already: the encoding is told from head.
func decodingHead(br *bufio.Reader, head []byte, override string) (io.Reader, string, error) {
	d, err := decode(head[:cutHead(head)], override)
	if err != nil && !errors.Is(err, ErrDamaged) {
		return nil, "", err
	}
	if d.enc == "utf-8" {
		if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			_, _ = br.Discard(3) // the BOM: Peek succeeded, so Discard does too
		}
		if utf8.Valid(head) && len(head) < 64<<10 {
			return br, d.enc, nil // all of it, valid
		}
		return transform.NewReader(br, xunicode.UTF8.NewDecoder()), d.enc, nil
	}
	e, _, err := lookupEncoding(d.enc)
	if err != nil {
		return nil, "", err
	}
	return transform.NewReader(br, e.NewDecoder()), d.enc, nil
}

// columnList lists a CSV header's column names for a message, quoted, the
// first 20.
func columnList(header []string) string {
	var b strings.Builder
	for i, h := range header {
		if i == 20 {
			fmt.Fprintf(&b, " and %d more", len(header)-20)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", h)
	}
	return b.String()
}

// cutHead avoids ending a GBK sample inside a two-byte character by
// cutting at the last ASCII byte.
func cutHead(b []byte) int {
	for i := len(b) - 1; i > len(b)-64 && i > 0; i-- {
		if b[i] < 0x80 {
			return i + 1
		}
	}
	return len(b)
}

// readCSV yields the rows of a CSV archive, read by a csvReader: a row
// over the size limit is reported by its line and skipped, a stray quote
// is repaired and reported by its line (after the row that holds it), as
// a *FileError of the file with a *LineError.
func readCSV(f io.Reader, base, p string, opts Options, yield func(Source, error) bool) bool {
	fail := func(key string, err error) bool {
		id := base
		if key != "" {
			id = base + "#" + key
		}
		return yield(Source{ID: id, Path: p}, &FileError{Path: p + "#" + key, Err: err})
	}
	r, enc, err := decodingReader(f, opts.Encoding)
	if err != nil {
		return fail("", err)
	}
	cr := newCSVReader(r, opts.maxFileSize())
	first, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return true
		}
		return fail("", err)
	}
	header := first.fields
	cr.width = len(header)
	textCol := pickColumn(header, opts.TextColumn)
	idCol := -1
	if opts.IDColumn != "" {
		idCol = indexOf(header, opts.IDColumn)
		if idCol < 0 {
			return fail("", fmt.Errorf("corpus: no column %q; the columns are %s", opts.IDColumn, columnList(header)))
		}
	}
	if opts.TextColumn != "" && textCol < 0 {
		return fail("", fmt.Errorf("corpus: no column %q; the columns are %s", opts.TextColumn, columnList(header)))
	}
	type read struct {
		rec csvRecord
		err error
	}
	var pending []read // rows read while choosing the longest column
	if textCol < 0 {
		var rows [][]string
		for len(rows) < 20 {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			pending = append(pending, read{rec, err})
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) {
					break
				}
				continue
			}
			rows = append(rows, rec.fields)
		}
		textCol = longestColumn(header, rows)
	}
	noted := func(note error) bool {
		return note == nil || yield(Source{ID: base, Path: p}, &FileError{Path: p, Err: note})
	}
	if !noted(first.note) {
		return false
	}
	row := 0
	emit := func(rec csvRecord, err error) (ok, more bool) {
		row++
		key := strconv.Itoa(row)
		if err != nil {
			var le *LineError
			return fail(key, err), errors.As(err, &le)
		}
		if idCol >= 0 && idCol < len(rec.fields) && rec.fields[idCol] != "" {
			key = rec.fields[idCol]
		}
		if textCol >= len(rec.fields) {
			return fail(key, fmt.Errorf("corpus: row %d (line %d) has no column %d", row, rec.line, textCol+1)) && noted(rec.note), true
		}
		var meta Meta
		for i, v := range rec.fields {
			if i != textCol && i != idCol && i < len(header) && v != "" {
				setMeta(&meta, header[i], v)
			}
		}
		return yield(textSource(base+"#"+key, p, p+"#"+key, rec.fields[textCol], enc, meta, opts.Cleaner), nil) && noted(rec.note), true
	}
	for _, pr := range pending {
		if ok, more := emit(pr.rec, pr.err); !ok || !more {
			return ok
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return true
		}
		if ok, more := emit(rec, err); !ok || !more {
			return ok
		}
	}
}

// textSource is the Source of an archive row: text decoded from enc,
// cleaned by Load. Text with more U+FFFD (bytes not of enc) than
// MaxInvalid is damaged: its load error names errPath.
func textSource(id, p, errPath, text, enc string, meta Meta, c *Cleaner) Source {
	return Source{ID: id, Path: p, load: func() (Document, error) {
		doc := FromText(id, text, meta, c)
		doc.Path = p
		if doc.Invalid = strings.Count(text, "\uFFFD"); doc.Invalid > 0 {
			if n := utf8.RuneCountInString(text); doc.Invalid > MaxInvalid(n) {
				return doc, &FileError{Path: errPath, Err: &DecodeError{Encoding: enc, Bad: doc.Invalid, Total: n, Err: ErrDamaged}}
			}
		}
		return doc, nil
	}}
}

func indexOf(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

func pickColumn(header []string, name string) int {
	if name != "" {
		return indexOf(header, name)
	}
	for _, c := range defaultTextColumns {
		if i := indexOf(header, c); i >= 0 {
			return i
		}
	}
	return -1
}

func longestColumn(header []string, rows [][]string) int {
	best, bestLen := 0, -1
	for i := range header {
		n := 0
		for _, r := range rows {
			if i < len(r) {
				n += len(r[i])
			}
		}
		if n > bestLen {
			best, bestLen = i, n
		}
	}
	return best
}

func readJSONL(f io.Reader, base, p string, opts Options, yield func(Source, error) bool) bool {
	r, enc, err := decodingReader(f, opts.Encoding)
	if err != nil {
		return yield(Source{ID: base, Path: p}, &FileError{Path: p, Err: err})
	}
	return jsonlRows(r, enc, base, p, opts, yield)
}

// jsonlRows yields the rows of r, a JSONL stream decoded from enc.
func jsonlRows(r io.Reader, enc, base, p string, opts Options, yield func(Source, error) bool) bool {
	lr := lineReader{br: bufio.NewReaderSize(r, 64<<10), limit: opts.maxFileSize()}
	row := 0
	for {
		line, err := lr.next()
		if err == io.EOF {
			return true
		}
		if err != nil && !errors.Is(err, ErrRecordTooLarge) {
			return yield(Source{ID: base, Path: p}, &FileError{Path: p, Err: err})
		}
		if err == nil {
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
		}
		row++
		key := strconv.Itoa(row)
		var obj map[string]any
		if err == nil {
			if err = json.Unmarshal(line, &obj); err != nil {
				err = &LineError{Line: lr.line, Err: err}
			}
		}
		if err != nil {
			if !yield(Source{ID: base + "#" + key, Path: p}, &FileError{Path: p + "#" + key, Err: err}) {
				return false
			}
			continue
		}
		if opts.IDColumn != "" {
			if v, ok := obj[opts.IDColumn]; ok {
				key = fmt.Sprint(v)
			}
		}
		textKey := opts.TextColumn
		if textKey == "" {
			textKey = pickKey(obj)
		}
		text, ok := obj[textKey].(string)
		if !ok {
			if !yield(Source{ID: base + "#" + key, Path: p}, &FileError{Path: p + "#" + key, Err: fmt.Errorf("corpus: no text field %q", textKey)}) {
				return false
			}
			continue
		}
		var meta Meta
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == textKey || k == opts.IDColumn {
				continue
			}
			if s, ok := obj[k].(string); ok && s != "" {
				setMeta(&meta, k, s)
			} else if f, ok := obj[k].(float64); ok {
				setMeta(&meta, k, strconv.FormatFloat(f, 'f', -1, 64))
			}
		}
		if !yield(textSource(base+"#"+key, p, p+"#"+key, text, enc, meta, opts.Cleaner), nil) {
			return false
		}
	}
}

// lineReader reads the lines of a stream, each at most limit bytes: a
// longer line is read through to its end, not kept, and reported.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	line  int // the line last read, from 1
	buf   []byte
}

// next returns the next line without its line break; io.EOF at the end
// of the stream; a *LineError of ErrRecordTooLarge for a line over the
// limit (the next call reads the line after it). The line is valid until
// the next call.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	big := false
	for {
		c, err := lr.br.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
			return nil, err
		}
		if err == io.EOF && len(c) == 0 && len(lr.buf) == 0 && !big {
			return nil, io.EOF
		}
		if !big {
			if int64(len(lr.buf)+len(c)) > lr.limit+1 { // +1: the line break
				big, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, c...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		lr.line++
		if big {
			return nil, &LineError{Line: lr.line, Err: fmt.Errorf("%w: over %d bytes", ErrRecordTooLarge, lr.limit)}
		}
		return bytes.TrimSuffix(lr.buf, []byte{'\n'}), nil
	}
}

func pickKey(obj map[string]any) string {
	for _, c := range defaultTextColumns {
		for k := range obj {
			if strings.EqualFold(k, c) {
				return k
			}
		}
	}
	best, n := "", -1
	for k, v := range obj {
		if s, ok := v.(string); ok && (len(s) > n || len(s) == n && k < best) {
			best, n = k, len(s)
		}
	}
	return best
}

func readZip(f io.ReaderAt, size int64, base, p string, opts Options, yield func(Source, error) bool) bool {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		if zipHeadEncrypted(f) {
			err = fmt.Errorf("%w: %w", errZipArchiveEncrypted, err)
		}
		return yield(Source{ID: base, Path: p}, &FileError{Path: p, Err: err})
	}
	limit := opts.maxFileSize()
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() {
			continue
		}
		name := entryName(zf)
		id := base + "#" + name
		fail := func(err error) bool {
			return yield(Source{ID: id, Path: p}, &FileError{Path: p + "#" + name, Err: err})
		}
		if !safeEntry(name) {
			if !fail(ErrUnsafePath) {
				return false
			}
			continue
		}
		k := KindOf(name)
		if k == KindZip {
			if !fail(ErrNestedArchive) {
				return false
			}
			continue
		}
		if k == KindUnknown {
			if opts.Skipped != nil {
				opts.Skipped(p + "#" + name)
			}
			continue
		}
		if zf.Flags&0x1 != 0 {
			if !fail(errZipEncrypted) {
				return false
			}
			continue
		}
		if k != KindCSV && k != KindJSONL && zf.UncompressedSize64 > uint64(limit) {
			// too large by its stated size (the read below bounds it too)
			if !fail(fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)) {
				return false
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			if !fail(err) {
				return false
			}
			continue
		}
		if k == KindCSV || k == KindJSONL {
			inner := opts
			var ok bool
			if k == KindCSV {
				ok = readCSV(rc, base+"#"+name, p, inner, yield)
			} else {
				ok = readJSONL(rc, base+"#"+name, p, inner, yield)
			}
			rc.Close()
			if !ok {
				return false
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(rc, limit+1))
		rc.Close()
		if err == nil && int64(len(b)) > limit {
			err = fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
		}
		if err != nil {
			if !fail(err) {
				return false
			}
			continue
		}
		if !yield(bytesSource(id, p, p+"#"+name, b, k, opts), nil) {
			return false
		}
	}
	return true
}

// safeEntry rejects archive entry names that are absolute or climb out of
// the archive's folder. Entries are never written to disk; the check keeps
// their names honest in document ids and reports tampered archives.
func safeEntry(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || strings.Contains(name, ":") {
		return false
	}
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == ".." {
			return false
		}
	}
	return true
}
