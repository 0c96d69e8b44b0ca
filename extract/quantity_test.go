package extract

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fmtQ renders a quantity as "text|value|unit|bound" for table tests.
func fmtQ(q Quantity) string {
	return q.Text + "|" + strconv.FormatFloat(q.Value, 'g', -1, 64) + "|" + string(q.Unit) + "|" + q.Bound.String()
}

func checkQuantities(t *testing.T, in string, want []string) {
	t.Helper()
	got := Quantities(in)
	var gs []string
	for _, q := range got {
		gs = append(gs, fmtQ(q))
		if q.Start < 0 || q.End > len(in) || q.Start > q.End || in[q.Start:q.End] != q.Text {
			t.Errorf("Quantities(%q): %q has bad offsets [%d,%d)", in, q.Text, q.Start, q.End)
		}
	}
	if strings.Join(gs, "; ") != strings.Join(want, "; ") {
		t.Errorf("Quantities(%q)\n got  %v\n want %v", in, gs, want)
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// investment promotion
		{"全市共包装项目179个，新签约项目89个，协议引资204亿元。", []string{"179个|179|个|eq", "89个|89|个|eq", "204亿元|2.04e+10|CNY|eq"}},
		{"全市实际利用国外资金达到550万美元，比上年增长83%", []string{"550万美元|5.5e+06|USD|eq", "83%|83|%|eq"}},
		{"实际利用省外到位资金达到116.78亿元", []string{"116.78亿元|1.1678e+10|CNY|eq"}},
		{"占市外到位资金的比重提高到70.8%", []string{"70.8%|70.8|%|eq"}},
		{"共组织开展了招商引资专题宣传推介活动12场次", []string{"12场次|12|场次|eq"}},
		{"占新签约项目总数的78 %", []string{"78 %|78|%|eq"}},
		{"实际到位市外资金达到165.02亿元、同比增长31.3%", []string{"165.02亿元|1.6502e+10|CNY|eq", "31.3%|31.3|%|eq"}},
		{"协议引资250亿元以上", []string{"250亿元以上|2.5e+10|CNY|ge"}},
		{"市外到位资金突破200亿元", []string{"突破200亿元|2e+10|CNY|gt"}},
		{"增幅达20%以上", []string{"20%以上|20|%|ge"}},
		{"标准厂房的建设任务是40万平方米", []string{"40万平方米|400000|m2|eq"}},
		{"我市共签约招商引资项目538个，总投资3291.39亿元，完成市定年度目标任务3000亿元的109.71%", []string{"538个|538|个|eq", "3291.39亿元|3.29139e+11|CNY|eq", "3000亿元|3e+11|CNY|eq", "109.71%|109.71|%|eq"}},
		{"开工率为92.38%，超市定任务60%的32个百分点", []string{"92.38%|92.38|%|eq", "60%|60|%|eq", "32个百分点|32|pp|eq"}},
		{"招商引资项目对全市固定资产贡献率接近40%", []string{"接近40%|40|%|approx"}},
		{"全市生产总值从2015年的1174亿元增长到2020年的2100亿元，首次突破2000亿元大关", []string{"1174亿元|1.174e+11|CNY|eq", "2100亿元|2.1e+11|CNY|eq", "突破2000亿元|2e+11|CNY|gt"}},
		{"年均增长8%以上", []string{"8%以上|8|%|ge"}},
		{"已入驻企业5家", []string{"5家|5|家|eq"}},
		{"签订年产3000吨碳纤维项目", []string{"3000吨|3000|t|eq"}},
		{"年产144万平方米", []string{"144万平方米|1.44e+06|m2|eq"}},
		{"预期年销售收入1160万元，实现利税600万元，同时增加就业人数100人", []string{"1160万元|1.16e+07|CNY|eq", "600万元|6e+06|CNY|eq", "100人|100|人|eq"}},
		{"全市十二个省级开发区", []string{"十二个|12|个|eq"}},
		{"组建七支招商小分队", []string{"七支|7|支|eq"}},
		{"办理审批事项1.2万余项，审批时限压缩76.8%以上", []string{"1.2万余项|12000|项|gt", "76.8%以上|76.8|%|ge"}},
		{"招商小分队168支", []string{"168支|168|支|eq"}},
		{"川滇黔12市地州合作", []string{"12市地州|12|个|eq"}},
		{"选派4名干部", []string{"4名|4|名|eq"}},
		{"累计完成投资近1560亿元", []string{"近1560亿元|1.56e+11|CNY|approx"}},
		{"现场督查率超过50%", []string{"超过50%|50|%|gt"}},
		{"确保签约引资额400亿元，力争450亿元", []string{"400亿元|4e+10|CNY|eq", "450亿元|4.5e+10|CNY|eq"}},
		{"单体投资10亿元以上乃至20亿元、30亿元以上", []string{"10亿元以上|1e+09|CNY|ge", "20亿元|2e+09|CNY|ge", "30亿元以上|3e+09|CNY|ge"}},
		{"对接客商138家", []string{"138家|138|家|eq"}},
		{"实际使用外资1.35亿美元", []string{"1.35亿美元|1.35e+08|USD|eq"}},
		{"合同外资2.6亿美元，增长15.2%", []string{"2.6亿美元|2.6e+08|USD|eq", "15.2%|15.2|%|eq"}},
		{"引进亿元以上项目45个", []string{"45个|45|个|eq"}},
		{"项目履约率达到90%，开工率80%，资金到位率30%", []string{"90%|90|%|eq", "80%|80|%|eq", "30%|30|%|eq"}},
		{"举办各类招商推介活动36场", []string{"36场|36|场|eq"}},
		{"外出招商156批次", []string{"156批次|156|批次|eq"}},
		{"实际到位资金500亿元以上", []string{"500亿元以上|5e+10|CNY|ge"}},
		{"引进世界500强企业3家", []string{"3家|3|家|eq"}},
		{"全年接待客商2000余人次", []string{"2000余人次|2000|person-times|gt"}},
		{"引进项目总投资达200多亿", []string{"200多亿|2e+10|CNY|gt"}},
		{"投资规模五六百亿元", []string{"五六百亿元|5e+10|CNY|ge", "五六百亿元|6e+10|CNY|le"}},
		{"每个县区引进两三个大项目", []string{"两三个|2|个|ge", "两三个|3|个|le"}},
		{"争取近百亿元投资", []string{"近百亿元|1e+10|CNY|approx"}},
		{"利用外资550万欧元", []string{"550万欧元|5.5e+06|EUR|eq"}},
		{"到位港资3000万港元", []string{"3000万港元|3e+07|HKD|eq"}},
		// provincial work-report phrasing
		{"地区生产总值增长4.5%左右", []string{"4.5%左右|4.5|%|approx"}},
		{"城镇新增就业50万人以上", []string{"50万人以上|500000|人|ge"}},
		{"城镇调查失业率5.5%以内", []string{"5.5%以内|5.5|%|le"}},
		{"居民消费价格涨幅2%左右", []string{"2%左右|2|%|approx"}},
		{"粮食总产量稳定在1955万吨以上", []string{"1955万吨以上|1.955e+07|t|ge"}},
		{"全省地区生产总值达到5.34万亿元", []string{"5.34万亿元|5.34e+12|CNY|eq"}},
		{"经济总量迈上3.5万亿元台阶", []string{"迈上3.5万亿元|3.5e+12|CNY|ge"}},
		{"一般公共预算收入完成3113.1亿元，增长6.9%", []string{"3113.1亿元|3.1131e+11|CNY|eq", "6.9%|6.9|%|eq"}},
		{"规模以上工业增加值增长7.1%", []string{"7.1%|7.1|%|eq"}},
		{"社会消费品零售总额突破2万亿元", []string{"突破2万亿元|2e+12|CNY|gt"}},
		{"城乡居民人均可支配收入分别增长4.8%、6.8%", []string{"4.8%|4.8|%|eq", "6.8%|6.8|%|eq"}},
		{"城镇居民人均可支配收入48765元", []string{"48765元|48765|CNY|eq"}},
		{"单位地区生产总值能耗下降3.1%", []string{"3.1%|3.1|%|eq"}},
		{"研发投入强度提高0.12个百分点", []string{"0.12个百分点|0.12|pp|eq"}},
		{"常住人口城镇化率提高到65.2%", []string{"65.2%|65.2|%|eq"}},
		{"第一、第三产业增加值分别增长3.1%、5.1%", []string{"3.1%|3.1|%|eq", "5.1%|5.1|%|eq"}},
		{"三次产业结构调整为9.1∶38.2∶52.7", nil},
		{"进出口总额1.2万亿元，下降2.5%", []string{"1.2万亿元|1.2e+12|CNY|eq", "2.5%|2.5|%|eq"}},
		{"新增城镇就业11.2万人", []string{"11.2万人|112000|人|eq"}},
		{"新改建农村公路1.5万公里", []string{"1.5万公里|15000|km|eq"}},
		{"建成高标准农田420万亩", []string{"420万亩|4.2e+06|mu|eq"}},
		{"新增造林面积32万公顷", []string{"32万公顷|320000|ha|eq"}},
		{"粮食产量达到1290亿斤", []string{"1290亿斤|6.45e+07|t|eq"}},
		{"新增装机容量1.7亿千瓦", []string{"1.7亿千瓦|1.7e+08|kW|eq"}},
		{"全社会用电量达到3200亿千瓦时", []string{"3200亿千瓦时|3.2e+11|kWh|eq"}},
		{"港口集装箱吞吐量突破1000万标箱", []string{"突破1000万标箱|1e+07|TEU|gt"}},
		{"完成旅游接待量5000万人次", []string{"5000万人次|5e+07|person-times|eq"}},
		{"改造老旧小区1200个，惠及居民15万户", []string{"1200个|1200|个|eq", "15万户|150000|户|eq"}},
		{"新建改扩建中小学56所", []string{"56所|56|所|eq"}},
		{"新增高新技术企业1,234家", []string{"1,234家|1234|家|eq"}},
		{"完成投资1,234.5亿元", []string{"1,234.5亿元|1.2345e+11|CNY|eq"}},
		{"城市空气优良天数比例达到92.3%", []string{"92.3%|92.3|%|eq"}},
		{"PM2.5平均浓度下降10%", []string{"10%|10|%|eq"}},
		{"人口自然增长率控制在7.6‰以内", []string{"控制在7.6‰以内|0.76|%|le"}},
		{"出生人口性别比下降千分之五", []string{"千分之五|0.5|%|eq"}},
		{"农村集中供水率达到9成以上", []string{"9成以上|90|%|ge"}},
		{"九成以上村实现通客车", []string{"九成以上|90|%|ge"}},
		{"力争战略性新兴产业产值年均增长百分之十五", []string{"百分之十五|15|%|eq"}},
		{"研发经费投入增长百分之三点五", []string{"百分之三点五|3.5|%|eq"}},
		{"经济总量比2010年翻一番", []string{"翻一番|2|times|eq"}},
		{"城乡居民收入实现翻番", []string{"翻番|2|times|eq"}},
		{"人均收入翻两番", []string{"翻两番|4|times|eq"}},
		{"增长1.5倍", []string{"1.5倍|1.5|times|eq"}},
		{"是全国平均水平的2倍", []string{"2倍|2|times|eq"}},
		{"实际到位市外资金增长10%—12%", []string{"10%|10|%|ge", "12%|12|%|le"}},
		{"经济增长5%—5.5%", []string{"5%|5|%|ge", "5.5%|5.5|%|le"}},
		{"地区生产总值增长4.5-5%", []string{"4.5|4.5|%|ge", "5%|5|%|le"}},
		{"引进项目投资额20亿元至30亿元", []string{"20亿元|2e+09|CNY|ge", "30亿元|3e+09|CNY|le"}},
		{"单个项目投资20—30亿元", []string{"20|2e+09|CNY|ge", "30亿元|3e+09|CNY|le"}},
		{"分别增长3.4个、1个百分点", []string{"3.4个|3.4|pp|eq", "1个百分点|1|pp|eq"}},
		{"分别为20、30亿元", []string{"20|2e+09|CNY|eq", "30亿元|3e+09|CNY|eq"}},
		{"新增规上企业3、5、7家", []string{"3|3|家|eq", "5|5|家|eq", "7家|7|家|eq"}},
		{"投资额不低于5000万元", []string{"不低于5000万元|5e+07|CNY|ge"}},
		{"引进至少3个项目", []string{"至少3个|3|个|ge"}},
		{"外资占比不超过30%", []string{"不超过30%|30|%|le"}},
		{"赤字率不到3%", []string{"不到3%|3|%|lt"}},
		{"不足1000人", []string{"不足1000人|1000|人|lt"}},
		{"低于全国平均水平0.8个百分点", []string{"0.8个百分点|0.8|pp|eq"}},
		{"增速低于3%", []string{"低于3%|3|%|lt"}},
		{"约120家企业", []string{"约120家|120|家|approx"}},
		{"大约2000名", []string{"大约2000名|2000|名|approx"}},
		{"逾500亿元", []string{"逾500亿元|5e+10|CNY|gt"}},
		{"超3000万元", []string{"超3000万元|3e+07|CNY|gt"}},
		{"引资300亿元左右", []string{"300亿元左右|3e+10|CNY|approx"}},
		{"增速8%上下", []string{"8%上下|8|%|approx"}},
		{"投资100亿元以下", []string{"100亿元以下|1e+10|CNY|le"}},
		{"上千家企业", []string{"上千家|1000|家|ge"}},
		{"二十多个县", []string{"二十多个|20|个|gt"}},
		{"百余家企业", []string{"百余家|100|家|gt"}},
		// Chinese numerals
		{"项目投资三千二百万元", []string{"三千二百万元|3.2e+07|CNY|eq"}},
		{"获得补助十二亿元", []string{"十二亿元|1.2e+09|CNY|eq"}},
		{"共有一百零五家", []string{"一百零五家|105|家|eq"}},
		{"总额三点五亿元", []string{"三点五亿元|3.5e+08|CNY|eq"}},
		{"投资二十三点五亿元", []string{"二十三点五亿元|2.35e+09|CNY|eq"}},
		{"新建学校两所", []string{"两所|2|所|eq"}},
		{"引进企业三十家", []string{"三十家|30|家|eq"}},
		{"办好十件民生实事", []string{"十件|10|件|eq"}},
		{"设立四个产业招商专班", []string{"四个|4|个|eq"}},
		{"组建三支招商小分队", []string{"三支|3|支|eq"}},
		{"总投资两万亿元", []string{"两万亿元|2e+12|CNY|eq"}},
		{"开工项目一千二百个", []string{"一千二百个|1200|个|eq"}},
		// full-width and spacing
		{"增长１２．５％", []string{"１２．５％|12.5|%|eq"}},
		{"协议引资２０４亿元", []string{"２０４亿元|2.04e+10|CNY|eq"}},
		// lists sharing a bound
		{"新增20亿元、30亿元以上项目", []string{"20亿元|2e+09|CNY|ge", "30亿元以上|3e+09|CNY|ge"}},
		{"引进5家、8家左右", []string{"5家|5|家|approx", "8家左右|8|家|approx"}},
		// money without 元, plainly money
		{"全年完成固定资产投资1.17万亿", []string{"1.17万亿|1.17e+12|CNY|eq"}},
		{"全市招商引资到位资金达到356亿", []string{"356亿|3.56e+10|CNY|eq"}},
		// many in one sentence
		{"2013年，全州履约招商引资项目208个，累计到位州外资金540亿元，同比增长22%；到位省外国内资金400亿元；新签约项目104个，协议引资额1096亿元", []string{"208个|208|个|eq", "540亿元|5.4e+10|CNY|eq", "22%|22|%|eq", "400亿元|4e+10|CNY|eq", "104个|104|个|eq", "1096亿元|1.096e+11|CNY|eq"}},
		{"纳入省督办65个项目，履约项目61个，履约率94%；开工项目58个，开工率89%", []string{"65个|65|个|eq", "61个|61|个|eq", "94%|94|%|eq", "58个|58|个|eq", "89%|89|%|eq"}},
		{"签约正式合同项目13个，签约总金额达512.5亿元", []string{"13个|13|个|eq", "512.5亿元|5.125e+10|CNY|eq"}},
		{"工作目标300亿元，奋斗目标350亿元，其中到位国内省外资金270亿元", []string{"300亿元|3e+10|CNY|eq", "350亿元|3.5e+10|CNY|eq", "270亿元|2.7e+10|CNY|eq"}},
		{"重点推出优质投资促进项目127个，引资额1107亿元", []string{"127个|127|个|eq", "1107亿元|1.107e+11|CNY|eq"}},
		{"建成标准化厂房76.2万平方米，已投入使用65.7万平方米，入驻企业117家", []string{"76.2万平方米|762000|m2|eq", "65.7万平方米|657000|m2|eq", "117家|117|家|eq"}},
		{"城区面积扩大到85平方公里", []string{"85平方公里|85|km2|eq"}},
		{"建成污水管网320公里", []string{"320公里|320|km|eq"}},
		{"新增停车位1.2万个", []string{"1.2万个|12000|个|eq"}},
		{"培训农民工3.6万人次", []string{"3.6万人次|36000|person-times|eq"}},
		{"减税降费86亿元", []string{"86亿元|8.6e+09|CNY|eq"}},
		{"发放创业担保贷款12.8亿元", []string{"12.8亿元|1.28e+09|CNY|eq"}},
		{"新增市场主体12.3万户", []string{"12.3万户|123000|户|eq"}},
		{"完成植树造林8.6万亩", []string{"8.6万亩|86000|mu|eq"}},
		{"年处理垃圾36万吨", []string{"36万吨|360000|t|eq"}},
		{"新建5G基站3200个", []string{"3200个|3200|个|eq"}},
		{"全市规上工业企业达到1560家", []string{"1560家|1560|家|eq"}},
		{"新增国家级专精特新“小巨人”企业12家", []string{"12家|12|家|eq"}},
		{"招商引资到位资金增长15%，外贸进出口增长8%左右", []string{"15%|15|%|eq", "8%左右|8|%|approx"}},
		{"完成市定任务的148.46%", []string{"148.46%|148.46|%|eq"}},
		{"100%嵌入招商活动", []string{"100%|100|%|eq"}},
		{"兑现奖励资金3860万元", []string{"3860万元|3.86e+07|CNY|eq"}},
		{"金额0.5亿元", []string{"0.5亿元|5e+07|CNY|eq"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) { checkQuantities(t, tc.in, tc.want) })
	}
	if len(tests) < 150 {
		t.Errorf("only %d expressions; the quantity table should hold at least 150", len(tests))
	}
}

