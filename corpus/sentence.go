package corpus

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// SectionKind says whether a section reviews past work or plans new work,
// which tells later stages whether its figures are achieved or targeted.
type SectionKind uint8

const (
	// SectionOther is a section whose heading says neither.
	SectionOther SectionKind = iota
	// SectionReview reviews achieved work (回顾, 成绩, 基本情况).
	SectionReview
	// SectionPlan sets goals and tasks (目标, 任务, 安排, 今年, 下一步).
	SectionPlan
)

func (k SectionKind) String() string {
	switch k {
	case SectionReview:
		return "review"
	case SectionPlan:
		return "plan"
	}
	return "other"
}

// Section is a headed part of a clean text.
type Section struct {
	Start, End int    // byte offsets in the clean text, [Start, End)
	Level      int    // 1 for 一、 / 第一, 2 for （一）, 3 for 1.
	Heading    string // the heading line, or its head when fused with a paragraph
	Kind       SectionKind
}

// Sentence is a sentence of a clean text.
type Sentence struct {
	Start, End int // byte offsets in the clean text, [Start, End)
	Paragraph  int // index of the paragraph (line) it stands in
	Section    int // index into Sections(text), -1 before the first heading
}

var (
	reviewWords = []string{"回顾", "总结", "成绩", "成效", "基本情况", "工作情况", "过去", "取得", "进展", "简要回顾", "主要工作"}
	planWords   = []string{"目标", "任务", "安排", "部署", "思路", "今年", "明年", "下一步", "措施", "要求", "重点", "计划", "打算", "做好", "建议", "意见", "着力", "奋力"}
)

// headingStops end the heading proper: the rest of the line is text.
var headingStops = hanset.NewRunes("。；")

// headingWord is a word of reviewWords (n < len(reviewWords)) or of
// planWords (n - len(reviewWords)).
type headingWord struct {
	text string
	n    int
}

// headingWords are reviewWords and planWords by first rune, for
// classifyHeading's one pass over a heading.
var headingWords = func() *hanset.Index[headingWord] {
	x := new(hanset.Index[headingWord])
	for n, w := range slices.Concat(reviewWords, planWords) {
		r, _ := hanset.DecodeRune(w)
		x.Add(r, headingWord{w, n})
	}
	return x
}()

// IsHeading reports a line that opens with a section marker (一、, 第二部分,
// （三）, 4.).
func IsHeading(line string) bool { return headingLevel(line) > 0 }

// headingLevel returns the level of a line that opens with a section
// marker, or 0: 1 for 一、 and 第一部分 (第一、, 第一章 …), 2 for （一）,
// 3 for 1. — what headingRe matches, read without a regular expression
// (every line of every document is tested).
func headingLevel(line string) int {
	switch r, size := hanset.DecodeRune(line); {
	case r >= '0' && r <= '9': // ([0-9]{1,2})[.．、](?:[^0-9]|$)
		n := 1
		if len(line) > 1 && line[1] >= '0' && line[1] <= '9' {
			n = 2
		}
		rest, ok := cutAny(line[n:], ".", "．", "、")
		if !ok || rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return 0
		}
		return 3
	case r == '（' || r == '(': // [（(]([一-十]{1,3})[）)]
		rest := line[size:]
		if n := chineseDigits(rest); n > 0 {
			if _, ok := cutAny(rest[n:], "）", ")"); ok {
				return 2
			}
		}
	case r == '第': // 第([一-十]{1,3})(?:部分|章|节|篇)?[、，,：:\s]
		rest := line[size:]
		n := chineseDigits(rest)
		if n == 0 {
			return 0
		}
		rest = rest[n:]
		if after, ok := cutAny(rest, "部分", "章", "节", "篇"); ok {
			if _, ok := cutAny(after, "、", "，", ",", "：", ":"); ok || startsSpace(after) {
				return 1
			}
		}
		if _, ok := cutAny(rest, "、", "，", ",", "：", ":"); ok || startsSpace(rest) {
			return 1
		}
	case headingNumerals.Has(r): // ([一-十]{1,3})[、.．]
		if n := chineseDigits(line); n > 0 {
			if _, ok := cutAny(line[n:], "、", ".", "．"); ok {
				return 1
			}
		}
	}
	return 0
}

// headingNumerals are the numerals of section markers.
var headingNumerals = hanset.New("一二三四五六七八九十")

// chineseDigits returns the length in bytes of the one to three numerals
// (一 … 十) s begins with, or 0. Each is three bytes.
func chineseDigits(s string) int {
	n := 0
	for n < 9 && len(s) >= n+3 {
		r, _ := hanset.DecodeRune(s[n:])
		if !headingNumerals.Has(r) {
			break
		}
		n += 3
	}
	return n
}

// cutAny returns s after the first of prefixes it begins with.
func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// startsSpace reports whether s begins with a character of \s (RE2's
// ASCII white space).
func startsSpace(s string) bool {
	return s != "" && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\f' || s[0] == '\r')
}

