package policyfacts

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts/corpus"
)

// sampleSources yields n copies of the sample as sources.
func sampleSources(n int) iter.Seq2[corpus.Source, error] {
	return func(yield func(corpus.Source, error) bool) {
		src := corpus.SourceOf(Sample())
		for range n {
			if !yield(src, nil) {
				return
			}
		}
	}
}

// settle waits until the number of goroutines is at most n, for up to
// two seconds, and returns the last count.
func settle(n int) int {
	deadline := time.Now().Add(2 * time.Second)
	for {
		g := runtime.NumGoroutine()
		if g <= n || time.Now().After(deadline) {
			return g
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBatchSeqStopsEarly leaves a BatchSeq loop after one item and checks
// that the goroutines of the batch end; the same loop over Batch's channel
// without a cancel leaves them blocked, which is what BatchSeq is for.
func TestBatchSeqStopsEarly(t *testing.T) {
	base := settle(runtime.NumGoroutine())
	n := 0
	for it := range BatchSeq(context.Background(), sampleSources(50), BatchOptions{Workers: 2}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		if n++; n == 1 {
			break
		}
	}
	if g := settle(base); g > base {
		t.Errorf("%d goroutines after leaving BatchSeq early, %d before", g, base)
	}

	ctx, cancel := context.WithCancel(context.Background())
	for range Batch(ctx, sampleSources(50), BatchOptions{Workers: 2}) {
		break
	}
	time.Sleep(50 * time.Millisecond)
	if g := runtime.NumGoroutine(); g <= base {
		t.Errorf("leaving Batch's channel without a cancel left %d goroutines, %d before: the leak this test guards against is not shown", g, base)
	}
	cancel()
	if g := settle(base); g > base {
		t.Errorf("%d goroutines after cancelling Batch, %d before", g, base)
	}
}

// TestBatchSeqAll yields every document in input order, as Batch does.
func TestBatchSeqAll(t *testing.T) {
	i := 0
	for it := range BatchSeq(context.Background(), sampleSources(7), BatchOptions{Workers: 3}) {
		if it.Err != nil || it.Index != i {
			t.Fatalf("item %d: index %d, err %v", i, it.Index, it.Err)
		}
		i++
	}
	if i != 7 {
		t.Errorf("%d items, want 7", i)
	}
}

// TestFailureLine names the file or row a failure came from, and keeps the
// line one line whatever the reason says.
func TestFailureLine(t *testing.T) {
	it := Item{Path: "a.zip", Err: &corpus.FileError{Path: "a.zip#b\tc.txt", Err: errors.New("bad\nbyte")}}
	in, why := it.Failure()
	if got := FailureLine(in, why); got != "a.zip#b c.txt\tbad byte" {
		t.Errorf("FailureLine = %q", got)
	}
	if in, _ := (Item{Path: "x.txt", Err: errors.New("no")}).Failure(); in != "x.txt" {
		t.Errorf("input %q, want the Item's path", in)
	}
}
