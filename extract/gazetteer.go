package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
	"github.com/policyfacts/policyfacts/internal/scratch"
)

//go:embed data/gazetteer.tsv
var gazetteerData string

// AdminLevel is the level of an administrative division.
type AdminLevel uint8

// Division levels.
const (
	Province   AdminLevel = 1 // 省, 自治区, 直辖市
	Prefecture AdminLevel = 2 // 地级市, 自治州, 地区, 盟
	County     AdminLevel = 3 // 县, 县级市, 市辖区, 旗
)

// Place is an administrative division of the gazetteer.
type Place struct {
	Code   string // GB/T 2260 code
	Name   string // the official name: 凉山彝族自治州
	Short  string // the name without its level suffix: 凉山
	Region string // the name as results give it, with its level suffix: 凉山州
	Level  AdminLevel
	Parent string // code of the division above, "" for provinces
}

// Gazetteer finds place names in text. It is immutable and safe for
// concurrent use.
type Gazetteer struct {
	places []Place
	byCode map[string]int
	names  hanset.Index[gazName] // by first rune; then by second rune, longest first
	pairs  hanset.Pairs          // the first two runes of every name
	found  scratch.Pool[Mention] // Mentions' buffers
	// docSweep finds in one pass what the document model reads
	// (Doc.pairHits, Doc.charHits): the pairs of these names, sector
	// names, numbered formulas, self words, 经济, 目标 and the binder's
	// words, sweepChars, where figures may start and where sentences may
	// end
	docSweep func() *hanset.Sweep
}

type gazName struct {
	text   string
	second rune // the name's second rune (every name has two or more)
	place  int
	short  bool
}

// ethnicGroups lists the names that stand between a place name and
// 自治州/自治县/自治旗 (凉山彝族自治州 → 凉山).
var ethnicGroups = []string{
	"哈尼族", "彝族", "藏族", "苗族", "侗族", "土家族", "布依族", "壮族", "傣族", "景颇族", "白族", "傈僳族", "回族",
	"蒙古族", "朝鲜族", "哈萨克族", "柯尔克孜族", "羌族", "黎族", "畲族", "瑶族", "满族", "达斡尔族", "鄂温克族",
	"鄂伦春族", "仫佬族", "毛南族", "仡佬族", "水族", "纳西族", "拉祜族", "佤族", "普米族", "怒族", "独龙族",
	"基诺族", "德昂族", "阿昌族", "布朗族", "撒拉族", "东乡族", "保安族", "裕固族", "土族", "锡伯族", "塔吉克族",
	"维吾尔族", "维吾尔", "各族",
}

// shortStop lists short names that are ordinary words in speeches, so a
// bare mention of them is not taken for the place (合作 for 合作市, 新兴 for
// 新兴县, 朝阳 for 朝阳区).
var shortStop = map[string]bool{
	"合作": true, "新兴": true, "兴业": true, "朝阳": true, "和平": true, "新华": true, "长安": true, "城关": true,
	"开发": true, "高新": true, "城中": true, "城北": true, "城东": true, "城西": true, "城南": true, "中山": true,
	"江北": true, "江南": true, "河东": true, "河西": true, "新城": true, "南山": true, "东山": true, "西山": true,
	"北山": true, "白云": true, "青山": true, "永安": true, "太平": true, "市中": true, "红旗": true, "胜利": true,
	"光明": true, "金山": true, "向阳": true, "前进": true, "东风": true, "铁西": true, "铁东": true, "平安": true,
	"东方": true, "共和": true, "同心": true, "富民": true, "安宁": true, "大方": true, "互助": true, "安定": true,
	"宁安": true, "永定": true, "清河": true, "新市": true, "城区": true, "郊区": true, "矿区": true, "新区": true,
	"大同": true, "开放": true, "安全": true, "文明": true, "和谐": true, "团结": true, "民主": true, "龙华": true,
	"海南": true, "河南": true, "江东": true, "山南": true, "山东": true, "南部": true, "宝山": true, "普陀": true,
	"阳明": true, "建华": true, "红星": true, "振兴": true, "新民": true, "长春": true, "永和": true, "吉安": true,
	"全州": true, "全椒": true, "丰泽": true, "惠民": true, "利民": true, "中原": true, "华容": true, "宁国": true, "临江": true, "龙湖": true, "增城": true, "新建": true, "平原": true, "开平": true,
}

// regionSuffixes maps an official suffix to the suffix results keep.
var regionSuffixes = []struct{ suffix, keep string }{
	{"特别行政区", ""}, {"自治区", "自治区"}, {"自治州", "州"}, {"自治县", "县"}, {"自治旗", "旗"},
	{"地区", "地区"}, {"林区", "林区"}, {"新区", "新区"}, {"省", "省"}, {"市", "市"}, {"州", "州"},
	{"县", "县"}, {"区", "区"}, {"盟", "盟"}, {"旗", "旗"},
}

// shortName strips the level suffix (and the ethnic groups of an
// autonomous division) from an official name.
func shortName(name string) (short, keep string) {
	for _, s := range regionSuffixes {
		if strings.HasSuffix(name, s.suffix) && len(name) > len(s.suffix) {
			base := strings.TrimSuffix(name, s.suffix)
			if strings.HasPrefix(s.suffix, "自治") {
				for changed := true; changed; {
					changed = false
					for _, e := range ethnicGroups {
						if strings.HasSuffix(base, e) && len(base) > len(e) {
							base = strings.TrimSuffix(base, e)
							changed = true
						}
					}
				}
				if s.suffix == "自治区" {
					return base, name
				}
			}
			return base, base + s.keep
		}
	}
	return name, name
}

