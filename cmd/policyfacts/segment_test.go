package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSegmentCommand(t *testing.T) {
	code, out, errOut := runCLI("segment", "--sample")
	if code != 0 {
		t.Fatalf("segment --sample: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"协议引资 1240 亿元", "实际到位市外资金 612.4 亿元", "规模以上工业增加值 增长 7.1 %"} {
		if !strings.Contains(out, want) {
			t.Errorf("segment --sample lacks %q", want)
		}
	}
	if strings.Contains(out, "  ") {
		t.Error("segment output has double spaces")
	}
	code, out, _ = runCLI("segment", "--pos", "--sample")
	if code != 0 || !strings.Contains(out, "协议引资/n 1240/m 亿元/m") {
		t.Errorf("segment --pos: exit %d, output lacks 协议引资/n 1240/m 亿元/m", code)
	}
}

func TestSegmentDictAndFiles(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	dict := filepath.Join(dir, "user.dict")
	os.WriteFile(doc, []byte("同志们：\n我们要打造合汽生材产业集群，全面推行一窗受理。\n"), 0o644)
	os.WriteFile(dict, []byte("合汽生材 10 nz\n"), 0o644)
	code, out, errOut := runCLI("segment", "--no-hmm", "--dict", dict, doc, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("segment with a missing file: exit %d, want 1 (stderr %s)", code, errOut)
	}
	if !strings.Contains(out, "打造 合汽生材 产业集群 ， 全面 推行 一 窗 受理 。\n") {
		t.Errorf("segment --dict output = %q", out)
	}
	if !strings.Contains(errOut, "missing.txt") {
		t.Errorf("stderr does not name the missing file: %s", errOut)
	}
}

func TestSegmentUsage(t *testing.T) {
	for _, args := range [][]string{{"segment"}, {"segment", "--backend", "ltp", "--sample"}, {"keywords"}} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestKeywordsCommand(t *testing.T) {
	code, out, errOut := runCLI("keywords", "-n", "5", "--sample")
	if code != 0 {
		t.Fatalf("keywords: exit %d, stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || lines[0] != "doc\trank\tterm\tweight\tcount" {
		t.Fatalf("keywords -n 5 = %q, want a header and 5 rows", out)
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 5 || f[0] != "sample.txt" || f[1] != string(rune('1'+i)) {
			t.Errorf("keywords row %q", l)
		}
	}
}
