package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/segment"
)

const segmentHelp = `
Segment cuts the cleaned text of each document into words and prints them
separated by spaces, one output line per line of text, like the jieba
command line. With several documents, each is introduced by a line
"==> ID <==".`

const keywordsHelp = `
Keywords prints the top terms of each document by TF-IDF, with an IDF
suited to policy text, as tab-separated lines: document id, rank, term,
weight, count (a header line first). With -o the table is written
atomically: a run stopped by a signal or an error leaves no file, and an
earlier file in place.`

// segFlags are the flags that build a segmenter.
type segFlags struct {
	loadFlags
	backend string
	noHMM   bool
	dict    string
	sample  bool
}

func (f *segFlags) register(fs *flag.FlagSet) {
	f.loadFlags.register(fs)
	fs.StringVar(&f.backend, "backend", string(segment.GSE), "segmenter: gse (pure Go) or jieba (builds with -tags jieba)")
	fs.BoolVar(&f.noHMM, "no-hmm", false, "no new-word discovery: characters the dictionary leaves single stay single")
	fs.StringVar(&f.dict, "dict", "", "a user dictionary to add (jieba format: word [freq] [POS] per line)")
	fs.BoolVar(&f.sample, "sample", false, "use the embedded sample document")
}

func (f *segFlags) segmenter(extra ...segment.Option) (segment.Segmenter, error) {
	opts := []segment.Option{segment.WithBackend(segment.Backend(f.backend)), segment.WithHMM(!f.noHMM)}
	if f.dict != "" {
		b, err := os.ReadFile(f.dict)
		if err != nil {
			return nil, err
		}
		words, err := segment.ParseDict(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.dict, err)
		}
		opts = append(opts, segment.WithWords(words...))
	}
	return policyfacts.NewSegmenter(append(opts, extra...)...)
}

// parse parses the arguments, checks there is input and builds the
// segmenter; extra gives options that depend on the parsed flags.
func (f *segFlags) parse(fs *flag.FlagSet, args []string, stderr io.Writer, extra func() []segment.Option) ([]string, segment.Segmenter, error) {
	paths, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if err := checkInput(fs, paths, f.sample, stderr); err != nil {
		return nil, nil, err
	}
	seg, err := f.segmenter(extra()...)
	if err != nil {
		fmt.Fprintf(stderr, "policyfacts %s: %v\n", fs.Name(), err)
		if errors.Is(err, segment.ErrUnknownBackend) || errors.Is(err, segment.ErrNotBuilt) {
			return nil, nil, errUsage
		}
		return nil, nil, err
	}
	return paths, seg, nil
}

func runSegment(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("segment", "policyfacts segment [flags] FILE...", stderr, segmentHelp)
	var f segFlags
	f.register(fs)
	pos := fs.Bool("pos", false, "print each word as word/POS")
	search := fs.Bool("search", false, "search mode: long words are followed by the shorter words inside them")
	paths, seg, err := f.parse(fs, args, stderr, func() []segment.Option { return []segment.Option{segment.WithSearch(*search)} })
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	n := 0
	err = eachDoc(f.source(paths, f.sample), stderr, &f.skipped, func(doc corpus.Document) error {
		if n > 0 || len(paths) > 1 {
			fmt.Fprintf(w, "==> %s <==\n", doc.ID)
		}
		n++
		writeTokens(w, seg.Cut(doc.Clean), *pos)
		return w.Flush()
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// writeTokens prints tokens separated by spaces; a line break in the text
// ends the output line, other spaces are dropped.
func writeTokens(w *bufio.Writer, tokens []segment.Token, pos bool) {
	sep := ""
	for _, t := range tokens {
		if strings.TrimSpace(t.Text) == "" {
			if strings.Contains(t.Text, "\n") && sep != "" {
				w.WriteByte('\n')
				sep = ""
			}
			continue
		}
		w.WriteString(sep)
		w.WriteString(t.Text)
		if pos {
			w.WriteByte('/')
			w.WriteString(t.POS)
		}
		sep = " "
	}
	if sep != "" {
		w.WriteByte('\n')
	}
}

func runKeywords(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("keywords", "policyfacts keywords [-n 20] [flags] FILE...", stderr, keywordsHelp)
	var f segFlags
	f.register(fs)
	n := fs.Int("n", 20, "number of keywords per document")
	out := fs.String("o", "", "write to this `FILE` (atomically: a temporary file renamed at the end) instead of stdout")
	bom := fs.Bool("bom", false, "start the table with a UTF-8 byte-order mark (for Excel)")
	paths, seg, err := f.parse(fs, args, stderr, func() []segment.Option { return nil })
	if err != nil {
		return err
	}
	if *n < 1 {
		fmt.Fprintf(stderr, "policyfacts keywords: -n must be at least 1, not %d\n", *n)
		return errUsage
	}
	ctx, received, stop := signalContext()
	defer stop()
	o, err := openOutput(*out, stdout)
	if err != nil {
		return err
	}
	defer o.abort()
	w := bufio.NewWriter(o)
	if *bom {
		w.WriteString("\uFEFF")
	}
	w.WriteString("doc\trank\tterm\tweight\tcount\n")
	docs := 0
	err = eachDoc(interruptible(ctx, f.source(paths, f.sample)), stderr, &f.skipped, func(doc corpus.Document) error {
		docs++
		for i, k := range segment.Keywords(seg.Cut(doc.Clean), *n) {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%d\n", doc.ID, i+1, k.Text, strconv.FormatFloat(k.Weight, 'f', 4, 64), k.Count)
		}
		if *out != "" {
			return nil // flushed at the end
		}
		return w.Flush()
	})
	if ctx.Err() != nil {
		return &interruptedError{sig: received(), n: docs, out: *out}
	}
	if err != nil && !errors.Is(err, errSomeFailed) {
		return err
	}
	if ferr := w.Flush(); ferr != nil {
		return ferr
	}
	if cerr := o.commit(); cerr != nil {
		return cerr
	}
	return err
}
