package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/internal/hanset"
	"github.com/policyfacts/policyfacts/segment"
)

// Doc is a document read once: who and when it is about, its parts with
// their roles, its sentences and sections, the places it names and, when
// asked for, its words. Every recogniser reads it rather than scanning the
// text for context on its own. All offsets are byte offsets into Text, the
// clean text, half-open [Start, End); Map takes them to the raw text.
//
// A Doc is plain data: build it with Read, then only read it. It is safe
// for concurrent readers.
type Doc struct {
	ID       string
	Text     string
	Map      *corpus.OffsetMap
	Identity Identity
	// Parts cover Text in order without gaps, each with its role; text
	// before the first heading of a structured report is RoleOther.
	Parts    []Part
	Sections []corpus.Section
	Sents    []corpus.Sentence
	// Places are the gazetteer's mentions in Text, in order.
	Places []Mention
	// Tokens are the segmenter's words covering Text, when ReadOptions
	// held a Segmenter; nil otherwise (cutting words costs more than the
	// rest of the pipeline, so it is asked for).
	Tokens []segment.Token

	// pairHits are where the pairs of the word lists of Gazetteer.docSweep
	// begin (placePairs …), charHits where the characters of sweepChars
	// stand, and startHits where a figure may start (scanStarts), found in
	// one pass over Text; nil when they could not be.
	pairHits, charHits [][]int32
	startHits          []int32
}

// The scans of Doc.pairHits, in the order of Gazetteer.docSweep.
const (
	placePairs = iota
	sectorPairs
	numberedPairsHits
	selfPairsHits
	economyPairsHits
	targetPairsHits
	binderPairsHits
)

// The sets of characters of the document's one pass (Hits.Sets), in the
// order of Gazetteer.docSweep.
const (
	figureStarts = iota // where a figure may start: scanStarts
	sentenceEnds        // where a sentence or paragraph may end: sentenceEndSet
)

// sentenceEndSet holds the characters of corpus.SentenceMarks.
var sentenceEndSet = hanset.NewRunes(corpus.SentenceMarks)

// sweepChars are the characters whose every place the document's one
// pass finds (Doc.charHits), each of three bytes: 年 of years, 业 of 产业
// and 行业, 一 of 一X一Y formulas, 均 and 都 of coordinated subjects, 元
// and 点 of units left by deleted figures, 要 of the binder's words. The
// scans for them read the hits instead of searching the text (Doc.char).
const sweepChars = "年业一均都元点要"

// economyPairs and targetPairs hold 经济 (sectorsOf) and 目标 (hasTargetsCue).
var economyPairs, targetPairs = hanset.PairsOf("经济"), hanset.PairsOf("目标")

// wordSource gives where a word stands in a text from an offset on: read
// from the hits of the document's one pass, of a character (c) or of a
// word of two whose Pairs holds it alone (pc), or by searching the text.
type wordSource struct {
	word string
	c    *hanset.Cursor
	pc   *hanset.PairCursor
}

// next returns the first offset at or after i where the word stands; -1
// if there is none. The offsets asked for must not decrease.
func (ws wordSource) next(text string, i int) int {
	switch {
	case ws.c != nil:
		return ws.c.Next(text, i)
	case ws.pc != nil:
		k, _, _ := ws.pc.Next(text, i)
		return k
	}
	k := hanset.IndexWord(text[i:], ws.word)
	if k >= 0 {
		k += i
	}
	return k
}

// search returns the source that searches text for w.
func search(w string) wordSource { return wordSource{word: w} }

// pairSource gives where a Pairs' Index stops in a text: read from the
// hits of the document's one pass (c), or by scanning the text (p).
type pairSource struct {
	p *hanset.Pairs
	c *hanset.PairCursor
}

// next returns the first offset at or after i where a pair of p may
// begin, with its two runes; -1 if there is none. The offsets asked for
// must not decrease.
func (ps pairSource) next(text string, i int) (int, rune, rune) {
	if ps.c != nil {
		return ps.c.Next(text, i)
	}
	k, r1, r2 := ps.p.Index(text[i:])
	if k >= 0 {
		k += i
	}
	return k, r1, r2
}

// pairs returns the source of the pairs of scan which (one of placePairs
// …), p's: the document's hits when it has them, else a scan of p.
func (d *Doc) pairs(which int, p *hanset.Pairs) pairSource {
	if d.pairHits == nil {
		return pairSource{p: p}
	}
	return pairSource{p: p, c: hanset.NewPairCursor(d.pairHits[which])}
}

