package parquetfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables"
	"github.com/policyfacts/policyfacts/tables/internal/tabletest"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
)

// writeResults writes results as the tables' files in dir.
func writeResults(t *testing.T, dir string, results []policyfacts.Result) {
	t.Helper()
	bufs := map[string]*bytes.Buffer{}
	for _, tb := range tables.ExtractTables {
		bufs[tb] = new(bytes.Buffer)
	}
	w, err := parquetfile.NewWriter(parquetfile.Files{Documents: bufs[tables.Documents], Quantities: bufs[tables.Quantities],
		Facts: bufs[tables.Facts], Sectors: bufs[tables.Sectors], Slogans: bufs[tables.Slogans], Keywords: bufs[tables.Keywords]})
	if err != nil {
		t.Fatal(err)
	}
	for i := range results {
		if err := w.Write(&results[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for tb, b := range bufs {
		if err := os.WriteFile(filepath.Join(dir, parquetfile.FileName(tb)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestResultsRoundTrip writes results as Parquet files, reads them back
// with the same library and checks that each result prints the JSON line
// it printed before.
func TestResultsRoundTrip(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, true))
	dir := t.TempDir()
	writeResults(t, dir, results)
	back, err := parquetfile.ReadResults(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(results) {
		t.Fatalf("read %d results, wrote %d", len(back), len(results))
	}
	for i := range results {
		want, _ := results[i].AppendJSON(nil)
		got, err := back[i].AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: round trip\n got %s\nwant %s", results[i].Doc.ID, got, want)
		}
	}
}

// TestEmptyResults checks that a run with no document writes files that
// read back as no result.
func TestEmptyResults(t *testing.T) {
	dir := t.TempDir()
	writeResults(t, dir, nil)
	back, err := parquetfile.ReadResults(dir)
	if err != nil || len(back) != 0 {
		t.Errorf("ReadResults of empty tables = %d results, %v", len(back), err)
	}
}

// TestOrphanRow checks that a fact whose document is not in the
// documents table is an error on reading.
func TestOrphanRow(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, false))
	dir := t.TempDir()
	writeResults(t, dir, results)
	// replace the documents file by one without the sample
	writeOnly := t.TempDir()
	writeResults(t, writeOnly, results[1:])
	b, err := os.ReadFile(filepath.Join(writeOnly, parquetfile.FileName(tables.Documents)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, parquetfile.FileName(tables.Documents)), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := parquetfile.ReadResults(dir); err == nil {
		t.Error("ReadResults with the sample's rows but not its document: no error")
	}
}

func records(results []policyfacts.Result) []metrics.Record {
	docs := make([]metrics.DocFacts, len(results))
	for i := range results {
		docs[i] = results[i].DocFacts()
	}
	return metrics.Records(docs)
}

// TestRecordsRoundTrip writes records long and wide, reads them back and
// compares them with the JSON lines and the wide CSV of the same records.
func TestRecordsRoundTrip(t *testing.T) {
	recs := records(tabletest.Results(t, tabletest.Docs(t, true)))
	if len(recs) == 0 {
		t.Fatal("no records")
	}
	dir := t.TempDir()
	long := filepath.Join(dir, "records.parquet")
	var b bytes.Buffer
	if err := parquetfile.WriteRecords(&b, recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(long, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := parquetfile.ReadRecords(long)
	if err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	metrics.WriteJSONL(&want, recs)
	metrics.WriteJSONL(&got, back)
	if got.String() != want.String() {
		t.Errorf("records round trip:\n got %.2000s\nwant %.2000s", got.String(), want.String())
	}

	wide := filepath.Join(dir, "wide.parquet")
	b.Reset()
	if err := parquetfile.WriteWide(&b, recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wide, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	names, rows, err := parquetfile.ReadWide(wide)
	if err != nil {
		t.Fatal(err)
	}
	cols, wantRows := metrics.WideTable(recs)
	var wantNames []string
	for _, c := range cols {
		wantNames = append(wantNames, c.Name)
	}
	if !slices.Equal(names, wantNames) {
		t.Errorf("wide columns %v, want %v", names, wantNames)
	}
	if len(rows) != len(wantRows) {
		t.Fatalf("wide: %d rows, want %d", len(rows), len(wantRows))
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	cells := 0
	for i, r := range rows {
		w := wantRows[i]
		if r.Region != w.Region || r.RegionName != w.RegionName || str(r.RegionCode) != str(w.RegionCode) ||
			str(r.RegionLevel) != str(w.RegionLevel) || r.Year != w.Year || !slices.Equal(r.DocIDs, w.DocIDs) {
			t.Errorf("wide row %d: %+v, want %+v", i, r, w)
		}
		for j := range w.Values {
			if (r.Values[j] == nil) != (w.Values[j] == nil) || r.Values[j] != nil && *r.Values[j] != *w.Values[j] {
				t.Errorf("wide row %d column %s: %v, want %v", i, names[j], r.Values[j], w.Values[j])
			}
			if w.Values[j] != nil {
				cells++
			}
		}
	}
	if cells == 0 {
		t.Error("no value in the wide table")
	}
}
