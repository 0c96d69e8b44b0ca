package extract

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// Slogan is a coined policy formula a text uses: a quoted programme,
// principle or method (“五抓一优一促”, “店小二”), or a numbered formula
// even without quotes (九个抓, 一企一策一事一议). Text has no quote marks;
// the same formula in another document is the same Text.
type Slogan struct {
	Text      string `json:"text"`
	Count     int    `json:"count"`
	Positions []int  `json:"positions"` // byte offsets of each occurrence
}

var (
	// a formula inside quotes is kept whole up to this length (runes)
	maxQuoted  = 24
	planNameRe = regexp.MustCompile(`^十[一二三四五六七八九]?五(?:规划|时期|期间)?$`)
)

// planName reports the name of a five-year plan (planNameRe), which
// starts with 十.
func planName(s string) bool { return strings.HasPrefix(s, "十") && planNameRe.MatchString(s) }

// numberedForms are the numbered formulas found without quotes: one of
// the numerals, then one of the words (九个抓, 三位一体, 两手抓, 双提升, 七跟法,
// 两化融合). A form marked atClauseEnd must end a clause (九个抓，) so that
// 三个不 is not read out of 三个不断.
var numberedForms = []struct {
	numerals    string
	words       []string
	atClauseEnd bool
}{
	{"一二三四五六七八九十两", []string{"个抓", "个突破", "个不", "个坚持", "个到位", "个确保"}, true},
	{"一二三四五六七八九十", []string{"位一体"}, false},
	{"两", []string{"手抓"}, false},
	{"双", []string{"提升", "循环"}, false},
	{"三四五六七八九十", []string{"跟法", "抓法", "步法"}, false},
	{"二三四五六七八九十两", []string{"化联动", "化互动", "化融合", "化同步", "化并举"}, false},
}

// numberedPairs are the pairs a numbered form begins with: one of the
// numerals of numberedForms and the first rune of their words (or 大, 个
// of bigAt). The scan stops only where one stands, not at every numeral.
var numberedPairs, numberedNumerals = func() (*hanset.Pairs, *hanset.Set) {
	var starts, seconds string
	for _, f := range numberedForms {
		starts += f.numerals
		for _, x := range f.words {
			r, _ := hanset.DecodeRune(x)
			seconds += string(r)
		}
	}
	p := new(hanset.Pairs)
	for _, r1 := range starts {
		for _, r2 := range seconds + "大个" {
			p.Add(r1, r2)
		}
	}
	return p, hanset.New(starts)
}()

// oneOnePairs returns the spans of 一X一Y, repeated up to four times
// (一企一策一事一议, 一事一议; X and Y Han characters), leftmost first,
// longest, not overlapping: the matches of (?:一\p{Han}一\p{Han}){1,4}.
// yi finds where 一 stands.
func oneOnePairs(text string, yi wordSource) [][2]int {
	var out [][2]int
	// pair returns the end of 一X一Y at i, or -1.
	pair := func(i int) int {
		for k := 0; k < 2; k++ {
			if !strings.HasPrefix(text[i:], "一") {
				return -1
			}
			i += len("一")
			r, size := hanset.DecodeRune(text[i:])
			if !hanset.IsHan(r) {
				return -1
			}
			i += size
		}
		return i
	}
	for off := 0; ; {
		start := yi.next(text, off)
		if start < 0 {
			return out
		}
		end := pair(start)
		if end < 0 {
			off = start + len("一")
			continue
		}
		for n := 1; n < 4; n++ {
			e := pair(end)
			if e < 0 {
				break
			}
			end = e
		}
		out = append(out, [2]int{start, end})
		off = end
	}
}

// numberedMarks are the clause marks that may end a numbered form.
const numberedMarks = "，。；：、:;,\n"

// numberedFormulas returns the spans of the numbered forms in text, left
// to right and not overlapping; a form that ends a clause spans the clause
// mark too.
func numberedFormulas(text string, src pairSource) [][2]int {
	var out [][2]int
	for i := 0; ; {
		k, r, r2 := src.next(text, i)
		if k < 0 {
			return out
		}
		i = k
		const size = 3 // the numerals are characters of U+4E00–U+9FFF
		end := -1
		if numberedNumerals.Has(r) { // the pair filter lets a rare other pair by
			end = numberedAt(text, i, r, size)
			if end < 0 && (r2 == '大' || r2 == '个') {
				end = bigAt(text, i, size) // 三大战略, 四个一批
			}
		}
		if end < 0 {
			i += size
			continue
		}
		out = append(out, [2]int{i, end})
		i = end
	}
}

