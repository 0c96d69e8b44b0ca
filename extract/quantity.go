package extract

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
	"github.com/policyfacts/policyfacts/internal/scratch"
)

// Recognizer finds quantities in text. It holds the lookup structures
// derived from the unit and bound tables; it is immutable and safe for
// concurrent use. The zero value is not usable: call NewRecognizer.
type Recognizer struct {
	units       hanset.Index[unitDef]   // by first rune, longest first
	prefixes    []unitDef               // the symbols written before a number, longest first
	before      hanset.Index[boundWord] // by last rune, longest first
	after       []boundWord             // longest first
	afterAt     hanset.Index[boundWord] // after, by first rune
	scales      map[rune]float64
	moneyWords  []string
	terms       hanset.Index[termAfter] // termAfterUnit by the first rune of the measure word
	placeholder string
	scratch     scratch.Pool[Quantity] // Quantities' buffers
}

type boundWord struct {
	word  string
	bound Bound
}

// NewRecognizer builds a Recognizer from the package's tables.
func NewRecognizer() *Recognizer {
	r := &Recognizer{
		scales:      map[rune]float64{},
		moneyWords:  moneyContext,
		placeholder: redactionMarks,
	}
	for _, u := range unitTable {
		if u.prefix {
			r.prefixes = append(r.prefixes, u)
			continue
		}
		first, _ := hanset.DecodeRune(u.word)
		r.units.Add(first, u)
	}
	sort.SliceStable(r.prefixes, func(i, j int) bool { return len(r.prefixes[i].word) > len(r.prefixes[j].word) })
	r.units.Lists(func(_ rune, us []unitDef) {
		sort.SliceStable(us, func(i, j int) bool { return len(us[i].word) > len(us[j].word) })
	})
	before := make([]boundWord, 0, len(boundBefore))
	for _, b := range boundBefore {
		before = append(before, boundWord{b.word, b.bound})
	}
	for _, b := range boundAfter {
		r.after = append(r.after, boundWord{b.word, b.bound})
	}
	sort.SliceStable(before, func(i, j int) bool { return len(before[i].word) > len(before[j].word) })
	sort.SliceStable(r.after, func(i, j int) bool { return len(r.after[i].word) > len(r.after[j].word) })
	for _, b := range before {
		last, _ := hanset.DecodeLastRune(b.word)
		r.before.Add(last, b)
	}
	for _, b := range r.after {
		first, _ := hanset.DecodeRune(b.word)
		r.afterAt.Add(first, b)
	}
	for _, s := range scaleTable {
		r.scales[s.char] = s.value
	}
	for _, tu := range termAfterUnit {
		first, _ := hanset.DecodeRune(tu.unit)
		r.terms.Add(first, tu)
	}
	return r
}

// moneyContext lists words that make a figure with a scale and no unit an
// amount of yuan (投资200多亿, 到位资金80亿, 30家十亿元企业、建成8个百亿园区):
// words of money, and 亿元/万元 written nearby.
var moneyContext = []string{
	"投资", "资金", "引资", "收入", "产值", "总额", "金额", "营收", "销售", "生产总值", "增加值",
	"税收", "贷款", "融资", "资产", "利税", "支出", "预算", "消费", "GDP", "经济总量", "营业额", "交易额", "成交额",
	"亿元", "万元",
}

var defaultRecognizer = sync.OnceValue(NewRecognizer)

// joinWords is rangeJoin followed by listJoin.
var joinWords = append(append([]string{}, rangeJoin...), listJoin...)

// joinSet finds joinWords by first rune.
var joinSet = hanset.NewWords(joinWords...)

// Quantities finds the quantities in text with the default Recognizer.
// Offsets are byte offsets into text.
func Quantities(text string) []Quantity { return defaultRecognizer().Quantities(text) }

// Quantities finds every amount, percentage, percentage-point change,
// multiple and counted or physical measure in text, in text order.
func (r *Recognizer) Quantities(text string) []Quantity {
	return r.scratch.Collect(func(buf []Quantity) []Quantity { return r.AppendQuantities(buf, text) })
}

// QuantitiesIn is Quantities of the document's text, reading where
// figures may start from the document's one pass over it.
func (r *Recognizer) QuantitiesIn(d *Doc) []Quantity {
	return r.scratch.Collect(func(buf []Quantity) []Quantity { return r.appendQuantities(buf, d.Text, d.startHits) })
}

// numTok is a number as read, before its unit.
type numTok struct {
	start, end int // the number itself (digits and scale)
	value      float64
	high       float64 // for a vague range (五六百, 两三): the upper end; 0 otherwise
	chinese    bool    // written in Chinese numerals
	scale      string
	inner      Bound // 余/多/来 inside the figure
	hasInner   bool
}

// AppendQuantities appends the quantities of text to dst and returns it.
func (r *Recognizer) AppendQuantities(dst []Quantity, text string) []Quantity {
	return r.appendQuantities(dst, text, nil)
}

// appendQuantities is AppendQuantities reading where figures may start
// from starts (the sweep's hits of scanStarts in text) when it is not nil.
func (r *Recognizer) appendQuantities(dst []Quantity, text string, starts []int32) []Quantity {
	s := scanner{r: r, text: text, out: dst, base: len(dst), rangeHigh: -1}
	if starts != nil {
		s.starts = hanset.NewCursor(starts, 1)
	}
	s.run()
	s.out = append(s.out[:s.base], inText(s.out[s.base:], text)...)
	signs(s.out[s.base:], text)
	halves(s.out[s.base:], text)
	smallChange(s.out[s.base:], text)
	concentrations(s.out[s.base:], text)
	return s.out
}

// concentrations reads micrograms and milligrams in a clause about air or
// water quality (浓度, 每立方米, PM2.5) as a concentration per cubic metre:
// PM2.5平均浓度每立方米20微克, 下降0.1微克.
func concentrations(qs []Quantity, text string) {
	for i := range qs {
		q := &qs[i]
		var unit Unit
		var factor float64
		switch {
		case q.Unit == "t" && strings.Contains(q.Text, "微克"):
			unit, factor = "μg/m3", 1e-12
		case q.Unit == "t" && strings.Contains(q.Text, "毫克"):
			unit, factor = "mg/m3", 1e-9
		default:
			continue
		}
		clause := text[max(0, q.Start-90):q.Start]
		if k := strings.LastIndexAny(clause, "。；\n"); k >= 0 {
			clause = clause[k:]
		}
		if !strings.Contains(clause, "浓度") && !strings.Contains(clause, "立方米") && !strings.Contains(clause, "PM") {
			continue
		}
		q.Unit, q.Value = unit, round(q.Value/factor)
	}
}

