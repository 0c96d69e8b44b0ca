package extract

// The tables the quantity recogniser branches on. Each concept has one
// table; the lookup structures are derived from them in newTables, and a
// test checks that no word is listed twice.

// unitDef is a unit word as written and what it becomes.
type unitDef struct {
	word   string
	unit   Unit
	dim    Dimension
	factor float64 // multiply the stated number by this to get Unit
	// arabicOnly marks a counted noun standing in for a measure word
	// (12市地州); after Chinese numerals such a phrase is a name (川滇黔十市地州).
	arabicOnly bool
}

// unitTable lists unit words. Scale characters (万, 亿 …) are not units:
// 万元 is read as the scale 万 and the unit 元.
var unitTable = []unitDef{
	// money
	{"元", "CNY", Money, 1, false},
	{"元人民币", "CNY", Money, 1, false},
	{"人民币", "CNY", Money, 1, false},
	{"美元", "USD", Money, 1, false},
	{"美金", "USD", Money, 1, false},
	{"欧元", "EUR", Money, 1, false},
	{"港元", "HKD", Money, 1, false},
	{"港币", "HKD", Money, 1, false},
	{"日元", "JPY", Money, 1, false},
	{"英镑", "GBP", Money, 1, false},
	{"澳元", "AUD", Money, 1, false},
	{"新台币", "TWD", Money, 1, false},
	{"卢布", "RUB", Money, 1, false},
	{"韩元", "KRW", Money, 1, false},
	// shares
	{"%", "%", Percent, 1, false},
	{"％", "%", Percent, 1, false},
	{"‰", "%", Percent, 0.1, false},
	{"个百分点", "pp", PP, 1, false},
	{"百分点", "pp", PP, 1, false},
	{"倍", "times", Times, 1, false},
	// physical measures
	{"平方米", "m2", Physical, 1, false},
	{"平米", "m2", Physical, 1, false},
	{"平方公里", "km2", Physical, 1, false},
	{"平方千米", "km2", Physical, 1, false},
	{"公里", "km", Physical, 1, false},
	{"千米", "km", Physical, 1, false},
	{"米", "m", Physical, 1, false},
	{"亩", "mu", Physical, 1, false},
	{"公顷", "ha", Physical, 1, false},
	{"吨", "t", Physical, 1, false},
	{"公斤", "t", Physical, 0.001, false},
	{"千克", "t", Physical, 0.001, false},
	{"斤", "t", Physical, 0.0005, false},
	{"千瓦时", "kWh", Physical, 1, false},
	{"度电", "kWh", Physical, 1, false},
	{"千瓦", "kW", Physical, 1, false},
	{"兆瓦", "kW", Physical, 1000, false},
	{"立方米", "m3", Physical, 1, false},
	{"人次", "person-times", Physical, 1, false},
	{"标箱", "TEU", Physical, 1, false},
	// counts: the measure word is the unit
	{"个", "个", Count, 1, false},
	{"家", "家", Count, 1, false},
	{"项", "项", Count, 1, false},
	{"名", "名", Count, 1, false},
	{"人", "人", Count, 1, false},
	{"户", "户", Count, 1, false},
	{"支", "支", Count, 1, false},
	{"次", "次", Count, 1, false},
	{"场次", "场次", Count, 1, false},
	{"场", "场", Count, 1, false},
	{"批", "批", Count, 1, false},
	{"所", "所", Count, 1, false},
	{"条", "条", Count, 1, false},
	{"件", "件", Count, 1, false},
	{"台", "台", Count, 1, false},
	{"套", "套", Count, 1, false},
	{"座", "座", Count, 1, false},
	{"处", "处", Count, 1, false},
	{"辆", "辆", Count, 1, false},
	{"张", "张", Count, 1, false},
	{"份", "份", Count, 1, false},
	{"篇", "篇", Count, 1, false},
	{"部", "部", Count, 1, false},
	{"位", "位", Count, 1, false},
	{"栋", "栋", Count, 1, false},
	{"间", "间", Count, 1, false},
	{"艘", "艘", Count, 1, false},
	{"架", "架", Count, 1, false},
	{"头", "头", Count, 1, false},
	{"株", "株", Count, 1, false},
	{"棵", "棵", Count, 1, false},
	{"种", "种", Count, 1, false},
	{"类", "类", Count, 1, false},
	{"家次", "家次", Count, 1, false},
	{"户次", "户次", Count, 1, false},
	{"市地州", "个", Count, 1, true},
	{"市州", "个", Count, 1, true},
	{"县市区", "个", Count, 1, true},
	{"县区", "个", Count, 1, true},
	{"乡镇", "个", Count, 1, true},
}

// scaleTable lists the multipliers written after a number (3.5万亿, 200多亿).
var scaleTable = []struct {
	char  rune
	value float64
}{
	{'十', 10}, {'百', 100}, {'千', 1e3}, {'万', 1e4}, {'亿', 1e8},
}

// digitTable lists the Chinese digits.
var digitTable = []struct {
	char  rune
	value int
}{
	{'零', 0}, {'〇', 0}, {'○', 0}, {'一', 1}, {'二', 2}, {'两', 2}, {'三', 3}, {'四', 4},
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
	{"超过", GT}, {"突破", GT}, {"高于", GT}, {"多于", GT}, {"逾", GT}, {"超", GT},
	{"不超过", LE}, {"不高于", LE}, {"最多", LE}, {"控制在", LE},
	{"不到", LT}, {"不足", LT}, {"低于", LT}, {"少于", LT}, {"未满", LT},
	{"约", Approx}, {"近", Approx}, {"接近", Approx}, {"大约", Approx}, {"将近", Approx},
	{"约为", Approx}, {"大概", Approx}, {"上", GE},
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
}

// notAfterNumber lists what, right after a number, shows it is a date, a
// time, a rank or a name: 2019年, 3月, 25日, 8时, 500强, 17期, 12345热线.
var notAfterNumber = []string{
	"年", "月", "日", "号", "时", "分钟", "秒", "周年", "世纪", "届", "期", "强", "热线",
	"岁", "天", "小时", "星期",
}

// termAfterUnit lists a measure word and what follows it where together they
// make a term, not a count: 三次产业 (the three sectors of the economy).
var termAfterUnit = []struct{ unit, next string }{
	{"次", "产业"}, {"次", "性"}, {"个", "性"},
}