// TestNotQuantities holds near misses: numbers that are not quantities.
func TestNotQuantities(t *testing.T) {
	tests := []string{
		"2019年全市招商引资工作开局良好",
		"发表于 2022-5-16 08:54:44",
		"（2014年3月25日）",
		"会议于上午9时30分开始",
		"2021年1月—12月",
		"深入贯彻落实省第九次党代会精神",
		"综合排名全省第一",
		"第 17 期",
		"蜀ICP备18012146号-1",
		"川公网安备 51342502000017号",
		"联系电话：0871-12345678",
		"实施“十四五”规划",
		"十四五时期",
		"引进世界500强企业",
		"拨打12345热线",
		"三一重工、国美电器等企业已入驻",
		"推动“三大转型",
		"“7+1”招商小分队",
		"九通一平",
		"下面，我讲三点意见。",
		"讲三个方面的问题",
		"重点要做好九个抓",
		"建设三支队伍",
		"三位一体",
		"“四个一”活动",
		"“三人小组”",
		"成功引进了一大批好项目",
		"引进一批好项目",
		"适时组织开展一次专题招商引资活动",
		"这是十分重要的",
		"走向珠三角经济带",
		"几百家领军工业企业",
		"数十个项目",
		"十几个县",
		"××亿元",
		"合同利用市外资金亿元实际到位亿元",
		"完成年度目标任务的XX%",
		"引进××个项目",
		"Copyright ©2008-2021",
		"© 2001-2023 Discuz! Team.",
		"一是加强领导，二是完善机制",
		"一年来的工作",
		"前5个月",
		"审批时限压缩到3个工作日",
		"用5年时间",
		"千亿级钢铁深加工产业集群",
		"市县两级",
		"一、二、三产业",
		"千方百计",
		"州委七届五次全会",
		"第十三届西博会",
		"“三级跳”第二级",
		"选派第三批干部",
		"1、块是主体",
		"二〇二四年",
		"每半年进行一次现场检查",
		"五抓一优一促",
		"一企一策一事一议",
		"两手抓",
		"万众一心",
		"力争达到或超过亿元",
		"过亿元投资项目",
		"一把手工程",
		"三甲医院",
		"5那么范文",
		"G20峰会",
		"比例为2.5∶1",
		"5G网络",
	}
	checkNone(t, tests)
}

