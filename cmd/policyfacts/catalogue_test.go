package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractCatalogue checks that --catalogue adds indicators from a
// file, and that a bad file is named with the reason (exit 1).
func TestExtractCatalogue(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	os.WriteFile(doc, []byte("2024年，全市数据要素交易额达到12亿元。"), 0o644)
	cat := filepath.Join(dir, "extra.tsv")
	os.WriteFile(cat, []byte("# extra indicators\ndata.trade\tmoney\tdata trading\t数据要素交易额\n"), 0o644)
	code, out, errOut := runCLI("extract", "-q", doc)
	if code != 0 || strings.Contains(out, `"indicator":"data.trade"`) {
		t.Fatalf("without --catalogue: exit %d, %s %s", code, out, errOut)
	}
	code, out, errOut = runCLI("extract", "-q", "--catalogue", cat, doc)
	if code != 0 || !strings.Contains(out, `"indicator":"data.trade"`) {
		t.Errorf("--catalogue: exit %d, %s %s", code, out, errOut)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("data.trade\tmoney\n"), 0o644)
	for _, path := range []string{bad, filepath.Join(dir, "missing.tsv")} {
		code, _, errOut = runCLI("extract", "-q", "--catalogue", path, doc)
		if code != 1 || !strings.Contains(errOut, path) {
			t.Errorf("--catalogue %s: exit %d, stderr %q; want 1 and the file named", path, code, errOut)
		}
	}
}
