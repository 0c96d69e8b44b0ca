package extract

import (
	"fmt"
	"strings"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// chineseDigit returns the value of a Chinese digit of a date (〇 一 … 九,
// 零), or -1.
func chineseDigit(r rune) int {
	switch r {
	case '〇', '零', 'Ｏ', 'O':
		return 0
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/len("一") + 1
	}
	return -1
}

// parseDate reads a date at the start of s: 2025年1月15日, 2025 年 1 月 15
// 日, 二〇一九年一月十四日. It returns the date as YYYY-MM-DD and the bytes
// read.
func parseDate(s string) (string, int, bool) {
	y, n := readDateNumber(s, true)
	if n == 0 || y < 1900 || y > 2200 {
		return "", 0, false
	}
	i := n
	next := func(unit string) (int, bool) {
		i += len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
		if !strings.HasPrefix(s[i:], unit) {
			return 0, false
		}
		i += len(unit)
		i += len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
		v, k := readDateNumber(s[i:], false)
		if k == 0 {
			return 0, false
		}
		i += k
		return v, true
	}
	m, ok := next("年")
	if !ok || m < 1 || m > 12 {
		return "", 0, false
	}
	day, ok := next("月")
	if !ok || day < 1 || day > 31 {
		return "", 0, false
	}
	i += len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
	if !strings.HasPrefix(s[i:], "日") && !strings.HasPrefix(s[i:], "号") {
		return "", 0, false
	}
	i += len("日")
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day), i, true
}

// readDateNumber reads a year (four digits, Arabic or Chinese) or a month
// or day (Arabic, or Chinese with 十) at the start of s.
func readDateNumber(s string, year bool) (int, int) {
	v, n := 0, 0
	for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
		v = v*10 + int(s[n]-'0')
		n++
	}
	if n > 0 {
		if year && n != 4 || !year && n > 2 {
			return 0, 0
		}
		return v, n
	}
	if year {
		for k := 0; k < 4; k++ {
			r, size := hanset.DecodeRune(s[n:])
			d := chineseDigit(r)
			if d < 0 {
				return 0, 0
			}
			v = v*10 + d
			n += size
		}
		return v, n
	}
	// 一 … 九, 十, 十一 … 十九, 二十 … 三十一
	r, size := hanset.DecodeRune(s)
	d := chineseDigit(r)
	switch {
	case r == '十':
		v, n = 10, size
	case d > 0:
		v, n = d, size
		if r2, s2 := hanset.DecodeRune(s[n:]); r2 == '十' {
			v, n = d*10, n+s2
		} else {
			return v, n
		}
	default:
		return 0, 0
	}
	if r2, s2 := hanset.DecodeRune(s[n:]); chineseDigit(r2) > 0 {
		v, n = v+chineseDigit(r2), n+s2
	}
	return v, n
}

// datelineLead are the marks a dateline opens with: ——, ----, （.
const datelineLead = "—－-─–―(（ 　\t"

// datelineFollow are the words that may follow the date of a dateline: 在
// (…会议上), 于, a closing bracket, the speaker's role.
var datelineFollow = []string{"在", "于", "）", ")", "，", ",", "上午", "下午", "省长", "市长", "县长", "区长", "州长", "主席", "自治区", "代省长", "代市长"}

// dateline reads the date of a head line that is a dateline: the date
// opening the line after a dash or bracket (——2025年1月15日在…, ----2013年2
// 月28日, （2024年1月31日在…）), or opening it before 在 or a speaker, or
// alone on it.
func dateline(l string) (string, bool) {
	s := strings.TrimLeft(l, datelineLead)
	lead := len(s) < len(l)
	date, n, ok := parseDate(s)
	if !ok {
		return "", false
	}
	rest := strings.TrimLeft(s[n:], " 　")
	if lead || rest == "" || strings.HasPrefix(rest, "）") {
		return date, true
	}
	for _, w := range datelineFollow {
		if strings.HasPrefix(rest, w) {
			return date, true
		}
	}
	// 2025年1月14日海南省省长 刘小明在…: a place and a role before 在
	if k := strings.Index(rest, "在"); k > 0 && k < 60 && containsAny(rest[:k], []string{"长", "主席", "书记"}) {
		return date, true
	}
	return "", false
}

// closingDate reads a date standing alone on one of the last lines of a
// text (a report's signature date), Arabic or Chinese.
func closingDate(text string) (string, bool) {
	lines := 0
	for end := len(text); end > 0 && lines < 4; {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		l := trimSpace(text[start:end])
		end = max(start-1, 0)
		if l == "" {
			continue
		}
		lines++
		s := strings.Trim(l, datelineLead)
		if date, n, ok := parseDate(s); ok && n == len(s) {
			return date, true
		}
		if start == 0 {
			break
		}
	}
	return "", false
}
