package extract

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

//go:embed data/sectors.tsv
var sectorsData string

// Sector is an industry or economic field a text names, with where it is
// named. Occurrences are merged by the name without its 产业/行业/业 suffix
// (旅游产业 and 旅游业 are one sector); Name is the first wording seen.
type Sector struct {
	Name      string       `json:"name"`
	Category  string       `json:"category"`
	Codes     *SectorCodes `json:"codes,omitempty"` // nil where no official class holds it
	Count     int          `json:"count"`
	Positions []int        `json:"positions"` // byte offsets of each occurrence
}

// sectorTable is the parsed vocabulary, longest names first.
type sectorTable struct {
	names    []string
	category map[string]string
	byFirst  hanset.Index[string]
	pairs    hanset.Pairs // the first two runes of every name
	other    []string     // names that do not start with two ideographs (6G), searched apart
}

var loadSectors = sync.OnceValue(parseSectors)

// parseSectors reads the embedded sector vocabulary.
func parseSectors() *sectorTable {
	t := &sectorTable{category: map[string]string{}}
	for _, line := range strings.Split(sectorsData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		name, cat, ok := strings.Cut(line, "\t")
		if !ok {
			panic("extract: bad line in data/sectors.tsv: " + line)
		}
		t.names = append(t.names, name)
		t.category[name] = cat
	}
	// the emerging-industry names of the 2025 reports and their aliases
	ind := loadIndustries()
	for _, n := range ind.emergingNames {
		if _, ok := t.category[n]; ok || listOnlySectors[n] {
			continue
		}
		if !hanPair(n) {
			t.other = append(t.other, n) // 6G: its pair would slow the scan of every text
			t.category[n] = ind.emerging[n].category
			continue
		}
		t.names = append(t.names, n)
		t.category[n] = ind.emerging[n].category
	}
	sort.SliceStable(t.names, func(i, j int) bool { return len(t.names[i]) > len(t.names[j]) })
	for _, n := range t.names {
		r, size := hanset.DecodeRune(n)
		r2, size2 := hanset.DecodeRune(n[size:])
		if size2 == 0 {
			panic("extract: a name of one character in data/sectors.tsv: " + n)
		}
		t.byFirst.Add(r, n)
		t.pairs.Add(r, r2)
	}
	return t
}

// hanPair reports a name whose first two characters are ideographs.
func hanPair(n string) bool {
	r, size := hanset.DecodeRune(n)
	r2, _ := hanset.DecodeRune(n[size:])
	return isHanRune(r) && isHanRune(r2)
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.'
}

// sectorStop lists heads of X产业 that name no field: 优势产业, 重点产业,
// 现代产业体系, 省级产业集聚区.
var sectorStop = []string{"优势", "重点", "主导", "支柱", "特色", "相关", "本地", "各类", "其他", "现代", "首位",
	"龙头", "上下游", "省级", "重大", "低效", "富民", "创新", "创新型", "高精尖", "接续替代", "中国",
	"战略性", "先导", "不同", "细分", "民生", "世界", "适港", "新兴", "前沿", "基础", "关键", "核心", "辅助", "相关联", "传统优势", "高附加值", "市级", "县级", "国家级", "新型", "实体", "地方", "区域", "全", "各", "本", "好", "大",
	"新", "该", "这些", "这个", "有关", "相应", "整个", "主要", "关联", "下游", "上游", "多元", "新业态"}

// sectorStopSet is sectorStop as a set.
var sectorStopSet = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(sectorStop))
	for _, w := range sectorStop {
		m[w] = true
	}
	return m
})

// sectorVerbs are the words cut off the front of an X产业 head:
// 大力发展新能源产业 → 新能源产业.
var sectorVerbs = hanset.NewWords(sectorVerbList...)

