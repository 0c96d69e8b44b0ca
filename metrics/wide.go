package metrics

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/policyfacts/policyfacts/extract"
)

// WideIDColumns are the first columns of WriteWideCSV: what identifies a
// row (a region and a year).
var WideIDColumns = []string{"region", "region_name", "region_code", "region_level", "year", "doc_ids"}

// MaxColumnName is the longest column name WriteWideCSV writes: Stata's
// limit for variable names.
const MaxColumnName = 32

// WideColumn is a value column of the wide CSV: one field of the records
// of an indicator, measure, kind and unit.
type WideColumn struct {
	// Name is safe for Stata, R and SQL: ASCII letters, digits and
	// underscores, a letter first, at most MaxColumnName bytes. It is
	// indicator_measure_kind with the dots of the id as underscores and
	// the level measure left out (gdp_actual, gdp_yoy_target), then the
	// first year of a span (gdp_avg_growth_actual_since2021). Where an
	// indicator, measure and kind has values in several units, one keeps
	// the plain name (the first of the catalogue's units for it, else CNY,
	// else the one most records use) and the others end in the unit
	// (_usd, _ge); a range's high end ends in _high, a target's higher
	// tier in _stretch. The names of an indicator, measure and kind that
	// would be longer shorten, alike, the measure and kind (avg, shr, cpl,
	// chg; act, tgt; _s2021; _hi, _st), then the words of the indicator
	// (fx_ast_inv), then cut it; a name that would be another's takes a
	// number.
	Name      string
	Indicator string
	Measure   extract.Measure
	Kind      extract.Kind
	Since     int // the first year of a span (Record.Since); 0 for one year
	Unit      extract.Unit
	// Field is "value" (Record.Value), "high" (Record.High) or "stretch"
	// (Record.Stretch).
	Field string
}

// Field names of WideColumn.
const (
	FieldValue   = "value"
	FieldHigh    = "high"
	FieldStretch = "stretch"
)

// get returns the column's number in r, if r is of the column and has it.
func (c *WideColumn) get(r *Record) (float64, bool) {
	if r.Indicator != c.Indicator || r.Measure != c.Measure || r.Kind != c.Kind || r.Since != c.Since || r.Unit != c.Unit {
		return 0, false
	}
	switch c.Field {
	case FieldHigh:
		if r.High != nil {
			return *r.High, true
		}
	case FieldStretch:
		if r.Stretch != nil {
			return *r.Stretch, true
		}
	default:
		return r.Value, true
	}
	return 0, false
}

type wideGroup struct {
	indicator string
	measure   extract.Measure
	kind      extract.Kind
	since     int
}

// WideColumns returns the value columns of the wide CSV of recs, in order:
// by indicator, measure, kind, unit (the plain one first) and field.
func WideColumns(recs []Record) []WideColumn {
	cat := DefaultCatalogue()
	type unitUse struct {
		unit        extract.Unit
		n           int
		high, strch bool
	}
	groups := map[wideGroup][]*unitUse{}
	for i := range recs {
		r := &recs[i]
		g := wideGroup{r.Indicator, r.Measure, r.Kind, r.Since}
		var u *unitUse
		for _, x := range groups[g] {
			if x.unit == r.Unit {
				u = x
			}
		}
		if u == nil {
			u = &unitUse{unit: r.Unit}
			groups[g] = append(groups[g], u)
		}
		u.n++
		u.high = u.high || r.High != nil
		u.strch = u.strch || r.Stretch != nil
	}
	gs := make([]wideGroup, 0, len(groups))
	for g := range groups {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b wideGroup) int {
		return cmp.Or(strings.Compare(a.indicator, b.indicator), cmp.Compare(a.measure, b.measure), cmp.Compare(a.kind, b.kind), cmp.Compare(a.since, b.since))
	})
	var cols []WideColumn
	var specs []nameSpec
	for _, g := range gs {
		us := groups[g]
		// the plain name goes to the indicator's own unit, else CNY, else
		// the one most records use
		pref := func(u extract.Unit) int {
			if ind, ok := cat.indicator(g.indicator); ok {
				if i := slices.Index(ind.Units, u); i >= 0 {
					return i
				}
			}
			if u == "CNY" {
				return 100
			}
			return 101
		}
		slices.SortFunc(us, func(a, b *unitUse) int {
			return cmp.Or(cmp.Compare(pref(a.unit), pref(b.unit)), cmp.Compare(b.n, a.n), strings.Compare(string(a.unit), string(b.unit)))
		})
		for i, u := range us {
			unit := ""
			if i > 0 {
				unit = unitSlug(u.unit)
			}
			fields := []string{FieldValue}
			if u.high {
				fields = append(fields, FieldHigh)
			}
			if u.strch {
				fields = append(fields, FieldStretch)
			}
			for _, f := range fields {
				cols = append(cols, WideColumn{Indicator: g.indicator, Measure: g.measure, Kind: g.kind, Since: g.since, Unit: u.unit, Field: f})
				specs = append(specs, nameSpec{g.indicator, g.measure, g.kind, g.since, unit, f})
			}
		}
	}
	for i, n := range columnNames(specs) {
		cols[i].Name = n
	}
	return cols
}