func TestRedacted(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"合同利用市外资金亿元实际到位亿元", 2},
		{"完成年度目标任务的××%", 1},
		{"引进××亿元项目", 1},
		{"协议引资204亿元", 0},
		{"亿元以上项目45个", 0},
		{"投资上亿元的企业", 0},
		{"利用外资万美元，外贸进出口亿美元，增长个百分点", 3},
		{"引进亿元项目，利用外资亿美元，到位××万元，达X%", 4},
	}
	r := NewRecognizer()
	for _, tc := range tests {
		if got := r.Redacted(tc.in); got != tc.want {
			t.Errorf("Redacted(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"204", 204}, {"116.78", 116.78}, {"1,234.5", 1234.5}, {"３５", 35},
		{"三千二百万", 32000000}, {"十二亿", 1.2e9}, {"一百零五", 105}, {"三点五", 3.5},
		{"二〇二五", 2025}, {"3.5万亿", 3.5e12}, {"1.2万", 12000}, {"两万", 20000},
		{"十", 10}, {"十五", 15}, {"二十三点五亿", 2.35e9}, {"一百五", 150}, {"三万五", 35000},
		{"五千零八", 5008}, {"一亿二千万", 1.2e8}, {"百", 100}, {"两", 2}, {"〇", 0}, {"九", 9},
		{"四十二", 42}, {"1.7亿", 1.7e8}, {"5000万", 5e7}, {"3千", 3000},
	}
	for _, tc := range tests {
		got, err := ParseNumber(tc.in)
		if err != nil || math.Abs(got-tc.want) > 1e-9*math.Max(1, tc.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "三一", "五六", "十百", "abc", "1,23", "几百", "数十", "点五", "三点"} {
		if v, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %v, want an error", in, v)
		}
	}
}

func TestUnitTableUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, u := range unitTable {
		if seen[u.word] {
			t.Errorf("unit %q listed twice", u.word)
		}
		seen[u.word] = true
		if u.factor == 0 {
			t.Errorf("unit %q has factor 0", u.word)
		}
	}
	r := NewRecognizer()
	n := 0
	r.units.Lists(func(first rune, us []unitDef) {
		n += len(us)
		for i := 1; i < len(us); i++ {
			if len(us[i].word) > len(us[i-1].word) {
				t.Errorf("units starting %q not longest first", first)
			}
		}
	})
	if n+len(r.prefixes) != len(unitTable) {
		t.Errorf("the recognizer holds %d units and %d symbols, the table %d", n, len(r.prefixes), len(unitTable))
	}
}

