package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

// factCase is a text of a report of working year 2024 and the facts
// expected of it, each rendered as the test renders it.
type factCase struct {
	name, text string
	want       []string
}

// checkFacts binds each case's text and compares the facts, rendered by
// show, in text order.
func checkFacts(t *testing.T, cases []factCase, show func(extract.Fact) string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range factsOf(tc.text, 2024, "") {
				got = append(got, show(f))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Facts(%q) =\n  %s\nwant\n  %s", tc.text, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// TestRespectively binds the figures of a respectively-list (分别) to the
// members of its subject in order, each with the measure of the verb after
// 分别. The sentences are written in the genre's style for this test.
func TestRespectively(t *testing.T) {
	tests := []factCase{
		{"shared head, two members",
			"一、2023年工作回顾\n城镇、农村居民人均可支配收入分别增长4.3%和5.5%。",
			[]string{"4.3% income_per_capita_urban yoy actual 2023", "5.5% income_per_capita_rural yoy actual 2023"}},
		{"ordinals of industries",
			"一、2023年工作回顾\n第一、第三产业增加值分别增长2.6%、4.8%。",
			[]string{"2.6% value_added_primary yoy actual 2023", "4.8% value_added_tertiary yoy actual 2023"}},
		{"short ordinals, three members",
			"二、2024年主要目标\n一产、二产、三产增加值分别增长4%左右、7%左右、6%左右。",
			[]string{"4% value_added_primary yoy target 2024", "7% value_added_secondary yoy target 2024", "6% value_added_tertiary yoy target 2024"}},
		{"paired subject 城乡",
			"一、2023年工作回顾\n全市城乡居民人均可支配收入分别增长5.1%、7.2%。",
			[]string{"5.1% income_per_capita_urban yoy actual 2023", "7.2% income_per_capita_rural yoy actual 2023"}},
		{"targets with bounds",
			"今年经济社会发展的主要预期目标是：城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%以内。",
			[]string{"5.5% unemployment_rate level target 2024 q:预期目标", "3% cpi yoy target 2024 q:预期目标"}},
		{"subjects are the figures before",
			"一、2023年工作回顾\n城镇居民人均可支配收入41280元，农村居民人均可支配收入18630元，分别增长5.4%和7.1%。",
			[]string{"41280CNY income_per_capita_urban level actual 2023", "18630CNY income_per_capita_rural level actual 2023",
				"5.4% income_per_capita_urban yoy actual 2023", "7.1% income_per_capita_rural yoy actual 2023"}},
		{"member without an indicator keeps its place",
			"一、2023年工作回顾\n装备制造业、高技术制造业增加值分别增长11.2%、15.6%。",
			[]string{"11.2% - yoy actual 2023", "15.6% high_tech_manufacturing yoy actual 2023"}},
		{"declines",
			"一、2023年工作回顾\n单位地区生产总值能耗、二氧化碳排放分别下降3.2%和4.1%。",
			[]string{"-3.2% energy_intensity change actual 2023", "-4.1% emissions_intensity change actual 2023"}},
		{"imports and exports",
			"一、2023年工作回顾\n全年外贸进出口总额812亿元，其中出口、进口分别增长9.3%和2.4%。",
			[]string{"8.12e+10CNY trade_total level actual 2023", "9.3% exports yoy actual 2023", "2.4% imports yoy actual 2023"}},
		{"tourism pair",
			"一、2023年工作回顾\n接待游客、旅游总收入分别增长18%和21.5%。",
			[]string{"18% tourist_visits yoy actual 2023", "21.5% tourism_revenue yoy actual 2023"}},
		{"members that name their indicators",
			"一、2023年工作回顾\n接待游客、旅游总花费分别增长12%、15.5%。",
			[]string{"12% tourist_visits yoy actual 2023", "15.5% tourism_revenue yoy actual 2023"}},
		{"count mismatch is no list",
			"一、2023年工作回顾\n城镇、农村居民人均可支配收入分别增长4.3%。",
			[]string{"4.3% income_per_capita_rural yoy actual 2023"}},
	}
	checkFacts(t, tests, fmtF)
}

// TestTiers binds the higher tier of a target (力争达到8%) to what the
// first tier measures.
func TestTiers(t *testing.T) {
	tests := []factCase{
		{"growth with a stretch tier",
			"今年经济社会发展的主要预期目标是：地区生产总值增长6%以上、力争达到7%。",
			[]string{"6% gdp yoy target 2024 q:预期目标", "7% gdp yoy target 2024 q:力争"}},
		{"ensure then strive",
			"二、2024年主要目标\n社会消费品零售总额增长6%，争取7%。",
			[]string{"6% retail_sales yoy target 2024", "7% retail_sales yoy target 2024 q:争取"}},
		{"a growth in times is a percentage",
			"一、2023年工作回顾\n实际利用外资增长1.2倍。",
			[]string{"120% invest.foreign_actual yoy actual 2023"}},
	}
	checkFacts(t, tests, fmtF)
}

// TestIndicatorIdentity holds the rules that keep a figure from an
// indicator it cannot measure.
func TestIndicatorIdentity(t *testing.T) {
	tests := []factCase{
		{"gap to the country is no change",
			"一、2023年工作回顾\n社会消费品零售总额增长6.1%，增速高于全国0.8个百分点。",
			[]string{"6.1% retail_sales yoy actual 2023", "0.8pp - change actual 2023"}},
		{"person-times are no new jobs",
			"一、2023年工作回顾\n城镇新增就业8.6万人，农村劳动力转移就业52万人次。",
			[]string{"86000人 urban_new_jobs level actual 2023", "520000person-times - level actual 2023"}},
		{"posts counted are no new jobs",
			"一、2023年工作回顾\n城镇新增就业8.6万人，开发公益性岗位1.2万个。",
			[]string{"86000人 urban_new_jobs level actual 2023", "12000个 - level actual 2023"}},
		{"a contribution rate is not the indicator",
			"一、2023年工作回顾\n规模以上工业增加值增长7.2%，工业对经济增长的贡献率达40%。",
			[]string{"7.2% industry_value_added yoy actual 2023", "40% - level actual 2023"}},
		{"a share of national growth does not inherit a money indicator",
			"一、2023年工作回顾\n进出口总额突破2万亿元、增长6.5%，贡献了全国12%的增量。",
			[]string{"2e+12CNY trade_total level actual 2023", "6.5% trade_total yoy actual 2023", "12% - level actual 2023"}},
		{"the sea economy is not the region's output",
			"二、2024年主要目标\n全省海洋生产总值增长7%左右。",
			[]string{"7% - yoy target 2024"}},
		{"an intensity's decline is a change",
			"一、2023年工作回顾\n单位地区生产总值能耗下降2.8%。",
			[]string{"-2.8% energy_intensity change actual 2023"}},
		{"a level after a growth inherits the indicator it fits",
			"一、2023年工作回顾\n常住人口城镇化率提高0.8个百分点、达到63.4%。",
			[]string{"0.8pp population_urbanization change actual 2023", "63.4% population_urbanization level actual 2023"}},
		{"a growth whose subject is the clause before",
			"二、2024年重点工作\n加大全社会研发经费投入力度，全年增长12%。",
			[]string{"12% rd_spending yoy target 2024"}},
		{"no subject carried over a figure",
			"一、2023年工作回顾\n新签约项目120个，同比增长8%。",
			[]string{"120个 invest.projects_signed level actual 2023", "8% invest.projects_signed yoy actual 2023"}},
		{"a later year told earlier in the paragraph does not date a review figure",
			"一、2023年工作回顾\n制定2023年、2024年两年行动方案。社会消费品零售总额增长6.2%。",
			[]string{"6.2% retail_sales yoy actual 2023"}},
		{"a threshold that sorts a noun is no fact",
			"一、2023年工作回顾\n税收过千万元的企业达到120家，新增出口过千万美元企业15家，为80岁以上老人发放补贴。",
			[]string{"120家 - level actual 2023", "15家 - level actual 2023"}},
		{"a count with an inner bound before 的 is a fact",
			"一、2023年工作回顾\n解决了3个村4200余人的饮水安全问题。",
			[]string{"3个 - level actual 2023", "4200人 - level actual 2023"}},
		{"the projects counted, named after the count",
			"一、2023年工作回顾\n全年共有46个项目集中开工，18个项目成功签约。",
			[]string{"46个 invest.projects_started level actual 2023", "18个 invest.projects_signed level actual 2023"}},
		{"a contraction written with a minus sign",
			"一、2020年工作回顾\n地区生产总值增长-3.9%，一般公共预算收入下降8.2%。",
			[]string{"-3.9% gdp yoy actual 2020", "-8.2% fiscal_revenue yoy actual 2020"}},
		{"grain in jin",
			"一、2023年工作回顾\n粮食总产达到745亿斤。",
			[]string{"3.725e+07t grain_output level actual 2023"}},
		{"mu are no grain output",
			"一、2023年工作回顾\n粮食总产量745亿斤，新建高标准农田120万亩。",
			[]string{"3.725e+07t grain_output level actual 2023", "1.2e+06mu - level actual 2023"}},
	}
	checkFacts(t, tests, fmtF)
}

// TestSpans gives figures over several years their first year (Since).
func TestSpans(t *testing.T) {
	tests := []factCase{
		{"compared with a base year",
			"一、2023年工作回顾\n单位地区生产总值能耗较2020年下降11.2%。",
			[]string{"-11.2% energy_intensity change actual 2023 since 2020"}},
		{"counted from a year",
			"一、2023年工作回顾\n2021年以来累计完成固定资产投资1.5万亿元。",
			[]string{"1.5e+12CNY fixed_asset_investment cumulative actual 2023 since 2021"}},
		{"five years' average",
			"一、过去五年工作回顾\n五年来，全市地区生产总值年均增长6.4%，累计新增城镇就业52万人。",
			[]string{"6.4% gdp avg_growth actual 2023 since 2019", "520000人 urban_new_jobs cumulative actual 2023 since 2019"}},
		{"a plan period",
			"“十四五”以来，全省累计完成交通投资3200亿元。",
			[]string{"3.2e+11CNY - cumulative actual 2024 since 2021"}},
		{"one year has no span",
			"一、2023年工作回顾\n地区生产总值增长5.2%。",
			[]string{"5.2% gdp yoy actual 2023"}},
	}
	checkFacts(t, tests, func(f extract.Fact) string {
		if f.Since != 0 {
			return fmtF(f) + fmt.Sprintf(" since %d", f.Since)
		}
		return fmtF(f)
	})
}

// TestSubAreas gives a figure to a sub-area only when a place below the
// document's region governs its clause.
func TestSubAreas(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "value region region_code" of each fact
	}{
		{"a county of the city",
			"2024年曲靖市政府工作报告\n一、2023年工作回顾\n宣威市地区生产总值增长6.1%。",
			[]string{"6.1 宣威市 530381"}},
		{"a place elsewhere is no sub-area",
			"2024年曲靖市政府工作报告\n一、2023年工作回顾\n赴深圳、杭州开展招商，签约项目36个。",
			[]string{"36  "}},
		{"a group of counties has no code",
			"2024年曲靖市政府工作报告\n一、2023年工作回顾\n宣威、陆良两地实际到位资金120亿元。",
			[]string{"1.2e+10 宣威、陆良 "}},
		{"a word holding a place name",
			"2024年曲靖市政府工作报告\n一、2023年工作回顾\n新增城镇就业5.6万人，新建高标准农田20万亩。",
			[]string{"56000  ", "200000  "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := extract.Read(corpus.FromText("t", tc.text, corpus.Meta{}, nil), extract.ReadOptions{})
			var got []string
			for _, f := range extract.FactsOf(d, extract.Quantities(d.Text), extract.FactOptions{Indicators: metrics.DefaultCatalogue()}) {
				got = append(got, fmt.Sprintf("%g %s %s", f.Quantity.Value, f.Region, f.RegionCode))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("FactsOf(%q) regions = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
