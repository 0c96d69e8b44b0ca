package metrics

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/policyfacts/policyfacts/extract"
)

// DocFacts is the input of Records: the facts of one document and the
// region they belong to when a fact names no sub-area.
type DocFacts struct {
	ID     string
	Region string
	// RegionCode is the GB/T 2260 code of Region valid in the document's
	// year ("100000" for 全国); RegionLevel is national, province,
	// prefecture or county. Both "" when unknown.
	RegionCode  string
	RegionLevel string
	// Year is the document's working year (0 when unknown): the year the
	// codes of the sub-areas its facts name are looked up in.
	Year  int
	Facts []extract.Fact
}

// Source points at the place a record's value was read.
type Source struct {
	DocID    string `json:"doc_id"`
	Text     string `json:"text"`
	Start    int    `json:"start"` // byte offsets into the document's raw text
	End      int    `json:"end"`
	Evidence string `json:"evidence"`
	// Section is the role of the part of the document the figure stands
	// in (review, targets, tasks, plan, other).
	Section extract.Role `json:"section"`
}

// Alternative is a value of a record's cell that was not chosen: another
// figure the documents give for the same region, year, indicator, kind,
// measure and unit.
type Alternative struct {
	Value     float64       `json:"value"`
	Low       *float64      `json:"low,omitempty"` // a range, as on Record
	High      *float64      `json:"high,omitempty"`
	Unit      extract.Unit  `json:"unit"`
	Bound     extract.Bound `json:"bound"`
	Qualifier string        `json:"qualifier,omitempty"`
	Sources   []Source      `json:"sources"`
}

// Record is one cell of the annual panel in one unit: the value of an
// indicator for a region and year, achieved or targeted, with every place
// it was read and the other values given for it.
type Record struct {
	// Region is the region as the documents name it: the document's own,
	// or the sub-area a fact names; "" when the document's is unknown.
	Region string `json:"region"`
	// RegionName is the region as results give it (乌鲁木齐市 for a fact
	// that says 乌鲁木齐); RegionCode its GB/T 2260 code, RegionLevel its
	// level (national, province, prefecture, county). Cells are keyed by
	// the code; nil when unknown.
	RegionName  string          `json:"region_name"`
	RegionCode  *string         `json:"region_code"`
	RegionLevel *string         `json:"region_level"`
	Year        int             `json:"year"`
	Indicator   string          `json:"indicator"`
	Kind        extract.Kind    `json:"kind"`
	Measure     extract.Measure `json:"measure"`
	// Since is the first year of a figure over a span of years (年均增长
	// over a plan period, 累计, 较2020年); 0 for one year. Figures over
	// different spans are different cells.
	Since int `json:"since,omitempty"`
	// Value is the cell's value, chosen among those the documents give
	// (see Records); for a range it is the low end.
	Value float64       `json:"value"`
	Unit  extract.Unit  `json:"unit"`
	Bound extract.Bound `json:"bound"`
	// Low and High are the ends of a range (增长10%—12%); nil otherwise.
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
	// Qualifier is the modal word of a target (确保, 工作目标, 力争 …).
	Qualifier string `json:"qualifier,omitempty"`
	// Stretch is a target's higher tier (力争, 奋斗目标) beside its first
	// (确保, 工作目标 or none), with its qualifier and sources; nil when
	// there is none.
	Stretch          *float64 `json:"stretch,omitempty"`
	StretchQualifier string   `json:"stretch_qualifier,omitempty"`
	StretchSources   []Source `json:"stretch_sources,omitempty"`
	// Conflict is true when some alternative cannot be true together with
	// the value (or, for a higher tier, with the stretch), bounds
	// considered: 突破3万亿元 beside 32765亿元 is no conflict, 5.4% beside
	// 5.6% is.
	Conflict bool `json:"conflict"`
	// Attainment is actual ÷ target for level records where both exist for
	// the same region, year, indicator and unit: on a target record against
	// the actual, on the actual record against the target's value. 0 when
	// none.
	Attainment float64  `json:"attainment,omitempty"`
	Sources    []Source `json:"sources"`
	// Alternatives are the cell's other values, each with its sources,
	// best first.
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// RevisedFrom is, for an actual restated by a later report with
	// another value (the later one is Value), the value the earlier report
	// gave; nil otherwise.
	RevisedFrom *float64 `json:"revised_from,omitempty"`

	place string // the key of the region's cells (see place)
}

