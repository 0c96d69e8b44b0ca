package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// maxLine is the longest line the cleaner handles in one piece; longer
// lines (minified pages, text without line breaks) are cut at sentence ends
// near this size and joined back without a break.
const maxLine = 64 << 10

// Cleaner turns the raw text of a document into clean text with a map back
// to the raw offsets. A Cleaner is safe for concurrent use; its
// traditional-to-simplified table (t2s.go) is loaded on first need.
type Cleaner struct{}

// NewCleaner returns a Cleaner.
func NewCleaner() *Cleaner {
	return &Cleaner{}
}

// rline is a line of the raw text and what the cleaner decided for it.
type rline struct {
	start, end int    // raw span of the trimmed line content
	brk        int    // raw offset of the line break after it (or end)
	text       string // raw[start:end]
	kind       lineKind
	join       bool // glue to the previous kept line without a break
	cuts       [][2]int
	asIs       bool // the normaliser writes every rune as it stands (lineStats.asIs)
}

var (
	chunkMarkRe  = regexp.MustCompile(`^([0-9]{1,3})、`)
	issueRe      = regexp.MustCompile(`^(?:第\s*[0-9]+\s*期\s*)?(?:[（(]\s*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*[）)])?`)
	terminalRune = "。！？；：!?;:”…"
)

