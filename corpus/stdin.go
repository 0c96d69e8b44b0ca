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
	head, err := br.Peek(stdinHead)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return yield(Source{ID: stdinName, Path: p}, &FileError{Path: p, Err: err})
	}
	if sniff(head) == formatOther {
		if text, _, err := Decode(head[:cutHead(head)], opts.Encoding); err == nil || errors.Is(err, ErrDamaged) {
			switch {
			case looksJSONL(text):
				return readJSONL(br, stdinName, p, opts, yield)
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
