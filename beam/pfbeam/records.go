package pfbeam

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/policyfacts/policyfacts/metrics"
)

func init() {
	beam.RegisterCoder(reflect.TypeFor[Doc](), encodeDoc, decodeDoc)
	register.Function2x0(keyDoc)
	register.Emitter2[string, Doc]()
	register.DoFn3x1[string, func(*Doc) bool, func(string), error](&recordsFn{})
	register.Iter1[Doc]()
}

// encodeDoc and decodeDoc are the coder of Doc: gob, which keeps every
// field of the facts (the enums by their MarshalText names).
func encodeDoc(d Doc) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(d); err != nil {
		return nil, fmt.Errorf("pfbeam: encoding %s: %w", d.Facts.ID, err)
	}
	return b.Bytes(), nil
}

func decodeDoc(b []byte) (Doc, error) {
	var d Doc
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&d); err != nil {
		return Doc{}, fmt.Errorf("pfbeam: decoding a Doc: %w", err)
	}
	return d, nil
}

// Records builds the annual records of docs (a PCollection of Doc, from
// Extract) and returns them as JSON lines (a PCollection of string), each
// as `policyfacts records --format jsonl` prints it, without the newline.
//
// A record's cell is keyed by its place: the region's code, else (a
// region known by name only, a document whose region is unknown, a
// sub-area with no code) a key under the document's own place. Each
// document is sent to the groups of the places its facts fall in: the
// codes of its records, and its own place for the records with no code,
// which only documents of that same own place can state. Each group runs
// metrics.Records over its documents sorted by Doc.Order and keeps the
// records of its place, so a record is built from every document that
// states it, in the order a batch reads them.
func Records(s beam.Scope, docs beam.PCollection) beam.PCollection {
	s = s.Scope("pfbeam.Records")
	keyed := beam.ParDo(s, keyDoc, docs)
	return beam.ParDo(s, &recordsFn{}, beam.GroupByKey(s, keyed))
}

// Group keys: a region's code, or a document's own place for the records
// without one.
const (
	codeKey  = "c:"
	placeKey = "o:"
)

// ownPlace is the key of the places of a document's records that have no
// code: its region's code, else its region's name, else its id, as
// metrics keys the document's own place.
func ownPlace(d *metrics.DocFacts) string {
	switch {
	case d.RegionCode != "":
		return placeKey + "c:" + d.RegionCode
	case d.Region != "":
		return placeKey + "n:" + d.Region
	}
	return placeKey + "d:" + d.ID
}

// keyDoc emits d under the key of each place its records fall in.
func keyDoc(d Doc, emit func(string, Doc)) {
	seen := map[string]bool{}
	for _, r := range metrics.Records([]metrics.DocFacts{d.Facts}) {
		k := ownPlace(&d.Facts)
		if r.RegionCode != nil {
			k = codeKey + *r.RegionCode
		}
		if !seen[k] {
			seen[k] = true
			emit(k, d)
		}
	}
}

// recordsFn builds the records of one place from the documents that state
// them.
type recordsFn struct{}

// ProcessElement runs metrics.Records over the documents of key, in input
// order, and emits the records of key's place.
func (recordsFn) ProcessElement(key string, docs func(*Doc) bool, emit func(string)) error {
	var all []Doc
	var d Doc
	for docs(&d) {
		all = append(all, d)
	}
	slices.SortFunc(all, func(a, b Doc) int { return cmp.Compare(a.Order, b.Order) })
	facts := make([]metrics.DocFacts, len(all))
	for i := range all {
		facts[i] = all[i].Facts
	}
	var keep []metrics.Record
	for _, r := range metrics.Records(facts) {
		if r.RegionCode != nil && key == codeKey+*r.RegionCode || r.RegionCode == nil && strings.HasPrefix(key, placeKey) {
			keep = append(keep, r)
		}
	}
	var b bytes.Buffer
	if err := metrics.WriteJSONL(&b, keep); err != nil {
		return fmt.Errorf("pfbeam: records of %s: %w", key, err)
	}
	for line := range bytes.Lines(b.Bytes()) {
		emit(string(bytes.TrimSuffix(line, []byte("\n"))))
	}
	return nil
}
