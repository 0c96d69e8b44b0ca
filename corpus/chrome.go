package corpus

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

//go:embed data/chrome.txt
var chromeData string

//go:embed data/paywall.txt
var paywallData string

// chromeVocab is the parsed form of data/chrome.txt, with each class
// indexed by first rune so that a line is scanned once per class rather
// than once per word.
type chromeVocab struct {
	strong, weakIn *hanset.Words
	prefix         hanset.Index[string]
	weak           []string
}

var loadChrome = sync.OnceValue(func() *chromeVocab {
	v := new(chromeVocab)
	var strong []string
	for _, line := range dataLines(chromeData) {
		class, text, ok := strings.Cut(line, "\t")
		if !ok {
			panic("corpus: bad line in data/chrome.txt: " + line)
		}
		switch class {
		case "strong":
			strong = append(strong, text)
		case "prefix":
			r, _ := hanset.DecodeRune(text)
			v.prefix.Add(r, text)
		case "weak":
			v.weak = append(v.weak, text)
		default:
			panic("corpus: bad class in data/chrome.txt: " + class)
		}
	}
	v.strong, v.weakIn = hanset.NewWords(strong...), hanset.NewWords(v.weak...)
	return v
})

var loadPaywall = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(strings.Join(dataLines(paywallData), "|"))
})

// dataLines returns the non-empty, non-comment lines of an embedded file.
func dataLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, "\r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// pageFooterInline is the part of pageFooterRe that needs no line of its own.
const pageFooterInline = `第\s*[0-9]+\s*页\s*[/,，]?\s*共\s*[0-9]+\s*页|共\s*[0-9]+\s*页\s*第\s*[0-9]+\s*页|上一页\s*下一页`

var (
	// 第10页 共10页, 共10页, 第 3 页, 上一页 下一页 …
	pageFooterRe = regexp.MustCompile(pageFooterInline + `|^第\s*[0-9]+\s*页$|^共\s*[0-9]+\s*页$|^-\s*[0-9]+\s*-$|^\[?[0-9]+\]?\s*/\s*[0-9]+$`)
	// the alternatives of pageFooterRe that may stand inside a line
	pageFooterInlineRe = regexp.MustCompile(pageFooterInline)
	// a date-time stamp alone on a line: 2019-06-18 00:29:57
	stampRe = regexp.MustCompile(`^[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$`)
)

// lineKind says why the cleaner keeps or drops a line.
type lineKind uint8

const (
	keepLine lineKind = iota
	chromeLine
	emptyLine
)

// lineStats is what the cleaner reads off a line, in one pass over it.
type lineStats struct {
	runes   int  // characters
	han     int  // Han characters
	trad    int  // Han characters that exist only in the traditional script
	prose   bool // running text of the document (see isProse)
	seps    int  // navigation separators | ｜ > › » ＞ ·
	paywall int  // the offset of the first paywall hint word, -1 if none
	// asIs: every rune of the line is one the normaliser writes as it
	// stands, whatever stands around it (keptAsIs): the line is copied
	asIs bool
}

// statMarks are the ideographs statLine looks at twice: the second
// characters of the paywall hints and the traditional-only characters.
var statMarks = func() *hanset.Set {
	m := new(hanset.Set)
	for k := range m {
		m[k] = paywallSeconds[k] | traditionalSet[k]
	}
	return m
}()

