package corpus

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// titleWords are words every title titleMatch finds holds, within its first
// titleReach bytes (75 characters): a line without one is no title.
var titleWords = hanset.NewWords("讲话", "报告", "致辞", "发言", "思考", "意见", "通知", "决定", "总结", "纲要", "方案", "公报")

const titleReach = 75 * utf8.UTFMax

var (
	// A title: a line head that ends in the word naming the genre.
	// titleEnds are the genre words a title ends in, in the order they
	// are tried where one may stand (titleMatch)
	titleEnds = []string{"的讲话", "上的讲话", "讲话稿", "讲话", "工作报告", "报告", "致辞", "发言", "的思考", "的意见", "的通知", "的决定", "工作总结", "总结", "规划纲要", "实施方案", "公报"}
	// (2014年3月25日) after a title; ——2026年1月28日在…
	deliveredRe = regexp.MustCompile(`(?:[（(]\s*([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*[）)]|——\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日\s*在|^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日在)`)
	// 发布时间:2019-06-18 00:29:57, 发表于 2022-5-16, 时间:2015-11-21
	publishedRe = regexp.MustCompile(`(?:发布时间|发布日期|发表于|发表时间|更新时间|时间|日期)\s*[:：]?\s*([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})`)
	// a date alone on a line (a signature line at the end of a report)
	dateLineRe = regexp.MustCompile(`^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$`)
	// 标题：…, 来源：…, 作者：…
	labelRe = regexp.MustCompile(`^(标题|来源|文章来源|作者|来源URL|URL|原文链接)\s*[:：]\s*(.*)$`)
	// the words labelRe's lines begin with
	labelWords = []string{"标题", "来源", "文章来源", "作者", "URL", "原文链接"}
	// a title suffix added by a site: "…的讲话_某某政府网", "… - 某某网"
	siteSuffixRe = regexp.MustCompile(`\s*(?:[_|｜]|\s-\s|——).*$`)
)

func isoDate(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if yi < 1900 || yi > 2200 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di)
}

// findTitle picks the document title among the head lines (trimmed text,
// chunk markers removed), and returns it with the index of its line. A line
// that starts with a genre-worded title wins; else the first short line that
// is not chrome and not a salutation or heading.
func findTitle(lines []string, hint string) (string, int) {
	if t := strings.TrimSpace(siteSuffixRe.ReplaceAllString(hint, "")); t != "" && utf8.RuneCountInString(t) >= 4 {
		for i, l := range lines {
			if strings.HasPrefix(l, t) {
				return t, i
			}
		}
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, "标题") {
			continue // labelRe's label must be 标题
		}
		if m := labelRe.FindStringSubmatch(l); m != nil && m[1] == "标题" && m[2] != "" {
			return strings.TrimSpace(m[2]), i
		}
	}
	for i, l := range lines {
		if chromeClass(l, false) != keepLine || onlyNotice(l) {
			continue
		}
		if !titleWords.In(l[:min(len(l), titleReach)]) {
			continue // titleMatch cannot match
		}
		if m := titleMatch(l); m != "" {
			return m, i
		}
	}
	for i, l := range lines {
		if chromeClass(l, false) != keepLine || isProse(l) || onlyNotice(l) {
			continue
		}
		n := utf8.RuneCountInString(l)
		if n < 4 || n > 50 || strings.ContainsAny(l, "。！？") || strings.HasPrefix(l, "同志们") || headingLevel(l) > 0 {
			continue
		}
		return l, i
	}
	if t := strings.TrimSpace(siteSuffixRe.ReplaceAllString(hint, "")); t != "" {
		return t, -1
	}
	return "", -1
}

// titleMatch returns the title l begins with: two to 70 characters with
// no clause punctuation (，。；,;！？!?), then the first of titleEnds that
// stands after as few of them as can be; "" if there is none. It finds
// what ^[^，。；,;！？!?]{2,70}?(?:titleEnds…) finds.
func titleMatch(l string) string {
	n := 0 // the characters before i
	for i := 0; i < len(l); {
		if n >= 2 {
			for _, w := range titleEnds {
				if strings.HasPrefix(l[i:], w) {
					return l[:i+len(w)]
				}
			}
		}
		if n == 70 {
			return ""
		}
		r, size := hanset.DecodeRune(l[i:])
		switch r {
		case '，', '。', '；', ',', ';', '！', '？', '!', '?':
			return ""
		}
		n++
		i += size
	}
	return ""
}

// onlyNotice reports a line that inlineCuts removes whole (a paywall
// notice, a page footer): it is no title.
func onlyNotice(l string) bool {
	cuts := inlineCuts(l)
	if len(cuts) == 0 {
		return false
	}
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	var rest strings.Builder
	at := 0
	for _, c := range cuts {
		if c[0] > at {
			rest.WriteString(l[at:c[0]])
		}
		at = max(at, c[1])
	}
	rest.WriteString(l[at:])
	return onlyPunct(rest.String())
}

// mayPublish reports a line that holds a word publishedRe needs: a cheap
// test before the regexp, which is slow on long lines.
func mayPublish(l string) bool {
	// IndexWord searches Chinese text faster than strings.Contains
	return hanset.IndexWord(l, "时间") >= 0 || hanset.IndexWord(l, "日期") >= 0 || hanset.IndexWord(l, "发表于") >= 0
}

// findDates returns the delivery date and the publication date the lines
// state, either may be "".
func findDates(head, tail []string) (delivered, published string) {
	for _, l := range head {
		if delivered == "" && strings.Contains(l, "月") {
			if m := deliveredRe.FindStringSubmatch(l); m != nil {
				for k := 1; k+2 < len(m); k += 3 {
					if m[k] != "" {
						delivered = isoDate(m[k], m[k+1], m[k+2])
						break
					}
				}
			}
		}
		if published == "" && mayPublish(l) {
			if m := publishedRe.FindStringSubmatch(l); m != nil {
				published = isoDate(m[1], m[2], m[3])
			}
		}
	}
	if delivered == "" {
		for _, l := range tail {
			if !strings.HasSuffix(l, "日") {
				continue // dateLineRe ends in 日
			}
			if m := dateLineRe.FindStringSubmatch(l); m != nil {
				delivered = isoDate(m[1], m[2], m[3])
			}
		}
	}
	if published == "" {
		for _, l := range tail {
			if !mayPublish(l) {
				continue
			}
			if m := publishedRe.FindStringSubmatch(l); m != nil {
				published = isoDate(m[1], m[2], m[3])
				break
			}
		}
	}
	return delivered, published
}
