package extract

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The tables the quantity recogniser branches on. Each concept has one
// table; the lookup structures are derived from them in newTables, and a
// test checks that no word is listed twice.

// unitDef is a unit word as written and what it becomes.
type unitDef struct {
	word   string
	unit   Unit
	dim    Dimension
	factor float64 // multiply the stated number by this to get Unit
	// arabicOnly marks a word that counts only after Arabic digits: a
	// counted noun standing in for a measure word (12市地州) or a measure
	// word that after Chinese numerals makes an ordinal or a name
	// (川滇黔十市地州, 二期工程, 十六届人大).
	arabicOnly bool
	// latin marks a unit in Latin letters (km, kg): no Latin letter may
	// follow it (5kmh, 3mA are no km, no m).
	latin bool
	// prefix marks a symbol written before the number: $100, ￥200.
	prefix bool
	// notBefore holds the characters after which the word is no unit:
	// 方 of 9方面, 3.0方案.
	notBefore string
}

// unitTable lists unit words: the units of measurement below and the
// measure words of counts, kept as data in data/classifiers.txt (the
// measure word is the unit of a count). Scale characters (万, 亿 …) are not
// units: 万元 is read as the scale 万 and the unit 元.
var unitTable = append(measureUnits[:len(measureUnits):len(measureUnits)], classifierUnits...)

// measureUnits are the units of measurement of data/units.tsv: money,
// shares, physical measures, each with the canonical unit it converts to.
// The file is part of the package: a malformed line is a bug that
// TestUnitsParse reports, and the line is left out here.
var measureUnits, _ = parseUnits(unitsData)

// unitsData is the table of units of measurement (data/units.tsv).
//
//go:embed data/units.tsv
var unitsData string

// dimensionWords spell the dimensions in data/units.tsv.
var dimensionWords = map[string]Dimension{"money": Money, "percent": Percent, "pp": PP, "times": Times, "physical": Physical}

// parseUnits reads the units table: WORD TAB UNIT TAB DIMENSION TAB FACTOR
// [TAB FLAGS] a line, # comments. It returns the well-formed lines and the
// first error.
func parseUnits(src string) ([]unitDef, error) {
	var out []unitDef
	var first error
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		u, err := parseUnitLine(line)
		if err != nil {
			if first == nil {
				first = fmt.Errorf("extract: data/units.tsv:%d: %v: %q", n+1, err, line)
			}
			continue
		}
		out = append(out, u)
	}
	return out, first
}

// parseUnitLine reads one line of the units table.
func parseUnitLine(line string) (unitDef, error) {
	f := strings.Split(line, "\t")
	if len(f) < 4 || len(f) > 5 || f[0] == "" || f[1] == "" {
		return unitDef{}, errors.New("want WORD TAB UNIT TAB DIMENSION TAB FACTOR [TAB FLAGS]")
	}
	dim, ok := dimensionWords[f[2]]
	if !ok {
		return unitDef{}, errors.New("unknown dimension")
	}
	factor, err := strconv.ParseFloat(f[3], 64)
	if err != nil || factor <= 0 {
		return unitDef{}, errors.New("factor is no positive number")
	}
	u := unitDef{word: f[0], unit: Unit(f[1]), dim: dim, factor: factor}
	if len(f) == 5 {
		for _, flag := range strings.Fields(f[4]) {
			switch flag {
			case "arabic":
				u.arabicOnly = true
			case "latin":
				u.arabicOnly, u.latin = true, true
			case "prefix":
				u.arabicOnly, u.prefix = true, true
			default:
				if chars, ok := strings.CutPrefix(flag, "notbefore:"); ok && chars != "" {
					u.notBefore = chars
					continue
				}
				return unitDef{}, errors.New("unknown flag")
			}
		}
	}
	return u, nil
}

// scaleTable lists the multipliers written after a number (3.5万亿, 200多亿).
var scaleTable = []struct {
	char  rune
	value float64
}{
	{'十', 10}, {'百', 100}, {'千', 1e3}, {'万', 1e4}, {'亿', 1e8}, {'萬', 1e4}, {'億', 1e8}, // traditional in a simplified text too
}

