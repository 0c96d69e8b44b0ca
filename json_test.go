package policyfacts

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/segment"
)

// stdJSON is r as the CLI wrote it with encoding/json.
func stdJSON(t testing.TB, r *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func checkAppendJSON(t testing.TB, r *Result) {
	t.Helper()
	got, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := stdJSON(t, r); !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("AppendJSON differs from encoding/json at byte %d:\n got %q\nwant %q", i, got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

// tricky holds what a JSON writer may get wrong: quotes, backslashes,
// control characters, HTML characters, invalid UTF-8, U+2028.
const tricky = "a\"b\\c\x01\b\f\n\r\t<>&\u2028\u2029\xff\xe4\xb8 全年 \x7f"

// TestAppendJSON holds AppendJSON to encoding/json on real results and on
// a result of every kind of value.
func TestAppendJSON(t *testing.T) {
	ex := New(WithKeywords(5))
	texts := []string{Sample().Raw, "", "增长<5%>&“双招双引”" + tricky + "协议引资204亿元，比上年增长12.3%。"}
	seeds, _ := filepath.Glob(filepath.Join("..", "shared", "seeds", "*.txt")) // none on a plain clone
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		doc, err := corpus.Load("doc.txt", []byte(text), corpus.KindText, corpus.Options{})
		if err != nil {
			continue
		}
		r, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		checkAppendJSON(t, &r)
	}
	year, s := 2023, tricky
	r := Result{
		SchemaVersion: s,
		Doc:           DocInfo{ID: s, Title: &s, Year: &year, Source: s, URL: s, Encoding: s, Redacted: 3},
		Quantities: []extract.Quantity{{Text: s, Start: 1, End: 2, Value: 1e21, Unit: extract.Unit(s), Bound: extract.Bound(9), Scale: s},
			{Value: 1e-7}, {Value: math.Copysign(0, -1)}, {Value: 0.1 + 0.2}, {Value: 123456789012345678}, {Value: -3.5e12}},
		Facts: []extract.Fact{{Indicator: s, Metric: s, Year: 2022, Region: s, Qualifier: s, Evidence: s,
			Quantity: extract.Quantity{Text: s, Value: 5e-9}}, {}},
		Sectors:  []extract.Sector{{Name: s, Category: s, Count: 1, Positions: []int{0, 99}}, {}},
		Slogans:  []extract.Slogan{{Text: s, Count: 2, Positions: nil}},
		Keywords: []segment.Keyword{{Text: s, Weight: 1.0 / 3, Count: 4}},
	}
	checkAppendJSON(t, &r)
	checkAppendJSON(t, &Result{})
	r.Facts[0].Quantity.Value = math.Inf(1)
	if _, err := r.AppendJSON(nil); err == nil {
		t.Error("AppendJSON of an infinite value: no error")
	}
}

// FuzzAppendJSON holds AppendJSON to encoding/json for any string and
// number.
func FuzzAppendJSON(f *testing.F) {
	f.Add(tricky, 1.5, 7)
	f.Add("", 1e21, -1)
	f.Add("全年完成", 1e-7, 0)
	f.Fuzz(func(t *testing.T, s string, v float64, n int) {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return
		}
		r := Result{
			SchemaVersion: s,
			Doc:           DocInfo{ID: s, Speaker: &s, Year: &n, URL: s, Redacted: n},
			Quantities:    []extract.Quantity{{Text: s, Start: n, Value: v, Unit: extract.Unit(s), Scale: s}},
			Facts:         []extract.Fact{{Metric: s, Year: n, Region: s, Evidence: s, Quantity: extract.Quantity{Text: s, Value: v}}},
			Sectors:       []extract.Sector{{Name: s, Positions: []int{n}}},
			Slogans:       []extract.Slogan{},
			Keywords:      []segment.Keyword{{Text: s, Weight: v}},
		}
		checkAppendJSON(t, &r)
	})
}

// BenchmarkAppendJSON writes the sample's result with AppendJSON and, as
// the baseline, with encoding/json.
func BenchmarkAppendJSON(b *testing.B) {
	r, err := New().Extract(context.Background(), Sample())
	if err != nil {
		b.Fatal(err)
	}
	n := len(stdJSON(b, &r))
	b.Run("AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(n))
		var buf []byte
		for b.Loop() {
			buf, _ = r.AppendJSON(buf[:0])
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(n))
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		for b.Loop() {
			if err := enc.Encode(&r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
