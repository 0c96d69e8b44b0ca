package metrics_test

import (
	"fmt"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

func ExampleRecords() {
	text := "2019年，全市协议引资204亿元。今年确保协议引资250亿元以上，力争300亿元。"
	doc := corpus.FromText("speech.txt", text, corpus.Meta{}, nil)
	facts := extract.Facts(doc.Clean, extract.Quantities(doc.Clean), extract.FactOptions{Year: 2019, Indicators: metrics.DefaultCatalogue()})
	for _, r := range metrics.Records([]metrics.DocFacts{{ID: "speech.txt", Region: "昭通市", Facts: facts}}) {
		fmt.Println(r.Region, r.Year, r.Indicator, r.Kind, r.Qualifier, r.Value, r.Bound, r.Attainment)
		if r.Stretch != nil {
			fmt.Println("  stretch:", r.StretchQualifier, *r.Stretch)
		}
	}
	// Output:
	// 昭通市 2019 invest.signed_amount actual  2.04e+10 eq 0.816
	// 昭通市 2019 invest.signed_amount target 确保 2.5e+10 ge 0.816
	//   stretch: 力争 3e+10
}

func ExampleCatalogue_FindIndicator() {
	c := metrics.DefaultCatalogue()
	id, phrase, _, _ := c.FindIndicator("实际利用省外到位资金达到", extract.Money, extract.Level)
	fmt.Println(id, phrase)
	// Output: invest.arrived_out_of_province 省外到位资金
}
