package metrics_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

// TestWideCSVParsesBack writes the wide CSV and its codebook of records
// with long indicator ids, two units in a cell, a range, a stretch and a
// document without a region, reads them back with encoding/csv and finds
// every record's numbers where the codebook says they are.
func TestWideCSVParsesBack(t *testing.T) {
	f := func(ind string, kind extract.Kind, m extract.Measure, v float64, unit string, b extract.Bound, qual string, start int, ev string) extract.Fact {
		fc := fact(ind, 2024, kind, m, v, unit, qual)
		fc.Quantity.Bound, fc.Quantity.Start, fc.Quantity.End = b, start, start+4
		fc.Evidence, fc.Section = ev, extract.RoleTargets
		return fc
	}
	docs := []metrics.DocFacts{
		{ID: "a.txt", Region: "上海市", RegionCode: "310000", RegionLevel: "province", Facts: []extract.Fact{
			f("invest.foreign_actual", extract.Actual, extract.Level, 1.75e10, "USD", extract.Approx, "", 10, "175亿美元左右、约合1243亿元"),
			f("invest.foreign_actual", extract.Actual, extract.Level, 1.243e11, "CNY", extract.Eq, "", 30, "175亿美元左右、约合1243亿元"),
			f("fixed_asset_investment", extract.Target, extract.YoY, 8, "%", extract.GE, "", 50, "增长8%—10%"),
			f("fixed_asset_investment", extract.Target, extract.YoY, 10, "%", extract.LE, "", 56, "增长8%—10%"),
			f("invest.arrived_out_of_province", extract.Actual, extract.Completion, 102, "%", extract.Eq, "", 80, "完成102%"),
			f("invest.arrived_out_of_province", extract.Target, extract.AvgGrowth, 9, "%", extract.Eq, "确保", 90, "确保9%，力争10%"),
			f("invest.arrived_out_of_province", extract.Target, extract.AvgGrowth, 10, "%", extract.Eq, "力争", 99, "确保9%，力争10%"),
			f("urban_new_jobs", extract.Actual, extract.Level, 6.22e5, "人", extract.Eq, "", 120, "新增就业62.2万人"),
			f("urban_new_jobs", extract.Actual, extract.Level, 3e4, "个", extract.Eq, "", 140, "岗位3万个"),
		}},
		{ID: "a2.txt", Region: "上海市", RegionCode: "310000", RegionLevel: "province", Facts: []extract.Fact{
			since(f("gdp", extract.Actual, extract.AvgGrowth, 5.5, "%", extract.Eq, "", 10, "五年来年均增长5.5%"), 2020),
			since(f("gdp", extract.Actual, extract.AvgGrowth, 6.1, "%", extract.Eq, "", 40, "2022年以来年均增长6.1%"), 2022),
		}},
		{ID: "b.txt", Facts: []extract.Fact{
			f("gdp", extract.Actual, extract.YoY, 5, "%", extract.Eq, "", 10, "增长5%"),
		}},
		{ID: "c.txt", Facts: []extract.Fact{
			f("gdp", extract.Actual, extract.YoY, 6, "%", extract.Eq, "", 10, "增长6%"),
		}},
	}
	recs := metrics.Records(docs)
	var wide, book bytes.Buffer
	if err := metrics.WriteWideCSV(&wide, recs, metrics.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := metrics.WriteCodebook(&book, recs, nil, metrics.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&wide).ReadAll()
	if err != nil {
		t.Fatalf("wide CSV does not parse: %v", err)
	}
	cb, err := csv.NewReader(&book).ReadAll()
	if err != nil {
		t.Fatalf("codebook does not parse: %v", err)
	}
	header := rows[0]
	stata := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,31}$`)
	seen := map[string]int{}
	for i, h := range header {
		if !stata.MatchString(h) {
			t.Errorf("column %q is not a Stata name", h)
		}
		if _, dup := seen[h]; dup {
			t.Errorf("column %q twice", h)
		}
		seen[h] = i
	}
	// the codebook lists the columns in order
	if len(cb)-1 != len(header) {
		t.Fatalf("codebook has %d rows for %d columns", len(cb)-1, len(header))
	}
	book2col := map[string]string{} // indicator|measure|kind|unit|field → column
	for i, c := range cb[1:] {
		if c[0] != header[i] {
			t.Errorf("codebook row %d names %q, the CSV %q", i+1, c[0], header[i])
		}
		if c[1] != "" {
			book2col[c[1]+"|"+strings.Join(c[3:7], "|")+"|"+c[8]] = c[0]
		}
	}
	if len(rows)-1 != 3 {
		t.Errorf("got %d rows, want 3 (上海市 and two documents without a region): %q", len(rows)-1, rows)
	}
	// every number parses; every record's numbers are in its row
	for _, row := range rows[1:] {
		for i, cell := range row[len(metrics.WideIDColumns):] {
			if _, err := strconv.ParseFloat(cell, 64); cell != "" && err != nil {
				t.Errorf("column %s holds %q", header[i+len(metrics.WideIDColumns)], cell)
			}
		}
	}
	rowOf := func(r metrics.Record) []string {
		for _, row := range rows[1:] {
			if row[seen["year"]] == strconv.Itoa(r.Year) && row[seen["region"]] == r.Region &&
				row[seen["doc_ids"]] == r.Sources[0].DocID || r.Region != "" && row[seen["region"]] == r.Region {
				return row
			}
		}
		return nil
	}
	check := func(r metrics.Record, field string, want float64) {
		key := strings.Join([]string{r.Indicator, r.Measure.String(), r.Kind.String(), string(r.Unit), field, sinceS(r.Since)}, "|")
		col, ok := book2col[key]
		if !ok {
			t.Errorf("codebook has no column for %s", key)
			return
		}
		row := rowOf(r)
		if row == nil {
			t.Errorf("no row for %s %d", r.Region, r.Year)
			return
		}
		got, err := strconv.ParseFloat(row[seen[col]], 64)
		if err != nil || got != want {
			t.Errorf("%s = %q, want %v", col, row[seen[col]], want)
		}
	}
	for _, r := range recs {
		check(r, metrics.FieldValue, r.Value)
		if r.High != nil {
			check(r, metrics.FieldHigh, *r.High)
		}
		if r.Stretch != nil {
			check(r, metrics.FieldStretch, *r.Stretch)
		}
	}
	for _, want := range []string{"invest_foreign_actual_actual", "invest_foreign_actual_actual_usd", "fixed_asset_investment_yoy_target",
		"fixed_asset_investment_yoy_target_high", "gdp_yoy_actual", "gdp_avg_growth_actual_since2020", "gdp_avg_growth_actual_since2022", "urban_new_jobs_actual", "urban_new_jobs_actual_ge"} {
		if _, ok := seen[want]; !ok && len(want) <= metrics.MaxColumnName {
			t.Errorf("no column %s in %q", want, header)
		}
	}
}

func since(f extract.Fact, y int) extract.Fact {
	f.Since = y
	return f
}

func sinceS(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
