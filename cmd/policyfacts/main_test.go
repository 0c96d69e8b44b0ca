package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestExtractSampleGolden(t *testing.T) {
	code, out, errOut := runCLI("extract", "--sample")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join("testdata", "sample.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("extract --sample differs from %s (run go test ./cmd/policyfacts -update after checking the change)\ngot:\n%s", golden, out)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"doc", "quantities", "facts", "sectors", "slogans"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("output lacks %q", k)
		}
	}
}

// TestExtractKeywords checks that keywords are listed only when asked
// for, and that asking for them changes nothing else.
func TestExtractKeywords(t *testing.T) {
	parse := func(args ...string) map[string]json.RawMessage {
		t.Helper()
		code, out, errOut := runCLI(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	plain := parse("extract", "-q", "--sample")
	with := parse("extract", "-q", "--sample", "--keywords", "5")
	if string(plain["keywords"]) != "[]" {
		t.Errorf("keywords without --keywords = %s, want []", plain["keywords"])
	}
	var kws []struct {
		Text  string  `json:"text"`
		Count int     `json:"count"`
		W     float64 `json:"weight"`
	}
	if err := json.Unmarshal(with["keywords"], &kws); err != nil {
		t.Fatal(err)
	}
	if len(kws) != 5 || kws[0].Text == "" || kws[0].Count == 0 || kws[0].W < kws[4].W {
		t.Errorf("--keywords 5 gives %s", with["keywords"])
	}
	for k, v := range plain {
		if k != "keywords" && string(with[k]) != string(v) {
			t.Errorf("--keywords changes %q", k)
		}
	}
}

func TestExtractBatchWithBadFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("协议引资204亿元"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("到位资金165.02亿元"), 0o644)
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte("\xFF\xD8\xFF\xE0"), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	code, _, errOut := runCLI("extract", dir, "-o", out, "--workers", "2")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "b.txt") || !strings.Contains(errOut, "binary") {
		t.Errorf("stderr does not name the bad file and why: %q", errOut)
	}
	if !strings.Contains(errOut, "3 documents: 2 succeeded, 1 failed, 1 skipped") {
		t.Errorf("stderr lacks the batch totals: %q", errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"id":"a.txt"`) || !strings.Contains(lines[1], `"id":"c.txt"`) {
		t.Errorf("output = %q", b)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("output mode %v, want -rw-r--r-- (%v)", st.Mode(), err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.tmp*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nosuch"}, {"extract"}, {"extract", "--format", "xml", "a.txt"}, {"extract", "--nosuchflag"}} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("policyfacts %v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := runCLI("--help"); code != 0 || !strings.Contains(out, "extract") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	if code, out, _ := runCLI("help", "extract"); code != 0 || !strings.Contains(out, "-text-column") {
		t.Errorf("help extract: exit %d, %q", code, out)
	}
}

func TestExtractCSVFormat(t *testing.T) {
	code, out, _ := runCLI("extract", "--sample", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "doc_id,title,date,text,value,unit,bound") || !strings.Contains(out, "sample.txt,2025年青禾市人民政府工作报告,2025-01-16,2156.3亿元,215630000000,CNY,eq") {
		t.Errorf("csv output: %q", out[:min(len(out), 300)])
	}
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("当前位置：首页 > 讲话\n协议引资２０４亿元\n关于我们 | 网站地图\n"), 0o644)
	code, out, _ := runCLI("clean", p)
	if code != 0 || out != "协议引资204亿元\n" {
		t.Errorf("clean: exit %d, %q", code, out)
	}
}

// TestSeedsScore runs the extractor on the seed documents and checks the
// quantity scores with the shared scorer, when ../shared and python3 exist.
func TestSeedsScore(t *testing.T) {
	seeds := testutil.Seeds(t)
	dir := testutil.SharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	code, out, errOut := runCLI(append([]string{"extract"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pred := filepath.Join(t.TempDir(), "out.jsonl")
	os.WriteFile(pred, []byte(out), 0o644)
	res, err := exec.Command(py, filepath.Join(dir, "tools", "score.py"), "--gold", filepath.Join(dir, "gold"), "--pred", pred, "--json").Output()
	if err != nil {
		t.Skipf("score.py: %v", err)
	}
	var scores map[string]map[string]any
	if err := json.Unmarshal(res, &scores); err != nil {
		t.Skipf("score.py output not JSON: %v", err)
	}
	q := scores["q"]
	for _, k := range []string{"p", "r"} {
		if v, ok := q[k].(float64); !ok || v < 0.97 {
			t.Errorf("quantity %s = %v, want ≥ 0.97", k, q[k])
		}
	}
	for _, k := range []string{"meta_date"} {
		if v, ok := scores[k]["acc"].(float64); !ok || v < 1 {
			t.Errorf("%s = %v, want 1", k, scores[k])
		}
	}
}

func TestRecordsCommand(t *testing.T) {
	code, out, errOut := runCLI("records", "--sample")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// the columns of earlier versions first, in their order; the new ones after
	if !strings.HasPrefix(out, "region,year,indicator,kind,measure,value,unit,bound,qualifier,attainment,conflict,n_sources,doc_ids,text,evidence,"+
		"region_name,region_code,region_level,low,high,stretch,stretch_qualifier,alternatives,since,revised_from\n") {
		t.Errorf("header: %q", out[:min(len(out), 200)])
	}
	// the sample's 2024 review and 2025 targets
	for _, want := range []string{",2024,gdp,actual,level,215630000000,CNY,eq,", ",2025,gdp,target,yoy,5.5,%,approx,", ",2025,invest.signed_amount,target,level,130000000000,CNY,eq,确保,"} {
		if !strings.Contains(out, want) {
			t.Errorf("records output lacks %q:\n%s", want, out)
		}
	}
	book := filepath.Join(t.TempDir(), "codebook.csv")
	code, out, _ = runCLI("records", "--sample", "--wide", "--bom", "--codebook", book)
	if code != 0 || !strings.HasPrefix(out, "\uFEFFregion,region_name,region_code,region_level,year,doc_ids,") || !strings.Contains(out, ",gdp_yoy_target,") {
		t.Errorf("wide: exit %d, %q", code, out[:min(len(out), 300)])
	}
	if b, err := os.ReadFile(book); err != nil || !strings.Contains(string(b), "\ngdp_yoy_target,gdp,") {
		t.Errorf("codebook: %v\n%s", err, b)
	}
	code, out, _ = runCLI("records", "--sample", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"indicator":"gdp"`) {
		t.Errorf("jsonl: exit %d", code)
	}
}

// TestTuneGC checks that the command raises the collector's target only
// when GOGC is not set.
func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	tuneGC("50")
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=50 the target was changed to %d", got)
	}
	tuneGC("")
	if got := debug.SetGCPercent(100); got != cliGCPercent {
		t.Errorf("without GOGC the target is %d, want %d", got, cliGCPercent)
	}
}
