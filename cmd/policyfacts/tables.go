package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sync"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/tables"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
	"github.com/policyfacts/policyfacts/tables/sqlitedb"
)

// tableFlags are the flags of the table outputs beside --format parquet:
// --sqlite and --resume.
type tableFlags struct {
	sqlite string
	resume bool
	quiet  bool
}

func (t *tableFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&t.sqlite, "sqlite", "", "store the documents' tables and the annual records in the SQLite database `FILE` (created if need be), one transaction per document; a document stored again replaces its rows (see README.md)")
	fs.BoolVar(&t.resume, "resume", false, "with --sqlite: skip the documents the database already holds, to finish an interrupted run")
}

// check reports the usage errors of the table outputs.
func (t *tableFlags) check(fs *flag.FlagSet, bf *batchFlags, stderr io.Writer) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	name := "policyfacts " + fs.Name()
	switch {
	case t.resume && t.sqlite == "":
		fmt.Fprintf(stderr, "%s: --resume needs --sqlite FILE\n", name)
		return errUsage
	case t.sqlite != "":
		for _, f := range []string{"o", "format", "bom", "wide", "codebook"} {
			if set[f] {
				fmt.Fprintf(stderr, "%s: --sqlite writes the database alone: give it or -%s, not both\n", name, f)
				return errUsage
			}
		}
	case bf.format == "parquet" && bf.out == "":
		fmt.Fprintf(stderr, "%s: --format parquet needs -o (%s)\n", name, map[string]string{"extract": "a directory, which gets one file per table", "records": "a file"}[fs.Name()])
		return errUsage
	case bf.format == "parquet" && set["bom"]:
		fmt.Fprintf(stderr, "%s: --bom is for CSV, not --format parquet\n", name)
		return errUsage
	}
	return nil
}

// resultSink is where extract writes each result: a stream (JSON lines,
// CSV), the Parquet files of the tables, or a SQLite database.
type resultSink interface {
	encode(r *policyfacts.Result) error
	// flush writes out what encode buffered, when no result is waiting.
	flush() error
	// commit ends a batch that ran to its end.
	commit() error
	// abort, deferred, undoes what commit did not keep.
	abort()
	// skipped counts the documents passed over unread (--resume).
	skipped() int
	// note says, for an interrupted batch, what the output holds ("" to
	// say the usual).
	note() string
}

// streamSink writes results to -o or stdout as JSON lines or CSV.
type streamSink struct {
	o   *output
	bw  *bufio.Writer
	enc *encoder
}

func newStreamSink(bf *batchFlags, bom bool, stdout io.Writer) (*streamSink, error) {
	o, err := openOutput(bf.out, stdout)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(o, 1<<16)
	if bom {
		bw.WriteString("\uFEFF")
	}
	return &streamSink{o: o, bw: bw, enc: newEncoder(bw, bf.format, bf.table)}, nil
}

func (s *streamSink) encode(r *policyfacts.Result) error { return s.enc.encode(*r) }

// flush writes the buffered lines out (to stdout as they are made).
func (s *streamSink) flush() error {
	if err := s.enc.flush(); err != nil {
		return err
	}
	return s.bw.Flush()
}

func (s *streamSink) commit() error {
	if err := s.enc.flush(); err != nil {
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return err
	}
	return s.o.commit()
}

func (s *streamSink) abort()       { s.o.abort() }
func (s *streamSink) skipped() int { return 0 }
func (s *streamSink) note() string { return "" }

// newSink returns the sink the flags ask for. It may set bf.keep, to pass
// over documents before they are read.
func newSink(ctx context.Context, bf *batchFlags, tf *tableFlags, bom bool, stdout, stderr io.Writer) (resultSink, error) {
	switch {
	case tf.sqlite != "":
		return newSQLiteSink(ctx, bf, tf, stderr)
	case bf.format == "parquet":
		return newParquetSink(bf.out)
	}
	return newStreamSink(bf, bom, stdout)
}

// parquetSink writes the tables as Parquet files in a directory, each
// under a temporary name until the batch ends.
type parquetSink struct {
	dir   string
	files []*atomicFile
	bufs  []*bufio.Writer
	w     *parquetfile.Writer
}

