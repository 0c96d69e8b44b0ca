package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sectorCases are sentences written in the genre, not taken from a shared
// document: each gives the sector names found, joined by |.
var sectorCases = []struct {
	name, in, want string
}{
	// names of the official tables and of the 2025 reports
	{"emerging names", "前瞻布局生命健康、空天信息、合成生物、第三代半导体等未来产业。", "生命健康|空天信息|合成生物|第三代半导体|未来产业"},
	{"X经济", "大力发展低空经济和银发经济，培育冰雪经济。", "低空经济|银发经济|冰雪经济"},
	{"open X经济", "有序引导地摊经济、避暑经济发展。", "地摊经济|避暑经济"},
	{"economy of a place", "壮大县域经济，支持民营经济，发展实体经济。", ""},
	{"economy as a whole", "我国经济持续回升向好，奋力拼经济，经济社会发展稳中有进。", ""},
	{"conference names the field", "成功举办蔬菜产业大会。", "蔬菜产业"},
	{"night economy alias", "繁荣夜经济，点亮城市烟火。", "夜经济"},
	{"new storage", "加快新型储能项目建设。", "新型储能"},
	{"prepared food", "支持预制菜企业做大做强。", "预制菜"},
	{"testing", "培育检验检测认证机构。", "检验检测认证"},
	{"metaverse", "布局元宇宙、具身智能和量子科技。", "元宇宙|具身智能|量子科技"},
	{"digital trade", "发展数字贸易、服务贸易和跨境电商。", "数字贸易|服务贸易|跨境电商"},
	{"GB/T names", "建筑业增加值增长5%，餐饮、纺织等行业回暖。", "建筑业|餐饮|纺织"},
	{"AI", "推动人工智能赋能千行百业。", "人工智能"},
	{"compute", "建设算力、数据要素等新型基础设施。", "算力|数据要素"},
	// open vocabulary: X产业 and X行业 with true left edges
	{"verb cut", "大力发展葡萄酒产业。", "葡萄酒产业"},
	{"two verbs cut", "培育壮大蓝莓产业，做强肉牛产业。", "蓝莓产业|肉牛产业"},
	{"verb 融入", "主动融入产业协作圈。", ""},
	{"verb 用好", "用好产业链招商、以商招商等方式。", ""},
	{"verb 整合", "整合产业上下游资源。", ""},
	{"verb 确保", "确保某某空调产业园年内投产。", ""},
	{"verb 荣获", "荣获全国纺织产业名城称号。", "纺织产业"},
	{"verb 制定", "制定蔬菜产业发展规划。", "蔬菜产业"},
	{"park", "建设国投产业园。", ""},
	{"partnership", "深化川渝产业合作，推动京津冀产业协同。", ""},
	{"process 化", "加快推进新型工业化。", ""},
	{"process 化 head", "构建具有本地特色的现代化产业体系。", ""},
	{"whole chain", "提高全产业链水平。", ""},
	// look-alikes that are not sectors
	{"advantage", "做大优势产业，壮大支柱产业。", ""},
	{"policy", "落实国家产业政策。", ""},
	{"modern system", "加快构建现代产业体系。", ""},
	{"workers", "弘扬劳模精神，建设产业工人队伍。", ""},
	{"key", "围绕重点产业开展精准招商。", ""},
	{"major projects", "抓好重大产业项目建设。", ""},
	{"related", "带动相关产业发展。", ""},
	{"local", "推动本地产业转型升级。", ""},
	{"chain leader", "实行产业链链长制。", ""},
	{"employment", "就业形势总体稳定，创业氛围浓厚。", ""},
	{"distinctive", "发展特色优势产业。", ""},
	{"numbered group", "做强四大产业，打造十大产业集群。", ""},
	// coordinated lists: each member, inheriting the head
	{"list 等产业", "推动食品、纺织、机械等产业转型升级。", "食品产业|纺织|机械产业"},
	{"list 和", "壮大羽毛球、打火机和箱包等特色产业。", "羽毛球产业|打火机产业|箱包产业"},
	{"list 行业", "钢铁、水泥等行业实施超低排放改造。", "钢铁|水泥行业"},
	{"list services", "推动健康、养老、育幼等生活性服务业品质化发展。", "健康|养老|育幼|生活性服务业"},
	{"list producer services", "引进培育研发设计、软件信息等生产性服务业企业。", "研发设计|软件信息|生产性服务业"},
	{"list counted", "推动家纺箱包、都市农业、超低能耗建筑3个产业集群壮大。", "家纺箱包产业|都市农业|超低能耗建筑产业"},
	{"list 大", "做强陶瓷、石材、茶叶三大产业。", "陶瓷产业|石材产业|茶叶"},
	{"list with modifier", "发展光伏、锂电等多个新兴产业。", "光伏|锂电|新兴产业"},
	{"list verb first", "重点发展铸造、锻压等行业。", "铸造行业|锻压行业"},
	{"list of firms", "三一重工、国美电器等企业已入驻。", ""},
	{"list of tasks", "聚焦政策协调、人才培养、项目开发等领域。", ""},
	{"list of demand", "紧盯消费、投资、进出口等重点领域。", ""},
	{"list of firms by name", "远景、明阳等龙头企业落户。", ""},
	{"list of firm names", "引进昆钢控股有限公司、某某集团等产业项目。", ""},
	{"list in a clause", "我们坚持创新驱动，推动石化、建材等产业绿色转型。", "石化产业|建材"},
	// vocabulary names of two characters only in a field's context
	{"two-char in list", "涉及光伏、风电等多个领域。", "光伏|风电"},
	{"two-char inside word", "加强工业园区基础设施建设。", ""},
	{"infrastructure among fields", "签约项目涉及钒钛稀土、基础设施、新能源。", "钒钛稀土|基础设施|新能源"},
	{"infrastructure among tasks", "围绕产业发展、基础设施等重点领域，补齐社会治理和基础设施短板。", ""},
	{"two-char before 产业", "做强化工产业。", "化工产业"},
	{"two-char thing", "建设商贸城和金融学院，撬动民间投资、金融资金。", ""},
	{"two-char process", "推动信息化和工业化融合。", "工业"},
	// names of two characters at the end of a list member, or before a
	// word that makes them a field
	{"before 全产业链 and 集群", "完善锂电全产业链，培育海上光伏集群。", "锂电|光伏"},
	{"compute cluster", "建成一批智算集群。", ""},
	{"before 新热点", "冰雪运动成为山区文旅新热点。", "文旅"},
	{"before 等领域", "鼓励社会资本进入核电等领域。", "核电"},
	{"list closed by 新业态", "培育森林旅游、林下康养等新业态。", "康养"},
	{"list closed by a kind of demand", "积极推动冰雪旅游、山地运动、旅居康养等新型消费。", "康养"},
	{"list with 和 before a head", "打造高效光伏和氢能产业集群。", "光伏|氢能产业"},
	{"list of members after the name", "壮大山地康养、绿色食品、抽水蓄能等规模。", "康养"},
	{"list of firms", "推动某某医药、某某芯片等扩大产能。", ""},
	{"list of events", "办好商务会展、经贸洽谈等活动。", ""},
	{"compound in a list of means", "用好商贸会展、经贸洽谈等平台。", ""},
	{"two names make one", "北区锂电新能源、南区生物医药实现较快增长。", "锂电新能源|生物医药"},
	{"a name before another after 、", "硅光伏、新能源电池产量增长两成。", "光伏|新能源"},
	{"a kind in 式", "积极发展分布式光伏，完善配套电网。", "光伏"},
	{"capacity", "新增光伏装机100万千瓦。", ""},
	{"two names in capacity", "建成风电光伏装机500万千瓦。", ""},
	{"a plant", "开工建设某某核电二期。", ""},
	{"verb across the name", "深化工业园区改革。", ""},
	{"verb across a longer name", "扩大健康、养老等服务消费，提高科技成果转化率。", ""},
	{"list of facilities", "建设充电桩、储能等设施。", ""},
	{"list of engines", "打造低空经济、氢能及储能等新增长引擎。", "低空经济|氢能|储能"},
	{"list of costs", "降低用工、物流、融资等综合成本。", ""},
	{"list of risks", "防范地方债务、金融等重大风险。", ""},
	{"list closed by a relative clause", "丰富研学、康养等满足游客需求的业态。", "康养"},
	{"list of capacity", "新增风电、光伏等装机300万千瓦。", ""},
	{"list member named whole", "培育跨境金融、数字贸易等特色产业。", "跨境金融产业|数字贸易"},
	{"name joined to a name", "培育元宇宙文创、数字金融等新业态。", "元宇宙文创|数字金融"},
	// merging wordings
	{"merge", "发展旅游业，旅游产业增加值增长8%。", "旅游业"},
	{"umbrella", "培育战略性新兴产业和未来产业。", "战略性新兴产业|未来产业"},
	{"three sectors", "第一产业增加值增长3%，第三产业增长6%。", "第一产业|第三产业"},
	{"first wording", "推动文化旅游深度融合，文旅消费持续升温。", "文化旅游"},
}