// TestQuantitiesConcurrent runs Quantities from several goroutines over
// texts of several lengths: each result must be what a lone call finds,
// and must stay so after later calls (the buffers it was found in are
// reused).
func TestQuantitiesConcurrent(t *testing.T) {
	r := NewRecognizer()
	unit := "协议引资204亿元，增长8%以上；新签约项目89个。"
	var texts []string
	var want [][]Quantity
	for n := range 8 {
		in := strings.Repeat(unit, 1+n*7)
		texts = append(texts, in)
		want = append(want, r.Quantities(in))
	}
	first := slices.Clone(want[7])
	t.Parallel()
	done := make(chan error)
	for g := range 8 {
		go func() {
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := r.Quantities(texts[i]); !slices.Equal(got, want[i]) {
					done <- fmt.Errorf("text %d: %d quantities, want %d", i, len(got), len(want[i]))
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if !slices.Equal(want[7], first) {
		t.Error("a result changed after later calls")
	}
	if got := r.Quantities("没有数字"); got != nil {
		t.Errorf("Quantities of a text without figures = %#v, want nil", got)
	}
}

func FuzzQuantities(f *testing.F) {
	for _, s := range []string{"协议引资204亿元", "五六百亿元", "10%—12%", "百分之十五", "1.2万余项", "二十三点五亿元", "翻一番", "20、30亿元以上", "3.4个、1个百分点", "１２．５％",
		"千万元以上", "过千万美元", "33.8万城乡低保对象", "一主三次", "零部件", "百亿级产业", "甲、乙两条街", "85眼",
		"约三分之一", "万分之三以内", "1亿2千万元", "3万5千人", "“88个项目”", "五元三毛", "两美元又三美分", "约$30万", "HK$3亿",
		"49兆9592亿元", "零下5摄氏度", "每立方米20微克", "350km/h", "百分之二三十", "百分之零点九", "3元5角2分"} {
		f.Add(s)
	}
	r := NewRecognizer()
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range r.Quantities(s) {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("bad offsets %d,%d in %q", q.Start, q.End, s)
			}
			if q.Text != s[q.Start:q.End] {
				t.Fatalf("text %q is not the span %d,%d of %q", q.Text, q.Start, q.End, s)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
				t.Fatalf("value %v in %q", q.Value, s)
			}
			if !utf8.ValidString(q.Text) && utf8.ValidString(s) {
				t.Fatalf("text %q not valid UTF-8", q.Text)
			}
		}
		_ = r.Redacted(s) // must not panic
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"204", "1,234.5", "三千二百万", "3.5万亿", "一百零五", "三点五", "二〇二五", "万万亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
	})
}

