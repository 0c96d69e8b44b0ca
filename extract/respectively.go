package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// A respectively-list (分别) pairs the members of a coordinated subject
// with the figures that follow in order:
//
//	城镇、农村居民人均可支配收入分别增长4.3%和5.5%  → urban 4.3, rural 5.5
//	第一、二、三产业增加值分别增长5.9%、14.3%、10%
//	城乡居民收入分别增长7.5%左右、8.5%左右      (城乡: urban and rural)
//	城镇居民人均可支配收入5985元，农民人均纯收入2604元，分别增长5.7%和5%
//	                                           (the subjects are the figures before)
//
// Members written short share the head of the last one (城镇、农村居民…:
// 城镇 is 城镇居民…; 第一、第三产业增加值: 第一 is 第一产业增加值).

// respectivelyMarks end the subject of 分别 on the left and the list of its
// figures on the right (not 、, which joins the members).
const respectivelyMarks = "，,；;：:。！？!?\n"

// listSplit are the words that join the members of a subject.
var listSplit = []string{"、", "以及", "和", "及", "与", "/"}

// pairedSubjects are subjects that name two members in one word.
var pairedSubjects = []struct{ word, first, second string }{
	{"城乡", "城镇", "农村"}, // 城乡居民收入: 城镇居民收入, 农村居民收入
}

// respectively binds figure i, when it is the j-th figure after a 分别 of
// its clause, to the j-th member of the subject before 分别. It returns the
// indicator, the member's phrase, and the measure and signed value the
// verb after 分别 gives (下降: negative).
func (b *binder) respectively(i int, q Quantity, qs []Quantity, prev []Fact, lo int) (id, metric string, m Measure, v float64, ok bool) {
	t := b.text
	b.listPlace = listPlace{}
	lo = q.Start - len(recent(t[lo:q.Start], lookBack))
	// the last 分别 before the figure, found once for the text
	ms := b.words[respWord]
	k := sort.Search(len(ms), func(k int) bool { return ms[k].end > q.Start }) - 1
	if k < 0 || ms[k].start < lo || strings.ContainsAny(t[ms[k].start:q.Start], respectivelyMarks) {
		return "", "", 0, 0, false
	}
	fb := ms[k].start // offset of 分别
	// the figures after 分别 up to the clause's end, and q's place among them
	x0 := i
	for x0 > 0 && qs[x0-1].Start >= fb {
		x0--
	}
	first, n, j := -1, 0, -1
	for x := x0; x < len(qs); x++ {
		if strings.ContainsAny(t[fb:qs[x].Start], respectivelyMarks) || qs[x].Start-fb > lookBack {
			break
		}
		if first < 0 {
			first = x
		}
		// the two ends of a range are one member (分别增长5%—6%和7%)
		if x > first && qs[x].Bound == LE && qs[x-1].Bound == GE && qs[x-1].End <= qs[x].Start && isRangeJoin(t[qs[x-1].End:qs[x].Start]) {
			if x == i {
				j = n - 1
			}
			continue
		}
		if x == i {
			j = n
		}
		n++
	}
	if j < 0 || n < 2 {
		return "", "", 0, 0, false
	}
	verbs := t[fb+len("分别") : qs[first].Start]
	// the subject: the clause before 分别
	cs := fb - len(recent(t[lo:fb], lookBack))
	if c := strings.LastIndexAny(t[cs:fb], respectivelyMarks); c >= 0 {
		_, size := hanset.DecodeRune(t[cs+c:])
		cs += c + size
	}
	subject := trimSpace(t[cs:fb])
	for _, w := range []string{"年均", "同比", "预计", "全年", "均"} {
		if rest, ok := strings.CutSuffix(subject, w); ok {
			subject = rest // 城乡居民人均可支配收入年均分别增长
			verbs = w + verbs
		}
	}
	if subject == "" {
		// the subjects are the figures before, with their indicators
		var subj []Fact
		for x := len(prev) - 1; x >= 0 && len(subj) < n; x-- {
			if prev[x].Quantity.Start < lo {
				break // the facts come in text order
			}
			if prev[x].Quantity.End > fb {
				continue
			}
			if prev[x].Measure == Level && prev[x].Indicator != "" {
				subj = append(subj, prev[x])
			}
		}
		if len(subj) != n {
			return "", "", 0, 0, false
		}
		p := subj[n-1-j]
		m, v = measureOf(verbs, verbs, q)
		return p.Indicator, p.Metric, m, v, true
	}
	members := splitMembers(subject)
	if len(members) != n || b.opts.Indicators == nil {
		return "", "", 0, 0, false
	}
	if places, rest, ok := b.placeList(members); ok {
		// 济南、青岛地区生产总值分别增长6.1%和5.9%: each place its figure
		m, v = measureOf(rest+verbs, rest+verbs, q)
		b.listPlace = places[j]
		if id, phrase, _, ok := b.opts.Indicators.FindIndicator(rest, q.Dimension, m); ok {
			return id, phrase, m, v, true
		}
		return "", rest, m, v, true
	}
	// the member's own words and the verb after 分别 give the measure
	// (城镇调查失业率…控制在: a level; 居民消费价格涨幅…控制在: a rise)
	m, v = measureOf(members[j]+verbs, members[j]+verbs, q)
	id, metric = b.memberIndicator(members, j, q.Dimension, m)
	return id, metric, m, v, true
}

