package extract

import (
	"slices"
	"testing"
)

// TestAreaCodes reads codes and names of the embedded table in given
// years: a renamed county under one code, a prefecture that became a
// county-level city, the successors of an abolished code.
func TestAreaCodes(t *testing.T) {
	a := DefaultAreaCodes()
	for _, c := range []struct {
		code string
		year int
		name string
		ok   bool
	}{
		{"371324", 2010, "苍山县", true},
		{"371324", 2020, "兰陵县", true},
		{"371324", 0, "兰陵县", true},
		{"341400", 2005, "巢湖市", true},
		{"341400", 2015, "", false}, // abolished in 2011
		{"110000", 0, "北京市", true},
		{"999999", 0, "", false},
	} {
		row, ok := a.At(c.code, c.year)
		if ok != c.ok || ok && row.Name != c.name {
			t.Errorf("At(%s, %d) = %q, %v; want %q, %v", c.code, c.year, row.Name, ok, c.name, c.ok)
		}
	}
	for _, c := range []struct {
		name  string
		year  int
		level AdminLevel
		code  string
	}{
		{"苍山县", 2010, 0, "371324"},
		{"巢湖市", 2005, Prefecture, "341400"},
		{"巢湖市", 2015, 0, "340181"},
		{"巢湖市", 1990, 0, "342601"},
	} {
		if row, ok := a.Lookup(c.name, c.year, c.level, ""); !ok || row.Code != c.code {
			t.Errorf("Lookup(%s, %d, %d) = %q, %v; want %q", c.name, c.year, c.level, row.Code, ok, c.code)
		}
	}
	if _, ok := a.Lookup("苍山县", 2020, 0, ""); ok {
		t.Error("Lookup(苍山县, 2020) found the name renamed in 2014")
	}
	row, _ := a.At("341423", 2005)
	if want := []string{"341402", "340522"}; !slices.Equal(row.Successors, want) {
		t.Errorf("At(341423).Successors = %q, want %q", row.Successors, want)
	}
}

// TestAreaCodeRows reads every row of the table: a code of six digits in
// order, a name, a level, years in range and successors that are codes.
func TestAreaCodeRows(t *testing.T) {
	a := DefaultAreaCodes()
	if len(a.lines) < 6000 {
		t.Fatalf("%d rows, want the whole table", len(a.lines))
	}
	prev := ""
	for i := range a.lines {
		r := a.row(i)
		if !sixDigits(r.Code) || r.Code < prev || r.Name == "" || r.Level == 0 || r.From < 1980 || r.To != 0 && r.To < r.From {
			t.Fatalf("row %d = %+v", i, r)
		}
		if a.name(i) != r.Name {
			t.Fatalf("name(%d) = %q, want %q", i, a.name(i), r.Name)
		}
		for _, s := range r.Successors {
			if !sixDigits(s) {
				t.Fatalf("row %d: successor %q", i, s)
			}
		}
		prev = r.Code
	}
}

func sixDigits(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := range 6 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
