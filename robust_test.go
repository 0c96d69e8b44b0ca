package policyfacts

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/policyfacts/policyfacts/corpus"
)

// TestBatchRobustness runs one batch over the inputs that break tools:
// each gives a clear error or a correct result, never a panic or a hang,
// and the rest of the batch is unaffected.
func TestBatchRobustness(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a_empty.txt", nil)
	write("b_image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("全市协议引资204亿元，同比增长31.3%。实际到位资金165.02亿元"))
	write("c_truncated_gbk.txt", gbk[:len(gbk)-1])
	write("d_one_line.txt", []byte(strings.Repeat("各级各部门要认真贯彻落实，切实加强领导，协议引资204亿元，", 40000))) // ~3.6 MB, no line break
	write("e_broken.csv", []byte("id,text\n1,\"协议引资204亿元\n2,新签约项目89个\n"))
	write("f_deep.html", []byte("<html><body>"+strings.Repeat("<div>", 10000)+"协议引资204亿元"+strings.Repeat("</div>", 10000)+"</body></html>"))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("../../etc/evil.txt")
	w.Write([]byte("协议引资1亿元"))
	w, _ = zw.Create("ok.txt")
	w.Write([]byte("新签约项目89个"))
	zw.Close()
	write("g_archive.zip", zb.Bytes())
	write("h_many_numbers.txt", []byte(strings.Repeat("全市协议引资204亿元，增长8%，", 50000))) // 100,000 figures
	write("i_normal.txt", []byte("县长在全县招商引资大会上的讲话\n去年全县协议引资86亿元，同比增长12.5%。"))

	start := time.Now()
	var ids []string
	var failed []string
	quantities := map[string]int{}
	for it := range Batch(context.Background(), corpus.Sources([]string{dir}, corpus.Options{}), BatchOptions{Workers: 2}) {
		ids = append(ids, it.ID)
		if it.Err != nil {
			failed = append(failed, it.ID)
			if !strings.Contains(it.Err.Error(), it.ID[:1]) && !strings.Contains(it.Err.Error(), dir) {
				t.Errorf("error does not name its file: %v", it.Err)
			}
			continue
		}
		quantities[it.ID] = len(it.Result.Quantities)
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("batch took %s", d)
	}
	// e_broken.csv is reported for its unclosed quote, its rows read
	if got := strings.Join(failed, " "); got != "b_image.txt e_broken.csv g_archive.zip#../../etc/evil.txt" {
		t.Errorf("failed = %q, want the image, the CSV's unclosed quote and the path-traversal entry", got)
	}
	want := map[string]int{
		"a_empty.txt": 0, "c_truncated_gbk.txt": 3, "d_one_line.txt": 40000, "f_deep.html": 1,
		"g_archive.zip#ok.txt": 1, "h_many_numbers.txt": 100000, "i_normal.txt": 2,
	}
	for id, n := range want {
		if got, ok := quantities[id]; !ok || got != n {
			t.Errorf("%s: %d quantities (present %v), want %d", id, got, ok, n)
		}
	}
	if quantities["e_broken.csv#1"] != 1 || quantities["e_broken.csv#2"] != 1 {
		t.Errorf("broken CSV: rows 1 and 2 not read as rows: ids %v", ids)
	}

	t.Run("bad among good", func(t *testing.T) { batchBadAmongGood(t) })
}

// batchRun is what a batch gave: each document's result as JSON, each
// failure's error, by id, and the ids in order.
type batchRun struct {
	json map[string]string
	errs map[string]error
	ids  []string
}

// runBatch runs Batch over paths with opts, within a time bound.
func runBatch(t *testing.T, paths []string, opts corpus.Options) batchRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r := batchRun{json: map[string]string{}, errs: map[string]error{}}
	for it := range Batch(ctx, corpus.Sources(paths, opts), BatchOptions{Workers: 2}) {
		r.ids = append(r.ids, it.ID)
		if it.Err != nil {
			r.errs[it.ID] = it.Err
			continue
		}
		b, err := json.Marshal(it.Result)
		if err != nil {
			t.Fatal(err)
		}
		r.json[it.ID] = string(b)
	}
	if ctx.Err() != nil {
		t.Fatalf("batch did not end in 2 minutes")
	}
	return r
}

