package tables_test

import (
	"bytes"
	"testing"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables"
	"github.com/policyfacts/policyfacts/tables/internal/tabletest"
)

// TestRowsRoundTrip checks that a result turned into rows and back prints
// the same JSON line, and that every row carries the document's id.
func TestRowsRoundTrip(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, true))
	var kinds [6]int // rows seen per table, beside documents
	for i := range results {
		want, err := results[i].AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		rows := tables.FromResult(&results[i])
		id := results[i].Doc.ID
		for _, r := range rows.Quantities {
			if r.DocID != id {
				t.Errorf("%s: quantity row with doc_id %q", id, r.DocID)
			}
		}
		for _, r := range rows.Facts {
			if r.DocID != id {
				t.Errorf("%s: fact row with doc_id %q", id, r.DocID)
			}
		}
		kinds[0]++
		kinds[1] += len(rows.Quantities)
		kinds[2] += len(rows.Facts)
		kinds[3] += len(rows.Sectors)
		kinds[4] += len(rows.Slogans)
		kinds[5] += len(rows.Keywords)
		back, err := rows.Result()
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		got, err := back.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: round trip\n got %s\nwant %s", id, got, want)
		}
	}
	for i, n := range kinds {
		if n == 0 {
			t.Errorf("no rows in table %d: the documents do not exercise it", i)
		}
	}
}

// TestRecordRoundTrip checks that records turned into rows and back write
// the same JSON lines.
func TestRecordRoundTrip(t *testing.T) {
	results := tabletest.Results(t, tabletest.Docs(t, true))
	recs := records(results)
	if len(recs) == 0 {
		t.Fatal("no records")
	}
	back := make([]metrics.Record, len(recs))
	for i := range recs {
		row := tables.FromRecord(&recs[i])
		r, err := row.Record()
		if err != nil {
			t.Fatal(err)
		}
		back[i] = r
	}
	var want, got bytes.Buffer
	if err := metrics.WriteJSONL(&want, recs); err != nil {
		t.Fatal(err)
	}
	if err := metrics.WriteJSONL(&got, back); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("records round trip:\n got %s\nwant %s", got.String(), want.String())
	}
}

// TestResultBadEnum checks that a row with an unknown enumeration is an
// error, not a zero value.
func TestResultBadEnum(t *testing.T) {
	rows := tables.Rows{Document: tables.Document{DocID: "a"}, Facts: []tables.Fact{{DocID: "a", Measure: "level", Kind: "sideways", Bound: "eq", Section: "other"}}}
	if _, err := rows.Result(); err == nil {
		t.Error("Result of a fact of kind sideways: no error")
	}
}

func records(results []policyfacts.Result) []metrics.Record {
	docs := make([]metrics.DocFacts, len(results))
	for i := range results {
		docs[i] = results[i].DocFacts()
	}
	return metrics.Records(docs)
}
