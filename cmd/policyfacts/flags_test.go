package main

import (
	"flag"
	"strings"
	"testing"
)

// TestNoGlobalFlags checks that the packages this command imports (the
// library and all it depends on) register no flag on flag.CommandLine: a
// program with a flag of the same name would panic at start, and every
// user's -h would list it. Only the test binary's own flags are there.
func TestNoGlobalFlags(t *testing.T) {
	ours := map[string]bool{"update": true} // main_test.go
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if !strings.HasPrefix(f.Name, "test.") && !ours[f.Name] {
			t.Errorf("flag -%s (%s) registered on flag.CommandLine by an imported package", f.Name, f.Usage)
		}
	})
}