// numberedAt returns the end of the numbered form that starts at text[i:]
// with rune r of size bytes, or -1.
func numberedAt(text string, i int, r rune, size int) int {
	for _, f := range numberedForms {
		if !strings.ContainsRune(f.numerals, r) {
			continue
		}
		rest := text[i+size:]
		for _, w := range f.words {
			if !strings.HasPrefix(rest, w) {
				continue
			}
			end := i + size + len(w)
			if !f.atClauseEnd {
				return end
			}
			if end == len(text) {
				return end
			}
			if m, msize := hanset.DecodeRune(text[end:]); strings.ContainsRune(numberedMarks, m) {
				return end + msize
			}
		}
	}
	return -1
}

// linkVerbs may follow a short quoted numbered formula as part of it
// (“两化”互动, “三化”联动).
var linkVerbs = []string{"互动", "联动", "融合", "同步", "并举", "并重", "协同", "齐抓", "共进"}

// oneOneNot lists the X of 一X一Y pairs that are not formulas (一对一, 一是…一批)
// and idioms of that shape.
var oneOneNot = []string{"对", "是", "个", "批", "些", "种", "起", "次", "下", "点", "直", "定", "切", "般", "样", "年", "天", "步"}

var oneOneIdioms = map[string]bool{"一心一意": true, "一草一木": true, "一言一行": true, "一点一滴": true, "一朝一夕": true,
	"一生一世": true, "一针一线": true, "一砖一瓦": true, "一举一动": true, "一丝一毫": true, "一模一样": true, "一五一十": true,
	"一板一眼": true, "一唱一和": true, "一张一弛": true, "一上一下": true, "一来一往": true, "一前一后": true}

//go:embed data/buzzwords.txt
var buzzwordsData string

