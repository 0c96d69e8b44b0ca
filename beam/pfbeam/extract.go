package pfbeam

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
)

func init() {
	register.DoFn5x1[context.Context, File, func(string), func(Doc), func(string), error](&extractFn{})
	register.Emitter1[string]()
	register.Emitter1[Doc]()
}

// LoadOptions are the corpus.Options a pipeline can carry to its workers
// (plain values, no functions): the flags of the same names of
// `policyfacts extract`.
type LoadOptions struct {
	Encoding   string `json:"encoding,omitempty"`     // decode as this encoding instead of detecting it
	TextColumn string `json:"text_column,omitempty"`  // CSV column or JSONL key of the text
	IDColumn   string `json:"id_column,omitempty"`    // CSV column or JSONL key of the row key
	MaxDocSize int64  `json:"max_doc_size,omitempty"` // largest document, in bytes; 0: corpus's default
}

func (o LoadOptions) corpus() corpus.Options {
	return corpus.Options{Encoding: o.Encoding, TextColumn: o.TextColumn, IDColumn: o.IDColumn,
		MaxFileSize: o.MaxDocSize, Cleaner: corpus.NewCleaner()}
}

// Doc is one document extracted without error, as the records stage
// reads it: its facts and its position in the input.
type Doc struct {
	// Order sorts the documents as a batch over the same files in
	// lexical order reads them: the file's path, a NUL byte, then the
	// document's position in the file (a row or a member of an archive,
	// a file of a directory), zero-padded.
	Order string
	Facts metrics.DocFacts
}

// defaultMaxDocSize is corpus.Options.MaxFileSize's default.
const defaultMaxDocSize = 256 << 20

// order returns the Order of the i-th document of the file at path.
func order(path string, i int) string { return fmt.Sprintf("%s\x00%012d", path, i) }

// Extract reads the files of files (a PCollection of File, from Match)
// and extracts their documents. It returns the results as JSON lines (a
// PCollection of string, each as Result.AppendJSON writes it, without
// the newline), the documents for Records (a PCollection of Doc), and the
// failures (a PCollection of string: the input, a file or archive#key, a
// tab and the reason, as `policyfacts extract --failed` writes them). A
// document that fails to load or extract, or that is damaged past
// corpus.MaxInvalid, is a failure with no result and no Doc, as in the
// CLI.
//
// Files are read through Beam's filesystems: a local path is walked by
// corpus.Sources as the CLI walks it (a directory too); a file on another
// filesystem (gs://, memfs://) is read whole and loaded from its bytes
// (an archive spooled to a temporary file first, for zip needs random
// access). An archive is extracted on as many goroutines as the worker
// has CPUs; other files on one each, the runner spreading the files over
// its workers.
func Extract(s beam.Scope, files beam.PCollection, o LoadOptions) (results, docs, failed beam.PCollection) {
	s = s.Scope("pfbeam.Extract")
	return beam.ParDo3(s, &extractFn{Load: o}, files)
}

// extractFn extracts the documents of one file. Its exported fields are
// what Beam serialises to the workers; the Extractor and the loading
// options are built once per instance, in Setup.
type extractFn struct {
	Load LoadOptions `json:"load"`

	ex   *policyfacts.Extractor
	opts corpus.Options
	line []byte
}

// Setup builds the Extractor and the cleaner the instance reuses for every
// element.
func (f *extractFn) Setup() {
	f.ex = policyfacts.New()
	f.opts = f.Load.corpus()
}

