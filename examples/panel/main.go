// Command panel parses a folder of reports and prints a small panel: for
// each region and year, the achieved and targeted values of a few
// indicators and how much of the target was attained.
//
//	go run ./examples/panel DIR
package main

import (
	"context"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: panel DIR...")
		os.Exit(2)
	}
	var docs []metrics.DocFacts
	for it := range policyfacts.Batch(context.Background(), corpus.Sources(os.Args[1:], corpus.Options{}), policyfacts.BatchOptions{}) {
		if it.Err != nil {
			fmt.Fprintln(os.Stderr, it.Err)
			continue
		}
		docs = append(docs, it.Result.DocFacts())
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "region\tyear\tindicator\tkind\tvalue\tunit\tattainment\tsources")
	for _, r := range metrics.Records(docs) {
		if r.Measure != extract.Level {
			continue
		}
		att := ""
		if r.Attainment != 0 {
			att = fmt.Sprintf("%.0f%%", r.Attainment*100)
		}
		kind := r.Kind.String()
		if r.Qualifier != "" {
			kind += "(" + r.Qualifier + ")"
		}
		value := fmt.Sprintf("%g", r.Value)
		if r.Stretch != nil {
			value += fmt.Sprintf(" (%s %g)", r.StretchQualifier, *r.Stretch)
		}
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n", r.Region, r.Year, r.Indicator, kind, value, r.Unit, att, len(r.Sources))
	}
	w.Flush()
}