// placeKey is the key of the record's region: the one Records gave it,
// else (a record made by hand) its code, name or first document.
func (r *Record) placeKey() string {
	switch {
	case r.place != "":
		return r.place
	case r.RegionCode != nil:
		return "c:" + *r.RegionCode
	case r.Region != "":
		return "n:" + r.Region
	case len(r.Sources) > 0:
		return "d:" + r.Sources[0].DocID
	}
	return ""
}

// cellKey identifies a cell and a unit in it.
type cellKey struct {
	place     string
	year      int
	indicator string
	kind      extract.Kind
	measure   extract.Measure
	since     int
	unit      extract.Unit
}

// statement is one figure for a cell: a fact, or the two facts of a range.
type statement struct {
	value     float64 // the low end of a range
	high      float64 // a range's high end
	isRange   bool
	bound     extract.Bound
	qualifier string
	higher    bool // a target's higher tier (力争, 奋斗目标 …)
	src       Source
	rank      rankKey
}

// rankKey orders statements: the targets and review sections first, then
// an actual restated by a later report (a revision) before the earlier
// statement, then by document (in input order) and position.
type rankKey struct {
	section  int
	revision int // minus the working year of the document, for an actual of a past year; 0 otherwise
	doc      int
	start    int
}

func (a rankKey) compare(b rankKey) int {
	return cmp.Or(cmp.Compare(a.section, b.section), cmp.Compare(a.revision, b.revision), cmp.Compare(a.doc, b.doc), cmp.Compare(a.start, b.start))
}

// revisionRank ranks an actual of a year before a document's working year
// by that working year, the latest report first: a figure restated a year
// later (the final count after the preliminary one) is the revision.
func revisionRank(f *extract.Fact, docYear int) int {
	if f.Kind != extract.Actual || docYear == 0 || f.Year >= docYear {
		return 0
	}
	return -docYear
}

// candidate is one value of a cell with every statement that gives it.
type candidate struct {
	stmts []statement // best first
}

func (c *candidate) best() *statement { return &c.stmts[0] }

// exact reports whether the candidate states the value itself (eq, approx)
// rather than a bound or a range.
func (c *candidate) exact() bool {
	b := c.best()
	return !b.isRange && (b.bound == extract.Eq || b.bound == extract.Approx)
}

// cell gathers the statements of one cell and unit.
type cell struct {
	place place
	cands []*candidate
	first int // input order of the first statement, for a stable output
}

// Compact returns d with only the facts Records reads (those with an
// indicator and a year), their strings copied out of the document's text:
// a batch that keeps the DocFacts of many documents for Records holds what
// the records need, not every document's text (which a fact's evidence,
// a substring, would keep alive).
func (d DocFacts) Compact() DocFacts {
	out := d
	out.ID, out.Region, out.RegionCode, out.RegionLevel = strings.Clone(d.ID), strings.Clone(d.Region), strings.Clone(d.RegionCode), strings.Clone(d.RegionLevel)
	out.Facts = nil
	seen := map[string]string{} // one copy of an evidence several facts share
	clone := func(s string) string {
		if c, ok := seen[s]; ok {
			return c
		}
		c := strings.Clone(s)
		seen[s] = c
		return c
	}
	for _, f := range d.Facts {
		if f.Indicator == "" || f.Year == 0 {
			continue
		}
		f.Indicator, f.Metric, f.Qualifier = clone(f.Indicator), clone(f.Metric), clone(f.Qualifier)
		f.Region, f.RegionCode, f.Evidence = clone(f.Region), clone(f.RegionCode), clone(f.Evidence)
		f.Quantity.Text, f.Quantity.Scale = clone(f.Quantity.Text), clone(f.Quantity.Scale)
		out.Facts = append(out.Facts, f)
	}
	return out
}

