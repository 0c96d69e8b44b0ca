//go:build unix

package corpus

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSourcesFIFO walks a directory holding a FIFO named like a document:
// it is reported, not opened (opening it would wait for a writer forever),
// and the documents beside it are read.
func TestSourcesFIFO(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("协议引资204亿元。"))
	if err := syscall.Mkfifo(filepath.Join(dir, "b.txt"), 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	writeFile(t, dir, "c.txt", []byte("新签约项目89个。"))
	done := make(chan struct{})
	var docs []Document
	var errs []error
	go func() {
		defer close(done)
		docs, errs = collect(t, []string{dir}, Options{})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("walking a directory with a FIFO hangs")
	}
	if len(docs) != 2 || len(errs) != 1 || !errors.Is(errs[0], ErrNotRegular) {
		t.Errorf("%d documents, errors %v; want 2 and ErrNotRegular", len(docs), errs)
	}
}