// Clean cleans raw text. hint carries what is already known of the document
// (an HTML <title>, archive columns); the returned Meta adds what the page
// states: title, dates, source.
func (c *Cleaner) Clean(raw string, hint Meta) (string, *OffsetMap, Meta) {
	meta := hint
	lines := splitLines(raw)
	texts := make([]string, len(lines))
	for i := range lines {
		texts[i] = lines[i].text
	}
	markChunks(lines)
	for i := range lines {
		texts[i] = lines[i].text
	}

	// Each line's prose test, and its class as a line of the body when it
	// is prose, are computed once.
	stats := make([]lineStats, len(texts))
	bodyKind := make([]lineKind, len(texts))
	first, last := -1, -1
	for i, t := range texts {
		stats[i] = statLine(t)
		lines[i].asIs = stats[i].asIs
		if stats[i].prose {
			bodyKind[i] = classify(t, true, stats[i])
		}
		if stats[i].prose && bodyKind[i] == keepLine {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	headEnd := len(lines)
	if first >= 0 {
		headEnd = first + 1
	}
	title, ti := findTitle(texts[:min(headEnd, 40)], hint.Title)
	if meta.Title == "" {
		meta.Title = title
	}
	var tail []string
	if last >= 0 {
		tail = texts[last+1:]
	}
	delivered, published := findDates(texts[:min(len(texts), max(headEnd+3, 8))], tail)
	if meta.Date == "" {
		switch {
		case delivered != "":
			meta.Date, meta.DateKind = delivered, "delivered"
		case published != "":
			meta.Date, meta.DateKind = published, "published"
		}
	}
	for _, t := range texts[:min(headEnd, 40)] {
		if _, ok := cutAny(t, labelWords...); !ok {
			continue // labelRe cannot match
		}
		if m := labelRe.FindStringSubmatch(t); m != nil {
			switch m[1] {
			case "来源", "文章来源":
				if meta.Source == "" {
					meta.Source = strings.TrimSpace(m[2])
				}
			case "作者":
				if meta.Author == "" {
					meta.Author = strings.TrimSpace(m[2])
				}
			case "来源URL", "URL", "原文链接":
				if meta.URL == "" {
					meta.URL = strings.TrimSpace(m[2])
				}
			}
		}
	}

	// Decide line by line. A page footer inside a line holds 页: a text
	// without one has none to cut.
	pages := hanset.IndexWord(raw, "页") >= 0
	inTail := false
	for i := range lines {
		l := &lines[i]
		inBody := first >= 0 && i >= first && i <= last
		prose := stats[i].prose
		if inBody && prose {
			l.kind = bodyKind[i]
		} else {
			l.kind = classify(l.text, inBody, stats[i])
		}
		switch {
		case l.kind != keepLine:
		case first >= 0 && i > last && inTail:
			l.kind = chromeLine
		case ti >= 0 && i < ti && (first < 0 || i < first) && !prose && !figureSentence(l.text):
			l.kind = chromeLine // site name, menus and running titles above the title
		case title != "" && i != ti && l.text == title:
			l.kind = chromeLine // the title repeated
		case title != "" && i != ti && (first < 0 || i < first || i > last) && runningTitle(l.text, title):
			l.kind = chromeLine
		}
		if first >= 0 && i > last && l.kind == chromeLine && !inTail && classify(l.text, false, stats[i]) == chromeLine {
			inTail = true // the footer block: everything from here on goes
		}
		if l.kind == keepLine {
			if pages {
				l.cuts = append(l.cuts, lineCuts(l.text, stats[i].paywall)...)
			} else {
				l.cuts = paywallCuts(l.text, stats[i].paywall, l.cuts)
			}
		}
	}
	if ti >= 0 && lines[ti].kind == keepLine {
		splitTitleLine(&lines, ti, title)
	}
	// A lone opening bracket or list marker on its line joins the next line
	// ((  / 三）改革… ).
	for i := 0; i+1 < len(lines); i++ {
		if t := lines[i].text; lines[i].kind == keepLine && len(t) <= 3*utf8.UTFMax && utf8.RuneCountInString(t) <= 3 && loneMarker(t) {
			for j := i + 1; j < len(lines); j++ {
				if lines[j].kind == keepLine {
					lines[j].join = true
					break
				}
			}
		}
	}

	han, tradHan := 0, 0
	for _, st := range stats {
		han, tradHan = han+st.han, tradHan+st.trad
	}
	trad := traditional(han, tradHan)
	var conv *t2sTable
	if trad {
		conv = t2s()
		meta.Traditional = true
	}

	b := newBuilder(len(raw), len(raw), anchorsAhead(lines))
	n := &normaliser{b: b, raw: raw, conv: conv}
	prevBrk := -1
	for i := range lines {
		l := &lines[i]
		if l.kind != keepLine {
			continue
		}
		mark := b.mark()
		if len(b.buf) > 0 && !l.join && b.lastByte() != '\n' {
			if prevBrk >= 0 && prevBrk < len(raw) && raw[prevBrk] == '\n' {
				b.copy(prevBrk, "\n")
			} else {
				b.replace(max(prevBrk, 0), max(prevBrk, 0), "\n")
			}
		}
		before := len(b.buf)
		if l.asIs && n.conv == nil && len(l.cuts) == 0 {
			b.copy(l.start, raw[l.start:l.end]) // what lineFast would write
		} else {
			n.line(l.start, l.end, l.cuts)
		}
		if len(b.buf) > before {
			prevBrk = l.brk
		} else {
			b.reset(mark) // the line was all cut (a paywall notice): no line break for it
		}
	}
	text, m := b.finish()
	return text, m, meta
}

// anchorsAhead estimates the anchors the builder needs for the kept
// lines: one or two for each line, and one for about every 24 bytes of a
// line the normaliser rewrites (each rewritten rune starts two; a report
// in Latin punctuation has one every 30 bytes or so). A document that
// needs more grows the slice.
func anchorsAhead(lines []rline) int {
	n := 16
	for i := range lines {
		if l := &lines[i]; l.kind == keepLine {
			n += 2
			if !l.asIs || len(l.cuts) > 0 {
				n += (l.end - l.start) / 24
			}
		}
	}
	return n
}

// splitLines cuts raw into lines with their content trimmed of spaces.
func splitLines(raw string) []rline {
	out := make([]rline, 0, strings.Count(raw, "\n")+1)
	for off := 0; off < len(raw); {
		end := strings.IndexByte(raw[off:], '\n')
		brk := 0
		if end < 0 {
			end = len(raw)
			brk = len(raw)
		} else {
			end += off
			brk = end
		}
		e := end
		if e > off && raw[e-1] == '\r' {
			e--
		}
		join := false
		for s := off; s < e; {
			ce := e
			if ce-s > maxLine {
				ce = cutPoint(raw, s, s+maxLine)
			}
			out = append(out, trimLine(raw, s, ce, brk, join))
			join = true
			s = ce
		}
		if off == e && brk < len(raw) {
			out = append(out, rline{start: off, end: off, brk: brk, kind: emptyLine})
		}
		off = brk + 1
	}
	return out
}

// cutPoint finds a place to cut a long line at or before limit: after a
// sentence end if one is near, else at a rune boundary.
func cutPoint(raw string, from, limit int) int {
	if i := strings.LastIndex(raw[from:limit], "。"); i > (limit-from)/2 {
		return from + i + len("。")
	}
	for limit > from && !utf8.RuneStart(raw[limit]) {
		limit--
	}
	if limit == from {
		return from + maxLine
	}
	return limit
}

func trimLine(raw string, s, e, brk int, join bool) rline {
	for s < e {
		r, size := hanset.DecodeRune(raw[s:e])
		if !isSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := hanset.DecodeLastRune(raw[s:e])
		if !isSpace(r) {
			break
		}
		e -= size
	}
	return rline{start: s, end: e, brk: brk, text: raw[s:e], join: join}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\f', '\v', 0xA0, 0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x202F, 0x205F:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// markChunks finds page-chunk markers (1、 2、 3、 … at the start of the
// lines of a paged source, cutting words in half), removes them and joins
// the halves back. A numbered list also starts lines with 1、 2、; markers
// are told apart by cutting sentences: most of the lines before them do not
// end a sentence.
func markChunks(lines []rline) {
	var idx []int
	want := 1
	for i, l := range lines {
		if l.text == "" || l.text[0] < '0' || l.text[0] > '9' {
			continue // chunkMarkRe cannot match
		}
		if m := chunkMarkRe.FindStringSubmatch(l.text); m != nil {
			if v, _ := strconv.Atoi(m[1]); v == want {
				idx = append(idx, i)
				want++
			}
		}
	}
	if len(idx) < 3 {
		return
	}
	cut, long := 0, 0
	for k, i := range idx {
		if t := lines[i].text; len(truncRunes(t, 150)) < len(t) {
			long++
		}
		if k == 0 {
			continue
		}
		if p := prevContent(lines, i); p >= 0 && !endsSentence(lines[p].text) {
			cut++
		}
	}
	if cut*2 < len(idx)-1 || long*2 < len(idx) {
		return
	}
	for _, i := range idx {
		l := &lines[i]
		m := chunkMarkRe.FindString(l.text)
		l.start += len(m)
		l.text = l.text[len(m):]
		if p := prevContent(lines, i); p >= 0 && (!endsSentence(lines[p].text) || startsWithPunct(l.text)) {
			l.join = true
		}
	}
}

// figureSentence reports a line that states a figure: it ends as a
// sentence ends (。！？；) and holds a digit, or it holds an amount (a
// digit followed by 亿, 万, 元, %, 个, 项, 家 or 倍). Above the title, where
// menus and site names stand, such a line is kept: no chrome reads so
// (全市上半年到位资金204亿元。); page counts, dates and issue numbers (共3页,
// 2024年第3期) have no amount.
func figureSentence(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case isDigit(r):
			digit = true
			continue
		case digit && strings.ContainsRune("亿万元%％个项家倍", r):
			return true
		}
		digit = false
	}
	r, _ := hanset.DecodeLastRune(s)
	return (r == '。' || r == '！' || r == '？' || r == '；') && strings.IndexFunc(s, isDigit) >= 0
}

func prevContent(lines []rline, i int) int {
	for p := i - 1; p >= 0; p-- {
		if lines[p].text != "" {
			return p
		}
	}
	return -1
}

func endsSentence(s string) bool {
	r, _ := hanset.DecodeLastRune(s)
	return strings.ContainsRune(terminalRune, r)
}

func startsWithPunct(s string) bool {
	r, _ := hanset.DecodeRune(s)
	return unicode.IsPunct(r)
}

func loneMarker(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("（(【[一二三四五六七八九十0123456789、.", r) {
			return false
		}
	}
	return true
}

