package policyfacts

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/segment"
)

// docs yields n documents, of which those in bad fail to read and those
// in binary fail to load.
func docs(n int, bad, binary map[int]bool) iter.Seq2[corpus.Source, error] {
	return func(yield func(corpus.Source, error) bool) {
		for i := range n {
			id := fmt.Sprintf("d%03d", i)
			if bad[i] {
				if !yield(corpus.Source{ID: id}, &corpus.FileError{Path: id, Err: corpus.ErrBinary}) {
					return
				}
				continue
			}
			text := strings.Repeat("协议引资204亿元，增长8%以上。", i%7+1)
			if binary[i] {
				text = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
			}
			if !yield(corpus.NewSource(id, []byte(text), corpus.KindText, corpus.Options{}), nil) {
				return
			}
		}
	}
}

func TestBatchOrderAndErrors(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		var got []string
		failed := 0
		for it := range Batch(context.Background(), docs(100, map[int]bool{3: true, 50: true}, map[int]bool{7: true, 99: true}), BatchOptions{Workers: workers}) {
			got = append(got, it.ID)
			if it.Err != nil {
				failed++
				if !errors.Is(it.Err, corpus.ErrBinary) {
					t.Errorf("error %v", it.Err)
				}
				continue
			}
			if want := 2 * ((it.Index)%7 + 1); len(it.Result.Quantities) != want {
				t.Errorf("%s: %d quantities, want %d", it.ID, len(it.Result.Quantities), want)
			}
		}
		if len(got) != 100 || failed != 4 {
			t.Fatalf("workers=%d: %d items, %d failed", workers, len(got), failed)
		}
		for i, id := range got {
			if id != fmt.Sprintf("d%03d", i) {
				t.Fatalf("workers=%d: item %d is %s: out of order", workers, i, id)
			}
		}
	}
}

func TestBatchCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range Batch(ctx, docs(10000, nil, nil), BatchOptions{Workers: 2}) {
		n++
		if n == 10 {
			cancel()
		}
	}
	if n >= 10000 {
		t.Errorf("cancel did not stop the batch")
	}
}

func TestSample(t *testing.T) {
	res, err := Extract(context.Background(), Sample())
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc.Title == nil || *res.Doc.Title != "2025年青禾市人民政府工作报告" || res.Doc.Date == nil || *res.Doc.Date != "2025-01-16" {
		t.Errorf("doc = %+v", res.Doc)
	}
	if len(res.Quantities) < 30 {
		t.Errorf("sample gives %d quantities, want at least 30", len(res.Quantities))
	}
}

// TestNewSegmenter checks that the project's vocabularies reach the
// segmenter: every indicator alias and sector name without brackets,
// standing alone, is one token, and place names are kept whole in a
// sentence.
func TestNewSegmenter(t *testing.T) {
	s, err := NewSegmenter(segment.WithHMM(false))
	if err != nil {
		t.Fatal(err)
	}
	words := append(metrics.DefaultCatalogue().Words(), extract.SectorNames()...)
	for _, w := range words {
		if strings.ContainsAny(w, "（）()、·") {
			continue // symbols are tokens of their own
		}
		if got := s.Cut(w); len(got) != 1 {
			t.Errorf("Cut(%q) = %d tokens, want 1", w, len(got))
		}
	}
	var got []string
	for _, tk := range s.Cut("凉山彝族自治州和彝良县实际到位市外资金增长") {
		got = append(got, tk.Text)
	}
	if want := "凉山彝族自治州|和|彝良县|实际到位市外资金|增长"; strings.Join(got, "|") != want {
		t.Errorf("Cut = %s, want %s", strings.Join(got, "|"), want)
	}
}
