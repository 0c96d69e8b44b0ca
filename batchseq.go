package policyfacts

import (
	"context"
	"iter"

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