func newParquetSink(dir string) (*parquetSink, error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("-o %s: not a directory (--format parquet writes one file per table into a directory)", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &parquetSink{dir: dir}
	ws := map[string]io.Writer{}
	for _, t := range tables.ExtractTables {
		af, err := createAtomic(filepath.Join(dir, parquetfile.FileName(t)))
		if err != nil {
			s.abort()
			return nil, err
		}
		bw := bufio.NewWriterSize(af, 1<<16)
		s.files, s.bufs = append(s.files, af), append(s.bufs, bw)
		ws[t] = bw
	}
	w, err := parquetfile.NewWriter(parquetfile.Files{Documents: ws[tables.Documents], Quantities: ws[tables.Quantities],
		Facts: ws[tables.Facts], Sectors: ws[tables.Sectors], Slogans: ws[tables.Slogans], Keywords: ws[tables.Keywords]})
	if err != nil {
		s.abort()
		return nil, err
	}
	s.w = w
	return s, nil
}

func (s *parquetSink) encode(r *policyfacts.Result) error { return s.w.Write(r) }

func (s *parquetSink) commit() error {
	if err := s.w.Close(); err != nil {
		return err
	}
	for _, bw := range s.bufs {
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	for _, af := range s.files {
		if err := af.commit(); err != nil {
			return err
		}
	}
	return nil
}

func (s *parquetSink) abort() {
	for _, af := range s.files {
		af.abort()
	}
}

func (s *parquetSink) skipped() int { return 0 }

// flush does nothing: the files are whole only when the batch ends.
func (s *parquetSink) flush() error { return nil }

func (s *parquetSink) note() string {
	msg := "the files of " + s.dir + " not written"
	if _, err := os.Stat(filepath.Join(s.dir, parquetfile.FileName(tables.Documents))); err == nil {
		msg += " (the earlier ones are kept)"
	}
	return msg
}

// sqliteSink stores each result in a SQLite database and rebuilds the
// records when the batch ends.
type sqliteSink struct {
	path   string
	db     *sqlitedb.DB
	ctx    context.Context
	stderr io.Writer
	quiet  bool
	stored int

	mu      sync.Mutex // guards what the filter, on the batch's reader, counts
	seen    map[string]bool
	have    map[string]bool // the ids stored before, with --resume
	resumed int
	dups    []string
}

func newSQLiteSink(ctx context.Context, bf *batchFlags, tf *tableFlags, stderr io.Writer) (*sqliteSink, error) {
	db, err := sqlitedb.Open(ctx, tf.sqlite)
	if err != nil {
		return nil, err
	}
	s := &sqliteSink{path: tf.sqlite, db: db, ctx: ctx, stderr: stderr, quiet: tf.quiet, seen: map[string]bool{}}
	if tf.resume {
		if s.have, err = db.IDs(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	bf.keep = s.keep
	return s, nil
}

// keep reports whether a document is to be read: not when its id came
// earlier in the batch (the first is kept, as the database keys documents
// by id) or, with --resume, is stored already.
func (s *sqliteSink) keep(src corpus.Source) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[src.ID] {
		s.dups = append(s.dups, src.ID)
		return false
	}
	s.seen[src.ID] = true
	if s.have[src.ID] {
		s.resumed++
		return false
	}
	return true
}

func (s *sqliteSink) encode(r *policyfacts.Result) error {
	// a signal stops the batch after the document being stored, not in
	// the middle of its transaction (which would roll back, but fail the
	// command instead of reporting the interruption)
	if err := s.db.Put(context.WithoutCancel(s.ctx), r); err != nil {
		return err
	}
	s.stored++
	return nil
}

func (s *sqliteSink) commit() error {
	recs, err := s.db.Finish(s.ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	resumed, dups := s.resumed, s.dups
	s.mu.Unlock()
	if len(dups) > 0 {
		fmt.Fprintf(s.stderr, "policyfacts: %s with an id that came before, kept once (the first): %q\n", plural(len(dups), "document"), dups[:min(len(dups), 5)])
	}
	if !s.quiet {
		fmt.Fprintf(s.stderr, "policyfacts: %s: %s stored, %d already there passed over, %s\n", s.path, plural(s.stored, "document"), resumed, plural(len(recs), "record"))
	}
	err = s.db.Close()
	s.db = nil
	return err
}

func (s *sqliteSink) abort() {
	if s.db != nil {
		s.db.Close()
		s.db = nil
	}
}

// flush does nothing: each document is committed as it is written.
func (s *sqliteSink) flush() error { return nil }

func (s *sqliteSink) skipped() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumed + len(s.dups)
}

func (s *sqliteSink) note() string {
	return fmt.Sprintf("%s keeps the %s stored; run again with --resume to go on", s.path, plural(s.stored, "document"))
}

// keepSources yields the sources of src that keep accepts, and every
// error.
func keepSources(src iter.Seq2[corpus.Source, error], keep func(corpus.Source) bool) iter.Seq2[corpus.Source, error] {
	return func(yield func(corpus.Source, error) bool) {
		for s, err := range src {
			if err == nil && !keep(s) {
				continue
			}
			if !yield(s, err) {
				return
			}
		}
	}
}
