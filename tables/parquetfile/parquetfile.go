// Package parquetfile writes the tables of package tables as Apache
// Parquet files (github.com/parquet-go/parquet-go) and reads them back.
//
// Extraction results make one file per table, named TABLE.parquet
// (documents, quantities, facts, sectors, slogans, keywords), whose rows
// join on doc_id; annual records make one file in long form (WriteRecords:
// one row per record, its sources and alternatives as nested lists) or
// wide form (WriteWide: one row per region and year, one nullable double
// column per metrics.WideColumns). Columns are typed (int32 years and
// counts, int64 byte offsets, float64 values, booleans), strings that
// repeat are dictionary-encoded, a JSON null is a null cell, and pages are
// compressed with zstd. Every file carries the output's schema version in
// its key-value metadata under SchemaVersionKey.
//
// The writers stream: rows are buffered into row groups of at most
// RowGroupRows rows, so memory stays bounded over any number of
// documents. The readers load a whole file; they serve tests and small
// outputs (DuckDB, pandas, Spark and R read the files directly).
package parquetfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables"
)

// SchemaVersionKey is the key of the file metadata that holds the output's
// schema version (policyfacts.SchemaVersion).
const SchemaVersionKey = "policyfacts.schema_version"

// RowGroupRows is the most rows a row group holds.
const RowGroupRows = 1 << 17

// FileName returns the name of a table's file: TABLE.parquet.
func FileName(table string) string { return table + ".parquet" }

func writerOptions() []parquet.WriterOption {
	return []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.MaxRowsPerRowGroup(RowGroupRows),
		parquet.KeyValueMetadata(SchemaVersionKey, policyfacts.SchemaVersion),
	}
}

// Files are the destinations of the tables of extraction results.
type Files struct {
	Documents, Quantities, Facts, Sectors, Slogans, Keywords io.Writer
}

// Writer writes extraction results as the tables' Parquet files. It is
// not safe for concurrent use.
type Writer struct {
	docs  *parquet.GenericWriter[tables.Document]
	qs    *parquet.GenericWriter[tables.Quantity]
	facts *parquet.GenericWriter[tables.Fact]
	secs  *parquet.GenericWriter[tables.Sector]
	slos  *parquet.GenericWriter[tables.Slogan]
	kws   *parquet.GenericWriter[tables.Keyword]
	err   error
}

// NewWriter returns a Writer to f; every destination must be set.
func NewWriter(f Files) (*Writer, error) {
	if f.Documents == nil || f.Quantities == nil || f.Facts == nil || f.Sectors == nil || f.Slogans == nil || f.Keywords == nil {
		return nil, errors.New("parquetfile: a table has no destination")
	}
	o := writerOptions()
	return &Writer{
		docs:  parquet.NewGenericWriter[tables.Document](f.Documents, o...),
		qs:    parquet.NewGenericWriter[tables.Quantity](f.Quantities, o...),
		facts: parquet.NewGenericWriter[tables.Fact](f.Facts, o...),
		secs:  parquet.NewGenericWriter[tables.Sector](f.Sectors, o...),
		slos:  parquet.NewGenericWriter[tables.Slogan](f.Slogans, o...),
		kws:   parquet.NewGenericWriter[tables.Keyword](f.Keywords, o...),
	}, nil
}

func write[T any](w *parquet.GenericWriter[T], rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	_, err := w.Write(rows)
	return err
}

// Write adds the rows of r to the tables. After an error the Writer
// fails every call.
func (w *Writer) Write(r *policyfacts.Result) error {
	if w.err != nil {
		return w.err
	}
	if r.SchemaVersion != policyfacts.SchemaVersion {
		return fmt.Errorf("parquetfile: %s: schema version %q, not %q", r.Doc.ID, r.SchemaVersion, policyfacts.SchemaVersion)
	}
	rows := tables.FromResult(r)
	w.err = errors.Join(
		write(w.docs, []tables.Document{rows.Document}),
		write(w.qs, rows.Quantities),
		write(w.facts, rows.Facts),
		write(w.secs, rows.Sectors),
		write(w.slos, rows.Slogans),
		write(w.kws, rows.Keywords))
	if w.err != nil {
		w.err = fmt.Errorf("parquetfile: %s: %w", r.Doc.ID, w.err)
	}
	return w.err
}

// Close writes the rest of the rows and the files' footers. It does not
// close the destinations.
func (w *Writer) Close() error {
	err := errors.Join(w.docs.Close(), w.qs.Close(), w.facts.Close(), w.secs.Close(), w.slos.Close(), w.kws.Close())
	if err != nil {
		return fmt.Errorf("parquetfile: %w", err)
	}
	return w.err
}

