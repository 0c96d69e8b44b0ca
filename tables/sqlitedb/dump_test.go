package sqlitedb_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// dumpTables are the tables dump prints, with the columns they are
// sorted by.
var dumpTables = []struct{ name, order string }{
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

// dump prints every row of every table of the database at path, one
// line each, sorted by key.
func dump(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, tb := range dumpTables {
		rows, err := db.Query(`SELECT * FROM ` + tb.name + ` ORDER BY ` + tb.order)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %q\n", tb.name, vals)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

// sqlExec runs a statement on the database at path.
func sqlExec(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}