// loadBuzzwords parses data/buzzwords.txt once.
var loadBuzzwords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(buzzwordsData, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// notFormula reports quoted words that are not formulas: plan names and
// the buzzwords of data/buzzwords.txt.
func notFormula(s string) bool {
	return planName(s) || loadBuzzwords()[s] || ordinaryQuoted(s)
}

// quotedNameSuffixes mark a quoted name of a thing, not a formula: a
// project (“香江商贸城”), an event (“三大投资促进活动”), a company.
var quotedNameSuffixes = []string{"城", "园", "中心", "公司", "集团", "大厦", "广场", "市场", "基地", "活动", "大会", "论坛", "博览会", "洽谈会", "交易会", "节", "杯", "奖", "号", "报", "网", "计划书", "效应",
	"意见", "规定", "办法", "通知", "方案", "纲要", "规划", "条例", "决定", "报告", "讲话", "决议"}

// Slogans finds the coined formulas of a clean text.
func Slogans(text string) []Slogan {
	return slogansOf(text, pairSource{p: numberedPairs}, search("一"))
}

// Slogans finds the coined formulas of the document, as Slogans does,
// reading the pairs numbered formulas begin with, and where 一 stands,
// from the document's one scan for them.
func (d *Doc) Slogans() []Slogan {
	return slogansOf(d.Text, d.pairs(numberedPairsHits, numberedPairs), d.char("一"))
}

// slogansOf is Slogans reading the pairs numbered formulas begin with from
// numbered, and where 一 stands from yi.
func slogansOf(text string, numbered pairSource, yi wordSource) []Slogan {
	found := map[string]*Slogan{}
	var order []string
	var spans [][2]int // quoted formulas found, so patterns do not count them again
	add := func(s string, pos int) {
		s = normSlogan(s)
		if s == "" || notFormula(s) {
			return
		}
		sl, ok := found[s]
		if !ok {
			sl = &Slogan{Text: s}
			found[s] = sl
			order = append(order, s)
		}
		sl.Count++
		sl.Positions = append(sl.Positions, pos)
	}
	// quoted formulas, with closing quotes or without (lost in scraping)
	for off := 0; ; {
		k := hanset.IndexWord(text[off:], "“")
		if k < 0 {
			break
		}
		k += off
		start := k + len("“")
		off = start
		body, closed := quotedBody(text[start:])
		if body == "" {
			continue
		}
		end := start + len(body)
		if closed {
			after := text[end+len("”"):]
			if quotedName(after) && !strings.HasSuffix(body, "年") {
				continue // “三大投资促进”活动: the name of an event
			}
			if quotedThing(body, after) && !strings.HasSuffix(text[:k], "”") {
				continue // “芯屏”项目: the name of a thing, unless one of a series (“高大上”“专精特新”项目)
			}
			// “两化”互动: a short numbered formula quoted, its verb outside
			if utf8.RuneCountInString(body) <= 3 && startsNumeral(body) && !planName(body) {
				if v := twoHanThenStop(after); slices.Contains(linkVerbs, v) {
					body += v
					end += len("”") + len(v)
				}
			}
		}
		if isFormula(body, closed) {
			add(body, k)
			spans = append(spans, [2]int{k, end})
		}
	}
	inQuote := func(pos int) bool {
		for _, sp := range spans {
			if pos >= sp[0] && pos < sp[1] {
				return true
			}
		}
		return false
	}
	for _, m := range oneOnePairs(text, yi) {
		s := text[m[0]:m[1]]
		if inQuote(m[0]) || oneOneIdioms[s] {
			continue
		}
		ok := true
		rs := []rune(s)
		for i, r := range rs {
			if i%2 == 1 && slices.Contains(oneOneNot, string(r)) {
				ok = false
			}
		}
		if len(rs) == 4 && rs[1] == rs[3] {
			ok = false // 一项一项, 一步一步: one by one
		}
		if ok {
			add(s, m[0])
		}
	}
	for _, m := range numberedFormulas(text, numbered) {
		if inQuote(m[0]) {
			continue
		}
		s := text[m[0]:m[1]]
		// the pattern's last rune is the clause mark after 九个抓: drop it
		if r, size := hanset.DecodeLastRune(s); !isHanRune(r) {
			s = s[:len(s)-size]
		}
		add(s, m[0])
	}
	out := make([]Slogan, 0, len(order))
	for _, s := range order {
		out = append(out, *found[s])
	}
	return out
}

// quotedBody returns the text after an opening quote up to its closing
// quote; when the closing quote is missing (another “ or a sentence end
// comes first), up to the first clause mark.
func quotedBody(s string) (string, bool) {
	n := 0
	for i, r := range s {
		switch {
		case r == '”':
			return s[:i], true
		case r == '“' || r == '\n' || r == '。' || r == '；' || n > maxQuoted:
			return lostQuote(s), false
		}
		n++
	}
	return lostQuote(s), false
}

// lostQuote cuts the body of a quote whose closing mark was lost at the
// first clause mark, and drops a trailing 的… phrase (“谁去招的问题 → 谁去招).
func lostQuote(s string) string {
	end := len(s)
	if k := strings.IndexAny(s, "，,。；;：:！？“ \n和与及"); k >= 0 {
		end = k
	}
	body := s[:end]
	// a list of parts of one length is one formula (谁去招、招什么、怎么招);
	// else only the first part is quoted (三大转型、打造…)
	if parts := strings.Split(body, "、"); len(parts) > 1 {
		last := parts[len(parts)-1]
		if k := strings.Index(last, "的"); k > 0 {
			last = last[:k]
		}
		n := utf8.RuneCountInString(parts[0])
		same := utf8.RuneCountInString(last) == n
		for _, p := range parts[1 : len(parts)-1] {
			same = same && utf8.RuneCountInString(p) == n
		}
		if same && n >= 3 {
			return strings.Join(append(parts[:len(parts)-1], last), "、")
		}
		body = parts[0]
	}
	if k := strings.Index(body, "的"); k > 0 {
		body = body[:k]
	}
	if utf8.RuneCountInString(body) > 8 {
		return ""
	}
	return body
}

// isFormula decides whether a quoted phrase is a coined formula.
func isFormula(s string, closed bool) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > maxQuoted {
		return false
	}
	if notFormula(s) {
		return false
	}
	if quotedTitle(s) {
		return false // “单打冠军”: a title
	}
	for _, suf := range quotedNameSuffixes {
		if strings.HasSuffix(s, suf) && n > utf8.RuneCountInString(suf)+1 && !numeralChain(s) {
			return false
		}
	}
	if startsNumeral(s) || strings.ContainsAny(s, "一二三四五六七八九十两双0123456789+") {
		return true
	}
	// a parallel chant (工业强州、生态立州、开放兴州) or a rhythmic phrase
	if strings.ContainsAny(s, "、，,") {
		return true
	}
	// a short coined word of up to eight characters
	return n <= 8
}

// quotedName reports a quote followed by the noun that makes it a name:
// “三大投资促进”活动, “香江”大会, “两张皮”现象 (an ill named, not a formula).
func quotedName(after string) bool {
	for _, w := range []string{"活动", "大会", "会议", "论坛", "节", "展会", "公司", "集团", "现象"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

func startsNumeral(s string) bool {
	r, _ := hanset.DecodeRune(s)
	return isNumeralRune(r) || r == '双' || r >= '0' && r <= '9'
}

// twoHanThenStop returns the two Han characters at the start of s when a
// clause mark or the end follows them (“两化”互动，).
func twoHanThenStop(s string) string {
	r0, n0 := hanset.DecodeRune(s)
	r1, n1 := hanset.DecodeRune(s[n0:])
	if !isHanRune(r0) || !isHanRune(r1) {
		return ""
	}
	if r2, n2 := hanset.DecodeRune(s[n0+n1:]); n2 == 0 || strings.ContainsRune("，、。；：,", r2) {
		return s[:n0+n1]
	}
	return ""
}

// normSlogan trims spaces and quote marks and unifies commas, so the same
// formula reads the same everywhere.
func normSlogan(s string) string {
	s = strings.Trim(s, " “”\"'‘’「」『』")
	s = strings.ReplaceAll(s, ",", "，")
	return s
}