// char returns the source of the character c: the document's hits when
// c is one of sweepChars and the document has them, else a search.
func (d *Doc) char(c string) wordSource {
	ws := search(c)
	if k := strings.Index(sweepChars, c); k >= 0 && len(c) == 3 && d.charHits != nil {
		ws.c = hanset.NewCursor(d.charHits[k/3], 3)
	}
	return ws
}

// word returns the source of w, a word of two characters that the pairs
// of scan which hold alone (economyPairsHits, targetPairsHits): the
// document's hits when it has them, else a search.
func (d *Doc) word(which int, w string) wordSource {
	ws := search(w)
	if d.pairHits != nil {
		ws.pc = hanset.NewPairCursor(d.pairHits[which])
	}
	return ws
}

// Role is what a part of a document does, which tells whether its figures
// are achieved or planned.
type Role uint8

// Roles, spelled in JSON as SCHEMA.md gives them (fact.section).
const (
	RoleOther   Role = iota // no role known: the preamble, appendices, 名词解释, a text without structure
	RoleReview              // last year's results (工作回顾, 过去一年)
	RoleTargets             // this year's main targets (主要预期目标, 总体要求)
	RoleTasks               // this year's work (重点工作, 工作安排)
	RolePlan                // a plan period's review or outlook (过去五年, “十五五”)
)

var roleNames = [...]string{"other", "review", "targets", "tasks", "plan"}

func (r Role) String() string { return enumName(roleNames[:], r, "Role") }

// MarshalText spells the role as in SCHEMA.md.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a role spelled as in SCHEMA.md.
func (r *Role) UnmarshalText(t []byte) error { return parseEnum(roleNames[:], t, r, "role") }

// Part is a stretch of a document with one role.
type Part struct {
	Start, End int
	Role       Role
	Heading    string // the heading of the section it stands in, "" before any
	Level      int    // the heading's level (1 for 一、, 2 for （一）…), 0 before any
	Year       int    // the year the heading names (2024年工作回顾), 0 if none
}

// ReadOptions configure Read. The zero value uses the embedded tables and
// cuts no words.
type ReadOptions struct {
	Gazetteer *Gazetteer
	AreaCodes *AreaCodes
	Segmenter segment.Segmenter // nil: Doc.Tokens stays nil
}

// reader holds what Read works with while it builds a Doc.
type reader struct {
	doc      corpus.Document
	d        *Doc
	g        *Gazetteer
	ac       *AreaCodes
	head     []string // the head lines (headLines)
	paras    []para   // the paragraphs with their roles
	dateline bool     // a delivery date was found
}

// para is a paragraph (a line) of the text with the role it plays.
type para struct {
	start, end int
	role       Role
	section    int // index into Sections, -1 before the first heading
	targets    bool
	cue        bool // it holds a targets cue (主要预期目标是)
	year       int  // the year a heading line without a number names
}

// Read builds the document model of a loaded document: sentences and
// sections, parts with roles, the places named, the identity (region with
// its code, working year, dateline, speaker) and, with a Segmenter, the
// words.
func Read(doc corpus.Document, opts ReadOptions) *Doc {
	r := reader{doc: doc, g: opts.Gazetteer, ac: opts.AreaCodes}
	if r.g == nil {
		r.g = DefaultGazetteer()
	}
	if r.ac == nil {
		r.ac = DefaultAreaCodes()
	}
	d := &Doc{ID: doc.ID, Text: doc.Clean, Map: doc.Map}
	r.d = d
	// one pass finds where place names, sector names and numbered
	// formulas may begin, where sentences may end, and more, for this
	// reader and the recognisers after it
	if h, ok := r.g.docSweep().Find(d.Text); ok {
		d.pairHits, d.charHits, d.startHits = h.Pairs, h.Chars, h.Sets[figureStarts]
		d.Sents, d.Sections = corpus.SplitAt(d.Text, h.Sets[sentenceEnds])
	} else {
		d.Sents, d.Sections = corpus.Split(d.Text)
	}
	d.Places = r.g.mentions(d.Text, d.pairs(placePairs, &r.g.pairs))
	r.head = headLines(d.Text)
	r.parts()
	r.identify()
	if opts.Segmenter != nil {
		d.Tokens = opts.Segmenter.Cut(d.Text)
	}
	return d
}

// gazetteer returns g, or the embedded gazetteer when g is nil.
func (d *Doc) gazetteer(g *Gazetteer) *Gazetteer {
	if g == nil {
		return DefaultGazetteer()
	}
	return g
}

