package tables

import (
	"fmt"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/segment"
)

// Names of the tables of extraction results, in the order Rows holds them.
const (
	Documents  = "documents"
	Quantities = "quantities"
	Facts      = "facts"
	Sectors    = "sectors"
	Slogans    = "slogans"
	Keywords   = "keywords"
)

// ExtractTables lists the tables of extraction results.
var ExtractTables = []string{Documents, Quantities, Facts, Sectors, Slogans, Keywords}

// Document is the row of the documents table: the "doc" object of a
// result. DocID is the key every other table joins on.
type Document struct {
	DocID       string  `parquet:"doc_id"`
	Title       *string `parquet:"title,optional"`
	Date        *string `parquet:"date,optional,dict"`
	Region      *string `parquet:"region,optional,dict"`
	RegionCode  *string `parquet:"region_code,optional,dict"`
	RegionLevel *string `parquet:"region_level,optional,dict"`
	Speaker     *string `parquet:"speaker,optional,dict"`
	Year        *int32  `parquet:"year,optional"`
	Source      *string `parquet:"source,optional,dict"` // null where the result has none
	URL         *string `parquet:"url,optional"`
	Encoding    *string `parquet:"encoding,optional,dict"`
	Redacted    int32   `parquet:"redacted"`
}

// Quantity is a row of the quantities table. Seq is the quantity's place
// in the document's list, from 0; (DocID, Seq) is the key.
type Quantity struct {
	DocID     string  `parquet:"doc_id,dict"`
	Seq       int32   `parquet:"seq"`
	Text      string  `parquet:"text"`
	Start     int64   `parquet:"start"`
	End       int64   `parquet:"end"`
	Value     float64 `parquet:"value"`
	Unit      string  `parquet:"unit,dict"`
	Bound     string  `parquet:"bound,dict"`
	Dimension string  `parquet:"dimension,dict"`
	Scale     *string `parquet:"scale,optional,dict"`
}

// Fact is a row of the facts table; (DocID, Seq) is the key. Year is null
// when unknown; Region, RegionCode, Qualifier and Since are null where the
// JSON has null or leaves them out.
type Fact struct {
	DocID      string  `parquet:"doc_id,dict"`
	Seq        int32   `parquet:"seq"`
	Indicator  string  `parquet:"indicator,dict"`
	Metric     string  `parquet:"metric,dict"`
	Measure    string  `parquet:"measure,dict"`
	Kind       string  `parquet:"kind,dict"`
	Year       *int32  `parquet:"year,optional"`
	Value      float64 `parquet:"value"`
	Unit       string  `parquet:"unit,dict"`
	Bound      string  `parquet:"bound,dict"`
	Region     *string `parquet:"region,optional,dict"`
	RegionCode *string `parquet:"region_code,optional,dict"`
	Qualifier  *string `parquet:"qualifier,optional,dict"`
	Since      *int32  `parquet:"since,optional"`
	Section    string  `parquet:"section,dict"`
	Evidence   string  `parquet:"evidence"`
	Text       string  `parquet:"text"`
	Start      int64   `parquet:"start"`
	End        int64   `parquet:"end"`
}

// Sector is a row of the sectors table; (DocID, Seq) is the key. The code
// lists are empty for a sector no official class holds (no "codes" in the
// JSON).
type Sector struct {
	DocID     string   `parquet:"doc_id,dict"`
	Seq       int32    `parquet:"seq"`
	Name      string   `parquet:"name,dict"`
	Category  string   `parquet:"category,dict"`
	GBT4754   []string `parquet:"gbt4754,list"`
	SEI       []string `parquet:"sei,list"`
	Digital   []string `parquet:"digital,list"`
	Count     int32    `parquet:"count"`
	Positions []int64  `parquet:"positions,list"`
}

// Slogan is a row of the slogans table; (DocID, Seq) is the key.
type Slogan struct {
	DocID     string  `parquet:"doc_id,dict"`
	Seq       int32   `parquet:"seq"`
	Text      string  `parquet:"text,dict"`
	Count     int32   `parquet:"count"`
	Positions []int64 `parquet:"positions,list"`
}