var loadGazetteer = sync.OnceValue(parseGazetteer)

// parseGazetteer reads the embedded gazetteer.
func parseGazetteer() *Gazetteer {
	n := strings.Count(gazetteerData, "\n") + 1
	g := &Gazetteer{byCode: make(map[string]int, n), places: make([]Place, 0, n)}
	var f [4]string
	for data := gazetteerData; data != ""; {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if cutFields(line, '\t', f[:]) != len(f) {
			panic("extract: bad line in data/gazetteer.tsv: " + line)
		}
		short, region := shortName(f[1])
		p := Place{Code: f[0], Name: f[1], Short: short, Region: region, Level: AdminLevel(f[2][0] - '0'), Parent: f[3]}
		g.byCode[p.Code] = len(g.places)
		g.places = append(g.places, p)
	}
	// every name, then ordered by first rune, second rune, longest first
	// (then in the order added) by a sort of keys that say all four, and
	// handed to the index one list per first rune
	names := make([]gazName, 0, 3*len(g.places))
	var keys []uint64 // first rune (21 bits), second (21), 63 - length (6), number (16)
	add := func(text string, i int, short bool) {
		r, size := hanset.DecodeRune(text)
		r2, _ := hanset.DecodeRune(text[size:])
		keys = append(keys, uint64(r)<<43|uint64(r2)<<22|uint64(63-min(len(text), 63))<<16|uint64(len(names)))
		names = append(names, gazName{text, r2, i, short})
		g.pairs.Add(r, r2)
	}
	for i, p := range g.places {
		add(p.Name, i, false)
		if p.Short != p.Name && utf8.RuneCountInString(p.Short) >= 2 && !shortStop[p.Short] {
			add(p.Short, i, true)
		}
		if p.Region != p.Name && p.Region != p.Short {
			add(p.Region, i, false)
		}
	}
	if len(names) >= 1<<16 {
		panic("extract: the gazetteer has more names than its sort keys number")
	}
	slices.Sort(keys)
	list := make([]gazName, len(names))
	for i, k := range keys {
		list[i] = names[k&(1<<16-1)]
	}
	for i := 0; i < len(keys); {
		first := rune(keys[i] >> 43)
		j := i + 1
		for j < len(keys) && rune(keys[j]>>43) == first {
			j++
		}
		g.names.Set(first, list[i:j:j])
		i = j
	}
	g.docSweep = sync.OnceValue(func() *hanset.Sweep {
		return hanset.NewSweep(sweepChars, []*hanset.Runes{scanStarts, sentenceEndSet}, &g.pairs, &loadSectors().pairs, numberedPairs, selfPairs, economyPairs, targetPairs, &binderFinder.pairs)
	})
	return g
}

// DefaultGazetteer returns the embedded gazetteer, loaded on first use.
func DefaultGazetteer() *Gazetteer { return loadGazetteer() }

// LoadTables reads the embedded tables the recognisers read a document
// with (the sector vocabulary and the industry classifications, the area
// codes, the buzzwords and ordinary quoted words of slogans), if they are
// not read yet. Each is read on first use anyway; a program calls this in
// the background as it starts, so that its first document does not wait
// for them. It is safe to call from several goroutines.
func LoadTables() {
	loadSectors()
	loadIndustries()
	loadAreaCodes()
	loadBuzzwords()
	loadOrdinaryQuoted()
}

// Mention is a place name found in text.
type Mention struct {
	Start, End int
	Place      Place
	Short      bool // the name was written without its level suffix
}

// Mentions finds place names in text, longest first, without overlaps. A
// short name that is the same for several places is reported for each.
func (g *Gazetteer) Mentions(text string) []Mention {
	return g.mentions(text, pairSource{p: &g.pairs})
}

// mentions is Mentions reading the pairs of the names' first runes from
// src.
func (g *Gazetteer) mentions(text string, src pairSource) []Mention {
	return g.found.Collect(func(buf []Mention) []Mention { return g.appendMentions(buf, text, src) })
}

// appendMentions appends the Mentions of text to out.
func (g *Gazetteer) appendMentions(out []Mention, text string, src pairSource) []Mention {
	for i := 0; ; {
		// the pairs rule out most places before the names are read
		k, r, r2 := src.next(text, i)
		if k < 0 {
			return out
		}
		i = k
		// the names whose first two runes are the text's
		cands := g.names.At(r)
		lo := sort.Search(len(cands), func(k int) bool { return cands[k].second >= r2 })
		hi := lo
		for hi < len(cands) && cands[hi].second == r2 {
			hi++
		}
		cands = cands[lo:hi]
		matched := 0
		for _, c := range cands {
			if matched > 0 && len(c.text) < matched {
				break
			}
			if strings.HasPrefix(text[i:], c.text) {
				matched = len(c.text)
				out = append(out, Mention{Start: i, End: i + len(c.text), Place: g.places[c.place], Short: c.short})
			}
		}
		if matched == 0 {
			_, matched = hanset.DecodeRune(text[i:])
		}
		i += matched
	}
}

// Parent returns the division above p (a county's prefecture, a
// prefecture's province).
func (g *Gazetteer) Parent(p Place) (Place, bool) {
	if i, ok := g.byCode[p.Parent]; ok {
		return g.places[i], true
	}
	if p.Level == County && len(p.Code) >= 2 { // counties directly under a municipality
		if i, ok := g.byCode[p.Code[:2]]; ok {
			return g.places[i], true
		}
	}
	return Place{}, false
}

// Places returns every division of the gazetteer, provinces first.
func (g *Gazetteer) Places() []Place { return append([]Place(nil), g.places...) }