// nameSpec is what a column's name is made of.
type nameSpec struct {
	indicator string
	measure   extract.Measure
	kind      extract.Kind
	since     int
	unit      string // "" for the plain unit
	field     string
}

var (
	measureShort = map[string]string{"avg_growth": "avg", "share": "shr", "completion": "cpl", "change": "chg", "cumulative": "cum"}
	kindShort    = map[string]string{"actual": "act", "target": "tgt"}
	fieldSuffix  = map[string][2]string{FieldHigh: {"_high", "_hi"}, FieldStretch: {"_stretch", "_st"}}
)

// columnNames names the columns (see WideColumn.Name), each unique and
// at most MaxColumnName bytes long. The columns of one indicator, measure
// and kind are shortened alike, as much as the longest of them needs.
func columnNames(specs []nameSpec) []string {
	taken := map[string]bool{}
	for _, c := range WideIDColumns {
		taken[c] = true
	}
	type group struct {
		indicator string
		measure   extract.Measure
		kind      extract.Kind
		since     int
	}
	level, tail := map[group]int{}, map[group]int{}
	for _, s := range specs {
		g := group{s.indicator, s.measure, s.kind, s.since}
		l := 0
		for l < 3 && len(s.name(l, MaxColumnName)) > MaxColumnName {
			l++
		}
		level[g] = max(level[g], l)
		tail[g] = max(tail[g], len(s.tail(true)))
	}
	out := make([]string, len(specs))
	for i, s := range specs {
		g := group{s.indicator, s.measure, s.kind, s.since}
		name := s.name(level[g], MaxColumnName-tail[g])
		for n := 2; taken[name]; n++ {
			suffix := strconv.Itoa(n)
			if c := name[:min(len(name), MaxColumnName-len(suffix))] + suffix; !taken[c] {
				name = c
			}
		}
		taken[name] = true
		out[i] = name
	}
	return out
}

// name is the column's name shortened to a level: 0 not at all, 1 the
// measure, kind and field, 2 also the words of the indicator, 3 also the
// indicator cut to room bytes.
func (s nameSpec) name(level, room int) string {
	ind := safeName(s.indicator)
	if level >= 2 {
		ind = abbreviate(ind)
	}
	if level >= 3 && len(ind) > room {
		ind = strings.TrimRight(ind[:max(1, room)], "_")
	}
	name := ind + s.tail(level >= 1)
	if level >= 3 {
		name = name[:min(len(name), MaxColumnName)]
	}
	return name
}

// tail is what follows the indicator in the column's name: measure, kind,
// unit and field, spelled short or not.
func (s nameSpec) tail(short bool) string {
	var b strings.Builder
	if m := s.measure.String(); s.measure != extract.Level {
		if ms, ok := measureShort[m]; ok && short {
			m = ms
		}
		b.WriteString("_" + safeName(m))
	}
	k := s.kind.String()
	if short {
		k = cmp.Or(kindShort[k], k)
	}
	b.WriteString("_" + safeName(k))
	if s.since != 0 {
		if short {
			b.WriteString("_s" + strconv.Itoa(s.since))
		} else {
			b.WriteString("_since" + strconv.Itoa(s.since))
		}
	}
	if s.unit != "" {
		b.WriteString("_" + s.unit)
	}
	if f, ok := fieldSuffix[s.field]; ok {
		if short {
			b.WriteString(f[1])
		} else {
			b.WriteString(f[0])
		}
	}
	return b.String()
}

