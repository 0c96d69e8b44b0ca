package parquetfile_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/tables"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
)

func ExampleWriter() {
	dir, err := os.MkdirTemp("", "parquetfile")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	files := map[string]*os.File{}
	for _, t := range tables.ExtractTables {
		f, err := os.Create(filepath.Join(dir, parquetfile.FileName(t)))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		files[t] = f
	}
	w, err := parquetfile.NewWriter(parquetfile.Files{Documents: files[tables.Documents], Quantities: files[tables.Quantities],
		Facts: files[tables.Facts], Sectors: files[tables.Sectors], Slogans: files[tables.Slogans], Keywords: files[tables.Keywords]})
	if err != nil {
		log.Fatal(err)
	}
	r, err := policyfacts.Extract(context.Background(), policyfacts.Sample())
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Write(&r); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	back, err := parquetfile.ReadResults(dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(back), back[0].Doc.ID, len(back[0].Facts) == len(r.Facts))
	// Output:
	// 1 sample.txt true
}