// Keyword is a row of the keywords table (empty unless keywords were
// asked for); (DocID, Seq) is the key, Seq the rank from 0.
type Keyword struct {
	DocID  string  `parquet:"doc_id,dict"`
	Seq    int32   `parquet:"seq"`
	Text   string  `parquet:"text,dict"`
	Weight float64 `parquet:"weight"`
	Count  int32   `parquet:"count"`
}

// Rows are one document's rows of every table.
type Rows struct {
	// SchemaVersion is the result's schema_version, which the storage
	// formats keep once per file or database.
	SchemaVersion string
	Document      Document
	Quantities    []Quantity
	Facts         []Fact
	Sectors       []Sector
	Slogans       []Slogan
	Keywords      []Keyword
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func val(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func opt32(i int) *int32 {
	if i == 0 {
		return nil
	}
	v := int32(i)
	return &v
}

func int64s(xs []int) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = int64(x)
	}
	return out
}

func ints(xs []int64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}

// FromResult returns the rows of r.
func FromResult(r *policyfacts.Result) Rows {
	d := &r.Doc
	id := d.ID
	rows := Rows{SchemaVersion: r.SchemaVersion, Document: Document{
		DocID: id, Title: d.Title, Date: d.Date, Region: d.Region, RegionCode: d.RegionCode,
		RegionLevel: d.RegionLevel, Speaker: d.Speaker,
		Source: opt(d.Source), URL: opt(d.URL), Encoding: opt(d.Encoding), Redacted: int32(d.Redacted),
	}}
	if d.Year != nil {
		y := int32(*d.Year)
		rows.Document.Year = &y
	}
	rows.Quantities = make([]Quantity, len(r.Quantities))
	for i, q := range r.Quantities {
		rows.Quantities[i] = Quantity{DocID: id, Seq: int32(i), Text: q.Text, Start: int64(q.Start), End: int64(q.End),
			Value: q.Value, Unit: string(q.Unit), Bound: q.Bound.String(), Dimension: q.Dimension.String(), Scale: opt(q.Scale)}
	}
	rows.Facts = make([]Fact, len(r.Facts))
	for i := range r.Facts {
		f := &r.Facts[i]
		rows.Facts[i] = Fact{DocID: id, Seq: int32(i), Indicator: f.Indicator, Metric: f.Metric,
			Measure: f.Measure.String(), Kind: f.Kind.String(), Year: opt32(f.Year),
			Value: f.Quantity.Value, Unit: string(f.Quantity.Unit), Bound: f.Quantity.Bound.String(),
			Region: opt(f.Region), RegionCode: opt(f.RegionCode), Qualifier: opt(f.Qualifier), Since: opt32(f.Since),
			Section: f.Section.String(), Evidence: f.Evidence, Text: f.Quantity.Text,
			Start: int64(f.Quantity.Start), End: int64(f.Quantity.End)}
	}
	rows.Sectors = make([]Sector, len(r.Sectors))
	for i, s := range r.Sectors {
		row := Sector{DocID: id, Seq: int32(i), Name: s.Name, Category: s.Category, Count: int32(s.Count), Positions: int64s(s.Positions)}
		if c := s.Codes; c != nil {
			row.GBT4754, row.SEI, row.Digital = c.GBT4754, c.SEI, c.Digital
		}
		rows.Sectors[i] = row
	}
	rows.Slogans = make([]Slogan, len(r.Slogans))
	for i, s := range r.Slogans {
		rows.Slogans[i] = Slogan{DocID: id, Seq: int32(i), Text: s.Text, Count: int32(s.Count), Positions: int64s(s.Positions)}
	}
	rows.Keywords = make([]Keyword, len(r.Keywords))
	for i, k := range r.Keywords {
		rows.Keywords[i] = Keyword{DocID: id, Seq: int32(i), Text: k.Text, Weight: k.Weight, Count: int32(k.Count)}
	}
	return rows
}

