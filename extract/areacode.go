package extract

import (
	_ "embed"
	"slices"
	"sort"
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
//
// It keeps the table's text and where each row's line starts, in code
// order, and reads a row when it is asked for: a document needs a few,
// and a process starts without reading thousands.
type AreaCodes struct {
	data  string  // the rows' lines
	lines []int32 // where each row starts in data, in code order; the rows of one code in table order
	// the index by name, built on the first search by name (most
	// documents need only codes): the last row of each name, and next
	// chaining each row to the one of its name before it (-1 ends)
	names struct {
		once  sync.Once
		first map[string]int32
		next  []int32
	}
}

// code returns the code of row i.
func (a *AreaCodes) code(i int) string { return a.data[a.lines[i] : a.lines[i]+6] }

// line returns the line of row i.
func (a *AreaCodes) line(i int) string {
	l := a.data[a.lines[i]:]
	if k := strings.IndexByte(l, '\n'); k >= 0 {
		l = l[:k]
	}
	return strings.TrimRight(l, "\r")
}

// row reads row i.
func (a *AreaCodes) row(i int) AreaCode {
	var f [9]string
	cutFields(a.line(i), ',', f[:])
	r := AreaCode{Code: f[0], Province: f[1], Prefecture: f[2], Name: f[3]}
	switch f[4] {
	case "省级":
		r.Level = Province
	case "地级":
		r.Level = Prefecture
	default:
		r.Level = County
	}
	r.From, r.To = atoiYear(f[6]), atoiYear(f[7])
	for s := f[8]; s != ""; {
		var code string
		code, s, _ = strings.Cut(s, ";")
		if code != "" {
			r.Successors = append(r.Successors, code[:min(6, len(code))])
		}
	}
	return r
}

// name returns the name of row i (its fourth field).
func (a *AreaCodes) name(i int) string {
	var f [4]string
	cutFields(a.line(i), ',', f[:])
	return f[3]
}

// eachOfCode calls fn with the rows of code, the last in the table first,
// until fn returns false.
func (a *AreaCodes) eachOfCode(code string, fn func(AreaCode) bool) {
	end := sort.Search(len(a.lines), func(i int) bool { return a.code(i) > code })
	for i := end - 1; i >= 0 && a.code(i) == code && fn(a.row(i)); i-- {
	}
}

// eachOfName calls fn with the rows of name, the last in the table first,
// until fn returns false.
func (a *AreaCodes) eachOfName(name string, fn func(AreaCode) bool) {
	n := &a.names
	n.once.Do(func() {
		n.first = make(map[string]int32, len(a.lines))
		n.next = make([]int32, len(a.lines))
		for i := range a.lines {
			nm := a.name(i)
			prev, ok := n.first[nm]
			if !ok {
				prev = -1
			}
			n.next[i] = prev
			n.first[nm] = int32(i)
		}
	})
	i, ok := n.first[name]
	for ok && i >= 0 && fn(a.row(int(i))) {
		i = n.next[i]
	}
}

// NationalCode is the code results give the whole country (全国).
const NationalCode = "100000"

var loadAreaCodes = sync.OnceValue(parseAreaCodes)

// parseAreaCodes reads the embedded area code table: where its rows
// start, each checked to begin with a code of six digits and to hold nine
// fields.
func parseAreaCodes() *AreaCodes {
	data := strings.TrimPrefix(areaCodeData, "\ufeff")
	_, data, _ = strings.Cut(data, "\n") // the header
	a := &AreaCodes{data: data, lines: make([]int32, 0, strings.Count(data, "\n")+1)}
	for off := 0; off < len(data); {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := strings.TrimRight(data[off:end], "\r")
		if line != "" {
			if len(line) < 7 || line[6] != ',' || strings.Count(line, ",") != 8 {
				panic("extract: bad line in data/areacodes.csv: " + line)
			}
			a.lines = append(a.lines, int32(off))
		}
		off = end + 1
	}
	// the table is in code order; were it not, order it, keeping the rows
	// of one code in table order
	byCode := func(x, y int32) int { return strings.Compare(data[x:x+6], data[y:y+6]) }
	if !slices.IsSortedFunc(a.lines, byCode) {
		slices.SortStableFunc(a.lines, byCode)
	}
	return a
}

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
	a.eachOfCode(code, func(r AreaCode) bool {
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
	a.eachOfName(name, func(r AreaCode) bool {
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