// digitTable lists the Chinese digits.
var digitTable = []struct {
	char  rune
	value int
}{
	{'零', 0}, {'〇', 0}, {'○', 0}, {'一', 1}, {'二', 2}, {'两', 2}, {'兩', 2}, {'三', 3}, {'四', 4},
	{'五', 5}, {'六', 6}, {'七', 7}, {'八', 8}, {'九', 9}, {'壹', 1}, {'贰', 2}, {'叁', 3},
	{'肆', 4}, {'伍', 5}, {'陆', 6}, {'柒', 7}, {'捌', 8}, {'玖', 9}, {'拾', 10},
}

// boundBefore lists the bound words that stand before a number, longest
// first within a shared start.
var boundBefore = []struct {
	word  string
	bound Bound
}{
	{"不低于", GE}, {"不少于", GE}, {"至少", GE}, {"最少", GE},
	{"超过", GT}, {"突破", GT}, {"高于", GT}, {"多于", GT}, {"逾", GT}, {"超", GT}, {"过", GT},
	{"跨过", GT}, {"越过", GT}, {"迈过", GT},
	{"迈上", GE}, {"迈入", GE}, {"跨上", GE}, {"跨入", GE}, {"站上", GE}, {"跃上", GE}, // a milestone reached: 迈上5000亿元台阶
	{"首次达到", GE}, {"首次达", GE}, {"首次迈上", GE}, // a threshold first reached: 首次达到1万亿元
	{"破", GT},  // 旅游收入破万亿
	{"跻身", GE}, // 跻身500亿元行列
	{"不超过", LE}, {"不高于", LE}, {"最多", LE}, {"控制在", LE},
	{"不到", LT}, {"不足", LT}, {"低于", LT}, {"少于", LT}, {"未满", LT},
	{"约", Approx}, {"近", Approx}, {"接近", Approx}, {"大约", Approx}, {"将近", Approx},
	{"约为", Approx}, {"大概", Approx}, {"上", GE},
}

// notBound lists words that end in a bound word of boundBefore but bound
// nothing: the 约 of 签约 and 节约, the 过 of 通过 and 经过, the 超 of 赶超,
// the 近 of 附近 (签约20个项目 is no "about 20").
var notBound = []string{
	"签约", "履约", "节约", "集约", "契约", "合约", "预约", "违约", "制约", "公约", "特约",
	"条约", "相约", "邀约", "守约", "缔约", "解约", "续约", "毁约", "誓约", "简约",
	"通过", "经过", "不过", "度过", "穿过", "走过", "错过", "渡过",
	"熬过", "挺过", "透过", "看过", "用过", "做过", "去过", "罪过", "记过", "难过",
	"赶超", "附近", "就近", "靠近", "贴近", "亲近", "邻近",
	"打破", "攻破", "冲破", "击破", "爆破", "识破", "看破", "说破", "点破", "残破", "破破",
}

// boundAfter lists the bound words that stand after a figure.
var boundAfter = []struct {
	word  string
	bound Bound
}{
	{"及以上", GE}, {"以上", GE}, {"之上", GE},
	{"以内", LE}, {"之内", LE}, {"以下", LE}, {"及以下", LE},
	{"左右", Approx}, {"上下", Approx}, {"前后", Approx},
	{"有余", GT},
}

// boundInside lists the words between a number and its scale or unit that
// make it a lower bound: 1.2万余项, 200多亿, 三十来个.
var boundInside = []struct {
	char  rune
	bound Bound
}{
	{'余', GT}, {'多', GT}, {'来', Approx},
}

// rangeJoin lists the characters that join the two ends of a range.
var rangeJoin = []string{"—", "–", "－", "-", "~", "～", "至", "到"}

// listJoin lists the characters that join members of a list.
var listJoin = []string{"、", "和", "及", "与", "或"}