// wordShort shortens the words of long indicator ids for column names.
var wordShort = map[string]string{
	"investment": "inv", "fixed": "fx", "asset": "ast", "manufacturing": "mfg", "infrastructure": "infra",
	"industrial": "indus", "industry": "indus", "income": "inc", "per": "p", "capita": "cap",
	"urbanization": "urb", "value": "val", "added": "add", "arrived": "arr", "external": "ext",
	"province": "prov", "tourism": "tour", "revenue": "rev", "expenditure": "exp", "population": "pop",
	"unemployment": "unemp", "emissions": "emis", "intensity": "int", "energy": "enrg", "digital": "dig",
	"economy": "econ", "manufacturers": "mfrs", "projects": "proj", "foreign": "fgn", "actual": "act",
	"contracted": "contr", "implemented": "impl", "packaged": "pkg", "started": "start", "signed": "sgn",
	"amount": "amt", "intended": "intd", "spending": "spend", "output": "out", "secondary": "sec",
	"primary": "pri", "tertiary": "ter", "high": "hi", "tech": "tech", "visits": "vis", "rural": "rur",
	"urban": "urb", "jobs": "jobs", "retail": "ret", "sales": "sal", "fiscal": "fisc", "total": "tot",
}

// abbreviate shortens the words of an indicator id (fixed_asset_investment:
// fx_ast_inv), for a column name that would be too long.
func abbreviate(id string) string {
	ws := strings.Split(id, "_")
	for i, w := range ws {
		if s, ok := wordShort[w]; ok {
			ws[i] = s
		}
	}
	return strings.Join(ws, "_")
}

// safeName keeps ASCII letters, digits and underscores of s, lower case,
// with any other run of characters as one underscore and a letter first.
func safeName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_':
			b.WriteRune(r)
			under = r == '_'
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			under = false
		default:
			if !under && b.Len() > 0 {
				b.WriteByte('_')
				under = true
			}
		}
	}
	out := strings.Trim(b.String(), "_")
	if out == "" || out[0] >= '0' && out[0] <= '9' {
		out = "v" + out
	}
	return out
}

// unitWords spells the measure words of counts for column names.
var unitWords = map[extract.Unit]string{
	"%": "pct", "person-times": "pt", "个": "ge", "家": "jia", "人": "ren", "项": "xiang", "件": "jian",
	"所": "suo", "座": "zuo", "台": "tai", "辆": "liang", "户": "hu", "名": "ming", "次": "ci", "张": "zhang",
	"套": "tao", "条": "tiao", "种": "zhong", "批": "pi", "处": "chu", "场": "chang", "只": "zhi", "头": "tou",
	"部": "bu", "届": "jie", "场次": "changci", "栋": "dong", "间": "jian2", "期": "qi", "位": "wei",
}

// unitSlug is a unit as a part of a column name: usd, pct, m2, ren.
func unitSlug(u extract.Unit) string {
	if w, ok := unitWords[u]; ok {
		return w
	}
	s := safeName(string(u))
	if s == "v" { // no ASCII in it
		s = "u" + strconv.FormatUint(uint64(fnv32(string(u))%10000), 10)
	}
	return s
}

// fnv32 is the FNV-1a hash of s, to name a unit the tables do not spell.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// WideRow is a row of the wide table: a region and a year, the documents
// its figures came from, and one cell per column of WideColumns.
type WideRow struct {
	// Region, RegionName, RegionCode and RegionLevel are those of the
	// row's first record.
	Region      string
	RegionName  string
	RegionCode  *string
	RegionLevel *string
	Year        int
	DocIDs      []string // in the order the records cite them
	// Values holds one cell per column: the number, or nil where the row
	// has none.
	Values []*float64
}

