package extract

import (
	"strings"
	"testing"
)

// sloganCases are sentences written in the genre: coined formulas, quoted
// or numbered, against ordinary quoted words, names of things and events.
var sloganCases = []struct {
	name, in, want string
}{
	// quoted coined formulas
	{"numeral chain", "着力打造“一城五中心”。", "一城五中心"},
	{"numbered measures", "出台支持企业倍增“七条意见”。", "七条意见"},
	{"parallel chant", "坚持“办事不拖、遇事不推”。", "办事不拖、遇事不推"},
	{"numbered label of a project", "聚焦“六新”项目。", "六新"},
	{"series of quotes", "引进“高大上”“专精特新”项目。", "专精特新"},
	{"plus formula", "推进“文旅+”融合发展。", "文旅+"},
	// unquoted numbered formulas
	{"three big strategies", "深入实施三大战略，扎实推进十大工程。", "三大战略|十大工程"},
	{"big with a modifier", "明确四大发展路径。", "四大发展路径"},
	{"big battle", "打好三大攻坚战。", "三大攻坚战"},
	{"four batches", "落实四个一批，", "四个一批"},
	{"N个一", "全面推行十个一。", "十个一"},
	{"one-one", "推行一企一策、一村一品。", "一企一策|一村一品"},
	// ordinary quoted words are not formulas
	{"feeling", "增强群众“获得感”。", ""},
	{"base", "稳住经济“基本盘”。", ""},
	{"city life", "城市“烟火气”加速升腾。", ""},
	{"circle", "打造便民“服务圈”、群众“幸福圈”。", ""},
	{"idiom", "构建抵御“百年一遇”洪水的防洪体系。", ""},
	{"city brain", "建好“城市大脑”。", ""},
	{"buzzword", "当好“排头兵”。", ""},
	{"kinds of talent", "引进科技“英才”、技能“匠才”。", ""},
	{"a field of the economy", "发展“演艺经济”“首店经济”。", ""},
	{"a way of working", "探索“飞地经济”模式。", "飞地经济"},
	// names of things, events and titles
	{"product", "打造“我在古城修文物”等文旅产品。", ""},
	{"route", "协同打造“红色记忆之路”旅游线路。", ""},
	{"project", "建设“芯屏”项目配套基地。", ""},
	{"title", "培育一批“单打冠军”。", ""},
	{"title of an expert", "培育一批“配套专家”。", ""},
	{"a model is a formula", "打造美丽中国“某省样板”。", "某省样板"},
	{"regional brand", "发布“山城好米”区域公用品牌。", ""},
	{"catering brand", "培育“古城宴”餐饮品牌。", ""},
	{"brand as slogan", "打响“某地制造”品牌。", "某地制造"},
	{"event", "参加“三大投资促进”活动。", ""},
	{"an ill named", "防止规划与建设“两张皮”现象。", ""},
	{"document", "印发“关于促进消费的意见”。", ""},
	{"book title", "学习《政府工作报告》。", ""},
	// numbered look-alikes
	{"ordinal", "这是第三大产业园区。", ""},
	{"twentieth congress", "学习二十大精神。", ""},
	{"plain count", "完成三大任务，", ""},
	{"one by one", "一项一项地认真加以解决。", ""},
}

func TestSloganCases(t *testing.T) {
	for _, tc := range sloganCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Slogans(tc.in) {
				got = append(got, s.Text)
				if s.Count != len(s.Positions) {
					t.Errorf("Slogans(%q): %+v", tc.in, s)
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("Slogans(%q) = %q, want %q", tc.in, g, tc.want)
			}
		})
	}
}
