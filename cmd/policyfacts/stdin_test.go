package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts/internal/testutil"
)

// runStdin runs the command with in as standard input.
func runStdin(in string, args ...string) (code int, stdout, stderr string) {
	old := stdin
	defer func() { stdin = old }()
	stdin = strings.NewReader(in)
	return runCLI(args...)
}

// ids returns the document ids of extract's JSON lines.
func ids(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var r struct {
			Doc        struct{ ID string }
			Quantities []struct{ Text string }
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, r.Doc.ID+":"+strings.Join(func() []string {
			var q []string
			for _, x := range r.Quantities {
				q = append(q, x.Text)
			}
			return q
		}(), ","))
	}
	return got
}

// docx is a minimal Word document of the given paragraphs.
func docx(t *testing.T, paras ...string) string {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		body.WriteString("<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>")
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestExtractStdin(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		code     int
		want     string // ids and quantities, | between documents
		stderr   string
	}{
		{"text", "2025年青禾市政府工作报告\n全年协议引资204亿元，增长8%。\n", nil, 0, "stdin:204亿元,8%", ""},
		{"jsonl with a bad line", `{"id":"a","text":"协议引资204亿元"}` + "\n{bad json\n" + `{"id":"c","text":"到位资金165.02亿元"}` + "\n",
			[]string{"--id-column", "id"}, 1, "stdin#a:204亿元|stdin#c:165.02亿元", "-#2"},
		{"csv", "title,content\n讲话一,协议引资204亿元\n讲话二,\"增长8%，\n新签约项目50个\"\n", nil, 0, "stdin#1:204亿元|stdin#2:8%,50个", ""},
		{"docx", docx(t, "2025年政府工作报告", "地区生产总值增长5.5%左右。"), nil, 0, "stdin:5.5%左右", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runStdin(tc.in, append([]string{"extract", "-q", "-"}, tc.args...)...)
			if code != tc.code || strings.Join(ids(t, out), "|") != tc.want || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("extract -: exit %d, %q, stderr %q\nwant exit %d, %q, stderr naming %q", code, ids(t, out), errOut, tc.code, tc.want, tc.stderr)
			}
		})
	}
	// records and clean read "-" too
	code, out, errOut := runStdin(`{"text":"2025年青禾市人民政府工作报告\n2024年，全市地区生产总值达到2156.3亿元，增长5.6%。"}`+"\n", "records", "-")
	if code != 0 || !strings.Contains(out, ",stdin#1,") {
		t.Errorf("records -: exit %d, %q, %s", code, out, errOut)
	}
	code, out, _ = runStdin(docx(t, "协议引资２０４亿元"), "clean", "-")
	if code != 0 || out != "协议引资204亿元\n" {
		t.Errorf("clean - of a .docx: exit %d, %q", code, out)
	}
}

// TestExtractRefusals checks that .doc and PDF files are named with the
// conversion to make, and that a .docx in a folder is read.
func TestExtractRefusals(t *testing.T) {
	dir := t.TempDir()
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	ole = append(ole, "W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"...)
	os.WriteFile(filepath.Join(dir, "a.doc"), ole, 0o644)
	os.WriteFile(filepath.Join(dir, "b.docx"), []byte(docx(t, "协议引资204亿元")), 0o644)
	os.WriteFile(filepath.Join(dir, "c.pdf"), []byte("%PDF-1.7\n"), 0o644)
	code, out, errOut := runCLI("extract", "-q", dir)
	if code != 1 || strings.Join(ids(t, out), "|") != "b.docx:204亿元" {
		t.Errorf("exit %d, %q", code, ids(t, out))
	}
	for _, want := range []string{"a.doc: corpus: a legacy Word or WPS document", "libreoffice --headless --convert-to docx", "c.pdf: corpus: a PDF not read", "pdftotext", "3 documents: 1 succeeded, 2 failed, 0 skipped"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestExtractStdinStreams feeds JSON lines one at a time through a pipe,
// as a Hadoop-streaming mapper or Spark's pipe does, and wants each result
// before the next line is written: the command neither waits for the end
// of input nor for a buffer to fill.
func TestExtractStdinStreams(t *testing.T) {
	pr, pw := io.Pipe()
	old := stdin
	stdin = pr
	defer func() { stdin = old }()
	outR, outW := io.Pipe()
	var errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run([]string{"extract", "-q", "--workers", "2", "-"}, outW, &errOut)
		outW.Close()
		done <- code
	}()
	lines := bufio.NewReader(outR)
	for i, text := range []string{"协议引资204亿元", "{bad json", "到位资金165.02亿元", "新签约项目50个"} {
		var in string
		if strings.HasPrefix(text, "{") {
			in = text + "\n"
		} else {
			in = fmt.Sprintf(`{"id":"d%d","text":%q}`+"\n", i, text)
		}
		if _, err := pw.Write([]byte(in)); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(text, "{") {
			continue // a bad line gives no result, only a message
		}
		got := make(chan string, 1)
		go func() {
			l, _ := lines.ReadString('\n')
			got <- l
		}()
		select {
		case l := <-got:
			if !strings.Contains(l, text[len(text)-len("亿元"):]) && !strings.Contains(l, "50个") {
				t.Errorf("line %d: result %q", i, l)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("no result for line %d before the next was written", i)
		}
	}
	pw.Close()
	if rest, _ := io.ReadAll(lines); len(rest) != 0 {
		t.Errorf("more output after the last line: %q", rest)
	}
	if code := <-done; code != 1 || !strings.Contains(errOut.String(), "-#2") {
		t.Errorf("exit %d (want 1 for the bad line), stderr %q", code, errOut.String())
	}
}

// TestRecordsZipEqualsTexts runs records over the published zip of the 31
// provincial reports (.docx, GBK names) and over their texts: the records
// are the same but for the documents' ids.
func TestRecordsZipEqualsTexts(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "dev", "provinces-2025")
	zipPath := filepath.Join(dir, "31省区市政府工作报告.zip")
	texts, _ := filepath.Glob(filepath.Join(dir, "texts", "*.txt"))
	if _, err := os.Stat(zipPath); err != nil || len(texts) != 31 {
		t.Skip("no provincial reports beside the project")
	}
	// the ids differ (2025年上海市政府工作报告.docx, 上海市.txt); the rest must not
	idRe := regexp.MustCompile(`"(doc_id|doc_ids)":("[^"]*"|\[[^\]]*\])`)
	norm := func(out string) []string {
		lines := strings.Split(strings.TrimSpace(idRe.ReplaceAllString(out, `"$1":""`)), "\n")
		sort.Strings(lines)
		return lines
	}
	code, fromZip, errOut := runCLI("records", "--format", "jsonl", zipPath)
	if code != 0 {
		t.Fatalf("records on the zip: exit %d: %s", code, errOut)
	}
	code, fromTexts, errOut := runCLI(append([]string{"records", "--format", "jsonl"}, texts...)...)
	if code != 0 {
		t.Fatalf("records on the texts: exit %d: %s", code, errOut)
	}
	a, b := norm(fromZip), norm(fromTexts)
	if len(a) < 500 || strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("records differ: %d lines from the zip, %d from the texts", len(a), len(b))
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Errorf("first difference:\n%s\n%s", a[i], b[i])
				break
			}
		}
	}
}

