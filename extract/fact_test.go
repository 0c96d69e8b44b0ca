package extract_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

// factsOf runs the binder on text as a document of the given working year
// and region.
func factsOf(text string, year int, region string) []extract.Fact {
	doc := corpus.FromText("t", text, corpus.Meta{}, nil)
	qs := extract.Quantities(doc.Clean)
	return extract.Facts(doc.Clean, qs, extract.FactOptions{Year: year, Region: region, Indicators: metrics.DefaultCatalogue()})
}

// fmtF renders a fact as "value unit indicator measure kind year region qualifier".
func fmtF(f extract.Fact) string {
	s := fmt.Sprintf("%g%s %s %s %s %d", f.Quantity.Value, f.Quantity.Unit, orDash(f.Indicator), f.Measure, f.Kind, f.Year)
	if f.Region != "" {
		s += " @" + f.Region
	}
	if f.Qualifier != "" {
		s += " q:" + f.Qualifier
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// otherRegion gives the region of the TestFacts cases whose sub-areas lie
// below another region than 运城市 (a sub-area is a place below the
// document's own).
var otherRegion = map[string]string{"county shares": "昭通市", "other county in clause": "曲靖市"}

func TestFacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		want []string
	}{
		// provincial work report: review
		{"review gdp", "一、2023年工作回顾\n过去一年，全省地区生产总值达到5.34万亿元，同比增长5.2%。", 2024,
			[]string{"5.34e+12CNY gdp level actual 2023", "5.2% gdp yoy actual 2023"}},
		{"review list of growths", "一、2023年工作回顾\n规模以上工业增加值增长7.1%，固定资产投资增长6.8%，社会消费品零售总额增长8.2%。", 2024,
			[]string{"7.1% industry_value_added yoy actual 2023", "6.8% fixed_asset_investment yoy actual 2023", "8.2% retail_sales yoy actual 2023"}},
		{"review fiscal", "去年，一般公共预算收入完成3113.1亿元，增长6.9%；一般公共预算支出8200亿元。", 2024,
			[]string{"3.1131e+11CNY fiscal_revenue level actual 2023", "6.9% fiscal_revenue yoy actual 2023", "8.2e+11CNY fiscal_expenditure level actual 2023"}},
		{"review income", "2023年，城镇居民人均可支配收入48765元，农村居民人均可支配收入23410元。", 2024,
			[]string{"48765CNY income_per_capita_urban level actual 2023", "23410CNY income_per_capita_rural level actual 2023"}},
		{"review jobs and unemployment", "过去一年，城镇新增就业11.2万人，城镇调查失业率5.1%。", 2024,
			[]string{"112000人 urban_new_jobs level actual 2023", "5.1% unemployment_rate level actual 2023"}},
		{"review decline", "2023年，单位地区生产总值能耗下降3.1%，进出口总额1.2万亿元，下降2.5%。", 2024,
			[]string{"-3.1% energy_intensity change actual 2023", "1.2e+12CNY trade_total level actual 2023", "-2.5% trade_total yoy actual 2023"}},
		{"review grain", "2023年粮食总产量达到1290亿斤。", 2024,
			[]string{"6.45e+07t grain_output level actual 2023"}},
		{"review urbanisation", "2023年，常住人口城镇化率提高到65.2%，研发投入强度提高0.12个百分点。", 2024,
			[]string{"65.2% population_urbanization level actual 2023", "0.12pp rd_intensity change actual 2023"}},
		{"review share", "2023年，数字经济增加值占地区生产总值比重达到42%。", 2024,
			[]string{"42% - share actual 2023"}},
		// provincial work report: 主要预期目标
		{"expected targets paragraph", "二、2024年主要目标任务\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业50万人以上，城镇调查失业率5.5%以内；居民消费价格涨幅3%左右；粮食总产量稳定在1955万吨以上。", 2024,
			[]string{"5.5% gdp yoy target 2024 q:预期目标", "500000人 urban_new_jobs level target 2024 q:预期目标", "5.5% unemployment_rate level target 2024 q:预期目标", "3% cpi yoy target 2024 q:预期目标", "1.955e+07t grain_output level target 2024 q:预期目标"}},
		{"target with range", "今年的预期目标是：地区生产总值增长5%—5.5%。", 2024,
			[]string{"5% gdp yoy target 2024 q:预期目标", "5.5% gdp yoy target 2024 q:预期目标"}},
		{"plan section without year", "二、今年的主要任务\n一般公共预算收入增长5%，固定资产投资增长8%以上。", 2024,
			[]string{"5% fiscal_revenue yoy target 2024", "8% fixed_asset_investment yoy target 2024"}},
		{"next year", "明年要力争规模以上工业增加值增长8%。", 2024,
			[]string{"8% industry_value_added yoy target 2025 q:力争"}},
		// 招商引资 speeches
		{"signed and arrived", "2019年，全市共包装项目179个，新签约项目89个，协议引资204亿元。", 2019,
			[]string{"179个 invest.projects_packaged level actual 2019", "89个 invest.projects_signed level actual 2019", "2.04e+10CNY invest.signed_amount level actual 2019"}},
		{"yoy inherits", "全州累计到位州外资金540亿元，同比增长22%。", 2014,
			[]string{"5.4e+10CNY invest.arrived_external level actual 2014", "22% invest.arrived_external yoy actual 2014"}},
		{"foreign and out of province", "2018年，实际利用外资2.6亿美元，增长15.2%；实际到位省外资金380亿元。", 2019,
			[]string{"2.6e+08USD invest.foreign_actual level actual 2018", "15.2% invest.foreign_actual yoy actual 2018", "3.8e+10CNY invest.arrived_out_of_province level actual 2018"}},
		{"share with subject before 占", "省外到位资金占市外到位资金的比重提高到70.8%。", 2019,
			[]string{"70.8% invest.arrived_out_of_province share actual 2019"}},
		{"rates", "去年，全县履约项目61个，履约率94%；开工项目58个，开工率89%；资金到位率30%。", 2019,
			[]string{"61个 invest.projects_implemented level actual 2018", "94% invest.rate_fulfilment level actual 2018", "58个 invest.projects_started level actual 2018", "89% invest.rate_start level actual 2018", "30% invest.rate_funds_arrival level actual 2018"}},
		{"two tiers", "今年，全州招商引资到位国内州外资金工作目标300亿元，奋斗目标350亿元。", 2014,
			[]string{"3e+10CNY invest.arrived_external level target 2014 q:工作目标", "3.5e+10CNY invest.arrived_external level target 2014 q:奋斗目标"}},
		{"ensure and strive", "今年新签约项目引资额确保400亿元，力争450亿元。", 2014,
			[]string{"4e+10CNY invest.signed_amount level target 2014 q:确保", "4.5e+10CNY invest.signed_amount level target 2014 q:力争"}},
		{"completion", "2021年，全市签约项目538个，总投资3291.39亿元，完成市定年度目标任务3000亿元的109.71%。", 2022,
			[]string{"538个 invest.projects_signed level actual 2021", "3.29139e+11CNY invest.project_investment level actual 2021", "3e+11CNY invest.project_investment level target 2021", "109.71% invest.project_investment completion actual 2021"}},
		{"excess in pp", "2021年开工项目497个，开工率为92.38%，超市定任务60%的32个百分点。", 2022,
			[]string{"497个 invest.projects_started level actual 2021", "92.38% invest.rate_start level actual 2021", "60% invest.rate_start level target 2021", "32pp invest.rate_start change actual 2021"}},
		{"from year to year", "全市生产总值从2015年的1174亿元增长到2020年的2100亿元，年均增长8%以上。", 2021,
			[]string{"1.174e+11CNY gdp level actual 2015", "2.1e+11CNY gdp level actual 2020", "8% gdp avg_growth actual 2020"}},
		{"counted thing after the count", "今年要力争引进10个投资上亿元的企业集团。", 2019,
			[]string{"10个 invest.projects_large level target 2019 q:力争"}},
		{"events", "去年共举办招商推介活动36场次。", 2019,
			[]string{"36场次 invest.promotion_events level actual 2018"}},
		{"intended", "2013年，签订意向投资项目近1560亿元。", 2014,
			[]string{"1.56e+11CNY invest.intended_amount level actual 2013"}},
		{"unknown metric still a fact", "今年标准厂房的建设任务是40万平方米。", 2019,
			[]string{"400000m2 - level target 2019"}},
		{"compression is a change", "2020年，全县办理审批事项1.2万余项，审批时限压缩76.8%以上。", 2022,
			[]string{"12000项 - level actual 2020", "-76.8% - change actual 2020"}},
		{"comparison words are not years", "今年，全市到位资金比上年增长15%。", 2020,
			[]string{"15% invest.arrived_external yoy actual 2020"}},
		{"last year resolves", "去年全市协议引资达到250亿元。", 2020,
			[]string{"2.5e+10CNY invest.signed_amount level actual 2019"}},
		{"year as a modifier is not the year", "今年要实现2019年集中签约项目履约率90%。", 2020,
			[]string{"90% invest.rate_fulfilment level target 2020"}},
		{"that same year", "2021年，全市项目签约额3000亿元，当年签约当年开工率60%。", 2022,
			[]string{"3e+11CNY invest.signed_amount level actual 2021", "60% invest.rate_start level actual 2021"}},
		{"review of the past year", "回顾一年来的工作，我们认为成绩来之不易。\n各县区组织招商小分队168支。", 2022,
			[]string{"168支 - level actual 2021"}},
		{"review cue seven lines up, two figures", "回顾一年来的工作，我们认为成绩来之不易。\n" + strings.Repeat("全市上下团结奋斗。\n", 6) + "各县区组织招商小分队168支，外出招商45次。", 2022,
			[]string{"168支 - level actual 2021", "45次 - level actual 2021"}},
		{"review cue eight lines up is too far", "回顾一年来的工作，我们认为成绩来之不易。\n" + strings.Repeat("全市上下团结奋斗。\n", 7) + "各县区组织招商小分队168支。", 2022,
			[]string{"168支 - level actual 2022"}},
		{"expected sales", "项目全部建成后，预期年销售收入1160万元，实现利税600万元。", 2022,
			[]string{"1.16e+07CNY - level target 2022", "6e+06CNY - level target 2022"}},
		{"better than expected is actual", "2023年主要指标好于预期，地区生产总值增长5.6%。", 2024,
			[]string{"5.6% gdp yoy actual 2023"}},
		// sub-areas
		{"county shares", "昭阳、镇雄、威信、彝良4个县区到位资金占了全部到位资金的64.9%，其中昭阳占到20.7%、镇雄占到20.4%。", 2019,
			[]string{"4个 - level actual 2019", "64.9% invest.arrived_external share actual 2019 @昭阳、镇雄、威信、彝良", "20.7% invest.arrived_external share actual 2019 @昭阳", "20.4% invest.arrived_external share actual 2019 @镇雄"}},
		{"county in clause", "2021年，芮城县签订年产3000吨碳纤维项目。", 2022,
			[]string{"3000t - level actual 2021 @芮城县"}},
		{"own region is null", "2021年，运城市协议引资500亿元。", 2022,
			[]string{"5e+10CNY invest.signed_amount level actual 2021"}},
		// county speeches
		{"county review", "一、2022年工作回顾\n全县完成地区生产总值186.5亿元，增长6.1%；招商引资到位资金52亿元，增长18%。", 2023,
			[]string{"1.865e+10CNY gdp level actual 2022", "6.1% gdp yoy actual 2022", "5.2e+09CNY invest.arrived_external level actual 2022", "18% invest.arrived_external yoy actual 2022"}},
		{"county plan", "二、2023年工作安排\n全县地区生产总值增长7%左右，固定资产投资增长10%，招商引资到位资金突破60亿元。", 2023,
			[]string{"7% gdp yoy target 2023", "10% fixed_asset_investment yoy target 2023", "6e+09CNY invest.arrived_external level target 2023"}},
		{"first half of year", "今年上半年，全县新签约项目23个，协议引资48亿元。", 2023,
			[]string{"23个 invest.projects_signed level actual 2023", "4.8e+09CNY invest.signed_amount level actual 2023"}},
		{"speech target with 要", "各乡镇要确保全年引进亿元以上项目3个以上。", 2023,
			[]string{"3个 invest.projects_large level target 2023 q:确保"}},
		{"income target", "今年城乡居民人均可支配收入分别增长6%和8%。", 2023,
			[]string{"6% income_per_capita_urban yoy actual 2023", "8% income_per_capita_rural yoy actual 2023"}},
		{"times", "2022年，全市实际利用外资增长1.5倍。", 2023,
			[]string{"150% invest.foreign_actual yoy actual 2022"}},
		{"decrease in a count is a change", "2022年，全县贫困人口比上年减少1.2万人。", 2023,
			[]string{"-12000人 - change actual 2022"}},
		// more provincial work-report phrasing
		{"gdp per capita", "2023年，全省人均地区生产总值达到8.9万元。", 2024,
			[]string{"89000CNY gdp_per_capita level actual 2023"}},
		{"trade growth", "过去一年，货物贸易进出口总额增长4.6%。", 2024,
			[]string{"4.6% trade_total yoy actual 2023"}},
		{"rd spending", "2023年，全社会研发投入增长12.1%。", 2024,
			[]string{"12.1% rd_spending yoy actual 2023"}},
		{"retail level", "2023年，社会消费品零售总额突破2万亿元。", 2024,
			[]string{"2e+12CNY retail_sales level actual 2023"}},
		{"cpi actual", "2023年，居民消费价格涨幅控制在2%以内。", 2024,
			[]string{"2% cpi yoy actual 2023"}},
		{"fiscal target", "二、2024年目标任务\n一般公共预算收入增长6%。", 2024,
			[]string{"6% fiscal_revenue yoy target 2024"}},
		{"urbanisation target", "今年的目标是常住人口城镇化率提高1个百分点。", 2024,
			[]string{"1pp population_urbanization change target 2024"}},
		{"energy target", "今年要确保单位地区生产总值能耗下降3%左右。", 2024,
			[]string{"-3% energy_intensity change target 2024 q:确保"}},
		{"trade target", "今年力争外贸进出口增长5%以上。", 2024,
			[]string{"5% trade_total yoy target 2024 q:力争"}},
		{"five-year average", "2018年至2022年，全省地区生产总值年均增长6.5%。", 2023,
			[]string{"6.5% gdp avg_growth actual 2022"}},
		{"first three quarters keep the year", "今年前三季度，全市规上工业增加值增长8.2%。", 2023,
			[]string{"8.2% industry_value_added yoy actual 2023"}},
		{"jobs target per year", "明年城镇新增就业目标为12万人。", 2023,
			[]string{"120000人 urban_new_jobs level target 2024"}},
		{"income actual with both", "2022年，全市居民人均可支配收入36520元，增长5.4%。", 2023,
			[]string{"36520CNY income_per_capita level actual 2022", "5.4% income_per_capita yoy actual 2022"}},
		// more county speeches
		{"county fiscal", "去年全县一般公共预算收入完成12.6亿元，同比增长9.3%。", 2023,
			[]string{"1.26e+09CNY fiscal_revenue level actual 2022", "9.3% fiscal_revenue yoy actual 2022"}},
		{"county fixed assets", "2022年，全县完成固定资产投资98亿元。", 2023,
			[]string{"9.8e+09CNY fixed_asset_investment level actual 2022"}},
		{"county grain", "2022年，全县粮食总产量稳定在35万吨以上。", 2023,
			[]string{"350000t grain_output level actual 2022"}},
		{"county target jobs", "今年要确保城镇新增就业3000人以上。", 2023,
			[]string{"3000人 urban_new_jobs level target 2023 q:确保"}},
		{"county signed count target", "今年全县力争新签约项目50个以上。", 2023,
			[]string{"50个 invest.projects_signed level target 2023 q:力争"}},
		{"township share", "2022年，城关镇到位资金占全县的35%。", 2023,
			[]string{"35% invest.arrived_external share actual 2022"}},
		{"other county in clause", "2022年，麒麟区实际到位资金120亿元。", 2023,
			[]string{"1.2e+10CNY invest.arrived_external level actual 2022 @麒麟区"}},
		// more investment promotion
		{"foreign contracted", "2022年，全市合同外资3.2亿美元。", 2023,
			[]string{"3.2e+08USD invest.foreign_contracted level actual 2022"}},
		{"projects started target", "今年要确保开工项目80个。", 2023,
			[]string{"80个 invest.projects_started level target 2023 q:确保"}},
		{"large projects", "2022年，新引进亿元以上项目45个。", 2023,
			[]string{"45个 invest.projects_large level actual 2022"}},
		{"fund arrival rate", "2022年，全市签约项目资金到位率达到45.6%。", 2023,
			[]string{"45.6% invest.rate_funds_arrival level actual 2022"}},
		{"fulfilment target", "今年签约项目履约率力争达到85%以上。", 2023,
			[]string{"85% invest.rate_fulfilment level target 2023 q:力争"}},
		{"arrived yoy decline", "2022年，全市实际到位资金同比下降4.2%。", 2023,
			[]string{"-4.2% invest.arrived_external yoy actual 2022"}},
		{"packaged projects", "今年全市计划包装招商项目300个。", 2023,
			[]string{"300个 invest.projects_packaged level target 2023"}},
		{"project investment", "2022年签约项目计划总投资1200亿元。", 2023,
			[]string{"1.2e+11CNY invest.project_investment level actual 2022"}},
		{"events count", "今年要举办招商推介活动20场以上。", 2023,
			[]string{"20场 invest.promotion_events level target 2023"}},
		{"foreign actual in USD growth", "2022年，实际使用外资1.8亿美元，增长20%。", 2023,
			[]string{"1.8e+08USD invest.foreign_actual level actual 2022", "20% invest.foreign_actual yoy actual 2022"}},
		{"out of province target", "今年到位省外资金力争达到500亿元。", 2023,
			[]string{"5e+10CNY invest.arrived_out_of_province level target 2023 q:力争"}},
		{"signed amount decline", "2022年，全市协议引资额比上年减少30亿元。", 2023,
			[]string{"-3e+09CNY invest.signed_amount change actual 2022"}},
		{"redacted template yields nothing", "××年全市共引进项目个，合同利用市外资金亿元。", 0,
			nil},
		{"unknown year stays unknown", "全市协议引资204亿元。", 0,
			[]string{"2.04e+10CNY invest.signed_amount level actual 0"}},
		{"relative year without a working year", "去年全市协议引资204亿元。", 0,
			[]string{"2.04e+10CNY invest.signed_amount level actual 0"}},
		{"completion rate phrase", "2022年，全市实际到位资金完成年度目标的112%。", 2023,
			[]string{"112% invest.arrived_external completion actual 2022"}},
	}
	n := 0
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			region := "运城市"
			if r, ok := otherRegion[tc.name]; ok {
				region = r // the case's places are below another region
			}
			for _, f := range factsOf(tc.text, tc.year, region) {
				got = append(got, fmtF(f))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Facts(%q)\n got:\n  %s\n want:\n  %s", tc.text, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
		n += len(tc.want)
	}
	if len(tests) < 80 || n < 80 {
		t.Errorf("the fact table has %d sentences deciding %d facts; it should have at least 80 sentences", len(tests), n)
	}
}

// TestLongSentenceLinear binds 40,000 figures in one sentence, and as many
// under 分别 and 均: the binder reads a bounded window before each figure,
// so a long sentence costs in proportion to its figures (a quadratic
// binder took over a minute here).
func TestLongSentenceLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("long sentences, timed")
	}
	var b strings.Builder
	b.WriteString("全年")
	for i := range 40_000 {
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprintf(&b, "增长%d%%", i%90+1)
	}
	b.WriteString("。城乡居民收入、旅游收入均分别增长")
	for i := range 20_000 {
		if i > 0 {
			b.WriteString("和")
		}
		fmt.Fprintf(&b, "%d%%", i%90+1)
	}
	b.WriteString("。")
	start := time.Now()
	fs := factsOf(b.String(), 2024, "")
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("%d facts took %s", len(fs), d)
	}
	if len(fs) < 60_000 {
		t.Errorf("%d facts, want one per figure at least", len(fs))
	}
}