// listPlace is the place a member of a respectively-list of places gives
// the figure paired with it.
type listPlace struct{ name, code string }

// placeList reads a subject whose members are places below the
// document's region (the last one followed by what is measured: 济南、青岛
// 地区生产总值): the places, and the words after the last place.
func (b *binder) placeList(members []string) ([]listPlace, string, bool) {
	g := b.opts.Gazetteer
	if g == nil {
		g = DefaultGazetteer()
	}
	below := b.belowPrefix()
	var out []listPlace
	for k, mem := range members {
		mem = trimSpace(mem)
		ms := g.Mentions(mem)
		if len(ms) == 0 || ms[0].Start != 0 || k < len(members)-1 && ms[0].End != len(mem) {
			return nil, "", false
		}
		p := ms[0].Place
		if p.Level == Province && b.d.Identity.Region.Level != National || below != "" && !strings.HasPrefix(p.Code, below) {
			return nil, "", false
		}
		out = append(out, listPlace{mem[:ms[0].End], fullCode(p.Code)})
		if k == len(members)-1 {
			return out, mem[ms[0].End:], true
		}
	}
	return nil, "", false
}

// isRangeJoin reports the text between the two ends of a range.
func isRangeJoin(s string) bool {
	s = trimSpace(s)
	for _, w := range rangeJoin {
		if s == w {
			return true
		}
	}
	return false
}

// splitMembers splits a coordinated subject into its members: at 、 和 及
// …, or a paired word (城乡居民 → 城镇居民, 农村居民).
func splitMembers(subject string) []string {
	var out []string
	rest := subject
	for {
		k, size := -1, 0
		for _, w := range listSplit {
			if x := strings.Index(rest, w); x >= 0 && (k < 0 || x < k) {
				k, size = x, len(w)
			}
		}
		if k < 0 {
			out = append(out, rest)
			break
		}
		out = append(out, rest[:k])
		rest = rest[k+size:]
	}
	for i, m := range out {
		// 一、二、三产业增加值: a bare ordinal is 第一, 第二
		if r, size := hanset.DecodeRune(m); size == len(m) && strings.ContainsRune("一二三四五六七八九", r) {
			out[i] = "第" + m
		}
	}
	if len(out) == 1 {
		for _, p := range pairedSubjects {
			if k := strings.Index(subject, p.word); k >= 0 {
				head, tail := subject[:k], subject[k+len(p.word):]
				return []string{head + p.first + tail, head + p.second + tail}
			}
		}
	}
	return out
}

