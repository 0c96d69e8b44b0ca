package tables

import (
	"fmt"

	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/metrics"
)

// Records is the name of the table of annual records.
const Records = "records"

// Source is a place a record's value was read (metrics.Source); DocID
// joins it to the documents table.
type Source struct {
	DocID    string `parquet:"doc_id,dict"`
	Text     string `parquet:"text"`
	Start    int64  `parquet:"start"`
	End      int64  `parquet:"end"`
	Evidence string `parquet:"evidence"`
	Section  string `parquet:"section,dict"`
}

// Alternative is a value of a record's cell that was not chosen
// (metrics.Alternative).
type Alternative struct {
	Value     float64  `parquet:"value"`
	Low       *float64 `parquet:"low,optional"`
	High      *float64 `parquet:"high,optional"`
	Unit      string   `parquet:"unit,dict"`
	Bound     string   `parquet:"bound,dict"`
	Qualifier *string  `parquet:"qualifier,optional,dict"`
	Sources   []Source `parquet:"sources,list"`
}

// Record is a row of the records table: a metrics.Record, with null where
// its JSON leaves a field out (since, low, high, qualifier, stretch,
// attainment, revised_from) or has null (region_code, region_level).
type Record struct {
	Region           string        `parquet:"region,dict"`
	RegionName       string        `parquet:"region_name,dict"`
	RegionCode       *string       `parquet:"region_code,optional,dict"`
	RegionLevel      *string       `parquet:"region_level,optional,dict"`
	Year             int32         `parquet:"year"`
	Indicator        string        `parquet:"indicator,dict"`
	Kind             string        `parquet:"kind,dict"`
	Measure          string        `parquet:"measure,dict"`
	Since            *int32        `parquet:"since,optional"`
	Value            float64       `parquet:"value"`
	Unit             string        `parquet:"unit,dict"`
	Bound            string        `parquet:"bound,dict"`
	Low              *float64      `parquet:"low,optional"`
	High             *float64      `parquet:"high,optional"`
	Qualifier        *string       `parquet:"qualifier,optional,dict"`
	Stretch          *float64      `parquet:"stretch,optional"`
	StretchQualifier *string       `parquet:"stretch_qualifier,optional,dict"`
	StretchSources   []Source      `parquet:"stretch_sources,list"`
	Conflict         bool          `parquet:"conflict"`
	Attainment       *float64      `parquet:"attainment,optional"`
	Sources          []Source      `parquet:"sources,list"`
	Alternatives     []Alternative `parquet:"alternatives,list"`
	RevisedFrom      *float64      `parquet:"revised_from,optional"`
}

func sources(ss []metrics.Source) []Source {
	if ss == nil {
		return nil
	}
	out := make([]Source, len(ss))
	for i, s := range ss {
		out[i] = Source{DocID: s.DocID, Text: s.Text, Start: int64(s.Start), End: int64(s.End), Evidence: s.Evidence, Section: s.Section.String()}
	}
	return out
}

func fromSources(ss []Source) ([]metrics.Source, error) {
	if ss == nil {
		return nil, nil
	}
	out := make([]metrics.Source, len(ss))
	for i, s := range ss {
		out[i] = metrics.Source{DocID: s.DocID, Text: s.Text, Start: int(s.Start), End: int(s.End), Evidence: s.Evidence}
		if err := out[i].Section.UnmarshalText([]byte(s.Section)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FromRecord returns the row of r.
func FromRecord(r *metrics.Record) Record {
	row := Record{Region: r.Region, RegionName: r.RegionName, RegionCode: r.RegionCode, RegionLevel: r.RegionLevel,
		Year: int32(r.Year), Indicator: r.Indicator, Kind: r.Kind.String(), Measure: r.Measure.String(),
		Since: opt32(r.Since), Value: r.Value, Unit: string(r.Unit), Bound: r.Bound.String(), Low: r.Low, High: r.High,
		Qualifier: opt(r.Qualifier), Stretch: r.Stretch, StretchQualifier: opt(r.StretchQualifier),
		StretchSources: sources(r.StretchSources), Conflict: r.Conflict, Sources: sources(r.Sources),
		RevisedFrom: r.RevisedFrom}
	if r.Attainment != 0 {
		a := r.Attainment
		row.Attainment = &a
	}
	if r.Alternatives != nil {
		row.Alternatives = make([]Alternative, len(r.Alternatives))
		for i, a := range r.Alternatives {
			row.Alternatives[i] = Alternative{Value: a.Value, Low: a.Low, High: a.High, Unit: string(a.Unit),
				Bound: a.Bound.String(), Qualifier: opt(a.Qualifier), Sources: sources(a.Sources)}
		}
	}
	return row
}

// Record returns the record the row holds, as FromRecord was given it:
// metrics.WriteJSONL writes the same line for both.
func (row *Record) Record() (metrics.Record, error) {
	r := metrics.Record{Region: row.Region, RegionName: row.RegionName, RegionCode: row.RegionCode, RegionLevel: row.RegionLevel,
		Year: int(row.Year), Indicator: row.Indicator, Value: row.Value, Unit: extract.Unit(row.Unit),
		Low: row.Low, High: row.High, Qualifier: val(row.Qualifier), Stretch: row.Stretch,
		StretchQualifier: val(row.StretchQualifier), Conflict: row.Conflict, RevisedFrom: row.RevisedFrom}
	if row.Since != nil {
		r.Since = int(*row.Since)
	}
	if row.Attainment != nil {
		r.Attainment = *row.Attainment
	}
	fail := func(err error) (metrics.Record, error) {
		return r, fmt.Errorf("tables: record %s %d %s: %w", row.RegionName, row.Year, row.Indicator, err)
	}
	for _, e := range []struct {
		v interface{ UnmarshalText([]byte) error }
		s string
	}{{&r.Kind, row.Kind}, {&r.Measure, row.Measure}, {&r.Bound, row.Bound}} {
		if err := e.v.UnmarshalText([]byte(e.s)); err != nil {
			return fail(err)
		}
	}
	var err error
	if r.Sources, err = fromSources(row.Sources); err != nil {
		return fail(err)
	}
	if r.StretchSources, err = fromSources(row.StretchSources); err != nil {
		return fail(err)
	}
	if row.Alternatives != nil {
		r.Alternatives = make([]metrics.Alternative, len(row.Alternatives))
		for i, a := range row.Alternatives {
			x := metrics.Alternative{Value: a.Value, Low: a.Low, High: a.High, Unit: extract.Unit(a.Unit), Qualifier: val(a.Qualifier)}
			if err := x.Bound.UnmarshalText([]byte(a.Bound)); err != nil {
				return fail(err)
			}
			if x.Sources, err = fromSources(a.Sources); err != nil {
				return fail(err)
			}
			r.Alternatives[i] = x
		}
	}
	return r, nil
}

// RecordsOf returns the records of rows, in order (Record.Record).
func RecordsOf(rows []Record) ([]metrics.Record, error) { return each(rows, (*Record).Record) }