// sectorVerbList are the words of sectorVerbs.
var sectorVerbList = []string{"发展", "培育", "壮大", "推进", "推动", "加快", "引进", "打造", "做大", "做强", "做优", "提升", "围绕",
	"重点", "大力", "积极", "着力", "支持", "扶持", "优化", "招引", "聚焦", "布局", "抓好", "延伸", "形成", "构建", "建设",
	"实施", "实行", "突出", "主攻", "其中", "全市", "全县", "全州", "全省", "全区", "我市", "我县", "我州", "一批", "一些", "以",
	"拓展", "瞄准", "加大", "依托", "立足", "振兴", "改造", "升级", "培植", "做精", "集聚", "引导", "鼓励", "促进",
	"分析", "构筑", "开展", "承接", "编制", "调整", "成立", "进行", "带动", "转变", "有效", "搞好", "支撑", "对接",
	"规划", "谋划", "聚集", "研究", "发挥", "结合", "根据", "按照", "一批", "不少", "推动", "服务于",
	"融入", "用好", "用活", "整合", "确保", "荣获", "获评", "提供", "制定", "取缔", "查处", "推广", "加强", "深化", "完善",
	"保障", "强化", "力争", "争创", "创建", "入选", "获得", "实现", "通过", "利用", "借助", "坚持", "聚力", "赋能", "带来",
	"着眼", "健全", "打好", "举办", "召开了", "注重", "引领", "更加", "蓄足", "扩大", "大抓", "紧扣", "提高", "落实", "出台", "设立", "打通", "盘活", "处置", "召开", "填补", "稳居",
	"携手", "帮扶", "抓实", "抓住", "把握", "发力", "聚焦于", "推行", "探索", "深耕", "补齐", "锻造", "夯实", "厚植",
	"梳理", "谋求", "形成了", "成为", "作为", "属于", "包括", "涵盖", "涉及", "吸引", "换", "聚", "促", "抓"}

// verbEnds holds the last characters of sectorVerbs, a cheap test before
// afterVerb: 深化工业 (化 ends 深化).
var verbEnds = func() *hanset.Set {
	var b strings.Builder
	for _, w := range sectorVerbList {
		r, _ := hanset.DecodeLastRune(w)
		b.WriteRune(r)
	}
	return hanset.New(b.String())
}()

// sectorNoise marks an X产业 head that is a phrase, not a name.
var sectorNoise = hanset.NewWords("受", "国家", "中长期", "符合", "政策", "加之", "地区", "其他", "国内", "国外", "级", "我们", "他们", "这", "那", "可以", "努力", "坚决", "认真", "宏观", "整体")

// sectorNotAfter are the words after an unknown X产业 that make X a place or
// a firm, not a field: 国投产业园, 川渝产业合作, 京津冀产业协同.
var sectorNotAfter = hanset.NewWords("园", "基地", "合作", "协作", "协同", "联盟", "对接", "转移", "基金", "图谱")

func firstRune(s string) rune {
	r, _ := hanset.DecodeRune(s)
	return r
}

// sectorBoundary holds the characters that end the head of an X产业, and
// sectorNotFirst the function and measure words that never start a name.
var sectorBoundary, sectorNotFirst = hanset.NewRunes("的和与及或是在把对为向从了等将要被让由按于到个各、，。；：！？“”（）《》 \n"), hanset.NewRunes("及其项个类并或与和且更")

// SectorNames returns the sector vocabulary (data/sectors.tsv), longest
// names first, for a segmenter's dictionary.
func SectorNames() []string { return append([]string(nil), loadSectors().names...) }

// Sectors finds the industries and fields a clean text names.
func Sectors(text string) []Sector {
	return sectorsOf(text, pairSource{p: &loadSectors().pairs}, search("业"), search("经济"))
}

// Sectors finds the industries and fields the document names, as Sectors
// does, reading the pairs its names begin with from the document's one
// scan for them.
func (d *Doc) Sectors() []Sector {
	return sectorsOf(d.Text, d.pairs(sectorPairs, &loadSectors().pairs), d.char("业"), d.word(economyPairsHits, "经济"))
}

