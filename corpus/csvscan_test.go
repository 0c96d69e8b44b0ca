package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// readAllCSV reads all records of s with a csvReader of the given row
// width and limit.
func readAllCSV(s string, width int, limit int64) (recs []csvRecord, errs []error) {
	r := newCSVReader(strings.NewReader(s), limit)
	r.width = width
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, errs
		}
		if err != nil {
			errs = append(errs, err)
			var le *LineError
			if !errors.As(err, &le) {
				return recs, errs
			}
			continue
		}
		recs = append(recs, rec)
	}
}

// TestCSVReader reads CSV as encoding/csv reads it with LazyQuotes, lines
// counted, a stray quote repaired and named, a record over the limit
// skipped and named.
func TestCSVReader(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		limit int64
		want  string // records, fields joined by |, records by ;, each after its line and @
		notes string // the lines of the notes
		errs  string // the errors
	}{
		{name: "plain", in: "a,b\n1,2\n", want: "1@a|b;2@1|2"},
		{name: "crlf and no final newline", in: "a,b\r\n1,2", want: "1@a|b;2@1|2"},
		{name: "quoted with newline and doubled quote", in: "a,b\n1,\"x\ny\"\"z\"\n2,w\n", want: "1@a|b;2@1|x\ny\"z;4@2|w"},
		{name: "empty lines skipped", in: "a,b\n\n1,2\n\n\n3,4\n", want: "1@a|b;3@1|2;6@3|4"},
		{name: "lazy quote in unquoted field", in: "a,b\n1,x\"y\n", want: "1@a|b;2@1|x\"y"},
		{name: "lazy quote in quoted field, one line", in: "a,b\n1,\"他说\"好\"的\"\n2,z\n", width: 2, want: "1@a|b;2@1|他说\"好\"的;3@2|z"},
		{name: "empty fields", in: "a,b,c\n,,\n1,,\n", want: "1@a|b|c;2@||;3@1||"},
		{name: "stray quote to the end", in: "id,text\n1,\"协议引资204亿元\n2,新签约项目89个\n3,增长8%\n", width: 2,
			want: "1@id|text;2@1|协议引资204亿元;3@2|新签约项目89个;4@3|增长8%", notes: "2"},
		{name: "stray quote to the end, no final newline", in: "id,text\n1,ok\n2,\"bad\n3,z", width: 2,
			want: "1@id|text;2@1|ok;3@2|bad;4@3|z", notes: "3"},
		{name: "stray quote closed by the next row's quote", in: "id,text,n\n1,\"协议引资204亿元,5\n2,\"新签约项目89个\",6\n3,\"增长8%\",7\n", width: 3,
			want: "1@id|text|n;2@1|协议引资204亿元|5;3@2|新签约项目89个|6;4@3|增长8%|7", notes: "2"},
		{name: "stray quote in a field of many lines, to the end", in: "id,text\n1,\"段一\n段二\"\n2,\"段三\n段四\n3,段五\n4,段六\n", width: 2,
			want: "1@id|text;2@1|段一\n段二;4@2|段三\n段四;6@3|段五;7@4|段六", notes: "4"},
		{name: "stray quote in a field of many lines, closed by the next row's", in: "id,text\n1,\"段一\n段二\"\n2,\"段三\n段四\n3,\"段五\n段六\"\n4,\"段七\"\n", width: 2,
			want: "1@id|text;2@1|段一\n段二;4@2|段三\n段四;6@3|段五\n段六;8@4|段七", notes: "4"},
		{name: "stray quote, the rest no rows: read as a character", in: "id,text\n1,\"段一\n段二\n", width: 2,
			want: "1@id|text;2@1|\"段一;3@段二", notes: "2"},
		{name: "a quote inside a field of two lines stays", in: "id,text\n1,\"第一段\n他说\"好\"呀\n\"\n2,z\n", width: 2,
			want: "1@id|text;2@1|第一段\n他说\"好\"呀\n;5@2|z"},
		{name: "over the limit", in: "id,text\n1,short\n2,\"" + strings.Repeat("长", 20) + "\"\n3,ok\n", limit: 30,
			want: "1@id|text;2@1|short;4@3|ok", errs: "line 3: corpus: record too large: over 30 bytes"},
		{name: "over the limit, one long line", in: "id,text\n1," + strings.Repeat("x", 100) + "\n3,ok\n", limit: 30,
			want: "1@id|text;3@3|ok", errs: "line 2: corpus: record too large: over 30 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			limit := tc.limit
			if limit == 0 {
				limit = 1 << 20
			}
			recs, errs := readAllCSV(tc.in, tc.width, limit)
			var got, notes, gotErrs []string
			for _, r := range recs {
				got = append(got, fmt.Sprintf("%d@%s", r.line, strings.Join(r.fields, "|")))
				if r.note != nil {
					var le *LineError
					if !errors.As(r.note, &le) || !errors.Is(r.note, ErrUnclosedQuote) {
						t.Errorf("note %v, want a *LineError of ErrUnclosedQuote", r.note)
					}
					notes = append(notes, fmt.Sprint(le.Line))
				}
			}
			for _, e := range errs {
				gotErrs = append(gotErrs, e.Error())
			}
			if g := strings.Join(got, ";"); g != tc.want {
				t.Errorf("records\n got %q\nwant %q", g, tc.want)
			}
			if g := strings.Join(notes, ","); g != tc.notes {
				t.Errorf("notes on lines %q, want %q", g, tc.notes)
			}
			if g := strings.Join(gotErrs, ";"); g != tc.errs {
				t.Errorf("errors %q, want %q", g, tc.errs)
			}
		})
	}
}