func TestSectorCases(t *testing.T) {
	for _, tc := range sectorCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Sectors(tc.in) {
				got = append(got, s.Name)
				if s.Category == "" || s.Count != len(s.Positions) {
					t.Errorf("Sectors(%q): %+v", tc.in, s)
				}
				for _, p := range s.Positions {
					if p < 0 || p >= len(tc.in) {
						t.Errorf("Sectors(%q): %s at %d, out of the text", tc.in, s.Name, p)
					}
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("Sectors(%q) = %q, want %q", tc.in, g, tc.want)
			}
		})
	}
}

// TestSectorCodes checks the codes of sectors against the embedded tables:
// every code exists there, and known names carry the expected codes.
func TestSectorCodes(t *testing.T) {
	tables := loadIndustries()
	tests := []struct {
		in, name, category, gbt, sei, digital string
	}{
		{"发展纺织业。", "纺织业", "secondary", "17", "", ""},
		{"发展餐饮业。", "餐饮业", "tertiary", "62", "", ""},
		{"壮大新能源汽车产业。", "新能源汽车产业", "nev", "", "5", ""},
		{"发展人工智能。", "人工智能", "it", "", "1.5", ""},
		{"发展电子商务。", "电子商务", "services", "", "", "0402"},
		{"建设算力中心，发展算力产业。", "算力产业", "it", "6450", "1.4", ""},
		{"发展工业设计。", "工业设计", "creative", "7491", "8.3", ""},
		{"发展家具产业。", "家具产业", "secondary", "21", "", ""},
		{"发展低空经济。", "低空经济", "new-economy", "", "", ""},
	}
	for _, tc := range tests {
		s := Sectors(tc.in)
		if len(s) == 0 {
			t.Errorf("Sectors(%q) found nothing", tc.in)
			continue
		}
		got := s[len(s)-1]
		var gbt, sei, digital string
		if got.Codes != nil {
			gbt, sei, digital = strings.Join(got.Codes.GBT4754, "|"), strings.Join(got.Codes.SEI, "|"), strings.Join(got.Codes.Digital, "|")
		}
		if got.Name != tc.name || got.Category != tc.category || gbt != tc.gbt || sei != tc.sei || digital != tc.digital {
			t.Errorf("Sectors(%q) = %s %s gbt=%q sei=%q digital=%q, want %s %s gbt=%q sei=%q digital=%q", tc.in,
				got.Name, got.Category, gbt, sei, digital, tc.name, tc.category, tc.gbt, tc.sei, tc.digital)
		}
	}
	// every code of the emerging table exists in its classification
	for n, r := range tables.emerging {
		for _, c := range r.codes.GBT4754 {
			if _, ok := tables.gbtCodes[c]; !ok {
				t.Errorf("emerging %s: GB/T code %s not in the table", n, c)
			}
		}
		for _, c := range r.codes.SEI {
			if !tables.seiCodes[c] {
				t.Errorf("emerging %s: SEI code %s not in the table", n, c)
			}
		}
		for _, c := range r.codes.Digital {
			if !tables.digitalCodes[c] {
				t.Errorf("emerging %s: digital code %s not in the table", n, c)
			}
		}
	}
	if len(tables.gbtCodes) != 1971 || len(tables.seiCodes) != 49 || len(tables.digitalCodes) != 37 {
		t.Errorf("tables: %d GB/T, %d SEI, %d digital codes, want 1971, 49, 37", len(tables.gbtCodes), len(tables.seiCodes), len(tables.digitalCodes))
	}
}

