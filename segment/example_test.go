package segment_test

import (
	"fmt"
	"strings"

	"github.com/policyfacts/policyfacts/segment"
)

func ExampleNew() {
	s, err := segment.New()
	if err != nil {
		panic(err)
	}
	var words []string
	for _, t := range s.Cut("协议引资204亿元，市外到位资金增长15%。") {
		words = append(words, t.Text)
	}
	fmt.Println(strings.Join(words, " "))
	// Output: 协议引资 204 亿元 ， 市外到位资金 增长 15 % 。
}

func ExampleSegmenter_Cut() {
	s, err := segment.New()
	if err != nil {
		panic(err)
	}
	text := "优化营商环境"
	for _, t := range s.Cut(text) {
		fmt.Printf("%s/%s [%d,%d) %q\n", t.Text, t.POS, t.Start, t.End, text[t.Start:t.End])
	}
	// Output:
	// 优化/vn [0,6) "优化"
	// 营商环境/nz [6,18) "营商环境"
}

func ExampleKeywords() {
	s, err := segment.New()
	if err != nil {
		panic(err)
	}
	text := "同志们，今年要壮大新能源汽车产业，引进动力电池项目，新能源汽车产值增长30%。"
	for _, k := range segment.Keywords(s.Cut(text), 3) {
		fmt.Println(k.Text, k.Count)
	}
	// Output:
	// 新能源汽车 2
	// 动力电池 1
	// 产业 1
}

func ExampleWithWords() {
	s, err := segment.New(segment.WithWords(segment.Word{Text: "合汽生材", POS: "nz"}))
	if err != nil {
		panic(err)
	}
	var words []string
	for _, t := range s.Cut("打造合汽生材产业集群") {
		words = append(words, t.Text)
	}
	fmt.Println(strings.Join(words, "|"))
	// Output: 打造|合汽生材|产业集群
}
