// Package testutil holds helpers shared by the project's tests.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedDir returns the ../shared folder beside the project root (seed
// documents and gold answers), or skips the test when it is absent, as on a
// plain clone.
func SharedDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if st, err := os.Stat(filepath.Join(dir, "seeds")); err != nil || !st.IsDir() {
		t.Skip("../shared/seeds not found: seed-document tests need the shared folder beside the project")
	}
	return dir
}

// Seeds returns the paths of the seed documents, or skips the test.
func Seeds(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(SharedDir(t), "seeds", "*.txt"))
	if err != nil || len(m) == 0 {
		t.Skip("no seed documents in ../shared/seeds")
	}
	return m
}
