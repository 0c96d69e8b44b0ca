package main

import (
	"bufio"
	"errors"
	"strings"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

// failedList collects the inputs of a batch that failed, for --failed:
// one line each, the input (a file, or archive#key for a row or member of
// an archive), a tab and the reason.
type failedList struct {
	b strings.Builder
}

// add notes the failed item it.
func (l *failedList) add(it policyfacts.Item) {
	name, err := it.Path, it.Err
	var fe *corpus.FileError
	if errors.As(err, &fe) {
		name, err = fe.Path, fe.Err
	}
	if name == "" {
		name = it.ID
	}
	l.b.WriteString(oneField(name))
	l.b.WriteByte('\t')
	l.b.WriteString(oneField(err.Error()))
	l.b.WriteByte('\n')
}

// oneField replaces the tabs and line breaks of s with spaces.
func oneField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// write writes the list to path atomically (an empty file when nothing
// failed, so that a list of an earlier run is not mistaken for this one's).
func (l *failedList) write(path string) error {
	o, err := openOutput(path, nil)
	if err != nil {
		return err
	}
	defer o.abort()
	w := bufio.NewWriter(o)
	w.WriteString(l.b.String())
	if err := w.Flush(); err != nil {
		return err
	}
	return o.commit()
}