// WriteRecords writes recs as the records table, long form: one row per
// record (tables.Record).
func WriteRecords(w io.Writer, recs []metrics.Record) error {
	pw := parquet.NewGenericWriter[tables.Record](w, writerOptions()...)
	buf := make([]tables.Record, 0, 1024)
	for i := range recs {
		buf = append(buf, tables.FromRecord(&recs[i]))
		if len(buf) == cap(buf) || i == len(recs)-1 {
			if _, err := pw.Write(buf); err != nil {
				return fmt.Errorf("parquetfile: %w", err)
			}
			buf = buf[:0]
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquetfile: %w", err)
	}
	return nil
}

// WideIDColumns are the first columns of the wide table: region,
// region_name (strings), region_code, region_level (nullable strings),
// year (int32) and doc_ids (a list of strings); one nullable double
// column per metrics.WideColumns follows, named by its Name, in that
// order.
var WideIDColumns = []string{"region", "region_name", "region_code", "region_level", "year", "doc_ids"}

// wideIDFields are the Go fields of WideIDColumns.
var wideIDFields = []reflect.StructField{
	{Name: "Region", Type: reflect.TypeFor[string](), Tag: `parquet:"region,dict"`},
	{Name: "RegionName", Type: reflect.TypeFor[string](), Tag: `parquet:"region_name,dict"`},
	{Name: "RegionCode", Type: reflect.TypeFor[*string](), Tag: `parquet:"region_code,optional,dict"`},
	{Name: "RegionLevel", Type: reflect.TypeFor[*string](), Tag: `parquet:"region_level,optional,dict"`},
	{Name: "Year", Type: reflect.TypeFor[int32](), Tag: `parquet:"year"`},
	{Name: "DocIDs", Type: reflect.TypeFor[[]string](), Tag: `parquet:"doc_ids,list"`},
}

// wideType returns the Go struct of a wide row with value columns names:
// a struct keeps the order of its fields in the file, where a
// parquet.Group would sort them by name.
func wideType(names []string) (reflect.Type, error) {
	fields := slices.Clone(wideIDFields)
	seen := map[string]bool{}
	for _, id := range WideIDColumns {
		seen[id] = true
	}
	for i, n := range names {
		if seen[n] || !safeName(n) {
			return nil, fmt.Errorf("parquetfile: wide column name %q", n)
		}
		seen[n] = true
		fields = append(fields, reflect.StructField{Name: "V" + strconv.Itoa(i), Type: reflect.TypeFor[*float64](),
			Tag: reflect.StructTag(`parquet:"` + n + `,optional"`)})
	}
	return reflect.StructOf(fields), nil
}

// safeName reports whether n can stand in a struct tag: ASCII letters,
// digits and underscores (metrics.WideColumn.Name).
func safeName(n string) bool {
	for _, c := range []byte(n) {
		if !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return n != ""
}

// WriteWide writes recs as the wide table (metrics.WideTable): one row per
// region and year, WideIDColumns then one nullable double per value
// column. The codebook of the columns is metrics.WriteCodebook's.
func WriteWide(w io.Writer, recs []metrics.Record) error {
	cols, rows := metrics.WideTable(recs)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	typ, err := wideType(names)
	if err != nil {
		return err
	}
	pw := parquet.NewWriter(w, append(writerOptions(), parquet.SchemaOf(reflect.New(typ).Interface()))...)
	for _, r := range rows {
		v := reflect.New(typ)
		e := v.Elem()
		e.Field(0).SetString(r.Region)
		e.Field(1).SetString(r.RegionName)
		e.Field(2).Set(reflect.ValueOf(r.RegionCode))
		e.Field(3).Set(reflect.ValueOf(r.RegionLevel))
		e.Field(4).SetInt(int64(r.Year))
		e.Field(5).Set(reflect.ValueOf(r.DocIDs))
		for i, x := range r.Values {
			e.Field(len(wideIDFields) + i).Set(reflect.ValueOf(x))
		}
		if err := pw.Write(v.Interface()); err != nil {
			return fmt.Errorf("parquetfile: %w", err)
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquetfile: %w", err)
	}
	return nil
}

// ReadWide reads a file WriteWide wrote: the names of its value columns,
// in order, and its rows.
func ReadWide(path string) ([]string, []metrics.WideRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return nil, nil, fmt.Errorf("parquetfile: %s: %w", path, err)
	}
	fields := pf.Schema().Fields()
	if len(fields) < len(WideIDColumns) {
		return nil, nil, fmt.Errorf("parquetfile: %s: not a wide table (%d columns)", path, len(fields))
	}
	for i, id := range WideIDColumns {
		if fields[i].Name() != id {
			return nil, nil, fmt.Errorf("parquetfile: %s: not a wide table (column %d is %q, not %q)", path, i, fields[i].Name(), id)
		}
	}
	var names []string
	for _, fl := range fields[len(WideIDColumns):] {
		names = append(names, fl.Name())
	}
	typ, err := wideType(names)
	if err != nil {
		return nil, nil, err
	}
	r := parquet.NewReader(pf, parquet.SchemaOf(reflect.New(typ).Interface()))
	defer r.Close()
	var rows []metrics.WideRow
	for range r.NumRows() {
		v := reflect.New(typ)
		if err := r.Read(v.Interface()); err != nil {
			return nil, nil, fmt.Errorf("parquetfile: %s: %w", path, err)
		}
		e := v.Elem()
		row := metrics.WideRow{Region: e.Field(0).String(), RegionName: e.Field(1).String(),
			RegionCode: e.Field(2).Interface().(*string), RegionLevel: e.Field(3).Interface().(*string),
			Year: int(e.Field(4).Int()), DocIDs: e.Field(5).Interface().([]string), Values: make([]*float64, len(names))}
		for i := range names {
			row.Values[i] = e.Field(len(wideIDFields) + i).Interface().(*float64)
		}
		rows = append(rows, row)
	}
	return names, rows, nil
}

// ReadResults reads the tables of extraction results from the files
// FileName names in dir and joins them back into results, in the order of
// the documents file. A row of another table whose doc_id no document has
// is an error.
func ReadResults(dir string) ([]policyfacts.Result, error) {
	version, docs, err := readFile[tables.Document](filepath.Join(dir, FileName(tables.Documents)))
	if err != nil {
		return nil, err
	}
	rows := make([]tables.Rows, len(docs))
	index := make(map[string]int, len(docs))
	for i, d := range docs {
		rows[i] = tables.Rows{SchemaVersion: version, Document: d}
		index[d.DocID] = i
	}
	find := func(table, id string) (*tables.Rows, error) {
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("parquetfile: %s: doc_id %q is in no row of the documents table", table, id)
		}
		return &rows[i], nil
	}
	if err := readInto(dir, tables.Quantities, find, func(r *tables.Rows, q tables.Quantity) { r.Quantities = append(r.Quantities, q) }, func(q tables.Quantity) string { return q.DocID }); err != nil {
		return nil, err
	}
	if err := readInto(dir, tables.Facts, find, func(r *tables.Rows, f tables.Fact) { r.Facts = append(r.Facts, f) }, func(f tables.Fact) string { return f.DocID }); err != nil {
		return nil, err
	}
	if err := readInto(dir, tables.Sectors, find, func(r *tables.Rows, s tables.Sector) { r.Sectors = append(r.Sectors, s) }, func(s tables.Sector) string { return s.DocID }); err != nil {
		return nil, err
	}
	if err := readInto(dir, tables.Slogans, find, func(r *tables.Rows, s tables.Slogan) { r.Slogans = append(r.Slogans, s) }, func(s tables.Slogan) string { return s.DocID }); err != nil {
		return nil, err
	}
	if err := readInto(dir, tables.Keywords, find, func(r *tables.Rows, k tables.Keyword) { r.Keywords = append(r.Keywords, k) }, func(k tables.Keyword) string { return k.DocID }); err != nil {
		return nil, err
	}
	return tables.ResultsOf(rows)
}

// readInto reads a table's file and hands each row to add with the rows of
// its document, in file order (the writer's Seq order).
func readInto[T any](dir, table string, find func(table, id string) (*tables.Rows, error), add func(*tables.Rows, T), id func(T) string) error {
	_, rows, err := readFile[T](filepath.Join(dir, FileName(table)))
	if err != nil {
		return err
	}
	for _, row := range rows {
		r, err := find(table, id(row))
		if err != nil {
			return err
		}
		add(r, row)
	}
	return nil
}

// readFile reads every row of a Parquet file and the schema version its
// metadata holds.
func readFile[T any](path string) (string, []T, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", nil, err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return "", nil, fmt.Errorf("parquetfile: %s: %w", path, err)
	}
	version, _ := pf.Lookup(SchemaVersionKey)
	r := parquet.NewGenericReader[T](pf)
	defer r.Close()
	rows := make([]T, r.NumRows())
	n, err := r.Read(rows)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", nil, fmt.Errorf("parquetfile: %s: %w", path, err)
	}
	if n != len(rows) {
		return "", nil, fmt.Errorf("parquetfile: %s: read %d rows of %d", path, n, len(rows))
	}
	return version, rows, nil
}

// ReadRecords reads a records file WriteRecords wrote.
func ReadRecords(path string) ([]metrics.Record, error) {
	_, rows, err := readFile[tables.Record](path)
	if err != nil {
		return nil, err
	}
	return tables.RecordsOf(rows)
}
