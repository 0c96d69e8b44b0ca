package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailedList checks that --failed writes one line per input that
// failed (path, tab, reason), and an empty file when none did.
func TestFailedList(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("协议引资204亿元"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.doc"), []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), 0o644)
	failed := filepath.Join(t.TempDir(), "failed.tsv")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	code, _, errOut := runCLI("extract", "-q", dir, "-o", out, "--failed", failed)
	if code != 1 {
		t.Errorf("exit %d, want 1: %s", code, errOut)
	}
	b, err := os.ReadFile(failed)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("--failed file: %q, want 2 lines", b)
	}
	for i, name := range []string{"b.txt", "c.doc"} {
		path, reason, ok := strings.Cut(lines[i], "\t")
		if !ok || path != filepath.Join(dir, name) || reason == "" || strings.Contains(reason, "\t") || strings.HasPrefix(reason, path) {
			t.Errorf("line %d = %q, want %s, a tab, the reason", i+1, lines[i], filepath.Join(dir, name))
		}
	}
	if !strings.Contains(lines[0], "binary") {
		t.Errorf("line 1 = %q, want the reason (binary)", lines[0])
	}

	// Nothing failed: the list is emptied.
	code, _, errOut = runCLI("extract", "-q", filepath.Join(dir, "a.txt"), "-o", out, "--failed", failed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(failed); err != nil || len(b) != 0 {
		t.Errorf("--failed after a clean run: %q, %v; want an empty file", b, err)
	}
}