// Records normalises the facts of many documents into annual records, one
// per cell (region, year, indicator, kind, measure; the first year of a
// span) and unit. Facts with
// no indicator or no year are left out: they cannot be compared across
// documents.
//
// Cells are keyed by the region's code (a document's own, or that of the
// sub-area a fact names: its RegionCode, else the division of its name
// under the document's region); a region
// known by name only is keyed by name; the facts of a document whose
// region is unknown form cells of their own, never merged with another
// document's.
//
// A range (10%—12%: two facts of one clause, ge then le) is one statement
// with Low and High. The same value from several places is one value with
// several sources. Where a cell has several values, one is chosen:
//
//  1. a statement of the targets or review section over one of the tasks,
//     plan or other parts; the others become alternatives;
//  2. for a target, the first tier (确保, 工作目标, 预期目标 or no qualifier)
//     gives the value, and the earliest higher tier (力争, 争取, 力求,
//     奋斗目标) of the same standing that goes beyond it (more, or less
//     for a ceiling such as 5%以内) becomes Stretch; a cell with higher
//     tiers only takes its value from them. A qualifier the binder carried
//     back over a clause (增长15%以上、力争达到20%: both read 力争) marks only
//     the clause's last figure of the cell;
//  3. for an actual of a past year stated by several reports, the latest
//     report's (by working year): a revision, the earlier value kept as
//     RevisedFrom;
//  4. among the values left, the earliest in the documents (in input order;
//     the headline paragraph comes first), except that an exact figure (eq,
//     approx) is preferred to a milestone (ge, gt, le, lt) it agrees with:
//     one it satisfies and passes by less than a unit of the milestone's
//     last significant digit and less than a quarter of it (32765亿元 over
//     突破3万亿元; not 10.4% over 增长3.5%以上).
//
// The other values are kept as Alternatives, best first, and Conflict is
// set when one of them cannot be true together with the chosen value (a
// higher tier: with the stretch), bounds considered; a figure stated about
// (左右) allows half a unit of its last digit, at most 5%, either way.
// Values in different units (175亿美元 and 1243亿元) are records of their
// own, not alternatives.
func Records(docs []DocFacts) []Record {
	cells := map[cellKey]*cell{}
	var keys []cellKey
	n := 0
	for di := range docs {
		d := &docs[di]
		own := ownPlace(d)
		subs := subPlaces{own: own, year: d.Year}
		for i := 0; i < len(d.Facts); i++ {
			f := &d.Facts[i]
			if f.Indicator == "" || f.Year == 0 {
				continue
			}
			pl := own
			if f.Region != "" {
				pl = subs.of(f.Region, f.RegionCode)
			}
			st := statement{value: f.Quantity.Value, bound: f.Quantity.Bound, src: sourceOf(d.ID, f),
				rank: rankKey{sectionRank(f.Section), revisionRank(f, d.Year), di, f.Quantity.Start}}
			if f.Kind == extract.Target {
				st.qualifier = f.Qualifier
				st.higher = higherTier(f.Qualifier)
			}
			if i+1 < len(d.Facts) && isRange(f, &d.Facts[i+1]) {
				hi := &d.Facts[i+1]
				st.isRange = true
				st.value, st.high = min(f.Quantity.Value, hi.Quantity.Value), max(f.Quantity.Value, hi.Quantity.Value)
				st.src.End = hi.Quantity.End
				st.src.Text = rangeText(f, hi)
				i++
			}
			k := cellKey{pl.key, f.Year, f.Indicator, f.Kind, f.Measure, f.Since, f.Quantity.Unit}
			c := cells[k]
			if c == nil {
				c = &cell{place: pl, first: n}
				cells[k] = c
				keys = append(keys, k)
			}
			n++
			c.add(st)
		}
	}
	slices.SortFunc(keys, func(a, b cellKey) int {
		pa, pb := cells[a].place, cells[b].place
		return cmp.Or(strings.Compare(pa.name, pb.name), strings.Compare(a.place, b.place), cmp.Compare(a.year, b.year),
			strings.Compare(a.indicator, b.indicator), cmp.Compare(a.kind, b.kind), cmp.Compare(a.measure, b.measure),
			cmp.Compare(a.since, b.since), cmp.Compare(cells[a].first, cells[b].first))
	})
	out := make([]Record, 0, len(keys))
	for _, k := range keys {
		out = append(out, cells[k].record(k))
	}
	attain(out)
	return out
}