// runningTitle reports a short line outside the body that repeats a large
// part of the title (a truncated or prefixed copy of it).
func runningTitle(s, title string) bool {
	if len(truncRunes(s, 80)) < len(s) || isProse(s) {
		return false
	}
	if strings.Contains(title, s) && utf8.RuneCountInString(s) >= 6 {
		return true
	}
	common := longestCommon([]rune(s), []rune(title))
	return common >= 10 && common*3 >= utf8.RuneCountInString(title)*2-utf8.RuneCountInString(title)
}

func longestCommon(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// inlineCuts finds spans to remove inside a kept line: paywall notices and
// page footers glued to text. The patterns run only on the stretch of the
// line around a hint (see paywallCuts, pageFooterCuts), which finds what
// they would find in the whole line.
func inlineCuts(s string) [][2]int { return lineCuts(s, paywallHints.Index(s)) }

// lineCuts is inlineCuts for a line whose first paywall hint word stands
// at offset hint (-1 for none).
func lineCuts(s string, hint int) [][2]int {
	return pageFooterCuts(s, paywallCuts(s, hint, nil))
}

// paywallCuts appends to cuts the paywall notices of s, whose first hint
// word stands at offset k (-1: none). Every notice holds a hint word and
// no 。, so the patterns run only on the sentences, cut at 。, that hold a
// hint.
func paywallCuts(s string, k int, cuts [][2]int) [][2]int {
	for k >= 0 {
		a, b := 0, len(s)
		if j := strings.LastIndex(s[:k], "。"); j >= 0 {
			a = j + len("。")
		}
		if j := strings.Index(s[k:], "。"); j >= 0 {
			b = k + j
		}
		for _, m := range loadPaywall().FindAllStringIndex(s[a:b], -1) {
			cuts = append(cuts, [2]int{a + m[0], a + m[1]})
		}
		if k = paywallHints.Index(s[b:]); k >= 0 {
			k += b
		}
	}
	return cuts
}

// pageFooterCuts appends to cuts the page footers of s. A footer is made of
// footer characters only (footerRune) and holds a page-number hint, so the
// pattern runs only on the runs of such characters around a hint: the
// whole pattern when the run is the whole line, else its alternatives that
// need not be the whole line (pageFooterInlineRe).
func pageFooterCuts(s string, cuts [][2]int) [][2]int {
	for off := 0; off < len(s); {
		k := pageNumberAt(s, off)
		if k < 0 {
			break
		}
		a, b := k, k
		for a > 0 {
			r, size := hanset.DecodeLastRune(s[:a])
			if !footerRune(r) {
				break
			}
			a -= size
		}
		for b < len(s) {
			r, size := hanset.DecodeRune(s[b:])
			if !footerRune(r) {
				break
			}
			b += size
		}
		re := pageFooterInlineRe
		if a == 0 && b == len(s) {
			re = pageFooterRe
		}
		for _, m := range re.FindAllStringIndex(s[a:b], -1) {
			cuts = append(cuts, [2]int{a + m[0], a + m[1]})
		}
		off = b
	}
	return cuts
}

// footerRune reports the characters pageFooterRe is written with: a match
// holds no others.
func footerRune(r rune) bool {
	switch r {
	case '第', '共', '页', '上', '一', '下', '/', ',', '，', '-', '[', ']', ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return r >= '0' && r <= '9'
}

// pageNumberHint reports whether s may hold a page footer that
// pageFooterRe finds inside a line: every such footer holds a page number
// before 页 (spaces allowed between them) or 上一页.
func pageNumberHint(s string) bool { return pageNumberAt(s, 0) >= 0 }

// pageNumberAt returns the offset of the first 页 of s at or after from
// that follows a page number or 上一 (see pageNumberHint), or -1.
func pageNumberAt(s string, from int) int {
	for off := from; ; {
		k := hanset.IndexWord(s[off:], "页")
		if k < 0 {
			return -1
		}
		k += off
		before := strings.TrimRight(s[:k], " \t\f\r\n")
		if n := len(before); n > 0 && before[n-1] >= '0' && before[n-1] <= '9' || strings.HasSuffix(before, "上一") {
			return k
		}
		off = k + len("页")
	}
}

// paywallHints are words every match of a pattern of data/paywall.txt
// contains one of; a line without any skips the regular expression. They
// are words rare in reports (not 字 or 内容), so most lines skip it.
var paywallHints = hanset.NewWords(paywallHintWords...)

// paywallHintWords are the paywall hints: each is two or more ideographs
// (statLine tests a hint at its second character, paywallSeconds).
var paywallHintWords = []string{"查看", "全文", "本文", "剩余", "阅读", "会员", "付费", "文档", "内容来自", "以上内容"}

// paywallSeconds are the second characters of the paywall hints.
var paywallSeconds = func() *hanset.Set {
	var seconds string
	for _, w := range paywallHintWords {
		_, size := hanset.DecodeRune(w)
		r, _ := hanset.DecodeRune(w[size:])
		seconds += string(r)
	}
	return hanset.New(seconds)
}()

// splitTitleLine cuts the title off a line that goes on with other text:
// a title glued to the first sentence, an issue number and delivery date
// after it, a site label and the title repeated.
func splitTitleLine(lines *[]rline, ti int, title string) {
	l := (*lines)[ti]
	if !strings.HasPrefix(l.text, title) || len(l.text) == len(title) {
		return
	}
	parts := []rline{{start: l.start, end: l.start + len(title), brk: l.brk, text: title, cuts: nil}}
	restStart := l.start + len(title)
	rest := l.text[len(title):]
	// a site label glued to the title, then the title again: drop both
	if k := strings.Index(rest, title); k >= 0 && k <= 40 && !strings.ContainsAny(rest[:k], "，。；,;") {
		restStart += k + len(title)
		rest = rest[k+len(title):]
	}
	if m := issueRe.FindString(rest); m != "" {
		parts = append(parts, rline{start: restStart, end: restStart + len(m), brk: l.brk, text: m})
		restStart += len(m)
		rest = rest[len(m):]
	}
	if strings.TrimFunc(rest, isSpace) != "" {
		nl := trimLine(rest, 0, len(rest), len(rest), false)
		parts = append(parts, rline{start: restStart + nl.start, end: restStart + nl.end, brk: l.brk, text: nl.text})
	}
	for k := range parts {
		parts[k].brk = l.brk
		if k+1 < len(parts) {
			parts[k].brk = parts[k].end
		}
		for _, c := range l.cuts {
			s, e := c[0]+l.start, c[1]+l.start
			if s >= parts[k].start && e <= parts[k].end {
				parts[k].cuts = append(parts[k].cuts, [2]int{s - parts[k].start, e - parts[k].start})
			}
		}
	}
	parts[0].join = l.join
	out := append([]rline{}, (*lines)[:ti]...)
	out = append(out, parts...)
	*lines = append(out, (*lines)[ti+1:]...)
}

// traditional reports text written in traditional characters, from the
// counts of its Han characters and of those that exist only in the
// traditional script (lineStats): three at least, and 3% of the Han; or,
// in a short text (a cell, a caption: 108億元, 12個百分點), one at least and
// a fifth of the Han.
func traditional(han, trad int) bool {
	if han > 0 && han < 40 && trad >= 1 && trad*5 >= han {
		return true
	}
	return han > 0 && trad*100 >= han*3 && trad >= 3
}

// traditionalOnly holds frequent characters that simplified text never uses.
const traditionalOnly = "兩們這個為與發經國會對於說時學過進區開關門問間長來東車書見頁體點裡後從無現實際資業產總達義務導動處專應當將設變議論該認記話語讀調財貨買賣較勢濟區價費項額億萬計劃規劃組織權標準務質轉運幹稅險劑製質數據層廣場態網絡線條營銷辦農環護衛圖邊縣鄉鎮級黨屬頭興擴"

var traditionalSet = hanset.New(traditionalOnly)

// normaliser writes the runes of kept lines to the builder, normalising
// width, spaces, punctuation and script.
type normaliser struct {
	b    *builder
	raw  string
	conv *t2sTable
	rs   []lrune // scratch
	crs  []rune  // scratch for conversion
}

type lrune struct {
	r         rune // the rune, simplified when the line is traditional
	src       rune // the rune as read
	pos, size int
}

func (n *normaliser) line(start, end int, cuts [][2]int) {
	if n.conv == nil && len(cuts) == 0 {
		n.lineFast(start, end)
		return
	}
	rs := n.rs[:0]
	for p := start; p < end; {
		r, size := hanset.DecodeRune(n.raw[p:end])
		cut := false
		for _, c := range cuts {
			if p-start >= c[0] && p-start < c[1] {
				cut = true
				break
			}
		}
		if !cut && !isInvisible(r) {
			rs = append(rs, lrune{r, r, p, size})
		}
		p += size
	}
	n.rs = rs
	if n.conv != nil {
		n.simplify(rs)
	}
	spaced := spacedOut(rs)
	var prev rune // last rune written on this line
	quoteOpen := false
	for k := 0; k < len(rs); k++ {
		lr := rs[k]
		r := lr.r
		if isSpace(r) {
			j := k
			for j < len(rs) && isSpace(rs[j].r) {
				j++
			}
			if prev == 0 || j == len(rs) {
				k = j - 1
				continue
			}
			switch spaceRun(spaced, prev, rs[j].r) {
			case breakLine:
				n.b.replace(lr.pos, rs[j-1].pos+rs[j-1].size, "\n")
				prev = 0
			case oneSpace:
				n.emit(lr, ' ')
				prev = ' '
			}
			k = j - 1
			continue
		}
		out := foldRune(r)
		switch {
		case out != r:
		case r == '"':
			out = curlQuote(&quoteOpen)
		case isLatinPunct(r):
			next := rune(0)
			for j := k + 1; j < len(rs); j++ {
				if !isSpace(rs[j].r) {
					next = rs[j].r
					break
				}
			}
			if isCJKContext(prev, next, r) {
				out = fullPunct(r)
			}
		}
		n.emit(lr, out)
		prev = out
	}
}

// lineFast is line for a line without cuts in a text that is not
// traditional, written a run of unchanged runes at a time rather than rune
// by rune; FuzzLineFast holds it to the rune-by-rune path.
func (n *normaliser) lineFast(start, end int) {
	s := n.raw[start:end]
	var prev rune // last rune written
	run := 0      // start of the run of unchanged runes not yet written
	spaced := -1  // spacedLine(s), once a space asks for it
	quoteOpen := false
	for i := 0; i < len(s); {
		if k := hanset.HanRun(s[i:]); k > 0 {
			// U+4000–U+9FFF are written as they stand
			i += k
			prev, _ = hanset.DecodeRune(s[i-3:])
			continue
		}
		if k := plainASCIIRun(s[i:]); k > 0 {
			// so are digits, letters and most ASCII signs
			i += k
			prev = rune(s[i-1])
			continue
		}
		r, size := hanset.DecodeRune(s[i:])
		out := r
		switch {
		case isInvisible(r): // dropped (so is an invalid byte: U+FFFD)
			n.b.copy(start+run, s[run:i])
			run = i + size
			i += size
			continue
		case isSpace(r):
			// a run of spaces (and invisible runes), and what follows it
			j, last := i, i
			for j < len(s) {
				r2, size2 := hanset.DecodeRune(s[j:])
				if !isSpace(r2) && !isInvisible(r2) {
					break
				}
				if !isInvisible(r2) {
					last = j + size2
				}
				j += size2
			}
			n.b.copy(start+run, s[run:i])
			run = j
			if prev == 0 || j == len(s) {
				i = j
				continue
			}
			next, _ := hanset.DecodeRune(s[j:])
			if spaced < 0 {
				spaced = 0
				if spacedLine(s) {
					spaced = 1
				}
			}
			switch spaceRun(spaced == 1, prev, next) {
			case breakLine:
				n.b.replace(start+i, start+last, "\n")
				prev = 0
			case oneSpace:
				if r == ' ' {
					n.b.copy(start+i, " ")
				} else {
					n.b.replace(start+i, start+i+size, " ")
				}
				prev = ' '
			}
			i = j
			continue
		case r == '"':
			out = curlQuote(&quoteOpen)
		case isLatinPunct(r):
			if isCJKContext(prev, nextRune(s[i+size:]), r) {
				out = fullPunct(r)
			}
		default:
			out = foldRune(r)
		}
		if out != r {
			n.b.copy(start+run, s[run:i])
			n.b.replace(start+i, start+i+size, string(out))
			run = i + size
		}
		prev = out
		i += size
	}
	n.b.copy(start+run, s[run:])
}

// keptAsIs reports a rune the normaliser writes as it stands wherever it
// stands: a Han character, a plainASCII one, or another that is no space,
// no invisible rune and that foldRune keeps.
func keptAsIs(r rune) bool {
	if r < utf8.RuneSelf {
		return plainASCII[r/64]>>(r%64)&1 != 0
	}
	if r >= 0x4000 && r <= 0x9FFF {
		return true
	}
	return !isInvisible(r) && !isSpace(r) && foldRune(r) == r
}

// plainASCII has bit c set for the printable ASCII characters that
// lineFast writes as they stand: all but the space, the straight double
// quote and the Latin punctuation it may make full-width.
var plainASCII = func() (m [2]uint64) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		if c != '"' && !isLatinPunct(c) {
			m[c/64] |= 1 << (c % 64)
		}
	}
	return m
}()