// smallChange adds the tenths and hundredths written after a whole yuan or
// dollar: 五元三毛 (5.3 CNY), 3元5角2分 (3.52 CNY), 两美元又三美分 (2.03
// USD). Only a figure of whole units with no scale takes them.
func smallChange(qs []Quantity, text string) {
	for i := range qs {
		q := &qs[i]
		if q.Dimension != Money || q.Scale != "" || q.Value <= 0 || q.Value != math.Trunc(q.Value) {
			continue
		}
		var parts []smallPart
		switch {
		case strings.HasSuffix(q.Text, "美元"):
			parts = []smallPart{{"美分", 0.01}}
		case strings.HasSuffix(q.Text, "元"):
			parts = []smallPart{{"角", 0.1}, {"毛", 0.1}, {"分", 0.01}}
		default:
			continue
		}
		end, add := q.End, 0.0
		for _, p := range parts {
			at := end
			for _, w := range []string{"又", "零"} {
				if strings.HasPrefix(text[at:], w) {
					at += len(w)
					break
				}
			}
			d, size := smallDigit(text[at:])
			if size == 0 || !strings.HasPrefix(text[at+size:], p.word) {
				continue
			}
			end, add = at+size+len(p.word), add+float64(d)*p.value
			if r, _ := hanset.DecodeRune(text[end:]); p.word == "分" && (r == '之' || isHanRune(r) && r != '钱') {
				end, add = at, add-float64(d)*p.value // 三元五分之一, 五元三分地
				break
			}
		}
		if add == 0 {
			continue
		}
		q.Value = round(q.Value + add)
		q.End = end
		q.Text = text[q.Start:q.End]
	}
}

// changeAfter reports small change written at the start of s: 三毛 after
// 五元, 又三美分 after 两美元.
func changeAfter(s string) bool {
	s = strings.TrimPrefix(s, "又")
	_, size := smallDigit(s)
	return size > 0 && (strings.HasPrefix(s[size:], "角") || strings.HasPrefix(s[size:], "毛") || strings.HasPrefix(s[size:], "美分"))
}

// smallPart is a unit of small change and its value in the whole unit.
type smallPart struct {
	word  string
	value float64
}

// smallDigit reads the one digit (1–9) a tenth or a hundredth is written
// with, Arabic or Chinese, and its size; 0, 0 if none.
func smallDigit(s string) (int, int) {
	r, size := hanset.DecodeRune(s)
	if r >= '1' && r <= '9' {
		return int(r - '0'), 1
	}
	if d, ok := digitValue(r); ok && d >= 1 && d <= 9 {
		return d, size
	}
	return 0, 0
}

// halves adds the half written after a unit: 一吨半 (1.5 t), 三成半 (35%),
// 两米半. Only a measure of one unit with no scale takes it, and only where
// 半 ends the figure (一个半月 is no 1.5 个).
func halves(qs []Quantity, text string) {
	for i := range qs {
		q := &qs[i]
		if q.Scale != "" || !strings.HasPrefix(text[q.End:], "半") || q.Value <= 0 {
			continue
		}
		if r, _ := hanset.DecodeRune(text[q.End+len("半"):]); isHanRune(r) {
			continue
		}
		var half float64
		switch {
		case strings.HasSuffix(q.Text, "成"):
			half = 5 // a tenth is 10%
		case q.Dimension == Physical:
			n := leadingNumber(q.Text)
			if n <= 0 || n != math.Trunc(n) {
				continue
			}
			half = q.Value / n / 2
		default:
			continue
		}
		q.Value = round(q.Value + half)
		q.End += len("半")
		q.Text = text[q.Start:q.End]
	}
}

// leadingNumber reads the number a figure's text opens with, past a bound
// word: 3 of 三吨, 12 of 约12米.
func leadingNumber(s string) float64 {
	start := -1
	end := len(s)
	for i, r := range s {
		num := r >= '0' && r <= '9' || r == '.' || isNumeralRune(r) || r == '点'
		if num && start < 0 {
			start = i
		}
		if !num && start >= 0 {
			end = i
			break
		}
	}
	if start < 0 {
		return 0
	}
	v, err := ParseNumber(s[start:end])
	if err != nil {
		return 0
	}
	return v
}

// inText drops, in place, the figures that stand inside a web address or
// a percent-escape (q=30%25%2020%: no 30%, 25% or 2020%).
func inText(qs []Quantity, text string) []Quantity {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "%2") && !strings.Contains(text, "%3") {
		return qs
	}
	out := qs[:0]
	for _, q := range qs {
		if !inURL(text, q.Start) && !percentEscape(text, q) {
			out = append(out, q)
		}
	}
	return out
}

// inURL reports an offset inside a web address: after http://, https:// or
// www. with no space or non-ASCII character between.
func inURL(text string, pos int) bool {
	i := pos
	for i > 0 {
		c := text[i-1]
		if c <= ' ' || c >= 0x80 {
			break
		}
		i--
	}
	token := text[i:pos]
	return strings.Contains(token, "://") || strings.Contains(token, "www.")
}

// percentEscape reports a figure of a URL escape: one whose digits follow
// a % (the hex of an escape, %2020%), or a percentage whose sign begins an
// escape (%25) after =, & or another escape.
func percentEscape(text string, q Quantity) bool {
	if q.Start > 0 && text[q.Start-1] == '%' && q.Start+2 <= len(text) && isHex(text[q.Start]) && isHex(text[q.Start+1]) {
		return true // the hex digits of an escape before it: %2020%
	}
	if q.Unit != "%" || !strings.HasSuffix(q.Text, "%") || q.End+2 > len(text) || !isHex(text[q.End]) || !isHex(text[q.End+1]) {
		return false
	}
	before := text[:q.Start]
	return strings.HasSuffix(before, "=") || strings.HasSuffix(before, "&") || len(before) >= 3 && before[len(before)-3] == '%' && isHex(before[len(before)-2]) && isHex(before[len(before)-1])
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// signs makes negative a figure written with a minus sign or 负 just
// before its number (增长-3.9%, 负0.2个百分点), the sign then part of its
// text. A hyphen after a digit, a percent sign or a unit joins a range
// (10%-12%, 2019-2020年) and is no sign.
func signs(qs []Quantity, text string) {
	for i := range qs {
		q := &qs[i]
		if q.Value <= 0 || q.Start == 0 {
			continue
		}
		if r, _ := hanset.DecodeRune(q.Text); !(r >= '0' && r <= '9') && !isNumeralRune(r) {
			continue // a bound word stands first (约-3%): no sign here
		}
		if strings.HasSuffix(text[:q.Start], "零下") { // 零下5摄氏度
			q.Start -= len("零下")
			q.Text = text[q.Start:q.End]
			q.Value = -q.Value
			continue
		}
		sign, size := hanset.DecodeLastRune(text[:q.Start])
		if !strings.ContainsRune("-－−负", sign) {
			continue
		}
		prev, _ := hanset.DecodeLastRune(text[:q.Start-size])
		if sign != '负' && q.Start-size > 0 && !signMayFollow(prev) {
			continue
		}
		if sign == '负' && prev == '胜' {
			continue // 胜负
		}
		q.Start -= size
		q.Text = text[q.Start:q.End]
		q.Value = -q.Value
	}
}

// signMayFollow reports a character a minus sign may follow: a Han
// character that ends no unit or scale (增长-3.9%, 为-2%), a space, a
// colon or an opening bracket; not a digit, a letter, a percent sign or a
// unit, after which a hyphen joins a range.
func signMayFollow(r rune) bool {
	switch {
	case r == ' ' || r == '　' || strings.ContainsRune("：:（(，,", r):
		return true
	case r < 0x4E00 || r > 0x9FFF:
		return false
	}
	return !strings.ContainsRune("元亿万千百十个家项人户吨亩米倍点度年月日号", r)
}

type scanner struct {
	r      *Recognizer
	text   string
	starts *hanset.Cursor // where figures may start; nil: scan for scanStarts
	out    []Quantity
	base   int
	// rangeHigh is where the high end of a range starts, after a low end
	// with a unit (5%—6%); -1 when none is open.
	rangeHigh int
	// pending holds bare numbers of a list or range waiting for the unit
	// of a later member (20、30亿元; 20—30亿元).
	pending []pendingNum
}

type pendingNum struct {
	tok      numTok
	boundPos int // start including a bound word before it
	bound    Bound
	hasBound bool
	isRange  bool // joined to the next by a range mark
	joinEnd  int  // offset after the joining mark
}

func (s *scanner) run() {
	for i := 0; ; {
		k := -1
		if s.starts != nil {
			k = s.starts.Next(s.text, i)
		} else if k, _ = scanStarts.Index(s.text[i:]); k >= 0 {
			k += i
		}
		if k < 0 {
			return
		}
		i = s.at(k)
	}
}

// scanStarts are the characters a figure may start with: a digit, a
// numeral, 翻 of 翻番, 半 of 半成.
var scanStarts = hanset.NewRunes("0123456789０１２３４５６７８９" + numerals + "翻半")

// numerals are the characters Chinese numerals are written with.
const numerals = "零〇一二两三四五六七八九十百千万亿兩萬億"

// numeralSet holds numerals but 〇 (U+3007), which lies below a Set's range.
var numeralSet = hanset.New(numerals)

func isNumeralRune(r rune) bool { return numeralSet.Has(r) || r == '〇' }

func isChineseDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九':
		return true
	}
	return false
}