// memberIndicator finds the indicator of member j of a subject: the
// member itself when it names one; else the member followed by the head
// it shares with the last member (城镇 + 居民人均可支配收入), the longest
// shared head whose indicator phrase starts inside the member; else the
// member after the lead it shares with the first (单位地区生产总值能耗、
// 二氧化碳排放: 单位地区生产总值 + 二氧化碳排放). It returns the phrase read
// as the member, the indicator's alias when one was found.
func (b *binder) memberIndicator(members []string, j int, dim Dimension, m Measure) (string, string) {
	find := b.opts.Indicators.FindIndicator
	mem, last, first := members[j], members[len(members)-1], members[0]
	if id, phrase, at, ok := find(mem, dim, m); ok && at+len(phrase) == len(trimSpace(mem)) {
		return id, phrase // the member names its indicator (接待游客、旅游总花费)
	}
	if j < len(members)-1 {
		for k := 0; k <= len(last); {
			cand := mem + last[k:]
			if id, phrase, at, ok := find(cand, dim, m); ok && at < len(mem) && at+len(phrase) >= len(mem) {
				return id, phrase
			}
			if k == len(last) {
				break
			}
			_, size := hanset.DecodeRune(last[k:])
			k += size
		}
	} else if id, phrase, _, ok := find(mem, dim, m); ok {
		return id, phrase
	}
	if j > 0 {
		for k := len(first); k > 0; {
			_, size := hanset.DecodeLastRune(first[:k])
			k -= size
			cand := first[:k] + mem
			if id, phrase, at, ok := find(cand, dim, m); ok && at < k && at+len(phrase) == len(cand) {
				return id, phrase
			}
		}
	}
	return "", mem
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// eachReach is how far before a figure the subject it is said of, with
// 均, is looked for: 100 characters.
const eachReach = 300

// eachWords stand between a coordinated subject and its verb when one
// figure is said of every member: 接待游客人次、旅游总花费均增长10%. Every
// one holds 均 or 都, which the document's one pass finds (sweepChars).
var eachWords = []string{"均", "都", "分别都"}

// each expands the facts whose figure is said of every member of a
// coordinated subject (游客人次、旅游花费均增长10%以上; 旅游人数和收入均增长20%):
// the fact goes to the first member, and a copy of it to each other
// member, right after it. Facts with one member, or whose members name no
// indicator of the catalogue, stay as they are.
func (b *binder) each(facts []Fact) []Fact {
	if b.opts.Indicators == nil {
		return facts
	}
	// where 均 and 都 stand, found once: most figures have none near
	var marks []int
	for _, src := range [...]wordSource{b.d.char("均"), b.d.char("都")} {
		for off := 0; ; {
			k := src.next(b.text, off)
			if k < 0 {
				break
			}
			marks = append(marks, k)
			off = k + len(src.word)
		}
	}
	if len(marks) == 0 {
		return facts
	}
	slices.Sort(marks)
	var out []Fact
	for i, f := range facts {
		var members []string
		if k, _ := slices.BinarySearch(marks, f.Quantity.Start-eachReach); k < len(marks) && marks[k] < f.Quantity.Start {
			members = b.eachSubject(f)
		}
		if len(members) < 2 {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		ids := make([]string, len(members))
		metrics := make([]string, len(members))
		distinct := map[string]bool{}
		for j := range members {
			ids[j], metrics[j] = b.memberIndicator(members, j, f.Quantity.Dimension, f.Measure)
			if ids[j] == "" {
				break
			}
			distinct[ids[j]] = true
		}
		if len(distinct) != len(members) {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		if out == nil {
			out = append(make([]Fact, 0, len(facts)+len(members)), facts[:i]...)
		}
		for j := range members {
			g := f
			g.Indicator, g.Metric = ids[j], metrics[j]
			out = append(out, g)
		}
	}
	if out == nil {
		return facts
	}
	return out
}

// eachSubject returns the members of the coordinated subject that a fact's
// figure is said of with 均 (none when there is no such subject): the
// clause before the figure, up to 均 and the verb right before it.
func (b *binder) eachSubject(f Fact) []string {
	t := b.text
	q := f.Quantity
	sent := b.sentenceOf(q.Start)
	// the clause, 、 joining its members, within eachReach of the figure:
	// a subject said of at once is short, and a long sentence of figures
	// costs no more than a short one
	clause := recent(t[sent.Start:q.Start], eachReach)
	if k, size := sentenceMarks.LastIndex(clause); k >= 0 {
		clause = clause[k+size:]
	}
	k := -1
	var w string
	for _, e := range eachWords {
		if x := strings.LastIndex(clause, e); x > k {
			k, w = x, e
		}
	}
	if k <= 0 {
		return nil
	}
	if p, _ := hanset.DecodeLastRune(clause[:k]); strings.ContainsRune("人年平", p) {
		return nil // 人均, 年均, 平均: no 均 of several subjects
	}
	// between 均 and the figure: the verb alone (增长, 提高, 超过 …)
	if verb, _ := lastVerb(clause[k+len(w):]); verb == "" && !isBoundVerb(clause[k+len(w):]) {
		return nil
	}
	if v := trimSpace(clause[k+len(w):]); utf8.RuneCountInString(v) > 6 {
		return nil
	}
	subject := trimSpace(clause[:k])
	for _, p := range []string{"全年", "今年", "去年", "预计", "力争"} {
		subject = strings.TrimPrefix(subject, p)
	}
	members := splitMembers(subject)
	if len(members) < 2 {
		return nil
	}
	return members
}

// isBoundVerb reports the bound words a figure said of several subjects
// may stand after: 均超过, 均达到, 均在…以上.
func isBoundVerb(s string) bool {
	s = trimSpace(s)
	for _, w := range []string{"超过", "达到", "达", "突破", "保持在", "控制在", "在", "高于", "低于"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
