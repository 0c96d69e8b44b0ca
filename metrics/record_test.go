package metrics_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

var update = flag.Bool("update", false, "rewrite golden files")

func fact(ind string, year int, kind extract.Kind, m extract.Measure, v float64, unit, qual string) extract.Fact {
	return extract.Fact{Indicator: ind, Year: year, Kind: kind, Measure: m, Qualifier: qual,
		Quantity: extract.Quantity{Value: v, Unit: extract.Unit(unit), Text: "x"}}
}

func TestRecordsMergeConflictAttainment(t *testing.T) {
	docs := []metrics.DocFacts{
		{ID: "a", Region: "昭通市", Facts: []extract.Fact{
			fact("invest.signed_amount", 2019, extract.Actual, extract.Level, 2.04e10, "CNY", ""),
			fact("invest.signed_amount", 2019, extract.Target, extract.Level, 2.5e10, "CNY", "确保"),
			fact("invest.signed_amount", 2019, extract.Target, extract.Level, 3e10, "CNY", "力争"),
			fact("gdp", 2019, extract.Actual, extract.YoY, 8.1, "%", ""),
			fact("", 2019, extract.Actual, extract.Level, 40, "个", ""),     // no indicator: left out
			fact("gdp", 0, extract.Actual, extract.Level, 1e11, "CNY", ""), // no year: left out
		}},
		{ID: "b", Region: "昭通市", Facts: []extract.Fact{
			fact("invest.signed_amount", 2019, extract.Actual, extract.Level, 2.04e10, "CNY", ""), // same value: merged
			fact("gdp", 2019, extract.Actual, extract.YoY, 8.3, "%", ""),                          // other value: conflict
		}},
	}
	recs := metrics.Records(docs)
	var got []string
	for _, r := range recs {
		got = append(got, strings.Join([]string{r.Indicator, r.Kind.String(), r.Measure.String(), r.Qualifier,
			fmtG(r.Value), ptrS(r.Stretch), fmtG(r.Attainment), boolS(r.Conflict), itoa(len(r.Sources)), itoa(len(r.Alternatives))}, " "))
	}
	want := []string{
		"gdp actual yoy  8.1 - 0 conflict 1 1",
		"invest.signed_amount actual level  20400000000 - 0.816 - 2 0",
		"invest.signed_amount target level 确保 25000000000 30000000000 0.816 - 1 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func ptrS(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmtG(*p)
}

func boolS(b bool) string {
	if b {
		return "conflict"
	}
	return "-"
}

// TestRecordsGoldenCSV runs the whole chain on two short reports and
// compares the long and wide CSV with golden files.
func TestRecordsGoldenCSV(t *testing.T) {
	texts := map[string]string{
		"a.txt": "2020年昭通市人民政府工作报告\n一、2019年工作回顾\n2019年，全市地区生产总值1186.5亿元，增长6.1%；招商引资到位资金52亿元。\n二、2020年主要目标\n地区生产总值增长7%左右，固定资产投资增长8%—10%，招商引资到位资金确保60亿元，力争65亿元。",
		"b.txt": "2021年昭通市人民政府工作报告\n一、2020年工作回顾\n2020年，全市地区生产总值突破1200亿元，增长4.8%；招商引资到位资金61.2亿元，完成目标任务的102%。全市地区生产总值达到1226亿元。",
	}
	var docs []metrics.DocFacts
	for _, id := range []string{"a.txt", "b.txt"} {
		doc := corpus.FromText(id, texts[id], corpus.Meta{}, nil)
		d := extract.Read(doc, extract.ReadOptions{})
		qs := extract.Quantities(d.Text)
		fs := extract.FactsOf(d, qs, extract.FactOptions{Region: "昭通市", Indicators: metrics.DefaultCatalogue()})
		docs = append(docs, metrics.DocFacts{ID: id, Region: "昭通市", RegionCode: "530600", RegionLevel: "prefecture", Facts: fs})
	}
	recs := metrics.Records(docs)
	for _, g := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"records.golden.csv", func(b *bytes.Buffer) error { return metrics.WriteCSV(b, recs, metrics.CSVOptions{}) }},
		{"records_wide.golden.csv", func(b *bytes.Buffer) error { return metrics.WriteWideCSV(b, recs, metrics.CSVOptions{}) }},
		{"records.golden.jsonl", func(b *bytes.Buffer) error { return metrics.WriteJSONL(b, recs) }},
	} {
		var b bytes.Buffer
		if err := g.write(&b); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", g.name)
		if *update {
			os.WriteFile(path, b.Bytes(), 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s differs (go test ./metrics -update after checking):\n%s", g.name, b.String())
		}
	}
	var b bytes.Buffer
	metrics.WriteCSV(&b, recs, metrics.CSVOptions{BOM: true})
	if !strings.HasPrefix(b.String(), "\uFEFFregion,") {
		t.Errorf("BOM missing")
	}
	// compacted documents give the same records; a fact no record reads
	// (no indicator) is dropped
	docs[0].Facts = append(docs[0].Facts, extract.Fact{Quantity: extract.Quantity{Text: "3个", Value: 3, Unit: "个"}, Year: 2019})
	var compact []metrics.DocFacts
	kept, all := 0, 0
	for _, d := range docs {
		c := d.Compact()
		compact = append(compact, c)
		kept, all = kept+len(c.Facts), all+len(d.Facts)
	}
	var x, y bytes.Buffer
	metrics.WriteJSONL(&x, recs)
	metrics.WriteJSONL(&y, metrics.Records(compact))
	if x.String() != y.String() || kept == 0 || kept >= all {
		t.Errorf("compacted: %d of %d facts kept; records equal: %v", kept, all, x.String() == y.String())
	}
}