// emergingNotSectors are the mentions of a name of emerging.tsv in the 2025
// provincial reports that are not the name of an industry or field, with
// their sentence.
var emergingNotSectors = map[string]string{
	"湖北省/稀土": "铌稀土综合利用 (a research result)",
	// a metaphor, a network
	"青海省/集成电路": "做强农牧业“芯片” (seed stock)",
	"河南省/信创":   "推进全省信创云网建设 (a network)",
	// computing power as infrastructure or capacity
	"北京市/算力":  "开展国家数据基础设施和全国一体化算力网建设试点; 建成2个万卡智算集群",
	"吉林省/算力":  "超前布局建设数据基础设施，实现算力总规模翻番",
	"四川省/算力":  "算力基础设施加快建设，全省算力总规模达到15EFlops; 全省统一的算力调度服务平台",
	"山西省/算力":  "综合算力指数稳居全国第一方阵; 智算平台建成运行; 建设算力监测调度平台，打造全国算力高地",
	"广东省/算力":  "加快智算中心和数据基础设施建设",
	"河南省/算力":  "提升省算力调度服务平台功能，构建全省一体化算力网; 智算中心揭牌投运",
	"福建省/算力":  "升级全省一体化算力资源公共服务平台; 打造全省算力“一张网”",
	"西藏/算力":   "实施区域一体化算力网行动计划",
	"重庆市/算力":  "新型能源算力枢纽加快打造; 西部算力调度平台，新增算力2000P",
	"黑龙江省/算力": "大算力工程—中国移动哈尔滨万卡智算中心建成投用",
	// satellite navigation as an application or a technology
	"广西/北斗":  "推进北斗规模应用",
	"福建省/北斗": "入选全国北斗规模应用试点城市",
	"重庆市/北斗": "北斗规模应用试点城市; 培育“北斗星”“启明星”软件企业",
	"陕西省/北斗": "攻克北斗位置追踪、高柔性金属等700项关键技术",
	// power plants, projects, capacity and equipment
	"吉林省/新型储能": "全钒液流共享储能电站投入运行",
	"山东省/新型储能": "电化学储能项目并网; 压缩空气、电化学等储能项目; 千万千瓦级储能之都",
	"上海市/光伏":   "新增光伏装机122万千瓦",
	"山东省/光伏":   "光伏装机居全国首位",
	"西藏/光伏":    "开展绿电制氢、“光伏治沙”试点",
	"上海市/风电":   "推进蒙电入沪、深远海风电等重大项目",
	"陕西省/风电":   "陇县光伏风电配套…等苏陕协作项目",
	"青海省/风电":   "大型风电光伏基地项目; 200万千瓦风电全容量并网; 退役风电光伏设备",
	"浙江省/核电":   "金七门核电一期…开工建设; 积极推进三门核电三期项目",
	"福建省/核电":   "“华龙一号”核电基地并网发电; 漳州核电2—4号机组、宁德核电5号机组",
	"辽宁省/核电":   "加快推进徐大堡核电、庄河核电一期…等重点能源项目",
	// vehicles, zones, events, brands, products, actions
	"北京市/氢能":   "加快国际氢能示范区、能源谷建设 (a zone)",
	"湖北省/氢能":   "续航超千公里氢能重卡试产 (a vehicle)",
	"湖南省/氢能":   "三一集团氢能重卡 (a vehicle)",
	"广东省/动漫游戏": "办好中国国际影视动漫版权保护和贸易博览会 (an expo)",
	"河南省/文化创意": "塑造文旅文创新品牌 (brands)",
	"青海省/文化创意": "开发高品质文创产品 (products)",
	"山东省/康养":   "医养康养提质赋能等行动; 支持威海争创国际康养旅游试验区",
	"福建省/康养":   "持续擦亮“福见康养”品牌",
	"陕西省/电子商务": "扩大特色农产品电商消费 (a channel of consumption)",
	// the string spans a verb: 扩大 + 健康, 扩大 + 数据
	"云南省/大健康": "扩大健康、养老、托幼、家政、数字等服务消费",
	"山西省/大健康": "扩大健康、养老、托育等服务消费",
	"广西/大健康":  "扩大健康、养老、托幼、家政、数字等服务消费",
	"新疆/大健康":  "扩大健康、养老、托幼、家政、数字、文娱、体育等服务消费",
	"江苏省/大健康": "扩大健康、养老、育幼、家政等服务消费",
	"辽宁省/大健康": "积极扩大健康、养老、托育、家政等服务消费",
	"重庆市/大数据": "扩大数据流通和价值示范",
	"广西/光伏":   "新能源汽车、光伏电池、风力发电机组等产量成倍增长 (products' output)",
	// the system of trade and distribution, its pilots
	"云南省/商贸流通": "完善现代商贸流通体系",
	"四川省/商贸流通": "全国首批现代商贸流通体系试点城市",
	"宁夏/商贸流通":  "现代商贸流通体系建设试点",
	"江西省/商贸流通": "推进现代商贸流通体系试点",
	"湖南省/商贸流通": "开展现代商贸流通体系试点城市建设",
	"福建省/商贸流通": "入选全国首批现代商贸流通体系试点城市",
	"重庆市/商贸流通": "加快建设现代商贸流通体系",
}