// TestCSVReaderManyRows reads a CSV of 1,000 rows with one stray quote
// near its start: 1,000 records, one note.
func TestCSVReaderManyRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,text\n")
	for i := range 1000 {
		text := fmt.Sprintf("\"第%d篇：协议引资%d亿元，增长8%%。\"", i, i)
		if i == 3 {
			text = text[:len(text)-1] // the closing quote lost
		}
		fmt.Fprintf(&b, "%d,讲话%d,%s\n", i, i, text)
	}
	recs, errs := readAllCSV(b.String(), 3, 1<<20)
	notes := 0
	for _, r := range recs {
		if r.note != nil {
			notes++
		}
	}
	if len(recs) != 1001 || len(errs) != 0 || notes != 1 {
		t.Errorf("%d records, %d notes, errors %v; want 1001, 1, none", len(recs), notes, errs)
	}
}

// FuzzCSVReader holds csvReader to encoding/csv with LazyQuotes on every
// input it repairs nothing in, and bounds what it reads.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,\"b\nc\"\"\",d\r\n", "\"x", "a,\"b\"c,d\n\n\"e\"\n", "id,t\n1,\"a\n2,b\n", "\r\n\"\r", ",\"\"\"\n"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = max(0, width%4)
		recs, errs := readAllCSV(s, width, 1<<20)
		if len(errs) > 0 {
			t.Fatalf("errors %v", errs)
		}
		for _, r := range recs {
			if r.note != nil {
				return // repaired: read otherwise than encoding/csv does
			}
		}
		cr := csv.NewReader(strings.NewReader(s))
		cr.LazyQuotes, cr.FieldsPerRecord = true, -1
		want, err := cr.ReadAll()
		if err != nil {
			return
		}
		if len(want) != len(recs) {
			t.Fatalf("%q: %d records, encoding/csv %d: %q", s, len(recs), len(want), want)
		}
		for i, w := range want {
			if !slices.Equal(w, recs[i].fields) {
				t.Fatalf("%q: record %d = %q, encoding/csv %q", s, i, recs[i].fields, w)
			}
			if line, _ := cr.FieldPos(0); i == len(want)-1 && line != recs[i].line {
				t.Fatalf("%q: last record on line %d, encoding/csv %d", s, recs[i].line, line)
			}
		}
	})
}

// BenchmarkCSVReader reads a CSV archive of 2,000 rows of about 1 KB,
// quoted text with line breaks in it, beside encoding/csv with LazyQuotes
// as a baseline.
func BenchmarkCSVReader(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,title,date,text\n")
	for i := range 2000 {
		fmt.Fprintf(&sb, "%d,市长在全市招商引资工作会议上的讲话,2024-03-02,\"%s\n%s\"\n", i,
			strings.Repeat("今年全市协议引资204亿元，同比增长31.3%。", 10), strings.Repeat("新签约项目89个，其中“亿元”项目12个。", 5))
	}
	data := sb.String()
	b.Run("csvReader", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			recs, errs := readAllCSV(data, 4, 1<<20)
			if len(recs) != 2001 || len(errs) != 0 {
				b.Fatalf("%d records, errors %v", len(recs), errs)
			}
		}
	})
	b.Run("encoding/csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			cr := csv.NewReader(strings.NewReader(data))
			cr.LazyQuotes, cr.FieldsPerRecord = true, -1
			recs, err := cr.ReadAll()
			if len(recs) != 2001 || err != nil {
				b.Fatalf("%d records, error %v", len(recs), err)
			}
		}
	})
}