func sourceOf(id string, f *extract.Fact) Source {
	return Source{DocID: id, Text: f.Quantity.Text, Start: f.Quantity.Start, End: f.Quantity.End,
		Evidence: f.Evidence, Section: f.Section}
}

// sectionRank puts the targets paragraph and the review before the rest.
func sectionRank(r extract.Role) int {
	if r == extract.RoleTargets || r == extract.RoleReview {
		return 0
	}
	return 1
}

// higherTier reports whether a target's qualifier marks a tier above the
// first: 力争 (strive for) over 确保 (ensure), 奋斗目标 over 工作目标.
func higherTier(q string) bool {
	switch q {
	case "力争", "争取", "力求", "奋斗目标":
		return true
	}
	return false
}

// rangeGap is the most bytes of raw text between the two figures of a
// range: a joiner (—, ～, 至) and a little space.
const rangeGap = 8

// isRange reports whether two consecutive facts are the ends of one range:
// the same cell in the same clause, bound ge then le, with only a joiner
// between them.
func isRange(lo, hi *extract.Fact) bool {
	return lo.Quantity.Bound == extract.GE && hi.Quantity.Bound == extract.LE &&
		lo.Indicator == hi.Indicator && lo.Year == hi.Year && lo.Kind == hi.Kind && lo.Measure == hi.Measure &&
		lo.Region == hi.Region && lo.Since == hi.Since && lo.Quantity.Unit == hi.Quantity.Unit && lo.Evidence == hi.Evidence &&
		hi.Quantity.Start >= lo.Quantity.End && hi.Quantity.Start-lo.Quantity.End <= rangeGap
}

// rangeText is a range as written: the span of the clause from the low
// figure to the high one, else the two joined by a dash.
func rangeText(lo, hi *extract.Fact) string {
	ev := lo.Evidence
	if i := strings.Index(ev, lo.Quantity.Text); i >= 0 {
		rest := ev[i+len(lo.Quantity.Text):]
		if j := strings.Index(rest, hi.Quantity.Text); j >= 0 && j <= rangeGap {
			return ev[i : i+len(lo.Quantity.Text)+j+len(hi.Quantity.Text)]
		}
	}
	return lo.Quantity.Text + "—" + hi.Quantity.Text
}

// add files a statement under the candidate of its value.
func (c *cell) add(st statement) {
	for _, cd := range c.cands {
		b := cd.best()
		if b.isRange == st.isRange && sameValue(b.value, st.value) && (!st.isRange || sameValue(b.high, st.high)) {
			i, _ := slices.BinarySearchFunc(cd.stmts, st, func(a, b statement) int { return a.rank.compare(b.rank) })
			cd.stmts = slices.Insert(cd.stmts, i, st)
			return
		}
	}
	c.cands = append(c.cands, &candidate{stmts: []statement{st}})
}

