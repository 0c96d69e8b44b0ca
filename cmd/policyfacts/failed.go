package main

import (
	"bufio"
	"strings"

	"github.com/policyfacts/policyfacts"
)

// failedList collects the inputs of a batch that failed, for --failed:
// one line each, the input (a file, or archive#key for a row or member of
// an archive), a tab and the reason.
type failedList struct {
	b strings.Builder
}

// add notes the failed item it.
func (l *failedList) add(it policyfacts.Item) {
	name, reason := it.Failure()
	if name == "" {
		name = it.ID
	}
	l.b.WriteString(policyfacts.FailureLine(name, reason))
	l.b.WriteByte('\n')
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