// durationAfterUnit lists what, right after a measure word, makes the
// figure a span of time, which is not a quantity (5个月, 3个工作日).
var durationAfterUnit = []string{"月", "工作日", "小时", "星期", "季度", "年度", "周", "年"}

// enumAfterUnit lists what, right after the measure word of a number
// written in Chinese numerals, shows the figure is a formula (三位一体,
// 四个一) or an enumeration of the speech itself (三点意见, 两个方面, 九个抓)
// rather than a count.
var enumAfterUnit = []string{
	"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十",
	"方面", "意见", "问题", "特点", "要求", "原则", "关系", "环节", "层面", "字", "句话",
	"抓", "突破", "转变", "转型", "必答题", "队伍", "平台", "具体工作", "重点工作", "工作",
	"板块", "结合", "坚持", "到位", "体系", "方针", "思路", "步", "阶段", "任务", "目标",
	"重点", "优先", "作用", "确保", "机制", "服务", "课题", "层次", "着力点", "举措",
	"关键词", "词", "底线", "红线", "主线", "维度", "导向",
}

// programmeWords end the names of programmes that a number written in
// Chinese numerals opens (十项惠民工程, 五项专项行动): the name of a set of
// measures, like 三大战略, not a count.
var programmeWords = []string{"工程", "行动"}

// ordinalSessions follow 次 in the name of a session of a congress, where
// a Chinese numeral is an ordinal (十六届人大三次会议, 七届五次全会).
var ordinalSessions = []string{"会议", "全会", "全体会议"}

// termAfter is a measure word and what follows it in a term.
type termAfter struct{ unit, next string }

// termAfterUnit lists a measure word and what follows it where together they
// make a term, not a count: 三次产业 (the three sectors of the economy).
var termAfterUnit = []termAfter{
	{"次", "产业"}, {"次", "性"}, {"个", "性"},
	// a measure word that with the next character makes a word: 零部件,
	// 部门, 天然气, 根据, 只有, 处理, 列入
	{"部", "门"}, {"部", "委"}, {"部", "分"}, {"部", "件"}, {"部", "署"},
	{"天", "然"}, {"根", "据"}, {"根", "本"}, {"只", "有"}, {"只", "要"}, {"只", "是"},
	{"只", "能"}, {"处", "理"}, {"处", "置"}, {"处", "于"}, {"列", "入"}, {"列", "为"},
	{"例", "如"}, {"起", "步"}, {"起", "来"}, {"起", "到"}, {"口", "岸"}, {"口", "径"},
	{"种", "植"}, {"种", "养"}, {"种", "子"}, {"宗", "教"}, {"条", "件"}, {"条", "例"},
	{"轮", "车"}, {"期", "工程"}, {"期", "项目"}, {"位", "数"}, {"门", "类"}, {"门", "户"},
	// a span of time within which something is done: 30天内办结
	{"天", "内"}, {"天", "之内"}, {"天", "时间"}, {"天", "后"}, {"天", "前"},
}

// countedNouns are nouns a figure with a scale may count without a measure
// word (33.8万城乡低保对象, 12万农民工), each with the measure word it is
// counted with: people by 人, households and businesses by 户, firms by 家.
// A figure before any other noun, or before none, takes no unit from it.
var countedNouns = []struct{ noun, unit string }{
	{"人口", "人"}, {"群众", "人"}, {"居民", "人"}, {"农民", "人"}, {"农民工", "人"},
	{"职工", "人"}, {"学生", "人"}, {"老人", "人"}, {"儿童", "人"}, {"对象", "人"},
	{"党员", "人"}, {"干部", "人"}, {"劳动力", "人"}, {"人才", "人"}, {"毕业生", "人"},
	{"游客", "人"}, {"患者", "人"}, {"员工", "人"}, {"工人", "人"}, {"村民", "人"},
	{"市民", "人"}, {"人民", "人"}, {"农牧民", "人"}, {"贫困人口", "人"},
	{"市场主体", "户"}, {"经营主体", "户"}, {"农户", "户"}, {"家庭", "户"}, {"个体工商户", "户"},
	{"企业", "家"},
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