// batchBadAmongGood runs a batch of good documents, then the same with a
// hostile file of each kind among them: the good documents' output is
// byte-identical, each hostile file gives the right figures or is
// reported, naming what failed.
func batchBadAmongGood(t *testing.T) {
	const limit = 1 << 20 // the document size limit of both runs
	good := map[string][]byte{
		"good.txt":   []byte("县长在全县招商引资大会上的讲话\n去年全县协议引资86亿元，同比增长12.5%。"),
		"good.html":  []byte("<html><head><title>在全市经济工作会议上的讲话</title></head><body><p>今年全市地区生产总值增长5.5%左右，协议引资120亿元以上。</p></body></html>"),
		"good.csv":   []byte("id,text\ng1,到位资金165.02亿元。\ng2,新签约项目89个。\n"),
		"good.jsonl": []byte("{\"id\":\"j1\",\"text\":\"协议引资204亿元\"}\n{\"id\":\"j2\",\"text\":\"增长8%\"}\n"),
		// one base name in two folders: two ids (16)
		"site1/report.txt": []byte("协议引资1亿元。"),
		"site2/report.txt": []byte("协议引资2亿元。"),
	}
	speech := "市长在全市招商引资工作会议上的讲话\n同志们：\n今年以来，全市上下认真贯彻落实决策部署，协议引资204亿元，同比增长31.3%，新签约项目89个。\n"
	var stray, bigCell, badHead strings.Builder
	stray.WriteString("id,text\n")
	for i := range 1000 {
		if i == 10 {
			fmt.Fprintf(&stray, "s%d,\"协议引资%d亿元\n", i, i+1) // the quote never closed, on line 12
			continue
		}
		fmt.Fprintf(&stray, "s%d,协议引资%d亿元\n", i, i+1)
	}
	bigCell.WriteString("id,text\nb1,协议引资1亿元\nb2,\"" + strings.Repeat("协议引资204亿元。", limit/20) + "\"\nb3,协议引资3亿元\n")
	badHead.WriteString("id,text\nh1,协议引资1亿元\xFF，增长8%\n")
	for i := 2; i <= 100; i++ {
		fmt.Fprintf(&badHead, "h%d,协议引资%d亿元\n", i, i)
	}
	var nested bytes.Buffer
	zw := zip.NewWriter(&nested)
	for _, name := range []string{"inner.zip", "ok.txt"} {
		w, _ := zw.Create(name)
		w.Write([]byte("协议引资204亿元。"))
	}
	zw.Close()
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("市长在全市招商引资工作会议上的讲话。今年要确保协议引资二百五十亿元以上，实际到位资金增长百分之二十。"))
	damaged := []byte(strings.Repeat("协议引资204亿元，\xFF", 50)) // one character in eleven bad
	// forms once read wrong (9): the 约 of 签约, 1亿2千万, full-width
	// separators, a figure in quotes, a decrease, a fraction
	values := "今年新签约12个项目，签约3543亿元，总投资1亿2千万元，到位资金１，２３４．５亿元，建成“88个项目”工程，就业人员减少1.5万人，占三分之一。\n"
	// inputs once quadratic (10): 20,000 headings, 100,000 short lines
	var headings, short strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&headings, "一、第%d项工作\n协议引资%d亿元。\n", i, i%100+1)
	}
	for i := range 100000 {
		fmt.Fprintf(&short, "%d\n", i)
	}
	short.WriteString("协议引资7亿元。\n")
	// entries of one name in a zip, and a name written in GBK (16)
	// and an encrypted entry (15)
	zipOf := func(names []string, texts []string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for i, name := range names {
			h := &zip.FileHeader{Name: name, Method: zip.Deflate, NonUTF8: true}
			if strings.HasPrefix(name, "locked") {
				h.Flags |= 0x1 // the encryption bit
			}
			w, _ := zw.CreateHeader(h)
			w.Write([]byte(texts[i]))
		}
		zw.Close()
		return b.Bytes()
	}
	gbkName, _ := simplifiedchinese.GBK.NewEncoder().String("报告.txt")
	bad := map[string][]byte{
		"m_table.html":      []byte("<table><tr><td>年份</td><td>协议引资</td></tr><tr><td>2019</td><td>204亿元</td></tr><tr><td>88</td><td>10%</td></tr></table>"),
		"n_form.html":       []byte(`<html><body><form method="post" action="./Default.aspx" id="form1"><div><button type="button">搜索<div class="content"><p>全市协议引资204亿元，增长8%。</p></div></div></form></body></html>`),
		"o_bad_byte.txt":    []byte(strings.Replace(speech, "协议引资204亿元", "协议引资204亿元\xFF", 1)),
		"p_bad_head.csv":    []byte(badHead.String()),
		"q_stray_quote.csv": []byte(stray.String()),
		"r_declared.html":   []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>` + speech + `</p></body></html>`),
		"s_above_title.txt": []byte("全市上半年到位资金165亿元。\n" + speech),
		"t_long_line.jsonl": []byte("{\"id\":\"l1\",\"text\":\"协议引资1亿元\"}\n{\"id\":\"l2\",\"text\":\"" + strings.Repeat("协议引资204亿元。", limit/20) + "\"}\n{\"id\":\"l3\",\"text\":\"协议引资3亿元\"}\n"),
		"u_big_cell.csv":    []byte(bigCell.String()),
		"v_utf16.txt":       utf16,
		"w_nested.zip":      nested.Bytes(),
		"x_damaged.txt":     damaged,
		"z_values.txt":      []byte(values),
		"za_headings.txt":   []byte(headings.String()),
		"zb_lines.txt":      []byte(short.String()),
		"zc_dup.zip":        zipOf([]string{"a.txt", "a.txt"}, []string{"协议引资3亿元。", "协议引资4亿元。"}),
		"zd_gbk.zip":        zipOf([]string{gbkName, "locked.txt"}, []string{"协议引资5亿元。", "协议引资6亿元。"}),
	}
	goodDir, mixDir := t.TempDir(), t.TempDir()
	for name, b := range good {
		for _, dir := range []string{goodDir, mixDir} {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(mixDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fifo := mkfifo(filepath.Join(mixDir, "y_fifo.txt")) == nil // opening it would wait for a writer
	opts := corpus.Options{IDColumn: "id", MaxFileSize: limit}
	// each run from its folder, so that ids made of paths (the second
	// report.txt) are the same in both
	t.Chdir(goodDir)
	alone := runBatch(t, []string{"."}, opts)
	t.Chdir(mixDir)
	start := time.Now()
	peak := heapPeak()
	mixed := runBatch(t, []string{"."}, opts)
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the batch with hostile files took %s", d)
	}
	// memory: at most six times the largest document read (the size
	// limit) and 100 MB for each of the two workers, over what the test
	// held before
	if p, bound := peak(), uint64(6*limit+2*100<<20); p > bound {
		t.Errorf("the batch's live heap peaked at %d MB over the start, want at most %d MB", p>>20, bound>>20)
	} else {
		t.Logf("the batch's live heap peaked at %.1f MB over the start (bound %d MB)", float64(p)/(1<<20), bound>>20)
	}
	if len(alone.errs) != 0 || len(alone.json) != 8 {
		t.Fatalf("good documents alone: %d results, errors %v", len(alone.json), alone.errs)
	}
	for id, want := range alone.json {
		if got := mixed.json[id]; got != want {
			t.Errorf("%s: output changed among hostile files:\n got %s\nwant %s", id, got, want)
		}
	}

	// figures each hostile document gives, by id: (text, value) pairs
	type figure struct {
		text  string
		value float64
	}
	wantFigures := map[string][]figure{
		"m_table.html":           {{"204亿元", 2.04e10}, {"10%", 10}},
		"n_form.html":            {{"204亿元", 2.04e10}, {"8%", 8}},
		"o_bad_byte.txt":         {{"204亿元", 2.04e10}, {"31.3%", 31.3}, {"89个", 89}},
		"p_bad_head.csv#h1":      {{"1亿元", 1e8}, {"8%", 8}},
		"p_bad_head.csv#h100":    {{"100亿元", 1e10}},
		"q_stray_quote.csv#s10":  {{"11亿元", 1.1e9}},
		"q_stray_quote.csv#s11":  {{"12亿元", 1.2e9}},
		"q_stray_quote.csv#s999": {{"1000亿元", 1e11}},
		"r_declared.html":        {{"204亿元", 2.04e10}, {"31.3%", 31.3}},
		"s_above_title.txt":      {{"165亿元", 1.65e10}, {"204亿元", 2.04e10}},
		"t_long_line.jsonl#l3":   {{"3亿元", 3e8}},
		"u_big_cell.csv#b3":      {{"3亿元", 3e8}},
		"v_utf16.txt":            {{"二百五十亿元以上", 2.5e10}},
		"w_nested.zip#ok.txt":    {{"204亿元", 2.04e10}},
		"z_values.txt": {{"12个", 12}, {"3543亿元", 3.543e11}, {"1亿2千万元", 1.2e8}, {"1，234.5亿元", 1.2345e11},
			{"88个", 88}, {"1.5万人", 15000}, {"三分之一", 33.3333333333}},
		"za_headings.txt":   {{"100亿元", 1e10}},
		"zb_lines.txt":      {{"7亿元", 7e8}},
		"zd_gbk.zip#报告.txt": {{"5亿元", 5e8}},
	}
	for id, figs := range wantFigures {
		js, ok := mixed.json[id]
		if !ok {
			t.Errorf("%s: no result (error %v)", id, mixed.errs[id])
			continue
		}
		var res struct {
			Quantities []struct {
				Text  string  `json:"text"`
				Value float64 `json:"value"`
			} `json:"quantities"`
		}
		if err := json.Unmarshal([]byte(js), &res); err != nil {
			t.Fatal(err)
		}
		for _, f := range figs {
			found := false
			for _, q := range res.Quantities {
				found = found || q.Text == f.text && q.Value == f.value
			}
			if !found {
				t.Errorf("%s: no figure %s = %g among %+v", id, f.text, f.value, res.Quantities)
			}
		}
		for _, q := range res.Quantities {
			if q.Value > 1e13 {
				t.Errorf("%s: invented figure %s = %g", id, q.Text, q.Value)
			}
		}
	}
	// z_values.txt: no bound read into 签约; the decrease is a fall
	var vals struct {
		Quantities []struct {
			Text  string `json:"text"`
			Bound string `json:"bound"`
		} `json:"quantities"`
		Facts []struct {
			Text  string  `json:"text"`
			Value float64 `json:"value"`
		} `json:"facts"`
	}
	if err := json.Unmarshal([]byte(mixed.json["z_values.txt"]), &vals); err != nil {
		t.Fatal(err)
	}
	for _, q := range vals.Quantities {
		if q.Bound != "eq" {
			t.Errorf("z_values.txt: %s has bound %s, want eq", q.Text, q.Bound)
		}
	}
	for _, f := range vals.Facts {
		if f.Text == "1.5万人" && f.Value != -15000 {
			t.Errorf("z_values.txt: 减少1.5万人 is a change of %g, want -15000", f.Value)
		}
	}
	// every document of the batch has an id of its own: the two
	// report.txt, the two a.txt of one zip
	var dups []string
	for _, id := range mixed.ids {
		if strings.HasPrefix(id, "zc_dup.zip") {
			dups = append(dups, id)
		}
	}
	if len(dups) != 2 || dups[0] == dups[1] {
		t.Errorf("zc_dup.zip: ids %q, want two distinct", dups)
	}
	if _, ok := mixed.json["report.txt"]; !ok {
		t.Errorf("the first report.txt is not under its name: ids %q", mixed.ids)
	}
	if _, ok := mixed.json["site2/report.txt"]; !ok {
		t.Errorf("the second report.txt is not under its path: ids %q", mixed.ids)
	}
	seen := map[string]bool{}
	for _, id := range mixed.ids {
		if seen[id] {
			t.Errorf("id %q given twice", id)
		}
		seen[id] = true
	}
	rows := 0
	for id := range mixed.json {
		if strings.HasPrefix(id, "q_stray_quote.csv#") {
			rows++
		}
	}
	if rows != 1000 {
		t.Errorf("q_stray_quote.csv: %d rows read, want 1000", rows)
	}
	wantErrs := map[string]string{ // id: a part of the message
		"q_stray_quote.csv":      "q_stray_quote.csv: line 12: corpus: a quote opens a field that is never closed",
		"t_long_line.jsonl#2":    "t_long_line.jsonl#2: line 2: corpus: record too large",
		"u_big_cell.csv#2":       "u_big_cell.csv#2: line 3: corpus: record too large",
		"w_nested.zip#inner.zip": "w_nested.zip#inner.zip: corpus: a zip archive inside a zip archive",
		"x_damaged.txt":          "x_damaged.txt: corpus: damaged utf-8 text: 50 of",
		"zd_gbk.zip#locked.txt":  "zd_gbk.zip#locked.txt: corpus: encrypted",
	}
	if fifo {
		wantErrs["y_fifo.txt"] = "y_fifo.txt: corpus: not a regular file"
	}
	for id, part := range wantErrs {
		if err := mixed.errs[id]; err == nil || !strings.Contains(err.Error(), part) {
			t.Errorf("%s: error %v, want one holding %q", id, err, part)
		}
	}
	if len(mixed.errs) != len(wantErrs) {
		t.Errorf("errors %v, want only %d", mixed.errs, len(wantErrs))
	}
}

// TestBatchCancelBlocked cancels a batch whose source blocks (as opening
// a FIFO does): the channel closes all the same.
func TestBatchCancelBlocked(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	src := func(yield func(corpus.Source, error) bool) {
		if !yield(corpus.SourceOf(Sample()), nil) {
			return
		}
		<-release // a file that never delivers its bytes
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := Batch(ctx, src, BatchOptions{Workers: 2})
	if it := <-out; it.Err != nil {
		t.Fatal(it.Err)
	}
	cancel()
	select {
	case _, ok := <-out:
		if ok {
			t.Error("an item after the blocked source")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Batch does not end when cancelled while its source blocks")
	}
}

// TestFiftyMBLine extracts a file of 50 MB without a line break, a figure
// every kilobyte or so: it must take time in proportion to its size (no
// step quadratic in a line's length) and find every figure. It is skipped
// with -short and under the race detector.
func TestFiftyMBLine(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a 50 MB document: skipped with -short and under -race")
	}
	unit := strings.Repeat("各级各部门要认真贯彻落实党中央决策部署，切实加强组织领导，", 10) + "协议引资204亿元，"
	n := (50 << 20) / len(unit)
	path := filepath.Join(t.TempDir(), "one_line.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat(unit, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var docs, figures int
	for it := range Batch(context.Background(), corpus.Sources([]string{path}, corpus.Options{}), BatchOptions{}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		docs++
		figures += len(it.Result.Quantities)
	}
	if docs != 1 || figures != n {
		t.Errorf("%d documents, %d figures; want 1, %d", docs, figures, n)
	}
	if d := time.Since(start); d > 2*time.Minute {
		t.Errorf("50 MB took %s", d)
	}
	t.Logf("50 MB on one line: %d figures in %s", figures, time.Since(start).Round(time.Millisecond))
}

// FuzzPipeline runs the whole pipeline, bytes to a JSON line, on any
// input: it must give an error or a result whose JSON is valid UTF-8 and
// valid JSON, with every offset inside the raw text, at a character's
// start.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte("县长在全县招商引资大会上的讲话\n去年全县协议引资86亿元，同比增长12.5%。"), uint8(corpus.KindText))
	f.Add([]byte("<table><tr><td>2019</td><td>204亿元</td></tr><tr><td>88</td><td>10%</td></tr></table>"), uint8(corpus.KindHTML))
	f.Add([]byte("<form><button>搜索<p>全市协议引资204亿元，增长8%。</p></form>"), uint8(corpus.KindHTML))
	f.Add([]byte("全市上半年到位资金204亿元。\n在全市招商引资工作会议上的讲话\n协议引资\xFF12亿元"), uint8(corpus.KindUnknown))
	f.Add([]byte(`<meta charset="gb2312"><p>新签约项目89个，１，２３４．５亿元</p>`), uint8(corpus.KindHTML))
	ex := New()
	f.Fuzz(func(t *testing.T, b []byte, kind uint8) {
		k := corpus.Kind(kind % uint8(corpus.KindUnknown+1))
		if k == corpus.KindCSV || k == corpus.KindJSONL || k == corpus.KindZip {
			k = corpus.KindText // archives are read by Sources, not Load
		}
		doc, err := corpus.Load("f.txt", b, k, corpus.Options{})
		if err != nil {
			return
		}
		res, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		line, err := res.AppendJSON(nil)
		if err != nil {
			t.Fatalf("AppendJSON: %v", err)
		}
		if !utf8.Valid(line) || !json.Valid(line) {
			t.Fatalf("not valid UTF-8 JSON: %q", line)
		}
		at := func(what string, p int) {
			if p < 0 || p > len(doc.Raw) || p < len(doc.Raw) && !utf8.RuneStart(doc.Raw[p]) {
				t.Fatalf("%s offset %d outside the raw text (%d bytes) or inside a character", what, p, len(doc.Raw))
			}
		}
		for _, q := range res.Quantities {
			at("quantity "+q.Text, q.Start)
			at("quantity "+q.Text, q.End)
			if q.Start > q.End {
				t.Fatalf("quantity %q: start %d after end %d", q.Text, q.Start, q.End)
			}
		}
		for _, fc := range res.Facts {
			at("fact", fc.Quantity.Start)
			at("fact", fc.Quantity.End)
		}
		for _, s := range res.Sectors {
			for _, p := range s.Positions {
				at("sector "+s.Name, p)
			}
		}
		for _, s := range res.Slogans {
			for _, p := range s.Positions {
				at("slogan", p)
			}
		}
	})
}

// TestBatchDamaged reads a document damaged past corpus.MaxInvalid: the
// batch reports it and still gives the figures of what could be read.
func TestBatchDamaged(t *testing.T) {
	damaged := []byte(strings.Repeat("协议引资204亿元，\xFF", 50)) // one character in eleven bad
	src := func(yield func(corpus.Source, error) bool) {
		yield(corpus.NewSource("damaged.txt", damaged, corpus.KindText, corpus.Options{}), nil)
	}
	n := 0
	for it := range Batch(context.Background(), src, BatchOptions{Workers: 1}) {
		n++
		if !errors.Is(it.Err, corpus.ErrDamaged) {
			t.Errorf("err = %v, want ErrDamaged", it.Err)
		}
		if len(it.Result.Quantities) != 50 {
			t.Errorf("%d quantities, want 50", len(it.Result.Quantities))
		}
	}
	if n != 1 {
		t.Errorf("%d items, want 1", n)
	}
}

// heapPeak samples the live heap every few milliseconds until the function
// it returns is called, which returns the peak over the heap at the start.
func heapPeak() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		if p := peak.Load(); p > base {
			return p - base
		}
		return 0
	}
}