// plainASCIIRun returns the length of the run of plainASCII characters s
// starts with.
func plainASCIIRun(s string) int {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && plainASCII[s[i]/64]>>(s[i]%64)&1 != 0 {
		i++
	}
	return i
}

// spaceAction is what the normaliser makes of a run of spaces inside a
// line.
type spaceAction uint8

const (
	dropSpace spaceAction = iota // 政 府 → 政府, 15 % → 15%
	breakLine                    // a paragraph break: 。 下一步, 工作 同时
	oneSpace                     // a word space: GDP 增长
)

// spaceRun decides a run of spaces between the runes prev and next of a
// line; spaced says the line is spaced out (spacedOut).
func spaceRun(spaced bool, prev, next rune) spaceAction {
	switch {
	case spaced && isHan(prev) && isHan(next):
		return dropSpace
	case isDigit(prev) && (next == '%' || next == '％' || isHan(next)), isHan(prev) && isDigit(next):
		return dropSpace
	case strings.ContainsRune("。！？；：", prev), (isHan(prev) || isCJKPunct(prev)) && (isHan(next) || isCJKPunct(next) || next == '“' || next == '（' || next == '('):
		return breakLine
	}
	return oneSpace
}

// curlQuote returns the curly quote a straight double quote becomes,
// opening or closing by *open, which it flips.
func curlQuote(open *bool) rune {
	*open = !*open
	if *open {
		return '“'
	}
	return '”'
}

