package metrics

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/policyfacts/policyfacts/extract"
)

// LongColumns are the columns of WriteCSV, one row per record. The first
// fifteen are those of earlier versions, in the same order.
var LongColumns = []string{"region", "year", "indicator", "kind", "measure", "value", "unit", "bound",
	"qualifier", "attainment", "conflict", "n_sources", "doc_ids", "text", "evidence",
	"region_name", "region_code", "region_level", "low", "high", "stretch", "stretch_qualifier", "alternatives", "since", "revised_from"}

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

func fmtPtr(p *float64) string {
	if p == nil {
		return ""
	}
	return fmtFloat(*p)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// altsJSON writes a record's alternatives for a CSV cell: compact JSON,
// one object per alternative with its value, bound, range, qualifier and
// the figure as first written ([{"value":3000000000000,"bound":"gt",
// "text":"突破3万亿元"}]); "" when there are none.
func altsJSON(alts []Alternative) (string, error) {
	if len(alts) == 0 {
		return "", nil
	}
	type alt struct {
		Value     float64       `json:"value"`
		Bound     extract.Bound `json:"bound"`
		Low       *float64      `json:"low,omitempty"`
		High      *float64      `json:"high,omitempty"`
		Qualifier string        `json:"qualifier,omitempty"`
		Text      string        `json:"text"`
	}
	out := make([]alt, len(alts))
	for i, a := range alts {
		out[i] = alt{Value: a.Value, Bound: a.Bound, Low: a.Low, High: a.High, Qualifier: a.Qualifier}
		if len(a.Sources) > 0 {
			out[i].Text = a.Sources[0].Text
		}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
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
		since := ""
		if r.Since != 0 {
			since = strconv.Itoa(r.Since)
		}
		alts, err := altsJSON(r.Alternatives)
		if err != nil {
			return err
		}
		row := []string{r.Region, strconv.Itoa(r.Year), r.Indicator, r.Kind.String(), r.Measure.String(),
			fmtFloat(r.Value), string(r.Unit), r.Bound.String(), r.Qualifier, att, strconv.FormatBool(r.Conflict),
			strconv.Itoa(len(r.Sources)), strings.Join(ids, ";"), r.Sources[0].Text, r.Sources[0].Evidence,
			r.RegionName, deref(r.RegionCode), deref(r.RegionLevel), fmtPtr(r.Low), fmtPtr(r.High),
			fmtPtr(r.Stretch), r.StretchQualifier, alts, since, fmtPtr(r.RevisedFrom)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SchemaVersion is the version of the JSON shape of records and of
// extraction results (policyfacts.SchemaVersion), written first in each
// object as "schema_version".
const SchemaVersion = "1"

// WriteJSONL writes one record per line, each starting with its
// "schema_version".
func WriteJSONL(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	type versioned struct {
		SchemaVersion string `json:"schema_version"`
		Record
	}
	for _, r := range recs {
		if err := enc.Encode(versioned{SchemaVersion, r}); err != nil {
			return err
		}
	}
	return nil
}