// sectorsOf is Sectors reading the pairs of the names' first runes from
// src, and where 业 and 经济 stand from ye and economy.
func sectorsOf(text string, src pairSource, ye, economy wordSource) []Sector {
	t := loadSectors()
	found := map[string]*Sector{}
	var order []string
	var spans [][2]int // the occurrences found, so lists do not count them again
	covered := func(start, end int) bool {
		for _, sp := range spans {
			if start < sp[1] && sp[0] < end {
				return true
			}
		}
		return false
	}
	add := func(name string, pos int) {
		spans = append(spans, [2]int{pos, pos + len(name)})
		key := normSector(name)
		s, ok := found[key]
		if !ok {
			codes := sectorCodes(name)
			s = &Sector{Name: name, Category: sectorCategory(t, name, codes), Codes: codes}
			found[key] = s
			order = append(order, key)
		} else if pos < s.Positions[0] {
			s.Name = name // the first wording in the text names the sector
		}
		s.Count++
		s.Positions = append(s.Positions, pos)
	}
	var pending [][2]int // names found late, added after the lists
	// Names do not overlap: scanning goes on after the end of each.
	for i := 0; ; {
		k, r, _ := src.next(text, i)
		if k < 0 {
			break
		}
		i = k
		if end, ok, late := t.match(text, i, r); ok {
			// a bare name of two characters joined to the name before it
			// makes one name with it: 元宇宙文创
			if r2, size2 := hanset.DecodeRune(text[end:]); !late && t.pairs.Has(r2, firstRune(text[end+size2:])) {
				if _, short := t.category[text[end:min(len(text), end+2*size2)]]; short && size2 == 3 {
					if e2, ok, _ := t.match(text, end, r2); ok {
						end = e2
					}
				}
			}
			if late {
				pending = append(pending, [2]int{i, end})
			} else {
				add(text[i:end], i)
			}
			i = end
			continue
		}
		_, size := hanset.DecodeRune(text[i:])
		i += size
	}
	for _, n := range t.other {
		for off := 0; ; {
			k := strings.Index(text[off:], n)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(n)
			before, _ := hanset.DecodeLastRune(text[:at])
			after, _ := hanset.DecodeRune(text[off:])
			if !isASCIIAlnum(before) && !isASCIIAlnum(after) && !covered(at, off) {
				add(n, at) // 6G, not 16G or 6GB
			}
		}
	}
	// the productive pattern X产业 (and X行业): both end in 业, found in
	// one search, then read 产业 first
	suffixes := [...]string{"产业", "行业"}
	var at [len(suffixes)][]int
	var yes []int // every 业, for the lists' heads
	for off := 0; ; {
		k := ye.next(text, off)
		if k < 0 {
			break
		}
		yes = append(yes, k)
		off = k + len("业")
		for n, suf := range suffixes {
			if strings.HasSuffix(text[:off], suf) {
				at[n] = append(at[n], off-len(suf))
			}
		}
	}
	for n, suf := range suffixes {
		for _, k := range at[n] {
			off := k + len(suf)
			head := sectorHead(text[:k])
			if head == "" {
				continue
			}
			start := k - len(head)
			if _, known := found[normSector(head+suf)]; known {
				add(text[start:off], start) // another wording of a sector found: 旅游产业 and 旅游业
				continue
			}
			if t.endsWithName(head) || t.endsWithName(head+suf) {
				continue // counted by the vocabulary: 运城正威新材料产业, 不少传统产业
			}
			if sectorNotAfter.HasPrefix(text[off:], firstRune(text[off:])) {
				continue // 国投产业园, 川渝产业合作: a park, a partnership
			}
			add(text[start:off], start)
		}
	}
	// X经济 as a field (地摊经济, 首店经济), not a place's or an owner's
	// economy (县域经济, 民营经济)
	for off := 0; ; {
		k := economy.next(text, off)
		if k < 0 {
			break
		}
		off = k + len("经济")
		if r, _ := hanset.DecodeRune(text[off:]); isHanRune(r) && !strings.HasPrefix(text[off:], "发展") {
			continue // 经济社会, 经济运行: the economy as a whole
		}
		head := sectorHead(text[:k])
		if head == "" || economyNotField(head) || covered(k-len(head), off) {
			continue
		}
		add(text[k-len(head):off], k-len(head))
	}
	// coordinated lists: 食品、纺织、机械等产业 → 食品产业, 纺织产业, 机械产业
	for _, m := range sectorLists(text, yes) {
		if !covered(m.start, m.end) {
			add(m.name, m.start)
			spans[len(spans)-1][1] = m.end // the name may be longer than the text: 食品 → 食品产业
		}
	}
	for _, p := range pending {
		if !covered(p[0], p[1]) {
			add(text[p[0]:p[1]], p[0])
		}
	}
	out := make([]Sector, 0, len(order))
	for _, k := range order {
		s := found[k]
		sort.Ints(s.Positions)
		out = append(out, *s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Positions[0] < out[j].Positions[0] })
	return out
}

