package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// The official classifications the sectors are coded by, copied from
// shared/data/industries (see its README for sources; credited in NOTICE):
// GB/T 4754-2017, 战略性新兴产业分类(2018), 数字经济及其核心产业统计分类(2021),
// and the sector names of the 2025 provincial work reports.
var (
	//go:embed data/industries/gbt4754-2017.tsv
	gbtData string
	//go:embed data/industries/sei-2018.tsv
	seiData string
	//go:embed data/industries/digital-economy-2021.tsv
	digitalData string
	//go:embed data/industries/emerging.tsv
	emergingData string
)

// SectorCodes are a sector's codes in the official classifications, each
// set only where the sector sits inside that class.
type SectorCodes struct {
	GBT4754 []string `json:"gbt4754,omitempty"` // GB/T 4754-2017 国民经济行业分类
	SEI     []string `json:"sei,omitempty"`     // 战略性新兴产业分类(2018)
	Digital []string `json:"digital,omitempty"` // 数字经济及其核心产业统计分类(2021)
}

func (c *SectorCodes) empty() bool {
	return c == nil || len(c.GBT4754) == 0 && len(c.SEI) == 0 && len(c.Digital) == 0
}

// seiCategory maps a first-level SEI name to the category names of
// data/sectors.tsv.
var seiCategory = map[string]string{
	"新一代信息技术产业": "it", "高端装备制造产业": "equipment", "新材料产业": "materials", "生物产业": "bio",
	"新能源汽车产业": "nev", "新能源产业": "energy", "节能环保产业": "green", "数字创意产业": "creative",
	"相关服务业": "services",
}

// seiCodeCategory maps a first-level SEI code to the category.
var seiCodeCategory = map[string]string{"1": "it", "2": "equipment", "3": "materials", "4": "bio", "5": "nev",
	"6": "energy", "7": "green", "8": "creative", "9": "services"}

// industryTables are the classifications, parsed.
type industryTables struct {
	// emerging: name or alias → row
	emerging      map[string]*emergingRow
	emergingNames []string // names and aliases, in table order
	gbtByName     map[string]*gbtRow
	gbtCodes      map[string]*gbtRow
	seiByName     map[string]string // name (and name less 产业) → code
	seiCodes      map[string]bool
	digitalByName map[string]string
	digitalCodes  map[string]bool
}

type emergingRow struct {
	name, category string
	codes          SectorCodes
}

type gbtRow struct{ code, name, sector3 string }

// tsvRows calls fn with the first n fields of each row of a table with a
// header line (the fields are substrings of data; f is reused).
func tsvRows(data, file string, n int, fn func(f []string)) {
	var buf [16]string
	f := buf[:n]
	_, data, _ = strings.Cut(data, "\n") // the header
	for data != "" {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" {
			continue
		}
		if cutFields(line, '\t', f) < n {
			panic("extract: bad line in " + file + ": " + line)
		}
		fn(f)
	}
}

func splitCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// gbtSuffixes are the endings a GB/T name is also looked up without, for
// its shorter spellings: 纺织业 → 纺织, 家具制造业 → 家具, 烟草制品业 → 烟草.
var gbtSuffixes = []string{"制造业", "制品业", "业", "制造", "服务"}

var loadIndustries = sync.OnceValue(parseIndustries)

