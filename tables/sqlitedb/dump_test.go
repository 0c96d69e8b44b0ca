package sqlitedb_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// dump returns the Dump of the database at path.
func dump(t *testing.T, path string) string {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	var b strings.Builder
	if err := db.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
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

// count runs a query of one number on the database at path.
func count(t *testing.T, path, query string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
