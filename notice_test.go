package policyfacts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoticeCreditsData holds NOTICE to the data the packages embed: every
// entry of a package's data folder is named in it, itself or by its
// folder, so a table added without its source and licence fails here.
func TestNoticeCreditsData(t *testing.T) {
	notice, err := os.ReadFile("NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	lic, err := os.ReadFile("LICENSE")
	if err != nil || !strings.Contains(string(lic), "Apache License") {
		t.Fatalf("LICENSE is not the Apache License: %v", err)
	}
	dirs, err := filepath.Glob("*/data")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no data folders: %v", err)
	}
	for _, dir := range dirs {
		if strings.Contains(string(notice), dir+":") || strings.Contains(string(notice), dir+" ") {
			continue // the folder is credited as a whole (segment/data)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if name := dir + "/" + e.Name(); !strings.Contains(string(notice), name) {
				t.Errorf("NOTICE does not name %s", name)
			}
		}
	}
}