// scalesEnd returns the end of the scale characters written after a
// number from j on (万, 亿, 千: 3.5万亿), stopping at a unit word that
// starts with one (千瓦, 千米, 百分点) and at 十.
func (s *scanner) scalesEnd(j int) int {
	t := s.text
	for j < len(t) {
		if _, ok := s.r.unitAt(t, j); ok {
			break
		}
		r, sz := hanset.DecodeRune(t[j:])
		if r == '十' || s.r.scales[r] == 0 {
			break
		}
		j += sz
	}
	return j
}

// at tries a quantity starting at i and returns where scanning goes on.
func (s *scanner) at(i int) int {
	t := s.text
	rn, size := hanset.DecodeRune(t[i:])
	switch rn {
	case '翻':
		return s.doubling(i)
	case '半':
		return s.halfTenth(i)
	}
	if k := fractionAt(t, i); k > i {
		return s.fraction(i, k)
	}
	tok, ok := s.number(i, true)
	if !ok {
		s.pending = s.pending[:0]
		return i + max(size, tok.end-i)
	}
	return s.finish(tok)
}

// number reads the figure at i: digits, decimals, scales and an inner
// bound (余/多/来). alone says the figure stands for itself, not as the
// numerator of 百分之 or a member of a list: then a Chinese numeral that
// nothing a figure may take follows (bare) is no figure.
func (s *scanner) number(i int, alone bool) (numTok, bool) {
	t := s.text
	tok := numTok{start: i}
	j := i
	rn, _ := hanset.DecodeRune(t[i:])
	arabic := rn >= '0' && rn <= '9' || rn >= '０' && rn <= '９'
	if arabic {
		j = scanArabic(t, i)
	} else {
		tok.chinese = true
		for j < len(t) {
			r, sz := hanset.DecodeRune(t[j:])
			if (r == '千' || r == '百') && j > i {
				if _, ok := s.r.unitAt(t, j); ok {
					break // 三千瓦, 百万千瓦: the unit 千瓦 starts here
				}
			}
			if isNumeralRune(r) {
				j += sz
				continue
			}
			if (r == '点' || r == '點') && j > i {
				if r2, _ := hanset.DecodeRune(t[j+sz:]); isChineseDigit(r2) {
					j += sz
					continue
				}
			}
			break
		}
	}
	tok.end = j
	numEnd := j
	if strings.HasPrefix(t[j:], "兆") {
		// 49兆9592亿元: a trillion, read only before money (兆瓦 and
		// 千兆光网 are megawatts and gigabits)
		if end, v, ok := s.trillions(i, j); ok {
			tok.end, tok.value = end, v
			return tok, true
		}
	}
	// scales written after Arabic digits (3.5万亿, 5000万); stop at a unit
	// word that starts with a scale character (千瓦, 千米, 百分点).
	var lower float64 // the lower part of 1亿2千万 (2千万), 3万5千 (5千)
	scaleEnd := j
	if arabic {
		j = s.scalesEnd(j)
		scaleEnd = j
		if j > numEnd {
			if end, v, ok := s.lowerPart(j, scaleValue(t[numEnd:j])); ok {
				lower, j = v, end
			}
		}
	}
	// the inner bound: 1.2万余项, 200多亿, 三十余家
	if j < len(t) {
		r, sz := hanset.DecodeRune(t[j:])
		for _, b := range boundInside {
			if r == b.char {
				tok.inner, tok.hasInner = b.bound, true
				j += sz
				end := s.scalesEnd(j)
				tok.scale += t[j:end]
				j = end
				break
			}
		}
	}
	numStr := t[i:numEnd]
	scalePart := t[numEnd:j]
	if lower != 0 {
		scalePart = t[numEnd:scaleEnd]
	}
	if tok.hasInner {
		// the scale written after the inner bound is already in tok.scale
		if k := strings.IndexAny(scalePart, "余多来"); k >= 0 {
			tok.scale = scalePart[:k] + tok.scale
		}
	} else {
		tok.scale = scalePart
	}
	tok.end = j
	if tok.chinese {
		// the scale of a Chinese numeral is its trailing 万/亿
		tail := numStr
		for strings.HasSuffix(tail, "万") || strings.HasSuffix(tail, "亿") || strings.HasSuffix(tail, "萬") || strings.HasSuffix(tail, "億") {
			tail = tail[:len(tail)-len("万")]
		}
		if len(tail) < len(numStr) { // most numerals have no scale
			tok.scale = simplifiedNumerals(numStr[len(tail):]) + tok.scale
		}
	}
	// 零部件, 零增长: a Chinese numeral that starts with 零 is no figure,
	// but for a decimal below one (零点九)
	if tok.chinese && (rn == '零' || rn == '〇') && !strings.HasPrefix(t[i+len("零"):numEnd], "点") {
		return tok, false
	}
	// vague: 几百, 数十, 十几 are a count not given, no figure (a pair of
	// neighbouring digits, 二三十, is a range: valueOf)
	if tok.chinese {
		if p, _ := hanset.DecodeLastRune(t[:i]); p == '几' || p == '数' {
			return tok, false
		}
		if n, _ := hanset.DecodeRune(t[numEnd:]); n == '几' {
			tok.end = numEnd
			return tok, false
		}
	}
	if alone && tok.chinese {
		// most Chinese numerals are words (进一步, 一是, 三农, 一起): what
		// follows tells them apart before their value is worked out
		if u, _, ok := s.unitAfter(tok.end); ok {
			if u.dim == Count && numStr == "一" {
				return tok, false // 一个, 一批, 一次: an article, not a count
			}
		} else if s.bare(tok.end) && !s.bareYuan(tok) {
			return tok, false
		}
	}
	v, high, ok := valueOf(numStr, scalePart, tok.hasInner)
	if !ok {
		return tok, false
	}
	tok.value, tok.high = v+lower, high
	return tok, true
}

