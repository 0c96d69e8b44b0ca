// Package sqlitedb stores extraction results and annual records in a
// SQLite database (modernc.org/sqlite: pure Go, no cgo), laid out as the
// tables of package tables: documents, quantities, facts, sectors,
// slogans, keywords, and records with record_alternatives and
// record_sources. schema.sql, embedded, is the layout with its keys;
// indexes.sql holds the secondary indexes.
//
// A database is a store of documents keyed by doc_id. Put writes one
// document and all its rows in one transaction, so a run killed at any
// point leaves whole documents only; a document put again replaces its
// rows and keeps its place (doc_no). IDs lists the documents stored, so
// that a rerun over the same inputs can skip them (the command's
// --resume). Finish ends a run: it creates the secondary indexes where
// they are missing (building them once costs far less than keeping them
// up to date through a first run) and rebuilds the records from the facts
// of every stored document, in doc_no order, in one transaction. A run
// that was interrupted and resumed ends with the same content as one that
// was not.
//
// The database is opened in WAL mode with synchronous=NORMAL: a committed
// document survives the process being killed; a power cut may lose the
// last ones, never the database.
package sqlitedb

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/metrics"
	"github.com/policyfacts/policyfacts/tables"
)

//go:embed schema.sql
var schema string

//go:embed indexes.sql
var indexes string

// Layout is the version of schema.sql, kept in the meta table beside the
// output's schema version; a database of another layout or schema
// version is refused.
const Layout = "1"

