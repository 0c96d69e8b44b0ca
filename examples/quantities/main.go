// Command quantities prints the figures of documents as tab-separated rows
// (document, figure as written, value, unit, bound), ready for a
// spreadsheet or pandas.read_csv(sep="\t").
//
//	go run ./examples/quantities FILE_OR_DIR...
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: quantities FILE_OR_DIR...")
		os.Exit(2)
	}
	status := 0
	fmt.Println("doc\ttext\tvalue\tunit\tbound")
	src := corpus.Sources(os.Args[1:], corpus.Options{})
	for it := range policyfacts.Batch(context.Background(), src, policyfacts.BatchOptions{}) {
		if it.Err != nil {
			fmt.Fprintln(os.Stderr, it.Err)
			status = 1
			continue
		}
		for _, q := range it.Result.Quantities {
			fmt.Printf("%s\t%s\t%g\t%s\t%s\n", it.ID, q.Text, q.Value, q.Unit, q.Bound)
		}
	}
	os.Exit(status)
}