// TestOutputIsDirectory refuses -o naming a directory before reading
// anything, and leaves no file behind.
func TestOutputIsDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"extract", "records"} {
		code, _, errOut := runCLI(cmd, "-o", dir, "--sample")
		if code == 0 || !strings.Contains(errOut, "a directory, not a file to write") {
			t.Errorf("%s -o DIR: exit %d, %q", cmd, code, errOut)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("files left in the directory: %v", es)
	}
}

// TestExtractFactsCSV writes the facts table of --format csv: one row per
// fact with its indicator, measure, kind and year.
func TestExtractFactsCSV(t *testing.T) {
	code, out, errOut := runCLI("extract", "--format", "csv", "--table", "facts", "--sample")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "doc_id,title,date,doc_region,doc_region_code,indicator,metric,measure,kind,year,") || len(lines) < 5 {
		t.Fatalf("facts table: %q", lines)
	}
	if !strings.Contains(out, ",gdp,") || !strings.Contains(out, ",target,") {
		t.Errorf("no gdp fact or no target in %s", out)
	}
	if code, _, errOut := runCLI("extract", "--table", "facts", "--sample"); code != 2 || !strings.Contains(errOut, "--table facts") {
		t.Errorf("--table without --format csv: exit %d, %q", code, errOut)
	}
}

// TestExtractSkipDone goes on from an output cut short: the documents of
// its complete lines are passed over unread, the one cut is done again.
func TestExtractSkipDone(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 4 {
		p := filepath.Join(dir, fmt.Sprintf("d%d.txt", i))
		if err := os.WriteFile(p, fmt.Appendf(nil, "2024年青禾市政府工作报告\n全年协议引资%d亿元。", 100+i), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	code, full, _ := runCLI(append([]string{"extract", "-q"}, paths...)...)
	if code != 0 {
		t.Fatal("first run failed")
	}
	lines := strings.SplitAfter(full, "\n")
	cut := lines[0] + lines[1] + lines[2][:len(lines[2])/2] // killed while writing the third
	done := filepath.Join(dir, "done.jsonl")
	os.WriteFile(done, []byte(cut), 0o644)
	code, rest, errOut := runCLI(append([]string{"extract", "--skip-done", done}, paths...)...)
	if code != 0 || lines[0]+lines[1]+rest != full || !strings.Contains(errOut, "2 skipped") {
		t.Errorf("exit %d, rest %q, stderr %q", code, rest, errOut)
	}
	// a CSV output names its documents in doc_id
	_, csvOut, _ := runCLI(append([]string{"extract", "-q", "--format", "csv"}, paths[:3]...)...)
	os.WriteFile(done, []byte(csvOut), 0o644)
	if _, rest, _ := runCLI(append([]string{"extract", "-q", "--skip-done", done}, paths...)...); rest != lines[3] {
		t.Errorf("after a CSV output: %q, want the fourth document alone", rest)
	}
}
