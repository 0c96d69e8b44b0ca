package extract

import (
	_ "embed"
	"fmt"
	"strings"
)

// classifiersData is the table of measure words (data/classifiers.txt):
// the words that make a figure a count and stand as its unit.
//
//go:embed data/classifiers.txt
var classifiersData string

// classifierUnits are the count units of data/classifiers.txt. The file is
// part of the package: a malformed line is a bug that
// TestClassifiersParse reports, and the line is left out here.
var classifierUnits, _ = parseClassifiers(classifiersData)

// parseClassifiers reads the classifier table: WORD [TAB UNIT [TAB FLAG]]
// a line, # comments. It returns the well-formed lines and the first error.
func parseClassifiers(src string) ([]unitDef, error) {
	var out []unitDef
	var first error
	fail := func(n int, line, why string) {
		if first == nil {
			first = fmt.Errorf("extract: data/classifiers.txt:%d: %s: %q", n, why, line)
		}
	}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) > 3 || f[0] == "" || strings.ContainsAny(f[0], " 0123456789") {
			fail(n+1, line, "want WORD [TAB UNIT [TAB FLAG]]")
			continue
		}
		u := unitDef{word: f[0], unit: Unit(f[0]), dim: Count, factor: 1}
		if len(f) > 1 && f[1] != "-" && f[1] != "" {
			u.unit = Unit(f[1])
		}
		if len(f) > 2 {
			if f[2] != "arabic" {
				fail(n+1, line, "unknown flag")
				continue
			}
			u.arabicOnly = true
		}
		out = append(out, u)
	}
	return out, first
}
