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
	rows []AreaCode
	// the first row of each name and code; nextName and nextCode chain
	// the rows of one name or code (-1 ends a chain)
	byName, byCode     map[string]int32
	nextName, nextCode []int32
}

// each calls fn with the rows of key (by first and next) until fn returns
// false.
func (a *AreaCodes) each(first map[string]int32, next []int32, key string, fn func(AreaCode) bool) {
	i, ok := first[key]
	for ok && i >= 0 && fn(a.rows[i]) {
		i = next[i]
	}
}

// NationalCode is the code results give the whole country (全国).
const NationalCode = "100000"

var loadAreaCodes = sync.OnceValue(func() *AreaCodes {
	data := strings.TrimPrefix(areaCodeData, "\ufeff")
	n := strings.Count(data, "\n")
	a := &AreaCodes{rows: make([]AreaCode, 0, n), byName: make(map[string]int32, n), byCode: make(map[string]int32, n),
		nextName: make([]int32, 0, n), nextCode: make([]int32, 0, n)}
	_, data, _ = strings.Cut(data, "\n") // the header
	var f [9]string
	for len(data) > 0 {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		k := 0
		for rest := line; k < len(f); k++ {
			var ok bool
			f[k], rest, ok = strings.Cut(rest, ",")
			if !ok {
				break
			}
		}
		if k != len(f)-1 || len(f[0]) != 6 {
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
		for s := f[8]; s != ""; {
			var code string
			code, s, _ = strings.Cut(s, ";")
			if code != "" {
				r.Successors = append(r.Successors, code[:min(6, len(code))])
			}
		}
		// chain the row in front of the others of its name and code
		i := int32(len(a.rows))
		prev, ok := a.byName[r.Name]
		if !ok {
			prev = -1
		}
		a.nextName = append(a.nextName, prev)
		a.byName[r.Name] = i
		if prev, ok = a.byCode[r.Code]; !ok {
			prev = -1
		}
		a.nextCode = append(a.nextCode, prev)
		a.byCode[r.Code] = i
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
	var found AreaCode
	ok := false
	a.each(a.byCode, a.nextCode, code, func(r AreaCode) bool {
		found, ok = r, r.ValidIn(year)
		return !ok
	})
	return found, ok
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
	prefix := strings.TrimRight(parent, "0")
	a.each(a.byName, a.nextName, name, func(r AreaCode) bool {
		if !r.ValidIn(year) || level != 0 && r.Level != level {
			return true
		}
		if parent != "" && strings.HasPrefix(r.Code, prefix) {
			best, found = r, true
			return false
		}
		if !found || r.Level < best.Level || r.Level == best.Level && r.Code < best.Code {
			best, found = r, true
		}
		return true
	})
	return best, found
}
