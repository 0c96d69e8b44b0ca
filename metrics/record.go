package metrics

import (
	"math"
	"sort"

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
}

// Record is one cell of the annual panel: a value of an indicator for a
// region and year, achieved or targeted, with every place it was read.
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
	Value       float64         `json:"value"`
	Unit        extract.Unit    `json:"unit"`
	Bound       extract.Bound   `json:"bound"`
	// Qualifier is the modal word of a target (确保, 力争, 奋斗目标): two
	// tiers of one target are two records, not a conflict.
	Qualifier string `json:"qualifier,omitempty"`
	// Conflict is true when the same cell has another record with a
	// different value from some source.
	Conflict bool `json:"conflict"`
	// Attainment is actual ÷ target for level records where both exist for
	// the same region, year and indicator: on a target record against the
	// actual, on an actual record against its first target. 0 when none.
	Attainment float64  `json:"attainment,omitempty"`
	Sources    []Source `json:"sources"`

	place string // the key of the region's cells
}

// cellKey identifies a cell (region is a place key); tiers of a target are told apart by qualifier.
type cellKey struct {
	region    string
	year      int
	indicator string
	kind      extract.Kind
	measure   extract.Measure
	qualifier string
}

// Records normalises the facts of many documents into annual records, one
// per cell and value, sorted by region, year, indicator, kind, measure and
// qualifier. Facts with no indicator or no year are left out: they cannot be
// compared across documents. The same value from several sources is one
// record with several sources; different values for one cell are one
// record each, all flagged Conflict.
func Records(docs []DocFacts) []Record {
	byCell := map[cellKey][]*Record{}
	var keys []cellKey
	places := map[string]place{}
	for di := range docs {
		d := &docs[di]
		own := ownPlace(d)
		subs := subPlaces{own: own, year: d.Year}
		for _, f := range d.Facts {
			if f.Indicator == "" || f.Year == 0 {
				continue
			}
			pl := own
			if f.Region != "" {
				pl = subs.of(f.Region)
			}
			if _, ok := places[pl.key]; !ok {
				places[pl.key] = pl
			}
			k := cellKey{pl.key, f.Year, f.Indicator, f.Kind, f.Measure, ""}
			if f.Kind == extract.Target {
				k.qualifier = f.Qualifier
			}
			src := Source{DocID: d.ID, Text: f.Quantity.Text, Start: f.Quantity.Start, End: f.Quantity.End, Evidence: f.Evidence}
			recs, seen := byCell[k]
			if !seen {
				keys = append(keys, k)
			}
			merged := false
			for _, r := range recs {
				if sameValue(r.Value, f.Quantity.Value) && r.Unit == f.Quantity.Unit {
					r.Sources = append(r.Sources, src)
					merged = true
					break
				}
			}
			if !merged {
				byCell[k] = append(recs, &Record{
					Region: pl.name, RegionName: pl.full, RegionCode: nullable(pl.code), RegionLevel: nullable(pl.level), place: pl.key, Year: f.Year, Indicator: f.Indicator, Kind: f.Kind, Measure: f.Measure,
					Value: f.Quantity.Value, Unit: f.Quantity.Unit, Bound: f.Quantity.Bound, Qualifier: k.qualifier,
					Sources: []Source{src},
				})
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if a, b := places[keys[i].region].name, places[keys[j].region].name; a != b {
			return a < b
		}
		return keyLess(keys[i], keys[j])
	})
	var out []Record
	for _, k := range keys {
		recs := byCell[k]
		for _, r := range recs {
			r.Conflict = len(recs) > 1
		}
		for _, r := range recs {
			out = append(out, *r)
		}
	}
	attain(out)
	return out
}

// attain fills Attainment for level records with both an actual and a
// target in the same region, year and indicator.
func attain(recs []Record) {
	type k3 struct {
		region    string
		year      int
		indicator string
	}
	actual := map[k3]int{}
	targets := map[k3][]int{}
	for i, r := range recs {
		if r.Measure != extract.Level {
			continue
		}
		k := k3{r.place, r.Year, r.Indicator}
		if r.Kind == extract.Actual {
			if _, ok := actual[k]; !ok {
				actual[k] = i
			}
		} else {
			targets[k] = append(targets[k], i)
		}
	}
	for k, ts := range targets {
		ai, ok := actual[k]
		if !ok {
			continue
		}
		a := &recs[ai]
		lowest := -1
		for _, ti := range ts {
			t := &recs[ti]
			if t.Unit != a.Unit || t.Value == 0 {
				continue
			}
			t.Attainment = roundRatio(a.Value / t.Value)
			if lowest < 0 || t.Value < recs[lowest].Value {
				lowest = ti
			}
		}
		if lowest >= 0 {
			a.Attainment = recs[lowest].Attainment
		}
	}
}

func roundRatio(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func keyLess(a, b cellKey) bool {
	switch {
	case a.region != b.region:
		return a.region < b.region
	case a.year != b.year:
		return a.year < b.year
	case a.indicator != b.indicator:
		return a.indicator < b.indicator
	case a.kind != b.kind:
		return a.kind < b.kind
	case a.measure != b.measure:
		return a.measure < b.measure
	}
	return a.qualifier < b.qualifier
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
