package pfbeam

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
)

// TestMain runs the pipelines on prism, Beam's local runner, in this
// process (ptest's default; -runner picks another).
func TestMain(m *testing.M) { ptest.Main(m) }

// provinces is the folder of the 2025 provincial reports, beside the
// repository.
var provinces = filepath.Join("..", "..", "..", "shared", "dev", "provinces-2025", "texts")

const jinan = `2025年济南市政府工作报告
——2025年1月10日在济南市第十八届人民代表大会第四次会议上

各位代表：

一、2024年工作回顾

过去一年，全市地区生产总值达到13500亿元，增长5.6%；一般公共预算收入完成1050亿元，增长3.2%。城镇新增就业12.3万人。

二、2025年主要目标

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长3%；城镇新增就业11万人以上。
`

const shandong = `2025年山东省政府工作报告
——2025年1月14日在山东省第十四届人民代表大会第四次会议上

各位代表：

一、2024年工作回顾

过去一年，全省地区生产总值达到98566亿元，增长5.7%。济南市地区生产总值增长5.6%，青岛市地区生产总值增长5.7%。

二、2025年主要目标

今年全省经济社会发展的主要预期目标是：地区生产总值增长5%以上；城镇新增就业110万人以上。
`

const qinghe = `2024年青禾市人民政府工作报告

一、2023年工作回顾

过去一年，全市地区生产总值达到2040亿元，同比增长5.1%；城镇新增就业5万人。

二、2024年主要目标

地区生产总值增长5.5%左右；城镇新增就业5万人以上。
`

// smallCorpus returns the files of a small corpus: single documents, a
// JSONL and a zip archive, and a file that is no document.
func smallCorpus(t *testing.T) map[string][]byte {
	t.Helper()
	rows := func(docs ...map[string]string) []byte {
		var b bytes.Buffer
		for _, d := range docs {
			line, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			b.WriteByte('\n')
		}
		return b.Bytes()
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, err := zw.Create("reports/青禾市2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(qinghe)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	sample := policyfacts.Sample()
	return map[string][]byte{
		"a-sample.txt": []byte(sample.Raw),
		"b-jinan.txt":  []byte(jinan),
		"c-archive.jsonl": rows(
			map[string]string{"id": "sd", "title": "2025年山东省政府工作报告", "text": shandong},
			map[string]string{"id": "jn", "title": "2025年济南市政府工作报告", "text": jinan},
		),
		"d-older.zip":   z.Bytes(),
		"e-broken.docx": []byte("PK\x03\x04 not a zip archive"),
	}
}

// batch extracts paths as `policyfacts extract` and `policyfacts records
// --format jsonl` do (policyfacts.Batch over corpus.Sources, failures left
// out, metrics.Records over the documents in input order,
// metrics.WriteJSONL) and returns the result lines and the record lines.
func batch(t *testing.T, paths []string) (results, records []string) {
	t.Helper()
	var docs []metrics.DocFacts
	for it := range policyfacts.BatchSeq(context.Background(), corpus.Sources(paths, corpus.Options{}), policyfacts.BatchOptions{}) {
		if it.Err != nil {
			continue
		}
		line, err := it.Result.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, string(line))
		docs = append(docs, it.Result.DocFacts())
	}
	var b bytes.Buffer
	if err := metrics.WriteJSONL(&b, metrics.Records(docs)); err != nil {
		t.Fatal(err)
	}
	return results, lines(b.Bytes())
}

// lines returns the lines of b.
func lines(b []byte) []string {
	var out []string
	for l := range bytes.Lines(b) {
		out = append(out, string(bytes.TrimSuffix(l, []byte("\n"))))
	}
	return out
}

// run runs the pipeline of o on the test runner and returns the lines it
// wrote to o.Results, o.Records and o.Failed, read by read.
func run(t *testing.T, o Options, read func(string) []byte) (results, records, failed []string) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return lines(read(o.Results)), lines(read(o.Records)), lines(read(o.Failed))
}

// sameLines fails t unless got and want hold the same lines, in any order.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("%s: first difference at sorted line %d:\n got %.300s\nwant %.300s", what, i, got[i], want[i])
			return
		}
	}
}