// DB is a policyfacts database. Its methods are safe for concurrent use;
// writes are serialised.
type DB struct {
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

// insert statements, by table
var inserts = map[string]string{
	tables.Documents: `INSERT INTO documents (doc_id, title, date, region, region_code, region_level, speaker, year, source, url, encoding, redacted)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"update_document": `UPDATE documents SET title = ?, date = ?, region = ?, region_code = ?, region_level = ?, speaker = ?, year = ?,
		source = ?, url = ?, encoding = ?, redacted = ? WHERE doc_id = ?`,
	tables.Quantities: `INSERT INTO quantities (doc_id, seq, text, start, end, value, unit, bound, dimension, scale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	tables.Facts: `INSERT INTO facts (doc_id, seq, indicator, metric, measure, kind, year, value, unit, bound, region, region_code, qualifier, since,
		section, evidence, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	tables.Sectors:  `INSERT INTO sectors (doc_id, seq, name, category, gbt4754, sei, digital, count, positions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	tables.Slogans:  `INSERT INTO slogans (doc_id, seq, text, count, positions) VALUES (?, ?, ?, ?, ?)`,
	tables.Keywords: `INSERT INTO keywords (doc_id, seq, text, weight, count) VALUES (?, ?, ?, ?, ?)`,
	tables.Records: `INSERT INTO records (record_id, region, region_name, region_code, region_level, year, indicator, kind, measure, since,
		value, unit, bound, low, high, qualifier, stretch, stretch_qualifier, conflict, attainment, revised_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"record_alternatives": `INSERT INTO record_alternatives (record_id, alt, value, low, high, unit, bound, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"record_sources": `INSERT INTO record_sources (record_id, role, alt, seq, doc_id, text, start, end, evidence, section)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// Open opens the database at path, creating it and its tables if need be.
func Open(ctx context.Context, path string) (*DB, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlitedb: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer; reads are short
	d := &DB{db: db, stmts: map[string]*sql.Stmt{}}
	if err := d.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlitedb: %s: %w", path, err)
	}
	return d, nil
}

func (d *DB) init(ctx context.Context) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return err
	}
	for key, want := range map[string]string{"schema_version": policyfacts.SchemaVersion, "layout": Layout} {
		var have string
		err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&have)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, key, want); err != nil {
				return err
			}
		case err != nil:
			return err
		case have != want:
			return fmt.Errorf("written with %s %s, not %s: write to a new file", key, have, want)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for name, s := range inserts {
		st, err := d.db.PrepareContext(ctx, s)
		if err != nil {
			return err
		}
		d.stmts[name] = st
	}
	return nil
}

// Close closes the database.
func (d *DB) Close() error {
	var errs []error
	for _, st := range d.stmts {
		errs = append(errs, st.Close())
	}
	errs = append(errs, d.db.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlitedb: %w", err)
	}
	return nil
}

// IDs returns the ids of the documents stored.
func (d *DB) IDs(ctx context.Context) (map[string]bool, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT doc_id FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("sqlitedb: %w", err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlitedb: %w", err)
		}
		ids[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitedb: %w", err)
	}
	return ids, nil
}

// jsonList returns xs as a JSON array, or nil (NULL) for an empty list
// when null is set.
func jsonList[T any](xs []T, null bool) (any, error) {
	if len(xs) == 0 {
		if null {
			return nil, nil
		}
		return "[]", nil
	}
	b, err := json.Marshal(xs)
	return string(b), err
}

// childTables are the tables of a document's rows, beside documents.
var childTables = []string{tables.Quantities, tables.Facts, tables.Sectors, tables.Slogans, tables.Keywords}

// Put stores r in one transaction: its document and the rows of every
// table. A document of the same id already stored is replaced, keeping
// its doc_no.
func (d *DB) Put(ctx context.Context, r *policyfacts.Result) error {
	if r.SchemaVersion != policyfacts.SchemaVersion {
		return fmt.Errorf("sqlitedb: %s: schema version %q, not %q", r.Doc.ID, r.SchemaVersion, policyfacts.SchemaVersion)
	}
	if err := d.put(ctx, tables.FromResult(r)); err != nil {
		return fmt.Errorf("sqlitedb: %s: %w", r.Doc.ID, err)
	}
	return nil
}

func (d *DB) put(ctx context.Context, rows tables.Rows) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt := func(name string) *sql.Stmt { return tx.StmtContext(ctx, d.stmts[name]) }
	doc := &rows.Document
	id := doc.DocID
	var no int64
	err = tx.QueryRowContext(ctx, `SELECT doc_no FROM documents WHERE doc_id = ?`, id).Scan(&no)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := stmt(tables.Documents).ExecContext(ctx, id, doc.Title, doc.Date, doc.Region, doc.RegionCode, doc.RegionLevel,
			doc.Speaker, doc.Year, doc.Source, doc.URL, doc.Encoding, doc.Redacted); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		for _, t := range childTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, id); err != nil {
				return err
			}
		}
		if _, err := stmt("update_document").ExecContext(ctx, doc.Title, doc.Date, doc.Region, doc.RegionCode, doc.RegionLevel,
			doc.Speaker, doc.Year, doc.Source, doc.URL, doc.Encoding, doc.Redacted, id); err != nil {
			return err
		}
	}
	ins := stmt(tables.Quantities)
	for _, q := range rows.Quantities {
		if _, err := ins.ExecContext(ctx, id, q.Seq, q.Text, q.Start, q.End, q.Value, q.Unit, q.Bound, q.Dimension, q.Scale); err != nil {
			return err
		}
	}
	ins = stmt(tables.Facts)
	for _, f := range rows.Facts {
		if _, err := ins.ExecContext(ctx, id, f.Seq, f.Indicator, f.Metric, f.Measure, f.Kind, f.Year, f.Value, f.Unit, f.Bound,
			f.Region, f.RegionCode, f.Qualifier, f.Since, f.Section, f.Evidence, f.Text, f.Start, f.End); err != nil {
			return err
		}
	}
	ins = stmt(tables.Sectors)
	for _, s := range rows.Sectors {
		var lists [4]any
		for i, l := range [][]string{s.GBT4754, s.SEI, s.Digital} {
			if lists[i], err = jsonList(l, true); err != nil {
				return err
			}
		}
		if lists[3], err = jsonList(s.Positions, false); err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, id, s.Seq, s.Name, s.Category, lists[0], lists[1], lists[2], s.Count, lists[3]); err != nil {
			return err
		}
	}
	ins = stmt(tables.Slogans)
	for _, s := range rows.Slogans {
		pos, err := jsonList(s.Positions, false)
		if err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, id, s.Seq, s.Text, s.Count, pos); err != nil {
			return err
		}
	}
	ins = stmt(tables.Keywords)
	for _, k := range rows.Keywords {
		if _, err := ins.ExecContext(ctx, id, k.Seq, k.Text, k.Weight, k.Count); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Results reads back every stored document's result, in doc_no order.
func (d *DB) Results(ctx context.Context) ([]policyfacts.Result, error) {
	rows, err := d.rows(ctx, true)
	if err != nil {
		return nil, err
	}
	return tables.ResultsOf(rows)
}

// rows reads the stored documents with their facts and, with all, the
// rows of every other table.
func (d *DB) rows(ctx context.Context, all bool) ([]tables.Rows, error) {
	var out []tables.Rows
	index := map[string]int{}
	err := d.query(ctx, `SELECT doc_id, title, date, region, region_code, region_level, speaker, year, source, url, encoding, redacted
		FROM documents ORDER BY doc_no`, func(s scanner) error {
		var r tables.Rows
		doc := &r.Document
		if err := s.Scan(&doc.DocID, &doc.Title, &doc.Date, &doc.Region, &doc.RegionCode, &doc.RegionLevel, &doc.Speaker, &doc.Year,
			&doc.Source, &doc.URL, &doc.Encoding, &doc.Redacted); err != nil {
			return err
		}
		r.SchemaVersion = policyfacts.SchemaVersion
		index[doc.DocID] = len(out)
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	of := func(id string) (*tables.Rows, error) {
		i, ok := index[id]
		if !ok {
			return nil, fmt.Errorf("sqlitedb: a row of document %q, which is not stored", id)
		}
		return &out[i], nil
	}
	err = d.query(ctx, `SELECT doc_id, seq, indicator, metric, measure, kind, year, value, unit, bound, region, region_code, qualifier,
		since, section, evidence, text, start, end FROM facts ORDER BY doc_id, seq`, func(s scanner) error {
		var f tables.Fact
		if err := s.Scan(&f.DocID, &f.Seq, &f.Indicator, &f.Metric, &f.Measure, &f.Kind, &f.Year, &f.Value, &f.Unit, &f.Bound,
			&f.Region, &f.RegionCode, &f.Qualifier, &f.Since, &f.Section, &f.Evidence, &f.Text, &f.Start, &f.End); err != nil {
			return err
		}
		r, err := of(f.DocID)
		if err == nil {
			r.Facts = append(r.Facts, f)
		}
		return err
	})
	if err != nil || !all {
		return out, err
	}
	err = d.query(ctx, `SELECT doc_id, seq, text, start, end, value, unit, bound, dimension, scale FROM quantities ORDER BY doc_id, seq`,
		func(s scanner) error {
			var q tables.Quantity
			if err := s.Scan(&q.DocID, &q.Seq, &q.Text, &q.Start, &q.End, &q.Value, &q.Unit, &q.Bound, &q.Dimension, &q.Scale); err != nil {
				return err
			}
			r, err := of(q.DocID)
			if err == nil {
				r.Quantities = append(r.Quantities, q)
			}
			return err
		})
	if err != nil {
		return nil, err
	}
	err = d.query(ctx, `SELECT doc_id, seq, name, category, gbt4754, sei, digital, count, positions FROM sectors ORDER BY doc_id, seq`,
		func(s scanner) error {
			var x tables.Sector
			var codes [3]*string
			var pos string
			if err := s.Scan(&x.DocID, &x.Seq, &x.Name, &x.Category, &codes[0], &codes[1], &codes[2], &x.Count, &pos); err != nil {
				return err
			}
			for i, dst := range []*[]string{&x.GBT4754, &x.SEI, &x.Digital} {
				if codes[i] != nil {
					if err := json.Unmarshal([]byte(*codes[i]), dst); err != nil {
						return err
					}
				}
			}
			if err := json.Unmarshal([]byte(pos), &x.Positions); err != nil {
				return err
			}
			r, err := of(x.DocID)
			if err == nil {
				r.Sectors = append(r.Sectors, x)
			}
			return err
		})
	if err != nil {
		return nil, err
	}
	err = d.query(ctx, `SELECT doc_id, seq, text, count, positions FROM slogans ORDER BY doc_id, seq`, func(s scanner) error {
		var x tables.Slogan
		var pos string
		if err := s.Scan(&x.DocID, &x.Seq, &x.Text, &x.Count, &pos); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(pos), &x.Positions); err != nil {
			return err
		}
		r, err := of(x.DocID)
		if err == nil {
			r.Slogans = append(r.Slogans, x)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = d.query(ctx, `SELECT doc_id, seq, text, weight, count FROM keywords ORDER BY doc_id, seq`, func(s scanner) error {
		var k tables.Keyword
		if err := s.Scan(&k.DocID, &k.Seq, &k.Text, &k.Weight, &k.Count); err != nil {
			return err
		}
		r, err := of(k.DocID)
		if err == nil {
			r.Keywords = append(r.Keywords, k)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

// query runs q and calls row for each row of its result.
func (d *DB) query(ctx context.Context, q string, row func(scanner) error, args ...any) error {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlitedb: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("sqlitedb: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlitedb: %w", err)
	}
	return nil
}

// Finish ends a run: it creates the secondary indexes (indexes.sql) where
// they are missing and rebuilds the records tables from the facts of every
// stored document (metrics.Records over the documents in doc_no order), in
// one transaction, and returns the records.
func (d *DB) Finish(ctx context.Context) ([]metrics.Record, error) {
	if _, err := d.db.ExecContext(ctx, indexes); err != nil {
		return nil, fmt.Errorf("sqlitedb: indexes: %w", err)
	}
	rows, err := d.rows(ctx, false)
	if err != nil {
		return nil, err
	}
	docs := make([]metrics.DocFacts, len(rows))
	for i := range rows {
		r, err := rows[i].Result()
		if err != nil {
			return nil, err
		}
		docs[i] = r.DocFacts()
	}
	recs := metrics.Records(docs)
	if err := d.putRecords(ctx, recs); err != nil {
		return nil, fmt.Errorf("sqlitedb: records: %w", err)
	}
	return recs, nil
}

func (d *DB) putRecords(ctx context.Context, recs []metrics.Record) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range []string{"record_sources", "record_alternatives", "records"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return err
		}
	}
	rec, alt, src := tx.StmtContext(ctx, d.stmts[tables.Records]), tx.StmtContext(ctx, d.stmts["record_alternatives"]), tx.StmtContext(ctx, d.stmts["record_sources"])
	sources := func(id int, role string, a int, ss []tables.Source) error {
		for i, s := range ss {
			if _, err := src.ExecContext(ctx, id, role, a, i, s.DocID, s.Text, s.Start, s.End, s.Evidence, s.Section); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range recs {
		r := tables.FromRecord(&recs[i])
		id := i + 1
		if _, err := rec.ExecContext(ctx, id, r.Region, r.RegionName, r.RegionCode, r.RegionLevel, r.Year, r.Indicator, r.Kind, r.Measure,
			r.Since, r.Value, r.Unit, r.Bound, r.Low, r.High, r.Qualifier, r.Stretch, r.StretchQualifier, r.Conflict, r.Attainment,
			r.RevisedFrom); err != nil {
			return err
		}
		if err := sources(id, "value", 0, r.Sources); err != nil {
			return err
		}
		if err := sources(id, "stretch", 0, r.StretchSources); err != nil {
			return err
		}
		for j, a := range r.Alternatives {
			if _, err := alt.ExecContext(ctx, id, j+1, a.Value, a.Low, a.High, a.Unit, a.Bound, a.Qualifier); err != nil {
				return err
			}
			if err := sources(id, "alternative", j+1, a.Sources); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// Records reads back the records Finish stored, in order.
func (d *DB) Records(ctx context.Context) ([]metrics.Record, error) {
	var rows []tables.Record
	err := d.query(ctx, `SELECT region, region_name, region_code, region_level, year, indicator, kind, measure, since, value, unit, bound,
		low, high, qualifier, stretch, stretch_qualifier, conflict, attainment, revised_from FROM records ORDER BY record_id`, func(s scanner) error {
		var r tables.Record
		err := s.Scan(&r.Region, &r.RegionName, &r.RegionCode, &r.RegionLevel, &r.Year, &r.Indicator, &r.Kind, &r.Measure, &r.Since,
			&r.Value, &r.Unit, &r.Bound, &r.Low, &r.High, &r.Qualifier, &r.Stretch, &r.StretchQualifier, &r.Conflict, &r.Attainment,
			&r.RevisedFrom)
		rows = append(rows, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = d.query(ctx, `SELECT record_id, alt, value, low, high, unit, bound, qualifier FROM record_alternatives ORDER BY record_id, alt`,
		func(s scanner) error {
			var id, n int
			var a tables.Alternative
			if err := s.Scan(&id, &n, &a.Value, &a.Low, &a.High, &a.Unit, &a.Bound, &a.Qualifier); err != nil {
				return err
			}
			if id < 1 || id > len(rows) || n != len(rows[id-1].Alternatives)+1 {
				return fmt.Errorf("alternative %d of record %d out of order", n, id)
			}
			rows[id-1].Alternatives = append(rows[id-1].Alternatives, a)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = d.query(ctx, `SELECT record_id, role, alt, doc_id, text, start, end, evidence, section FROM record_sources ORDER BY record_id, role, alt, seq`,
		func(s scanner) error {
			var id, a int
			var role string
			var x tables.Source
			if err := s.Scan(&id, &role, &a, &x.DocID, &x.Text, &x.Start, &x.End, &x.Evidence, &x.Section); err != nil {
				return err
			}
			if id < 1 || id > len(rows) {
				return fmt.Errorf("source of record %d, which is not stored", id)
			}
			r := &rows[id-1]
			switch {
			case role == "value":
				r.Sources = append(r.Sources, x)
			case role == "stretch":
				r.StretchSources = append(r.StretchSources, x)
			case role == "alternative" && a >= 1 && a <= len(r.Alternatives):
				r.Alternatives[a-1].Sources = append(r.Alternatives[a-1].Sources, x)
			default:
				return fmt.Errorf("source of record %d with role %q and alt %d", id, role, a)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	return tables.RecordsOf(rows)
}

// dumpTables are the tables Dump writes, with the columns that order
// their rows.
var dumpTables = []struct{ name, order string }{
	{"sqlite_schema", "type, name"}, // the tables and indexes themselves
	{"meta", "key"},
	{"documents", "doc_no"},
	{"quantities", "doc_id, seq"},
	{"facts", "doc_id, seq"},
	{"sectors", "doc_id, seq"},
	{"slogans", "doc_id, seq"},
	{"keywords", "doc_id, seq"},
	{"records", "record_id"},
	{"record_alternatives", "record_id, alt"},
	{"record_sources", "record_id, role, alt, seq"},
}

// Dump writes the schema (tables and indexes) and every row of every
// table to w, one line each (the table's name, then its values as a
// Go-quoted list), the tables in a fixed order and the rows by key: two
// databases of the same content dump the same text.
func (d *DB) Dump(ctx context.Context, w io.Writer) error {
	for _, tb := range dumpTables {
		rows, err := d.db.QueryContext(ctx, `SELECT * FROM `+tb.name+` ORDER BY `+tb.order)
		if err != nil {
			return fmt.Errorf("sqlitedb: %w", err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return fmt.Errorf("sqlitedb: %w", err)
		}
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return fmt.Errorf("sqlitedb: %w", err)
			}
			if _, err := fmt.Fprintf(w, "%s %q\n", tb.name, vals); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("sqlitedb: %w", err)
		}
	}
	return nil
}
