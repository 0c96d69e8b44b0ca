package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/internal/hanset"
)

// Measure says how a figure measures its indicator.
type Measure uint8

// Measures, spelled in JSON as SCHEMA.md gives them.
const (
	Level      Measure = iota // the amount itself
	YoY                       // growth on the previous year (同比增长, 比上年增长, 增幅)
	AvgGrowth                 // average annual growth (年均增长)
	Share                     // share of a whole (占…比重, 占比)
	Completion                // share of a target met (完成…目标任务的N%)
	Change                    // any other increase or decrease (提高N个百分点, 压缩N%)
	Cumulative                // a total over a span of years (累计, 五年来共…); Fact.Since is its first year
)

var measureNames = [...]string{"level", "yoy", "avg_growth", "share", "completion", "change", "cumulative"}

func (m Measure) String() string { return enumName(measureNames[:], m, "Measure") }

// MarshalText spells the measure as in SCHEMA.md.
func (m Measure) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a measure spelled as in SCHEMA.md.
func (m *Measure) UnmarshalText(t []byte) error {
	return parseEnum(measureNames[:], t, m, "measure")
}

// Kind says whether a figure was achieved or is a goal.
type Kind uint8

// Kinds.
const (
	Actual Kind = iota // achieved, reported
	Target             // a goal, plan or task
)

func (k Kind) String() string {
	if k == Target {
		return "target"
	}
	return "actual"
}

// MarshalText spells the kind as in SCHEMA.md.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads "actual" or "target".
func (k *Kind) UnmarshalText(t []byte) error {
	switch string(t) {
	case "actual":
		*k = Actual
	case "target":
		*k = Target
	default:
		return fmt.Errorf("extract: unknown kind %q", t)
	}
	return nil
}

// Fact is a quantity bound to what it measures, when, and whether it is an
// achieved figure or a goal (SCHEMA.md "Fact").
type Fact struct {
	Indicator string  // canonical id, "" when the catalogue has none
	Metric    string  // the metric phrase as the text words it
	Measure   Measure //
	Kind      Kind
	Year      int      // 0 when unknowable
	Quantity  Quantity // the figure; Value is negative for decreases
	Region    string   // "" for the document's own region, else the sub-area as written
	// RegionCode is the present GB/T 2260 code of Region when it names one
	// division ("" for the document's own region and for a group: 昭阳、镇雄)
	RegionCode string
	Qualifier  string // the modal word of a target: 确保, 力争, 奋斗目标 …
	Evidence   string // the clause it came from
	Section    Role   // the role of the part of the document it stands in
	// Since is the first year of a figure over a span of years (五年累计,
	// 年均增长 over a plan period, 较2019年增长); Year is the last. 0 for a
	// figure of one year.
	Since int
}

// MarshalJSON writes the SCHEMA.md shape: year and region null when unknown.
func (f Fact) MarshalJSON() ([]byte, error) {
	type out struct {
		Indicator  string  `json:"indicator"`
		Metric     string  `json:"metric"`
		Measure    Measure `json:"measure"`
		Kind       Kind    `json:"kind"`
		Year       *int    `json:"year"`
		Value      float64 `json:"value"`
		Unit       Unit    `json:"unit"`
		Bound      Bound   `json:"bound"`
		Region     *string `json:"region"`
		RegionCode string  `json:"region_code,omitempty"`
		Qualifier  string  `json:"qualifier,omitempty"`
		Since      *int    `json:"since,omitempty"`
		Section    Role    `json:"section"`
		Evidence   string  `json:"evidence"`
		Text       string  `json:"text"`
		Start      int     `json:"start"`
		End        int     `json:"end"`
	}
	o := out{Indicator: f.Indicator, Metric: f.Metric, Measure: f.Measure, Kind: f.Kind,
		Value: f.Quantity.Value, Unit: f.Quantity.Unit, Bound: f.Quantity.Bound,
		Qualifier: f.Qualifier, Section: f.Section, RegionCode: f.RegionCode, Evidence: f.Evidence, Text: f.Quantity.Text, Start: f.Quantity.Start, End: f.Quantity.End}
	if f.Year != 0 {
		o.Year = &f.Year
	}
	if f.Region != "" {
		o.Region = &f.Region
	}
	if f.Since != 0 {
		o.Since = &f.Since
	}
	return json.Marshal(o)
}

