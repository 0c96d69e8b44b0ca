package extract_test

import (
	"fmt"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
)

func ExampleParseNumber() {
	for _, s := range []string{"三千二百万", "3.5万亿", "1,234.5", "二十三点五亿", "几百"} {
		v, err := extract.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %g\n", s, v)
	}
	// Output:
	// 三千二百万 = 3.2e+07
	// 3.5万亿 = 3.5e+12
	// 1,234.5 = 1234.5
	// 二十三点五亿 = 2.35e+09
	// extract.ParseNumber: parsing "几百": vague number
}

func ExampleRecognizer_Quantities() {
	r := extract.NewRecognizer()
	text := "新签约项目89个，协议引资204亿元；实际到位资金增长10%—12%，办理审批事项1.2万余项，下面我讲三点意见。"
	for _, q := range r.Quantities(text) {
		fmt.Printf("%s\t%g %s %s [%d,%d)\n", q.Text, q.Value, q.Unit, q.Bound, q.Start, q.End)
	}
	// Output:
	// 89个	89 个 eq [15,20)
	// 204亿元	2.04e+10 CNY eq [35,44)
	// 10%	10 % ge [71,74)
	// 12%	12 % le [77,80)
	// 1.2万余项	12000 项 gt [101,113)
}

func ExampleRecognizer_Redacted() {
	r := extract.NewRecognizer()
	fmt.Println(r.Redacted("全年引进项目个，合同利用市外资金亿元，实际到位××亿元"))
	// Output: 2
}

func ExampleRead() {
	text := "2010年苍山县政府工作报告\n——2010年2月26日在苍山县第十六届人民代表大会第五次会议上\n各位代表：\n" +
		"一、2009年工作回顾\n全县生产总值增长13.5%。\n二、2010年工作安排\n今年全县生产总值增长12%左右。"
	d := extract.Read(corpus.FromText("cangshan.txt", text, corpus.Meta{}, nil), extract.ReadOptions{})
	id := d.Identity
	fmt.Println(id.Region.Name, id.Region.Code, id.Region.Level, id.Year, id.Date)
	for _, q := range extract.Quantities(d.Text) {
		fmt.Println(q.Text, d.PartAt(q.Start).Role)
	}
	// Output:
	// 苍山县 371324 county 2010 2010-02-26
	// 13.5% review
	// 12%左右 tasks
}