// record chooses the cell's value (see Records) and keeps the rest as
// alternatives.
func (c *cell) record(k cellKey) Record {
	c.carriedTiers()
	cands := c.cands
	slices.SortStableFunc(cands, func(a, b *candidate) int { return a.best().rank.compare(b.best().rank) })
	// the candidates of the best standing, first tier and higher
	top := cands[0].best().rank.section
	var first, higher []*candidate
	for _, cd := range cands {
		if cd.best().rank.section != top {
			continue
		}
		if cd.best().higher {
			higher = append(higher, cd)
		} else {
			first = append(first, cd)
		}
	}
	if len(first) == 0 {
		first, higher = higher, nil
	}
	value := choose(first)
	var stretch *candidate
	for _, cd := range higher {
		if beyond(cd.best(), value.best()) {
			stretch = cd
			break
		}
	}
	b := value.best()
	r := Record{
		Region: c.place.name, RegionName: c.place.full, RegionCode: nullable(c.place.code), RegionLevel: nullable(c.place.level),
		Year: k.year, Indicator: k.indicator, Kind: k.kind, Measure: k.measure, Since: k.since,
		Value: b.value, Unit: k.unit, Bound: b.bound, Qualifier: b.qualifier, Sources: sources(value),
		place: k.place,
	}
	if b.isRange {
		r.Low, r.High = ptr(b.value), ptr(b.high)
	}
	if stretch != nil {
		s := stretch.best()
		r.Stretch, r.StretchQualifier, r.StretchSources = ptr(s.value), s.qualifier, sources(stretch)
	}
	// a revision: the value an earlier report gave, the latest of them
	if b.rank.revision != 0 {
		for _, cd := range cands {
			if a := cd.best(); cd != value && a.rank.revision > b.rank.revision && a.rank.revision != 0 && !a.isRange {
				r.RevisedFrom = ptr(a.value)
				break
			}
		}
	}
	for _, cd := range cands {
		if cd == value || cd == stretch {
			continue
		}
		a := cd.best()
		alt := Alternative{Value: a.value, Unit: k.unit, Bound: a.bound, Qualifier: a.qualifier, Sources: sources(cd)}
		if a.isRange {
			alt.Low, alt.High = ptr(a.value), ptr(a.high)
		}
		r.Alternatives = append(r.Alternatives, alt)
		against := value
		if a.higher && stretch != nil {
			against = stretch
		}
		if !compatible(interval(a), interval(against.best())) {
			r.Conflict = true
		}
	}
	return r
}

// carriedTiers corrects a higher-tier qualifier carried back over a
// clause: in 增长15%以上、力争达到20% both figures may read as 力争, but one
// clause does not give one target two values of one tier, so a figure
// followed in its clause by another of the cell with the same qualifier is
// the first tier.
func (c *cell) carriedTiers() {
	for _, a := range c.cands {
		for i := range a.stmts {
			s := &a.stmts[i]
			if !s.higher {
				continue
			}
			for _, b := range c.cands {
				if b == a {
					continue
				}
				for _, t := range b.stmts {
					if t.higher && t.qualifier == s.qualifier && t.rank.doc == s.rank.doc &&
						t.src.Evidence == s.src.Evidence && t.rank.start > s.rank.start {
						s.higher, s.qualifier = false, ""
					}
				}
			}
		}
	}
}

// choose returns the earliest candidate, or the earliest exact figure
// that agrees with it when it is a milestone.
func choose(cands []*candidate) *candidate {
	best := cands[0]
	if best.exact() || best.best().isRange {
		return best
	}
	for _, cd := range cands[1:] {
		if cd.exact() && agrees(best.best(), cd.best().value) {
			return cd
		}
	}
	return best
}

// agrees reports whether an exact value v satisfies the milestone m and
// passes it by less than a unit of its last significant digit and a
// quarter of it: 突破3万亿元 (gt 3e12) agrees with 3.2765万亿元, 增长3.5%以上
// does not with 10.4%, nor 增长10%以上 with 19%.
func agrees(m *statement, v float64) bool {
	if !interval(m).contains(v) {
		return false
	}
	return math.Abs(math.Abs(v)-math.Abs(m.value)) < min(digitUnit(m.value), math.Abs(m.value)/4)
}

