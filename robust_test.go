package policyfacts

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

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
	if got := strings.Join(failed, " "); got != "b_image.txt g_archive.zip#../../etc/evil.txt" {
		t.Errorf("failed = %q, want the image and the path-traversal entry", got)
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
	if _, ok := quantities["e_broken.csv#1"]; !ok {
		t.Errorf("broken CSV gave no document: ids %v", ids)
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