// isLatinPunct reports the ASCII punctuation that becomes full-width in
// Chinese context (isCJKContext, fullPunct).
func isLatinPunct(r rune) bool {
	return r < utf8.RuneSelf && strings.IndexByte(",:;!?()", byte(r)) >= 0
}

// nextRune returns the first rune of s that the normaliser keeps and is
// no space, 0 if there is none.
func nextRune(s string) rune {
	for _, r := range s {
		if !isInvisible(r) && !isSpace(r) {
			return r
		}
	}
	return 0
}

// foldRune returns what the normaliser writes for r whatever stands
// around it: full-width ASCII as ASCII, except the punctuation Chinese
// text writes full-width, and corner brackets as curly quotes.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E && !strings.ContainsRune("，（）：；！？", r):
		out, _ := hanset.DecodeRune(width.Fold.String(string(r)))
		return out
	case r == '「' || r == '『':
		return '“'
	case r == '」' || r == '』':
		return '”'
	}
	return r
}

// simplify converts the runes of a traditional-script line in place, rune
// by rune (the table keeps the length of the text).
func (n *normaliser) simplify(rs []lrune) {
	crs := n.crs[:0]
	for _, lr := range rs {
		crs = append(crs, lr.r)
	}
	n.conv.convert(crs)
	for k, r := range crs {
		rs[k].r = r
	}
	n.crs = crs
}