// trillions reads a figure with 兆 (a trillion, 1e12, as mainland and
// Taiwan money write it) whose head t[i:j] stands before the 兆 at j:
// 四十九兆九千五百九十二亿元, 3兆元. It needs a money unit after the
// figure, and returns where the figure ends and its value.
func (s *scanner) trillions(i, j int) (int, float64, bool) {
	t := s.text
	head, err := ParseNumber(t[i:j])
	if err != nil || head <= 0 {
		return 0, 0, false
	}
	k := j + len("兆")
	end := k
	for end < len(t) {
		r, sz := hanset.DecodeRune(t[end:])
		if !(r >= '0' && r <= '9' || r == '.' || isNumeralRune(r)) {
			break
		}
		end += sz
	}
	if u, ok := s.r.unitAt(t, end); !ok || u.dim != Money {
		return 0, 0, false
	}
	rest := 0.0
	if end > k {
		rest, err = ParseNumber(t[k:end])
		if err != nil || rest >= 1e12 {
			return 0, 0, false
		}
	}
	return end, head*1e12 + rest, true
}

// prefixBefore returns the currency symbol written right before the
// Arabic figure tok, which starts at start.
func (s *scanner) prefixBefore(tok numTok, start int) (unitDef, bool) {
	if tok.chinese || start != tok.start {
		return unitDef{}, false
	}
	for _, p := range s.r.prefixes {
		if strings.HasSuffix(s.text[:start], p.word) {
			return p, true
		}
	}
	return unitDef{}, false
}

// lowerPart reads the lower part of a figure written in two scales with
// Arabic digits, 1亿2千万 or 3万5千, from j, the end of the first part's
// scale of value upper: Arabic digits whose own scale is below upper. It
// returns where the part ends and its value.
func (s *scanner) lowerPart(j int, upper float64) (int, float64, bool) {
	t := s.text
	if upper < 1e4 || j >= len(t) || t[j] < '0' || t[j] > '9' {
		return 0, 0, false
	}
	numEnd := scanArabic(t, j)
	end := s.scalesEnd(numEnd)
	sc := scaleValue(t[numEnd:end])
	if end == numEnd || sc >= upper {
		return 0, 0, false // 1亿2 with no scale, 3万5万
	}
	v, ok := parseArabic(t[j:numEnd])
	if !ok || v*sc >= upper {
		return 0, 0, false // 1亿20000万
	}
	return end, v * sc, true
}

// valueOf computes the value of a number string and the scales after it.
// A leading pair of neighbouring digits (五六百, 两三) is a vague range.
func valueOf(numStr, scalePart string, hasInner bool) (v, high float64, ok bool) {
	scale := scalePart
	if scale != "" {
		scale = strings.Map(func(r rune) rune {
			if r == '余' || r == '多' || r == '来' {
				return -1
			}
			return r
		}, scalePart)
	}
	r1, n1 := hanset.DecodeRune(numStr)
	r2, n2 := hanset.DecodeRune(numStr[n1:])
	d1, ok1 := digitValue(r1)
	d2, ok2 := digitValue(r2)
	if ok1 && ok2 && d1 >= 1 && d1 <= 9 && (d2 == d1+1 || d1 == 2 && d2 == 3 && r1 == '两') {
		rest := numStr[n1+n2:]
		lo, err1 := ParseNumber(numStr[:n1] + rest + scale)
		hi, err2 := ParseNumber(numStr[n1:n1+n2] + rest + scale)
		if err1 == nil && err2 == nil {
			return lo, hi, true
		}
		return 0, 0, false
	}
	if plainDecimal(numStr) {
		// most figures: 204, 5.5, 204亿, 3万亿 — what ParseNumber reads
		// them as, without building the string
		mult := 0.0
		switch scale {
		case "":
			v, err := strconv.ParseFloat(numStr, 64)
			return v, 0, err == nil
		case "万":
			mult = 1e4
		case "亿":
			mult = 1e8
		}
		if mult != 0 || scale == "万亿" {
			v, err := strconv.ParseFloat(numStr, 64)
			if err != nil {
				return 0, 0, false
			}
			if mult != 0 {
				v *= mult
			} else {
				v = v * 1e4 * 1e8 // as parseBig: the 万 first, then the 亿
			}
			return v, 0, !math.IsInf(v, 0)
		}
	}
	val, err := ParseNumber(numStr + scale)
	if err != nil {
		return 0, 0, false
	}
	return val, 0, true
}

// scanArabic returns the end of the Arabic number at i: digits, a decimal
// part, thousands separators followed by three digits.
func scanArabic(t string, i int) int {
	j := i
	for j < len(t) {
		c := t[j]
		switch {
		case c >= '0' && c <= '9':
			j++
		case c == '.' && j+1 < len(t) && t[j+1] >= '0' && t[j+1] <= '9' && j > i:
			j++
		case c == ',' && j > i && j+4 <= len(t) && isASCIIDigits(t[j+1:j+4]) && (j+4 == len(t) || t[j+4] < '0' || t[j+4] > '9'):
			j++
		case c >= 0x80:
			r, sz := hanset.DecodeRune(t[j:])
			if r >= '０' && r <= '９' || r == '．' && j > i {
				j += sz
				continue
			}
			if r == '，' && wideGroupAt(t, i, j) {
				j += sz // １，２３４．５ after width folding: 1，234.5
				continue
			}
			return j
		default:
			return j
		}
	}
	return j
}

// wideGroupAt reports a full-width comma at j that separates thousands in
// the number that starts at i: one to three digits before the first (then
// exactly three between), exactly three after, and no digit after those.
// Anything else is a clause mark (2019，204亿元; 增长5，6月).
func wideGroupAt(t string, i, j int) bool {
	k := j + len("，")
	if k+3 > len(t) || !isASCIIDigits(t[k:k+3]) || k+3 < len(t) && t[k+3] >= '0' && t[k+3] <= '9' {
		return false
	}
	group := t[i:j]
	if p := strings.LastIndex(group, "，"); p >= 0 {
		return len(group)-p-len("，") == 3
	}
	return len(group) >= 1 && len(group) <= 3 && isASCIIDigits(group)
}

// unitAt returns the unit word at j, longest first.
func (r *Recognizer) unitAt(t string, j int) (unitDef, bool) {
	if j >= len(t) {
		return unitDef{}, false
	}
	first, _ := hanset.DecodeRune(t[j:])
	us := r.units.At(first)
	for i := range us {
		u := &us[i] // the candidates are read in place, not copied
		if strings.HasPrefix(t[j:], u.word) {
			if end := j + len(u.word); u.latin && end < len(t) && isASCIILetter(t[end]) {
				continue // 5kmh, 3mA
			} else if u.notBefore != "" {
				if r, _ := hanset.DecodeRune(t[end:]); strings.ContainsRune(u.notBefore, r) {
					continue // 9方面
				}
			}
			return *u, true
		}
	}
	return unitDef{}, false
}

