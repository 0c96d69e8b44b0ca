// Command pfbeam runs the policyfacts pipeline on Apache Beam: it extracts
// the documents of files matched by globs and writes the results, the
// annual records and the failures as JSON lines, on the runner --runner
// names (prism, the default, runs it on this machine; flink, spark and
// dataflow submit it to a cluster). See beam/README.md.
//
//	pfbeam --records records.jsonl --results results.jsonl 'texts/*.txt'
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/policyfacts/policyfacts/beam/pfbeam"
)

const usage = `usage: pfbeam [flags] GLOB...

Pfbeam reads the files the globs match (.txt, .html, .docx, .csv, .jsonl,
.zip; local paths, or gs:// on Dataflow), extracts their documents on the
workers of a Beam runner, and writes the results (as policyfacts extract
prints them), the annual records (as policyfacts records --format jsonl
prints them; with --records-parquet, as Parquet) and the failed inputs
(path TAB reason) to the files named. Quote the globs, so that the runner,
not the shell, expands them. The Beam flags (--runner, --endpoint,
--environment_type, --project, --region, --temp_location ...) choose where
it runs; see beam/README.md.

Flags:
`

func main() {
	var o pfbeam.Options
	flag.StringVar(&o.Results, "results", "", "write the extraction results to `FILE` (JSON lines)")
	flag.StringVar(&o.Records, "records", "", "write the annual records to `FILE` (JSON lines)")
	flag.StringVar(&o.RecordsParquet, "records-parquet", "", "write the annual records to `FILE` as Parquet (the long form of policyfacts records --format parquet)")
	flag.StringVar(&o.Failed, "failed", "", "write the inputs that failed to `FILE`: path, a tab, the reason")
	flag.StringVar(&o.Load.Encoding, "encoding", "", "decode input as this encoding (gbk, gb18030, big5, utf-8 ...) instead of detecting it")
	flag.StringVar(&o.Load.TextColumn, "text-column", "", "CSV column or JSONL key holding the text")
	flag.StringVar(&o.Load.IDColumn, "id-column", "", "CSV column or JSONL key used as the row key in document ids")
	flag.Int64Var(&o.Load.MaxDocSize, "max-doc-size", 256<<20, "largest document, in `bytes`")
	flag.Usage = func() {
		fmt.Fprint(flag.CommandLine.Output(), usage)
		flag.PrintDefaults()
	}
	flag.Parse()
	// On a cluster's workers, Init runs the worker and does not return.
	beam.Init()
	o.Inputs = flag.Args()
	if err := run(context.Background(), o); err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "pfbeam: ") {
			msg = "pfbeam: " + msg
		}
		fmt.Fprintln(os.Stderr, msg)
		if errors.Is(err, pfbeam.ErrNoInput) || errors.Is(err, pfbeam.ErrNoOutput) {
			flag.Usage()
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, o pfbeam.Options) error {
	p, s := beam.NewPipelineWithRoot()
	if err := pfbeam.Build(s, o); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}