// match finds a vocabulary name at i. A name of two characters counts only
// where the text treats it as a field: before 产业/业/行业/领域/等, in a
// list (、 和 及 与 before or after), not inside a longer word (工业园区).
// late reports a name of two characters found as the end of a list member
// after other characters (森林康养等新业态, 国防科技工业、文化旅游): it is
// added after the lists, which name the whole member where they can.
func (t *sectorTable) match(text string, i int, r rune) (end int, ok, late bool) {
	for _, n := range t.byFirst.At(r) {
		if !strings.HasPrefix(text[i:], n) {
			continue
		}
		end := i + len(n)
		if strings.HasPrefix(text[end:], "化") && utf8.RuneCountInString(n) > 2 {
			continue // 新型工业化, 产业数字化: a process, not a field
		}
		if p, _ := hanset.DecodeLastRune(text[:i]); verbEnds.Has(r) && isHanRune(p) && afterVerb(text[:i+utf8.RuneLen(r)]) && !afterVerb(text[:i]) {
			continue // 深化工业, 提高科技: the first character ends a verb (but 做强化工)
		}
		if utf8.RuneCountInString(n) > 2 && !listOnlySectors[n] {
			for _, suf := range []string{"产业", "行业"} {
				if strings.HasPrefix(text[end:], suf) && !strings.HasSuffix(n, "业") {
					return end + len(suf), true, false // 新能源汽车产业
				}
			}
			return end, true, false
		}
		next, _ := hanset.DecodeRune(text[end:])
		prev, _ := hanset.DecodeLastRune(text[:i])
		rest := text[end:]
		if listOnlySectors[n] {
			if t.nextToName(text[:i], rest) {
				return end, true, false
			}
			continue
		}
		listEnd := strings.ContainsRune("、和及与等，。；", next)
		switch {
		case strings.HasPrefix(rest, "产业"):
			return end + len("产业"), true, false
		case strings.HasPrefix(rest, "行业"):
			return end + len("行业"), true, false
		case next == '业' && !strings.HasSuffix(n, "业") && !strings.HasPrefix(rest, "业务"):
			return end + len("业"), true, false // 纺织业
		case strings.HasPrefix(rest, "领域") ||
			listEnd && (!isHanRune(prev) || afterVerb(text[:i]) || afterVerbKind(text[:i])) && !otherList(rest) ||
			(prev == '、' || prev == '和' || prev == '及') && !thingAfter(rest) && !otherList(rest) || fieldAfter(n, rest):
			return end, true, false
		}
		// a name that ends a list member: 锂电新能源、 (two names make
		// one), 硅光伏、新能源电池 (a name after the 、), 旅居康养等“跨界消费”
		if l := t.nameAt(rest); l > 0 && strings.ContainsRune("、和及与等，。；", firstRune(rest[l:])) && !otherList(rest[l:]) {
			return end + l, true, true
		}
		if next == '、' && (fieldList(rest) || t.nameAt(rest[len("、"):]) > 0 && !otherList(rest)) || listMemberEnd(text[:i], rest) {
			return end, true, true
		}
	}
	return 0, false, false
}

// economyNotHeads are the X of X经济 that make a place's, an owner's or a
// kind of the whole economy, not a field (shared/data/industries README).
var economyNotHeads = hanset.NewWords("县域", "民营", "开放型", "实体", "飞地", "临空", "枢纽", "园区", "口岸", "楼宇", "宏观",
	"国民", "区域", "城市", "集体", "市场", "公有制", "私营", "个体", "社会", "外向型", "乡村", "镇域", "全市", "全省", "全县",
	"全区", "全州", "地区", "主体", "现代化", "农村", "城乡", "工业", "农业", "服务", "国内", "世界", "全球", "地方", "整体",
	"流域", "沿海", "沿江", "沿边", "湾区", "都市圈", "高质量", "绿色低碳", "外向", "非公", "混合所有制", "规模", "存量", "增量",
	"拼", "激发", "增添", "统筹", "我", "助推", "拉动", "带动", "支撑", "振兴", "国家", "本地", "当地", "法治", "信用", "产业", "资源", "发展", "壮大", "稳", "提振", "繁荣", "活跃",
	"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东",
	"河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆")

