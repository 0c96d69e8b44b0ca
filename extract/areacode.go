package extract

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// data/areacodes.csv is the table of the CC0 project yescallop/areacodes
// (commit eed219a), unchanged: every GB/T 2260 code used since 1981 with
// its name, level, the years it was in use and its successors.
//
//go:embed data/areacodes.csv
var areaCodeData string

// AreaCode is one row of the GB/T 2260 history: a code with the name it
// had from From until To (exclusive; 0 while still in use).
type AreaCode struct {
	Code       string
	Name       string // the official name: 苍山县, 襄樊市
	Province   string // 一级行政区
	Prefecture string // 二级行政区; "直辖" for a division directly under its province
	Level      AdminLevel
	From, To   int
	Successors []string // the codes that took over a changed or abolished code
}

// ValidIn reports whether the row was in use in year (0: now).
func (a AreaCode) ValidIn(year int) bool {
	if year == 0 {
		return a.To == 0
	}
	return a.From <= year && (a.To == 0 || year < a.To)
}

// Parent returns the code of the division above: a county's prefecture
// (its province when it stands directly under it), a prefecture's
// province; "" for a province.
func (a AreaCode) Parent() string {
	switch {
	case a.Level == Province:
		return ""
	case a.Level == Prefecture || a.Prefecture == "直辖":
		return a.Code[:2] + "0000"
	}
	return a.Code[:4] + "00"
}

// AreaCodes answers which code a division had in a year. It is immutable
// and safe for concurrent use.
type AreaCodes struct {
	rows   []AreaCode
	byName map[string][]int
	byCode map[string][]int
}

// NationalCode is the code results give the whole country (全国).
const NationalCode = "100000"

var loadAreaCodes = sync.OnceValue(func() *AreaCodes {
	a := &AreaCodes{byName: map[string][]int{}, byCode: map[string][]int{}}
	lines := strings.Split(strings.TrimPrefix(areaCodeData, "\ufeff"), "\n")
	for _, line := range lines[1:] {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, ",")
		if len(f) != 9 || len(f[0]) != 6 {
			panic("extract: bad line in data/areacodes.csv: " + line)
		}
		r := AreaCode{Code: f[0], Province: f[1], Prefecture: f[2], Name: f[3]}
		switch f[4] {
		case "省级":
			r.Level = Province
		case "地级":
			r.Level = Prefecture
		default:
			r.Level = County
		}
		r.From, _ = strconv.Atoi(f[6])
		r.To, _ = strconv.Atoi(f[7])
		for _, s := range strings.Split(f[8], ";") {
			if s != "" {
				r.Successors = append(r.Successors, s[:min(6, len(s))])
			}
		}
		a.byName[r.Name] = append(a.byName[r.Name], len(a.rows))
		a.byCode[r.Code] = append(a.byCode[r.Code], len(a.rows))
		a.rows = append(a.rows, r)
	}
	return a
})

// DefaultAreaCodes returns the embedded table, loaded on first use.
func DefaultAreaCodes() *AreaCodes { return loadAreaCodes() }

// latestYear is the last year the table knows; later years read as now.
const latestYear = 2024

// At returns the row of code in use in year (0: now).
func (a *AreaCodes) At(code string, year int) (AreaCode, bool) {
	if year > latestYear {
		year = 0
	}
	for _, i := range a.byCode[code] {
		if a.rows[i].ValidIn(year) {
			return a.rows[i], true
		}
	}
	return AreaCode{}, false
}

// Lookup returns the row of the division officially named name in year
// (0: now), of the level given (0: any). Where several divisions had the
// name that year, parent (a code, "" for any) tells them apart: the one
// under it wins; else the highest level, then the lowest code.
func (a *AreaCodes) Lookup(name string, year int, level AdminLevel, parent string) (AreaCode, bool) {
	if year > latestYear {
		year = 0
	}
	var best AreaCode
	found := false
	for _, i := range a.byName[name] {
		r := a.rows[i]
		if !r.ValidIn(year) || level != 0 && r.Level != level {
			continue
		}
		if parent != "" && strings.HasPrefix(r.Code, strings.TrimRight(parent, "0")) {
			return r, true
		}
		if !found || r.Level < best.Level {
			best, found = r, true
		}
	}
	return best, found
}
