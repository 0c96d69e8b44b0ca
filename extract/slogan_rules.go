package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

//go:embed data/slogan_ordinary.txt
var sloganOrdinaryData string

// loadOrdinaryQuoted parses data/slogan_ordinary.txt once.
var loadOrdinaryQuoted = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(sloganOrdinaryData, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// ordinaryQuoted reports a quoted ordinary word: one of
// data/slogan_ordinary.txt; three characters ending in 感, 气, 味 or 圈
// (获得感, 烟火气, 人情味, 幸福圈) without a numeral; two ending in 才, a
// kind of talent (产业“英才”、技能“匠才”); or the name of an economic field
// (“赛事经济”, a sector; not “飞地经济”, a way of working).
func ordinaryQuoted(s string) bool {
	if loadOrdinaryQuoted()[s] {
		return true
	}
	if strings.ContainsAny(s, "一二三四五六七八九十两双0123456789") {
		return false
	}
	n := utf8.RuneCountInString(s)
	last, _ := hanset.DecodeLastRune(s)
	if n == 2 && last == '才' {
		return true
	}
	if head, ok := strings.CutSuffix(s, "经济"); ok && n >= 4 && n <= 6 && !economyNotField(head) {
		return true
	}
	return n == 3 && strings.ContainsRune("感气味圈", last)
}

// quotedThingNouns follow a quoted name of a thing: a project, a product,
// a route, the brand of a product (“某地好茶”区域公用品牌, “某某宴”餐饮品牌).
// Other brands are left alone: a report's brand is often its slogan
// (“保定制造”品牌).
var quotedThingNouns = []string{"项目", "产品", "线路", "平台", "称号", "荣誉", "洪水", "公用品牌", "餐饮品牌"}

// quotedThing reports a quote followed by the noun that makes it the name of
// a thing, directly or after 等 or a short modifier: “芯屏”项目,
// “我在保定修化石”等文旅产品. A numbered body stays a formula (“六新”项目).
func quotedThing(body, after string) bool {
	if startsNumeral(body) || strings.ContainsAny(body, "一二三四五六七八九十两双0123456789") {
		return false
	}
	after = strings.TrimPrefix(after, "等")
	for i, n := 0, 0; n <= 4 && i < len(after); n++ {
		for _, w := range quotedThingNouns {
			if strings.HasPrefix(after[i:], w) {
				return true
			}
		}
		r, size := hanset.DecodeRune(after[i:])
		if !isHanRune(r) || strings.ContainsRune("的和与及、", r) {
			return false
		}
		i += size
	}
	return false
}

// titleSuffixes end quoted titles and awards, not formulas: “单打冠军”,
// “配套专家”. A model (样板) is a formula as often: 美丽中国“某省样板”.
var titleSuffixes = []string{"冠军", "之星", "标兵", "能手", "先锋", "模范", "专家"}

func quotedTitle(s string) bool {
	for _, suf := range titleSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// numeralChain reports a numbered formula of numeral–noun links, which a
// name suffix does not make a name: 一城五中心, 七条意见, 一主两新三支撑.
func numeralChain(s string) bool {
	links := 0
	for i := 0; i < len(s); {
		r, size := hanset.DecodeRune(s[i:])
		if isNumeralRune(r) || r == '两' || r == '多' && links > 0 {
			links++
		}
		i += size
	}
	if !startsNumeral(s) {
		return false
	}
	_, size := hanset.DecodeRune(s)
	second, _ := hanset.DecodeRune(s[size:])
	return links >= 2 || strings.ContainsRune("条项个", second)
}

// bigWords are the nouns of the unquoted formula numeral + 大 + noun (bigAt):
// 三大战略, 十大工程, 四大发展路径, 三大攻坚战.
var bigWords = []string{"战略", "工程", "行动", "攻坚战", "路径", "举措", "战役", "专项", "板块", "基地"}

// bigAt returns the end of numeral + 大 + up to two more runes + one of
// bigWords (三大战略, 四大发展路径), or of N个一批 / N个一 closing a clause
// (四个一批, 十个一), starting at text[i:] with a numeral of size bytes; or -1.
func bigAt(text string, i, size int) int {
	r, _ := hanset.DecodeRune(text[i:])
	if r == '一' || r == '两' || r == '双' {
		return -1
	}
	if p, _ := hanset.DecodeLastRune(text[:i]); isNumeralRune(p) || p == '第' {
		return -1 // 第三大, 二十大
	}
	at := i + size
	off := at + len("大")
	rest := text[off:]
	if strings.HasPrefix(text[at:], "个") {
		for _, w := range []string{"一批", "一"} {
			if strings.HasPrefix(rest, w) {
				if n, _ := hanset.DecodeRune(rest[len(w):]); n == utf8.RuneError || strings.ContainsRune(numberedMarks+"”", n) {
					return off + len(w)
				}
				return -1
			}
		}
		return -1
	}
	for j, n := 0, 0; n <= 2 && j < len(rest); n++ {
		for _, w := range bigWords {
			if strings.HasPrefix(rest[j:], w) {
				return off + j + len(w)
			}
		}
		r, size := hanset.DecodeRune(rest[j:])
		if !isHanRune(r) || strings.ContainsRune("的和与及、是在", r) {
			return -1
		}
		j += size
	}
	return -1
}