// parseIndustries reads the embedded industry classifications.
func parseIndustries() *industryTables {
	nGBT := strings.Count(gbtData, "\n")
	t := &industryTables{emerging: map[string]*emergingRow{}, gbtByName: make(map[string]*gbtRow, 2*nGBT), gbtCodes: make(map[string]*gbtRow, nGBT),
		seiByName: map[string]string{}, seiCodes: map[string]bool{}, digitalByName: map[string]string{}, digitalCodes: map[string]bool{}}
	rows := make([]gbtRow, 0, nGBT)
	tsvRows(gbtData, "gbt4754-2017.tsv", 5, func(f []string) {
		rows = append(rows, gbtRow{code: f[0], name: f[2], sector3: f[4]})
		r := &rows[len(rows)-1]
		t.gbtCodes[r.code] = r
		name := r.name
		for k := -1; k < len(gbtSuffixes); k++ { // the name, then gbtKeys' shorter spellings
			key := name
			if k >= 0 {
				var ok bool
				if key, ok = strings.CutSuffix(name, gbtSuffixes[k]); !ok || utf8.RuneCountInString(key) < 2 {
					continue
				}
			}
			if old, ok := t.gbtByName[key]; !ok || len(r.code) < len(old.code) {
				t.gbtByName[key] = r // the broadest class of that name
			}
		}
	})
	tsvRows(seiData, "sei-2018.tsv", 4, func(f []string) {
		t.seiCodes[f[0]] = true
		t.seiByName[f[2]] = f[0]
		if k, ok := strings.CutSuffix(f[2], "产业"); ok {
			t.seiByName[k] = f[0]
		}
	})
	tsvRows(digitalData, "digital-economy-2021.tsv", 4, func(f []string) {
		t.digitalCodes[f[0]] = true
		t.digitalByName[f[2]] = f[0]
	})
	tsvRows(emergingData, "emerging.tsv", 7, func(f []string) {
		cat := f[3]
		if c, ok := seiCategory[cat]; ok {
			cat = c
		}
		r := &emergingRow{name: f[0], category: cat,
			codes: SectorCodes{SEI: splitCodes(f[4]), Digital: splitCodes(f[5]), GBT4754: splitCodes(f[6])}}
		for _, n := range append([]string{f[0]}, splitCodes(f[1])...) {
			if _, dup := t.emerging[n]; !dup {
				t.emerging[n] = r
				t.emergingNames = append(t.emergingNames, n)
			}
		}
	})
	return t
}

// sectorCodes returns the codes of a sector name: the emerging table's,
// else those of the classification names it equals (with or without its
// 产业/行业/业/制造业).
func sectorCodes(name string) *SectorCodes {
	t := loadIndustries()
	key := normSector(name)
	for _, n := range []string{name, key} {
		if r, ok := t.emerging[n]; ok && !r.codes.empty() {
			c := r.codes
			return &c
		}
	}
	var c SectorCodes
	for _, n := range []string{name, key, key + "业", key + "产业"} {
		if code, ok := t.seiByName[n]; ok && len(c.SEI) == 0 {
			c.SEI = []string{code}
		}
		if code, ok := t.digitalByName[n]; ok && len(c.Digital) == 0 {
			c.Digital = []string{code}
		}
		if r, ok := t.gbtByName[n]; ok && len(c.GBT4754) == 0 {
			c.GBT4754 = []string{r.code}
		}
	}
	if c.empty() {
		return nil
	}
	return &c
}

// codesCategory gives a category from codes: the SEI class first, else
// the GB/T code's sector of the economy.
func codesCategory(c *SectorCodes) string {
	if c == nil {
		return ""
	}
	for _, s := range c.SEI {
		first, _, _ := strings.Cut(s, ".")
		if cat, ok := seiCodeCategory[first]; ok {
			return cat
		}
	}
	t := loadIndustries()
	for _, g := range c.GBT4754 {
		if r, ok := t.gbtCodes[g]; ok && r.sector3 != "mixed" {
			return r.sector3
		}
	}
	return ""
}

// gbtSector3 gives the sector of the economy (primary, secondary,
// tertiary) of the longest GB/T name, or name less its 业/制造业/制品业,
// inside name: 家纺箱包 holds 箱包 (箱包制造), 超低能耗建筑 holds 建筑 (建筑业);
// "" if none.
func gbtSector3(name string) string {
	t := loadIndustries()
	k := longestIn(name, func(w string) bool { r, ok := t.gbtByName[w]; return ok && r.sector3 != "mixed" })
	if k == "" {
		return ""
	}
	return t.gbtByName[k].sector3
}