// wantQ is a quantity a table test expects: its text, value, unit and
// bound; its offsets are those of the nth occurrence (from 0) of text in
// the input.
type wantQ struct {
	text  string
	value float64
	unit  Unit
	bound Bound
	nth   int
}

// TestQuantityForms holds the forms of quantities that reports word in
// many ways: measure words as an open class, money without 元 in a money
// clause, thresholds written with a scale alone, and figures that count
// the noun after them.
func TestQuantityForms(t *testing.T) {
	tests := []struct {
		in   string
		want []wantQ
	}{
		// measure words (data/classifiers.txt): the word is the unit
		{"新打抗旱机井86眼", []wantQ{{"86眼", 86, "眼", Eq, 0}}},
		{"拆除35蒸吨及以下燃煤锅炉", []wantQ{{"35蒸吨及以下", 35, "蒸吨", LE, 0}}},
		{"为75岁以上高龄老人免费体检", []wantQ{{"75岁以上", 75, "岁", GE, 0}}},
		{"运动员共获得金牌17枚", []wantQ{{"17枚", 17, "枚", Eq, 0}}},
		{"开展三轮环保督察回头看", []wantQ{{"三轮", 3, "轮", Eq, 0}}},
		{"空气质量优良天数达到318天", []wantQ{{"318天", 318, "天", Eq, 0}}},
		{"全年抽检食品1.2万批次", []wantQ{{"1.2万批次", 12000, "批次", Eq, 0}}},
		{"生猪存栏86万头", []wantQ{{"86万头", 860000, "头", Eq, 0}}},
		{"家禽出栏3200万只", []wantQ{{"3200万只", 3.2e7, "只", Eq, 0}}},
		{"牛羊饲养量达到450万头只", []wantQ{{"450万头只", 4.5e6, "头只", Eq, 0}}},
		{"新建桥梁7座、涵洞46孔", []wantQ{{"7座", 7, "座", Eq, 0}, {"46孔", 46, "孔", Eq, 0}}},
		{"发放消费券2.3万张", []wantQ{{"2.3万张", 23000, "张", Eq, 0}}},
		{"更新新能源公交车320辆", []wantQ{{"320辆", 320, "辆", Eq, 0}}},
		{"保障货运包机120架次", []wantQ{{"120架次", 120, "架次", Eq, 0}}},
		{"新增远洋渔船12艘", []wantQ{{"12艘", 12, "艘", Eq, 0}}},
		{"编印乡土教材58册", []wantQ{{"58册", 58, "册", Eq, 0}}},
		{"出让国有建设用地63宗", []wantQ{{"63宗", 63, "宗", Eq, 0}}},
		{"发放创业贷款8600笔", []wantQ{{"8600笔", 8600, "笔", Eq, 0}}},
		{"开设职业技能课程45门", []wantQ{{"45门", 45, "门", Eq, 0}}},
		{"连续举办农民丰收节6届", []wantQ{{"6届", 6, "届", Eq, 0}}},
		{"开办技能培训班23期", []wantQ{{"23期", 23, "期", Eq, 0}}},
		{"安装太阳能路灯2600盏", []wantQ{{"2600盏", 2600, "盏", Eq, 0}}},
		{"查处食品安全案件36起", []wantQ{{"36起", 36, "起", Eq, 0}}},
		{"完成白内障复明手术1800例", []wantQ{{"1800例", 1800, "例", Eq, 0}}},
		{"开行中欧班列520列以上", []wantQ{{"520列以上", 520, "列", GE, 0}}},
		{"增殖放流鱼苗300万尾", []wantQ{{"300万尾", 3e6, "尾", Eq, 0}}},
		{"改造危旧房屋1360间、住宅楼28栋", []wantQ{{"1360间", 1360, "间", Eq, 0}, {"28栋", 28, "栋", Eq, 0}}},
		{"放养鸭苗12万羽", []wantQ{{"12万羽", 120000, "羽", Eq, 0}}},
		{"华鼎、金誉等四家企业入选", []wantQ{{"四家", 4, "家", Eq, 0}}},
		// 亿 or 万 without a unit in a money clause is yuan
		{"全年完成技改投资80亿，增长12%", []wantQ{{"80亿", 8e9, "CNY", Eq, 0}, {"12%", 12, "%", Eq, 0}}},
		{"争取上级资金20亿以上", []wantQ{{"20亿以上", 2e9, "CNY", GE, 0}}},
		{"实现营业收入3500万", []wantQ{{"3500万", 3.5e7, "CNY", Eq, 0}}},
		{"新增贷款150亿、存款220亿", []wantQ{{"150亿", 1.5e10, "CNY", Eq, 0}, {"220亿", 2.2e10, "CNY", Eq, 0}}},
		{"财政收入突破百亿、户籍人口超过80万", []wantQ{{"突破百亿", 1e10, "CNY", GT, 0}}},
		// thresholds written with a scale alone
		{"全年落地千万元以上产业项目126个", []wantQ{{"千万元以上", 1e7, "CNY", GE, 0}, {"126个", 126, "个", Eq, 0}}},
		{"培育产值过千万元企业40家", []wantQ{{"过千万元", 1e7, "CNY", GT, 0}, {"40家", 40, "家", Eq, 0}}},
		{"年进出口额过千万美元的外贸主体", []wantQ{{"过千万美元", 1e7, "USD", GT, 0}}},
		{"纺织服装集群产值达到百亿级。", []wantQ{{"百亿", 1e10, "CNY", Eq, 0}}},
		{"培育3个500亿级产业集群", []wantQ{{"3个", 3, "个", Eq, 0}, {"500亿", 5e10, "CNY", Eq, 0}}},
		{"建设百万平方米标准厂房", []wantQ{{"百万平方米", 1e6, "m2", Eq, 0}}},
		{"建成万亩高标准蔬菜基地", []wantQ{{"万亩", 10000, "mu", Eq, 0}}},
		{"新增百万千瓦风电装机", []wantQ{{"百万千瓦", 1e6, "kW", Eq, 0}}},
		{"力争新增30家十亿元企业、建成8个百亿园区", []wantQ{{"30家", 30, "家", Eq, 0}, {"十亿元", 1e9, "CNY", Eq, 0}, {"8个", 8, "个", Eq, 0}, {"百亿", 1e10, "CNY", Eq, 0}}},
		{"工业增加值跨过千亿元大关", []wantQ{{"跨过千亿元", 1e11, "CNY", GT, 0}}},
		// a figure with a scale before the noun it counts: people count by 人
		{"全年为33.8万城乡低保对象发放补助", []wantQ{{"33.8万", 338000, "人", Eq, 0}}},
		{"吸纳12万农民工就业", []wantQ{{"12万", 120000, "人", Eq, 0}}},
		{"服务2.6万经营主体", []wantQ{{"2.6万", 26000, "户", Eq, 0}}},
		{"带动5万余贫困群众增收", []wantQ{{"5万余", 50000, "人", GT, 0}}},
		{"惠及1.5万企业职工", []wantQ{{"1.5万", 15000, "人", Eq, 0}}},
		// words that end in a bound word but bound nothing
		{"新签约37个项目", []wantQ{{"37个", 37, "个", Eq, 0}}},
		{"节约20万吨标准煤", []wantQ{{"20万吨", 200000, "t", Eq, 0}}},
		{"通过12项认证", []wantQ{{"12项", 12, "项", Eq, 0}}},
		{"县城人口近30万、财政收入过10亿元", []wantQ{{"过10亿元", 1e9, "CNY", GT, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := Quantities(tc.in)
			if len(got) != len(tc.want) {
				var gs []string
				for _, q := range got {
					gs = append(gs, fmtQ(q))
				}
				t.Fatalf("Quantities(%q) = %v, want %d quantities", tc.in, gs, len(tc.want))
			}
			for i, w := range tc.want {
				q := got[i]
				start := -1
				for k, off := 0, 0; k <= w.nth; k++ {
					j := strings.Index(tc.in[off:], w.text)
					if j < 0 {
						t.Fatalf("bad test: %q not in %q %d times", w.text, tc.in, w.nth+1)
					}
					start, off = off+j, off+j+len(w.text)
				}
				if q.Text != w.text || q.Start != start || q.End != start+len(w.text) || q.Value != w.value || q.Unit != w.unit || q.Bound != w.bound {
					t.Errorf("Quantities(%q)[%d] = %q [%d,%d) %g %s %s, want %q [%d,%d) %g %s %s", tc.in, i,
						q.Text, q.Start, q.End, q.Value, q.Unit, q.Bound, w.text, start, start+len(w.text), w.value, w.unit, w.bound)
				}
			}
		})
	}
	if len(tests) < 40 {
		t.Errorf("only %d expressions; the table should hold at least 40", len(tests))
	}
}

// TestQuantityFormsNotQuantities holds near misses of the forms above:
// ordinals, names, formulas, words that start with a numeral and figures
// whose scale stands for no unit.
func TestQuantityFormsNotQuantities(t *testing.T) {
	tests := []string{
		// the bound-looking 约 of 签约, 履约, 节约, 集约, 约束 on its own
		"签约仪式在省城举行", "履约监管", "节约集约利用土地", "强化约束性指标",
		// ordinals: sessions, phases, rounds written with 二
		"县十七届人大二次会议", "省委十二届八次全会精神", "开展第三次全国土壤普查",
		"加快推进二期工程", "推进二轮土地承包到期后再延长", "实施二次招商",
		// formulas, names and enumerations
		"构建一主三次多节点城镇格局", "守住两条底线", "实施十项惠民工程", "开展五项专项行动",
		"三元乳业扩产", "破除城乡二元结构", "建设汽车零部件产业园", "推动一二三产业融合发展",
		"实施三大战略", "编制十四五规划", "三门峡市", "参观曲阜三孔", "十六届人大常委会",
		"围绕创新、协调、绿色三个关键词", "打通城东、城西两条主干道", "保持两位数增长",
		"实现零增长", "联合12部门印发", "审批时限30天内办结", "帮扶2024届高校毕业生就业",
		"自2025起施行",
		// a scale alone that names a class, a rate or a slogan
		"打造千亿级产业集群", "建设万吨级码头", "万元GDP能耗下降", "每万人拥有执业医师",
		"走进千家万户", "对接国家万亿国债", "新开工亿元以上产业项目", "培育五百亿级、千亿级产业集群",
		// a scale with no unit outside a money clause
		"常住人口达到1200万", "全年接待游客突破5000万",
	}
	checkNone(t, tests)
}

func TestClassifiersParse(t *testing.T) {
	us, err := parseClassifiers(classifiersData)
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != len(classifierUnits) || len(us) < 60 {
		t.Errorf("%d classifiers parsed, %d in use", len(us), len(classifierUnits))
	}
	for _, u := range us {
		if u.dim != Count || u.factor != 1 || u.unit == "" {
			t.Errorf("classifier %q: %+v", u.word, u)
		}
	}
	for _, bad := range []string{"个\t个\tchinese", "12个", "个\t个\tarabic\textra", "\t个"} {
		if _, err := parseClassifiers(bad); err == nil {
			t.Errorf("parseClassifiers(%q): no error", bad)
		}
	}
	us, err = parseClassifiers("# comment\n\n眼\n市州\t个\tarabic\r\n孔\t-\tarabic\n")
	if err != nil || len(us) != 3 || us[0].unit != "眼" || us[1].unit != "个" || !us[1].arabicOnly || us[2].unit != "孔" {
		t.Errorf("parseClassifiers = %+v, %v", us, err)
	}
}

// checkNone asserts that each text yields no quantity.
func checkNone(t *testing.T, texts []string) {
	t.Helper()
	for _, in := range texts {
		t.Run(in, func(t *testing.T) {
			if got := Quantities(in); len(got) != 0 {
				var gs []string
				for _, q := range got {
					gs = append(gs, fmtQ(q))
				}
				t.Errorf("Quantities(%q) = %v, want none", in, gs)
			}
		})
	}
}

// TestSigns reads a minus sign or 负 before a number as a negative figure,
// and a hyphen that joins a range as no sign.
func TestSigns(t *testing.T) {
	checkTable(t, []quantityCase{
		{"地区生产总值增长-3.9%", []string{"-3.9%|-3.9|%|eq"}},
		{"出口增长负2.6%", []string{"负2.6%|-2.6|%|eq"}},
		{"利润总额同比增长－12.5%", []string{"－12.5%|-12.5|%|eq"}},
		{"居民消费价格涨幅为-0.3%", []string{"-0.3%|-0.3|%|eq"}},
		{"全年（-1.2%）", []string{"-1.2%|-1.2|%|eq"}},
		{"海拔负0.2千米", []string{"负0.2千米|-0.2|km|eq"}},
		{"增速：-4.5%", []string{"-4.5%|-4.5|%|eq"}},
		// no sign: a range, years, a code
		{"增长10%-12%", []string{"10%|10|%|ge", "12%|12|%|le"}},
		{"2019-2020年投资120亿元", []string{"120亿元|1.2e+10|CNY|eq"}},
		{"投资100亿元-200亿元", []string{"100亿元|1e+10|CNY|ge", "200亿元|2e+10|CNY|le"}},
	})
}

// TestNoQuantityInURL finds no figure inside a web address or a
// percent-escape, and the figures around one still.
func TestNoQuantityInURL(t *testing.T) {
	checkNone(t, []string{
		"详见 https://example.gov.cn/report?id=2024&rate=5%",
		"来源：www.example.cn/news/2025/100亿元.html",
		"q=30%25%2020%",
	})
	checkQuantities(t, "协议引资204亿元（http://example.cn/a?x=3%25），增长8%", []string{"204亿元|2.04e+10|CNY|eq", "8%|8|%|eq"})
}

// TestBoundParticles keeps a bound word whose particle stands before the
// number.
func TestBoundParticles(t *testing.T) {
	checkTable(t, []quantityCase{
		{"城镇化率超过了65%", []string{"超过了65%|65|%|gt"}},
		{"投资突破达300亿元", []string{"突破达300亿元|3e+10|CNY|gt"}},
		{"失业率控制在了5.5%", []string{"控制在了5.5%|5.5|%|le"}},
		{"签约了30个项目", []string{"30个|30|个|eq"}},
		{"旅游收入破万亿元", []string{"破万亿元|1e+12|CNY|gt"}},
		{"打破3项纪录", []string{"3项|3|项|eq"}},
		{"经济总量跻身500亿元行列", []string{"跻身500亿元|5e+10|CNY|ge"}},
	})
}

// TestCurrencies reads the currencies the genre and common prose name.
func TestCurrencies(t *testing.T) {
	checkTable(t, []quantityCase{
		{"两岸贸易额5306亿台币", []string{"5306亿台币|5.306e+11|TWD|eq"}},
		{"吸引澳门元投资12亿澳门元", []string{"12亿澳门元|1.2e+09|MOP|eq"}},
		{"到位资金3000万美圆", []string{"3000万美圆|3e+07|USD|eq"}},
		{"引进瑞士法郎投资2亿瑞士法郎", []string{"2亿瑞士法郎|2e+08|CHF|eq"}},
		{"港资项目投资5亿港元", []string{"5亿港元|5e+08|HKD|eq"}},
	})
}

// quantityCase is a text and the quantities expected of it (fmtQ).
type quantityCase struct {
	in   string
	want []string
}

// checkTable runs checkQuantities on each case.
func checkTable(t *testing.T, cases []quantityCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) { checkQuantities(t, tc.in, tc.want) })
	}
}