func economyNotField(head string) bool {
	return utf8.RuneCountInString(head) > 4 || economyNotHeads.In(head) || strings.ContainsAny(head, "省市县区州镇乡村")
}

// thingAfter reports a noun after a name of two characters that makes the
// whole the name of a thing: 商贸城, 金融学院, 金融资金, 汽车展销会.
func thingAfter(rest string) bool {
	r, _ := hanset.DecodeRune(rest)
	if strings.ContainsRune("城街院校馆店", r) {
		return true
	}
	for _, w := range []string{"资金", "展销", "机构", "大街", "学院", "工具"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// fieldAfterWords follow a name of two characters that the text treats
// as a field: 氢能全产业链, 光伏集群, 康养新业态, 文旅新热点.
var fieldAfterWords = []string{"全产业链", "集群", "新业态", "新赛道", "新热点"}

// facilityNames are names that before 集群 name machines, not firms: 万卡智算集群.
var facilityNames = map[string]bool{"算力": true, "智算": true}

// fieldAfter reports rest starting with one of fieldAfterWords.
func fieldAfter(name, rest string) bool {
	for _, w := range fieldAfterWords {
		if strings.HasPrefix(rest, w) {
			return w != "集群" || !facilityNames[name]
		}
	}
	return false
}

// listMemberEnd reports a name that ends a member of a coordinated list
// the text closes as a list of fields (before is the text before the name,
// rest the text after it):
//   - a list closed by 等 and a head (核电等领域), or a 、-list closed by 等
//     (体育赛事、旅居康养等): the name is the last member;
//   - a name before 、/和/及/与 and more members up to 等 or a head of
//     listHeads (光伏和新型储能产业集群, 旅游康养、数字演艺等).
//
// A member is two to ten Han runes; the members before a head hold no verb
// of sectorVerbs.
func listMemberEnd(before, rest string) bool {
	r, size := hanset.DecodeRune(rest)
	switch r {
	case '等':
		if _, head := listHead(rest[size:]); head {
			return false // sectorLists names the whole member: 跨境金融等特色产业
		}
		if fieldList(rest) {
			return true
		}
		if !fieldsAfter(rest[size:]) {
			return false
		}
		for n, s := 0, before; n < 30 && s != ""; n++ {
			q, qsize := hanset.DecodeLastRune(s)
			if q == '、' {
				return true
			}
			if !isHanRune(q) || q == '的' {
				return false
			}
			s = s[:len(s)-qsize]
		}
		return false
	case '、', '和', '及', '与':
	default:
		return false
	}
	member := 0 // runes of the current member
	for i, n := size, 0; i < len(rest) && n < 40; n++ {
		q, qsize := hanset.DecodeRune(rest[i:])
		switch {
		case q == '等' && member >= 2:
			_, head := listHead(rest[i+qsize:])
			return !head && fieldsAfter(rest[i+qsize:])
		case q == '、' || q == '和' || q == '及' || q == '与':
			if member < 2 {
				return false
			}
			member = 0
		case !isHanRune(q) || q == '的' || member > 10:
			return false
		default:
			if member >= 2 {
				for _, h := range listHeads {
					if h.inherit != "" && strings.HasPrefix(rest[i:], h.head) {
						after := rest[i+len(h.head):]
						return sectorVerbs.LastEnd(rest[size:i]) <= 0 && !sectorNotAfter.HasPrefix(after, firstRune(after))
					}
				}
			}
			member++
		}
		i += qsize
	}
	return false
}

// listFieldHeads close a list of fields after 等 (and a few words): 等新业态,
// 等优质产品, 等“跨界消费”. A list closed otherwise names firms, means,
// events or projects as often as fields: 华润医药等增资扩产, 商务会展、经贸洽谈等平台,
// 徐大堡核电、庄河核电一期等重点能源项目.
var listFieldHeads = []string{"领域", "业态", "产业", "行业", "产品", "规模", "消费", "创作", "赛道", "增长点", "引擎", "集群", "场景", "融合", "清洁能源", "方向"}

// fieldsAfter reports one of listFieldHeads in the few runes after a list's
// 等, or after a 的 in its clause (等满足游客需求的业态).
func fieldsAfter(s string) bool {
	n := 0
	for i, r := range s {
		if !isHanRune(r) && r != '“' || n > 20 {
			break
		}
		if n <= 6 || strings.HasSuffix(s[:i], "的") {
			for _, w := range listFieldHeads {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		n++
	}
	return false
}

// afterVerb reports s ending in one of sectorVerbs: 推动氢能、 → 推动.
func afterVerb(s string) bool {
	s = s[max(0, len(s)-12):]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[1:]
	}
	return sectorVerbs.LastEnd(s) == len(s)
}

// listOnlySectors are names that count only in a 、-list next to another
// name, being more often a thing than an industry: 钒钛稀土、基础设施、新能源,
// not 基础设施建设 or 社会治理和基础设施.
var listOnlySectors = map[string]bool{"基础设施": true}

// fieldList reports a list that the text closes as a list of fields:
// 矿冶、电力等行业.
func fieldList(rest string) bool {
	rest = rest[:min(len(rest), 60)]
	k := strings.Index(rest, "等")
	if k < 0 {
		return false
	}
	after := rest[k+len("等"):]
	_, head := listHead(after)
	return head || strings.HasPrefix(after, "领域") || strings.HasPrefix(after, "多个领域") || strings.HasPrefix(after, "新型基础设施")
}

// nextToName reports a 、 between a vocabulary name and the text before
// or after it (before and rest).
func (t *sectorTable) nextToName(before, rest string) bool {
	if s, ok := strings.CutPrefix(rest, "、"); ok && t.nameAt(s) > 0 {
		return true
	}
	s, ok := strings.CutSuffix(before, "、")
	return ok && t.endsWithName(s)
}

// nameAt returns the length of the longest vocabulary name s starts with,
// or 0.
func (t *sectorTable) nameAt(s string) int {
	r, size := hanset.DecodeRune(s)
	if size == len(s) || !t.pairs.Has(r, firstRune(s[size:])) {
		return 0
	}
	for _, n := range t.byFirst.At(r) { // longest first
		if strings.HasPrefix(s, n) && !listOnlySectors[n] {
			return len(n)
		}
	}
	return 0
}

// otherList reports a list ahead in the clause that 等 closes with a head
// that is no field: 商贸会展、经贸洽谈等平台, 充电桩、储能等设施.
func otherList(rest string) bool {
	for i, n := 0, 0; i < len(rest) && n < 40; n++ {
		r, size := hanset.DecodeRune(rest[i:])
		if r == '等' {
			after := rest[i+size:]
			_, head := listHead(after)
			return isHanRune(firstRune(after)) && !head && !fieldsAfter(after)
		}
		if strings.ContainsRune(listClauseMarks, r) {
			return false
		}
		i += size
	}
	return false
}

// afterVerbKind reports s ending in a verb and a kind ending in 式: 发展分布式
// (光伏), 建设分散式 (风电).
func afterVerbKind(s string) bool {
	for n := 0; n < 3 && s != ""; n++ {
		r, size := hanset.DecodeLastRune(s)
		if !isHanRune(r) || n == 0 && r != '式' {
			return false
		}
		s = s[:len(s)-size]
		if n > 0 && afterVerb(s) {
			return true
		}
	}
	return false
}

// endsWithName reports a vocabulary name at the end of s.
func (t *sectorTable) endsWithName(s string) bool {
	for _, n := range t.names {
		if strings.HasSuffix(s, n) {
			return true
		}
	}
	return false
}

// sectorHead returns the head X of an X产业 that ends s, or "".
func sectorHead(s string) string {
	start := len(s)
	for start > 0 {
		r, size := hanset.DecodeLastRune(s[:start])
		if !isHanRune(r) || sectorBoundary.Has(r) {
			break
		}
		start -= size
		if len(s)-start > 30 {
			return ""
		}
	}
	head := s[start:]
	// cut after the last verb: 坚决推进传统 → 传统, 承接东部地区 → 东部地区
	head = head[max(sectorVerbs.LastEnd(head), 0):]
	// function words and measure words never start a name: 及科技, 其发酵制品, 项细分
	for head != "" {
		r, size := hanset.DecodeRune(head)
		if !sectorNotFirst.Has(r) {
			break
		}
		head = head[size:]
	}
	if sectorNoise.In(head) || strings.HasSuffix(head, "化") && utf8.RuneCountInString(head) > 2 {
		return "" // 现代化产业体系
	}
	if r, _ := hanset.DecodeRune(head); isNumeralRune(r) {
		return "" // 四大产业, 十大工业产业集群
	}
	for _, r := range head {
		if isNumeralRune(r) || r >= '0' && r <= '9' {
			return "" // 茶叶三大产业: the count that ends a list
		}
	}
	n := utf8.RuneCountInString(head)
	if n < 2 || n > 8 {
		return ""
	}
	stop := sectorStopSet()
	if stop[head] {
		return ""
	}
	for i := range head {
		if i > 0 && len(head)-i > 3 && stop[head[i:]] {
			return "" // 特色优势产业, 成支柱产业: a stop word of two or more runes ends it
		}
	}
	if strings.HasSuffix(head, "全") {
		return "" // 提高全产业链
	}
	if strings.HasSuffix(head, "区") || strings.HasPrefix(head, "沿") {
		return "" // 高新区产业, 沿江产业: a place's industries
	}
	return head
}

// longestIn returns the longest substring of name (of two or more runes)
// that has, or "": a few map lookups for a short name, instead of a scan of
// a whole table.
func longestIn(name string, has func(string) bool) string {
	var starts []int
	for i := range name {
		starts = append(starts, i)
	}
	starts = append(starts, len(name))
	for n := len(starts) - 1; n >= 2; n-- { // n runes, longest first
		for i := 0; i+n < len(starts); i++ {
			if w := name[starts[i]:starts[i+n]]; has(w) {
				return w
			}
		}
	}
	return ""
}

// normSector strips quotes and a trailing 产业/行业/业 for merging.
func normSector(s string) string {
	for _, suf := range []string{"产业", "行业", "业"} {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf)+1 {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// sectorCategory gives the vocabulary's category, else the category of the
// longest vocabulary name inside it, else one from its words.
func sectorCategory(t *sectorTable, name string, codes *SectorCodes) string {
	if c, ok := t.category[name]; ok {
		return c
	}
	if c, ok := t.category[normSector(name)]; ok {
		return c
	}
	if c := codesCategory(codes); c != "" {
		return c
	}
	if n := longestIn(name, func(w string) bool { _, ok := t.category[w]; return ok }); n != "" {
		return t.category[n]
	}
	if c := gbtSector3(name); c != "" {
		return c
	}
	switch {
	case strings.ContainsAny(name, "农林牧渔果蔬茶牛羊猪禽鹿参薯莓粮菌稻麦"):
		return "primary"
	case strings.Contains(name, "制造") || strings.Contains(name, "加工") || strings.ContainsAny(name, "矿冶钢化"):
		return "secondary"
	case strings.Contains(name, "服务") || strings.ContainsAny(name, "旅商贸融养育托游"):
		return "tertiary"
	case strings.ContainsAny(name, "纺材电装造建"):
		return "secondary"
	case strings.HasSuffix(name, "经济"):
		return "new-economy" // an open X经济: 地摊经济
	case strings.Contains(name, "软件") || strings.Contains(name, "信息") || strings.Contains(name, "数字") || strings.Contains(name, "卫星"):
		return "it"
	case strings.Contains(name, "细胞") || strings.Contains(name, "疫苗") || strings.Contains(name, "医") || strings.Contains(name, "健康"):
		return "bio"
	case strings.Contains(name, "演艺") || strings.Contains(name, "影视") || strings.Contains(name, "艺术") || strings.Contains(name, "动漫"):
		return "creative"
	case strings.ContainsAny(name, "乳奶玉米草"):
		return "primary"
	case strings.Contains(name, "能源"):
		return "energy"
	case strings.Contains(name, "交通") || strings.Contains(name, "管理") || strings.Contains(name, "交易"):
		return "tertiary"
	}
	return "other"
}