// emergingKnownMisses is how many (report, name) pairs of emerging.tsv's
// docs column Sectors does not find (run with -v to list them), beyond
// the mentions of emergingNotSectors. A ratchet: keep it at 0.
const emergingKnownMisses = 0

// TestEmergingInProvinces checks that every name of emerging.tsv is found
// as a sector in the reports its docs column lists, when the shared texts
// are there.
func TestEmergingInProvinces(t *testing.T) {
	dir := filepath.FromSlash("../../shared/dev/provinces-2025/texts")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared provincial texts")
	}
	var rows [][]string
	tsvRows(emergingData, "emerging.tsv", 9, func(f []string) { rows = append(rows, slices.Clone(f)) })
	found := map[string][]string{} // doc → names found (normalised)
	missed := 0
	listed := map[string]bool{}
	for _, f := range rows {
		names := append([]string{f[0]}, splitCodes(f[1])...)
		for _, doc := range splitCodes(f[8]) {
			if emergingNotSectors[doc+"/"+f[0]] != "" {
				listed[doc+"/"+f[0]] = true
				continue
			}
			if found[doc] == nil {
				b, err := os.ReadFile(filepath.Join(dir, doc+".txt"))
				if err != nil {
					t.Fatal(err)
				}
				found[doc] = []string{}
				for _, s := range Sectors(string(b)) {
					found[doc] = append(found[doc], normSector(s.Name))
				}
			}
			// matched as the scorer matches: one name inside the other
			ok := false
			for _, n := range names {
				for _, g := range found[doc] {
					ok = ok || strings.Contains(g, normSector(n)) || strings.Contains(normSector(n), g) && len([]rune(g)) >= 2
				}
			}
			if !ok {
				missed++
				t.Logf("%s: %s not found as a sector", doc, f[0])
			}
		}
	}
	for k := range emergingNotSectors {
		if !listed[k] {
			t.Errorf("emergingNotSectors: %s is no (report, name) of emerging.tsv's docs column", k)
		}
	}
	if missed > emergingKnownMisses {
		t.Errorf("%d mentions of emerging names not found, more than the %d known", missed, emergingKnownMisses)
	}
}

// TestListHeads holds each list head's offset of 业 to its text.
func TestListHeads(t *testing.T) {
	for _, h := range listHeads {
		if k := strings.Index(h.head, "业"); k != h.ye {
			t.Errorf("listHeads %s: ye = %d, want %d", h.head, h.ye, k)
		}
	}
}
