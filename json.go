package policyfacts

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/extract"
)

// AppendJSON appends r to dst as encoding/json writes it with HTML
// escaping off (json.Encoder.SetEscapeHTML(false)), without the newline
// Encode adds: the JSON line of SCHEMA.md. It writes each field directly
// instead of reflecting on the types, several times faster; a batch's
// output then costs little beside its extraction. TestAppendJSON holds it
// to encoding/json. It fails only on a value JSON cannot hold (an infinite
// or NaN number).
func (r *Result) AppendJSON(dst []byte) ([]byte, error) {
	w := jsonWriter{b: dst}
	w.raw(`{"schema_version":`)
	w.str(r.SchemaVersion)
	w.raw(`,"doc":`)
	w.doc(&r.Doc)
	w.raw(`,"quantities":`)
	w.list(len(r.Quantities), r.Quantities == nil, func(i int) {
		q := &r.Quantities[i]
		w.raw(`{"text":`)
		w.str(q.Text)
		w.raw(`,"start":`)
		w.int(q.Start)
		w.raw(`,"end":`)
		w.int(q.End)
		w.raw(`,"value":`)
		w.float(q.Value)
		w.raw(`,"unit":`)
		w.str(string(q.Unit))
		w.raw(`,"bound":`)
		w.str(q.Bound.String())
		w.raw(`,"dimension":`)
		w.str(q.Dimension.String())
		if q.Scale != "" {
			w.raw(`,"scale":`)
			w.str(q.Scale)
		}
		w.raw(`}`)
	})
	w.raw(`,"facts":`)
	w.list(len(r.Facts), r.Facts == nil, func(i int) { w.fact(&r.Facts[i]) })
	w.raw(`,"sectors":`)
	w.list(len(r.Sectors), r.Sectors == nil, func(i int) {
		s := &r.Sectors[i]
		w.raw(`{"name":`)
		w.str(s.Name)
		w.raw(`,"category":`)
		w.str(s.Category)
		if c := s.Codes; c != nil {
			w.raw(`,"codes":{`)
			sep := ""
			for _, f := range [...]struct {
				key   string
				codes []string
			}{{`"gbt4754":`, c.GBT4754}, {`"sei":`, c.SEI}, {`"digital":`, c.Digital}} {
				if len(f.codes) > 0 {
					w.raw(sep + f.key)
					w.list(len(f.codes), false, func(i int) { w.str(f.codes[i]) })
					sep = ","
				}
			}
			w.raw(`}`)
		}
		w.occurrences(s.Count, s.Positions)
	})
	w.raw(`,"slogans":`)
	w.list(len(r.Slogans), r.Slogans == nil, func(i int) {
		s := &r.Slogans[i]
		w.raw(`{"text":`)
		w.str(s.Text)
		w.occurrences(s.Count, s.Positions)
	})
	w.raw(`,"keywords":`)
	w.list(len(r.Keywords), r.Keywords == nil, func(i int) {
		k := &r.Keywords[i]
		w.raw(`{"text":`)
		w.str(k.Text)
		w.raw(`,"weight":`)
		w.float(k.Weight)
		w.raw(`,"count":`)
		w.int(k.Count)
		w.raw(`}`)
	})
	w.raw(`}`)
	return w.b, w.err
}

func (w *jsonWriter) doc(d *DocInfo) {
	w.raw(`{"id":`)
	w.str(d.ID)
	w.raw(`,"title":`)
	w.strPtr(d.Title)
	w.raw(`,"date":`)
	w.strPtr(d.Date)
	w.raw(`,"region":`)
	w.strPtr(d.Region)
	w.raw(`,"region_code":`)
	w.strPtr(d.RegionCode)
	w.raw(`,"region_level":`)
	w.strPtr(d.RegionLevel)
	w.raw(`,"speaker":`)
	w.strPtr(d.Speaker)
	w.raw(`,"year":`)
	if d.Year == nil {
		w.raw(`null`)
	} else {
		w.int(*d.Year)
	}
	for _, f := range [...]struct{ key, v string }{{`,"source":`, d.Source}, {`,"url":`, d.URL}, {`,"encoding":`, d.Encoding}} {
		if f.v != "" {
			w.raw(f.key)
			w.str(f.v)
		}
	}
	w.raw(`,"redacted":`)
	w.int(d.Redacted)
	w.raw(`}`)
}