// classifyHeading decides a section kind from its heading words.
func classifyHeading(h string) SectionKind {
	// Only the heading proper: up to the first full stop.
	if i, _ := headingStops.Index(h); i >= 0 {
		h = h[:i]
	}
	// the words of each list that h holds, found in one pass
	var found uint64
	for i := 0; i < len(h); {
		k, _, ws := headingWords.Next(h[i:])
		if k < 0 {
			break
		}
		i += k
		for _, w := range ws {
			if strings.HasPrefix(h[i:], w.text) {
				found |= 1 << w.n
			}
		}
		_, size := hanset.DecodeRune(h[i:])
		i += size
	}
	r := bits.OnesCount64(found & (1<<len(reviewWords) - 1))
	p := bits.OnesCount64(found >> len(reviewWords))
	switch {
	case r > p:
		return SectionReview
	case p > r:
		return SectionPlan
	}
	return SectionOther
}

// Sections finds the headed sections of a clean text. A sub-section whose
// heading says neither review nor plan inherits the kind of its parent.
func Sections(text string) []Section {
	var out []Section
	var stack []int // indices of the open sections by level
	off := 0
	for off <= len(text) {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		if lv := headingLevel(line); lv > 0 {
			head := truncRunes(line, 60)
			for len(stack) > 0 && out[stack[len(stack)-1]].Level >= lv {
				out[stack[len(stack)-1]].End = off
				stack = stack[:len(stack)-1]
			}
			kind := classifyHeading(head)
			if kind == SectionOther && len(stack) > 0 {
				kind = out[stack[len(stack)-1]].Kind
			}
			out = append(out, Section{Start: off, End: len(text), Level: lv, Heading: head, Kind: kind})
			stack = append(stack, len(out)-1)
		}
		off = end + 1
	}
	return out
}

// truncRunes returns the first n runes of s (s when it has no more),
// reading no further than they go.
func truncRunes(s string, n int) string {
	if len(s) <= n {
		return s // a rune is one byte or more
	}
	for i := 0; i < len(s); n-- {
		if n == 0 {
			return s[:i]
		}
		_, size := hanset.DecodeRune(s[i:])
		i += size
	}
	return s
}

// isSentenceEnd reports whether r ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

// Sentences splits a clean text into sentences at 。！？； and line ends,
// keeping closing quotes and brackets with their sentence, and says which
// paragraph and section each sentence stands in.
func Sentences(text string) []Sentence {
	sents, _ := Split(text)
	return sents
}

// SentenceMarks are the characters a sentence or a paragraph ends at: the
// places SplitAt is given.
const SentenceMarks = "。！？；!?;\n"

// Split returns the sentences and the sections of a clean text, finding
// the sections once for both.
func Split(text string) ([]Sentence, []Section) {
	return split(text, nil)
}

// SplitAt is Split of a text whose every character of SentenceMarks
// stands at one of marks, in text order (and nowhere else: a scan of the
// text that found them, as hanset.Sweep does): it reads those places
// instead of the text.
func SplitAt(text string, marks []int32) ([]Sentence, []Section) {
	if marks == nil {
		marks = []int32{} // none: no sentence ends but the text's
	}
	return split(text, marks)
}

// split is Split, reading the places of the marks from marks when it is
// not nil.
func split(text string, marks []int32) ([]Sentence, []Section) {
	secs := Sections(text)
	out := make([]Sentence, 0, len(text)/64+1) // a sentence of reports is some 25 characters or more
	para, sec := 0, -1
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		if s < e {
			for sec+1 < len(secs) && secs[sec+1].Start <= s {
				sec++
			}
			cur := sec
			for cur >= 0 && secs[cur].End <= s {
				cur--
			}
			out = append(out, Sentence{Start: s, End: e, Paragraph: para, Section: cur})
		}
		start = end
	}
	k := 0 // the next of marks
	for i := 0; i < len(text); {
		if marks != nil {
			for k < len(marks) && int(marks[k]) < i {
				k++
			}
			if k == len(marks) {
				break
			}
			i = int(marks[k])
		}
		i += hanset.HanRun(text[i:]) // no sentence end among U+4000–U+9FFF
		if i == len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '\n' && c != '!' && c != '?' && c != ';' {
			i++ // ASCII that ends nothing: a digit, a letter, a space
			continue
		}
		r, size := hanset.DecodeRune(text[i:])
		switch {
		case r == '\n':
			emit(i)
			para++
			start = i + 1
			i++
			continue
		case isSentenceEnd(r):
			j := i + size
			for j < len(text) {
				r2, s2 := hanset.DecodeRune(text[j:])
				if r2 != '”' && r2 != '’' && r2 != '）' && r2 != ')' && r2 != '」' {
					break
				}
				j += s2
			}
			emit(j)
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	return out, secs
}
