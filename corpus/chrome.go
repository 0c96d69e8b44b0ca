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

var loadChrome = sync.OnceValue(func() chromeVocab {
	var v chromeVocab
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
			r, _ := utf8.DecodeRuneInString(text)
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

var (
	// 第10页 共10页, 共10页, 第 3 页, 上一页 下一页 …
	pageFooterRe = regexp.MustCompile(`(?:第\s*[0-9]+\s*页\s*[/,，]?\s*共\s*[0-9]+\s*页|共\s*[0-9]+\s*页\s*第\s*[0-9]+\s*页|^第\s*[0-9]+\s*页$|^共\s*[0-9]+\s*页$|^-\s*[0-9]+\s*-$|上一页\s*下一页|^\[?[0-9]+\]?\s*/\s*[0-9]+$)`)
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

// isProse reports whether a line reads as running text of the document: long
// enough, mostly Han, with clause punctuation.
func isProse(s string) bool {
	if len(s) < 25 { // fewer than 25 runes
		return false
	}
	n, han, punct := 0, 0, false
	for i := 0; i < len(s); n++ {
		r, size := hanset.DecodeRune(s[i:])
		i += size
		if hanset.IsHan(r) {
			han++
			continue
		}
		switch r {
		case '，', '。', '；', '：', ',', ';', ':', '！', '？':
			punct = true
		}
	}
	return n >= 25 && han*10 >= n*6 && punct
}

// runesUpTo returns the number of runes of s, or max if s has more.
func runesUpTo(s string, max int) int {
	if len(s) <= max {
		return utf8.RuneCountInString(s)
	}
	n := 0
	for i := 0; i < len(s) && n < max; n++ {
		_, size := hanset.DecodeRune(s[i:])
		i += size
	}
	return n
}

// chromeClass classifies a trimmed line. inBody says whether the line stands
// between the first and the last paragraph of prose, where only strong
// evidence counts.
func chromeClass(s string, inBody bool) lineKind {
	return classify(s, inBody, isProse(s))
}

// classify is chromeClass for a line whose isProse is known.
func classify(s string, inBody, prose bool) lineKind {
	if s == "" {
		return emptyLine
	}
	if onlyPunct(s) && !loneMarker(s) {
		return emptyLine
	}
	v := loadChrome()
	n := runesUpTo(s, 160) // compared with 160 at most
	if (!prose || n < 160) && v.strong.In(s) {
		return chromeLine
	}
	if !prose || n < 120 {
		r, _ := utf8.DecodeRuneInString(s)
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
	if linkList(s) {
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
// 首页 > 新闻 > 正文, 关于我们 | 联系我们 | 网站地图.
func linkList(s string) bool {
	if navSeps(s) < 2 {
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

// navSeps counts the navigation separators | ｜ > › » ＞ · of s, by
// their bytes (this runs on every line).
func navSeps(s string) int {
	seps := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|', '>':
			seps++
		case 0xC2: // » ·
			if i+1 < len(s) && (s[i+1] == 0xBB || s[i+1] == 0xB7) {
				seps++
			}
		case 0xE2: // ›
			if strings.HasPrefix(s[i:], "›") {
				seps++
			}
		case 0xEF: // ｜ ＞
			if strings.HasPrefix(s[i:], "｜") || strings.HasPrefix(s[i:], "＞") {
				seps++
			}
		}
	}
	return seps
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
