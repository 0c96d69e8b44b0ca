package policyfacts

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/policyfacts/policyfacts/corpus"
)

// BatchSeq is Batch as an iterator: it yields the Items in input order, and
// when the loop over it ends early (break, return, a panic) it cancels the
// batch, so that every goroutine Batch started ends (each after the
// document it is working on) instead of staying blocked on a consumer that
// went away. Cancelling ctx ends the iteration as it ends Batch. A
// goroutine reading src stays blocked for as long as src itself blocks (a
// file that never delivers its bytes), as it does under Batch.
func BatchSeq(ctx context.Context, src iter.Seq2[corpus.Source, error], opts BatchOptions) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		items := Batch(ctx, src, opts)
		defer func() {
			cancel()
			for range items { // the collector closes it once it has seen the cancel
			}
		}()
		for it := range items {
			if !yield(it) {
				return
			}
		}
	}
}

// Failure returns what failed in an Item with an error and why: the input
// (the file, or archive#key for a row or member of an archive, as its
// *corpus.FileError names it; else the Item's Path) and the reason.
func (it Item) Failure() (input, reason string) {
	input, err := it.Path, it.Err
	var fe *corpus.FileError
	if errors.As(err, &fe) {
		input, err = fe.Path, fe.Err
	}
	if err == nil {
		return input, ""
	}
	return input, err.Error()
}

// FailureLine is the line a list of failed inputs holds for one: the input,
// a tab and the reason, with the tabs and line breaks inside either written
// as spaces, and no newline.
func FailureLine(input, reason string) string {
	oneField := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return oneField(input) + "\t" + oneField(reason)
}
