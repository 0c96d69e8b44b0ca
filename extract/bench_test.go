package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// benchText returns the clean-ish text of the seed documents when the
// shared folder is present, else a synthetic work-report text, repeated to
// about 1 MB.
func benchText(b testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	seeds, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "..", "..", "shared", "seeds", "*.txt"))
	var sb strings.Builder
	for _, p := range seeds {
		if bs, err := os.ReadFile(p); err == nil {
			sb.Write(bs)
		}
	}
	if sb.Len() == 0 {
		sb.WriteString("今年全市地区生产总值增长5.5%左右，协议引资1300亿元，新签约项目326个，实际到位市外资金612.4亿元，同比增长12.3%。下面，我讲三点意见。一是进一步统一思想，二是切实加强领导。")
	}
	unit := sb.String()
	return strings.Repeat(unit, max(1, (1<<20)/len(unit)))
}

// BenchmarkByteScan is the baseline: one pass over the bytes, counting
// ASCII digits, the least any recogniser must do.
func BenchmarkByteScan(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for i := 0; i < len(text); i++ {
			if c := text[i]; c >= '0' && c <= '9' {
				n++
			}
		}
	}
	if n == 0 {
		b.Fatal("no digits in the benchmark text")
	}
}

// BenchmarkQuantities measures the recogniser over the same text.
func BenchmarkQuantities(b *testing.B) {
	text := benchText(b)
	r := NewRecognizer()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var qs []Quantity
	for b.Loop() {
		qs = r.AppendQuantities(qs[:0], text)
	}
	if len(qs) == 0 {
		b.Fatal("no quantities found")
	}
}

// BenchmarkScanners measures the whole-text scans of the pipeline one by
// one over the same text, beside BenchmarkByteScan.
func BenchmarkScanners(b *testing.B) {
	text := benchText(b)
	g := DefaultGazetteer()
	r := NewRecognizer()
	for _, sc := range []struct {
		name string
		run  func(string)
	}{
		{"sweep", func(s string) { g.docSweep().Find(s) }},
		{"mentions", func(s string) { g.Mentions(s) }},
		{"sectors", func(s string) { Sectors(s) }},
		{"slogans", func(s string) { Slogans(s) }},
		{"redacted", func(s string) { r.Redacted(s) }},
		{"year-marks", func(s string) { yearMarks(s, search("年")) }},
		{"binder-words", func(s string) { binderFinder.find(s, nil) }},
	} {
		b.Run(sc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				sc.run(text)
			}
		})
	}
}

// BenchmarkTables measures the reading of the embedded tables that the
// first document of a process waits for: the start-up of the extractor.
func BenchmarkTables(b *testing.B) {
	for _, t := range []struct {
		name  string
		parse func() any
	}{
		{"gazetteer", func() any { return parseGazetteer() }},
		{"area-codes", func() any { return parseAreaCodes() }},
		{"sectors", func() any { return parseSectors() }},
		{"industries", func() any { return parseIndustries() }},
	} {
		b.Run(t.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if t.parse() == nil {
					b.Fatal("no table")
				}
			}
		})
	}
}