// PartAt returns the part that holds offset pos (the last part for pos ≥
// len(Text)).
func (d *Doc) PartAt(pos int) Part {
	k := sort.Search(len(d.Parts), func(k int) bool { return d.Parts[k].End > pos })
	if k == len(d.Parts) {
		if k == 0 {
			return Part{End: len(d.Text)}
		}
		k--
	}
	return d.Parts[k]
}

// The words that give a heading its role.
var (
	planHeading = []string{"过去五年", "五年来", "五年工作回顾", "五年的工作"}
	// a plan period named with a review or outlook word: “十四五”时期回顾
	planPeriod     = []string{"十一五", "十二五", "十三五", "十四五", "十五五", "十六五", "五年规划"}
	planReview     = []string{"回顾", "成就", "以来", "时期", "期间", "展望", "主要目标"}
	reviewHeading  = []string{"回顾", "过去一年", "一年来", "工作总结", "成绩", "成效", "基本情况", "工作情况", "进展"}
	targetsHeading = []string{"总体要求", "主要目标", "预期目标", "目标任务", "发展目标", "主要预期"}
	tasksHeading   = []string{"重点工作", "重点任务", "主要任务", "工作安排", "工作部署", "工作任务", "主要工作任务", "今年", "明年", "下一步", "任务", "安排", "打算", "措施", "意见", "自身建设", "政府建设", "建设人民满意"}
	otherHeading   = []string{"名词解释", "附件", "附：", "注释", "附录", "说明"}
	// targetsCues open the paragraph of a year's main targets.
	targetsCues = []string{"主要预期目标", "预期目标是", "预期目标为", "主要目标是", "主要目标为", "目标任务是", "发展目标是", "主要目标任务是"}
)

// headingWords are the word lists of headingRole, each searched in one
// pass.
var headingWords = struct {
	other, plan, period, periodReview, review, targets, work, tasks *hanset.Words
}{
	hanset.NewWords(otherHeading...), hanset.NewWords(planHeading...), hanset.NewWords(planPeriod...),
	hanset.NewWords(planReview...), hanset.NewWords(reviewHeading...), hanset.NewWords(targetsHeading...),
	hanset.NewWords("重点工作", "重点任务", "主要任务", "工作安排", "主要工作", "工作任务和"), hanset.NewWords(tasksHeading...),
}

// headingStops end the heading proper: the rest of the line is text.
var headingStops = hanset.NewRunes("。；")

// headingRole classifies a heading by its words, then by the kind corpus
// gave it (review or plan words); ok is false when it says nothing. Only
// the heading proper is read: up to its first full stop, and its first
// 30 characters when a paragraph runs on from it.
func headingRole(h string, kind corpus.SectionKind) (Role, bool) {
	if i, _ := headingStops.Index(h); i >= 0 {
		h = h[:i]
	}
	h = truncate(h, 30)
	switch {
	case headingWords.other.In(h):
		return RoleOther, true
	case headingWords.plan.In(h) || headingWords.period.In(h) && headingWords.periodReview.In(h):
		return RolePlan, true
	case headingWords.review.In(h):
		return RoleReview, true
	case headingWords.targets.In(h) && !headingWords.work.In(h):
		return RoleTargets, true
	case headingWords.targets.In(h), headingWords.tasks.In(h):
		return RoleTasks, true
	case kind == corpus.SectionReview:
		return RoleReview, true
	case kind == corpus.SectionPlan:
		return RoleTasks, true
	}
	return RoleOther, false
}