// bare reports that nothing a figure may take stands at j, where no unit
// stands (number looks for one first): no 成, no word joining it to a next
// member of a list or range. A bare Chinese numeral yields no quantity:
// number passes it over before working out its value, as finish would
// after.
func (s *scanner) bare(j int) bool {
	t := s.text
	if j >= len(t) {
		return true
	}
	r, _ := hanset.DecodeRune(t[j:])
	return r != '成' && !joinSet.HasPrefix(t[j:], r)
}

// unitAfter returns the unit word written after a number that ends at j,
// and where it starts: at j, or after a stray space (78 %).
func (s *scanner) unitAfter(j int) (unitDef, int, bool) {
	t := s.text
	if j < len(t) && t[j] == ' ' {
		if u, ok := s.r.unitAt(t, j+1); ok {
			return u, j + 1, true
		}
	}
	u, ok := s.r.unitAt(t, j)
	return u, j, ok
}

// finish reads what follows a number (unit, bounds, range, list) and
// emits the quantity; it returns where scanning goes on.
func (s *scanner) finish(tok numTok) int {
	t := s.text
	start := tok.start
	// what stands before the number
	bound, hasBound := Eq, false
	if b, w, ok := s.boundBefore(start); ok {
		bound, hasBound = b, true
		start -= len(w)
	}
	if s.excludedBefore(tok) {
		s.pending = s.pending[:0]
		return tok.end
	}
	j := tok.end
	u, k, hasUnit := s.unitAfter(j)
	if hasUnit && u.arabicOnly && tok.chinese {
		s.pending = s.pending[:0]
		return tok.end
	}
	if hasUnit {
		j = k + len(u.word)
	} else if p, ok := s.prefixBefore(tok, start); ok {
		u, hasUnit = p, true // $100, ￥200
		start -= len(p.word)
		if b, w, ok := s.boundBefore(start); ok && !hasBound { // 约$30万
			bound, hasBound = b, true
			start -= len(w)
		}
	} else if c, sz := hanset.DecodeRune(t[min(j, len(t)):]); j < len(t) && c == '成' && !tok.chinese || j < len(t) && c == '成' && tok.chinese && tok.value >= 2 && tok.value <= 10 && !strings.HasPrefix(t[j+sz:], "为") && !strings.HasPrefix(t[j+sz:], "立") {
		// 9成 = 90%
		u, hasUnit = unitDef{word: "成", unit: "%", dim: Percent, factor: 10}, true
		j += sz
	} else if strings.HasSuffix(tok.scale, "亿") && strings.HasPrefix(t[j:], "级") {
		// 300亿级, 500亿级产业集群: the size of an industry, in yuan; a
		// class written in Chinese numerals before its noun (千亿级产业集群,
		// 五百亿级、千亿级集群) names the class
		if tok.chinese && s.tierAfter(j) {
			s.pending = s.pending[:0]
			return j
		}
		u, hasUnit = yuan, true
	} else if w, ok := s.countedNoun(tok, j); ok {
		// 33.8万城乡低保对象: the noun counted stands after the figure
		u, hasUnit = unitDef{unit: Unit(w), dim: Count, factor: 1}, true
	} else if s.yuanScale(tok) && s.moneyContext(start, !strings.HasSuffix(tok.scale, "亿")) {
		u, hasUnit = yuan, true
	}
	if hasUnit && u.dim == Money && tok.chinese && tok.scale == "" && tok.value < 10 && !changeAfter(t[j:]) {
		// 三元 (a firm), 城乡二元结构: a single Chinese digit before 元 is a word
		s.pending = s.pending[:0]
		return j
	}
	if hasUnit && u.dim == Count {
		rest := t[j:]
		first, _ := hanset.DecodeRune(u.word)
		for _, tu := range s.r.terms.At(first) {
			if tu.unit == u.word && strings.HasPrefix(rest, tu.next) {
				s.pending = s.pending[:0]
				return j
			}
		}
		for _, w := range durationAfterUnit {
			if strings.HasPrefix(rest, w) {
				s.pending = s.pending[:0]
				return j
			}
		}
		if s.dateLike(tok, u, start) {
			s.pending = s.pending[:0]
			return j
		}
		if tok.chinese {
			if t[tok.start:tok.end] == "一" && u.unit != "倍" {
				s.pending = s.pending[:0]
				return j // 一个, 一批, 一次: an article, not a count
			}
			// a count says 两 (两轮, 两期): 二轮, 二期, 二次会议 are ordinals
			if t[tok.start:tok.end] == "二" || s.notCount(tok, u, start, j) {
				s.pending = s.pending[:0]
				return j
			}
		}
	}
	if !hasUnit {
		// a bare number may take the unit of the next member of a list or range
		for _, jw := range joinWords {
			if strings.HasPrefix(t[j:], jw) {
				after := j + len(jw)
				if after < len(t) && startsNumber(t[after:]) {
					s.pending = append(s.pending, pendingNum{tok: tok, boundPos: start, bound: bound, hasBound: hasBound,
						isRange: slices.Contains(rangeJoin, jw), joinEnd: after})
					return after
				}
			}
		}
		s.pending = s.pending[:0]
		return tok.end
	}
	// bounds after the unit: 以上, 左右 …
	if b, w, ok := s.boundAfterAt(j); ok && !(hasBound && bound == LE && b == LE) {
		bound, hasBound = b, true
		j += len(w)
	} else if ok {
		j += len(w)
	}
	if tok.hasInner && !hasBound {
		bound, hasBound = tok.inner, true
	} else if tok.hasInner && hasBound && bound == Approx {
		bound = tok.inner
	}
	if s.quoted(start, j) {
		s.pending = s.pending[:0]
		return j
	}
	q := s.make(tok, u, start, j, bound)
	if s.rangeHigh >= 0 && (s.rangeHigh == tok.start || s.rangeHigh == start) && len(s.out) > s.base && s.out[len(s.out)-1].Unit == q.Unit && q.Bound == Eq {
		q.Bound = LE
	}
	s.rangeHigh = -1
	// members waiting for this unit
	if len(s.pending) > 0 && s.pending[len(s.pending)-1].joinEnd == tok.start || len(s.pending) > 0 && s.pending[len(s.pending)-1].joinEnd == start {
		for _, p := range s.pending {
			pt := p.tok
			if pt.scale == "" && !pt.chinese == !tok.chinese {
				pt.scale = tok.scale
				pt.value *= scaleValue(tok.scale)
			}
			b := p.bound
			if p.isRange {
				if !p.hasBound {
					b = GE
				}
				if !hasBound || bound == Eq {
					q.Bound = LE
				}
			} else if !p.hasBound {
				b = q.Bound
			}
			pq := s.make(pt, u, p.boundPos, pt.end, b)
			s.out = append(s.out, pq)
		}
	}
	s.pending = s.pending[:0]
	// a range: this figure — the next one
	for _, jw := range rangeJoin {
		if strings.HasPrefix(t[j:], jw) && j+len(jw) < len(t) && startsNumber(t[j+len(jw):]) {
			if tok2, ok := s.number(j+len(jw), false); ok {
				if u2, ok2 := s.r.unitAt(t, tok2.end); ok2 && u2.unit == u.unit {
					if q.Bound == Eq {
						q.Bound = GE
					}
					s.rangeHigh = j + len(jw)
				}
			}
		}
	}
	s.shareBackward(&q)
	s.out = append(s.out, q)
	if tok.high > 0 {
		q.Bound = GE
		s.out[len(s.out)-1] = q
		hq := q
		hq.Value = round(tok.high * u.factor)
		hq.Bound = LE
		s.out = append(s.out, hq)
	}
	return j
}