// statLine reads the lineStats of s.
func statLine(s string) lineStats {
	st := lineStats{paywall: -1, asIs: true}
	punct := false
	for i := 0; i < len(s); st.runes++ {
		// a run of ideographs of U+4E00–U+9FFF, read on its bytes; every
		// paywall hint is two or more of them, so it is tested at its
		// second character, which few characters can be
		var prev rune
		run := i
		for i+2 < len(s) {
			c0, c1, c2 := s[i], s[i+1], s[i+2]
			if uint(c0)-0xE4 > 0xE9-0xE4 || (uint16(c1)<<8|uint16(c2))&0xC0C0 != 0x8080 {
				break
			}
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r < hanset.First {
				break
			}
			if k := r - hanset.First; statMarks[k/64]>>(k%64)&1 != 0 { // one test rules out most characters
				if st.paywall < 0 && paywallSeconds.Has(r) && paywallHints.MayStart(prev) && paywallHints.HasPrefix(s[i-3:], prev) {
					st.paywall = i - 3
				}
				if traditionalSet.Has(r) {
					st.trad++
				}
			}
			prev = r
			i += 3
		}
		st.han += (i - run) / 3
		st.runes += (i - run) / 3
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf && !paywallHints.MayStart(rune(c)) {
			if plainASCII[c/64]>>(c%64)&1 == 0 {
				st.asIs = false
			}
			switch i++; c {
			case ',', ';', ':':
				punct = true
			case '|', '>':
				st.seps++
			}
			continue
		}
		r, size := hanset.DecodeRune(s[i:])
		if st.paywall < 0 && paywallHints.MayStart(r) && paywallHints.HasPrefix(s[i:], r) {
			st.paywall = i
		}
		if st.asIs && !keptAsIs(r) {
			st.asIs = false
		}
		i += size
		if st.count(r) {
			punct = true
		}
	}
	st.prose = st.runes >= 25 && st.han*10 >= st.runes*6 && punct
	return st
}

// count counts r in st as a Han character, a traditional one or a
// navigation separator, and reports clause punctuation. runes is the
// caller's to count.
func (st *lineStats) count(r rune) (punct bool) {
	if hanset.IsHan(r) {
		st.han++
		if traditionalSet.Has(r) {
			st.trad++
		}
		return false
	}
	switch r {
	case '，', '。', '；', '：', ',', ';', ':', '！', '？':
		return true
	case '|', '>', '›', '»', '＞', '·', '｜':
		st.seps++
	}
	return false
}

// isProse reports whether a line reads as running text of the document:
// 25 characters or more, mostly Han, with clause punctuation.
func isProse(s string) bool { return statLine(s).prose }

// chromeClass classifies a trimmed line. inBody says whether the line stands
// between the first and the last paragraph of prose, where only strong
// evidence counts.
func chromeClass(s string, inBody bool) lineKind {
	return classify(s, inBody, statLine(s))
}

// classify is chromeClass for a line whose lineStats are known.
func classify(s string, inBody bool, st lineStats) lineKind {
	if s == "" {
		return emptyLine
	}
	if onlyPunct(s) && !loneMarker(s) {
		return emptyLine
	}
	v := loadChrome()
	n, prose := st.runes, st.prose
	if (!prose || n < 160) && v.strong.In(s) {
		return chromeLine
	}
	if !prose || n < 120 {
		r, _ := hanset.DecodeRune(s)
		for _, w := range v.prefix.At(r) {
			if strings.HasPrefix(s, w) {
				return chromeLine
			}
		}
	}
	if n < 30 && (pageNumberHint(s) || strings.IndexByte("-[0123456789", s[0]) >= 0) && pageFooterRe.MatchString(s) {
		return chromeLine
	}
	if s[0] >= '0' && s[0] <= '9' && stampRe.MatchString(s) {
		return chromeLine
	}
	if linkList(s, st.seps) {
		return chromeLine
	}
	if prose {
		return keepLine
	}
	if !v.weakIn.In(s) {
		return keepLine
	}
	rest := s
	hit := false
	for _, w := range v.weak {
		if strings.Contains(rest, w) {
			hit = true
			rest = strings.ReplaceAll(rest, w, "")
		}
	}
	if !hit {
		return keepLine
	}
	if !inBody && n <= 40 {
		return chromeLine
	}
	// In the body only a line made of chrome words and separators goes.
	if onlyPunct(rest) {
		return chromeLine
	}
	return keepLine
}

// linkList reports a line of short items joined by navigation separators:
// 首页 > 新闻 > 正文, 关于我们 | 联系我们 | 网站地图. seps is the count of
// separators in s (lineStats.seps).
func linkList(s string, seps int) bool {
	if seps < 2 {
		return false
	}
	items := strings.FieldsFunc(s, func(r rune) bool {
		return r == '|' || r == '｜' || r == '>' || r == '›' || r == '»' || r == '＞' || r == '·'
	})
	total := 0
	for _, it := range items {
		total += utf8.RuneCountInString(strings.TrimSpace(it))
	}
	return len(items) > 0 && total/len(items) <= 10 && !strings.ContainsAny(s, "。；")
}

// onlyPunct reports a line with no letter, digit or Han character
// (…, ——, a lone bracket).
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
