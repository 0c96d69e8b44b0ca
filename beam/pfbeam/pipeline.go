package pfbeam

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables/parquetfile"
)

func init() {
	register.DoFn3x1[context.Context, []byte, func(*string) bool, error](&writeFn{})
	register.DoFn3x1[context.Context, []byte, func(*string) bool, error](&writeParquetFn{})
	register.Iter1[string]()
	register.Function3x0(nameFiles)
	register.Iter1[fileio.FileMetadata]()
	register.Emitter1[File]()
}

// Options configure Build.
type Options struct {
	// Inputs are the globs of the files to read: local paths, or URLs of a
	// filesystem the program has registered (gs:// with Beam's gcs
	// package). A glob with a wildcard may match nothing; one without
	// must match a file.
	Inputs []string
	// Results, Records and Failed are the files the results, the records
	// and the failures are written to, as JSON lines (failures: input TAB
	// reason); "" writes none. A file is written even when empty.
	Results, Records, Failed string
	// RecordsParquet is the file the records are written to as Parquet,
	// in the long form of `policyfacts records --format parquet`, sorted
	// by their JSON lines; "" writes none.
	RecordsParquet string
	// Load are the loading options of the CLI's flags of the same names.
	Load LoadOptions
}

// ErrNoInput reports Options with no glob to read.
var ErrNoInput = errors.New("pfbeam: no input glob")

// ErrNoOutput reports Options that write nothing.
var ErrNoOutput = errors.New("pfbeam: no output file (results, records, records as Parquet or failed)")

// Build adds the pipeline of o to s: match the globs, read and extract
// their documents (Extract), build the records (Records), and write the
// outputs o names.
func Build(s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return ErrNoInput
	}
	if o.Results == "" && o.Records == "" && o.Failed == "" && o.RecordsParquet == "" {
		return ErrNoOutput
	}
	for _, p := range []string{o.Results, o.Records, o.Failed, o.RecordsParquet} {
		if p == "" {
			continue
		}
		fs, err := filesystem.New(context.Background(), p)
		if err != nil {
			return fmt.Errorf("pfbeam: %s: %w", p, err)
		}
		if err := fs.Close(); err != nil {
			return fmt.Errorf("pfbeam: %s: %w", p, err)
		}
	}
	files := Match(s, o.Inputs...)
	results, docs, failed := Extract(s, files, o.Load)
	if o.Results != "" {
		Write(s.Scope("results"), o.Results, results)
	}
	if o.Records != "" || o.RecordsParquet != "" {
		recs := Records(s, docs)
		if o.Records != "" {
			Write(s.Scope("records"), o.Records, recs)
		}
		if o.RecordsParquet != "" {
			WriteParquet(s.Scope("records"), o.RecordsParquet, recs)
		}
	}
	if o.Failed != "" {
		Write(s.Scope("failed"), o.Failed, failed)
	}
	return nil
}

// File is a file to extract, as Match gives it.
type File struct {
	Path string // as the glob matched it: a local path or a URL
	Size int64
	// ID, when not "", is the id its documents take instead of the file's
	// base name (and archive rows as ID#key), because a file earlier in
	// lexical order has the same base name: its path, relative to the
	// working directory when it lies below it, as corpus.Sources names
	// it (site2/report.txt beside site1's report.txt).
	ID string
}

// Match returns the files the globs match, as a PCollection of File
// (their contents not read, a .gz not unpacked), with the ids that keep
// the documents' ids unique in the run, reshuffled so that the runner
// spreads them over its workers.
func Match(s beam.Scope, globs ...string) beam.PCollection {
	s = s.Scope("pfbeam.Match")
	patterns := make([]any, len(globs))
	for i, g := range globs {
		patterns[i] = g
	}
	matched := fileio.MatchAll(s, beam.Create(s, patterns...), fileio.MatchEmptyAllowIfWildcard())
	files := beam.ParDo(s, nameFiles, beam.GroupByKey(s, beam.AddFixedKey(s, matched)))
	return beam.Reshuffle(s, files)
}

// nameFiles gives the files, all of them, their ids: in lexical order of
// their paths, a file whose base name an earlier one has takes its path,
// as corpus.Sources does for the paths of one batch.
func nameFiles(_ int, files func(*fileio.FileMetadata) bool, emit func(File)) {
	var all []fileio.FileMetadata
	var md fileio.FileMetadata
	for files(&md) {
		all = append(all, md)
	}
	slices.SortFunc(all, func(a, b fileio.FileMetadata) int { return strings.Compare(a.Path, b.Path) })
	seen := map[string]bool{}
	for _, md := range all {
		f := File{Path: md.Path, Size: md.Size}
		if id := base(md.Path); seen[id] {
			f.ID = relPath(md.Path)
		}
		seen[base(md.Path)] = true
		if f.ID != "" {
			seen[f.ID] = true
		}
		emit(f)
	}
}

// relPath returns a local path relative to the working directory when it
// lies below it, else cleaned, with forward slashes; a URL as it is.
func relPath(p string) string {
	if !local(p) {
		return p
	}
	p = filepath.Clean(p)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

// Write writes the lines of col (a PCollection of string) to the file at
// path, one a line, in no particular order; the file is written even when
// col is empty. One worker writes the whole file.
func Write(s beam.Scope, path string, col beam.PCollection) {
	s = s.Scope("pfbeam.Write")
	beam.ParDo0(s, &writeFn{Path: path}, beam.Impulse(s), beam.SideInput{Input: col})
}

// writeFn writes its side input to Path.
type writeFn struct {
	Path string `json:"path"`
}

// ProcessElement writes the lines to the file.
func (w *writeFn) ProcessElement(ctx context.Context, _ []byte, lines func(*string) bool) error {
	return writeFile(ctx, w.Path, func(bw *bufio.Writer) error {
		var line string
		for lines(&line) {
			bw.WriteString(line)
			bw.WriteByte('\n')
		}
		return nil // the first write error is Flush's
	})
}

// writeFile creates the file at path on its filesystem and writes it
// through a buffer with write; an error names the file.
func writeFile(ctx context.Context, path string, write func(*bufio.Writer) error) (err error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("pfbeam: %s: %w", path, err)
	}
	defer fs.Close()
	f, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return fmt.Errorf("pfbeam: %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("pfbeam: writing %s: %w", path, err)
	}
	return nil
}

// WriteParquet writes the records of recs (a PCollection of JSON lines, from
// Records) to the file at path as Parquet, in the long form of
// `policyfacts records --format parquet` (parquetfile.WriteRecords),
// sorted by their JSON lines. One worker writes the file, holding all the
// records in memory.
func WriteParquet(s beam.Scope, path string, recs beam.PCollection) {
	s = s.Scope("pfbeam.WriteParquet")
	beam.ParDo0(s, &writeParquetFn{Path: path}, beam.Impulse(s), beam.SideInput{Input: recs})
}

// writeParquetFn writes its side input of records to Path as Parquet.
type writeParquetFn struct {
	Path string `json:"path"`
}

// ProcessElement decodes, sorts and writes the records.
func (w *writeParquetFn) ProcessElement(ctx context.Context, _ []byte, lines func(*string) bool) error {
	var all []string
	var line string
	for lines(&line) {
		all = append(all, line)
	}
	slices.Sort(all)
	recs := make([]metrics.Record, len(all))
	for i, l := range all {
		if err := json.Unmarshal([]byte(l), &recs[i]); err != nil {
			return fmt.Errorf("pfbeam: a record: %w", err)
		}
	}
	return writeFile(ctx, w.Path, func(bw *bufio.Writer) error { return parquetfile.WriteRecords(bw, recs) })
}