// WideTable returns the wide table of recs: its value columns
// (WideColumns) and its rows, one per region and year, ordered by region
// and year. WriteWideCSV writes it as CSV.
func WideTable(recs []Record) ([]WideColumn, []WideRow) {
	cols := WideColumns(recs)
	type row struct {
		place string
		year  int
		first *Record
		docs  []string
		vals  []*float64
	}
	index := map[string]int{}
	for i, c := range cols {
		index[wideKey(c.Indicator, c.Measure, c.Kind, c.Since, c.Unit, c.Field)] = i
	}
	rows := map[string]*row{}
	var order []*row
	for i := range recs {
		r := &recs[i]
		k := r.placeKey() + "\x00" + strconv.Itoa(r.Year)
		rw := rows[k]
		if rw == nil {
			rw = &row{place: r.placeKey(), year: r.Year, first: r, vals: make([]*float64, len(cols))}
			rows[k] = rw
			order = append(order, rw)
		}
		for _, s := range r.Sources {
			if !slices.Contains(rw.docs, s.DocID) {
				rw.docs = append(rw.docs, s.DocID)
			}
		}
		for _, f := range []string{FieldValue, FieldHigh, FieldStretch} {
			ci, ok := index[wideKey(r.Indicator, r.Measure, r.Kind, r.Since, r.Unit, f)]
			if !ok {
				continue
			}
			if v, ok := cols[ci].get(r); ok {
				rw.vals[ci] = &v
			}
		}
	}
	slices.SortStableFunc(order, func(a, b *row) int {
		return cmp.Or(strings.Compare(a.first.Region, b.first.Region), strings.Compare(a.place, b.place), cmp.Compare(a.year, b.year))
	})
	out := make([]WideRow, len(order))
	for i, rw := range order {
		r := rw.first
		out[i] = WideRow{Region: r.Region, RegionName: r.RegionName, RegionCode: r.RegionCode, RegionLevel: r.RegionLevel,
			Year: rw.year, DocIDs: rw.docs, Values: rw.vals}
	}
	return cols, out
}

// WriteWideCSV writes one row per region and year: the WideIDColumns,
// then one column per WideColumns, each holding one number (the record's
// value, a range's high end or a target's stretch) or nothing. The units
// and meaning of the columns are written by WriteCodebook.
func WriteWideCSV(w io.Writer, recs []Record, o CSVOptions) error {
	cols, rows := WideTable(recs)
	cw, err := newCSV(w, o)
	if err != nil {
		return err
	}
	header := slices.Clone(WideIDColumns)
	for _, c := range cols {
		header = append(header, c.Name)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, rw := range rows {
		line := []string{rw.Region, rw.RegionName, deref(rw.RegionCode), deref(rw.RegionLevel), strconv.Itoa(rw.Year), strings.Join(rw.DocIDs, ";")}
		for _, v := range rw.Values {
			line = append(line, fmtPtr(v))
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func wideKey(ind string, m extract.Measure, k extract.Kind, since int, u extract.Unit, field string) string {
	return fmt.Sprintf("%s\x00%d\x00%d\x00%d\x00%s\x00%s", ind, m, k, since, u, field)
}

// CodebookColumns are the columns of WriteCodebook.
var CodebookColumns = []string{"column", "indicator", "name", "measure", "kind", "unit", "field", "description", "since"}

// WriteCodebook writes what each column of the wide CSV of recs holds: one
// row per column (the WideIDColumns first), with the indicator, its name
// in the catalogue c (nil: the default catalogue), the measure, kind and
// unit of its numbers and what they are.
func WriteCodebook(w io.Writer, recs []Record, c *Catalogue, o CSVOptions) error {
	if c == nil {
		c = DefaultCatalogue()
	}
	cw, err := newCSV(w, o)
	if err != nil {
		return err
	}
	if err := cw.Write(CodebookColumns); err != nil {
		return err
	}
	ids := map[string]string{
		"region":       "the region as the documents name it; empty when a document's is unknown",
		"region_name":  "the region as results give it",
		"region_code":  "its GB/T 2260 code (100000 for 全国); empty when unknown",
		"region_level": "national, province, prefecture or county",
		"year":         "the year the figures belong to",
		"doc_ids":      "the documents the row's figures came from, separated by ;",
	}
	for _, id := range WideIDColumns {
		if err := cw.Write([]string{id, "", "", "", "", "", "", ids[id], ""}); err != nil {
			return err
		}
	}
	for _, col := range WideColumns(recs) {
		name := ""
		if ind, ok := c.indicator(col.Indicator); ok {
			name = ind.Name
		}
		desc := fmt.Sprintf("%s %s, %s, in %s", col.Indicator, col.Kind, col.Measure, col.Unit)
		since := ""
		if col.Since != 0 {
			since = strconv.Itoa(col.Since)
			desc += ", over the years since " + since
		}
		switch col.Field {
		case FieldHigh:
			desc += ": the high end of a range (the low end is the value column)"
		case FieldStretch:
			desc += ": a target's higher tier (力争, 奋斗目标)"
		default:
			desc += ": the value chosen for the cell (a range's low end)"
		}
		if err := cw.Write([]string{col.Name, col.Indicator, name, col.Measure.String(), col.Kind.String(), string(col.Unit), col.Field, desc, since}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
