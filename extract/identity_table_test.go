package extract

import (
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
)

// identityRegion builds the Region a case expects.
func identityRegion(name, code string, level AdminLevel) Region {
	return Region{Name: name, Code: code, Level: level}
}

// TestReadIdentity checks the region, working year and delivery date Read
// finds in the first lines of reports and speeches. Every code is the
// GB/T 2260 code valid in the document's year (a renamed or merged division
// keeps the code it had then).
func TestReadIdentity(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		region Region
		year   int
		date   string
	}{
		// Provinces, autonomous regions, municipalities.
		{"province title, capital named often",
			"2025年山东省政府工作报告\n——2025年1月15日在山东省第十四届人民代表大会第三次会议上\n省长 周明远\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n过去一年，济南起步区建设全面提速，济南新旧动能转换先行区扩区获批，济南都市圈发展规划印发实施。济南、青岛、烟台经济总量均突破万亿元，济南轨道交通运营里程达到120公里。",
			identityRegion("山东省", "370000", Province), 2025, "2025-01-15"},
		{"autonomous region written short",
			"政府工作报告\n——2024年1月24日在自治区第十四届人民代表大会第二次会议上\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n2023年，新疆地区生产总值增长6.8%，新疆棉花产量占全国九成以上。乌鲁木齐、喀什、伊犁等地经济较快增长，新疆旅游接待人次突破2.6亿。",
			identityRegion("新疆维吾尔自治区", "650000", Province), 2024, "2024-01-24"},
		{"autonomous region in title",
			"2023年广西壮族自治区人民政府工作报告\n——2023年1月12日在广西壮族自治区第十四届人民代表大会第一次会议上\n各位代表：\n过去五年，广西地区生产总值迈上2.6万亿元台阶，南宁、柳州、桂林三市协同发展，西部陆海新通道骨干工程加快建设。",
			identityRegion("广西壮族自治区", "450000", Province), 2023, "2023-01-12"},
		{"municipality names its districts",
			"2023年重庆市政府工作报告\n——2023年1月13日在重庆市第六届人民代表大会第一次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n过去一年，全市地区生产总值增长2.6%，主城都市区引领作用增强，万州、涪陵、长寿等区县工业稳步回升。",
			identityRegion("重庆市", "500000", Province), 2023, "2023-01-13"},
		{"municipality without title year",
			"政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n2023年，全市地区生产总值增长5.2%。海淀区创新发展持续领跑，朝阳区国际消费中心城市主承载区建设加快，通州区城市副中心框架有序拉开，海淀、朝阳、通州、大兴等区重点项目全面开工。",
			identityRegion("北京市", "110000", Province), 2024, "2024-01-21"},
		{"full-width bracket dateline, capital named often",
			"四川省人民政府工作报告\n（2024年1月31日在四川省第十四届人民代表大会第二次会议上）\n各位代表：\n2023年，全省地区生产总值增长6%。成都都市圈建设成势见效，成都经济总量突破2.2万亿元，成都东部新区、成都天府国际机场临空经济区加快发展，成渝地区双城经济圈建设走深走实。",
			identityRegion("四川省", "510000", Province), 2024, "2024-01-31"},
		{"dateline in Chinese numerals",
			"内蒙古自治区人民政府工作报告\n——二〇一九年一月十四日在内蒙古自治区第十三届人民代表大会第二次会议上\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n2018年，全区地区生产总值增长5.3%。呼和浩特、包头、鄂尔多斯“呼包鄂”协同发展取得新进展。",
			identityRegion("内蒙古自治区", "150000", Province), 2019, "2019-01-14"},
		{"date and speaker on one line",
			"政府工作报告\n2025年1月14日省长 王建平在云南省第十四届人民代表大会第三次会议上的讲话\n各位代表：\n过去一年，全省上下坚持稳中求进工作总基调，昆明、曲靖、玉溪经济总量稳居全省前三，云南高原特色农业加快发展。",
			identityRegion("云南省", "530000", Province), 2025, "2025-01-14"},
		{"body opens with the reviewed year",
			"政府工作报告\n各位代表：\n2022年是极不平凡的一年。面对超预期因素冲击，全省上下团结奋斗，贵州经济社会发展取得新成绩。现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n2022年，贵州地区生产总值增长1.2%，贵阳贵安融合发展迈出新步伐。\n二、2023年主要目标任务\n2023年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
			identityRegion("贵州省", "520000", Province), 2023, ""},
		{"reprint headers before the title",
			"来源：浙江日报\n发布时间：2024-01-29 07:30\n发文单位：浙江省人民政府\n政府工作报告\n——2024年1月23日在浙江省第十四届人民代表大会第二次会议上\n各位代表：\n2023年，全省地区生产总值增长6%，杭州、宁波经济总量迈上新台阶，浙江数字经济核心产业增加值增长10.1%。",
			identityRegion("浙江省", "330000", Province), 2024, "2024-01-23"},

		// The nation.
		{"State Council report",
			"政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n2024年，国内生产总值134.9万亿元，增长5%。北京、上海、粤港澳大湾区国际科技创新中心建设深入推进，雄安新区建设取得重要进展。",
			identityRegion("全国", "100000", National), 2025, "2025-03-05"},
		{"NPC Standing Committee report",
			"全国人民代表大会常务委员会工作报告\n——2024年3月8日在第十四届全国人民代表大会第二次会议上\n全国人民代表大会常务委员会委员长 赵乐际\n各位代表：\n我受全国人民代表大会常务委员会委托，向大会报告过去一年的主要工作和今后一年的主要任务，请予审议。",
			identityRegion("全国", "100000", National), 2024, "2024-03-08"},
		{"State Council report names provinces",
			"政府工作报告\n——2013年3月5日在第十二届全国人民代表大会第一次会议上\n国务院总理 温家宝\n各位代表：\n过去五年，国内生产总值年均增长9.3%。汶川、玉树、舟曲灾后恢复重建任务全面完成，新疆、西藏和四川、云南、甘肃、青海藏区经济社会加快发展。",
			identityRegion("全国", "100000", National), 2013, "2013-03-05"},

		// Prefecture-level divisions.
		{"capital city's own report",
			"2024年济南市政府工作报告\n——2024年1月8日在济南市第十八届人民代表大会第三次会议上\n各位代表：\n过去一年，在省委、省政府和市委坚强领导下，全市经济总量达到1.28万亿元。历下区、历城区、章丘区等区县竞相发展，济南新旧动能转换起步区建设提速，山东省会经济圈一体化加快推进。",
			identityRegion("济南市", "370100", Prefecture), 2024, "2024-01-08"},
		{"autonomous prefecture",
			"凉山彝族自治州人民政府工作报告\n——2025年1月10日在凉山彝族自治州第十二届人民代表大会第五次会议上\n各位代表：\n过去一年，全州地区生产总值增长5.8%，西昌、会理、德昌等县市经济稳步增长，凉山清洁能源装机突破3000万千瓦。",
			identityRegion("凉山州", "513400", Prefecture), 2025, "2025-01-10"},
		{"year from the targets paragraph",
			"政府工作报告\n各位代表：\n现在，我代表州人民政府，向大会报告工作，请予审议。\n过去一年，延边地区生产总值增长4.8%，延吉、珲春、敦化等县市项目建设提速，延边旅游接待游客突破3000万人次。\n2025年经济社会发展主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%。",
			identityRegion("延边州", "222400", Prefecture), 2025, ""},
		{"prefecture speech with a review heading",
			"在全州经济工作会议上的讲话\n同志们：\n这次会议的主要任务是，总结2023年全州经济工作，部署今年经济工作。\n一、2023年全州经济运行基本情况\n2023年，恩施州地区生产总值增长6.5%，恩施市、利川市、建始县增速居全州前列。\n二、今年经济工作的主要任务",
			identityRegion("恩施州", "422800", Prefecture), 2024, ""},
		{"no title, city named often",
			"各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n过去一年，我市地区生产总值增长5.2%，曲靖经济总量稳居全省第二。麒麟区、宣威市、陆良县工业投资快速增长，曲靖新能源电池产业集群加快形成，全市城镇化率达到55%。",
			identityRegion("曲靖市", "530300", Prefecture), 2025, ""},
		{"renamed prefecture Xiangfan 2008",
			"政府工作报告\n——2008年1月16日在襄樊市第十四届人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n2007年，襄樊地区生产总值增长15.2%，襄樊汽车产业集群加快壮大，襄城、樊城、襄阳区城市建设步伐加快。",
			identityRegion("襄樊市", "420600", Prefecture), 2008, "2008-01-16"},
		{"prefecture-level Chaohu before 2011",
			"2010年巢湖市政府工作报告\n——2010年1月20日在巢湖市第三届人民代表大会第五次会议上\n各位代表：\n2009年，全市生产总值增长13.1%，居巢区、庐江县、无为县、和县、含山县竞相发展，巢湖沿岸开发全面启动。",
			identityRegion("巢湖市", "341400", Prefecture), 2010, "2010-01-20"},
		{"prefecture 地区 before it became a city",
			"2010年毕节地区行政公署工作报告\n各位代表：\n现在，我代表毕节地区行政公署，向大会报告工作，请予审议。\n2009年，全区生产总值增长13.4%，毕节市、大方县、黔西县经济较快增长，毕节试验区建设深入推进。",
			identityRegion("毕节地区", "522400", Prefecture), 2010, ""},
		{"dateline after dashes",
			"政府工作报告\n----2013年2月28日在遵义市第六届人民代表大会第三次会议上\n市长 陈立新\n各位代表：\n2012年，全市生产总值增长16.1%，遵义经济总量跃居全省第二。",
			identityRegion("遵义市", "520300", Prefecture), 2013, "2013-02-28"},
		{"reprint headers without dateline",
			"来源：三峡日报\n发布时间：2023-01-20 08:00:00\n发文单位：宜昌市人民政府\n2023年宜昌市政府工作报告\n各位代表：\n过去一年，全市地区生产总值突破5500亿元，宜昌绿色化工、生物医药产业加快转型。",
			identityRegion("宜昌市", "420500", Prefecture), 2023, "2023-01-20"}, // no dateline: the page's date
		{"scraper title with a wrong year",
			"标题：2019年绵阳市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2020年工作回顾\n2020年，绵阳地区生产总值增长4.1%，绵阳科技城建设提速，江油、三台、安州等县市区稳步发展。\n二、2021年主要目标任务\n2021年全市经济社会发展主要预期目标是：地区生产总值增长8%左右。",
			identityRegion("绵阳市", "510700", Prefecture), 2021, ""},
		{"league",
			"2024年阿拉善盟行政公署工作报告\n各位代表：\n现在，我代表盟行政公署，向大会报告工作，请予审议。\n过去一年，全盟地区生产总值增长7.5%，阿拉善左旗、额济纳旗新能源项目加快建设，阿拉善沙产业规模持续扩大。",
			identityRegion("阿拉善盟", "152900", Prefecture), 2024, ""},
		{"autonomous prefecture names its counties",
			"2023年湘西土家族苗族自治州政府工作报告\n——2023年1月6日在湘西土家族苗族自治州第十五届人民代表大会第二次会议上\n各位代表：\n过去一年，全州地区生产总值增长4.6%，吉首、凤凰、花垣、龙山等县市文旅融合加快，凤凰古城接待游客突破1500万人次。",
			identityRegion("湘西州", "433100", Prefecture), 2023, "2023-01-06"},

		// Counties, county-level cities, banners.
		{"county report names its neighbours first",
			"政府工作报告\n——2024年1月10日在县第十七届人民代表大会第三次会议上\n各位代表：\n过去一年，面对安新县、蠡县、肃宁县纺织企业加快布局带来的竞争，我们坚持错位发展。全县地区生产总值增长6.2%，高阳纺织商贸城交易额突破100亿元，高阳毛巾品牌影响持续扩大。",
			identityRegion("高阳县", "130628", County), 2024, "2024-01-10"},
		{"renamed county Cangshan 2010",
			"2010年苍山县政府工作报告\n——2010年2月26日在苍山县第十六届人民代表大会第五次会议上\n各位代表：\n2009年，全县生产总值增长13.5%，苍山蔬菜产业化水平进一步提高，主动融入临沂市区发展，对接兰山区、罗庄区产业转移。",
			identityRegion("苍山县", "371324", County), 2010, "2010-02-26"},
		{"no title, county-level city Tianmen",
			"各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n过去一年，我市地区生产总值增长6.1%。天门纺织服装产业集群加快壮大，天门高铁南站片区开发全面启动，全市新增规上工业企业60家，天门蒸菜品牌叫响全国。",
			identityRegion("天门市", "429006", County), 2025, ""},
		{"no title, county-level city Xiantao",
			"各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n过去一年，全市上下奋力拼搏，仙桃地区生产总值突破1000亿元，仙桃非织造布产业产值增长12%，我市连续入选全国百强县市。仙桃与武汉、潜江同城化发展加快。\n2024年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。",
			identityRegion("仙桃市", "429004", County), 2024, ""},
		{"county-level city Qianjiang",
			"潜江市2024年政府工作报告\n——2024年1月9日在潜江市第九届人民代表大会第四次会议上\n各位代表：\n过去一年，全市地区生产总值增长6.6%，潜江小龙虾产业综合产值突破700亿元，江汉油田与潜江地方融合发展。",
			identityRegion("潜江市", "429005", County), 2024, "2024-01-09"},
		{"county-level city names its prefecture",
			"2024年义乌市人民政府工作报告\n——2024年1月16日在义乌市第十七届人民代表大会第四次会议上\n各位代表：\n过去一年，在金华市委、市政府和义乌市委的坚强领导下，全市进出口总额突破5000亿元，义乌小商品城、义乌国际陆港建设加快，金华—义乌都市区一体化深入推进。",
			identityRegion("义乌市", "330782", County), 2024, "2024-01-16"},
		{"no title, county-level city names its prefecture",
			"各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n过去一年，昆山主动融入苏州市域一体化发展，苏州轨道交通S1线建成通车，昆山开发区、昆山高新区、花桥经济开发区竞相发展，我市地区生产总值突破5000亿元，昆山连续多年位居全国百强县首位。\n2025年经济社会发展主要预期目标是：地区生产总值增长5.5%左右。",
			identityRegion("昆山市", "320583", County), 2025, ""},
		{"autonomous county",
			"长阳土家族自治县2024年政府工作报告\n各位代表：\n过去一年，在宜昌市委、市政府和县委的坚强领导下，全县地区生产总值增长7.1%，长阳清江画廊景区接待游客突破200万人次，宜昌至长阳快速通道建成通车。",
			identityRegion("长阳县", "420528", County), 2024, ""},
		{"banner",
			"2024年准格尔旗人民政府工作报告\n——2024年1月11日在准格尔旗第十七届人民代表大会第四次会议上\n各位代表：\n过去一年，全旗地区生产总值突破1400亿元，连续多年位居全国百强县前列。鄂尔多斯市下达的煤炭保供任务全面完成，鄂尔多斯新能源基地准格尔片区加快建设。",
			identityRegion("准格尔旗", "150622", County), 2024, "2024-01-11"},
		{"county before it became a city, Shenmu 2016",
			"2016年神木县人民政府工作报告\n——2016年1月12日在神木县第十八届人民代表大会第六次会议上\n各位代表：\n2015年，全县生产总值完成1050亿元，榆林市、神木县两级重点项目加快推进，神木兰炭产业转型升级。",
			identityRegion("神木县", "610821", County), 2016, "2016-01-12"},
		{"county-level city before it became a district, Fuyang 2013",
			"2013年富阳市政府工作报告\n——2013年1月15日在富阳市第十五届人民代表大会第二次会议上\n各位代表：\n2012年，全市生产总值增长9.5%，主动接轨杭州主城区，杭州地铁延伸至富阳的前期工作加快推进，富阳造纸产业整治提升。",
			identityRegion("富阳市", "330183", County), 2013, "2013-01-15"},
		{"dateline alone on the last line",
			"凤凰县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n过去一年，全县地区生产总值增长4.5%，凤凰古城接待游客突破1500万人次，吉首至凤凰高速公路扩容工程开工建设。\n凤凰县人民政府\n2023年1月9日",
			identityRegion("凤凰县", "433123", County), 2023, "2023-01-09"},

		// Districts.
		{"district names its municipality often",
			"政府工作报告\n——2024年1月9日在北京市海淀区第十七届人民代表大会第三次会议上\n各位代表：\n过去一年，在北京市委、市政府和区委的坚强领导下，全区地区生产总值增长6.3%，海淀中关村科学城建设提速，服务北京国际科技创新中心建设，北京冬奥遗产利用成效显著，落实北京城市总体规划任务全面完成。",
			identityRegion("海淀区", "110108", County), 2024, "2024-01-09"},
		{"no title, district names its city often",
			"政府工作报告\n各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n过去一年，在成都市委、市政府和区委的坚强领导下，武侯区地区生产总值增长6.1%。全区主动服务成都建设践行新发展理念的公园城市示范区，成都音乐坊、成都西部智谷等重点片区加快建设，武侯电商产业园扩容提质，成都南站片区更新全面启动。\n2024年全区经济社会发展主要预期目标是：地区生产总值增长6%左右。",
			identityRegion("武侯区", "510107", County), 2024, ""},
		{"new district",
			"2025年浦东新区政府工作报告\n——2025年1月7日在上海市浦东新区第七届人民代表大会第五次会议上\n各位代表：\n过去一年，全区地区生产总值增长5.9%，浦东引领区建设深入推进，上海自贸试验区临港新片区、张江科学城加快发展，服务上海“五个中心”建设成效明显。",
			identityRegion("浦东新区", "310115", County), 2025, "2025-01-07"},
		{"district before its merger, Chongwen 2009",
			"2009年崇文区政府工作报告\n——2009年1月8日在北京市崇文区第十四届人民代表大会第四次会议上\n各位代表：\n2008年，全区圆满完成北京奥运会服务保障任务，前门大街改造完成，崇文区地区生产总值增长9%，天坛周边环境整治取得明显成效。",
			identityRegion("崇文区", "110103", County), 2009, "2009-01-08"},
		{"district before its merger, Hangu 2008",
			"2008年汉沽区人民政府工作报告\n各位代表：\n2007年，全区生产总值增长20.1%，汉沽盐化工基地加快建设，主动融入天津滨海新区开发开放，与塘沽区、大港区协同发展。",
			identityRegion("汉沽区", "120108", County), 2008, ""},
		{"district names its prefecture city often",
			"政府工作报告\n——2025年1月6日在临沂市兰山区第二十届人民代表大会第五次会议上\n各位代表：\n过去一年，全区地区生产总值增长6%，兰山商贸物流优势持续巩固，临沂商城交易额突破7000亿元，临沂市中心城区功能不断提升，临沂国际陆港建设提速。",
			identityRegion("兰山区", "371302", County), 2025, "2025-01-06"},

		// Templates, news briefs, speeches.
		{"redacted template names its city",
			"××年宣威市人民政府工作报告\n——××年×月×日在宣威市第×届人民代表大会第×次会议上\n各位代表：\n一、××年工作回顾\n××年，全市地区生产总值增长×%，宣威火腿产业加快发展。",
			identityRegion("宣威市", "530381", County), 0, ""},
		{"redacted speech without a place",
			"在××年全县经济工作会议上的讲话\n同志们：\n一、××年全县经济运行的基本情况\n××年，全县地区生产总值增长×%，规模以上工业增加值增长×%。\n二、××年经济工作的主要任务",
			Region{}, 0, ""},
		{"news brief without a year",
			"本报讯 1月12日上午，郑州市第十六届人民代表大会第四次会议开幕。市长作政府工作报告，报告提出，今年全市地区生产总值增长6%左右。",
			identityRegion("郑州市", "410100", Prefecture), 0, ""},
		{"news brief naming this year",
			"本报讯（记者 陈晓）记者从开封市经济工作会议获悉，今年（2025年）开封将着力扩大有效投资，全市地区生产总值预期增长6%左右。",
			identityRegion("开封市", "410200", Prefecture), 2025, ""},
		{"December conference plans the next year",
			"在全县经济工作会议上的讲话\n（2023年12月28日）\n同志们：\n这次会议的主要任务是，总结2023年经济工作，部署2024年经济工作。\n一、2023年全县经济运行的基本情况\n2023年，泽州县地区生产总值增长5.5%，泽州煤炭保供任务全面完成，晋城市下达的各项指标全面完成。\n二、2024年经济工作的主要任务",
			identityRegion("泽州县", "140525", County), 2024, "2023-12-28"},
		{"reprint of a county report",
			"来源：河北日报\n发文单位：蠡县人民政府\n政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，全县地区生产总值增长6.5%，保定市下达的各项任务全面完成，蠡县裘皮、麻纺产业加快转型。",
			identityRegion("蠡县", "130635", County), 2024, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := corpus.FromText("t", tc.text, corpus.Meta{}, nil)
			d := Read(doc, ReadOptions{})
			id := d.Identity
			// Name, Code and Level; the table does not spell other fields.
			if got := identityRegion(id.Region.Name, id.Region.Code, id.Region.Level); got != tc.region {
				t.Errorf("Read(%s).Identity.Region = %+v, want %+v", tc.name, got, tc.region)
			}
			if id.Year != tc.year {
				t.Errorf("Read(%s).Identity.Year = %d, want %d", tc.name, id.Year, tc.year)
			}
			if id.Date != tc.date {
				t.Errorf("Read(%s).Identity.Date = %q, want %q", tc.name, id.Date, tc.date)
			}
		})
	}
}

