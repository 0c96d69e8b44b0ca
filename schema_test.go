package policyfacts

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/metrics"
)

// schemaDocs are the documents whose outputs TestSchema validates: the
// sample, and the seeds and the 2025 provincial reports when the shared
// folder is there (not on a plain clone).
func schemaDocs(t *testing.T) []corpus.Document {
	docs := []corpus.Document{Sample()}
	var paths []string
	for _, glob := range []string{"../shared/seeds/*.txt", "../shared/dev/provinces-2025/texts/*.txt"} {
		ps, _ := filepath.Glob(filepath.FromSlash(glob)) // the pattern is well formed
		paths = append(paths, ps...)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Load(filepath.Base(p), b, corpus.KindText, corpus.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestSchema validates real outputs against docs/schema: each extract
// result line (AppendJSON, with keywords) against extract.schema.json and
// each records JSON line against records.schema.json. Every field printed
// must be in the schema with its JSON type, every required field present,
// and schema_version the first field.
func TestSchema(t *testing.T) {
	extractSchema := loadSchema(t, "extract.schema.json")
	recordsSchema := loadSchema(t, "records.schema.json")
	ex := New(WithKeywords(5))
	seen := map[string]bool{}
	var facts []metrics.DocFacts
	for _, doc := range schemaDocs(t) {
		r, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		line, err := r.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		checkInstance(t, extractSchema, doc.ID, line, seen)
		facts = append(facts, r.DocFacts())
	}
	var buf bytes.Buffer
	if err := metrics.WriteJSONL(&buf, metrics.Records(facts)); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		n++
		checkInstance(t, recordsSchema, fmt.Sprintf("record %d", n), sc.Bytes(), seen)
	}
	if n == 0 {
		t.Error("no records to validate")
	}
	t.Logf("validated %d results and %d records; fields never seen: %v", len(facts), n, unseen(seen, extractSchema, recordsSchema))
}

// checkInstance validates one JSON object, which must start with the
// schema version.
func checkInstance(t *testing.T, s *schema, name string, line []byte, seen map[string]bool) {
	t.Helper()
	if prefix := `{"schema_version":"` + SchemaVersion + `",`; !bytes.HasPrefix(line, []byte(prefix)) {
		t.Errorf("%s: %s does not start with %s", name, s.file, prefix)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, err := range s.validate(s.root, v, "", seen) {
		t.Errorf("%s: %s: %s", name, s.file, err)
	}
}

// schema is a JSON Schema (draft 2020-12) read with the subset of its
// keywords the outputs' schemas use; loadSchema fails on any other, so
// that the schema never states a constraint this test does not check.
type schema struct {
	file string
	root map[string]any
	defs map[string]any
}

// known are the keywords validate understands, and the annotations it
// may ignore.
var known = map[string]bool{
	"type": true, "properties": true, "required": true, "additionalProperties": true, "items": true,
	"$ref": true, "const": true, "enum": true, "anyOf": true, "minimum": true,
	"$schema": true, "$id": true, "$defs": true, "title": true, "description": true,
}

func loadSchema(t *testing.T, name string) *schema {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("docs", "schema", name))
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Fatalf("%s: $schema is %v, want draft 2020-12", name, root["$schema"])
	}
	s := &schema{file: name, root: root}
	s.defs, _ = root["$defs"].(map[string]any)
	var walk func(node map[string]any, path string)
	walk = func(node map[string]any, path string) {
		for k, v := range node {
			if !known[k] {
				t.Fatalf("%s: %s: keyword %q is not checked by TestSchema (teach it there)", name, path, k)
			}
			switch k {
			case "properties", "$defs":
				for p, sub := range v.(map[string]any) {
					walk(sub.(map[string]any), path+"/"+k+"/"+p)
				}
			case "items":
				walk(v.(map[string]any), path+"/items")
			case "anyOf":
				for i, sub := range v.([]any) {
					walk(sub.(map[string]any), fmt.Sprintf("%s/anyOf/%d", path, i))
				}
			case "$ref":
				ref, _ := v.(string)
				if _, ok := s.defs[strings.TrimPrefix(ref, "#/$defs/")]; !ok || !strings.HasPrefix(ref, "#/$defs/") {
					t.Fatalf("%s: %s: $ref %v does not name a $defs entry", name, path, v)
				}
			case "additionalProperties":
				if v != false {
					t.Fatalf("%s: %s: additionalProperties must be false", name, path)
				}
			}
		}
	}
	walk(root, "#")
	return s
}

// validate returns what is wrong with v (decoded with UseNumber) at path
// against node, and marks in seen the properties it meets.
func (s *schema) validate(node map[string]any, v any, path string, seen map[string]bool) []string {
	if ref, ok := node["$ref"].(string); ok {
		return s.validate(s.defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any), v, path, seen)
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	if c, ok := node["const"]; ok && !sameJSON(c, v) {
		bad("%v is not the constant %v", v, c)
	}
	if e, ok := node["enum"].([]any); ok && !slices.ContainsFunc(e, func(c any) bool { return sameJSON(c, v) }) {
		bad("%v is not one of %v", v, e)
	}
	if alts, ok := node["anyOf"].([]any); ok {
		matched := false
		for _, a := range alts {
			if len(s.validate(a.(map[string]any), v, path, map[string]bool{})) == 0 {
				matched = true
				s.validate(a.(map[string]any), v, path, seen)
				break
			}
		}
		if !matched {
			bad("%v matches none of anyOf", v)
		}
	}
	if typ, ok := node["type"]; ok {
		var types []string
		switch typ := typ.(type) {
		case string:
			types = []string{typ}
		case []any:
			for _, x := range typ {
				types = append(types, x.(string))
			}
		}
		if got := jsonType(v); !slices.Contains(types, got) && !(got == "integer" && slices.Contains(types, "number")) {
			bad("%s, want %s", got, strings.Join(types, " or "))
			return errs
		}
	}
	if m, ok := node["minimum"].(float64); ok {
		if n, isNum := v.(json.Number); isNum {
			if f, _ := n.Float64(); f < m {
				bad("%v is below the minimum %v", n, m)
			}
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := node["properties"].(map[string]any)
		required, _ := node["required"].([]any) // none: every field optional
		for _, r := range required {
			if _, ok := v[r.(string)]; !ok {
				bad("required field %q missing", r)
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub, ok := props[k]
			if !ok {
				bad("field %q is not in the schema", k)
				continue
			}
			seen[s.file+":"+path+"/"+k] = true
			errs = append(errs, s.validate(sub.(map[string]any), v[k], path+"/"+k, seen)...)
		}
	case []any:
		if items, ok := node["items"].(map[string]any); ok {
			for _, x := range v { // one path for every element: seen names fields
				errs = append(errs, s.validate(items, x, path+"[]", seen)...)
			}
		}
	}
	return errs
}

// jsonType is the JSON Schema type of v: integer for a number with no
// fractional part.
func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if f, err := v.Float64(); err == nil && f == math.Trunc(f) && !strings.ContainsAny(string(v), ".eE") {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// sameJSON reports whether a schema constant (decoded without UseNumber)
// equals an instance value.
func sameJSON(c, v any) bool {
	if n, ok := v.(json.Number); ok {
		f, err := n.Float64()
		cf, isNum := c.(float64)
		return err == nil && isNum && f == cf
	}
	return c == v
}

// unseen lists the schemas' properties no output carried, for the log:
// the optional fields the documents at hand do not exercise.
func unseen(seen map[string]bool, schemas ...*schema) []string {
	var out []string
	for _, s := range schemas {
		var walk func(node map[string]any, path string)
		walk = func(node map[string]any, path string) {
			if ref, ok := node["$ref"].(string); ok {
				walk(s.defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any), path)
				return
			}
			if items, ok := node["items"].(map[string]any); ok {
				walk(items, path+"[]")
			}
			props, _ := node["properties"].(map[string]any)
			for k, sub := range props {
				if p := path + "/" + k; !seen[s.file+":"+p] {
					out = append(out, s.file+":"+p)
				} else {
					walk(sub.(map[string]any), p)
				}
			}
		}
		walk(s.root, "")
	}
	sort.Strings(out)
	return out
}

// TestSchemaRejects checks that the validator of TestSchema catches what
// it is there to catch.
func TestSchemaRejects(t *testing.T) {
	s := loadSchema(t, "extract.schema.json")
	r, err := New().Extract(context.Background(), Sample())
	if err != nil {
		t.Fatal(err)
	}
	line, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown field", `"redacted":0}`, `"redacted":0,"extra":1}`, `field "extra" is not in the schema`},
		{"missing field", `"speaker":"林志远",`, ``, `required field "speaker" missing`},
		{"wrong type", `"year":2025`, `"year":"2025"`, `/doc/year: string, want integer or null`},
		{"not an integer", `"start":365,`, `"start":365.5,`, `/quantities[]/start: number, want integer`},
		{"bad enum", `"bound":"gt"`, `"bound":"over"`, `is not one of`},
		{"bad version", `"schema_version":"1"`, `"schema_version":"0"`, `is not the constant 1`},
		{"negative offset", `"positions":[980]`, `"positions":[-1]`, `below the minimum`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := bytes.Replace(line, []byte(tc.old), []byte(tc.new), 1)
			if bytes.Equal(bad, line) {
				t.Fatalf("%q not in the sample's line", tc.old)
			}
			var v any
			dec := json.NewDecoder(bytes.NewReader(bad))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			errs := s.validate(s.root, v, "", map[string]bool{})
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.want) }) {
				t.Errorf("errors %q, want one containing %q", errs, tc.want)
			}
		})
	}
}
