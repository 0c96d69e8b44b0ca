package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeInstall checks that the README installs the command the way
// that works from a clone (the module is not published, so @latest
// fails), says how to get the library, and names the version command.
func TestReadmeInstall(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, want := range []string{
		"go install ./cmd/policyfacts",
		"go get github.com/policyfacts/policyfacts",
		"go mod edit -replace github.com/policyfacts/policyfacts=",
		"policyfacts version",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
	if strings.Contains(readme, "go install github.com/policyfacts/policyfacts/cmd/policyfacts@latest") {
		t.Error("README.md installs with @latest, which fails while the module is not published")
	}
}
