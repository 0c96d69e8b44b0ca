package policyfacts_test

import (
	"context"
	"fmt"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
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
