package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// stdinName is the id of the document read from standard input, and the
// base of the ids of its rows.
const stdinName = "stdin"

// stdinHead is how much of standard input is looked at to tell its kind.
const stdinHead = 64 << 10

// readStdin yields the documents of r, standard input, as Sources
// describes: the rows of a JSONL or CSV stream as they are read, else one
// document read whole.
func readStdin(r io.Reader, opts Options, yield func(Source, error) bool) bool {
	const p = "-"
	br := bufio.NewReaderSize(r, stdinHead)
	head, err := peekHead(br)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return yield(Source{ID: stdinName, Path: p}, &FileError{Path: p, Err: err})
	}
	if sniff(head) == formatOther {
		if text, _, err := Decode(head[:cutHead(head)], opts.Encoding); err == nil || errors.Is(err, ErrDamaged) {
			switch {
			case looksJSONL(text):
				// the encoding told from what has come, so that the rows are
				// read as they come
				r, enc, err := decodingHead(br, head, opts.Encoding)
				if err != nil {
					return yield(Source{ID: stdinName, Path: p}, &FileError{Path: p, Err: err})
				}
				return jsonlRows(r, enc, stdinName, p, opts, yield)
			case looksCSV(text, opts):
				return readCSV(br, stdinName, p, opts, yield)
			}
		}
	}
	limit := opts.maxFileSize()
	b, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
	}
	if err != nil {
		return yield(Source{ID: stdinName, Path: p}, &FileError{Path: p, Err: err})
	}
	if isZip(b) && !isDocxZip(b) {
		return readZip(bytes.NewReader(b), int64(len(b)), stdinName, p, opts, yield)
	}
	return yield(bytesSource(stdinName, p, p, b, KindUnknown, opts), nil)
}

// peekHead returns the start of standard input, as much as tells its kind:
// the first line when it opens a JSON object (a JSONL stream is read, and
// its first result written, as soon as its first line has come), the
// magic number of a binary format, else up to stdinHead bytes or the end
// of input (a CSV header and its first record, whose text may run over
// many lines). A JSONL pipe that delivers its lines one by one is not
// waited on for 64 KB.
func peekHead(br *bufio.Reader) ([]byte, error) {
	for n := 1; ; {
		_, err := br.Peek(n) // waits for at least one more byte
		head, _ := br.Peek(min(br.Buffered(), stdinHead))
		if err != nil || len(head) >= stdinHead || headTells(head) {
			return head, err
		}
		n = len(head) + 1
	}
}

// headTells reports a start of standard input that tells its kind (see
// peekHead).
func headTells(head []byte) bool {
	if len(head) >= 8 && sniff(head) != formatOther {
		return true
	}
	nl := bytes.IndexByte(head, '\n')
	return nl >= 0 && looksJSONL(string(head[:nl]))
}

// isDocxZip reports a zip archive that holds a Word document's main part.
func isDocxZip(b []byte) bool {
	_, err := openDocx(bytes.NewReader(b), int64(len(b)), defaultMaxFileSize)
	return err == nil
}

// looksJSONL reports text whose first line opens a JSON object: {" or {}.
func looksJSONL(text string) bool {
	s := strings.TrimLeft(text, "\uFEFF \t\r\n")
	if !strings.HasPrefix(s, "{") {
		return false
	}
	s = strings.TrimLeft(s[1:], " \t")
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "}")
}

// looksCSV reports text that opens with a CSV header: two or more column
// names, none empty or longer than 64 bytes nor a sentence or markup, with a text,
// id or metadata column among them or, after the header, a record of as
// many fields.
func looksCSV(text string, opts Options) bool {
	text = strings.TrimPrefix(text, "\uFEFF")
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		return false // a header runs to its line's end
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil || len(header) < 2 {
		return false
	}
	named := false
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == "" || len(h) > 64 || strings.ContainsAny(h, "。，；！？<>") || !utf8.ValidString(h) {
			return false
		}
		named = named || metaColumn(h) != "" || (opts.IDColumn != "" && strings.EqualFold(h, opts.IDColumn))
	}
	if named || pickColumn(header, opts.TextColumn) >= 0 {
		return true
	}
	rec, err := cr.Read()
	return err == nil && len(rec) == len(header)
}