// beyond reports whether a higher tier s goes further than the value v
// does: more than it, or less for a ceiling (失业率5.5%以内, 力争5%以内),
// both on the size of the figures (a decrease is negative).
func beyond(s, v *statement) bool {
	if v.isRange {
		return math.Abs(s.value) > math.Abs(v.high)
	}
	if v.bound == extract.LE || v.bound == extract.LT {
		return math.Abs(s.value) < math.Abs(v.value)
	}
	return math.Abs(s.value) > math.Abs(v.value)
}

func sources(c *candidate) []Source {
	out := make([]Source, len(c.stmts))
	for i, s := range c.stmts {
		out[i] = s.src
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// span is the set of true values a statement allows: [lo, hi], each end
// open or closed.
type span struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func (s span) contains(v float64) bool {
	return (v > s.lo || v == s.lo && !s.loOpen) && (v < s.hi || v == s.hi && !s.hiOpen)
}

// compatible reports whether two spans share a value.
func compatible(a, b span) bool {
	lo, loOpen := a.lo, a.loOpen
	if b.lo > lo || b.lo == lo && b.loOpen {
		lo, loOpen = b.lo, b.loOpen
	}
	hi, hiOpen := a.hi, a.hiOpen
	if b.hi < hi || b.hi == hi && b.hiOpen {
		hi, hiOpen = b.hi, b.hiOpen
	}
	if lo < hi {
		return true
	}
	return sameValue(lo, hi) && !loOpen && !hiOpen
}

// interval is the span a statement allows. A bound applies to the size of
// the figure as written, so on a decrease (下降3%以上: -3, ge) it turns
// round (≤ -3). A figure stated about (左右) allows half a unit of its
// last significant digit, at most 5% of it, either way (5%左右: 4.75–5.25);
// an exact one allows only itself.
func interval(s *statement) span {
	v := s.value
	if s.isRange {
		return span{lo: v, hi: s.high}
	}
	b := s.bound
	if v < 0 {
		switch b {
		case extract.GE:
			b = extract.LE
		case extract.GT:
			b = extract.LT
		case extract.LE:
			b = extract.GE
		case extract.LT:
			b = extract.GT
		}
	}
	inf := math.Inf(1)
	switch b {
	case extract.Approx:
		h := min(digitUnit(v)/2, math.Abs(v)/20)
		return span{lo: v - h, hi: v + h}
	case extract.GE:
		return span{lo: v, hi: inf}
	case extract.GT:
		return span{lo: v, hi: inf, loOpen: true}
	case extract.LE:
		return span{lo: -inf, hi: v}
	case extract.LT:
		return span{lo: -inf, hi: v, hiOpen: true}
	}
	return span{lo: v, hi: v}
}

// digitUnit is the place value of the last significant digit of v: 1 for
// 5, 0.1 for 5.5, 1e12 for 3e12, 1e8 for 3.2765e12.
func digitUnit(v float64) float64 {
	v = math.Abs(v)
	if v == 0 {
		return 1
	}
	for e := math.Floor(math.Log10(v)); e > -7; e-- {
		u := math.Pow(10, e)
		q := v / u
		if math.Abs(q-math.Round(q)) <= 1e-6*q {
			return u
		}
	}
	return 1e-7
}

// attain fills Attainment for level records with both an actual and a
// target in the same region, year, indicator and unit.
func attain(recs []Record) {
	type k4 struct {
		place     string
		year      int
		indicator string
		unit      extract.Unit
	}
	actual := map[k4]int{}
	for i, r := range recs {
		if r.Measure == extract.Level && r.Kind == extract.Actual && r.Since == 0 {
			actual[k4{r.place, r.Year, r.Indicator, r.Unit}] = i
		}
	}
	for i := range recs {
		t := &recs[i]
		if t.Measure != extract.Level || t.Kind != extract.Target || t.Since != 0 || t.Value == 0 {
			continue
		}
		ai, ok := actual[k4{t.place, t.Year, t.Indicator, t.Unit}]
		if !ok {
			continue
		}
		t.Attainment = roundRatio(recs[ai].Value / t.Value)
		recs[ai].Attainment = t.Attainment
	}
}

func roundRatio(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}
