//go:build jieba

package policyfacts

import (
	"testing"

	"github.com/yanyiwu/gojieba"

	"github.com/policyfacts/policyfacts/segment"
)

// segmentBaselines is gojieba's plain Cut with its HMM, over the same
// dictionary data: the baseline the pipeline's throughput is compared with.
var segmentBaselines = []segmentBaseline{
	{"gojieba-Cut", func(b *testing.B) func(string) int {
		paths, err := segment.JiebaFiles()
		if err != nil {
			b.Fatal(err)
		}
		x := gojieba.NewJieba(paths...)
		return func(s string) int { return len(x.Cut(s, true)) }
	}},
}