// checkLocal runs the pipeline on the files in dir matched by glob and
// compares its outputs with a batch over the same files in lexical order.
func checkLocal(t *testing.T, dir, glob string) (records, failed []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, glob))
	if err != nil {
		t.Fatal(err)
	}
	wantResults, wantRecords := batch(t, paths)
	out := t.TempDir()
	o := Options{Inputs: []string{filepath.Join(dir, glob)}, Results: filepath.Join(out, "results.jsonl"),
		Records: filepath.Join(out, "records.jsonl"), Failed: filepath.Join(out, "failed.txt"),
		RecordsParquet: filepath.Join(out, "records.parquet")}
	results, records, failed := run(t, o, func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	})
	sameLines(t, "results", results, wantResults)
	sameLines(t, "records", records, wantRecords)
	sameLines(t, "records read back from Parquet", parquetLines(t, o.RecordsParquet), parquetRoundTrip(t, wantRecords))
	return records, failed
}

// parquetLines reads the records of a Parquet file and returns them as
// JSON lines.
func parquetLines(t *testing.T, path string) []string {
	t.Helper()
	recs, err := parquetfile.ReadRecords(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := metrics.WriteJSONL(&b, recs); err != nil {
		t.Fatal(err)
	}
	return lines(b.Bytes())
}

// parquetRoundTrip returns the records of the JSON lines recs as they read
// back from the Parquet file the CLI would write of them.
func parquetRoundTrip(t *testing.T, recs []string) []string {
	t.Helper()
	rs := make([]metrics.Record, len(recs))
	for i, l := range recs {
		if err := json.Unmarshal([]byte(l), &rs[i]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "want.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := parquetfile.WriteRecords(f, rs); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return parquetLines(t, path)
}

func TestPipelineSmall(t *testing.T) {
	dir := t.TempDir()
	for name, b := range smallCorpus(t) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	records, failed := checkLocal(t, dir, "*")
	// The corpus has cells stated by several documents (济南's by its own
	// reports and by 山东's), cells of a region with no code (青禾市) and
	// one failure.
	var coded, uncoded, shared bool
	for _, l := range records {
		var r metrics.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("record %s: %v", l, err)
		}
		coded = coded || r.RegionCode != nil
		uncoded = uncoded || r.RegionCode == nil
		docs := map[string]bool{}
		for _, s := range r.Sources {
			docs[s.DocID] = true
		}
		for _, a := range r.Alternatives {
			for _, s := range a.Sources {
				docs[s.DocID] = true
			}
		}
		shared = shared || len(docs) > 1
	}
	if !coded || !uncoded || !shared {
		t.Errorf("records: coded %v, uncoded %v, from several documents %v; want all (records %d)", coded, uncoded, shared, len(records))
	}
	if len(failed) != 1 || !strings.HasPrefix(failed[0], filepath.Join(dir, "e-broken.docx")+"\t") {
		t.Errorf("failed = %q, want one line for e-broken.docx", failed)
	}
}

// TestPipelineSameNames reads files of one base name in two folders: the
// later takes its path as id, as in a batch, so that the two documents
// (of no known region) are never merged into one place.
func TestPipelineSameNames(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"2024", "2025"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "report.txt"), []byte(strings.ReplaceAll(qinghe, "青禾市", "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	records, _ := checkLocal(t, dir, filepath.Join("*", "report.txt"))
	ids := map[string]bool{}
	for _, l := range records {
		var r metrics.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Sources {
			ids[s.DocID] = true
		}
	}
	if len(ids) != 2 {
		t.Errorf("records cite documents %v, want two ids", ids)
	}
}

// TestPipelineRemote reads the small corpus from a filesystem that is not
// the local one (Beam's memfs), as a runner reads gs://: the files are
// read whole and the archives spooled.
func TestPipelineRemote(t *testing.T) {
	dir := t.TempDir()
	for name, b := range smallCorpus(t) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		memfs.Write("memfs://in/"+name, b)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	wantResults, wantRecords := batch(t, paths)
	o := Options{Inputs: []string{"memfs://in/*"}, Results: "memfs://out/results.jsonl",
		Records: "memfs://out/records.jsonl", Failed: "memfs://out/failed.txt", RecordsParquet: "memfs://out/records.parquet"}
	read := func(p string) []byte {
		fs := memfs.New(context.Background())
		r, err := fs.OpenRead(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(r); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	results, records, failed := run(t, o, read)
	sameLines(t, "results", results, wantResults)
	sameLines(t, "records", records, wantRecords)
	pq := filepath.Join(t.TempDir(), "records.parquet")
	if err := os.WriteFile(pq, read(o.RecordsParquet), 0o644); err != nil {
		t.Fatal(err)
	}
	sameLines(t, "records read back from Parquet", parquetLines(t, pq), parquetRoundTrip(t, wantRecords))
	if len(failed) != 1 || !strings.HasPrefix(failed[0], "memfs://in/e-broken.docx\t") {
		t.Errorf("failed = %q, want one line for memfs://in/e-broken.docx", failed)
	}
}

// TestPipelineProvinces runs the pipeline over the 31 provincial reports
// of 2025 and compares its records with a batch's, byte for byte.
func TestPipelineProvinces(t *testing.T) {
	if _, err := os.Stat(provinces); err != nil {
		t.Skipf("no %s (the shared development corpus): %v", provinces, err)
	}
	records, failed := checkLocal(t, provinces, "*.txt")
	if len(records) < 300 || len(failed) != 0 {
		t.Errorf("%d records, %d failures; want hundreds and none", len(records), len(failed))
	}
}

func TestDocCoder(t *testing.T) {
	res, err := policyfacts.Extract(context.Background(), policyfacts.Sample())
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{Order: order("sample.txt", 1), Facts: res.DocFacts()}
	b, err := encodeDoc(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeDoc(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Facts.Facts) == 0 || !slices.Equal(got.Facts.Facts, d.Facts.Facts) || got.Order != d.Order || got.Facts.ID != d.Facts.ID ||
		got.Facts.Region != d.Facts.Region || got.Facts.Year != d.Facts.Year {
		t.Errorf("decodeDoc(encodeDoc(d)) = %+v, want %+v", got, d)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    Options
		want error
	}{
		{"no input", Options{Records: "r.jsonl"}, ErrNoInput},
		{"no output", Options{Inputs: []string{"*.txt"}}, ErrNoOutput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, s := beam.NewPipelineWithRoot()
			if err := Build(s, tc.o); err != tc.want {
				t.Errorf("Build(%+v) = %v, want %v", tc.o, err, tc.want)
			}
		})
	}
}

// BenchmarkPipeline runs the whole pipeline (extraction, records, the
// three outputs) over the provincial reports on the test runner, with the
// batch of the CLI over the same files as the baseline.
func BenchmarkPipeline(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join(provinces, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no %s (the shared development corpus)", provinces)
	}
	var size int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	b.Run("batch", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			n := 0
			for it := range policyfacts.BatchSeq(context.Background(), corpus.Sources(paths, corpus.Options{}), policyfacts.BatchOptions{Workers: 1}) {
				if it.Err != nil {
					b.Fatal(it.Err)
				}
				n++
			}
			if n != len(paths) {
				b.Fatalf("%d results, want %d", n, len(paths))
			}
		}
	})
	b.Run("pipeline", func(b *testing.B) {
		b.SetBytes(size)
		out := b.TempDir()
		o := Options{Inputs: []string{filepath.Join(provinces, "*.txt")}, Results: filepath.Join(out, "results.jsonl"),
			Records: filepath.Join(out, "records.jsonl"), Failed: filepath.Join(out, "failed.txt")}
		for b.Loop() {
			p, s := beam.NewPipelineWithRoot()
			if err := Build(s, o); err != nil {
				b.Fatal(err)
			}
			if err := ptest.Run(p); err != nil {
				b.Fatal(err)
			}
		}
		res, err := os.ReadFile(o.Results)
		if err != nil || bytes.Count(res, []byte("\n")) != len(paths) {
			b.Fatalf("results: %d lines, %v; want %d", bytes.Count(res, []byte("\n")), err, len(paths))
		}
	})
}