// TestHalves adds the half written after a unit, and only there.
func TestHalves(t *testing.T) {
	checkTable(t, []quantityCase{
		{"产量一吨半。", []string{"一吨半|1.5|t|eq"}},
		{"利润提升三成半，", []string{"三成半|35|%|eq"}},
		{"长两米半", []string{"两米半|2.5|m|eq"}},
		{"三斤半", []string{"三斤半|0.00175|t|eq"}},
		{"用了一个半月", []string{}},
		{"1.5万吨半", []string{"1.5万吨|15000|t|eq"}},
		{"利润增长了半成。", []string{"半成|5|%|eq"}},
		{"成本下降半成以上，", []string{"半成以上|5|%|ge"}},
		{"发展半成品加工", []string{}},
		{"果实半成熟", []string{}},
	})
}

// TestFractions reads a fraction of any denominator as a percentage, and
// leaves the 十分 of 十分之重要 alone.
func TestFractions(t *testing.T) {
	checkTable(t, []quantityCase{
		{"约三分之一的企业实现盈利", []string{"约三分之一|33.3333333333|%|approx"}},
		{"占全省的五分之二", []string{"五分之二|40|%|eq"}},
		{"不良率控制在万分之三以内", []string{"控制在万分之三以内|0.03|%|le"}},
		{"三分之二以上的村通了公交", []string{"三分之二以上|66.6666666667|%|ge"}},
		{"发生率为千分之七", []string{"千分之七|0.7|%|eq"}},
		{"占4分之1", []string{"4分之1|25|%|eq"}},
		{"增幅超过了百分之零点九", []string{"超过了百分之零点九|0.9|%|gt"}},
		{"这项工作十分之重要", []string{}},
		{"五分之七", []string{}}, // more than the whole: no share
	})
}