// fact writes f in the shape of extract.Fact's MarshalJSON, whose strings
// json.Marshal writes with HTML escaping on (\u003c for <).
func (w *jsonWriter) fact(f *extract.Fact) {
	w.html = true
	w.raw(`{"indicator":`)
	w.str(f.Indicator)
	w.raw(`,"metric":`)
	w.str(f.Metric)
	w.raw(`,"measure":`)
	w.str(f.Measure.String())
	w.raw(`,"kind":`)
	w.str(f.Kind.String())
	w.raw(`,"year":`)
	if f.Year == 0 {
		w.raw(`null`)
	} else {
		w.int(f.Year)
	}
	w.raw(`,"value":`)
	w.float(f.Quantity.Value)
	w.raw(`,"unit":`)
	w.str(string(f.Quantity.Unit))
	w.raw(`,"bound":`)
	w.str(f.Quantity.Bound.String())
	w.raw(`,"region":`)
	if f.Region == "" {
		w.raw(`null`)
	} else {
		w.str(f.Region)
	}
	if f.RegionCode != "" {
		w.raw(`,"region_code":`)
		w.str(f.RegionCode)
	}
	if f.Qualifier != "" {
		w.raw(`,"qualifier":`)
		w.str(f.Qualifier)
	}
	if f.Since != 0 {
		w.raw(`,"since":`)
		w.int(f.Since)
	}
	w.raw(`,"section":`)
	w.str(f.Section.String())
	w.raw(`,"evidence":`)
	w.str(f.Evidence)
	w.raw(`,"text":`)
	w.str(f.Quantity.Text)
	w.raw(`,"start":`)
	w.int(f.Quantity.Start)
	w.raw(`,"end":`)
	w.int(f.Quantity.End)
	w.raw(`}`)
	w.html = false
}

// jsonWriter appends JSON values as encoding/json writes them.
type jsonWriter struct {
	b    []byte
	err  error // the first value JSON cannot hold
	html bool  // escape <, > and & too
}

func (w *jsonWriter) raw(s string) { w.b = append(w.b, s...) }

func (w *jsonWriter) int(i int) { w.b = strconv.AppendInt(w.b, int64(i), 10) }

// occurrences ends a sector or slogan object with its count and
// positions.
func (w *jsonWriter) occurrences(count int, positions []int) {
	w.raw(`,"count":`)
	w.int(count)
	w.raw(`,"positions":`)
	w.ints(positions)
	w.raw(`}`)
}

func (w *jsonWriter) ints(xs []int) {
	w.list(len(xs), xs == nil, func(i int) { w.int(xs[i]) })
}

// list writes a JSON array of n elements with elem, or null for a nil
// slice.
func (w *jsonWriter) list(n int, isNil bool, elem func(i int)) {
	if isNil {
		w.raw(`null`)
		return
	}
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		elem(i)
	}
	w.b = append(w.b, ']')
}

func (w *jsonWriter) strPtr(p *string) {
	if p == nil {
		w.raw(`null`)
		return
	}
	w.str(*p)
}

// float writes f as encoding/json does: like ES6, %f between 1e-6 and
// 1e21, else an exponent without padding.
func (w *jsonWriter) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if w.err == nil {
			w.err = fmt.Errorf("policyfacts: unsupported value: %v", f)
		}
		w.raw(`null`)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' { // e-09 → e-9
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

// str writes s as a JSON string, escaping as encoding/json does: quote,
// backslash and control characters, invalid UTF-8 as \ufffd, U+2028 and
// U+2029, and with w.html <, > and &.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!w.html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		} else if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		} else {
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}
