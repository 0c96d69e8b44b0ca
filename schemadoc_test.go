package policyfacts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSchemaDocumented holds docs/SCHEMA.md to the JSON Schemas of
// docs/schema, which TestSchema holds to the outputs: every property they
// describe is named in it, in backquotes.
func TestSchemaDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.FromSlash("docs/SCHEMA.md"))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.FromSlash("docs/schema/*.schema.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no schemas: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		names := map[string]bool{}
		schemaProperties(s, names)
		if len(names) < 10 {
			t.Fatalf("%s: only %d properties found", p, len(names))
		}
		var missing []string
		for n := range names {
			if !strings.Contains(string(doc), "`"+n+"`") && !strings.Contains(string(doc), `"`+n+`"`) {
				missing = append(missing, n)
			}
		}
		sort.Strings(missing)
		for _, n := range missing {
			t.Errorf("%s: property %s is not documented in docs/SCHEMA.md", filepath.Base(p), n)
		}
	}
}

// schemaProperties adds the names of the properties of a JSON Schema.
func schemaProperties(s any, names map[string]bool) {
	switch v := s.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			for n := range props {
				names[n] = true
			}
		}
		for _, c := range v {
			schemaProperties(c, names)
		}
	case []any:
		for _, c := range v {
			schemaProperties(c, names)
		}
	}
}