// ProcessElement extracts the documents of file. It fails (and the runner
// retries the file) only when the file cannot be fetched from a remote
// filesystem; a local file that cannot be read, and every document that
// cannot be loaded or extracted, is a failure line, as the CLI reports it.
func (f *extractFn) ProcessElement(ctx context.Context, file File, results func(string), docs func(Doc), failed func(string)) error {
	path := file.Path
	in, err := f.open(ctx, file)
	if err != nil {
		return fmt.Errorf("pfbeam: reading %s: %w", path, err)
	}
	defer in.close()
	workers := 1
	if in.many {
		workers = runtime.NumCPU()
	}
	i := 0
	for it := range policyfacts.BatchSeq(ctx, in.src, policyfacts.BatchOptions{Workers: workers, Extractor: f.ex}) {
		i++
		if it.Err != nil {
			failed(in.failure(it))
			continue
		}
		if file.ID != "" { // the base name was given by an earlier file
			if rest, ok := strings.CutPrefix(it.Result.Doc.ID, base(path)); ok {
				it.Result.Doc.ID = file.ID + rest
			}
		}
		line, err := it.Result.AppendJSON(f.line[:0])
		if err != nil {
			failed(in.failure(policyfacts.Item{ID: it.ID, Path: it.Path, Err: err}))
			continue
		}
		f.line = line
		results(string(line))
		docs(Doc{Order: order(path, i), Facts: it.Result.DocFacts()})
	}
	return ctx.Err()
}

// input is a file opened for extraction.
type input struct {
	path string
	src  iter.Seq2[corpus.Source, error] // its documents, not yet loaded
	many bool                            // an archive or a directory
	// as is the name its documents' errors give the file (a spooled
	// copy, or the id of a document loaded from bytes), when that is not
	// path.
	as    string
	close func() // removes what reading it left behind
}

// open returns the documents of file.
func (f *extractFn) open(ctx context.Context, file File) (*input, error) {
	path := file.Path
	kind := corpus.KindOf(path)
	in := &input{path: path, close: func() {}}
	in.many = kind == corpus.KindCSV || kind == corpus.KindJSONL || kind == corpus.KindZip
	if local(path) {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			in.many = true
		}
		in.src = corpus.Sources([]string{path}, f.opts)
		return in, nil
	}
	limit := f.opts.MaxFileSize
	if limit <= 0 {
		limit = defaultMaxDocSize
	}
	if file.Size > limit { // as corpus.Sources says it, without reading the file
		err := &corpus.FileError{Path: path, Err: fmt.Errorf("%w: over %d bytes", corpus.ErrTooLarge, limit)}
		in.src = one(corpus.Source{ID: base(path), Path: path}, err)
		return in, nil
	}
	b, err := read(ctx, path)
	if err != nil {
		return nil, err
	}
	if !in.many {
		src := corpus.NewSource(base(path), b, kind, f.opts)
		src.Path = path
		in.src, in.as = one(src, nil), src.ID
		return in, nil
	}
	// corpus reads archives from files: spool it, under its own name so
	// that the documents' ids are those of the CLI.
	dir, err := os.MkdirTemp("", "pfbeam-")
	if err != nil {
		return nil, err
	}
	in.close = func() {
		_ = os.RemoveAll(dir) // a temporary folder left behind does not fail the run
	}
	tmp := filepath.Join(dir, base(path))
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		in.close()
		return nil, err
	}
	in.src, in.as = corpus.Sources([]string{tmp}, f.opts), tmp
	return in, nil
}

// failure is the failure line of it: the input (the file, or archive#key),
// a tab and the reason, each on one line, as `policyfacts extract
// --failed` writes it.
func (in *input) failure(it policyfacts.Item) string {
	name, reason := it.Failure()
	if rest, ok := strings.CutPrefix(name, in.as); ok && in.as != "" {
		name = in.path + rest
	}
	if name == "" {
		name = in.path
	}
	return policyfacts.FailureLine(name, reason)
}

// read returns the content of the file at path, read through Beam's
// filesystems.
func read(ctx context.Context, path string) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(r)
	if cerr := r.Close(); err == nil {
		err = cerr
	}
	return b, err
}

// local reports whether path is on the local filesystem (it has no
// scheme://).
func local(path string) bool { return !strings.Contains(path, "://") }

// base is the last element of a path or URL.
func base(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return filepath.Base(path)
}

// one yields a single source.
func one(s corpus.Source, err error) iter.Seq2[corpus.Source, error] {
	return func(yield func(corpus.Source, error) bool) { yield(s, err) }
}