// make builds a Quantity.
func (s *scanner) make(tok numTok, u unitDef, start, end int, b Bound) Quantity {
	v := tok.value * u.factor
	return Quantity{
		Text:      s.text[start:end],
		Start:     start,
		End:       end,
		Value:     round(v),
		Unit:      u.unit,
		Bound:     b,
		Dimension: u.dim,
		Scale:     tok.scale,
	}
}

// round trims floating-point noise: 116.78 × 1e8 = 11678000000.000002.
func round(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	mag := math.Pow(10, 12-math.Ceil(math.Log10(math.Abs(v))))
	if math.IsInf(mag, 0) || mag == 0 {
		return v
	}
	return math.Round(v*mag) / mag
}

func scaleValue(s string) float64 {
	v := 1.0
	for _, r := range s {
		for _, sc := range scaleTable {
			if sc.char == r {
				v *= sc.value
			}
		}
	}
	return v
}

func startsNumber(s string) bool {
	r, _ := hanset.DecodeRune(s)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || isNumeralRune(r)
}

// shareBackward gives a bound written once after a list to its earlier
// members (20亿元、30亿元以上), and the unit 个百分点 to a member written
// with 个 only (3.4个、1个百分点).
func (s *scanner) shareBackward(q *Quantity) {
	if q.Unit != "pp" && (q.Bound == Eq || !hasBoundSuffix(q.Text, s.r)) {
		return // nothing to share: no bound written after the figure, no 个 to make points
	}
	cur := *q
	// a list that shares a word written once is short: a long run of
	// figures costs no more than a short one
	for k := len(s.out) - 1; k >= max(s.base, len(s.out)-maxShared); k-- {
		p := &s.out[k]
		between := s.text[p.End:cur.Start]
		if !slices.Contains(listJoin, between) {
			return
		}
		if p.Unit == "个" && cur.Unit == "pp" {
			p.Unit, p.Dimension = "pp", PP
		}
		if p.Unit != cur.Unit {
			return
		}
		if q.Bound != Eq && p.Bound == Eq && cur.Text != "" && hasBoundSuffix(q.Text, s.r) {
			p.Bound = q.Bound
		}
		cur = *p
	}
}

// maxShared is the most members before a figure that share what is
// written after it (a bound, 个百分点).
const maxShared = 64

func hasBoundSuffix(text string, r *Recognizer) bool {
	for _, b := range r.after {
		if strings.HasSuffix(text, b.word) {
			return true
		}
	}
	return false
}

// boundBefore finds a bound word right before offset i, or before a
// particle that stands between it and the number (超过了, 突破达, 达到了 …):
// the word returned holds the particle.
func (s *scanner) boundBefore(i int) (Bound, string, bool) {
	if b, w, ok := s.boundRightBefore(i); ok {
		return b, w, true
	}
	for _, p := range boundParticles {
		if strings.HasSuffix(s.text[:i], p) {
			if b, w, ok := s.boundRightBefore(i - len(p)); ok && w != "上" {
				return b, w + p, true
			}
		}
	}
	return Eq, "", false
}

// boundParticles may stand between a bound word and its number.
var boundParticles = []string{"了", "达", "到", "至"}

// boundRightBefore finds a bound word that ends right at offset i.
func (s *scanner) boundRightBefore(i int) (Bound, string, bool) {
	head := s.text[max(0, i-12):i]
	last, _ := hanset.DecodeLastRune(head)
	for _, b := range s.r.before.At(last) {
		if strings.HasSuffix(head, b.word) {
			if b.word == "上" {
				// only 上千, 上万, 上百: a lone scale after it
				if r, _ := hanset.DecodeRune(s.text[i:]); r != '百' && r != '千' && r != '万' {
					continue
				}
			}
			if endsNotBound(head, b.word) {
				continue
			}
			return b.bound, b.word, true
		}
	}
	return Eq, "", false
}

// endsNotBound reports that head ends in a word of notBound ending in the
// bound word w: the 约 of 签约 is no bound.
func endsNotBound(head, w string) bool {
	for _, nb := range notBound {
		if len(nb) > len(w) && strings.HasSuffix(nb, w) && strings.HasSuffix(head, nb) {
			return true
		}
	}
	return false
}

func (s *scanner) boundAfterAt(j int) (Bound, string, bool) {
	r, _ := hanset.DecodeRune(s.text[j:])
	for _, b := range s.r.afterAt.At(r) {
		if strings.HasPrefix(s.text[j:], b.word) {
			return b.bound, b.word, true
		}
	}
	return Eq, "", false
}

// excludedBefore rejects numbers that are part of a code or name
// (PM2.5, G20, 3D), ordinals (第九次, 第 17 期) and vague Chinese numerals.
func (s *scanner) excludedBefore(tok numTok) bool {
	t := s.text
	head := t[:tok.start]
	p, psz := hanset.DecodeLastRune(head)
	if p < 0x80 && (p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9' || p == '.' || p == '+' || p == '-' && tok.chinese) {
		return true
	}
	h := strings.TrimRight(head, " ")
	if strings.HasSuffix(h, "第") || strings.HasSuffix(h, "初") || tok.chinese && (strings.HasSuffix(h, "届") || strings.HasSuffix(h, "“")) || strings.HasSuffix(h, "星期") || strings.HasSuffix(h, "周") && tok.chinese {
		return true
	}
	if tok.chinese {
		// a lone scale (百, 千, 万) is a number after a bound word (近百亿元)
		// or where loneScale finds it a threshold or a size (千万元以上)
		first, _ := hanset.DecodeRune(t[tok.start:])
		if first == '亿' {
			return true
		}
		if !isChineseDigit(first) && first != '十' && !tok.hasInner {
			if _, _, ok := s.boundBefore(tok.start); !ok && !s.loneScale(tok) {
				return true
			}
		}
		// 一主三次, 一核两翼: a numeral after a digit and a character that is
		// no measure word is the next member of a formula
		p2, _ := hanset.DecodeLastRune(head[:len(head)-psz])
		if isChineseDigit(p2) && isHanRune(p) && !isNumeralRune(p) && !strings.ContainsRune("是年月日天周", p) {
			if _, ok := s.r.unitAt(t, tok.start-psz); !ok {
				return true
			}
		}
	}
	return false
}