// Result returns the result the rows hold, as FromResult was given it:
// its JSON line (Result.AppendJSON) is the same. The rows of each table
// are taken in Seq order as they stand; an enumeration the schema does not
// know is an error.
func (rows *Rows) Result() (policyfacts.Result, error) {
	d := &rows.Document
	r := policyfacts.Result{SchemaVersion: rows.SchemaVersion, Doc: policyfacts.DocInfo{
		ID: d.DocID, Title: d.Title, Date: d.Date, Region: d.Region, RegionCode: d.RegionCode,
		RegionLevel: d.RegionLevel, Speaker: d.Speaker,
		Source: val(d.Source), URL: val(d.URL), Encoding: val(d.Encoding), Redacted: int(d.Redacted),
	}}
	if d.Year != nil {
		y := int(*d.Year)
		r.Doc.Year = &y
	}
	r.Quantities = make([]extract.Quantity, len(rows.Quantities))
	for i, q := range rows.Quantities {
		x := extract.Quantity{Text: q.Text, Start: int(q.Start), End: int(q.End), Value: q.Value,
			Unit: extract.Unit(q.Unit), Scale: val(q.Scale)}
		if err := x.Bound.UnmarshalText([]byte(q.Bound)); err != nil {
			return r, rowError(Quantities, d.DocID, i, err)
		}
		if err := x.Dimension.UnmarshalText([]byte(q.Dimension)); err != nil {
			return r, rowError(Quantities, d.DocID, i, err)
		}
		r.Quantities[i] = x
	}
	r.Facts = make([]extract.Fact, len(rows.Facts))
	for i, f := range rows.Facts {
		x := extract.Fact{Indicator: f.Indicator, Metric: f.Metric,
			Quantity: extract.Quantity{Text: f.Text, Start: int(f.Start), End: int(f.End), Value: f.Value, Unit: extract.Unit(f.Unit)},
			Region:   val(f.Region), RegionCode: val(f.RegionCode), Qualifier: val(f.Qualifier), Evidence: f.Evidence}
		if f.Year != nil {
			x.Year = int(*f.Year)
		}
		if f.Since != nil {
			x.Since = int(*f.Since)
		}
		for _, e := range []struct {
			v interface{ UnmarshalText([]byte) error }
			s string
		}{{&x.Measure, f.Measure}, {&x.Kind, f.Kind}, {&x.Quantity.Bound, f.Bound}, {&x.Section, f.Section}} {
			if err := e.v.UnmarshalText([]byte(e.s)); err != nil {
				return r, rowError(Facts, d.DocID, i, err)
			}
		}
		// a fact's quantity has the dimension of its unit; the JSON does
		// not carry it, nor does the table
		r.Facts[i] = x
	}
	r.Sectors = make([]extract.Sector, len(rows.Sectors))
	for i, s := range rows.Sectors {
		x := extract.Sector{Name: s.Name, Category: s.Category, Count: int(s.Count), Positions: ints(s.Positions)}
		if len(s.GBT4754)+len(s.SEI)+len(s.Digital) > 0 {
			x.Codes = &extract.SectorCodes{GBT4754: nilIfEmpty(s.GBT4754), SEI: nilIfEmpty(s.SEI), Digital: nilIfEmpty(s.Digital)}
		}
		r.Sectors[i] = x
	}
	r.Slogans = make([]extract.Slogan, len(rows.Slogans))
	for i, s := range rows.Slogans {
		r.Slogans[i] = extract.Slogan{Text: s.Text, Count: int(s.Count), Positions: ints(s.Positions)}
	}
	r.Keywords = make([]segment.Keyword, len(rows.Keywords))
	for i, k := range rows.Keywords {
		r.Keywords[i] = segment.Keyword{Text: k.Text, Weight: k.Weight, Count: int(k.Count)}
	}
	return r, nil
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func rowError(table, id string, seq int, err error) error {
	return fmt.Errorf("tables: %s row %d of %s: %w", table, seq, id, err)
}

// ResultsOf returns the results of rows, in order (Rows.Result).
func ResultsOf(rows []Rows) ([]policyfacts.Result, error) { return each(rows, (*Rows).Result) }

// each returns f of every element of rows, in order; the first error
// stops it.
func each[T, U any](rows []T, f func(*T) (U, error)) ([]U, error) {
	out := make([]U, len(rows))
	for i := range rows {
		var err error
		if out[i], err = f(&rows[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
