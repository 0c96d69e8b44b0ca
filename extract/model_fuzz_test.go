package extract_test

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

// FuzzRead runs the document model and the binder on any text: no panic,
// parts that cover the text in order, facts one per quantity with offsets
// inside the text.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"2025年青禾市人民政府工作报告\n——2025年1月16日在青禾市第十七届人民代表大会第四次会议上\n各位代表：\n一、2024年工作回顾\n全市地区生产总值增长5.6%。\n二、2025年主要目标\n今年主要预期目标是：增长5.5%左右。",
		"一、2023年工作回顾\n城镇、农村居民人均可支配收入分别增长4.3%和5.5%。谋划实施重大项目五六百个。",
		"五年来，全省一般公共预算收入从412.6亿元增长到538.9亿元，从2018年的1亿元增长到2023年的2亿元。",
		"济南、青岛地区生产总值分别增长6.1%和5.9%。地区生产总值增长7%以上、力争达到8%。",
		"2024年工作回顾\n（一）锚定目标攻坚。增长1.33倍，较2020年下降11.7%，2021年以来累计完成投资1.5万亿元。\n名词解释\n",
		"××年全市招商引资工作的基本情况\n实际到位亿元",
		"", "分别", "从", "——", "二〇一九年一月十四日", "一、\n二、\n（一）",
		"山东省济南市大力发展新能源汽车产业、低空经济，坚持“九个抓”，推进一企一策，实施三大战略和四个一批，两化融合。",
	} {
		f.Add(s)
	}
	cat := metrics.DefaultCatalogue()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := extract.Read(corpus.FromText("f", s, corpus.Meta{}, nil), extract.ReadOptions{})
		end := 0
		for _, p := range d.Parts {
			if p.Start != end || p.End < p.Start || p.End > len(d.Text) {
				t.Fatalf("Read(%q).Parts: %+v does not follow at %d", s, p, end)
			}
			end = p.End
		}
		if end != len(d.Text) {
			t.Fatalf("Read(%q).Parts end at %d, want %d", s, end, len(d.Text))
		}
		// the recognisers that read the document's one pass for pairs find
		// what their scans of the text find
		if got, want := d.Places, extract.DefaultGazetteer().Mentions(d.Text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Read(%q).Places = %v, want %v", s, got, want)
		}
		if got, want := d.Sectors(), extract.Sectors(d.Text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Read(%q).Sectors() = %v, want %v", s, got, want)
		}
		if got, want := d.Slogans(), extract.Slogans(d.Text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Read(%q).Slogans() = %v, want %v", s, got, want)
		}
		qs := extract.Quantities(d.Text)
		fs := extract.FactsOf(d, qs, extract.FactOptions{Indicators: cat})
		// one fact per quantity, in order, but for a figure said of several
		// subjects (more facts of one quantity) and a threshold that sorts
		// a noun (none): every fact is of a quantity, in text order
		spans := map[[2]int]bool{}
		for _, q := range qs {
			spans[[2]int{q.Start, q.End}] = true
		}
		last := -1
		for _, fc := range fs {
			if fc.Quantity.Start < 0 || fc.Quantity.End > len(d.Text) || fc.Since != 0 && fc.Since >= fc.Year {
				t.Fatalf("FactsOf(%q): fact %+v out of range", s, fc)
			}
			if !spans[[2]int{fc.Quantity.Start, fc.Quantity.End}] || fc.Quantity.Start < last {
				t.Fatalf("FactsOf(%q): fact %+v is of no quantity, or out of order", s, fc)
			}
			last = fc.Quantity.Start
		}
	})
}

// FuzzSweep holds the scans that read the hits of the document's one pass
// to the same scans searching the text: the sentences, the quantities,
// the parts' targets cues, the facts with their years and coordinated subjects, the
// redacted units.
func FuzzSweep(f *testing.F) {
	for _, s := range []string{
		"二、2025年主要目标\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。",
		"接待游客人次、旅游总花费均增长10%以上，城乡居民收入都增长6%。",
		"去年全年实现工业总产值亿元，增长%，提高个百分点；实施一企一策。",
		"目标目标是", "目", "年年均都元点一业经济", "增长５％，一二三万，翻一番，半成；2",
	} {
		f.Add(s)
	}
	cat := metrics.DefaultCatalogue()
	r := extract.NewRecognizer()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := extract.Read(corpus.FromText("f", s, corpus.Meta{}, nil), extract.ReadOptions{})
		bare := extract.Unswept(d) // the same model, its scans searching the text
		text := d.Text
		if sents, secs := corpus.Split(text); !reflect.DeepEqual(d.Sents, sents) || !reflect.DeepEqual(d.Sections, secs) {
			t.Fatalf("Read(%q) splits the text into %v, %v; want %v, %v", text, d.Sents, d.Sections, sents, secs)
		}
		for from := range text {
			if from > 256 {
				break // the first offsets tell; every one of a long text would take long
			}
			if got, want := extract.TargetsCue(d, from), extract.TargetsCue(bare, from); got != want {
				t.Fatalf("targets cue in %q from %d on the hits = %v, want %v", text, from, got, want)
			}
		}
		qs := r.Quantities(text)
		if got := r.QuantitiesIn(d); !reflect.DeepEqual(got, qs) {
			t.Fatalf("QuantitiesIn(%q) = %+v, want %+v", text, got, qs)
		}
		opts := extract.FactOptions{Indicators: cat}
		if got, want := extract.FactsOf(d, qs, opts), extract.FactsOf(bare, qs, opts); !reflect.DeepEqual(got, want) {
			t.Fatalf("FactsOf(%q) on the hits = %+v, want %+v", text, got, want)
		}
		if got, want := r.RedactedIn(d), r.RedactedIn(bare); got != want {
			t.Fatalf("RedactedIn(%q) = %d, want %d", text, got, want)
		}
	})
}