func TestCatalogue(t *testing.T) {
	c := metrics.DefaultCatalogue()
	if len(c.Indicators()) < 30 {
		t.Errorf("catalogue has %d indicators", len(c.Indicators()))
	}
	seen := map[string]string{}
	for _, ind := range c.Indicators() {
		for _, a := range ind.Aliases {
			if prev, ok := seen[a]; ok {
				t.Errorf("alias %q names both %s and %s", a, prev, ind.ID)
			}
			seen[a] = ind.ID
		}
	}
	tests := []struct {
		clause string
		dim    extract.Dimension
		m      extract.Measure
		want   string
	}{
		{"全市协议引资", extract.Money, extract.Level, "invest.signed_amount"},
		{"实际利用省外到位资金达到", extract.Money, extract.Level, "invest.arrived_out_of_province"},
		{"实际到位市外资金", extract.Money, extract.Level, "invest.arrived_external"},
		{"新开工固定资产投资额", extract.Money, extract.Level, ""},
		{"全社会固定资产投资", extract.Percent, extract.YoY, "fixed_asset_investment"},
		{"新签约项目", extract.Count, extract.Level, "invest.projects_signed"},
		{"新签约项目", extract.Money, extract.Level, ""},
		{"开工率为", extract.Percent, extract.Level, "invest.rate_start"},
		{"规上工业增加值", extract.Percent, extract.YoY, "industry_value_added"},
		{"城镇调查失业率", extract.Percent, extract.Level, "unemployment_rate"},
		{"农村居民人均可支配收入", extract.Money, extract.Level, "income_per_capita_rural"},
		{"粮食总产量稳定在", extract.Physical, extract.Level, "grain_output"},
	}
	for _, tc := range tests {
		id, _, _, _ := c.FindIndicator(tc.clause, tc.dim, tc.m)
		if id != tc.want {
			t.Errorf("FindIndicator(%q, %v, %v) = %q, want %q", tc.clause, tc.dim, tc.m, id, tc.want)
		}
	}
	if _, err := metrics.ParseCatalogue(strings.NewReader("bad line\n")); err == nil {
		t.Errorf("ParseCatalogue accepted a bad line")
	}
}

