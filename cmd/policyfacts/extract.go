package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
)

const extractHelp = `
Extract reads documents (.txt, .html, .docx, .csv, .jsonl, .zip files and
directories of them; "-" for standard input: a document, or JSON lines or
CSV with one document a line or row) and prints one JSON object per
document per line, in input order (see SCHEMA.md). A file that cannot be
read or decoded is named on stderr with the reason (a .doc, .wps or PDF
with the conversion to make), the batch goes on, and the exit status is 1
(also when the paths hold no document). SIGINT, SIGTERM and SIGHUP stop the
batch: the -o file is not written (an earlier one is kept) and the exit
status is 130, 143 or 129.

--format parquet writes the tables documents, quantities, facts, sectors,
slogans and keywords, joined by doc_id, as one Parquet file each into the
-o directory. --sqlite FILE stores them instead, and the annual records,
in a SQLite database, one transaction per document: a batch stopped or
killed keeps the documents stored, and --resume passes over them when the
batch is run again. See README.md, "Parquet and SQLite".`

type loadFlags struct {
	encoding, textColumn, idColumn string
	maxDocSize                     int64
	skipped                        atomic.Int64 // files passed over as no document
}

func (l *loadFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.encoding, "encoding", "", "decode input as this encoding (gbk, gb18030, big5, utf-8, utf-16le ...) instead of detecting it")
	fs.StringVar(&l.textColumn, "text-column", "", "CSV column or JSONL key holding the text (default: full_text, text, content or 正文, else the longest)")
	fs.StringVar(&l.idColumn, "id-column", "", "CSV column or JSONL key used as the row key in document ids (default: the row number)")
	fs.Int64Var(&l.maxDocSize, "max-doc-size", 256<<20, "largest document, in `bytes`: a file, zip entry, CSV row or JSON line over it is reported and skipped")
}

func (l *loadFlags) options() corpus.Options {
	return corpus.Options{Encoding: l.encoding, TextColumn: l.textColumn, IDColumn: l.idColumn,
		MaxFileSize: l.maxDocSize, Skipped: func(string) { l.skipped.Add(1) }, Stdin: stdin}
}

// batchFlags are the flags of the commands that run a batch.
type batchFlags struct {
	loadFlags
	out     string
	format  string
	formats []string
	workers int
	sample  bool
	// keep, when set, passes over the sources it rejects before they
	// are read (--resume, --skip-done).
	keep func(corpus.Source) bool
	// table is the table --format csv writes: quantities or facts.
	table string
}

// register adds the flags; formats lists the output formats, the first
// being the default.
func (b *batchFlags) register(fs *flag.FlagSet, formats ...string) {
	b.loadFlags.register(fs)
	b.formats = formats
	fs.StringVar(&b.out, "o", "", "write to this file (atomically: a temporary file renamed at the end) instead of stdout")
	fs.StringVar(&b.format, "format", formats[0], "output format: "+strings.Join(formats, " or "))
	fs.IntVar(&b.workers, "workers", runtime.NumCPU(), "documents processed at once (0: the number of CPUs)")
	fs.BoolVar(&b.sample, "sample", false, "use the embedded sample document")
}

// parse parses the arguments and checks the format and that there is input.
func (b *batchFlags) parse(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	paths, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(b.formats, b.format) {
		fmt.Fprintf(stderr, "policyfacts %s: unknown format %q (%s)\n", fs.Name(), b.format, strings.Join(b.formats, " or "))
		return nil, errUsage
	}
	if b.workers < 0 {
		fmt.Fprintf(stderr, "policyfacts %s: --workers must be at least 1 (0: the number of CPUs), not %d\n", fs.Name(), b.workers)
		return nil, errUsage
	}
	if err := checkInput(fs, paths, b.sample, stderr); err != nil {
		return nil, err
	}
	return paths, nil
}

// checkInput checks that a command has input: paths or --sample, not both.
func checkInput(fs *flag.FlagSet, paths []string, sample bool, stderr io.Writer) error {
	if sample && len(paths) > 0 {
		fmt.Fprintf(stderr, "policyfacts %s: --sample reads the embedded sample: give it or paths, not both\n", fs.Name())
		return errUsage
	}
	if len(paths) == 0 && !sample {
		fs.Usage()
		return errUsage
	}
	return nil
}

