package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
	"github.com/policyfacts/policyfacts/tables/sqlitedb"
)

// tableInputs writes the sample and small documents into a directory and
// returns it, with the shared folder's seeds and (but under the race
// detector) 2025 provincial reports when it is there.
func tableInputs(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	docs := map[string]string{
		"sample.txt": policyfacts.Sample().Raw,
		"a.txt": "2024年青禾市政府工作报告\n\n过去一年，全市地区生产总值达到2156.3亿元，同比增长5.6%。昭阳区完成投资120亿元。" +
			"新一代信息技术产业、现代物流加快发展。\n\n今年的主要预期目标是：地区生产总值增长5%—5.5%，力争增长6%。深化“一企一策”服务。",
		"b.txt": "会议纪要\n\n与会人员就<项目>&规划进行了讨论。",
		"c.txt": "××年政府工作报告\n\n协议引资亿元。新签约项目89个，协议引资204亿元。",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{dir}
	shared := filepath.Join("..", "..", "..", "shared")
	dirs := []string{"seeds", filepath.Join("dev", "provinces-2025", "texts")}
	if raceEnabled {
		dirs = dirs[:1] // the race detector slows SQLite tenfold
	}
	for _, d := range dirs {
		if st, err := os.Stat(filepath.Join(shared, d)); err == nil && st.IsDir() {
			paths = append(paths, filepath.Join(shared, d))
		}
	}
	if len(paths) == 1 {
		t.Log("no shared folder: the sample and the small documents only")
	}
	return paths
}

// mustRun runs the command and fails the test unless it exits with 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// jsonLines returns each result's JSON line.
func jsonLines(t *testing.T, results []policyfacts.Result) string {
	t.Helper()
	var b strings.Builder
	for i := range results {
		line, err := results[i].AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %.600s\nwant %.600s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestExtractParquetRoundTrip runs extract with --format parquet and
// checks that the tables, read back with parquet-go, give the JSON lines
// of the same run with --format jsonl.
func TestExtractParquetRoundTrip(t *testing.T) {
	paths := tableInputs(t)
	want := mustRun(t, append([]string{"extract", "-q"}, paths...)...)
	dir := filepath.Join(t.TempDir(), "tables")
	if out := mustRun(t, append([]string{"extract", "-q", "--format", "parquet", "-o", dir}, paths...)...); out != "" {
		t.Errorf("stdout %q", out)
	}
	results, err := parquetfile.ReadResults(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonLines(t, results); got != want {
		t.Errorf("parquet read back differs from the JSON lines: %s", diffLines(got, want))
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// TestRecordsParquetRoundTrip runs records with --format parquet, long and
// wide, and checks them against the JSON lines and the wide CSV of the
// same run.
func TestRecordsParquetRoundTrip(t *testing.T) {
	paths := tableInputs(t)
	dir := t.TempDir()
	want := mustRun(t, append([]string{"records", "--format", "jsonl"}, paths...)...)
	long := filepath.Join(dir, "records.parquet")
	mustRun(t, append([]string{"records", "--format", "parquet", "-o", long}, paths...)...)
	recs, err := parquetfile.ReadRecords(long)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := metrics.WriteJSONL(&got, recs); err != nil {
		t.Fatal(err)
	}
	if got.String() != want || len(recs) == 0 {
		t.Errorf("records parquet read back (%d records) differs from the JSON lines: %s", len(recs), diffLines(got.String(), want))
	}

	wantCSV := mustRun(t, append([]string{"records", "--wide"}, paths...)...)
	wide := filepath.Join(dir, "wide.parquet")
	mustRun(t, append([]string{"records", "--wide", "--format", "parquet", "-o", wide}, paths...)...)
	names, rows, err := parquetfile.ReadWide(wide)
	if err != nil {
		t.Fatal(err)
	}
	// the wide CSV the rows read back make
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(append(append([]string{}, metrics.WideIDColumns...), names...))
	for _, r := range rows {
		cells := []string{r.Region, r.RegionName, deref(r.RegionCode), deref(r.RegionLevel), strconv.Itoa(r.Year), strings.Join(r.DocIDs, ";")}
		for _, v := range r.Values {
			if v == nil {
				cells = append(cells, "")
			} else {
				cells = append(cells, strconv.FormatFloat(*v, 'f', -1, 64))
			}
		}
		cw.Write(cells)
	}
	cw.Flush()
	if b.String() != wantCSV {
		t.Errorf("wide parquet read back differs from the wide CSV: %s", diffLines(b.String(), wantCSV))
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// readDB returns the results, the records (as JSON lines) and the dump of
// the database at path.
func readDB(t *testing.T, path string) (results []policyfacts.Result, records, dump string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlitedb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if results, err = db.Results(ctx); err != nil {
		t.Fatal(err)
	}
	recs, err := db.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b, d bytes.Buffer
	if err := metrics.WriteJSONL(&b, recs); err != nil {
		t.Fatal(err)
	}
	if err := db.Dump(ctx, &d); err != nil {
		t.Fatal(err)
	}
	return results, b.String(), d.String()
}

// TestExtractSQLiteRoundTrip runs extract and records with --sqlite and
// checks that the database, read back, gives the JSON lines of extract
// and of records over the same inputs; a rerun with --resume reads
// nothing and changes nothing, and one without it replaces every document
// and duplicates none.
func TestExtractSQLiteRoundTrip(t *testing.T) {
	paths := tableInputs(t)
	want := mustRun(t, append([]string{"extract", "-q"}, paths...)...)
	wantRecs := mustRun(t, append([]string{"records", "--format", "jsonl"}, paths...)...)
	db := filepath.Join(t.TempDir(), "pf.db")
	if out := mustRun(t, append([]string{"extract", "-q", "--sqlite", db}, paths...)...); out != "" {
		t.Errorf("stdout %q", out)
	}
	results, recs, dump := readDB(t, db)
	if got := jsonLines(t, results); got != want {
		t.Errorf("database read back differs from the JSON lines: %s", diffLines(got, want))
	}
	if recs != wantRecs {
		t.Errorf("records of the database differ from those of records: %s", diffLines(recs, wantRecs))
	}

	code, _, errOut := runCLI(append([]string{"extract", "--sqlite", db, "--resume"}, paths...)...)
	if n := len(results); code != 0 || !strings.Contains(errOut, fmt.Sprintf("0 documents stored, %d already there passed over", n)) {
		t.Errorf("rerun with --resume: exit %d, stderr %q, want %d documents passed over", code, errOut, n)
	}
	if _, _, d := readDB(t, db); d != dump {
		t.Errorf("a rerun with --resume changed the database: %s", diffLines(d, dump))
	}
	mustRun(t, append([]string{"records", "--sqlite", db}, paths...)...)
	if _, _, d := readDB(t, db); d != dump {
		t.Errorf("records --sqlite over the same inputs changed the database: %s", diffLines(d, dump))
	}
}

// resumeDocs are JSON lines of documents for TestSQLiteResumeAfterKill:
// reports of one city over years, so that records gather figures from
// many documents. Each is about 9 KB, so that a few fill the 64 KB that
// standard input is sniffed from before its first row is read.
func resumeDocs(n int) []string {
	var lines []string
	filler := strings.Repeat("各位代表：现在，我代表市人民政府向大会报告工作，请予审议。", 100)
	for i := range n {
		year := 2000 + i
		text := fmt.Sprintf("%d年青禾市政府工作报告\n\n"+filler+"\n\n过去一年，全市地区生产总值达到%d亿元，同比增长%.1f%%。新签约项目%d个，协议引资%d亿元。"+
			"\n\n今年的主要预期目标是：地区生产总值增长%.1f%%左右；城镇新增就业%d万人以上。", year, 1000+37*i, 4+float64(i%7)/2, 80+i, 200+11*i, 5+float64(i%3)/2, 3+i%4)
		b, _ := json.Marshal(map[string]string{"text": text})
		lines = append(lines, string(b))
	}
	return lines
}

// TestSQLiteResumeAfterKill kills (SIGKILL) a batch writing to a database
// after some documents, reruns it with --resume over the same input, and
// checks that the database ends with the same content as after one
// uninterrupted run.
func TestSQLiteResumeAfterKill(t *testing.T) {
	const total, first = 24, 9
	lines := resumeDocs(total)
	all := strings.Join(lines, "\n") + "\n"
	dir := t.TempDir()
	whole, killed := filepath.Join(dir, "whole.db"), filepath.Join(dir, "killed.db")
	if code, _, errOut := runStdin(all, "extract", "-q", "--sqlite", whole, "-"); code != 0 {
		t.Fatalf("uninterrupted run: exit %d: %s", code, errOut)
	}

	h := startHelper(t, "extract", "-q", "--workers", "2", "--sqlite", killed, "-")
	cmd := h.cmd
	h.in.Write([]byte(strings.Join(lines[:first], "\n") + "\n")) // the pipe stays open: the batch waits for more
	h.waitUntil(t, 30*time.Second, fmt.Sprintf("fewer than %d documents stored", first), func() bool { return stored(killed) >= first })
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	var ee *exec.ExitError
	if err := cmd.Wait(); !errors.As(err, &ee) {
		t.Fatalf("killed run: %v", err)
	}
	if n := stored(killed); n != first {
		t.Fatalf("killed run stored %d documents, want %d", n, first)
	}

	code, _, errOut := runStdin(all, "extract", "--sqlite", killed, "--resume", "-")
	if code != 0 || !strings.Contains(errOut, fmt.Sprintf("%d documents stored, %d already there passed over", total-first, first)) {
		t.Fatalf("rerun with --resume: exit %d: %s", code, errOut)
	}
	_, wantRecs, want := readDB(t, whole)
	_, _, got := readDB(t, killed)
	if got != want {
		t.Errorf("killed and resumed database differs from the uninterrupted one: %s", diffLines(got, want))
	}
	if n := strings.Count(want, "\ndocuments "); n != total || strings.Count(wantRecs, "\n") == 0 {
		t.Errorf("the uninterrupted database holds %d documents and %d records, want %d documents and some records",
			n, strings.Count(wantRecs, "\n"), total)
	}
}

// stored counts the documents in the database at path, 0 while it cannot
// be read.
func stored(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0
	}
	return n
}

// TestTableFlagErrors checks the usage errors of the table outputs.
func TestTableFlagErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("not a database: a line of text\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"extract", "--sample", "--resume"}, 2, "--resume needs --sqlite"},
		{[]string{"extract", "--sample", "--sqlite", filepath.Join(dir, "a.db"), "-o", "x"}, 2, "--sqlite writes the database alone"},
		{[]string{"records", "--sample", "--sqlite", filepath.Join(dir, "a.db"), "--wide"}, 2, "--sqlite writes the database alone"},
		{[]string{"extract", "--sample", "--format", "parquet"}, 2, "--format parquet needs -o"},
		{[]string{"records", "--sample", "--format", "parquet", "--bom", "-o", "x"}, 2, "--bom is for CSV"},
		{[]string{"extract", "--sample", "--format", "parquet", "-o", file}, 1, "not a directory"},
		{[]string{"extract", "--sample", "--sqlite", file}, 1, "sqlitedb"},
	} {
		code, _, errOut := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}

// TestSQLiteDuplicateIDs stores two documents of one base name (a.txt in
// two folders) under two ids, the second under its path, and a rerun with
// --resume finds both stored.
func TestSQLiteDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	for i, sub := range []string{"one", "two"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
		text := fmt.Sprintf("2024年青禾市政府工作报告\n\n过去一年，全市地区生产总值达到%d亿元。", 100*(i+1))
		if err := os.WriteFile(filepath.Join(dir, sub, "a.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "pf.db")
	args := []string{"extract", "--sqlite", db, filepath.Join(dir, "one"), filepath.Join(dir, "two")}
	if code, _, errOut := runCLI(args...); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	results, _, _ := readDB(t, db)
	if len(results) != 2 || results[0].Doc.ID != "a.txt" || !strings.HasSuffix(results[1].Doc.ID, "two/a.txt") ||
		results[1].Quantities[0].Value != 200e8 {
		t.Errorf("stored %s, want a.txt and two/a.txt", jsonLines(t, results))
	}
	if code, _, errOut := runCLI(append(args, "--resume")...); code != 0 || !strings.Contains(errOut, "2 already there passed over") {
		t.Errorf("--resume: exit %d, stderr %q", code, errOut)
	}
}

// TestSQLiteSignal stops a batch writing to a database with SIGTERM: the
// exit status is 143, stderr says what the database keeps, and a rerun
// with --resume finishes it.
func TestSQLiteSignal(t *testing.T) {
	const total, first = 12, 9
	lines := resumeDocs(total)
	db := filepath.Join(t.TempDir(), "pf.db")
	h := startHelper(t, "extract", "-q", "--sqlite", db, "-")
	h.in.Write([]byte(strings.Join(lines[:first], "\n") + "\n"))
	h.waitUntil(t, 30*time.Second, fmt.Sprintf("fewer than %d documents stored", first), func() bool { return stored(db) >= first })
	err := h.signal(t, syscall.SIGTERM)
	stderr := &h.stderr
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 143 {
		t.Errorf("after SIGTERM: %v, want exit status 143; stderr %q", err, stderr.String())
	}
	if want := fmt.Sprintf("%s keeps the %d documents stored; run again with --resume", db, first); !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	all := strings.Join(lines, "\n") + "\n"
	if code, _, errOut := runStdin(all, "extract", "-q", "--sqlite", db, "--resume", "-"); code != 0 || stored(db) != total {
		t.Errorf("rerun with --resume: exit %d, %d documents stored, want %d: %s", code, stored(db), total, errOut)
	}
}

// TestParquetSignal stops a batch writing Parquet with SIGINT: exit
// status 130, no table file written and no temporary file left.
func TestParquetSignal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tables")
	h := startHelper(t, "extract", "-q", "--format", "parquet", "-o", dir, "-")
	h.in.Write([]byte(strings.Join(resumeDocs(9), "\n") + "\n"))
	h.waitUntil(t, 30*time.Second, "no temporary table files", func() bool {
		tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*"))
		return len(tmp) == 6 // the six tables are open: the signals are caught
	})
	err := h.signal(t, os.Interrupt)
	stderr := &h.stderr
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "the files of "+dir+" not written") {
		t.Errorf("after SIGINT: %v, want exit status 130; stderr %q", err, stderr.String())
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("files left in %s: %v", dir, left)
	}
}
