package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
)

const recordsHelp = `
Records extracts the facts of the documents and normalises them into annual
records: one row per region (keyed by its code), year, indicator, kind
(actual or target), measure and unit, with one value chosen by a documented
rule (the targets and review sections first; a target's first tier, its
higher tier as stretch; the earliest; an exact figure over a milestone it
agrees with), the other values as alternatives, the number of sources, the
documents they came from and, where a region-year-indicator has both, the
attainment (actual ÷ target). Facts with no indicator or no year are left
out. See README.md for the rule and the columns.`

func runRecords(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("records", "policyfacts records [flags] PATH...", stderr, recordsHelp)
	var bf batchFlags
	bf.register(fs, "csv", "jsonl", "parquet")
	var tf tableFlags
	tf.register(fs)
	wide := fs.Bool("wide", false, "CSV or Parquet with one row per region-year and one numeric column per indicator×measure×kind, with Stata-safe names (see --codebook)")
	bom := fs.Bool("bom", false, "start CSV with a UTF-8 byte-order mark (for Excel)")
	codebook := fs.String("codebook", "", "also write to `FILE` the codebook of the wide CSV: each column's indicator, measure, kind, unit and meaning")
	quiet := fs.Bool("q", false, "no progress bar and no summary line (failures are still reported)")
	paths, err := bf.parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if err := tf.check(fs, &bf, stderr); err != nil {
		return err
	}
	ctx, received, stop := signalContext()
	defer stop()
	var db *sqliteSink
	if tf.sqlite != "" {
		if db, err = newSQLiteSink(ctx, &bf, &tf, stderr); err != nil {
			return err
		}
		defer db.abort()
	}
	var docs []metrics.DocFacts
	failed, stored := 0, 0
	prog := newProgress(stderr, *quiet)
	for it := range until(ctx, bf.batch(ctx, paths, nil)) {
		if it.Err != nil {
			failed++
			fmt.Fprintf(prog.lineWriter(), "policyfacts: %v\n", it.Err)
			prog.tick(len(docs)+stored, failed)
			continue
		}
		if db != nil {
			if err := db.encode(&it.Result); err != nil {
				return err
			}
			stored++
			prog.tick(stored, failed)
			continue
		}
		docs = append(docs, it.Result.DocFacts().Compact())
		prog.tick(len(docs), failed)
	}
	if ctx.Err() != nil {
		ie := &interruptedError{sig: received(), n: len(docs) + stored + failed, out: bf.out}
		if db != nil {
			ie.note = db.note()
		}
		return ie
	}
	if db != nil {
		if stored+failed+db.skipped() == 0 {
			return noDocuments(int(bf.skipped.Load()))
		}
		if err := db.commit(); err != nil {
			return err
		}
		if failed > 0 {
			return errSomeFailed
		}
		return nil
	}
	if len(docs)+failed == 0 {
		return noDocuments(int(bf.skipped.Load()))
	}
	recs := metrics.Records(docs)
	o, err := openOutput(bf.out, stdout)
	if err != nil {
		return err
	}
	defer o.abort()
	bw := bufio.NewWriter(o)
	opts := metrics.CSVOptions{BOM: *bom}
	switch {
	case bf.format == "parquet" && *wide:
		err = parquetfile.WriteWide(bw, recs)
	case bf.format == "parquet":
		err = parquetfile.WriteRecords(bw, recs)
	case bf.format == "jsonl":
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
	if *codebook != "" {
		if err := writeCodebook(*codebook, recs, opts); err != nil {
			return err
		}
	}
	if err := o.commit(); err != nil {
		return err
	}
	prog.doneWith(len(docs), failed, int(bf.skipped.Load()), ", "+plural(len(recs), "record"))
	if failed > 0 {
		fmt.Fprintf(stderr, "policyfacts: %d documents read, %d failed\n", len(docs), failed)
		return errSomeFailed
	}
	return nil
}

// writeCodebook writes the codebook of the wide CSV of recs to path,
// atomically.
func writeCodebook(path string, recs []metrics.Record, opts metrics.CSVOptions) error {
	o, err := openOutput(path, nil)
	if err != nil {
		return err
	}
	defer o.abort()
	bw := bufio.NewWriter(o)
	if err := metrics.WriteCodebook(bw, recs, nil, opts); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return o.commit()
}
