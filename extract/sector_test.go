package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
)

func TestSectors(t *testing.T) {
	tests := []struct {
		in   string
		want string // names found, joined by |
	}{
		{"注重把招商引资领域拓展到资源深加工产业、劳动密集型产业和战略性新兴产业。", "资源深加工产业|劳动密集型产业|战略性新兴产业"},
		{"重点发展新能源汽车、生物医药、大数据和电子商务。", "新能源汽车|生物医药|大数据|电子商务"},
		{"招商领域大多集中在矿冶、电力等行业，现代农业、旅游业等产业项目储备不足。", "矿冶|电力|现代农业|旅游业"},
		{"大力发展现代物流业，培育壮大文化产业。", "现代物流|文化产业"},
		{"推动旅游产业和旅游业融合", "旅游产业"},
		{"做好“店小二”", ""},
		{"加快培育新一代信息技术产业和高端装备制造业。", "新一代信息技术产业|高端装备制造"},
		{"涉及钒钛稀土、基础设施、新能源等多个领域。", "钒钛稀土|基础设施|新能源"},
		{"打造千亿级钢铁深加工产业集群。", "钢铁深加工产业"},
		{"培育壮大氢能产业和苹果产业。", "氢能产业|苹果产业"},
		// look-alikes that are not sectors
		{"发挥优势产业和重点产业的带动作用，构建现代产业体系。", ""},
		{"在省级产业集聚区建设工业园区，加强基础设施建设。", ""},
		{"要认真分析产业发展趋势，努力推进产业转型升级。", ""},
		{"符合国家产业政策的项目", ""},
		{"全市就业形势稳定，创业氛围浓厚，企业效益提升。", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Sectors(tc.in) {
			got = append(got, s.Name)
			if s.Category == "" || s.Count != len(s.Positions) {
				t.Errorf("Sectors(%q): %+v", tc.in, s)
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Sectors(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
	// counts and positions
	s := Sectors("发展新能源，新能源是朝阳产业。")
	if len(s) != 2 || s[0].Name != "新能源" || s[0].Count != 2 || s[0].Positions[1] != strings.LastIndex("发展新能源，新能源是朝阳产业。", "新能源") {
		t.Errorf("counts: %+v", s)
	}
}

func TestSlogans(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"以“五抓一优一促”为主要抓手，做好“店小二”。", "五抓一优一促|店小二"},
		{"采取一企一策一事一议的办法。", "一企一策一事一议"},
		{"围绕上述目标任务，重点要做好九个抓：", "九个抓"},
		{"立足“两化”互动、“三化”联动，着力“两手抓”，着眼“双提升”。", "两化互动|三化联动|两手抓|双提升"},
		{"紧紧围绕“工业强州、生态立州、开放兴州”战略。", "工业强州、生态立州、开放兴州"},
		{"全州“项目履约落地年”。", "项目履约落地年"},
		{"实现“三个突破”，坚持“实招实引”。", "三个突破|实招实引"},
		// numbered forms without quotes
		{"坚持三位一体，做到两手抓、双循环，推广七跟法。", "三位一体|两手抓|双循环|七跟法"},
		{"推动两化融合，落实三个确保", "两化融合|三个确保"},
		{"做到三个不断，一个不少，两化同步推进。", "两化同步"},
		// closing quotes lost in scraping
		{"抓经济发展无非是“两手，一手抓存量，一手抓增量。", "两手"},
		{"要着力解决好“谁去招、招什么、怎么招的问题。", "谁去招、招什么、怎么招"},
		{"工作中存在“两张皮和错位现象。", "两张皮"},
		{"坚决破除“摊大饼的开展模式。", "摊大饼"},
		// look-alikes that are not slogans
		{"实施“十四五”规划，推进“十二五”收官。", ""},
		{"印发了“关于加快推进招商引资工作的意见”。", ""},
		{"抓好“一把手”，落实第一责任人。", ""},
		{"下面，我讲三点意见。讲三个方面的问题。", ""},
		{"会带来“鲶鱼效应”和“洼地效应”。", ""},
		{"引进“香江商贸城”项目，参加“三大投资促进”活动。", ""},
		{"一心一意谋发展，一对一跟踪服务，一是加强领导。", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Slogans(tc.in) {
			got = append(got, s.Text)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Slogans(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
	s := Slogans(corpus.FromText("t", "“店小二”服务，做好「店小二」。", corpus.Meta{}, nil).Clean)
	if len(s) != 1 || s[0].Count != 2 {
		t.Errorf("same formula in two quote styles: %+v", s)
	}
}

func TestFirstRunes(t *testing.T) {
	if got := firstRunes([]string{"今年", "去年", "过去一年"}); got != "今去过" {
		t.Errorf("firstRunes = %q", got)
	}
}

// FuzzOneOnePairs holds oneOnePairs to the regular expression it stands
// for.
func FuzzOneOnePairs(f *testing.F) {
	re := regexp.MustCompile(`(?:一\p{Han}一\p{Han}){1,4}`)
	for _, s := range []string{
		"实行一企一策一事一议", "一对一", "一是一批", "一企一策一事一议一厂一码一户一档一村一品", "一a一b", "一一一一一",
		"一企一", "推行“一窗受理、一网通办”", "一\xe4一策",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want [][2]int
		for _, m := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := oneOnePairs(s, search("一")); !slices.Equal(got, want) {
			t.Errorf("oneOnePairs(%q) = %v, want %v", s, got, want)
		}
		if got := oneOnePairs(s, swept(s).char("一")); !slices.Equal(got, want) {
			t.Errorf("oneOnePairs(%q) on the hits of the sweep = %v, want %v", s, got, want)
		}
	})
}