// dateLike reports a count that is a point in time: a year before 届
// (2024届毕业生, a class) and a figure from which something starts
// (自2025起).
func (s *scanner) dateLike(tok numTok, u unitDef, start int) bool {
	switch u.word {
	case "届":
		v := tok.value
		return !tok.chinese && tok.scale == "" && tok.end-tok.start == 4 && v >= 1900 && v <= 2100
	case "起":
		head := s.text[:start]
		return strings.HasSuffix(head, "从") || strings.HasSuffix(head, "自")
	}
	return false
}

// yuan is the unit of a figure with a scale and no unit that means money.
var yuan = unitDef{unit: "CNY", dim: Money, factor: 1}

// loneScale reports a number written with scale characters alone that
// stands as a figure with no bound word before it: a threshold of money
// (千万元以上项目, 过千万美元), a size (万亩园区, 百万平方米), or 百亿/千亿 where
// finish finds money meant. One scale character before money (万元GDP),
// a count (万人, 千家万户), a unit word (千米) or after 每 (每万人) is none.
func (s *scanner) loneScale(tok numTok) bool {
	t := s.text
	num := t[tok.start:tok.end]
	if strings.HasSuffix(t[:tok.start], "每") {
		return false
	}
	if _, ok := s.r.unitAt(t, tok.start); ok {
		return false
	}
	first, _ := hanset.DecodeRune(num)
	multi := len(num) > utf8.RuneLen(first) && (first == '百' || first == '千')
	u, k, ok := s.unitAfter(tok.end)
	if !ok {
		return multi && strings.HasSuffix(num, "亿")
	}
	if k != tok.end || s.tierAfter(k+len(u.word)) {
		return false // 万吨级码头: the class of a noun
	}
	switch u.dim {
	case Physical:
		return u.unit != "person-times" || multi
	case Money:
		return multi
	}
	return false
}

// tierAfter reports 级 at j that qualifies what follows: a size class
// naming a noun (千亿级产业集群, 万吨级码头, 千亿级、五百亿级集群) rather than a
// size reached (集群产值达到百亿级。).
func (s *scanner) tierAfter(j int) bool {
	t := s.text
	if !strings.HasPrefix(t[j:], "级") {
		return false
	}
	k := j + len("级")
	if k >= len(t) {
		return false
	}
	r, _ := hanset.DecodeRune(t[k:])
	return !qClauseEnds.Has(r)
}

// qClauseEnds end a clause for the quantity scanner.
var qClauseEnds = hanset.NewRunes("，。；：！？,;:!?）)\n")

// yuanScale reports a figure whose scale makes it money when the clause
// speaks of money and no unit follows: Arabic digits before 亿 or 万
// (80亿, 5000万), a Chinese numeral before 亿 (百亿). A figure before 万
// needs the money word in its own member of a list (户籍人口超过80万
// after 财政收入突破百亿 is no money).
func (s *scanner) yuanScale(tok numTok) bool {
	if tok.chinese {
		return strings.HasSuffix(tok.scale, "亿")
	}
	return strings.HasSuffix(tok.scale, "亿") || strings.HasSuffix(tok.scale, "万")
}

// bareYuan reports a Chinese numeral before 亿 with no unit that is an
// amount of yuan: in a money clause, or a size class (百亿级).
func (s *scanner) bareYuan(tok numTok) bool {
	return strings.HasSuffix(tok.scale, "亿") &&
		(strings.HasPrefix(s.text[tok.end:], "级") || s.moneyContext(tok.start, false))
}

// countedNoun returns the measure word of a noun of countedNouns written
// after an Arabic figure with a scale (33.8万城乡低保对象: 人), within a few
// characters and no mark between; the head of a compound wins (企业职工: 人).
func (s *scanner) countedNoun(tok numTok, j int) (string, bool) {
	if tok.chinese || j != tok.end || !strings.ContainsAny(tok.scale, "万亿") {
		return "", false
	}
	t := s.text
	unit, end := "", -1
	for k, n := j, 0; k < len(t) && n < 8; n++ {
		if end >= 0 && k > end {
			break
		}
		r, sz := hanset.DecodeRune(t[k:])
		if !isHanRune(r) || r == '的' || r == '和' || r == '及' || r == '与' || r == '并' {
			break
		}
		for _, c := range countedNouns {
			if strings.HasPrefix(t[k:], c.noun) && k+len(c.noun) > end {
				unit, end = c.unit, k+len(c.noun)
			}
		}
		k += sz
	}
	return unit, end >= 0
}