// TestCompoundScales reads a figure written in two scales with Arabic
// digits as one, and leaves apart two figures that merely meet.
func TestCompoundScales(t *testing.T) {
	checkTable(t, []quantityCase{
		{"总投资1亿2千万元", []string{"1亿2千万元|1.2e+08|CNY|eq"}},
		{"完成投资12亿3456万元", []string{"12亿3456万元|1.23456e+09|CNY|eq"}},
		{"新增就业3万5千人", []string{"3万5千人|35000|人|eq"}},
		{"实现产值5亿元、利税2千万元", []string{"5亿元|5e+08|CNY|eq", "2千万元|2e+07|CNY|eq"}},
	})
}

// TestQuotedFigures keeps a figure quoted in Arabic digits and drops the
// numerals of a quoted formula.
func TestQuotedFigures(t *testing.T) {
	checkTable(t, []quantityCase{
		{"全年引进“88个项目”落地", []string{"88个|88|个|eq"}},
		{"开展“四个一”活动", []string{}},
		{"组建“7+1”招商小分队5支", []string{"5支|5|支|eq"}},
		{"实施“0.1微克”攻坚行动", []string{}},
		{"出台稳外资“20条”", []string{}},
	})
}

// TestVagueNumbers holds the one reading of vague numbers: a pair of
// neighbouring digits is a range (low ge, high le) wherever it stands,
// 百分之 included; 几 and 数 give a count not stated, no figure.
func TestVagueNumbers(t *testing.T) {
	checkTable(t, []quantityCase{
		{"提高二三十个百分点", []string{"二三十个百分点|20|pp|ge", "二三十个百分点|30|pp|le"}},
		{"增长百分之二三十", []string{"百分之二三十|20|%|ge", "百分之二三十|30|%|le"}},
		{"新建五六百套", []string{"五六百套|500|套|ge", "五六百套|600|套|le"}},
		{"引进数十家企业", []string{}},
		{"新增十几个项目", []string{}},
		{"几百万元资金", []string{}},
	})
}

