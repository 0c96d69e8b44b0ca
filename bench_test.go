package policyfacts

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/internal/testutil"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/segment"
)

// benchSentences are the sentences of the embedded sample report.
func benchSentences() []string {
	var out []string
	for _, line := range strings.Split(sampleText, "\n") {
		for _, s := range strings.SplitAfter(line, "。") {
			if strings.TrimSpace(s) != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// benchDoc returns document i of the benchmark corpus as its raw bytes:
// the sample's title lines, then about size bytes of its sentences in an
// order and with figures that vary by document (deterministic), in
// paragraphs.
func benchDoc(i, size int, sentences []string) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	b.WriteString(sampleText[:strings.Index(sampleText, "各位代表")])
	for b.Len() < size {
		s := sentences[r.IntN(len(sentences))]
		// Vary the figures so documents differ: 1240亿元 → 1240 + k.
		s = strings.Map(func(c rune) rune {
			if c >= '1' && c <= '8' && r.IntN(4) == 0 {
				return c + 1
			}
			return c
		}, s)
		b.WriteString(s)
		if r.IntN(5) == 0 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// benchPool is the number of distinct documents benchSource cycles
// through: generating each document anew would cost the batch about a
// tenth of a worker, time a worker of its own would not pay.
const benchPool = 64

// benchDocs returns benchPool generated documents of about size bytes.
func benchDocs(size int) [][]byte {
	sentences := benchSentences()
	docs := make([][]byte, benchPool)
	for i := range docs {
		docs[i] = benchDoc(i, size, sentences)
	}
	return docs
}

// benchSource yields a corpus of about total bytes, the documents of docs
// over and over as raw bytes, to be decoded and cleaned by Batch's workers
// like files read by corpus.Sources. Nothing is kept: memory does not grow
// with total.
func benchSource(total int, docs [][]byte) iter.Seq2[corpus.Source, error] {
	return func(yield func(corpus.Source, error) bool) {
		opts := corpus.Options{Cleaner: corpus.NewCleaner()}
		for i, n := 0, 0; n < total; i++ {
			raw := docs[i%len(docs)]
			n += len(raw)
			if !yield(corpus.NewSource("doc"+strconv.Itoa(i)+".txt", raw, corpus.KindText, opts), nil) {
				return
			}
		}
	}
}

// benchMB is the size of the batch benchmark's corpus, 100 MB unless
// POLICYFACTS_BENCH_MB says otherwise.
func benchMB() int {
	if n, err := strconv.Atoi(os.Getenv("POLICYFACTS_BENCH_MB")); err == nil && n > 0 {
		return n
	}
	return 100
}

const benchDocSize = 16 << 10 // a typical work report is 10–40 KB

// segmentBaseline is a segmenter run beside the pipeline
// (bench_jieba_test.go: gojieba); without the tag there is none.
type segmentBaseline struct {
	name  string
	setup func(b *testing.B) func(string) int
}

// BenchmarkExtract measures the pipeline (clean → quantities → facts →
// sectors, slogans) on one 16 KB document, beside the parts and the
// pipeline with keywords.
func BenchmarkExtract(b *testing.B) {
	raw := benchDoc(0, benchDocSize, benchSentences())
	ex := New()
	ctx := context.Background()
	b.Run("load+extract", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			doc, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{})
			if err != nil {
				b.Fatal(err)
			}
			res, err := ex.Extract(ctx, doc)
			if err != nil || len(res.Facts) == 0 {
				b.Fatalf("Extract: %v, %d facts", err, len(res.Facts))
			}
		}
	})
	doc, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := ex.Extract(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("extract+keywords", func(b *testing.B) {
		ex := New(WithKeywords(20))
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := ex.Extract(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("segment-only", func(b *testing.B) {
		seg := defaultSegmenter()
		b.SetBytes(int64(len(doc.Clean)))
		for b.Loop() {
			if len(seg.Cut(doc.Clean)) == 0 {
				b.Fatal("no tokens")
			}
		}
	})
	for _, bb := range segmentBaselines {
		b.Run(bb.name, func(b *testing.B) {
			cut := bb.setup(b)
			b.SetBytes(int64(len(doc.Clean)))
			for b.Loop() {
				if cut(doc.Clean) == 0 {
					b.Fatal("no tokens")
				}
			}
		})
	}
}

// BenchmarkSeeds measures load+extract on the real documents of
// ../shared/seeds (skipped without them), beside the segmentation
// baselines over the same clean text. The generated corpus of
// BenchmarkExtract holds about 20 figures per KB, as the sample does; real
// reports hold 2–4, so this is the pipeline's speed on ordinary text.
func BenchmarkSeeds(b *testing.B) {
	var raws [][]byte
	size := 0
	for _, p := range testutil.Seeds(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw)
	}
	ctx := context.Background()
	// pipeline loads and extracts every document with ex
	pipeline := func(b *testing.B, ex *Extractor) {
		for _, raw := range raws {
			doc, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := ex.Extract(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	var clean []string // the documents' clean text, for the parts below
	for _, raw := range raws {
		doc, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		clean = append(clean, doc.Clean)
	}
	for _, keywords := range []int{0, 20} {
		name := "load+extract"
		if keywords > 0 {
			name += "+keywords"
		}
		ex := New(WithKeywords(keywords))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			cpu0, ok := processCPU()
			for b.Loop() {
				pipeline(b, ex)
			}
			// the CPU time of the process per run, garbage collection
			// included: steadier than ns/op on a busy machine
			if cpu1, ok1 := processCPU(); ok && ok1 {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
	// The parts, over the same documents.
	b.Run("load", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, raw := range raws {
				if _, err := corpus.Load("doc.txt", raw, corpus.KindText, corpus.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	seg := defaultSegmenter()
	for _, part := range []struct {
		name string
		run  func(string)
	}{
		{"segment-only", func(c string) { seg.Cut(c) }},
		{"segment+keywords", func(c string) { segment.Keywords(seg.Cut(c), 20) }},
	} {
		b.Run(part.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, c := range clean {
					part.run(c)
				}
			}
		})
	}
	for _, bb := range segmentBaselines {
		b.Run(bb.name, func(b *testing.B) {
			cut := bb.setup(b)
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, c := range clean {
					cut(c)
				}
			}
		})
	}
	// The pipeline and each baseline timed by turns within every
	// iteration, so that a change in the machine's speed during the run
	// touches both alike: the metric is the baseline's time over the
	// pipeline's, the pipeline's speed as a multiple of the baseline's.
	ex := New()
	for _, bb := range segmentBaselines {
		b.Run("load+extract-vs-"+bb.name, func(b *testing.B) {
			cut := bb.setup(b)
			var ours, theirs time.Duration
			for b.Loop() {
				t0 := time.Now()
				pipeline(b, ex)
				t1 := time.Now()
				for _, c := range clean {
					cut(c)
				}
				ours += t1.Sub(t0)
				theirs += time.Since(t1)
			}
			b.ReportMetric(float64(theirs)/float64(ours), "x")
		})
	}
}

// BenchmarkBatch runs Batch over a generated corpus of benchMB() MB with 1
// and 2 workers and reports the peak resident memory of the process.
func BenchmarkBatch(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			total := benchMB() << 20
			pool := benchDocs(benchDocSize)
			b.SetBytes(int64(total))
			for b.Loop() {
				docs, facts := 0, 0
				for it := range Batch(context.Background(), benchSource(total, pool), BatchOptions{Workers: workers}) {
					if it.Err != nil {
						b.Fatal(it.Err)
					}
					docs++
					facts += len(it.Result.Facts)
				}
				if docs == 0 || facts == 0 {
					b.Fatalf("%d documents, %d facts", docs, facts)
				}
			}
			if rss := peakRSS(); rss > 0 {
				b.ReportMetric(rss, "MB-peak-RSS")
			}
		})
	}
}

// peakRSS returns the process's peak resident set size in MB, from
// /proc/self/status (0 where that is not available).
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkRecordsSmallDocs builds the annual records of many small
// documents (POLICYFACTS_BENCH_DOCS, 100,000 by default: one region-year
// report of three figures each, 400,000 records) the way `policyfacts
// records` does, keeping each document's compacted facts, and reports the
// peak resident memory of the process.
func BenchmarkRecordsSmallDocs(b *testing.B) {
	n := 100_000
	if s := os.Getenv("POLICYFACTS_BENCH_DOCS"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	regions := []string{"青禾市", "河西县", "东林区", "南山县", "北川市"}
	src := func(yield func(corpus.Source, error) bool) {
		for i := range n {
			r := regions[i%len(regions)]
			text := fmt.Sprintf("%d年%s政府工作报告\n过去一年，全%s地区生产总值达到%d亿元，增长%d.%d%%；一般公共预算收入%d亿元，增长%d%%。今年地区生产总值预期增长%d%%左右。",
				2010+i%12, r, r[len(r)-len("市"):], 100+i%900, i%9+1, i%10, 10+i%90, i%7+1, i%5+4)
			if !yield(corpus.NewSource(fmt.Sprintf("d%d", i), []byte(text), corpus.KindText, corpus.Options{}), nil) {
				return
			}
		}
	}
	for b.Loop() {
		var docs []metrics.DocFacts
		for it := range Batch(context.Background(), src, BatchOptions{}) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			docs = append(docs, it.Result.DocFacts().Compact())
		}
		if recs := metrics.Records(docs); len(recs) < n {
			b.Fatalf("%d records from %d documents", len(recs), n)
		}
	}
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(rss, "MB-peak-RSS")
	}
}
