package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/policyfacts/policyfacts/corpus"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// The speaker's patterns: in a head line, a title, a byline, a signature.
var (
	headSpeakerRe = regexp.MustCompile(`(?:省长|市长|州长|县长|区长|旗长|盟长|主席|总理)[ 　]*([\p{Han}]{2,3}|[\p{Han}]{2,5}·[\p{Han}]{2,5})(?:同志)?(?:作|在|代表|$)`)
	roleRe        = regexp.MustCompile(`(副?(?:省长|市长|州长|县长|区长|旗长|盟长|主席|书记|主任|局长|秘书长|镇长|乡长|委员|部长|厅长))`)
	titleSpeaker  = regexp.MustCompile(`^([^在于]{0,20}?)(?:同志)?(?:在|于)`)
	bylineRe      = regexp.MustCompile(`^([\p{Han}]{2,4}(?:[ 、，][\p{Han}]{2,4})*)\s*/\s*文$`)
	roleLineRe    = regexp.MustCompile(`^副?(?:省长|市长|州长|县长|区长|主席)$`)
	signRe        = regexp.MustCompile(`^(?:副?(?:省长|市长|州长|县长|区长|主席))\s*([\p{Han}]{2,3})$`)
)

func atoiYear(s string) int {
	s = strings.TrimSuffix(s, "年")
	if s == "" {
		return 0 // no year (and no error to allocate)
	}
	y, _ := strconv.Atoi(s)
	return y
}

// redactedYear reports a year whose digits a template replaced by marks:
// ××年, XXXX年, □□年 (two marks at least before 年).
func redactedYear(s string) bool {
	for off := 0; ; {
		k := hanset.IndexWord(s[off:], "年")
		if k < 0 {
			return false
		}
		k += off
		marks := 0
		for j := k; j > 0 && marks < 2; marks++ {
			r, size := hanset.DecodeLastRune(s[:j])
			if !strings.ContainsRune(redactionMarks, r) {
				break
			}
			j -= size
		}
		if marks == 2 {
			return true
		}
		off = k + len("年")
	}
}

// redactionMarks are the marks a template writes for a deleted figure
// (××亿元, X%) or the digits of a year (××年).
const redactionMarks = "×xX＊*□○Ｘｘ"

func docSpeaker(doc corpus.Document, head []string) string {
	// Each expression runs only where what it needs stands: 在 or 于 for
	// titleSpeaker, a role's last character for roleRe, a role's first
	// character at the start for signRe and roleLineRe, 文 at the end for
	// bylineRe.
	if strings.ContainsAny(doc.Meta.Title, "在于") {
		if m := titleSpeaker.FindStringSubmatch(doc.Meta.Title); m != nil && m[1] != "" {
			who := m[1]
			if loc := roleRe.FindStringIndex(who); loc != nil {
				name := who[:loc[0]]
				if n := len([]rune(name)); n >= 2 && n <= 3 && !strings.ContainsAny(name, "市县州省区") {
					return name
				}
				return who[loc[0]:loc[1]]
			}
		}
	}
	// a dateline or signature in the head: …山东省省长周乃翔作政府工作报告,
	// 自治区人民政府主席王莉霞在…, 北京市市长 殷勇同志作…
	for _, l := range head {
		if len(l) > 600 || !strings.Contains(l, "长") && !strings.Contains(l, "主席") && !strings.Contains(l, "总理") {
			continue // no role here: spare the regexp
		}
		if m := headSpeakerRe.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	lines := strings.Split(doc.Clean, "\n")
	// authors split over two lines (刘广仁 / 李小刚/文)
	for i := len(lines) - 1; i >= max(1, len(lines)-4); i-- {
		if strings.HasSuffix(lines[i], "/文") {
			last := strings.TrimSuffix(lines[i], "/文")
			prev := strings.TrimSpace(lines[i-1])
			if isName(last) && isName(prev) {
				return prev + "、" + last
			}
			if isName(last) {
				return last
			}
		}
	}
	first := min(len(lines), 6) // the first lines and the last: a copy, for lines[i+1] below
	for _, l := range append(lines[:first:first], lines[max(0, len(lines)-4):]...) {
		l = strings.TrimSpace(l)
		r, _ := hanset.DecodeRune(l)
		role := strings.ContainsRune(roleFirsts, r)
		if role {
			if m := signRe.FindStringSubmatch(l); m != nil {
				return m[1]
			}
		}
		if role && roleLineRe.MatchString(l) {
			for i, x := range lines[:min(len(lines)-1, 6)] {
				if strings.TrimSpace(x) == l && isName(strings.TrimSpace(lines[i+1])) {
					return strings.TrimSpace(lines[i+1])
				}
			}
		}
		if strings.HasSuffix(l, "文") {
			if m := bylineRe.FindStringSubmatch(l); m != nil {
				return strings.Join(strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == '、' || r == '，' }), "、")
			}
		}
	}
	if strings.ContainsAny(doc.Meta.Title, roleLasts) {
		if m := roleRe.FindString(doc.Meta.Title); m != "" {
			return m
		}
	}
	return ""
}

// roleFirsts are the characters signRe and roleLineRe start with;
// roleLasts those every role of roleRe ends in.
const (
	roleFirsts = "副省市州县区主"
	roleLasts  = "长席记任员"
)

func isName(s string) bool {
	n := 0
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}
