package corpus_test

import (
	"fmt"
	"strings"

	"github.com/policyfacts/policyfacts/corpus"
)

func ExampleOffsetMap_Raw() {
	raw := "当前位置：首页 > 讲话\n协议引资２０４亿元,同比增长31.3%\n关于我们 | 网站地图"
	doc := corpus.FromText("a.txt", raw, corpus.Meta{}, nil)
	fmt.Println(doc.Clean)
	i := strings.Index(doc.Clean, "204亿元")
	start, end := doc.Map.RawSpan(i, i+len("204亿元"))
	fmt.Println(raw[start:end])
	// Output:
	// 协议引资204亿元，同比增长31.3%
	// ２０４亿元
}

func ExampleSentences() {
	text := "一、2023年工作回顾\n全市协议引资204亿元。到位资金增长31.3%！\n二、今年目标任务\n确保协议引资250亿元以上。"
	secs := corpus.Sections(text)
	for _, s := range corpus.Sentences(text) {
		kind := "-"
		if s.Section >= 0 {
			kind = secs[s.Section].Kind.String()
		}
		fmt.Printf("%s\t%s\n", kind, text[s.Start:s.End])
	}
	// Output:
	// review	一、2023年工作回顾
	// review	全市协议引资204亿元。
	// review	到位资金增长31.3%！
	// plan	二、今年目标任务
	// plan	确保协议引资250亿元以上。
}