// sources returns the documents of paths, not yet loaded, or the embedded
// sample.
func (l *loadFlags) sources(paths []string, sample bool) iter.Seq2[corpus.Source, error] {
	if sample {
		return func(yield func(corpus.Source, error) bool) { yield(corpus.SourceOf(policyfacts.Sample()), nil) }
	}
	return corpus.Sources(paths, l.options())
}

// batch extracts the documents of paths (or the sample) with ex (nil: the
// default Extractor) on b.workers workers.
func (b *batchFlags) batch(ctx context.Context, paths []string, ex *policyfacts.Extractor) <-chan policyfacts.Item {
	src := b.sources(paths, b.sample)
	if b.keep != nil {
		src = keepSources(src, b.keep)
	}
	return policyfacts.Batch(ctx, src, policyfacts.BatchOptions{Workers: b.workers, Extractor: ex})
}

// source returns the documents of paths, loaded one after the other, or
// the embedded sample.
func (l *loadFlags) source(paths []string, sample bool) iter.Seq2[corpus.Document, error] {
	return corpus.Documents(l.sources(paths, sample))
}

func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", "policyfacts extract [flags] PATH...", stderr, extractHelp)
	var bf batchFlags
	bf.register(fs, "jsonl", "csv", "parquet")
	var tf tableFlags
	tf.register(fs)
	quiet := fs.Bool("q", false, "no progress bar")
	keywords := fs.Int("keywords", 0, "list each document's top `N` terms by TF-IDF (this cuts the text into words, more than doubling the time)")
	bom := fs.Bool("bom", false, "start CSV with a UTF-8 byte-order mark (for Excel)")
	fs.StringVar(&bf.table, "table", "quantities", "with --format csv, the table written: quantities (one row per figure) or facts (one row per fact: indicator, measure, kind, year …)")
	skipDone := fs.String("skip-done", "", "pass over the documents whose ids an earlier output `FILE` holds (its JSON lines, or a CSV with a doc_id column), before reading them: a batch stopped half way goes on where it stopped")
	catalogue := fs.String("catalogue", "", "add indicators and aliases to the embedded catalogue, or override them, from `FILE` (the TSV format of metrics/data/indicators.tsv)")
	failedPath := fs.String("failed", "", "also write to `FILE` one line per input that failed: its path (archive#key for a row or member), a tab, the reason")
	paths, err := bf.parse(fs, args, stderr)
	if err != nil {
		return err
	}
	if err := tf.check(fs, &bf, stderr); err != nil {
		return err
	}
	tf.quiet = *quiet
	if *bom && bf.format != "csv" {
		fmt.Fprintln(stderr, "policyfacts extract: --bom is for --format csv")
		return errUsage
	}
	if bf.table != "quantities" && (bf.format != "csv" || bf.table != "facts") {
		fmt.Fprintf(stderr, "policyfacts extract: --table %s: the tables of --format csv are quantities and facts\n", bf.table)
		return errUsage
	}
	if *keywords < 0 {
		fmt.Fprintf(stderr, "policyfacts extract: --keywords must be 0 or more, not %d\n", *keywords)
		return errUsage
	}
	exOpts := []policyfacts.Option{policyfacts.WithKeywords(*keywords)}
	if *catalogue != "" {
		cat, err := readCatalogue(*catalogue)
		if err != nil {
			return err
		}
		exOpts = append(exOpts, policyfacts.WithCatalogue(cat))
	}
	ctx, received, stop := signalContext()
	defer stop()

	sink, err := newSink(ctx, &bf, &tf, *bom, stdout, stderr)
	if err != nil {
		return err
	}
	defer sink.abort()
	if *skipDone != "" {
		done, err := readDoneIDs(*skipDone)
		if err != nil {
			return err
		}
		keep := bf.keep
		bf.keep = func(s corpus.Source) bool {
			if done[s.ID] {
				bf.skipped.Add(1)
				return false
			}
			return keep == nil || keep(s)
		}
	}
	prog := newProgress(stderr, *quiet)
	var ok, failed int
	var failures failedList
	items := bf.batch(ctx, paths, policyfacts.New(exOpts...))
	for it := range until(ctx, items) {
		if it.Err != nil {
			failed++
			failures.add(it)
			name := it.Path
			var fe *corpus.FileError
			if errors.As(it.Err, &fe) {
				fmt.Fprintf(prog.lineWriter(), "policyfacts: %v\n", it.Err)
			} else {
				if name == "" {
					name = it.ID
				}
				fmt.Fprintf(prog.lineWriter(), "policyfacts: %s: %v\n", name, it.Err)
			}
			prog.tick(ok, failed)
			continue
		}
		if err := sink.encode(&it.Result); err != nil {
			return err
		}
		if len(items) == 0 {
			// nothing more is ready: what is written goes out now, so that
			// a stream read line by line gets each result as it is made
			if err := sink.flush(); err != nil {
				return err
			}
		}
		ok++
		prog.tick(ok, failed)
	}
	prog.done(ok, failed, int(bf.skipped.Load()))
	if ctx.Err() != nil {
		return &interruptedError{sig: received(), n: ok + failed, out: bf.out, note: sink.note()}
	}
	if ok+failed+sink.skipped() == 0 {
		return noDocuments(int(bf.skipped.Load()))
	}
	if err := sink.commit(); err != nil {
		return err
	}
	if *failedPath != "" {
		if err := failures.write(*failedPath); err != nil {
			return err
		}
	}
	if failed > 0 {
		return errSomeFailed // the totals are printed above
	}
	return nil
}

