package sqlitedb_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/policyfacts/policyfacts/tables/internal/tabletest"
)

// BenchmarkPut stores the test documents (the shared folder's too, when
// it is there), each in its own transaction, beside the baseline of
// writing their JSON lines; MB/s counts the JSON lines' bytes.
func BenchmarkPut(b *testing.B) {
	results := tabletest.Results(b, tabletest.Docs(b, true))
	size := 0
	for i := range results {
		line, _ := results[i].AppendJSON(nil)
		size += len(line) + 1
	}
	b.Run("jsonl", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			for i := range results {
				buf, _ = results[i].AppendJSON(buf[:0])
			}
		}
		if len(buf) == 0 {
			b.Fatal("no JSON")
		}
	})
	b.Run("sqlite", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		ctx := context.Background()
		db := open(b, filepath.Join(b.TempDir(), "pf.db"))
		defer db.Close()
		n := 0
		for b.Loop() {
			for i := range results {
				r := results[i]
				r.Doc.ID = fmt.Sprint(n, "/", r.Doc.ID) // a new document each time
				if err := db.Put(ctx, &r); err != nil {
					b.Fatal(err)
				}
			}
			n++
		}
		ids, err := db.IDs(ctx)
		if err != nil || len(ids) != n*len(results) {
			b.Fatalf("%d documents stored, want %d (%v)", len(ids), n*len(results), err)
		}
	})
}
