package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnclosedQuote reports a CSV field opened by a quote that is never
// closed, or closed only lines later by a quote that opens another field:
// a stray quote that would make one row of all the rows after it.
var ErrUnclosedQuote = errors.New("corpus: a quote opens a field that is never closed; the field is ended where rows start again")

// ErrRecordTooLarge reports a CSV record or a JSON line over the size
// limit of a document (Options.MaxFileSize).
var ErrRecordTooLarge = errors.New("corpus: record too large")

// LineError names the line of an archive (CSV or JSONL) at which a
// record starts that was not read as written.
type LineError struct {
	Line int // from 1
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// maxQuoteRepairs is how many stray quotes csvReader repairs in one file;
// past it, each would cost a rescan of what follows it, and the file is
// read as encoding/csv reads it with LazyQuotes.
const maxQuoteRepairs = 64

// csvReader reads the records of a CSV stream as encoding/csv does with
// LazyQuotes (a quote inside a field is a plain character; "" in a quoted
// field is a quote; \r\n ends a line as \n does; empty lines are skipped),
// and more: it counts lines, bounds the size of a record (a record over
// limit bytes is skipped to its end and reported, not held), and repairs
// a stray quote: a quoted field that runs to the end of the input, or
// over lines to a quote that stands inside it (the quote that opened a
// field of a later row). Where the lines after the field's first, read
// afresh, are rows of width fields from some line on, the field ends
// before that line (its first line split at its commas instead, if that
// makes a row) and the rows are read as rows; a field that runs to the
// end with no rows after it is read with its quote as a plain character.
// The record carries an ErrUnclosedQuote note naming the quote's line.
type csvReader struct {
	br      *bufio.Reader
	pending []byte // bytes given back by a repair, read before br
	line    int    // lines read
	limit   int
	repairs int  // stray quotes repaired; -1: do not repair
	width   int  // fields a row has (the header's), 0 if unknown: to judge a repair
	eof     bool // br is exhausted
	read    int  // bytes of input read (line breaks as \n)

	// the record being read
	raw    []byte      // its bytes, lines ending in \n
	fields []fieldSpan // its fields so far
	ends   []int       // scratch: where each field's text ends
	big    bool        // over limit: raw and fields are not kept
}

// fieldSpan is a field of the record being read: raw[start:end], from
// line line; quoted if it opened with a quote; lazyLine is the line of a
// quote inside it that neither closes it nor is doubled, 0 if none.
type fieldSpan struct {
	start, end int
	line       int
	quoted     bool
	lazyLine   int
}

// csvRecord is a record read by csvReader.
type csvRecord struct {
	fields []string
	line   int   // where it starts, from 1
	off    int   // where it starts in the input, in bytes (line breaks as \n)
	note   error // a *LineError of ErrUnclosedQuote for a stray quote repaired, or nil
}

// newCSVReader returns a csvReader of r whose records hold at most limit
// bytes.
func newCSVReader(r io.Reader, limit int64) *csvReader {
	return &csvReader{br: bufio.NewReaderSize(r, 64<<10), limit: int(min(limit, int64(maxInt)))}
}

const maxInt = int(^uint(0) >> 1)

// chunk returns the next piece of input: a line with its \n (\r\n made
// \n), or a part of a long line; nil at the end of the input.
func (r *csvReader) chunk() ([]byte, error) {
	if len(r.pending) > 0 {
		c := r.pending
		if i := bytes.IndexByte(c, '\n'); i >= 0 {
			c = c[:i+1]
		}
		r.pending = r.pending[len(c):]
		r.read += len(c)
		return c, nil
	}
	if r.eof || r.br == nil {
		return nil, nil
	}
	c, err := r.br.ReadSlice('\n')
	switch err {
	case nil:
		if n := len(c); n >= 2 && c[n-2] == '\r' {
			c[n-2] = '\n'
			c = c[:n-1]
		}
	case bufio.ErrBufferFull:
		if len(c) > 1 && c[len(c)-1] == '\r' {
			// keep \r\n together: the \r goes with the next piece
			_ = r.br.UnreadByte() // cannot fail right after a read
			c = c[:len(c)-1]
		}
	case io.EOF:
		r.eof = true
		if len(c) == 0 {
			return nil, nil
		}
		if c[len(c)-1] == '\r' {
			c = c[:len(c)-1]
		}
		if len(c) == 0 {
			return nil, nil
		}
	default:
		return nil, err
	}
	r.read += len(c)
	return c, nil
}

// Read returns the next record; io.EOF at the end of the input. A record
// over the limit is a *LineError of ErrRecordTooLarge, and the next Read
// goes on after it.
func (r *csvReader) Read() (csvRecord, error) {
	r.raw, r.fields, r.big = r.raw[:0], r.fields[:0], false
	start := r.line + 1
	var note error
	repaired := func(f fieldSpan) {
		if note == nil {
			note = &LineError{Line: f.line, Err: ErrUnclosedQuote}
		}
	}
	inQuote := false   // in a quoted field
	quoteSeen := false // a quote in a quoted field: the next byte says what it is
	closed := false    // the field was closed by a quote
	atStart := true    // at the start of a field
	first := true      // no byte of the record read yet
	recOff := r.read   // where the record starts
	var f fieldSpan    // the field being read
	for {
		c, err := r.chunk()
		if err != nil {
			return csvRecord{}, err
		}
		if c == nil { // the end of the input
			if first {
				return csvRecord{}, io.EOF
			}
			switch {
			case atStart:
				f = fieldSpan{start: len(r.raw), end: len(r.raw), line: r.line}
			case inQuote && !quoteSeen:
				f.end = len(r.raw) // as encoding/csv reads it with LazyQuotes
				if k := len(r.fields); !r.big && r.repairs >= 0 && r.repairs < maxQuoteRepairs {
					r.endField(f)
					if off, ok := r.resume(f); ok {
						r.closeAt(k, off)
						repaired(f)
						return r.record(start, recOff, note)
					}
					r.fields = r.fields[:k]
					if r.giveBack(&f, k) {
						repaired(f)
						inQuote = false
						continue
					}
				}
			case inQuote: // closed by the last byte
				f.end = len(r.raw) - 1
			default:
				f.end = len(r.raw)
			}
			r.endField(f)
			if k, off := r.strayQuote(); k >= 0 {
				repaired(r.fields[k])
				r.closeAt(k, off)
			}
			return r.record(start, recOff, note)
		}
		if first && c[0] == '\n' { // an empty line, skipped
			r.line++
			start++
			recOff = r.read
			continue
		}
		first = false
		off := len(r.raw)
		if !r.big {
			if off+len(c) > r.limit {
				r.big, r.raw, r.fields = true, r.raw[:0], r.fields[:0]
			} else {
				r.raw = append(r.raw, c...)
				c = r.raw[off:]
			}
		}
		if r.big {
			off = 0 // positions no longer matter
		}
		line := r.line + 1 // the line of c
		if c[len(c)-1] == '\n' {
			r.line++
		}
		for i := 0; i < len(c); {
			if atStart {
				f = fieldSpan{start: off + i, line: line}
				atStart, closed = false, false
				if c[i] == '"' {
					f.quoted, inQuote = true, true
					i++
					continue
				}
			}
			if inQuote {
				if !quoteSeen {
					j := bytes.IndexByte(c[i:], '"')
					if j < 0 {
						break
					}
					i += j + 1
					quoteSeen = true
					continue
				}
				quoteSeen = false
				switch c[i] {
				case '"': // a doubled quote
					i++
				case ',', '\n': // the closing quote
					inQuote, closed = false, true
					f.end = off + i - 1
				default: // a quote inside the field
					if f.lazyLine == 0 {
						f.lazyLine = line
					}
				}
				continue
			}
			if !closed {
				// a comma, or the line break, which only ends a chunk
				j := bytes.IndexByte(c[i:], ',')
				if j < 0 {
					if c[len(c)-1] != '\n' {
						break
					}
					j = len(c) - 1 - i
				}
				i += j
				f.end = off + i
			}
			r.endField(f)
			if c[i] == ',' {
				atStart = true
				i++
				continue
			}
			// the end of the record, at the end of c
			if k, off := r.strayQuote(); k >= 0 {
				repaired(r.fields[k])
				r.closeAt(k, off)
			}
			return r.record(start, recOff, note)
		}
	}
}

// endField ends the field f of the record being read.
func (r *csvReader) endField(f fieldSpan) {
	if !r.big {
		r.fields = append(r.fields, f)
	}
}

// giveBack reads the quote that opens the quoted field f, the record's
// field k, as a plain character: the bytes after it are given back to be
// read again, and f goes on as a field without quotes. It reports whether
// it did (not past maxQuoteRepairs, nor for a record too large).
func (r *csvReader) giveBack(f *fieldSpan, k int) bool {
	if r.big || r.repairs < 0 || r.repairs >= maxQuoteRepairs {
		return false
	}
	r.repairs++
	rest := r.raw[f.start+1:]
	back := make([]byte, len(rest)+len(r.pending))
	copy(back, rest)
	copy(back[len(rest):], r.pending)
	r.pending = back
	r.line = f.line - 1
	r.read -= len(rest)
	r.raw = r.raw[:f.start+1]
	r.fields = r.fields[:k]
	*f = fieldSpan{start: f.start, end: -1, line: f.line}
	return true
}

// strayQuote returns the index of the field of the record just read that
// a stray quote opened, and the offset in raw where rows start again; -1
// if none. It is a quoted field that runs over lines and holds a quote
// inside it (the quote that opened a field of a later row), with lines
// after its first from which every record read afresh has r.width fields
// (resume).
func (r *csvReader) strayQuote() (int, int) {
	if r.width == 0 || r.repairs < 0 || r.repairs >= maxQuoteRepairs {
		return -1, 0
	}
	for k, f := range r.fields {
		if f.quoted && f.lazyLine > f.line {
			if off, ok := r.resume(f); ok {
				return k, off
			}
		}
	}
	return -1, 0
}

// resume returns the offset in raw of the first line after the first line
// of the quoted field f, of the record just read, from which the record's
// bytes, read afresh, are records of r.width fields, at least one; ok is
// false if there is none.
func (r *csvReader) resume(f fieldSpan) (off int, ok bool) {
	if r.width == 0 {
		return 0, false
	}
	nl := bytes.IndexByte(r.raw[f.start:], '\n')
	if nl < 0 {
		return 0, false
	}
	base := f.start + nl + 1
	sub := &csvReader{pending: r.raw[base:], limit: r.limit, repairs: -1}
	found := false // off is the start of a run of rows that goes on to the end
	for {
		rec, err := sub.Read()
		if err == io.EOF {
			return off, found
		}
		switch {
		case err != nil:
			return 0, false
		case len(rec.fields) != r.width:
			found = false
		case !found:
			off, found = base+rec.off, true
		}
	}
}

// closeAt ends the record just read in its quoted field k, which a stray
// quote opened, and gives back the bytes from raw offset off (where rows
// start again) to be read again. The field's first line is split at its
// commas if that makes the record a row of r.width fields (the stray quote
// dropped); else the field holds its lines up to off, as if its closing
// quote stood at the end of the last.
func (r *csvReader) closeAt(k, off int) {
	r.repairs++
	f := r.fields[k]
	r.fields = r.fields[:k]
	nl := f.start + bytes.IndexByte(r.raw[f.start:], '\n')
	if rest := r.raw[f.start+1 : nl]; off == nl+1 && bytes.IndexByte(rest, '"') < 0 && k+1+bytes.Count(rest, []byte{','}) == r.width {
		at := f.start + 1
		for {
			i := bytes.IndexByte(r.raw[at:nl], ',')
			if i < 0 {
				r.fields = append(r.fields, fieldSpan{start: at, end: nl, line: f.line})
				break
			}
			r.fields = append(r.fields, fieldSpan{start: at, end: at + i, line: f.line})
			at += i + 1
		}
	} else {
		f.end = off - 1 // the line break before off
		r.fields = append(r.fields, f)
	}
	rest := r.raw[off:]
	back := make([]byte, len(rest)+len(r.pending))
	copy(back, rest)
	copy(back[len(rest):], r.pending)
	r.pending = back
	r.line = f.line - 1 + bytes.Count(r.raw[f.start:off], []byte{'\n'})
	r.read -= len(rest)
	r.raw = r.raw[:off]
}

// record makes the csvRecord of the record read, a *LineError if it was
// too large.
func (r *csvReader) record(start, off int, note error) (csvRecord, error) {
	if r.big {
		return csvRecord{line: start}, &LineError{Line: start, Err: fmt.Errorf("%w: over %d bytes", ErrRecordTooLarge, r.limit)}
	}
	// the fields' text in one string, as encoding/csv makes it: one
	// allocation a record
	var b strings.Builder
	b.Grow(len(r.raw))
	r.ends = r.ends[:0]
	for _, f := range r.fields {
		appendFieldText(&b, r.raw[f.start:f.end], f.quoted)
		r.ends = append(r.ends, b.Len())
	}
	all := b.String()
	out := make([]string, len(r.fields))
	prev := 0
	for i, end := range r.ends {
		out[i], prev = all[prev:end], end
	}
	return csvRecord{fields: out, line: start, off: off, note: note}, nil
}

// appendFieldText writes the text of a field from its raw bytes: without
// its opening quote (the closing one is not in raw), doubled quotes made
// one, if quoted.
func appendFieldText(b *strings.Builder, raw []byte, quoted bool) {
	if !quoted {
		b.Write(raw)
		return
	}
	raw = raw[1:]
	for {
		i := bytes.Index(raw, []byte(`""`))
		if i < 0 {
			b.Write(raw)
			return
		}
		b.Write(raw[:i+1])
		raw = raw[i+2:]
	}
}
