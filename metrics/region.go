package metrics

import (
	"strings"

	"github.com/policyfacts/policyfacts/extract"
)

// place is where the facts of a cell belong: the key cells are told apart
// by, and what records print of it.
type place struct {
	key   string // "c:" + code; "n:" + name when the code is unknown; "d:" + document id for none
	name  string // the name as written (Record.Region)
	full  string // the name as results give it (Record.RegionName)
	code  string
	level string
}

// ownPlace is the place of a document's own facts. A document whose region
// is unknown is a place of its own, keyed by its id, so that two such
// documents are never merged.
func ownPlace(d *DocFacts) place {
	p := place{name: d.Region, full: d.Region, code: d.RegionCode, level: d.RegionLevel}
	switch {
	case d.RegionCode != "":
		p.key = "c:" + d.RegionCode
	case d.Region != "":
		p.key = "n:" + d.Region
	default:
		p.key = "d:" + d.ID
	}
	return p
}

// subPlaces resolves the sub-areas a document's facts name. It is made per
// document: what it has looked up is kept for that document only.
type subPlaces struct {
	own   place
	year  int
	found map[string]place
}

// of returns the place of a sub-area a fact names: the division coded
// code (the fact's RegionCode, a present code) or, when the fact gives
// none, the division of that name (full or short) under the document's
// own region, with its code valid in the document's year; else the name
// under the document's own place, so that a name that is no known
// division of the region (新建, 资源; a group: 宣威、陆良) is never merged
// with another document's.
func (s *subPlaces) of(name, code string) place {
	ck := name + "\x00" + code
	if p, ok := s.found[ck]; ok {
		return p
	}
	p := place{key: s.own.key + "/" + name, name: name, full: name}
	pl, found := extract.Place{}, false
	if s.own.code != "" {
		pl, found = subDivision(name, s.own.code)
	}
	ac := extract.DefaultAreaCodes()
	switch {
	case code != "":
		full, level := name, ""
		if row, ok := ac.At(code, 0); ok {
			full, level = row.Name, row.Level.String()
		}
		if found && fullCode(pl.Code) == code {
			full = pl.Region
		}
		code = s.inYear(code, full)
		p = place{key: "c:" + code, name: name, full: full, code: code, level: level}
	case found:
		code := s.inYear(fullCode(pl.Code), pl.Name)
		p = place{key: "c:" + code, name: name, full: pl.Region, code: code, level: pl.Level.String()}
	}
	if s.found == nil {
		s.found = map[string]place{}
	}
	s.found[ck] = p
	return p
}

// inYear returns the code a division (coded code now, officially named
// name) had in the document's year, when that was another.
func (s *subPlaces) inYear(code, name string) string {
	if s.year == 0 {
		return code
	}
	ac := extract.DefaultAreaCodes()
	if _, ok := ac.At(code, s.year); ok {
		return code
	}
	if row, ok := ac.Lookup(name, s.year, 0, s.own.code); ok {
		return row.Code
	}
	return code
}

// subDivision finds the division named name (the whole of it) that lies
// under the division coded parent; for 全国 any province, prefecture or
// county, the highest level first.
func subDivision(name, parent string) (extract.Place, bool) {
	prefix := strings.TrimRight(parent, "0")
	if parent == extract.NationalCode {
		prefix = ""
	}
	var best extract.Place
	found := false
	for _, m := range extract.DefaultGazetteer().Mentions(name) {
		if m.Start != 0 || m.End != len(name) {
			continue
		}
		code := fullCode(m.Place.Code)
		if code == parent || !strings.HasPrefix(code, prefix) {
			continue
		}
		if !found || m.Place.Level < best.Level {
			best, found = m.Place, true
		}
	}
	return best, found
}

// fullCode pads a gazetteer code (37, 3701, 370102) to six digits.
func fullCode(c string) string {
	if c == "" || len(c) >= 6 {
		return c
	}
	return c + "000000"[:6-len(c)]
}
