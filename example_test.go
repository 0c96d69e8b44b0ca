package policyfacts_test

import (
	"context"
	"fmt"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
)

func ExampleExtract() {
	doc := corpus.FromText("speech.txt", "县长在全县招商引资大会上的讲话\n去年全县协议引资86亿元，同比增长12.5%。今年要确保突破100亿元。", corpus.Meta{}, nil)
	res, err := policyfacts.Extract(context.Background(), doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*res.Doc.Title)
	for _, q := range res.Quantities {
		fmt.Printf("%s %g %s %s %q\n", q.Text, q.Value, q.Unit, q.Bound, doc.Raw[q.Start:q.End])
	}
	// Output:
	// 县长在全县招商引资大会上的讲话
	// 86亿元 8.6e+09 CNY eq "86亿元"
	// 12.5% 12.5 % eq "12.5%"
	// 突破100亿元 1e+10 CNY gt "突破100亿元"
}

func ExampleBatch() {
	// Sources held in memory; corpus.Sources(paths, opts) walks files the
	// same way. The workers decode, clean and extract; items come in order.
	texts := []string{"去年全市协议引资204亿元。", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "今年力争新签约项目50个以上。"}
	src := func(yield func(corpus.Source, error) bool) {
		for i, t := range texts {
			if !yield(corpus.NewSource(fmt.Sprintf("doc%d.txt", i), []byte(t), corpus.KindText, corpus.Options{}), nil) {
				return
			}
		}
	}
	for it := range policyfacts.Batch(context.Background(), src, policyfacts.BatchOptions{Workers: 2}) {
		if it.Err != nil {
			fmt.Println(it.ID, "failed:", it.Err)
			continue
		}
		for _, f := range it.Result.Facts {
			fmt.Println(it.ID, f.Quantity.Text, f.Kind)
		}
	}
	// Output:
	// doc0.txt 204亿元 actual
	// doc1.txt failed: doc1.txt: corpus: binary data, not text
	// doc2.txt 50个以上 target
}

func ExampleBatchSeq() {
	// The first document with a target, then stop: leaving the loop
	// cancels the rest of the batch.
	texts := []string{"去年全市协议引资204亿元。", "今年力争新签约项目50个以上。", "今年地区生产总值增长6%左右。"}
	src := func(yield func(corpus.Source, error) bool) {
		for i, t := range texts {
			if !yield(corpus.NewSource(fmt.Sprintf("doc%d.txt", i), []byte(t), corpus.KindText, corpus.Options{}), nil) {
				return
			}
		}
	}
	for it := range policyfacts.BatchSeq(context.Background(), src, policyfacts.BatchOptions{Workers: 2}) {
		if it.Err == nil && len(it.Result.Facts) > 0 && it.Result.Facts[0].Kind == extract.Target {
			fmt.Println(it.ID, it.Result.Facts[0].Quantity.Text)
			break
		}
	}
	// Output:
	// doc1.txt 50个以上
}
