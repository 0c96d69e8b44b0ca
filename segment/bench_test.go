package segment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/go-ego/gse"
)

// benchText is the embedded sample report, plus the seed documents of
// ../shared when they are there.
func benchText(tb testing.TB) string {
	b, err := os.ReadFile("../sample/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	text := string(b)
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			text += "\n" + string(b)
		}
	}
	return text
}

// startup builds everything a first GSE segmenter needs from the embedded
// data, bypassing the per-process caches.
func startup() (*gseSegmenter, error) {
	base, err := decodeDict(baseDictData)
	if err != nil {
		return nil, err
	}
	hmm, err := decodeHMM(hmmData)
	if err != nil {
		return nil, err
	}
	words, err := ParseDict(domainData)
	if err != nil {
		return nil, err
	}
	s := &gseSegmenter{hmm: hmm}
	lex, err := newLexicon(base).with(words, true)
	if err != nil {
		return nil, err
	}
	s.lex.Store(lex)
	return s, nil
}

// BenchmarkStartup measures a ready segmenter and its first cut: this
// package's GSE backend against gse's own loading of its dictionary
// (LoadDictEmbed("zh_s")) and, built with -tags jieba, gojieba.
func BenchmarkStartup(b *testing.B) {
	const sentence = "协议引资204亿元，市外到位资金增长15%。"
	b.Run("gse-compiled", func(b *testing.B) {
		var keep *gseSegmenter
		for b.Loop() {
			s, err := startup()
			if err != nil {
				b.Fatal(err)
			}
			if got := s.Cut(sentence); got[0].Text != "协议引资" {
				b.Fatalf("Cut = %v", got)
			}
			keep = s
		}
		reportHeap(b, keep)
	})
	b.Run("gse-library", func(b *testing.B) {
		var keep *gse.Segmenter
		for b.Loop() {
			seg := new(gse.Segmenter)
			seg.SkipLog = true
			if err := seg.LoadDictEmbed("zh_s"); err != nil {
				b.Fatal(err)
			}
			if got := seg.Cut(sentence, true); len(got) == 0 {
				b.Fatal("no tokens")
			}
			keep = seg
		}
		reportHeap(b, keep)
	})
	for _, bb := range startupBaselines {
		b.Run(bb.name, func(b *testing.B) {
			var keep any
			for b.Loop() {
				keep = bb.run(b, sentence)
			}
			reportHeap(b, keep)
		})
	}
}

// startupBaseline and cutBaseline are the gojieba runs of the tagged
// build (bench_jieba_test.go); without the tag there are none.
type startupBaseline struct {
	name string
	run  func(b *testing.B, sentence string) any
}

type cutBaseline struct {
	name  string
	setup func(b *testing.B) func(string) int
}

// reportHeap reports the live Go heap after a collection, in MB, with
// keep (the last segmenter built) alive. Memory held by C++ (gojieba) is
// not in it.
func reportHeap(b *testing.B, keep any) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(keep)
}

// BenchmarkCut measures throughput on report text: this package's GSE
// backend, gse's own Cut with its full dictionary and, with -tags jieba,
// gojieba's Cut, in the same run.
func BenchmarkCut(b *testing.B) {
	text := benchText(b)
	b.Run("gse-compiled", func(b *testing.B) {
		s, err := New()
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if toks := s.Cut(text); toks[len(toks)-1].End != len(text) {
				b.Fatal("tokens do not cover the text")
			}
		}
	})
	b.Run("gse-library", func(b *testing.B) {
		var seg gse.Segmenter
		seg.SkipLog = true
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if toks := seg.Cut(text, true); !strings.HasPrefix(text, toks[0]) {
				b.Fatal("bad first token")
			}
		}
	})
	for _, bb := range cutBaselines {
		b.Run(bb.name, func(b *testing.B) {
			cut := bb.setup(b)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if n := cut(text); n == 0 {
					b.Fatal("no tokens")
				}
			}
		})
	}
}
