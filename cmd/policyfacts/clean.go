package main

import (
	"fmt"
	"io"

	"github.com/policyfacts/policyfacts/corpus"
)

const cleanHelp = `
Clean prints the cleaned text of each document: the text extraction reads,
with site chrome, paywall notices and page artefacts removed and characters
normalised. With several documents, each is introduced by a line "==> ID <==".`

func runClean(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("clean", "policyfacts clean [flags] FILE...", stderr, cleanHelp)
	var lf loadFlags
	lf.register(fs)
	meta := fs.Bool("meta", false, "print the document metadata found (title, date, source) before the text")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	n := 0
	return eachDoc(corpus.Walk(paths, lf.options()), stderr, &lf.skipped, func(doc corpus.Document) error {
		if n > 0 || len(paths) > 1 {
			fmt.Fprintf(stdout, "==> %s <==\n", doc.ID)
		}
		n++
		if *meta {
			fmt.Fprintf(stdout, "title: %s\ndate: %s (%s)\nsource: %s\nencoding: %s\n\n", doc.Meta.Title, doc.Meta.Date, doc.Meta.DateKind, doc.Meta.Source, doc.Encoding)
		}
		_, err := fmt.Fprintln(stdout, doc.Clean)
		return err
	})
}