// readCatalogue reads a user's catalogue file and puts it ahead of the
// embedded one (policyfacts.ExtendCatalogue).
func readCatalogue(path string) (*metrics.Catalogue, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cat, err := policyfacts.ExtendCatalogue(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cat, nil
}

// readDoneIDs reads the document ids of an earlier output: JSON lines
// (each line's doc.id) or CSV with a doc_id column. A last line cut short
// (a batch killed while writing it) is no id.
func readDoneIDs(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--skip-done: %w", err)
	}
	done := map[string]bool{}
	text := strings.TrimPrefix(string(b), "\uFEFF")
	if strings.HasPrefix(text, "doc_id,") {
		r := csv.NewReader(strings.NewReader(text))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil && len(rows) == 0 {
			return nil, fmt.Errorf("--skip-done %s: %w", path, err)
		}
		for _, row := range rows[1:] {
			if len(row) > 0 {
				done[row[0]] = true
			}
		}
		return done, nil
	}
	for line := range strings.Lines(text) {
		var r struct {
			Doc struct {
				ID string `json:"id"`
			} `json:"doc"`
		}
		if !strings.HasSuffix(line, "\n") || json.Unmarshal([]byte(line), &r) != nil || r.Doc.ID == "" {
			continue
		}
		done[r.Doc.ID] = true
	}
	return done, nil
}

// encoder writes results as JSON lines (Result.AppendJSON) or CSV rows of
// one table: quantities, or facts.
type encoder struct {
	w     io.Writer // JSON lines; nil for CSV
	line  []byte    // the JSON line being written, reused
	csv   *csv.Writer
	facts bool // the CSV rows are facts
	head  bool
}

func newEncoder(w io.Writer, format, table string) *encoder {
	if format == "csv" {
		return &encoder{csv: csv.NewWriter(w), facts: table == "facts"}
	}
	return &encoder{w: w}
}

// factsHeader names the columns of the facts table of --format csv.
var factsHeader = []string{"doc_id", "title", "date", "doc_region", "doc_region_code", "indicator", "metric", "measure", "kind",
	"year", "since", "value", "unit", "bound", "qualifier", "region", "region_code", "section", "text", "start", "end", "evidence"}

// factRows writes the facts of r as rows of factsHeader.
func (e *encoder) factRows(r policyfacts.Result) error {
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, f := range r.Facts {
		q := f.Quantity
		row := []string{r.Doc.ID, deref(r.Doc.Title), deref(r.Doc.Date), deref(r.Doc.Region), deref(r.Doc.RegionCode),
			f.Indicator, f.Metric, f.Measure.String(), f.Kind.String(), itoa(f.Year), itoa(f.Since),
			strconv.FormatFloat(q.Value, 'f', -1, 64), string(q.Unit), q.Bound.String(), f.Qualifier, f.Region, f.RegionCode,
			f.Section.String(), q.Text, strconv.Itoa(q.Start), strconv.Itoa(q.End), f.Evidence}
		if err := e.csv.Write(row); err != nil {
			return err
		}
	}
	return nil
}