// UnmarshalJSON reads the SCHEMA.md shape.
func (f *Fact) UnmarshalJSON(b []byte) error {
	var in struct {
		Indicator, Metric, Qualifier, Evidence, Text string
		RegionCode                                   string `json:"region_code"`
		Measure                                      Measure
		Kind                                         Kind
		Section                                      Role
		Since                                        *int
		Year                                         *int
		Value                                        float64
		Unit                                         Unit
		Bound                                        Bound
		Region                                       *string
		Start, End                                   int
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*f = Fact{Indicator: in.Indicator, Metric: in.Metric, Measure: in.Measure, Kind: in.Kind,
		Qualifier: in.Qualifier, Evidence: in.Evidence, Section: in.Section, RegionCode: in.RegionCode,
		Quantity: Quantity{Text: in.Text, Start: in.Start, End: in.End, Value: in.Value, Unit: in.Unit, Bound: in.Bound}}
	if in.Year != nil {
		f.Year = *in.Year
	}
	if in.Region != nil {
		f.Region = *in.Region
	}
	if in.Since != nil {
		f.Since = *in.Since
	}
	return nil
}

// IndicatorDims is what an IndicatorFinder may also tell of its
// indicators; the binder asks for it when the finder has it.
type IndicatorDims interface {
	// Fits reports whether a figure of dimension dim and measure m can
	// measure the indicator id.
	Fits(id string, dim Dimension, m Measure) bool
	// Rate reports an indicator whose level is a percentage.
	Rate(id string) bool
	// ChangeOnly reports an indicator whose growth is reported as a
	// change of its level (an intensity).
	ChangeOnly(id string) bool
	// AcceptsUnit reports whether a level of it may be stated in unit u.
	AcceptsUnit(id string, u Unit) bool
}

// dims returns the finder's IndicatorDims, nil if it has none.
func (b *binder) dims() IndicatorDims {
	d, _ := b.opts.Indicators.(IndicatorDims)
	return d
}

func (b *binder) isRate(id string) bool {
	d, ok := b.opts.Indicators.(IndicatorDims)
	return ok && d.Rate(id)
}

// IndicatorFinder names the indicator a clause speaks of. The metrics
// package's Catalogue implements it.
type IndicatorFinder interface {
	// FindIndicator returns the id of the indicator named in clause that a
	// figure of dimension dim and measure m can measure, the phrase that
	// named it and its offset in clause.
	FindIndicator(clause string, dim Dimension, m Measure) (id, phrase string, at int, ok bool)
}

// FactOptions carry what the binder needs besides the document.
type FactOptions struct {
	// Year and Region override the document's working year and region
	// (Doc.Identity) when set.
	Year       int
	Region     string
	Indicators IndicatorFinder // nil: every fact gets indicator ""
	Gazetteer  *Gazetteer      // for Facts on a bare text; nil: the embedded one
}

// clauseMarks end a clause (a constant, so that the sets made of it with
// other marks are built by the compiler).
const clauseMarks = "，,；;：:。！？!?\n、"

// The words the binder reads. Each list is one concept.
var (
	growthWords  = []string{"同比增长", "比上年增长", "较上年增长", "增长", "增幅", "增速", "涨幅", "上涨", "递增", "提高", "提升", "上升", "增加", "扩大"}
	declineWords = []string{"同比下降", "比上年下降", "下降", "降低", "减少", "回落", "下滑", "缩减", "压缩", "压减", "缩短", "减幅", "降幅"}
	rateWords    = []string{"涨幅", "增幅", "增速", "增长率"}
	changeOnly   = []string{"压缩", "压减", "缩短", "缩减", "减少", "增加", "扩大"}
	shareWords   = hanset.NewWords("占", "比重", "占比", "所占比例")
	targetLocal  = hanset.NewWords("目标", "任务", "计划", "预期", "确保", "力争", "争取", "力求", "要达到", "要实现", "将达到")
	// the target words that still make a target of a figure in a review
	reviewTargetLocal = hanset.NewWords("目标", "计划", "预期目标", "力争", "力求", "要达到", "将达到")
	targetSentence    = []string{"确保", "力争", "争取", "力求", "目标是", "目标任务是", "预期目标", "主要目标", "奋斗目标", "工作目标", "计划", "任务是"}
	// words that open the targets of a paragraph (主要预期目标是：)
	targetParagraph = []string{"目标是", "目标任务是", "预期目标", "主要目标", "任务是", "目标为"}
	reviewCues      = hanset.NewWords("回顾一年来", "一年来", "过去一年", "去年以来", "过去的一年")
	qualifiers      = []string{"奋斗目标", "工作目标", "预期目标", "确保", "力争", "争取", "力求"}
	landUseRe       = regexp.MustCompile(`占地(?:面积|约|[0-9])`)
	// a gap to another area or a benchmark: 高于全国, 比全省平均快
	gapRe = regexp.MustCompile(`(?:高于|低于|快于|慢于|超出|好于|优于)|比(?:全国|全省|全市|全区|全州|全县|平均|预期|目标)`)
)

// Facts binds each quantity of a clean text to its indicator, measure,
// kind, year and region, reading the text as a document (Read) whose
// working year and region are opts.Year and opts.Region alone. qs must be
// the quantities of text (clean offsets), in text order; the facts come in
// the same order, one per quantity, or one per subject (FactsOf).
func Facts(text string, qs []Quantity, opts FactOptions) []Fact {
	if len(qs) == 0 {
		return []Fact{}
	}
	d := Read(corpus.Document{Raw: text, Clean: text}, ReadOptions{Gazetteer: opts.Gazetteer})
	d.Identity = Identity{}
	if opts.Region != "" {
		// the region named, for the sub-areas below it
		r := reader{d: d, g: d.gazetteer(opts.Gazetteer), ac: DefaultAreaCodes()}
		d.Identity.Region, _ = r.resolve(opts.Region)
	}
	return FactsOf(d, qs, opts)
}

// FactsOf binds each quantity of a document to its indicator, measure,
// kind, year and region: the part a figure stands in gives its kind and
// year where its clause does not (a figure of the review is achieved in
// the reviewed year, one of the targets or tasks is planned for the
// working year). qs must be the quantities of d.Text, in text order; the
// facts come in the same order, one per quantity, but for a figure said
// of several subjects at once (游客人次、旅游花费均增长10%), which gives one
// fact per subject, in the subjects' order, and a threshold that sorts a
// noun (80岁以上老人), which gives none.
func FactsOf(d *Doc, qs []Quantity, opts FactOptions) []Fact {
	out := make([]Fact, 0, len(qs))
	if len(qs) == 0 {
		return out // no figure: the scans below would be wasted
	}
	if opts.Year == 0 {
		opts.Year = d.Identity.Year
	}
	if opts.Region == "" {
		opts.Region = d.Identity.Region.Name
	}
	text := d.Text
	b := binder{d: d, text: text, sents: d.Sents, secs: d.Sections, opts: opts, marks: yearMarks(text, d.char("年")),
		places: d.Places, words: binderFinder.find(text, d.binderStarts())}
	for i, q := range qs {
		out = append(out, b.bind(i, q, qs, out))
	}
	b.fromTo(out)
	return b.withoutSorting(b.each(out))
}

// thresholdWords reports a figure written as a threshold (80岁以上,
// 10蒸吨及以下, 过千万元), not a count with an inner bound (8500余人).
func thresholdWords(text string) bool {
	return hasSuffixAny(text, []string{"以上", "以下", "以内"}) || hasPrefixAny(text, []string{"过", "超过", "超", "不足", "不到"})
}

// withoutSorting drops the facts of thresholds that sort a noun (80岁以上
// 老人, 10蒸吨及以下燃煤锅炉): quantities the text states, but no figure of
// anything it measures.
func (b *binder) withoutSorting(fs []Fact) []Fact {
	if len(b.sorting) == 0 {
		return fs
	}
	out := fs[:0]
	k := 0 // b.sorting and the facts are both in text order
	for _, f := range fs {
		for k < len(b.sorting) && b.sorting[k] < f.Quantity.Start {
			k++
		}
		if f.Indicator == "" && k < len(b.sorting) && b.sorting[k] == f.Quantity.Start {
			continue
		}
		out = append(out, f)
	}
	return out
}

type binder struct {
	d     *Doc
	text  string
	sents []corpus.Sentence
	secs  []corpus.Section
	opts  FactOptions
	marks []yearMark  // year words of the text, found once
	words []wordMarks // the binderLists words kindOf and qualifierOf read, found once
	lines []int       // the offsets of the newlines, found when first asked
	// places named in the text, in order, found once. Names hold no clause
	// marks, so the mentions inside a clause are those a scan of the
	// clause alone would find.
	places []Mention
	heads  []headYear // the year of each section heading, found when first asked
	review struct {   // the last answer of reviewBefore (para 0: none yet)
		para  int
		found bool
	}
	clause, region clauseCursor // the last clause starts found, by marks
	listPlace      listPlace    // the place respectively gave the figure, if any
	sorting        []int        // the starts of thresholds that sort a noun: no facts
}

// clauseCursor remembers the last clause start found with one set of
// marks, so that the figures of a sentence, read left to right, each
// search only the text since the one before.
type clauseCursor struct {
	lo, pos, start int // clauseStart(lo, pos) = start; pos 0: none yet
}

// headYear memoises nearestYear of a section heading.
type headYear struct {
	year        int
	ok, checked bool
}

// headingYear returns the year named by the heading of section s.
func (b *binder) headingYear(s int) (int, bool) {
	if b.heads == nil {
		b.heads = make([]headYear, len(b.secs))
	}
	h := &b.heads[s]
	if !h.checked {
		h.year, h.ok = b.nearestYear(b.secs[s].Heading)
		h.checked = true
	}
	return h.year, h.ok
}

// belowPrefix returns the gazetteer code prefix of the places below the
// document's region ("" when the region is unknown or the country).
func (b *binder) belowPrefix() string {
	if b.d.Identity.Region.Level == National {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSuffix(b.d.Identity.Region.Code, "00"), "00")
}

// lookBack caps how far before a figure the binder reads for modal words,
// so a text of one endless sentence costs linear time.
const lookBack = 1500

// clauseReach bounds the words before a figure searched for its
// indicator: 200 characters, more than any subject and its verb, so that
// a clause of thousands of figures joined by 和 costs no more than a
// short one.
const clauseReach = 600

// recent returns the last n bytes of s, cut at a rune boundary.
func recent(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func (b *binder) sentenceOf(pos int) corpus.Sentence {
	k := sort.Search(len(b.sents), func(k int) bool { return b.sents[k].End > pos })
	if k < len(b.sents) && b.sents[k].Start <= pos {
		return b.sents[k]
	}
	return corpus.Sentence{Start: pos, End: pos, Section: -1, Paragraph: -1}
}

// clauseStart returns the start of the clause that ends at pos: after the
// last of marks before it, within [lo, pos). c holds the answer before:
// when it was for an earlier pos of the same lo, only the text since is
// searched.
func (b *binder) clauseStart(lo, pos int, marks *hanset.Marks, c *clauseCursor) int {
	from, start := lo, lo // search text[from:pos]; start if no mark there
	if c.pos > 0 && c.lo == lo && c.pos <= pos {
		from, start = c.pos, c.start
	}
	if k, size := marks.LastIndex(b.text[from:pos]); k >= 0 {
		start = from + k + size
	}
	*c = clauseCursor{lo, pos, start}
	return start
}

// The marks a clause begins after: clauseEnds, and sentenceMarks for the
// clause a place name governs (a list of places is not cut at 、).
var (
	clauseEnds    = hanset.NewMarks(clauseMarks)
	sentenceMarks = hanset.NewMarks(strings.ReplaceAll(clauseMarks, "、", ""))
)

func (b *binder) bind(i int, q Quantity, qs []Quantity, prev []Fact) Fact {
	t := b.text
	sent := b.sentenceOf(q.Start)
	cs := b.clauseStart(sent.Start, q.Start, clauseEnds, &b.clause)
	clause := t[cs:q.Start]
	// the words since the previous figure of the clause
	local := clause
	if i > 0 && qs[i-1].End > cs && qs[i-1].End <= q.Start {
		local = t[qs[i-1].End:q.Start]
	}
	f := Fact{Quantity: q}
	f.Measure, f.Quantity.Value = measureOf(local, clause, q)
	if q.Unit == "times" && f.Measure == YoY {
		f.Quantity.Unit, f.Quantity.Dimension = "%", Percent
	}
	// a member of a range or list (5%—5.5%, 分别增长6%和8%) measures what
	// the member before it measures
	if len(prev) > 0 && i > 0 && (isJoin(local) || isTierJoin(local)) && qs[i-1].Unit == q.Unit {
		p := prev[len(prev)-1]
		f.Measure = p.Measure
		f.Quantity.Value = signed(q.Value, p.Quantity.Value < 0)
		if isJoin(local) && f.Quantity.Bound == Eq && (p.Quantity.Bound == GT || p.Quantity.Bound == GE) && !startsDigitOrNumeral(p.Quantity.Text) {
			f.Quantity.Bound = p.Quantity.Bound // 分别突破5万元和2.5万元: the bound written once is each member's
		}
	}

	// a goal named after the figure (超额完成年初确定的6%目标): the target
	// of what the figure before it in the sentence measures
	var goalOf *Fact
	if q.Unit == "%" && goalAfter(t[q.End:]) {
		for k := len(prev) - 1; k >= 0 && prev[k].Quantity.Start >= max(sent.Start, q.Start-lookBack); k-- {
			if prev[k].Quantity.Unit == "%" && prev[k].Kind == Actual {
				goalOf = &prev[k]
				f.Measure = goalOf.Measure
				break
			}
		}
	}

	// indicator: in the clause (for a share, in its subject before 占),
	// within clauseReach of the figure
	search := recent(clause, clauseReach)
	if f.Measure == Share {
		if k := strings.LastIndex(search, "占"); k >= 0 {
			if b.opts.Indicators != nil {
				// a rate named with its whole (R&D经费支出占GDP比重) is the
				// level of that rate, found whole
				if id, phrase, at, ok := b.opts.Indicators.FindIndicator(search, q.Dimension, Level); ok && b.isRate(id) && at < k && k < at+len(phrase) {
					f.Measure = Level
				}
			}
			if f.Measure == Share {
				search = search[:k]
			}
		}
	}
	metricStart := -1
	aliasFound := "" // the catalogue phrase found; its words are not modal markers (计划总投资)
	listed := false  // a member of a respectively-list: its indicator is its member's
	if id, metric, m, v, ok := b.respectively(i, q, qs, prev, sent.Start); ok {
		f.Indicator, f.Metric, f.Measure, f.Quantity.Value = id, metric, m, v
		listed = true
	} else if b.opts.Indicators != nil {
		if id, phrase, at, ok := b.opts.Indicators.FindIndicator(search, q.Dimension, f.Measure); ok {
			f.Indicator, f.Metric, metricStart = id, phrase, at
			aliasFound = phrase
		}
	}
	if f.Indicator == "" && !listed && b.opts.Indicators != nil && f.Measure != Level && cs > sent.Start && subjectless(clause) {
		// a growth whose subject is the clause before (加大研发经费投入力度，
		// 全年增长10%), when no figure stands between them
		pcs := b.clauseStart(sent.Start, cs-1, clauseEnds, &clauseCursor{})
		if i == 0 || qs[i-1].End <= pcs {
			if id, phrase, _, ok := b.opts.Indicators.FindIndicator(t[pcs:cs], q.Dimension, f.Measure); ok {
				f.Indicator, f.Metric = id, phrase
				aliasFound = phrase
			}
		}
	}
	if f.Indicator == "" && !listed && b.opts.Indicators != nil && f.Measure == Level && cs > sent.Start &&
		(levelSubjectless(clause) || trimSpace(clause) == "" && prefixOf(q.Text, milestoneLinks) != "") {
		// a level whose clause says only when and that it was reached
		// (2024年达到1.3万亿元, 突破1600亿斤 with the verb in the figure)
		// measures the subject of the clause before
		// (全省地区生产总值连跨4个千亿台阶), when no figure of its kind
		// stands between them
		pcs := b.clauseStart(sent.Start, cs-1, clauseEnds, &clauseCursor{})
		between := false
		for k := i - 1; k >= 0 && qs[k].End > pcs; k-- {
			between = between || qs[k].Dimension == q.Dimension
		}
		if !between {
			if id, phrase, _, ok := b.opts.Indicators.FindIndicator(t[pcs:cs], q.Dimension, f.Measure); ok {
				f.Indicator, f.Metric = id, phrase
				aliasFound = phrase
			}
		}
	}
	if f.Indicator == "" && !listed && b.opts.Indicators != nil && (i == 0 || qs[i-1].End <= sent.Start) && subjectlessSentence(t[sent.Start:q.Start]) {
		// the subject is the sentence before, which states no figure:
		// 社会消费品零售总额稳步增长。全年实现1862.5亿元
		if ps := b.sentenceOf(sent.Start - 1); ps.End <= sent.Start && ps.Paragraph == sent.Paragraph && (i == 0 || qs[i-1].End <= ps.Start) {
			if id, phrase, _, ok := b.opts.Indicators.FindIndicator(t[ps.Start:ps.End], q.Dimension, f.Measure); ok {
				f.Indicator, f.Metric = id, phrase
				aliasFound = phrase
			}
		}
	}
	if f.Indicator == "" && !listed && b.opts.Indicators != nil && cs >= sent.Start+len("、") && t[cs-len("、"):cs] == "、" {
		// a bare attribute after a list mark takes the head of the member
		// before it: 粮食播种面积1266.6万亩、产量514.4万吨 (粮食产量)
		if attr := trimSpace(clause); utf8.RuneCountInString(attr) >= 2 && utf8.RuneCountInString(attr) <= 4 {
			pe := cs - len("、")
			pcs := b.clauseStart(sent.Start, pe, clauseEnds, &clauseCursor{})
			if i > 0 && qs[i-1].Start >= pcs && qs[i-1].End <= pe {
				if id, phrase := b.memberIndicator([]string{t[pcs:qs[i-1].Start], attr}, 1, q.Dimension, f.Measure); id != "" {
					f.Indicator, f.Metric = id, phrase
				}
			}
		}
	}
	if f.Indicator == "" && b.opts.Indicators != nil && q.Dimension == Count {
		// the thing counted may follow the count: 引进10个投资上亿元的企业集团
		ce := sent.End
		if k := strings.IndexAny(t[q.End:sent.End], clauseMarks); k >= 0 {
			ce = q.End + k
		}
		// manner words between the thing and what became of it do not
		// count (18个项目成功签约: 项目签约)
		after := t[q.End:ce]
		if mannerWords.In(after) {
			after = mannerWordsRe.ReplaceAllString(after, "")
		}
		if id, phrase, _, ok := b.opts.Indicators.FindIndicator(after, q.Dimension, f.Measure); ok {
			f.Indicator, f.Metric = id, phrase
		}
	}
	if f.Indicator == "" && !listed && !namesOwnSubject(clause, local) {
		// inherit from the previous figure of the sentence (同比增长22%, 年均增长8%)
		for k := len(prev) - 1; k >= 0; k-- {
			p := prev[k]
			if p.Quantity.Start < sent.Start || p.Quantity.Start < q.Start-lookBack {
				break // not before the sentence, nor far back in a long one
			}
			if p.Indicator == "" {
				if k == len(prev)-1 && strings.TrimSpace(t[min(p.Quantity.End, cs):cs]) == "、" {
					break // 一般公共预算总收入5955.6亿元、增长0.8%: the growth of the level just before, which names no indicator
				}
				continue
			}
			if d := b.dims(); d != nil && d.Fits(p.Indicator, q.Dimension, f.Measure) || d == nil && (f.Measure != Level || q.Dimension == p.Quantity.Dimension) {
				f.Indicator = p.Indicator
				// the subject's phrase and the words since it (同比增长),
				// bounded: metrics inherited along a long list do not grow
				f.Metric = recent(p.Metric, 90) + trimSpace(recent(clause, 90))
			}
			break
		}
	}
	if f.Measure == Level && f.Indicator != "" && b.dims() != nil && !b.dims().AcceptsUnit(f.Indicator, f.Quantity.Unit) {
		f.Indicator = "" // 转移就业109万人次 is not urban_new_jobs; 170万亩 is no grain output
	}
	if q.Bound != Eq && q.Bound != Approx && modifiesNoun(t[q.End:]) {
		// 税收过千万元工业企业, 80岁以上老人: a threshold that sorts a noun,
		// no fact; but 支出的75%以上用于民生 is a share, told of its whole
		f.Indicator = ""
		if f.Measure != Share && thresholdWords(q.Text) {
			b.sorting = append(b.sorting, q.Start)
		}
	}
	gap := q.Unit == "pp" && gapRe.MatchString(recent(clause, 60))
	if gap {
		f.Indicator = "" // 增速高于全国0.9个百分点: a gap to another area or total, not a change
	}
	if f.Measure == YoY && f.Indicator != "" && b.dims() != nil && b.dims().ChangeOnly(f.Indicator) {
		f.Measure = Change // 单位地区生产总值能耗下降3%
	}
	if f.Measure == YoY && metricStart >= 0 && f.Indicator != "" && b.isRate(f.Indicator) {
		// 人口自然增长率控制在7.6‰: the growth word is the rate's name, no verb
		if v, _ := lastVerb(search[metricStart+len(aliasFound):]); v == "" {
			f.Measure = Level
		}
	}
	if f.Measure == Share && f.Indicator != "" && b.isRate(f.Indicator) {
		f.Measure = Level // R&D经费支出占GDP比重2.5%: the indicator is the share
	}
	if q.Unit == "%" && f.Measure == Level && hasSuffixAny(f.Metric, rateWords) && !strings.HasSuffix(f.Metric, "自然增长率") {
		f.Measure = YoY // 居民消费价格涨幅3%: the phrase names a rate of growth
	}
	if f.Metric == "" {
		f.Metric = trimMetric(clause)
	} else if metricStart >= 0 {
		f.Metric = trimMetric(search[metricStart:])
	}

	// kind and qualifier
	f.Section = b.d.PartAt(q.Start).Role
	f.Kind = b.kindOf(i, q, qs, local, sent, f.Measure, aliasFound, f.Section)
	if f.Kind == Target {
		f.Qualifier = b.qualifierOf(sent, q)
	}
	f.Year = b.yearOf(sent, q, f.Kind, f.Section)
	if goalOf != nil {
		f.Indicator, f.Kind, f.Year, f.Qualifier = goalOf.Indicator, Target, goalOf.Year, ""
	}
	b.span(&f, clause, sent)
	switch {
	case listed && b.listPlace.name != "":
		f.Region, f.RegionCode = b.listPlace.name, b.listPlace.code
	case !gap:
		f.Region, f.RegionCode = b.regionOf(sent, q) // 高于太原市: no sub-area's figure
	}
	f.Evidence = evidence(t[sent.Start:sent.End], q.Start-sent.Start)
	return f
}

// evidence returns the sentence a figure stands in, cut to about 200
// characters around the figure at offset at when the sentence is longer.
func evidence(sent string, at int) string {
	const span = 300
	if len(sent) <= 2*span {
		return trimSpace(sent)
	}
	lo, hi := max(0, at-span), min(len(sent), at+span)
	for lo > 0 && !utf8.RuneStart(sent[lo]) {
		lo--
	}
	for hi < len(sent) && !utf8.RuneStart(sent[hi]) {
		hi++
	}
	return trimSpace(sent[lo:hi])
}

// milestoneFrames are the words a milestone stands before (突破5万亿元大关).
var milestoneFrames = []string{"大关", "台阶", "新台阶", "关口", "规模", "水平", "量级", "级", "新高", "大台阶", "新阶段", "阶段", "行列"}

// modifiesNoun reports the text after a bounded figure when the figure
// stands before a noun it sorts (千万元以上项目, 过千万美元企业): a Han character
// that neither ends the clause nor goes on with the figure's own verb or
// list.
func modifiesNoun(after string) bool {
	after = strings.TrimPrefix(after, "的") // 过千万元的企业
	r, _ := hanset.DecodeRune(after)
	if r < 0x4E00 || r > 0x9FFF || hasPrefixAny(after, milestoneFrames) {
		return false
	}
	return !strings.ContainsRune("的和及与或、增同比占左上下以，。；：为达到", r)
}

// subjectlessSentence reports the head of a sentence, up to its first
// figure, that names no subject: words of time and estimate, then a verb
// (2008年，初步核算达到…; 全年实现…).
func subjectlessSentence(head string) bool {
	h := trimSpace(head)
	if len(h) > 60 {
		return false
	}
	for changed := true; changed; {
		changed = false
		if y := firstYear(h); y != 0 && strings.HasPrefix(h, strconv.Itoa(y)+"年") {
			h, changed = strings.TrimLeft(strings.TrimPrefix(h, strconv.Itoa(y)+"年"), "，, "), true
		}
		for _, w := range []string{"全年", "初步核算", "预计", "经初步核算", "共", "累计"} {
			if rest, ok := strings.CutPrefix(h, w); ok {
				h, changed = strings.TrimLeft(rest, "，, "), true
			}
		}
	}
	for _, w := range []string{"达到", "实现", "完成", "突破", "为"} {
		if h == w {
			return true
		}
	}
	return false
}

// subjectless reports a clause that opens on its verb, bar words of time
// and manner (全年增长, 同比下降, 预计增长): its subject is the clause before.
func subjectless(clause string) bool {
	c := trimSpace(clause)
	for _, w := range []string{"全年", "同比", "预计", "年均", "分别", "累计", "较上年", "比上年"} {
		c = strings.TrimPrefix(c, w)
	}
	for _, w := range growthWords {
		if strings.HasPrefix(c, w) {
			return true
		}
	}
	for _, w := range declineWords {
		if strings.HasPrefix(c, w) {
			return true
		}
	}
	return false
}

// levelSubjectless reports a clause before a level that says only when
// and that the level was reached: 2024年达到, 全年突破, 预计超过.
func levelSubjectless(clause string) bool {
	c := trimSpace(clause)
	if len(c) >= 7 && isYearDigits(c[:4]) && c[4:7] == "年" {
		c = c[7:]
	}
	for _, w := range []string{"全年", "年末", "年底", "预计"} {
		c = strings.TrimPrefix(c, w)
	}
	return slices.Contains(milestoneLinks, c)
}

// mannerWords are adverbs that stand between a thing counted and the verb
// that says what became of it (项目集中开工, 项目成功签约).
var (
	mannerWords   = hanset.NewWords("成功", "集中", "尽快", "顺利", "陆续", "全部", "如期", "相继")
	mannerWordsRe = regexp.MustCompile(`成功|集中|尽快|顺利|陆续|全部|如期|相继`)
)

// prefixOf returns the first of words that s starts with, "" if none.
func prefixOf(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// isTierJoin reports the text between two tiers of one target: a clause
// mark, the higher tier's modal word and a verb of reaching (增长7%以上、力争
// 达到8%; 确保5%，争取5.5%).
func isTierJoin(s string) bool {
	s = strings.TrimLeft(trimSpace(s), "、，,；;")
	w := prefixOf(s, qualifiers)
	if w == "" {
		return false
	}
	s = strings.TrimPrefix(s, w)
	for _, v := range []string{"达到", "实现", "达", "到", "为"} {
		s = strings.TrimPrefix(s, v)
	}
	return s == ""
}

// isJoin reports the text between two members of a range or list.
func isJoin(s string) bool {
	s = trimSpace(s)
	for _, w := range joinWords {
		if s == w {
			return true
		}
	}
	return false
}

// measureOf decides the measure from the words before a figure, and gives
// decreases a negative value.
func measureOf(local, clause string, q Quantity) (Measure, float64) {
	v := q.Value
	verb, decline := lastVerb(local)
	switch q.Unit {
	case "%":
		switch {
		case (strings.Contains(clause, "年均") || strings.Contains(clause, "年平均")) && verb != "":
			return AvgGrowth, signed(v, decline)
		case strings.Contains(clause, "完成") && strings.HasSuffix(trimSpace(local), "的") || ofThePlan(local):
			return Completion, v // 完成年度目标的105%, 为年度目标的120%
		case shareWords.In(clause) && !landUseRe.MatchString(clause):
			return Share, v
		case verb == "" && partOfWhole(local):
			return Share, v // 一般公共预算支出的75%以上用于民生: a part of a whole
		case verb != "" && !verbReaches(local, verb):
			if slices.Contains(changeOnly, verb) && verb != "增加" && verb != "扩大" && !strings.Contains(local, "同比") {
				return Change, signed(v, decline)
			}
			return YoY, signed(v, decline)
		}
		return Level, v
	case "pp":
		return Change, signed(v, decline)
	case "times":
		if verb != "" && !decline && !strings.HasPrefix(q.Text, "翻") && strings.HasPrefix(verb, "增长") {
			return YoY, math.Round(v*100*1e6) / 1e6 // 增长1.33倍: a growth of 133% (the unit becomes %)
		}
		if verb != "" || strings.HasPrefix(q.Text, "翻") || multipleOfBefore(local) {
			return Change, v // 是上年的4倍: a multiple of the year before
		}
		return Level, v
	}
	if verb != "" && !verbReaches(local, verb) && (strings.Contains(clause, "比") || strings.Contains(clause, "较") || decline) {
		return Change, signed(v, decline) // 减少3.2万人: a fall, not a level
	}
	return Level, v
}

// partOfWhole reports a percentage of a whole named right before it with
// 的 (支出的75%), neither of a goal (目标的) nor of an earlier year (上年的).
func partOfWhole(local string) bool {
	l := trimSpace(local)
	if !strings.HasSuffix(l, "的") || ofThePlan(l) || multipleOfBefore(l) {
		return false
	}
	r, _ := hanset.DecodeLastRune(strings.TrimSuffix(l, "的"))
	return isHanRune(r) && !strings.ContainsRune("年月日度期前后内中上下", r)
}

// namesOwnSubject reports a clause that names a subject of its own before
// its verb (新能源汽车产量增长43%), which then inherits no indicator from
// the figure before it: three characters or more before the verb, in the
// clause and since the figure before.
func namesOwnSubject(clause, local string) bool {
	if subjectless(clause) {
		return false
	}
	l := trimSpace(local)
	verb, _ := lastVerb(l)
	if verb == "" {
		// no growth: a noun of measure of its own right before the figure,
		// or before the verb of a milestone (带动消费300多亿元, 争取“两重”资金
		// 51.8亿元, 重大项目投资突破9100亿元)
		for _, w := range milestoneLinks {
			if h, ok := strings.CutSuffix(l, w); ok {
				l = h
				break
			}
		}
		return utf8.RuneCountInString(l) >= 4 && hasSuffixAny(l, measureNouns)
	}
	head := strings.TrimSuffix(l, verb)
	for _, w := range []string{"同比", "全年", "年均", "比上年", "较上年", "分别", "预计", "累计", "其中"} {
		head = strings.TrimSuffix(strings.TrimPrefix(head, w), w)
	}
	head = trimSpace(head)
	if r, _ := hanset.DecodeRune(head); strings.ContainsRune("占比较为是与", r) {
		return false // 占市外到位资金的比重提高到: the share of the subject before
	}
	// a subject of its own ends in a noun of measure (产量, 利润, 进出口);
	// 今年预期, 同口径, 剔除…因素后 and 两年平均 only qualify the verb
	return utf8.RuneCountInString(head) >= 3 && hasSuffixAny(head, measureNouns)
}

// milestoneLinks stand between a subject and a level it reaches.
var milestoneLinks = []string{"达到", "达", "突破", "超过", "超", "迈上", "跨过", "为"}

// measureNouns end the subject of a clause that names what it measures.
var measureNouns = []string{"产量", "产值", "增加值", "收入", "营收", "营业收入", "利润", "总额", "金额", "销量", "销售额",
	"数量", "人数", "人次", "规模", "进出口", "出口", "进口", "投资", "消费", "支出", "交易额", "成交额", "用电量", "货运量", "客运量", "吞吐量", "资金"}

// goalAfter reports a goal named right after a figure: 6%目标, 6%的预期目标.
func goalAfter(after string) bool {
	after = strings.TrimPrefix(after, "的")
	for _, w := range []string{"目标", "预期目标", "增长目标", "预期", "奋斗目标"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// ofThePlan reports a percentage stated of a goal: 为年度目标的120%,
// 占年度计划的98%.
func ofThePlan(local string) bool {
	l := trimSpace(local)
	for _, w := range []string{"目标的", "计划的", "任务的", "目标任务的", "预算的"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}

// multipleOfBefore reports a multiple stated of an earlier year's level:
// 是上年的4倍, 相当于2020年的1.5倍, 为去年同期的2倍.
func multipleOfBefore(local string) bool {
	l := strings.TrimSuffix(trimSpace(local), "的")
	l = strings.TrimSuffix(l, "同期")
	for _, w := range []string{"上年", "去年", "前年", "上一年"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	if k := strings.LastIndex(l, "年"); k >= 4 && k == len(l)-len("年") && isASCIIDigits(l[k-4:k]) {
		return true // 2020年的1.5倍
	}
	return false
}

func signed(v float64, neg bool) float64 {
	if neg && v > 0 {
		return -v
	}
	return v
}

// verbStarts are the first characters of the growth and decline words.
var verbStarts = hanset.New(firstRunes(growthWords) + firstRunes(declineWords))

// lastVerb finds a growth or decline word near the end of s (within the
// last few characters: 同比增长, 增幅达, 下降了).
func lastVerb(s string) (verb string, decline bool) {
	s = trimSpace(s)
	tail := lastRunes(s, 8)
	// the verb that starts last, the longest of those that start there
	best, bestAt := "", len(tail)
	for best == "" && bestAt > 0 {
		r, size := hanset.DecodeLastRune(tail[:bestAt])
		bestAt -= size
		if !verbStarts.Has(r) {
			continue
		}
		for _, w := range declineWords {
			if len(w) > len(best) && strings.HasPrefix(tail[bestAt:], w) {
				best, decline = w, true
			}
		}
		for _, w := range growthWords {
			if len(w) > len(best) && strings.HasPrefix(tail[bestAt:], w) {
				best, decline = w, false
			}
		}
	}
	if best == "" {
		return "", false
	}
	// the verb must end the clause, bar a few linking words
	rest := strings.TrimLeft(tail[bestAt+len(best):], " ")
	for _, w := range []string{"了", "达到", "达", "为", "约", "近", "超过", "超", "突破", "到", "至", "在"} {
		rest = strings.TrimPrefix(rest, w)
	}
	if utf8.RuneCountInString(rest) > 2 {
		return "", false
	}
	return best, decline
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := hanset.DecodeLastRune(s[:i])
		i -= size
	}
	return s[i:]
}

// verbReaches reports 提高到 / 增长到 / 下降至: the figure is the new level.
func verbReaches(local, verb string) bool {
	k := strings.LastIndex(local, verb)
	rest := local[k+len(verb):]
	return strings.HasPrefix(rest, "到") || strings.HasPrefix(rest, "至")
}

// trimMetric cuts the predicate words off a clause, leaving the metric phrase.
func trimMetric(s string) string {
	s = strings.TrimRight(trimSpace(s), "“‘「《")
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"达到", "达", "为", "是", "共", "约", "近", "超过", "突破", "完成", "实现", "了", "累计", "分别", "其中"} {
			// the 约 of 签约 and the 近 of 附近 end a word, no bound
			if strings.HasSuffix(s, w) && len(s) > len(w) && !((w == "约" || w == "近") && endsNotBound(s, w)) {
				s = strings.TrimSuffix(s, w)
				changed = true
			}
		}
	}
	for _, w := range []string{"其中", "全年", "今年", "全市", "全州", "全省", "全县", "全区", "我市", "我州", "我省", "共"} {
		if strings.HasPrefix(s, w) && len(s) > len(w)+3 {
			s = strings.TrimPrefix(s, w)
		}
	}
	return s
}

// kindOf decides actual or target. In the review (and a plan period's
// review) a figure is achieved unless a target word governs it since the
// figure before (目标, 计划, 力争: 争取 there is what was obtained); in the
// targets and tasks it is planned unless a reporting cue governs it
// (去年, 完成); elsewhere the words of its sentence and paragraph decide.
func (b *binder) kindOf(i int, q Quantity, qs []Quantity, local string, sent corpus.Sentence, m Measure, alias string, role Role) Kind {
	t := b.text
	if alias != "" {
		local = strings.Replace(local, alias, "", 1)
	}
	if m == Completion {
		return Actual
	}
	// the base of a completion: 完成…任务3000亿元的109.71%
	if i+1 < len(qs) && strings.HasPrefix(t[q.End:], "的") && qs[i+1].Start == q.End+len("的") && qs[i+1].Unit == "%" {
		return Target
	}
	if role == RoleReview || role == RolePlan {
		if reviewTargetLocal.In(local) {
			return Target
		}
		return Actual
	}
	if targetLocal.In(local) {
		return Target
	}
	// the sentence, and the paragraph up to the sentence when it opens the
	// targets (主要预期目标是：…); the words of the catalogue phrase do not
	// count (计划总投资)
	lo := q.Start - len(recent(t[sent.Start:q.Start], lookBack))
	xlo, xhi := -1, -1
	if alias != "" {
		if k := strings.Index(t[lo:q.Start], alias); k >= 0 {
			xlo, xhi = lo+k, lo+k+len(alias)
		}
	}
	w := b.words
	if w[goalSentence].within(lo, q.Start, xlo, xhi, nil) || w[expectWord].within(lo, q.Start, xlo, xhi, b.isExpect) {
		return Target
	}
	if p := b.paragraphStart(sent.Start); p < sent.Start {
		plo := sent.Start - len(recent(t[p:sent.Start], 4*lookBack))
		if w[goalParagraph].within(plo, sent.Start, -1, -1, nil) {
			return Target
		}
	}
	past := w[pastWord].within(lo, q.Start, xlo, xhi, nil)
	if role == RoleTargets || role == RoleTasks {
		// a reporting cue of the figure's own clause (去年…，今年要增长8%:
		// the 8% is planned); 完成 alone plans (完成年度投资3000亿元), 已完成 reports
		cs := lo
		if k, size := clauseEnds.LastIndex(b.text[lo:q.Start]); k >= 0 {
			cs = lo + k + size
		}
		if !w[pastWord].within(cs, q.Start, xlo, xhi, nil) && !alreadyWords.In(b.text[cs:q.Start]) && !b.pastHead(lo, q.Start) {
			return Target
		}
	}
	if !past && w[yaoWord].within(lo, q.Start, xlo, xhi, b.isModalYao) {
		return Target
	}
	return Actual
}

// startsDigitOrNumeral reports a figure's text that opens on its number,
// not on a bound word before it (突破5万元).
func startsDigitOrNumeral(s string) bool {
	r, _ := hanset.DecodeRune(s)
	return r >= '0' && r <= '9' || isNumeralRune(r)
}

// alreadyWords say in a clause of the tasks that its figure is done
// already (已开工, 完成了); looked for in that clause alone.
var alreadyWords = hanset.NewWords("已", "完成了", "实现了", "累计完成")

// pastHead reports a sentence that opens on a past time (去年，…) whose
// figure at pos no present time (今年, 明年) or plan word (要, 将) follows:
// 去年，全市投资增长6.1%，今年要增长8%: the 6.1% is last year's.
func (b *binder) pastHead(lo, pos int) bool {
	head := b.text[lo:pos]
	for _, w := range []string{"去年", "上年", "过去一年"} {
		if strings.HasPrefix(head, w) {
			rest := head[len(w):]
			return !strings.Contains(rest, "今年") && !strings.Contains(rest, "明年") && !strings.Contains(rest, "要") && !strings.Contains(rest, "将")
		}
	}
	return false
}

// isExpect reports 预期 as a goal (预期年销售收入), not as a benchmark
// (好于预期, 超预期).
func (b *binder) isExpect(m wordMark) bool {
	before := b.text[:m.start]
	return !strings.HasSuffix(before, "于") && !strings.HasSuffix(before, "超") && !strings.HasSuffix(before, "超出") && !strings.HasSuffix(before, "符合")
}

// isModalYao reports 要 as a modal of plans (要引进, 要达到), not inside
// 主要, 重要, 需要, 要求, 纲要, 只要.
func (b *binder) isModalYao(m wordMark) bool {
	prev, _ := hanset.DecodeLastRune(b.text[:m.start])
	next, _ := hanset.DecodeRune(b.text[m.end:])
	return !strings.ContainsRune("主重需纲只必想紧摘", prev) && !strings.ContainsRune("求素点件领闻", next)
}

// paragraphStart returns the start of the line that holds pos.
func (b *binder) paragraphStart(pos int) int {
	if b.lines == nil {
		b.lines = []int{}
		for i := 0; ; {
			k := strings.IndexByte(b.text[i:], '\n')
			if k < 0 {
				break
			}
			b.lines = append(b.lines, i+k)
			i += k + 1
		}
	}
	// the last newline before pos
	if k := sort.SearchInts(b.lines, pos) - 1; k >= 0 {
		return b.lines[k] + 1
	}
	return 0
}

func (b *binder) qualifierOf(sent corpus.Sentence, q Quantity) string {
	head := recent(b.text[b.paragraphStart(sent.Start):q.Start], lookBack)
	lo := q.Start - len(head)
	// the last qualifier that ends before the figure and starts in head
	qs := b.words[qualifierWord]
	k := sort.Search(len(qs), func(k int) bool { return qs[k].end > q.Start }) - 1
	if k >= 0 && qs[k].start >= lo {
		return qs[k].word
	}
	return ""
}

// wordMark is an occurrence of a word in the text.
type wordMark struct {
	start, end int
	word       string
}

// wordMarks are the occurrences of some words in a text, by start. They
// may overlap (主要目标是: 主要目标, 目标是).
type wordMarks []wordMark

// A wordFinder finds every occurrence of the words of some lists in one
// pass over a text. Every word begins with a Han character.
type wordFinder struct {
	lists   int
	byFirst hanset.Index[listWord]
	pairs   hanset.Pairs // the first two characters of the words of two or more
	singles string       // the words of one character
}

type listWord struct {
	text string
	list int
}

func newWordFinder(lists [][]string) *wordFinder {
	f := &wordFinder{lists: len(lists)}
	for i, l := range lists {
		for _, w := range l {
			r, size := hanset.DecodeRune(w)
			f.byFirst.Add(r, listWord{w, i})
			if size < len(w) {
				f.pairs.AddWord(w)
			} else if !strings.Contains(f.singles, w) {
				f.singles += w
			}
		}
	}
	return f
}

// find returns the occurrences of the words of each list in text, by
// start, in the order of the lists. starts, when not nil, gives the
// places from an offset on where a word may start (in increasing order,
// every start among them); else the text is scanned for the words' first
// characters.
func (f *wordFinder) find(text string, starts func(i int) int) []wordMarks {
	out := make([]wordMarks, f.lists)
	for i := 0; ; {
		var ws []listWord
		if starts == nil {
			k, _, w := f.byFirst.Next(text[i:])
			if k < 0 {
				return out
			}
			i, ws = i+k, w
		} else {
			if i = starts(i); i < 0 {
				return out
			}
			r, _ := hanset.DecodeRune(text[i:])
			ws = f.byFirst.At(r)
		}
		for _, w := range ws {
			if strings.HasPrefix(text[i:], w.text) {
				out[w.list] = append(out[w.list], wordMark{i, i + len(w.text), w.text})
			}
		}
		_, size := hanset.DecodeRune(text[i:])
		i += size
	}
}

// binderStarts returns where the binder's words may start from an offset
// on, read from the document's one pass (the pairs of its words, and its
// one word of one character, 要, one of sweepChars); nil when it has no
// hits.
func (d *Doc) binderStarts() func(int) int {
	if d.pairHits == nil {
		return nil
	}
	pairs, yao := hanset.NewPairCursor(d.pairHits[binderPairsHits]), d.char(binderFinder.singles)
	return func(i int) int {
		a, _, _ := pairs.Next(d.Text, i)
		b := yao.next(d.Text, i)
		if a < 0 || b >= 0 && b < a {
			return b
		}
		return a
	}
}

// within reports an occurrence inside text[lo:hi] that does not overlap
// text[xlo:xhi] (a catalogue phrase whose words do not count) and that ok
// accepts (nil accepts any).
func (ms wordMarks) within(lo, hi, xlo, xhi int, ok func(wordMark) bool) bool {
	k := sort.Search(len(ms), func(k int) bool { return ms[k].start >= lo })
	for ; k < len(ms) && ms[k].start < hi; k++ {
		m := ms[k]
		if m.end > hi || m.start < xhi && m.end > xlo {
			continue
		}
		if ok == nil || ok(m) {
			return true
		}
	}
	return false
}

// The word lists the binder finds once per text (binderFinder), so that
// each figure asks for its window by binary search; binder.words holds
// their occurrences in this order.
const (
	goalSentence  = iota // targetSentence
	goalParagraph        // targetParagraph
	qualifierWord        // qualifiers (no qualifier contains another)
	pastWord             // 去年, 上年
	doneWord             // 完成
	expectWord           // 预期
	yaoWord              // 要
	respWord             // 分别
)

var binderFinder = newWordFinder([][]string{
	goalSentence:  targetSentence,
	goalParagraph: targetParagraph,
	qualifierWord: qualifiers,
	pastWord:      {"去年", "上年"},
	doneWord:      {"完成"},
	expectWord:    {"预期"},
	yaoWord:       {"要"},
	respWord:      {"分别"},
})

// yearOf finds the year a figure belongs to: the nearest year word before
// it in its sentence, then in its paragraph, its section heading and the
// paragraphs before it in the section; else the document year (less one for
// an achieved figure in a review section).
func (b *binder) yearOf(sent corpus.Sentence, q Quantity, kind Kind, role Role) int {
	if y, ok := b.nearestYearIn(sent.Start, q.Start); ok {
		return y
	}
	para := b.paragraphStart(sent.Start)
	if y, ok := b.nearestYearIn(para, sent.Start); ok && !b.staleYear(y, kind, role) {
		return y
	}
	if sent.Section >= 0 && sent.Section < len(b.secs) {
		sec := b.secs[sent.Section]
		for s := sent.Section; s >= 0; s-- {
			h := b.secs[s]
			if h.Start > sec.Start || h.End < sec.End && s != sent.Section {
				continue
			}
			if y, ok := b.headingYear(s); ok {
				return y
			}
		}
		// earlier paragraphs of the section, nearest first (not for a
		// target of the targets or tasks: their year is the working year)
		end := para
		if kind == Target && (role == RoleTargets || role == RoleTasks) && b.opts.Year != 0 {
			return b.opts.Year
		}
		for k := 0; k < 6 && end > sec.Start; k++ {
			start := max(b.paragraphStart(max(end-1, 0)), sec.Start)
			if y, ok := b.nearestYearIn(start, max(end-1, start)); ok {
				return y
			}
			end = start
		}
		if (role == RoleReview || role == RolePlan) && kind == Actual && b.opts.Year != 0 {
			return b.opts.Year - 1
		}
	}
	// a review of the past year a few paragraphs before: 回顾一年来的工作
	if (role == RoleReview || role == RolePlan) && kind == Actual && b.opts.Year != 0 {
		return b.opts.Year - 1 // a review under a heading without a number
	}
	if kind == Actual && b.opts.Year != 0 && para > 0 && b.reviewBefore(para) {
		return b.opts.Year - 1
	}
	return b.opts.Year
}

// staleYear reports a year named in an earlier sentence of a paragraph
// that cannot date a figure of its part: another year than the reviewed
// one in the review (积石山地震 of 2023 told in the review of 2024), before
// the working year for a target of the targets or tasks.
func (b *binder) staleYear(y int, kind Kind, role Role) bool {
	if b.opts.Year == 0 || y == 0 {
		return false
	}
	switch {
	case role == RoleReview && kind == Actual:
		return y != b.opts.Year-1 // nor after it: 制定2024年、2025年…方案
	case (role == RoleTargets || role == RoleTasks) && kind == Target:
		return y < b.opts.Year
	}
	return false
}

// reviewBefore reports a review cue (reviewCues) in the seven lines
// before the paragraph at para (eight pieces of the text before it, cut
// at newlines, the last being empty). Figures come in text order, so the last
// answer is kept for the next figure of the paragraph.
func (b *binder) reviewBefore(para int) bool {
	if b.review.para == para {
		return b.review.found
	}
	s := recent(b.text[:para], 8*lookBack)
	found := false
	for k := 0; k < 8 && !found; k++ {
		i := strings.LastIndexByte(s, '\n')
		found = reviewCues.In(s[i+1:])
		if i < 0 {
			break
		}
		s = s[:i]
	}
	b.review.para, b.review.found = para, found
	return found
}

// nearestYearIn returns the year of the last year word in text[lo:hi].
func (b *binder) nearestYearIn(lo, hi int) (int, bool) {
	if hi <= lo {
		return 0, false
	}
	// the marks inside [lo, hi), by binary search, shifted to the window
	first := sort.Search(len(b.marks), func(k int) bool { return b.marks[k][0] >= lo })
	last := sort.Search(len(b.marks), func(k int) bool { return b.marks[k][1] > hi })
	if first >= last {
		return 0, false
	}
	return b.yearOfMarks(b.text[lo:hi], lo, b.marks[first:last])
}

// nearestYear returns the year of the last year word in s.
func (b *binder) nearestYear(s string) (int, bool) {
	return b.yearOfMarks(s, 0, yearMarks(s, search("年")))
}

// yearWords are the words that name a year relative to the document's.
// Each ends in 年, which yearMarks looks for.
var yearWords = []string{"今年", "本年", "当年", "去年", "上年", "明年", "前年", "过去一年"}

// yearMark is a year word of a text: {start, end, digitsStart,
// digitsEnd}, the digits being -1, -1 for a word.
type yearMark [4]int

// yearMarks finds the year words of s, left to right and not
// overlapping: an explicit year 1940–2099 followed by 年, or one of
// yearWords. Every one ends in 年, so the scan reads back from each 年
// that src finds (the document's hits, or a byte search); FuzzYearMarks
// holds it to the regexp it replaces.
func yearMarks(s string, src wordSource) []yearMark {
	var out []yearMark
	for off := 0; ; {
		k := src.next(s, off)
		if k < 0 {
			return out
		}
		end := k + len("年")
		off = end
		if k >= 4 && isYearDigits(s[k-4:k]) {
			out = append(out, yearMark{k - 4, end, k - 4, k})
			continue
		}
		for _, w := range yearWords {
			if strings.HasSuffix(s[:end], w) {
				out = append(out, yearMark{end - len(w), end, -1, -1})
				break
			}
		}
	}
}

// isYearDigits reports four ASCII digits of a year 1940–2099.
func isYearDigits(d string) bool {
	for i := 0; i < 4; i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return d[:2] == "20" || d[:2] == "19" && d[2] >= '4'
}

// yearOfMarks reads the year words ms of s from the last; their offsets
// are base more than in s. Comparisons (比上年, 同比, 上年同期) and spans
// (2020年以来) are not year words.
func (b *binder) yearOfMarks(s string, base int, ms []yearMark) (int, bool) {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		for i, v := range m {
			if v >= 0 {
				m[i] = v - base // m is a copy
			}
		}
		w := s[m[0]:m[1]]
		before := s[:m[0]]
		after := s[m[1]:]
		if strings.HasPrefix(after, "以来") || strings.HasPrefix(after, "同期") {
			continue
		}
		if m[2] >= 0 {
			if strings.HasPrefix(after, "—") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, "至") || strings.HasPrefix(after, "到") {
				continue
			}
			if strings.HasSuffix(before, "较") || strings.HasSuffix(before, "比") || strings.HasSuffix(before, "与") {
				continue // the base of a comparison (较2020年下降): not the figure's year
			}
			if !governingYear(before, after) {
				continue // a year inside a name: 实现2013年省级平台集中签约项目履约率90%
			}
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			return y, true
		}
		if strings.HasSuffix(before, "比") || strings.HasSuffix(before, "较") || strings.HasSuffix(before, "同") || strings.HasSuffix(before, "于") {
			continue
		}
		if b.opts.Year == 0 {
			return 0, true
		}
		switch w {
		case "当年":
			continue // 当年签约当年开工: the year of the context, not the working year
		case "今年", "本年":
			return b.opts.Year, true
		case "去年", "上年", "过去一年":
			return b.opts.Year - 1, true
		case "明年":
			return b.opts.Year + 1, true
		case "前年":
			return b.opts.Year - 2, true
		}
	}
	return 0, false
}

// governingYear reports a year word that dates what follows: at the head
// of a clause (2019年，全市…; 在2019年签订的), or followed by 的, a comma, a
// month or a whole-area word (2015年的1174亿元, 2021年1月—12月, 2013年全州).
func governingYear(before, after string) bool {
	b := trimSpace(before)
	for _, w := range []string{"在", "于", "截至", "截止", "到", "至", "从", "自", "是", "为", "同"} {
		b = strings.TrimSuffix(b, w)
	}
	if b == "" {
		return true
	}
	if r, _ := hanset.DecodeLastRune(b); strings.ContainsRune(clauseMarks+"（(）)“”", r) {
		return true
	}
	if r, _ := hanset.DecodeRune(after); r >= '0' && r <= '9' || strings.ContainsRune(clauseMarks, r) {
		return true
	}
	for _, w := range []string{"的", "底", "末", "上半年", "下半年", "前", "全", "年初", "年中", "年度", "以前", "完成", "实现", "共", "累计", "新", "我"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// regionOf finds a sub-area the clause is about: places named in it
// (joined by 、 when several), other than the document's region.
func (b *binder) regionOf(sent corpus.Sentence, q Quantity) (string, string) {
	cs := b.clauseStart(sent.Start, q.Start, sentenceMarks, &b.region)
	clause := b.text[cs:q.Start]
	var names []string
	code := ""
	last := -1
	// a sub-area lies below the document's region (when its code is known)
	below := b.belowPrefix()
	first := sort.Search(len(b.places), func(k int) bool { return b.places[k].Start >= cs })
	for _, m := range b.places[first:] {
		if m.End > q.Start {
			break
		}
		m.Start -= cs
		m.End -= cs
		if m.Start < last {
			continue // the same name for another place
		}
		if b.opts.Region != "" && (m.Place.Region == b.opts.Region || m.Place.Short == strings.TrimRight(b.opts.Region, "市州省县区")) {
			continue
		}
		if m.Place.Level == Province {
			continue
		}
		if below != "" && !strings.HasPrefix(m.Place.Code, below) {
			continue // a place elsewhere (对接北京、上海), or a word holding a name
		}
		name := clause[m.Start:m.End]
		if last >= 0 && clause[last:m.Start] == "、" {
			names = append(names, name)
			code = ""
		} else {
			names = []string{name}
			code = fullCode(m.Place.Code)
		}
		last = m.End
	}
	if last == len(clause) && q.Dimension == Count {
		return "", "" // the count counts the places named: 昭阳、镇雄4个县区
	}
	return strings.Join(names, "、"), code
}
