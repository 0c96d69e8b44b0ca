package extract

import (
	"regexp"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
)

// TestSpeakerPrefilters checks the characters docSpeaker tests before its
// expressions against the roles the expressions hold: every role of
// roleRe ends in a character of roleLasts, and every line signRe or
// roleLineRe matches starts with one of roleFirsts.
func TestSpeakerPrefilters(t *testing.T) {
	group := regexp.MustCompile(`\(\?:([^()]*)\)`)
	for _, re := range []*regexp.Regexp{roleRe, signRe, roleLineRe} {
		m := group.FindStringSubmatch(re.String())
		if m == nil {
			t.Fatalf("no group of roles in %s", re)
		}
		for _, role := range strings.Split(m[1], "|") {
			if re == roleRe {
				if last := []rune(role)[len([]rune(role))-1]; !strings.ContainsRune(roleLasts, last) {
					t.Errorf("%s: role %q ends in %q, not one of roleLasts %q", re, role, last, roleLasts)
				}
				continue
			}
			for _, r := range []rune{[]rune(role)[0], '副'} { // 副 may stand before it
				if !strings.ContainsRune(roleFirsts, r) {
					t.Errorf("%s: role %q may start with %q, not one of roleFirsts %q", re, role, r, roleFirsts)
				}
			}
		}
	}
}

// TestDocSpeaker reads speakers from titles, datelines and signatures.
func TestDocSpeaker(t *testing.T) {
	lines := func(ls ...string) string { return strings.Join(ls, "\n") }
	tests := []struct {
		title, text, want string
	}{
		{"李明市长在全市经济工作会议上的讲话", "同志们：\n今年全市经济运行稳中向好。", "李明"},
		{"市长在全市招商引资大会上的讲话", "同志们：\n招商引资是一号工程。", "市长"},
		{"青禾市政府工作报告", lines("青禾市政府工作报告", "——2025年1月16日在青禾市第十七届人民代表大会第四次会议上", "青禾市市长 王建国", "各位代表：", "过去一年全市经济增长5.6%。"), "王建国"},
		// a role on a line of its own and the name on the next, among
		// the first lines of a text long enough to read its last lines too
		{"", lines("青禾市政府工作报告", "2025年1月16日", "第十七届人民代表大会第四次会议", "各位代表：", "现在，我代表市人民政府作报告。", "市长", "张建华", "一、过去一年", "全市经济增长5.6%。", "二、今年目标", "增长5.5%左右。", "请予审议。"), "张建华"},
		{"", lines("全市经济增长5.6%。", "刘广仁", "李小刚/文"), "刘广仁、李小刚"},
		{"全市经济运行情况", "全市经济增长5.6%。", ""},
	}
	for _, tt := range tests {
		doc := corpus.Document{Clean: tt.text, Meta: corpus.Meta{Title: tt.title}}
		if got := docSpeaker(doc, headLines(tt.text)); got != tt.want {
			t.Errorf("docSpeaker(%q, %q) = %q, want %q", tt.title, tt.text, got, tt.want)
		}
	}
}
