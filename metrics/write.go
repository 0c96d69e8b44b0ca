package metrics

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"
)

// LongColumns are the columns of WriteCSV, one row per record.
var LongColumns = []string{"region", "year", "indicator", "kind", "measure", "value", "unit", "bound",
	"qualifier", "attainment", "conflict", "n_sources", "doc_ids", "text", "evidence"}

// CSVOptions control the CSV writers.
type CSVOptions struct {
	// BOM writes a UTF-8 byte-order mark first, for spreadsheet programs
	// that need one to read Chinese text.
	BOM bool
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func newCSV(w io.Writer, o CSVOptions) (*csv.Writer, error) {
	if o.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
	}
	return csv.NewWriter(w), nil
}

// WriteCSV writes records in long form: one row per record, LongColumns.
func WriteCSV(w io.Writer, recs []Record, o CSVOptions) error {
	cw, err := newCSV(w, o)
	if err != nil {
		return err
	}
	if err := cw.Write(LongColumns); err != nil {
		return err
	}
	for _, r := range recs {
		var ids []string
		seen := map[string]bool{}
		for _, s := range r.Sources {
			if !seen[s.DocID] {
				seen[s.DocID] = true
				ids = append(ids, s.DocID)
			}
		}
		att := ""
		if r.Attainment != 0 {
			att = fmtFloat(r.Attainment)
		}
		row := []string{r.Region, strconv.Itoa(r.Year), r.Indicator, r.Kind.String(), r.Measure.String(),
			fmtFloat(r.Value), string(r.Unit), r.Bound.String(), r.Qualifier, att, strconv.FormatBool(r.Conflict),
			strconv.Itoa(len(r.Sources)), strings.Join(ids, ";"), r.Sources[0].Text, r.Sources[0].Evidence}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteWideCSV writes one row per region and year, with a column per
// indicator, kind and measure ("gdp.actual", "gdp.target", "gdp.yoy.actual";
// the level measure is left out of the name). A cell with several values
// (target tiers, conflicts) holds them joined by ";".
func WriteWideCSV(w io.Writer, recs []Record, o CSVOptions) error {
	type ry struct {
		region string
		year   int
	}
	cols := map[string]bool{}
	rows := map[ry]map[string][]string{}
	var order []ry
	for _, r := range recs {
		col := r.Indicator
		if r.Measure.String() != "level" {
			col += "." + r.Measure.String()
		}
		col += "." + r.Kind.String()
		cols[col] = true
		k := ry{r.Region, r.Year}
		if rows[k] == nil {
			rows[k] = map[string][]string{}
			order = append(order, k)
		}
		rows[k][col] = append(rows[k][col], fmtFloat(r.Value))
	}
	names := make([]string, 0, len(cols))
	for c := range cols {
		names = append(names, c)
	}
	sort.Strings(names)
	sort.Slice(order, func(i, j int) bool {
		if order[i].region != order[j].region {
			return order[i].region < order[j].region
		}
		return order[i].year < order[j].year
	})
	cw, err := newCSV(w, o)
	if err != nil {
		return err
	}
	if err := cw.Write(append([]string{"region", "year"}, names...)); err != nil {
		return err
	}
	for _, k := range order {
		row := []string{k.region, strconv.Itoa(k.year)}
		for _, c := range names {
			row = append(row, strings.Join(rows[k][c], ";"))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONL writes one record per line.
func WriteJSONL(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}