// TestUnitsTable reads the units of data/units.tsv after Arabic digits
// and Chinese numerals, Latin units only after digits and where no Latin
// letter follows, and currency symbols before the figure.
func TestUnitsTable(t *testing.T) {
	checkTable(t, []quantityCase{
		{"长30公分", []string{"30公分|0.3|m|eq"}},
		{"管径200毫米", []string{"200毫米|0.2|m|eq"}},
		{"宽20cm", []string{"20cm|0.2|m|eq"}},
		{"全长5km", []string{"5km|5|km|eq"}},
		{"高3m以上", []string{"3m以上|3|m|ge"}},
		{"每份5克", []string{"5克|5e-06|t|eq"}},
		{"限量三百千克", []string{"三百千克|0.3|t|eq"}},
		{"含量3微克", []string{"3微克|3e-12|t|eq"}},
		{"装机100MW", []string{"100MW|100000|kW|eq"}},
		{"新增风电2吉瓦", []string{"2吉瓦|2e+06|kW|eq"}},
		{"容量20升", []string{"20升|20|L|eq"}},
		{"土石方100万方", []string{"100万方|1e+06|m3|eq"}},
		{"时速350km/h", []string{"350km/h|350|km/h|eq"}},
		{"设计时速350公里/小时", []string{"350公里/小时|350|km/h|eq"}},
		{"气温零下5摄氏度", []string{"零下5摄氏度|-5|°C|eq"}},
		{"平均气温18℃", []string{"18℃|18|°C|eq"}},
		{"引进外资3亿欧元", []string{"3亿欧元|3e+08|EUR|eq"}},
		{"对泰贸易额120亿泰铢", []string{"120亿泰铢|1.2e+10|THB|eq"}},
		{"加元投资5000万加元", []string{"5000万加元|5e+07|CAD|eq"}},
		// concentrations: written per cubic metre, or micrograms in a clause on air quality
		{"PM2.5浓度降至30.5微克/立方米", []string{"30.5微克/立方米|30.5|μg/m3|eq"}},
		{"PM2.5平均浓度每立方米20微克以下", []string{"20微克以下|20|μg/m3|le"}},
		{"细颗粒物浓度下降1.2微克", []string{"1.2微克|1.2|μg/m3|eq"}},
		{"新增优质白酒产能5万千升", []string{"5万千升|5e+07|L|eq"}},
		{"天然气产量370亿方", []string{"370亿方|3.7e+10|m3|eq"}},
		{"办好9方面民生实事", []string{}},
		// symbols before the figure
		{"售价$100", []string{"$100|100|USD|eq"}},
		{"融资US$5亿", []string{"US$5亿|5e+08|USD|eq"}},
		{"约$30万", []string{"约$30万|300000|USD|approx"}},
		{"票价€50", []string{"€50|50|EUR|eq"}},
		{"HK$3亿", []string{"HK$3亿|3e+08|HKD|eq"}},
		{"￥200", []string{"￥200|200|CNY|eq"}},
		// near misses
		{"三方合作", []string{}},
		{"建设5G基站", []string{}},
		{"5kmh", []string{}},
		{"推进3D打印", []string{}},
		{"投资$", []string{}},
	})
}

// TestSmallChange adds the tenths and hundredths written after whole
// yuan or dollars, and 兆 (a trillion) before money only.
func TestSmallChange(t *testing.T) {
	checkTable(t, []quantityCase{
		{"五元三毛", []string{"五元三毛|5.3|CNY|eq"}},
		{"3元5角2分", []string{"3元5角2分|3.52|CNY|eq"}},
		{"两美元又三美分", []string{"两美元又三美分|2.03|USD|eq"}},
		{"每斤2元5角", []string{"2元5角|2.5|CNY|eq"}},
		{"奖励3元2分钱", []string{"3元2分|3.02|CNY|eq"}},
		{"补贴100元，3分钟办结", []string{"100元|100|CNY|eq"}},
		{"三元乳业", []string{}},
		{"49兆9592亿元", []string{"49兆9592亿元|4.99592e+13|CNY|eq"}},
		{"四十九兆九千五百九十二亿元", []string{"四十九兆九千五百九十二亿元|4.99592e+13|CNY|eq"}},
		{"3兆美元", []string{"3兆美元|3e+12|USD|eq"}},
		{"装机100兆瓦", []string{"100兆瓦|100000|kW|eq"}},
		{"建设千兆光网", []string{}},
	})
}

// TestWideThousands reads a full-width comma between groups of three
// digits as a thousands separator (full-width digits are folded before),
// and as a clause mark anywhere else.
func TestWideThousands(t *testing.T) {
	checkTable(t, []quantityCase{
		{"完成1，234.5亿元", []string{"1，234.5亿元|1.2345e+11|CNY|eq"}},
		{"出口12，345元", []string{"12，345元|12345|CNY|eq"}},
		{"引资1，234，567万元", []string{"1，234，567万元|1.234567e+10|CNY|eq"}},
		{"2019，204亿元", []string{"204亿元|2.04e+10|CNY|eq"}},
		{"新签项目12，1234家企业落户", []string{"1234家|1234|家|eq"}},
		{"增长5，6%", []string{"6%|6|%|eq"}},
	})
}

// TestTraditionalNumeralsInSimplifiedText reads numerals, scales and
// units in traditional script wherever they stand, in a line the cleaner
// keeps as it is (too few traditional characters to convert it).
func TestTraditionalNumeralsInSimplifiedText(t *testing.T) {
	checkTable(t, []quantityCase{
		{"台湾地区生产总值四十九兆九千五百九十二億元", []string{"四十九兆九千五百九十二億元|4.99592e+13|CNY|eq"}},
		{"增速提高了12個百分點", []string{"12個百分點|12|pp|eq"}},
		{"全年引资兩億元", []string{"兩億元|2e+08|CNY|eq"}},
		{"新签项目35個", []string{"35個|35|个|eq"}},
		{"总额三萬五千元", []string{"三萬五千元|35000|CNY|eq"}},
		{"增长三點五個百分點", []string{"三點五個百分點|3.5|pp|eq"}},
	})
}

// FuzzValueOf holds valueOf's reading of plain decimals with a scale to
// ParseNumber's reading of the number and scale written together.
func FuzzValueOf(f *testing.F) {
	for _, s := range []string{"204", "5.5", "0", "1.", ".5", "3", "99999999999999999999", "1..2", ""} {
		f.Add(s, uint8(0))
	}
	scales := []string{"", "万", "亿", "万亿"}
	f.Fuzz(func(t *testing.T, num string, k uint8) {
		if !plainDecimal(num) || num == "" {
			return
		}
		scale := scales[int(k)%len(scales)]
		v, _, ok := valueOf(num, scale, false)
		want, err := ParseNumber(num + scale)
		if ok != (err == nil) || ok && v != want {
			t.Fatalf("valueOf(%q, %q) = %v, %v; ParseNumber = %v, %v", num, scale, v, ok, want, err)
		}
	})
}