var csvHeader = []string{"doc_id", "title", "date", "text", "value", "unit", "bound", "dimension", "start", "end"}

func (e *encoder) encode(r policyfacts.Result) error {
	if e.w != nil {
		line, err := r.AppendJSON(e.line[:0])
		if err != nil {
			return err
		}
		e.line = append(line, '\n')
		_, err = e.w.Write(e.line)
		return err
	}
	if !e.head {
		e.head = true
		header := csvHeader
		if e.facts {
			header = factsHeader
		}
		if err := e.csv.Write(header); err != nil {
			return err
		}
	}
	if e.facts {
		return e.factRows(r)
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, q := range r.Quantities {
		row := []string{r.Doc.ID, deref(r.Doc.Title), deref(r.Doc.Date), q.Text,
			strconv.FormatFloat(q.Value, 'f', -1, 64), string(q.Unit), q.Bound.String(), q.Dimension.String(),
			strconv.Itoa(q.Start), strconv.Itoa(q.End)}
		if err := e.csv.Write(row); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) flush() error {
	if e.csv != nil {
		e.csv.Flush()
		return e.csv.Error()
	}
	return nil
}

// output is where a command writes: stdout, or a file written atomically.
type output struct {
	io.Writer
	af *atomicFile
}

// openOutput opens path for atomic writing, or stdout when path is "".
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{Writer: stdout}, nil
	}
	af, err := createAtomic(path)
	if err != nil {
		return nil, err
	}
	return &output{Writer: af, af: af}, nil
}

// commit puts a file in place; abort (deferred) removes it if commit did not run.
func (o *output) commit() error {
	if o.af == nil {
		return nil
	}
	return o.af.commit()
}

func (o *output) abort() {
	if o.af != nil {
		o.af.abort()
	}
}

// atomicFile is an output file written under a temporary name and renamed
// into place on commit, so an interrupted run leaves no half-written file.
type atomicFile struct {
	*os.File
	path string
	done bool
}

func createAtomic(path string) (*atomicFile, error) {
	// a target that cannot be replaced fails now, not after the batch
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("-o %s: a directory, not a file to write", path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	// the mode a plain create would give (CreateTemp makes it private),
	// or the mode of the file replaced
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{File: f, path: path}, nil
}

func (a *atomicFile) commit() error {
	if err := a.File.Sync(); err != nil {
		return err
	}
	if err := a.File.Close(); err != nil {
		return err
	}
	a.done = true
	return os.Rename(a.File.Name(), a.path)
}

func (a *atomicFile) abort() {
	if !a.done {
		a.File.Close()
		os.Remove(a.File.Name())
	}
}

// progress draws a one-line counter on stderr when stderr is a terminal.
type progress struct {
	w     io.Writer
	on    bool // the live bar (stderr is a terminal and not -q)
	quiet bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, start: time.Now()}
	if f, ok := w.(*os.File); ok && !quiet {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

// lineWriter returns the writer for a message line, clearing the bar first.
func (p *progress) lineWriter() io.Writer {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
	return p.w
}

func (p *progress) tick(ok, failed int) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	n := ok + failed
	rate := float64(n) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[Kextract: %d documents (%d failed), %.0f docs/s", n, failed, rate)
}

// done reports the batch's totals, on a terminal or not, unless -q was
// given and nothing failed: documents that succeeded and failed, and the
// files skipped as no document.
func (p *progress) done(ok, failed, skipped int) { p.doneWith(ok, failed, skipped, "") }

// doneWith is done with more said before the time: ", 866 records".
func (p *progress) doneWith(ok, failed, skipped int, more string) {
	if p.quiet && failed == 0 {
		return
	}
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "policyfacts: %s: %d succeeded, %d failed, %d skipped%s, in %s\n",
		plural(ok+failed, "document"), ok, failed, skipped, more, time.Since(p.start).Round(time.Millisecond))
}

// plural returns "1 document", "2 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
