package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
)

const recordsHelp = `
Records extracts the facts of the documents and normalises them into annual
records: one row per region, year, indicator, kind (actual or target),
measure and value, with the number of sources, the documents they came from
and, where a region-year-indicator has both, the attainment (actual ÷ target).
Facts with no indicator or no year are left out. See README.md for the columns.`

func runRecords(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("records", "policyfacts records [flags] PATH...", stderr, recordsHelp)
	var lf loadFlags
	lf.register(fs)
	out := fs.String("o", "", "write to this file (atomically) instead of stdout")
	format := fs.String("format", "csv", "output format: csv or jsonl")
	wide := fs.Bool("wide", false, "CSV with one row per region-year and one column per indicator×kind")
	bom := fs.Bool("bom", false, "start CSV with a UTF-8 byte-order mark (for Excel)")
	workers := fs.Int("workers", runtime.NumCPU(), "documents processed at once")
	sample := fs.Bool("sample", false, "use the embedded sample document")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *format != "csv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "policyfacts records: unknown format %q (csv or jsonl)\n", *format)
		return errUsage
	}
	if len(paths) == 0 && !*sample {
		fs.Usage()
		return errUsage
	}
	src := corpus.Walk(paths, lf.options())
	if *sample {
		src = func(yield func(corpus.Document, error) bool) { yield(policyfacts.Sample(), nil) }
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var docs []metrics.DocFacts
	failed := 0
	for it := range policyfacts.Batch(ctx, src, policyfacts.BatchOptions{Workers: *workers}) {
		if it.Err != nil {
			failed++
			fmt.Fprintf(stderr, "policyfacts: %v\n", it.Err)
			continue
		}
		docs = append(docs, it.Result.DocFacts())
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted; output not written")
	}
	recs := metrics.Records(docs)
	w := stdout
	var af *atomicFile
	if *out != "" {
		if af, err = createAtomic(*out); err != nil {
			return err
		}
		defer af.abort()
		w = af
	}
	bw := bufio.NewWriter(w)
	opts := metrics.CSVOptions{BOM: *bom}
	switch {
	case *format == "jsonl":
		err = metrics.WriteJSONL(bw, recs)
	case *wide:
		err = metrics.WriteWideCSV(bw, recs, opts)
	default:
		err = metrics.WriteCSV(bw, recs, opts)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return err
	}
	if af != nil {
		if err := af.commit(); err != nil {
			return err
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "policyfacts: %d documents read, %d failed\n", len(docs), failed)
		return errSomeFailed
	}
	return nil
}