func (n *normaliser) emit(lr lrune, out rune) {
	if lr.src == out { // unchanged (never an invalid byte: isInvisible drops U+FFFD)
		n.b.copy(lr.pos, n.raw[lr.pos:lr.pos+lr.size])
		return
	}
	n.b.replace(lr.pos, lr.pos+lr.size, string(out))
}

// spacedOut reports a line of single characters set apart by spaces
// (政 府 工 作 报 告): 80% of its Han characters stand between spaces or
// the line's ends.
func spacedOut(rs []lrune) bool {
	var c spacing
	for _, lr := range rs {
		c.add(lr.r)
	}
	return c.spaced()
}

// spacedLine is spacedOut for the runes of a line as written, less those
// the normaliser drops (isInvisible).
func spacedLine(s string) bool {
	var c spacing
	for i := 0; i < len(s); {
		if k := hanset.HanRun(s[i:]); k > 3 {
			// two ideographs or more side by side: none stands alone
			c.han += k / 3
			c.open, c.afterText = false, true
			i += k
			// past hope when even Han characters standing alone all
			// through the rest would leave too few (the rest holds a
			// third of its bytes at most)
			if 10*c.lone+2*((len(s)-i)/3) < 8*c.han {
				return false
			}
			continue
		}
		r, size := hanset.DecodeRune(s[i:])
		if !isInvisible(r) {
			c.add(r)
		}
		i += size
	}
	return c.spaced()
}