// truncate returns the first n runes of s.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// parts gives each paragraph a role and merges them into Parts. A
// section's heading gives its role; a sub-section whose heading says
// nothing takes its parent's; a top-level section whose heading says
// nothing takes the role its first paragraph's words give (今年 → tasks,
// 过去一年 → review), else the role of the section before it (reports go
// review, targets, tasks). A paragraph that opens the main targets
// (主要预期目标是：) is a targets part, with the list items that follow it.
func (r *reader) parts() {
	d := r.d
	// paragraphs, with their sections and whether they hold a targets cue
	r.paras = make([]para, 0, strings.Count(d.Text, "\n")+1)
	var cues []int // the starts of the paragraphs that hold a targets cue
	targets := d.word(targetPairsHits, "目标")
	sec := -1
	for off := 0; off < len(d.Text); {
		end := strings.IndexByte(d.Text[off:], '\n')
		if end < 0 {
			end = len(d.Text)
		} else {
			end += off
		}
		for sec+1 < len(d.Sections) && d.Sections[sec+1].Start <= off {
			sec++
		}
		cur := sec
		for cur >= 0 && d.Sections[cur].End <= off {
			cur--
		}
		p := para{start: off, end: end, section: cur}
		if hasTargetsCue(d.Text[:end], off, targets) {
			p.cue = true
			cues = append(cues, off)
		}
		r.paras = append(r.paras, p)
		off = end + 1
	}
	// cueIn reports a targets paragraph within [start, end)
	cueIn := func(start, end int) bool {
		k := sort.SearchInts(cues, start)
		return k < len(cues) && cues[k] < end
	}
	secRole := make([]Role, len(d.Sections))
	known := make([]bool, len(d.Sections))
	var stack []int
	prevTop := RoleOther
	// a targets paragraph before the first heading (a reprint of the plan
	// half of a report)
	preambleTargets := len(d.Sections) > 0 && cueIn(0, d.Sections[0].Start)
	for i, s := range d.Sections {
		for len(stack) > 0 && d.Sections[stack[len(stack)-1]].End <= s.Start {
			stack = stack[:len(stack)-1]
		}
		role, ok := headingRole(s.Heading, s.Kind)
		if len(stack) > 0 && known[stack[len(stack)-1]] && (!ok || role != RoleOther && role != RolePlan) {
			// a sub-section plays its parent's part (（一）锚定目标攻坚 in
			// the review is the review) unless it is an appendix or a plan
			// period's
			role, ok = secRole[stack[len(stack)-1]], true
		}
		if !ok && len(stack) > 0 {
			role, ok = secRole[stack[len(stack)-1]], known[stack[len(stack)-1]]
		}
		if !ok && len(stack) == 0 && s.Level > 1 && preambleTargets {
			// the sections that follow the main targets of a report with
			// no top-level headings (a reprint of the plan half) are tasks
			role, ok = RoleTasks, true
		}
		if !ok && len(stack) == 0 && s.Level == 1 {
			role, ok = openingRole(d.Text[s.Start:s.End], cueIn(s.Start, s.End))
			if !ok && prevTop != RoleOther {
				role, ok = prevTop, true
				if role == RoleTargets {
					role = RoleTasks
				}
			}
		}
		secRole[i], known[i] = role, ok
		if len(stack) == 0 && ok {
			prevTop = role
		}
		stack = append(stack, i)
	}
	// the paragraphs take their sections' roles
	for i := range r.paras {
		if p := &r.paras[i]; p.section >= 0 {
			p.role = secRole[p.section]
		}
	}
	// a heading line without a number (2024年工作回顾 alone on its line)
	// gives its role to the paragraphs after it that no section gives one
	bare, bareYear, bareOn := RoleOther, 0, false
	for i := range r.paras {
		p := &r.paras[i]
		if p.section >= 0 && known[p.section] && (d.Sections[p.section].Level == 1 || !bareOn) {
			bareOn = bareOn && d.Sections[p.section].Level != 1
			continue // a numbered top-level section gives its own role
		}
		if role, y, ok := bareHeading(d.Text[p.start:p.end]); ok {
			bare, bareYear, bareOn = role, y, true
			p.year = y
		}
		if bareOn {
			p.role, p.year = bare, bareYear
		}
	}
	// an appendix or glossary (名词解释, 附件：…) runs to the next top-level
	// heading, whether or not its own line reads as a heading
	for i, inOther := 0, false; i < len(r.paras); i++ {
		p := &r.paras[i]
		line := trimSpace(d.Text[p.start:p.end])
		if p.section >= 0 && d.Sections[p.section].Start == p.start && d.Sections[p.section].Level == 1 {
			inOther = false
		}
		if hasPrefixAny(line, otherHeading) && utf8.RuneCountInString(line) <= 40 {
			inOther = true
		}
		if inOther {
			p.role = RoleOther
		}
	}
	// the targets paragraphs, with the list that follows a cue ending in ：
	for i := 0; i < len(r.paras); i++ {
		p := &r.paras[i]
		if p.role != RoleTasks && p.role != RoleTargets && (p.role != RoleOther || p.section >= 0) {
			continue // the review, a plan period, an appendix
		}
		if !p.cue {
			continue
		}
		line := d.Text[p.start:p.end]
		p.role, p.targets = RoleTargets, true
		if t := trimSpace(line); strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
			for j := i + 1; j < len(r.paras) && j <= i+12; j++ {
				q := &r.paras[j]
				l := trimSpace(d.Text[q.start:q.end])
				if l == "" {
					continue
				}
				if corpus.IsHeading(l) && !strings.HasPrefix(l, "（") && !strings.HasPrefix(l, "(") && !startsDigit(l) {
					break
				}
				q.role, q.targets = RoleTargets, true
				i = j
			}
		}
	}
	// merge
	years := make([]int, len(d.Sections)) // headingYear by section, +1 (0: not yet)
	for _, p := range r.paras {
		h, y, lv := "", p.year, 0
		if p.section >= 0 {
			h, lv = d.Sections[p.section].Heading, d.Sections[p.section].Level
			if years[p.section] == 0 {
				years[p.section] = r.headingYear(p.section) + 1
			}
			y = years[p.section] - 1
		}
		if n := len(d.Parts); n > 0 && d.Parts[n-1].Role == p.role && d.Parts[n-1].Heading == h && d.Parts[n-1].Year == y {
			d.Parts[n-1].End = min(p.end+1, len(d.Text))
			continue
		}
		d.Parts = append(d.Parts, Part{Start: p.start, End: min(p.end+1, len(d.Text)), Role: p.role, Heading: h, Level: lv, Year: y})
	}
	if len(d.Parts) == 0 {
		d.Parts = []Part{{End: len(d.Text)}}
	}
	d.Parts[len(d.Parts)-1].End = len(d.Text)
}