// TestReadParts checks the role of the part holding a figure: the review of
// the past year, the year's targets, its tasks, a five-year review or plan,
// and the annexes and glossaries after the report.
func TestReadParts(t *testing.T) {
	const report = "2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n过去一年，全省地区生产总值增长5.8%，城乡居民人均可支配收入增长5.5%。\n二、2025年工作总体要求和主要目标\n2025年经济社会发展主要预期目标是：地区生产总值增长5.2%左右，城镇新增就业110万人以上。\n三、2025年重点工作\n（一）扩大有效投资。实施省级重点项目600个，完成投资5000亿元以上。\n四、加强政府自身建设\n名词解释\n1.新质生产力：以科技创新为主导的先进生产力质态。"
	const newTerm = "政府工作报告\n各位代表：\n一、过去五年工作回顾\n五年来，全市地区生产总值年均增长6.2%，累计完成固定资产投资1.2万亿元。\n二、“十五五”时期的目标任务\n到2030年，全市地区生产总值突破8000亿元，常住人口城镇化率达到70%。\n三、2026年工作安排\n2026年全市经济社会发展主要预期目标是：地区生产总值增长6%左右。\n（一）完善城市功能。新建改造城市燃气管网300公里。\n附件：2026年市级重点项目名单\n1.城市轨道交通3号线工程，总投资260亿元。"
	const speech = "在全县经济工作会议上的讲话\n同志们：\n一、2024年全县经济运行基本情况\n2024年，全县规模以上工业增加值增长8.1%，社会消费品零售总额增长6.3%。\n二、今年的任务\n（一）抓项目扩投资。全年新引进亿元以上项目30个。"
	// headings without numbers, a sub-section whose heading has a plan word
	const bare = "2025年自治区政府工作报告\n各位代表：\n2024年工作回顾\n过去一年，全区地区生产总值增长6.1%。\n（一）锚定目标攻坚，经济稳中有进。全年固定资产投资增长5.2%。\n2025年工作安排\n今年全区经济社会发展主要预期目标是：地区生产总值增长6%左右。\n全年新开工重大项目120个。"
	tests := []struct {
		name, text, sub string
		want            Role
	}{
		{"bare review heading", bare, "地区生产总值增长6.1%", RoleReview},
		{"sub-section with 目标 in the review", bare, "固定资产投资增长5.2%", RoleReview},
		{"bare tasks heading: targets", bare, "地区生产总值增长6%左右", RoleTargets},
		{"bare tasks heading: tasks", bare, "新开工重大项目120个", RoleTasks},
		{"review figure", report, "地区生产总值增长5.8%", RoleReview},
		{"review income", report, "人均可支配收入增长5.5%", RoleReview},
		{"targets paragraph", report, "主要预期目标是", RoleTargets},
		{"target figure", report, "城镇新增就业110万人以上", RoleTargets},
		{"task figure", report, "实施省级重点项目600个", RoleTasks},
		{"glossary", report, "新质生产力：", RoleOther},
		{"five-year review", newTerm, "年均增长6.2%", RolePlan},
		{"fifteenth plan outlook", newTerm, "常住人口城镇化率达到70%", RolePlan},
		{"targets after the outlook", newTerm, "地区生产总值增长6%左右", RoleTargets},
		{"task after the targets", newTerm, "新建改造城市燃气管网300公里", RoleTasks},
		{"annex", newTerm, "总投资260亿元", RoleOther},
		{"speech review figure", speech, "工业增加值增长8.1%", RoleReview},
		{"speech task figure", speech, "新引进亿元以上项目30个", RoleTasks},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Read(corpus.FromText("t", tc.text, corpus.Meta{}, nil), ReadOptions{})
			pos := strings.Index(d.Text, tc.sub)
			if pos < 0 {
				t.Fatalf("Read(%s).Text does not hold %q", tc.name, tc.sub)
			}
			p := d.PartAt(pos)
			if p.Role != tc.want {
				t.Errorf("Read(%s).PartAt(%q).Role = %v, want %v", tc.name, tc.sub, p.Role, tc.want)
			}
			if pos < p.Start || pos >= p.End {
				t.Errorf("Read(%s).PartAt(%d) = [%d, %d), does not hold the offset", tc.name, pos, p.Start, p.End)
			}
		})
	}
}