// notCount reports a count in Chinese numerals that names rather than
// counts: an enumeration of the speech (三点意见), a session of a congress
// (十六届人大三次会议), a programme (十项惠民工程), or a restatement of the
// list before it (创新、协调、绿色三个关键词).
func (s *scanner) notCount(tok numTok, u unitDef, start, j int) bool {
	t := s.text
	rest := t[j:]
	for _, w := range enumAfterUnit {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	if u.word == "次" {
		for _, w := range ordinalSessions {
			if strings.HasPrefix(rest, w) {
				head := t[max(0, start-24):start]
				if strings.Contains(head, "届") || strings.HasSuffix(head, "人大") || strings.HasSuffix(head, "政协") {
					return true
				}
			}
		}
	}
	if k := hanset.HanRun(rest); k > 0 {
		name := rest[:min(k, 8*3)]
		for _, w := range programmeWords {
			if strings.Contains(name, w) {
				return true
			}
		}
	}
	return s.restatesList(start, tok.value)
}

// restatesList reports that a number written in Chinese numerals repeats
// the count of the list just before it (城东、城西两条主干道): as many
// members, joined by 、 within one clause. A list closed by 等 is left
// open, so its count says more than the list (甲、乙等四家企业).
func (s *scanner) restatesList(start int, n float64) bool {
	if n < 2 || n != math.Trunc(n) {
		return false
	}
	t := s.text
	head := t[max(0, start-240):start]
	head = strings.TrimRight(head, "”\"」’")
	if strings.HasSuffix(head, "等") || strings.HasSuffix(head, "的") {
		return false // 甲、乙等四家; 甲、乙的两个中心: the list is not the things counted
	}
	members := 1
	for k := len(head); k > 0; {
		r, sz := hanset.DecodeLastRune(head[:k])
		switch {
		case r == '、':
			members++
		case qClauseEnds.Has(r) || r == '（' || r == '(':
			return members >= 2 && float64(members) == n
		case r < utf8.RuneSelf && r >= '0' && r <= '9' || isNumeralRune(r):
			return false // a member with a figure of its own: 两个园区、城北的两个中心
		}
		k -= sz
	}
	return members >= 2 && float64(members) == n
}

// quoted reports a figure inside a short quoted formula (“三人小组”, “四个一”).
func (s *scanner) quoted(start, end int) bool {
	t := s.text
	head := t[max(0, start-24):start]
	open := hanset.LastIndexWord(head, "“")
	if open < 0 || strings.ContainsAny(head[open:], "”，。；、") {
		return false
	}
	tail := t[end:min(len(t), end+24)]
	cl := strings.Index(tail, "”")
	if cl < 0 || strings.ContainsAny(tail[:cl], "，。；") {
		return false
	}
	// a formula counts in Chinese numerals (“四个一”); Arabic digits in
	// quotes are a figure quoted (“88个项目”), but for a sum (“7+1”) and a
	// figure quoted alone, a name (实施“0.1微克”工程)
	inside := head[open+len("“"):] + t[start:end] + tail[:cl]
	return !strings.ContainsAny(inside, "0123456789") || strings.ContainsAny(inside, "+＋") || inside == t[start:end]
}

// moneyMarks end the clause moneyContext reads; memberMarks also end a
// member of a list.
var (
	moneyMarks  = hanset.NewMarks("，。；：,;")
	memberMarks = hanset.NewMarks("，。；：,;、")
)

// moneyContext reports a money word shortly before offset i in the same
// clause, or with member set in the same member of a list.
func (s *scanner) moneyContext(i int, member bool) bool {
	head := s.text[max(0, i-45):i]
	marks := moneyMarks
	if member {
		marks = memberMarks
	}
	if k, _ := marks.LastIndex(head); k >= 0 {
		head = head[k:]
	}
	for _, w := range s.r.moneyWords {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// fractionAt returns the end of the denominator of a fraction written
// from i (the 三 of 三分之一, the 百 of 百分之十五), before its 分之; i if
// none stands there.
func fractionAt(t string, i int) int {
	j := i
	for j < len(t) {
		if c := t[j]; c >= '0' && c <= '9' {
			j++
			continue
		} else if c < utf8.RuneSelf {
			break // ASCII that is no digit
		}
		r, sz := hanset.DecodeRune(t[j:])
		if !isNumeralRune(r) {
			break
		}
		j += sz
	}
	if j == i || !strings.HasPrefix(t[j:], "分之") {
		return i
	}
	return j
}

// fraction reads a fraction whose denominator is t[i:k], as a percentage:
// 百分之十五 (15%), 千分之七 (0.7%), 万分之三 (0.03%), 三分之一 (33.3…%),
// 5分之2 (40%). It returns where scanning goes on.
func (s *scanner) fraction(i, k int) int {
	t := s.text
	j := k + len("分之")
	var den float64
	switch d := t[i:k]; d {
	case "百":
		den = 100
	case "千":
		den = 1000
	case "万":
		den = 10000
	default:
		v, ok := parseBig(d)
		if !ok || v < 2 {
			return j
		}
		den = v
	}
	tok, ok := s.number(j, false)
	if !ok || tok.scale != "" || tok.value > den && den != 100 {
		return j
	}
	start := i
	bound := Eq
	if b, w, ok := s.boundBefore(i); ok {
		bound, start = b, i-len(w)
	}
	end := tok.end
	if b, w, ok := s.boundAfterAt(end); ok {
		bound, end = b, end+len(w)
	}
	q := Quantity{Text: t[start:end], Start: start, End: end, Value: round(tok.value * 100 / den),
		Unit: "%", Bound: bound, Dimension: Percent}
	if tok.high > 0 { // 百分之二三十: a range, as 二三十个百分点
		q.Bound = GE
		s.out = append(s.out, q)
		q.Value, q.Bound = round(tok.high*100/den), LE
	}
	s.out = append(s.out, q)
	return end
}

// halfTenth reads 半成, half a tenth (5%), where 成 ends the figure: not
// 半成品 (semi-finished goods) nor 半成熟.
func (s *scanner) halfTenth(i int) int {
	t := s.text
	end := i + len("半成")
	if !strings.HasPrefix(t[i:], "半成") {
		return i + len("半")
	}
	if r, _ := hanset.DecodeRune(t[end:]); isHanRune(r) && !strings.ContainsRune("以左上", r) {
		return end
	}
	start, bound := i, Eq
	if b, w, ok := s.boundBefore(i); ok {
		bound, start = b, i-len(w)
	}
	if b, w, ok := s.boundAfterAt(end); ok {
		bound, end = b, end+len(w)
	}
	s.out = append(s.out, Quantity{Text: t[start:end], Start: start, End: end, Value: 5, Unit: "%", Bound: bound, Dimension: Percent})
	return end
}

// doubling reads 翻番 / 翻一番 (2 times) and 翻两番 (4 times).
func (s *scanner) doubling(i int) int {
	t := s.text
	rest := t[i+len("翻"):]
	var n float64
	var w string
	switch {
	case strings.HasPrefix(rest, "番"):
		n, w = 2, "翻番"
	case strings.HasPrefix(rest, "一番"):
		n, w = 2, "翻一番"
	case strings.HasPrefix(rest, "两番"):
		n, w = 4, "翻两番"
	case strings.HasPrefix(rest, "三番"):
		n, w = 8, "翻三番"
	default:
		return i + len("翻")
	}
	end := i + len(w)
	s.out = append(s.out, Quantity{Text: w, Start: i, End: end, Value: n, Unit: "times", Bound: Eq, Dimension: Times})
	return end
}

// Redacted counts the figures deleted from a text that leave their unit
// behind: placeholders (××亿元, X%, ＊个) and units with no number before
// them (合同利用市外资金亿元). Templates and redacted documents score high.
func (r *Recognizer) Redacted(text string) int { return r.redacted(text, nil) }

// RedactedIn is Redacted of the document's text, reading where the units
// end from the document's one pass over it.
func (r *Recognizer) RedactedIn(d *Doc) int { return r.redacted(d.Text, d) }

// redacted is Redacted, reading the places of the units' last characters
// from d when it is not nil.
func (r *Recognizer) redacted(text string, d *Doc) int {
	n := 0
	for _, last := range redactedLast {
		src := search(last)
		if d != nil {
			src = d.char(last)
		}
		for off := 0; ; {
			k := src.next(text, off)
			if k < 0 {
				break
			}
			end := k + len(last)
			off = end
			for _, u := range redactedUnits {
				if strings.HasSuffix(text[:end], u) {
					if r.unitDeleted(text, end-len(u), u) {
						n++
					}
					break
				}
			}
		}
	}
	return n
}

// unitDeleted reports whether the unit u written at text[i:] stands for a
// deleted figure: after a placeholder, or after a Han character that is
// no numeral.
func (r *Recognizer) unitDeleted(text string, i int, u string) bool {
	p, _ := hanset.DecodeLastRune(text[:i])
	switch {
	case strings.ContainsRune(r.placeholder, p):
		return true
	case p >= '0' && p <= '9' || p >= '０' && p <= '９' || isNumeralRune(p) || p == '余' || p == '多' || p == '来' || p == ' ' || p == '之':
	case p == '过' || p == '上' || p == '超' || p == '千' || p == '百':
	case isHanRune(p):
		rest := text[i+len(u):]
		return !strings.HasPrefix(rest, "以上") && !strings.HasPrefix(rest, "级") && !strings.HasPrefix(rest, "以下") && u != "%"
	}
	return false
}

// redactedUnits are the units Redacted looks for. No unit ends another,
// so at most one ends at a place; redactedLast are their last characters,
// which Redacted searches for.
var (
	redactedUnits = []string{"亿元", "万元", "万美元", "亿美元", "%", "个百分点"}
	redactedLast  = func() []string {
		var out []string
		for _, u := range redactedUnits {
			_, size := hanset.DecodeLastRune(u)
			if last := u[len(u)-size:]; !slices.Contains(out, last) {
				out = append(out, last)
			}
		}
		return out
	}()
)

func isHanRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }
