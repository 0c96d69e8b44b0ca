package extract

import (
	"regexp"
	"strings"

	"github.com/policyfacts/policyfacts/corpus"
)

// Figures over a span of years (SCHEMA.md, fact.since):
//
//	较2020年下降11.7%          since 2020, a change over the span
//	2020年以来累计完成投资1.2万亿元   since 2020, cumulative
//	“十四五”以来 / 过去五年 / 五年来 …累计   since the plan period's first year
//	过去五年 …年均增长6.2%       since the first year of the five
//
// The span's last year is the figure's Year.

var (
	// 较2020年, 比2019年, 与2020年相比
	sinceYearRe = regexp.MustCompile(`(?:较|比|与|相比)((?:19[4-9][0-9]|20[0-9][0-9]))年(?:末|底)?(?:相比)?`)
	// 2020年以来
	sinceFromRe = regexp.MustCompile(`((?:19[4-9][0-9]|20[0-9][0-9]))年以来`)
	// 2019年至2023年, 2019—2023年
	spanYearsRe = regexp.MustCompile(`((?:19[4-9][0-9]|20[0-9][0-9]))年?(?:至|到|—|-|－|～)((?:19[4-9][0-9]|20[0-9][0-9]))年`)
	// 两年平均, 三年平均
	yearsAverageRe = regexp.MustCompile(`([两二三四五六七八九十])年平均`)
	// the plan periods by the first year they cover
	planStarts = []struct {
		word  string
		first int
	}{{"十一五", 2006}, {"十二五", 2011}, {"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}}
	// words that name the five years before the working year
	fiveYears = []string{"过去五年", "五年来", "这五年", "五年间", "五年累计"}
)

// span sets f.Since (and the measure of a total over it) for a figure over
// several years: a base year it is compared with in its clause, a start
// year it is counted from, or the plan period of a plan part.
func (b *binder) span(f *Fact, clause string, sent corpus.Sentence) {
	if f.Year == 0 {
		return
	}
	local := recent(clause, 90)
	if strings.Contains(local, "年") && (strings.Contains(local, "较") || strings.Contains(local, "比") || strings.Contains(local, "与")) {
		if m := sinceYearRe.FindStringSubmatch(local); m != nil {
			if y := atoiYear(m[1]); y < f.Year {
				f.Since = y
				if f.Measure == YoY {
					f.Measure = Change // a growth over several years is no year-on-year growth
				}
				return
			}
		}
	}
	cumulative := strings.Contains(local, "累计") || strings.Contains(local, "共计")
	if !cumulative && f.Measure != AvgGrowth {
		return // only a total or an average runs over a span here
	}
	head := recent(b.text[sent.Start:f.Quantity.Start], 600)
	since := 0
	// the regular expressions only where what they need stands: two runs
	// of four digits, 年平均
	if digitRuns4(head) >= 2 {
		if m := spanYearsRe.FindStringSubmatch(head); m != nil && atoiYear(m[2]) == f.Year {
			since = atoiYear(m[1]) // 2019年至2023年
		}
	}
	if since == 0 && strings.Contains(local, "年平均") {
		if m := yearsAverageRe.FindStringSubmatch(local); m != nil {
			// 两年平均增长: the year before and the year
			n := strings.Index("一二三四五六七八九十", m[1])/len("一") + 1
			if m[1] == "两" {
				n = 2
			}
			since = f.Year - n + 1
		}
	}
	if strings.Contains(head, "以来") {
		if m := sinceFromRe.FindStringSubmatch(head); m != nil {
			since = atoiYear(m[1])
		}
		for _, p := range planStarts {
			if strings.Contains(head, p.word) {
				since = p.first // “十四五”以来
			}
		}
	}
	if since == 0 {
		for _, p := range planStarts {
			if k := strings.Index(head, p.word); k >= 0 && containsAny(head[k:], []string{"时期", "期间"}) {
				since = p.first
			}
		}
	}
	if since == 0 && f.Kind == Actual && b.opts.Year != 0 && (f.Section == RolePlan || containsAny(head, fiveYears)) {
		since = b.opts.Year - 5
	}
	if since == 0 || since >= f.Year {
		return
	}
	if f.Measure == AvgGrowth {
		f.Since = since
	} else if f.Measure == Level {
		f.Since, f.Measure = since, Cumulative
	}
}

// toVerbs join the two values of a level that moved over a span: 从X增长到Y.
var toVerbs = []string{"增长到", "增加到", "提高到", "提升到", "上升到", "扩大到", "下降到", "降低到", "减少到", "降至", "增至", "升至", "跃升至", "到"}

// fromTo dates the two values of 从X增长到Y: X is the level of the span's
// first year (从2018年的X, or the year before the five a review looks
// back on), Y that of its last, which carries the first as Since.
func (b *binder) fromTo(fs []Fact) {
	for i := 0; i+1 < len(fs); i++ {
		x, y := &fs[i], &fs[i+1]
		if x.Quantity.Unit != y.Quantity.Unit || x.Measure != Level || y.Measure != Level || y.Year == 0 || y.Quantity.Start < x.Quantity.End {
			continue // (the two ends of 五六百个 share their text)
		}
		between := trimSpace(b.text[x.Quantity.End:y.Quantity.Start])
		to := prefixOf(between, toVerbs)
		if to == "" {
			continue
		}
		if rest := strings.TrimPrefix(between, to); rest != "" && !(firstYear(rest) != 0 && strings.HasSuffix(rest, "的")) {
			continue // 增长到2023年的Y only
		}
		before := recent(b.text[:x.Quantity.Start], 30)
		start := 0
		switch {
		case strings.HasSuffix(before, "从"):
			head := b.text[b.sentenceOf(x.Quantity.Start).Start:x.Quantity.Start]
			if containsAny(head, fiveYears) && y.Year != 0 {
				start = y.Year - 5 // 五年来…从X: the level before the five years
			}
		case strings.HasSuffix(before, "的"):
			k := strings.LastIndex(before, "从")
			if k < 0 {
				continue
			}
			start = firstYear(before[k:]) // 从2018年的X
		default:
			continue
		}
		if start == 0 || start >= y.Year {
			continue
		}
		x.Year = start
		y.Since = start
		i++
	}
}

// digitRuns4 counts the runs of four or more ASCII digits in s, up to two.
func digitRuns4(s string) int {
	runs, n := 0, 0
	for i := 0; i < len(s) && runs < 2; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			if n == 4 {
				runs++
			}
			continue
		}
		n = 0
	}
	return runs
}
