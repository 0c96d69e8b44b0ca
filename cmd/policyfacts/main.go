// Command policyfacts reads Chinese government speeches and work reports
// and prints the figures they state as JSON lines or CSV, or writes them
// as tables: Parquet files (--format parquet) or a SQLite database
// (--sqlite FILE, which --resume finishes after an interruption).
//
// Usage:
//
//	policyfacts extract [flags] PATH...   one JSON object per document
//	policyfacts records [flags] PATH...   annual records: region × year × indicator × kind
//	policyfacts clean [flags] FILE...     the cleaned text, for checking the cleaner
//	policyfacts segment [flags] FILE...   the text cut into words
//	policyfacts keywords [flags] FILE...  the top terms of each document
//	policyfacts serve [flags]             an HTTP service: POST /v1/extract, /v1/records
//
// A PATH of "-" reads standard input: a document, or JSON lines or CSV
// (one document a line or row), told apart by content.
//
// Run "policyfacts help COMMAND" for the flags of a command. Exit status is
// 0 when every document was processed, 1 when some could not be read or
// decoded (each is named on stderr and the batch goes on) or when the
// paths hold no document, 2 for bad usage, and 128 + the signal's number
// when SIGINT (130), SIGTERM (143) or SIGHUP (129) stopped a batch, whose
// output file is then not written (an earlier one is kept).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

// stdin is what the path "-" reads: standard input, replaced in tests.
var stdin io.Reader = os.Stdin

// errUsage marks a usage error (exit status 2).
var errUsage = errors.New("usage")

// errSomeFailed marks a batch where some documents failed (exit status 1).
var errSomeFailed = errors.New("some documents failed")

// errNoDocuments is the error of a batch whose paths hold no document (an
// empty directory, or one of files that are no documents): exit status 1.
var errNoDocuments = errors.New("no documents in the paths given")

// noDocuments returns errNoDocuments, saying how many files were passed
// over as no document.
func noDocuments(skipped int) error {
	if skipped > 0 {
		return fmt.Errorf("%w (%s passed over as no document)", errNoDocuments, plural(skipped, "file"))
	}
	return errNoDocuments
}

type command struct {
	name    string
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"extract", "extract quantities and document metadata as JSON lines, CSV, Parquet or SQLite", "policyfacts extract [flags] PATH...", runExtract},
		{"records", "normalise facts into annual records (CSV long or wide, JSONL)", "policyfacts records [flags] PATH...", runRecords},
		{"clean", "print the cleaned text of documents", "policyfacts clean [flags] FILE...", runClean},
		{"segment", "cut documents into words (jieba-style output)", "policyfacts segment [--pos] [--backend gse|jieba] FILE...", runSegment},
		{"keywords", "the top terms of each document by TF-IDF", "policyfacts keywords [-n 20] FILE...", runKeywords},
		{"serve", "serve extract and records over HTTP (JSON)", "policyfacts serve [--addr 127.0.0.1:8080] [flags]", runServe},
	}
}

func main() {
	tuneGC(os.Getenv("GOGC"))
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// cliGCPercent is the collector's target the command runs with unless
// GOGC says otherwise: a batch's live heap is a few megabytes of tables,
// so the default (100) collects every few documents; at 200 a batch over
// two workers runs about an eighth faster for 4 MB more memory.
const cliGCPercent = 200

// tuneGC sets the collector's target to cliGCPercent when gogc, the GOGC
// environment variable, is empty, and leaves it to the user otherwise.
func tuneGC(gogc string) {
	if gogc == "" {
		debug.SetGCPercent(cliGCPercent)
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		mainUsage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					_ = c.run([]string{"-h"}, stdout, stdout) // prints the command's help
					return 0
				}
			}
			fmt.Fprintf(stderr, "policyfacts: unknown command %q\n", args[1])
			return 2
		}
		mainUsage(stdout)
		return 0
	case "version", "--version":
		fmt.Fprintf(stdout, "policyfacts %s (schema version %s)\n", version, policyfacts.SchemaVersion)
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(args[1:], stdout, stderr)
			var ie *interruptedError
			switch {
			case errors.As(err, &ie):
				fmt.Fprintln(stderr, "policyfacts:", err)
				return ie.exitCode()
			case err == nil, errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			case errors.Is(err, errSomeFailed):
				return 1
			default:
				fmt.Fprintln(stderr, "policyfacts:", err)
				return 1
			}
		}
	}
	fmt.Fprintf(stderr, "policyfacts: unknown command %q\n\n", name)
	mainUsage(stderr)
	return 2
}

const version = "0.1.0"

func mainUsage(w io.Writer) {
	fmt.Fprintln(w, "policyfacts turns Chinese government speeches and work reports into data.")
	fmt.Fprintln(w, "\nUsage:\n\n\tpolicyfacts <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\tversion    print the version and the output schema version")
	fmt.Fprintln(w, "\nRun \"policyfacts help <command>\" for a command's flags.")
}

// parseInterleaved parses flags that may stand before or after the
// positional arguments (policyfacts extract a.txt -o out.jsonl).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseArgs parses a command's flags and arguments. -h gives
// flag.ErrHelp; a bad flag gives errUsage (the flag package has already
// said what is wrong).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	paths, err := parseInterleaved(fs, args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return nil, errUsage
	}
	return paths, err
}

func newFlagSet(c string, usage string, stderr io.Writer, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\n%s\n\nFlags:\n", usage, strings.TrimSpace(help))
		fs.PrintDefaults()
	}
	return fs
}

// eachDoc calls fn with each document of src, naming on stderr those that
// cannot be read; it returns errSomeFailed if any could not, and
// noDocuments if src holds none (skipped counts the files passed over).
func eachDoc(src iter.Seq2[corpus.Document, error], stderr io.Writer, skipped *atomic.Int64, fn func(corpus.Document) error) error {
	n, failed := 0, 0
	for doc, err := range src {
		n++
		if err != nil {
			fmt.Fprintln(stderr, "policyfacts:", err)
			failed++
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	if failed > 0 {
		return errSomeFailed
	}
	if n == 0 {
		return noDocuments(int(skipped.Load()))
	}
	return nil
}