// spacing counts the Han characters of a line, rune by rune, and those
// of them that stand alone between spaces (see spacedOut).
type spacing struct {
	han, lone int
	afterText bool // the last rune is no space (false at the line's start)
	open      bool // the last rune is Han with a space or the start before it
}

func (c *spacing) add(r rune) {
	sp := isSpace(r)
	if c.open && sp {
		c.lone++
	}
	c.open = false
	if isHan(r) {
		c.han++
		c.open = !c.afterText
	}
	c.afterText = !sp
}

func (c *spacing) spaced() bool {
	lone := c.lone
	if c.open {
		lone++
	}
	return c.han >= 3 && lone*10 >= c.han*8
}

func isInvisible(r rune) bool {
	switch r {
	case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0xFFFD:
		return true
	}
	return r < 0x20 && r != '\t'
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF || r == '〇'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || strings.ContainsRune("，。、；：！？“”‘’（）《》【】…—", r)
}

// isCJKContext decides whether an ASCII punctuation mark stands in Chinese
// text: a Han character or Chinese punctuation on either side. Digit
// separators (1,234 and 08:54) stay ASCII.
func isCJKContext(prev, next, r rune) bool {
	if (r == ',' || r == ':') && isDigit(prev) && isDigit(next) {
		return false
	}
	switch r {
	case '(':
		return isHan(next) || isHan(prev) || isCJKPunct(prev)
	case ')':
		return isHan(prev) || isHan(next) || isCJKPunct(next) || isCJKPunct(prev)
	}
	return isHan(prev) || isCJKPunct(prev) || (prev != 0 && !isASCIIAlnum(prev) && isHan(next)) || (isDigit(prev) || prev == '%') && isHan(next)
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func fullPunct(r rune) rune {
	switch r {
	case ',':
		return '，'
	case ':':
		return '：'
	case ';':
		return '；'
	case '!':
		return '！'
	case '?':
		return '？'
	case '(':
		return '（'
	case ')':
		return '）'
	}
	return r
}
