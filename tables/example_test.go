package tables_test

import (
	"context"
	"fmt"
	"log"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/tables"
)

func ExampleFromResult() {
	r, err := policyfacts.Extract(context.Background(), policyfacts.Sample())
	if err != nil {
		log.Fatal(err)
	}
	rows := tables.FromResult(&r)
	d := rows.Document
	fmt.Println(d.DocID, *d.Title, *d.Year)
	fmt.Println(len(rows.Facts) == len(r.Facts), rows.Facts[0].DocID)
	back, err := rows.Result()
	if err != nil {
		log.Fatal(err)
	}
	a, _ := r.AppendJSON(nil)
	b, _ := back.AppendJSON(nil)
	fmt.Println(string(a) == string(b))
	// Output:
	// sample.txt 2025年青禾市人民政府工作报告 2025
	// true sample.txt
	// true
}
