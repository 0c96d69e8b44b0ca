package sqlitedb_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables/internal/tabletest"
	"github.com/policyfacts/policyfacts/tables/sqlitedb"
)

func open(t testing.TB, path string) *sqlitedb.DB {
	t.Helper()
	db, err := sqlitedb.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// store puts results into the database at path, skipping the ids it
// holds when resume is set, then rebuilds the records.
func store(t *testing.T, path string, results []policyfacts.Result, resume bool) []metrics.Record {
	t.Helper()
	ctx := context.Background()
	db := open(t, path)
	defer db.Close()
	have, err := db.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range results {
		if resume && have[results[i].Doc.ID] {
			continue
		}
		if err := db.Put(ctx, &results[i]); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := db.Finish(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestRoundTrip stores results, reads them back and checks that each
// prints the JSON line it printed before, and that the records read back
// write the JSON lines of metrics.Records over the same results.
func TestRoundTrip(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, true))
	path := filepath.Join(t.TempDir(), "pf.db")
	recs := store(t, path, results, false)
	db := open(t, path)
	defer db.Close()
	back, err := db.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(results) {
		t.Fatalf("read %d results, stored %d", len(back), len(results))
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
	docs := make([]metrics.DocFacts, len(results))
	for i := range results {
		docs[i] = results[i].DocFacts()
	}
	var want, fromUpdate, got bytes.Buffer
	metrics.WriteJSONL(&want, metrics.Records(docs))
	metrics.WriteJSONL(&fromUpdate, recs)
	stored, err := db.Records(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	metrics.WriteJSONL(&got, stored)
	if len(stored) == 0 || fromUpdate.String() != want.String() {
		t.Errorf("Finish gave %d records unlike metrics.Records", len(recs))
	}
	if n := count(t, path, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`); n != 9 {
		t.Errorf("%d secondary indexes after Finish, want the 9 of indexes.sql", n)
	}
	if got.String() != want.String() {
		t.Errorf("records read back:\n got %.3000s\nwant %.3000s", got.String(), want.String())
	}
}

// TestResume stores half the results, closes the database as a killed
// run would leave it, stores all of them again skipping those stored, and
// checks that every table ends as after one uninterrupted run; a rerun
// without skipping replaces documents and duplicates nothing.
func TestResume(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, true))
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.db")
	store(t, whole, results, false)

	resumed := filepath.Join(dir, "resumed.db")
	half := len(results) / 2
	db := open(t, resumed)
	for i := range results[:half] {
		if err := db.Put(context.Background(), &results[i]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close() // no records: the run did not end
	store(t, resumed, results, true)
	want, got := dump(t, whole), dump(t, resumed)
	if got != want {
		t.Errorf("resumed database differs from the uninterrupted one:\n%s", firstDiff(got, want))
	}
	if !strings.Contains(want, "records ") || !strings.Contains(want, "facts ") {
		t.Fatalf("dump without records or facts:\n%.500s", want)
	}

	store(t, resumed, results, false) // every document put again
	if got := dump(t, resumed); got != want {
		t.Errorf("after putting every document again:\n%s", firstDiff(got, want))
	}
}

// TestCancelledPut checks that a Put whose context is cancelled stores
// nothing of the document.
func TestCancelledPut(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, false))
	path := filepath.Join(t.TempDir(), "pf.db")
	db := open(t, path)
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := db.Put(ctx, &results[0]); err == nil {
		t.Error("Put with a cancelled context: no error")
	}
	ids, err := db.IDs(context.Background())
	if err != nil || len(ids) != 0 {
		t.Errorf("after a cancelled Put: ids %v, %v", ids, err)
	}
}

// TestSchemaVersionRefused checks that a database written with another
// schema version is refused.
func TestSchemaVersionRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pf.db")
	db := open(t, path)
	db.Close()
	sqlExec(t, path, `UPDATE meta SET value = '0' WHERE key = 'schema_version'`)
	if db, err := sqlitedb.Open(context.Background(), path); err == nil {
		db.Close()
		t.Error("Open of a database of schema version 0: no error")
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestConcurrentPut puts documents from several goroutines at once: every
// one is stored, whole.
func TestConcurrentPut(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, false))
	path := filepath.Join(t.TempDir(), "pf.db")
	db := open(t, path)
	defer db.Close()
	const copies = 4
	errs := make(chan error, copies)
	for c := range copies {
		go func() {
			for i := range results {
				r := results[i]
				r.Doc.ID = fmt.Sprint(c, "/", r.Doc.ID)
				if err := db.Put(context.Background(), &r); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range copies {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	back, err := db.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != copies*len(results) {
		t.Fatalf("%d documents stored, want %d", len(back), copies*len(results))
	}
	want := map[string]int{}
	for i := range results {
		want[results[i].Doc.ID] = len(results[i].Quantities) + len(results[i].Facts)
	}
	for _, r := range back {
		_, id, _ := strings.Cut(r.Doc.ID, "/")
		if n := len(r.Quantities) + len(r.Facts); n != want[id] {
			t.Errorf("%s: %d rows, want %d", r.Doc.ID, n, want[id])
		}
	}
}