func hasPrefixAny(s string, words []string) bool { return prefixOf(s, words) != "" }

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// bareHeadingWords are words every heading without a number that
// bareHeading takes holds one of: a cheap test before its classification.
var bareHeadingWords = hanset.NewWords("工作", "回顾", "目标", "任务", "五年", "要求", "安排", "附件", "名词")

// bareHeading reads a line that is a heading without a number: short, no
// clause marks, with the words of a role (2024年工作回顾, 2025年工作安排).
// It returns the role and the year the line names.
func bareHeading(line string) (Role, int, bool) {
	if len(line) > 24*utf8.UTFMax {
		return RoleOther, 0, false
	}
	l := trimSpace(line)
	if l == "" || len(l) > 20*utf8.UTFMax || !bareHeadingWords.In(l) || utf8.RuneCountInString(l) > 20 || strings.ContainsAny(l, "。，；：,;:！？") {
		return RoleOther, 0, false
	}
	role, ok := headingRole(l, corpus.SectionOther)
	if !ok || role == RoleOther {
		return RoleOther, 0, false
	}
	return role, firstYear(l), true
}

// hasTargetsCue reports a targets cue in text[from:]: every cue holds
// 目标, so the cues are tried only where src finds 目标.
func hasTargetsCue(text string, from int, src wordSource) bool {
	s := text[from:]
	for off := from; ; {
		k := src.next(text, off)
		if k < 0 {
			return false
		}
		for _, c := range targetsCues {
			j := strings.Index(c, "目标")
			if k-from >= j && strings.HasPrefix(s[k-from-j:], c) {
				return true
			}
		}
		off = k + len("目标")
	}
}

// openingRole reads the role of a top-level section whose heading says
// nothing: one that holds the main targets (targets: a paragraph with 主要
// 预期目标) is this year's work, else its first paragraph tells (今年是…,
// 2025年是… before 过去一年).
func openingRole(sec string, targets bool) (Role, bool) {
	if targets {
		return RoleTasks, true // the section holds the main targets
	}
	first := sec
	if k := strings.IndexByte(first, '\n'); k >= 0 {
		first = first[k+1:] // past the heading line
	}
	if k := strings.IndexByte(first, '\n'); k >= 0 {
		first = first[:k]
	}
	first = first[:len(truncate(first, 120))]
	switch {
	case yearIs(first) != nil, containsAny(first, []string{"今年是", "今年", "新的一年", "做好今年"}):
		return RoleTasks, true
	case containsAny(first, []string{"过去一年", "一年来", "过去的一年", "回顾"}):
		return RoleReview, true
	}
	return RoleOther, false
}

// headingYear returns the year section s's heading names (the section
// itself or, for a sub-section, its nearest parent that names one).
func (r *reader) headingYear(s int) int {
	secs := r.d.Sections
	for k := s; k >= 0; k-- {
		if k != s && !(secs[k].Start <= secs[s].Start && secs[k].End >= secs[s].End) {
			continue
		}
		if y := firstYear(secs[k].Heading); y != 0 {
			return y
		}
	}
	return 0
}

// firstYear returns the first year 1940–2099 written before 年 in s (2024
// 年, 2024 年), 0 if none.
func firstYear(s string) int {
	s = strings.ReplaceAll(s, " 年", "年")
	for _, m := range yearMarks(s, search("年")) {
		if m[2] >= 0 {
			y := 0
			for _, c := range s[m[2]:m[3]] {
				y = y*10 + int(c-'0')
			}
			return y
		}
	}
	return 0
}