// TestRecordsRegions: cells are keyed by region code; a document without a
// region is a place of its own; a sub-area is found under the document's
// region or else kept under it.
func TestRecordsRegions(t *testing.T) {
	gdp := func(v float64, region string) extract.Fact {
		f := fact("gdp", 2024, extract.Actual, extract.YoY, v, "%", "")
		f.Region = region
		return f
	}
	tests := []struct {
		name string
		docs []metrics.DocFacts
		want []string // region, region_name, region_code, value, doc ids
	}{
		{"no region: never merged", []metrics.DocFacts{
			{ID: "a", Facts: []extract.Fact{gdp(5, "")}},
			{ID: "b", Facts: []extract.Fact{gdp(5, "")}},
		}, []string{"  - 5 a", "  - 5 b"}},
		{"one code, two names: one cell", []metrics.DocFacts{
			{ID: "a", Region: "宁夏回族自治区", RegionCode: "640000", RegionLevel: "province", Facts: []extract.Fact{gdp(5.4, "")}},
			{ID: "b", Region: "宁夏", RegionCode: "640000", RegionLevel: "province", Facts: []extract.Fact{gdp(5.4, "")}},
		}, []string{"宁夏回族自治区 宁夏回族自治区 640000 5.4 a,b"}},
		{"one name, no code: one cell", []metrics.DocFacts{
			{ID: "a", Region: "青禾县", Facts: []extract.Fact{gdp(5, "")}},
			{ID: "b", Region: "青禾县", Facts: []extract.Fact{gdp(5, "")}},
		}, []string{"青禾县 青禾县 - 5 a,b"}},
		{"sub-area under the document's region", []metrics.DocFacts{
			{ID: "a", Region: "新疆维吾尔自治区", RegionCode: "650000", Year: 2025, Facts: []extract.Fact{gdp(6.1, ""), gdp(7, "乌鲁木齐")}},
		}, []string{"乌鲁木齐 乌鲁木齐市 650100 7 a", "新疆维吾尔自治区 新疆维吾尔自治区 650000 6.1 a"}},
		{"sub-area with the fact's code", []metrics.DocFacts{
			{ID: "a", Region: "新疆维吾尔自治区", RegionCode: "650000", Year: 2025, Facts: []extract.Fact{withCode(gdp(5, "喀什"), "653100")}},
			{ID: "b", Region: "喀什地区", RegionCode: "653100", Year: 2025, Facts: []extract.Fact{gdp(5, "")}},
		}, []string{"喀什 喀什地区 653100 5 a,b"}},
		{"unknown sub-area: kept under each document", []metrics.DocFacts{
			{ID: "a", Region: "海南省", RegionCode: "460000", Facts: []extract.Fact{gdp(8, "新建")}},
			{ID: "b", Region: "贵州省", RegionCode: "520000", Facts: []extract.Fact{gdp(8, "新建")}},
		}, []string{"新建 新建 - 8 a", "新建 新建 - 8 b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range metrics.Records(tc.docs) {
				code := "-"
				if r.RegionCode != nil {
					code = *r.RegionCode
				}
				var ids []string
				for _, s := range r.Sources {
					ids = append(ids, s.DocID)
				}
				got = append(got, strings.Join([]string{r.Region, r.RegionName, code, fmtG(r.Value), strings.Join(ids, ",")}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestRecordsOneValue: a cell holds one value chosen by the documented
// rule; the others are alternatives, a conflict only when they cannot be
// true together with it.
func TestRecordsOneValue(t *testing.T) {
	type f struct {
		kind    extract.Kind
		m       extract.Measure
		v       float64
		unit    string
		bound   extract.Bound
		qual    string
		section extract.Role
		start   int
		ev      string
	}
	tests := []struct {
		name  string
		facts []f
		want  []string // value bound [low-high] [stretch] conflict #alternatives
	}{
		{"range is one value, no conflict", []f{
			{extract.Target, extract.YoY, 10, "%", extract.GE, "", extract.RoleTargets, 100, "增长10%—12%"},
			{extract.Target, extract.YoY, 12, "%", extract.LE, "", extract.RoleTargets, 106, "增长10%—12%"},
		}, []string{"10 ge 10-12 - ok 0"}},
		{"range of a decrease", []f{
			{extract.Target, extract.Change, -2, "%", extract.GE, "", extract.RoleTargets, 100, "下降2%—3%"},
			{extract.Target, extract.Change, -3, "%", extract.LE, "", extract.RoleTargets, 105, "下降2%—3%"},
		}, []string{"-3 ge -3--2 - ok 0"}},
		{"ge then le far apart: no range", []f{
			{extract.Target, extract.YoY, 5, "%", extract.GE, "", extract.RoleTargets, 100, "增长5%以上"},
			{extract.Target, extract.YoY, 8, "%", extract.LE, "", extract.RoleTargets, 200, "增长8%以内"},
		}, []string{"5 ge - - ok 1"}}, // 5 to 8 may both hold
		{"milestone beside its exact figure: the figure, no conflict", []f{
			{extract.Actual, extract.Level, 3e12, "CNY", extract.GT, "", extract.RoleReview, 100, "突破3万亿元"},
			{extract.Actual, extract.Level, 3.2765e12, "CNY", extract.Eq, "", extract.RoleReview, 400, "32765亿元"},
		}, []string{"3276500000000 eq - - ok 1"}},
		{"milestone far below an exact figure: the milestone, no conflict", []f{
			{extract.Actual, extract.YoY, 3.5, "%", extract.GE, "", extract.RoleReview, 100, "增长3.5%以上"},
			{extract.Actual, extract.YoY, 10.4, "%", extract.Eq, "", extract.RoleReview, 400, "增长10.4%"},
		}, []string{"3.5 ge - - ok 1"}},
		{"two exact figures: the earlier, a conflict", []f{
			{extract.Actual, extract.YoY, 5.4, "%", extract.Eq, "", extract.RoleReview, 400, "增长5.4%"},
			{extract.Actual, extract.YoY, 5.6, "%", extract.Eq, "", extract.RoleReview, 900, "增长5.6%"},
		}, []string{"5.4 eq - - conflict 1"}},
		{"about allows its last digit", []f{
			{extract.Target, extract.YoY, 5, "%", extract.Approx, "", extract.RoleTargets, 100, "增长5%左右"},
			{extract.Target, extract.YoY, 5.2, "%", extract.Eq, "", extract.RoleTasks, 900, "增长5.2%"},
		}, []string{"5 approx - - ok 1"}},
		{"targets section over an earlier task", []f{
			{extract.Target, extract.YoY, 8, "%", extract.Eq, "", extract.RoleTasks, 50, "增长8%"},
			{extract.Target, extract.YoY, 6, "%", extract.Approx, "", extract.RoleTargets, 300, "增长6%左右"},
		}, []string{"6 approx - - conflict 1"}},
		{"tiers give a stretch", []f{
			{extract.Target, extract.Level, 6e9, "CNY", extract.Eq, "确保", extract.RoleTargets, 100, "确保60亿元，力争65亿元"},
			{extract.Target, extract.Level, 6.5e9, "CNY", extract.Eq, "力争", extract.RoleTargets, 120, "确保60亿元，力争65亿元"},
		}, []string{"6000000000 eq - 6500000000 ok 0"}},
		{"a qualifier carried back over the clause", []f{
			{extract.Target, extract.YoY, 15, "%", extract.GE, "力争", extract.RoleTargets, 100, "增长15%以上、力争达到20%"},
			{extract.Target, extract.YoY, 20, "%", extract.Eq, "力争", extract.RoleTargets, 120, "增长15%以上、力争达到20%"},
		}, []string{"15 ge - 20 ok 0"}},
		{"a ceiling's stretch is lower", []f{
			{extract.Target, extract.Level, 5.5, "%", extract.LE, "", extract.RoleTargets, 100, "失业率5.5%以内，力争5%以内"},
			{extract.Target, extract.Level, 5, "%", extract.LE, "力争", extract.RoleTargets, 120, "失业率5.5%以内，力争5%以内"},
		}, []string{"5.5 le - 5 ok 0"}},
		{"a higher tier that falls short is no stretch", []f{
			{extract.Target, extract.Level, 1500, "个", extract.GE, "", extract.RoleTasks, 100, "项目1500个以上"},
			{extract.Target, extract.Level, 1000, "个", extract.Eq, "争取", extract.RoleTasks, 900, "争取项目1000个"},
		}, []string{"1500 ge - - conflict 1"}},
		{"a higher tier from the tasks is no stretch of the targets", []f{
			{extract.Target, extract.YoY, 7.5, "%", extract.Approx, "", extract.RoleTargets, 100, "增长7.5%左右"},
			{extract.Target, extract.YoY, 10, "%", extract.Approx, "力争", extract.RoleTasks, 900, "力争增长10%左右"},
		}, []string{"7.5 approx - - conflict 1"}},
		{"higher tier only", []f{
			{extract.Target, extract.Level, 3e8, "person-times", extract.GT, "力争", extract.RoleTasks, 100, "力争突破3亿人次"},
		}, []string{"300000000 gt - - ok 0"}},
		{"units kept apart", []f{
			{extract.Actual, extract.Level, 1.75e10, "USD", extract.Approx, "", extract.RoleReview, 100, "175亿美元左右、约合1243亿元人民币"},
			{extract.Actual, extract.Level, 1.243e11, "CNY", extract.Eq, "", extract.RoleReview, 120, "175亿美元左右、约合1243亿元人民币"},
		}, []string{"17500000000 approx - - ok 0", "124300000000 eq - - ok 0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var facts []extract.Fact
			for _, x := range tc.facts {
				fc := fact("gdp", 2024, x.kind, x.m, x.v, x.unit, x.qual)
				fc.Quantity.Bound, fc.Quantity.Start, fc.Quantity.End = x.bound, x.start, x.start+4
				fc.Section, fc.Evidence = x.section, x.ev
				facts = append(facts, fc)
			}
			var got []string
			for _, r := range metrics.Records([]metrics.DocFacts{{ID: "a", Region: "甲省", RegionCode: "990000", Facts: facts}}) {
				rng := "-"
				if r.Low != nil {
					rng = fmtG(*r.Low) + "-" + fmtG(*r.High)
				}
				c := "ok"
				if r.Conflict {
					c = "conflict"
				}
				got = append(got, strings.Join([]string{fmtG(r.Value), r.Bound.String(), rng, ptrS(r.Stretch), c, itoa(len(r.Alternatives))}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func withCode(f extract.Fact, code string) extract.Fact {
	f.RegionCode = code
	return f
}

// TestRecordsRevision prefers, for an actual of a past year, the value of
// the latest report that states it, and keeps the earlier one.
func TestRecordsRevision(t *testing.T) {
	fact := func(v float64, text string) extract.Fact {
		return extract.Fact{Indicator: "gdp", Measure: extract.Level, Kind: extract.Actual, Year: 2023, Section: extract.RoleReview,
			Quantity: extract.Quantity{Value: v, Unit: "CNY", Text: text}}
	}
	docs := []metrics.DocFacts{
		{ID: "2025.txt", Region: "青禾县", Year: 2025, Facts: []extract.Fact{fact(1.962e10, "196.2亿元")}},
		{ID: "2024.txt", Region: "青禾县", Year: 2024, Facts: []extract.Fact{fact(1.96e10, "196亿元")}},
	}
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		recs := metrics.Records([]metrics.DocFacts{docs[order[0]], docs[order[1]]})
		if len(recs) != 1 {
			t.Fatalf("Records = %d records, want 1", len(recs))
		}
		r := recs[0]
		if r.Value != 1.962e10 || r.RevisedFrom == nil || *r.RevisedFrom != 1.96e10 || r.Sources[0].DocID != "2025.txt" {
			t.Errorf("Records(order %v) = value %g revised from %v (%s), want 1.962e10 revised from 1.96e10 (2025.txt)", order, r.Value, r.RevisedFrom, r.Sources[0].DocID)
		}
	}
}
