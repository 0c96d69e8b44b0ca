package sqlitedb_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/tables/sqlitedb"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "sqlitedb")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := sqlitedb.Open(ctx, filepath.Join(dir, "reports.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	r, err := policyfacts.Extract(ctx, policyfacts.Sample())
	if err != nil {
		log.Fatal(err)
	}
	stored, err := db.IDs(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if !stored[r.Doc.ID] { // what --resume does
		if err := db.Put(ctx, &r); err != nil {
			log.Fatal(err)
		}
	}
	recs, err := db.Finish(ctx)
	if err != nil {
		log.Fatal(err)
	}
	results, err := db.Results(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(results), results[0].Doc.ID, len(recs) > 0)
	// Output:
	// 1 sample.txt true
}
