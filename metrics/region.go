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

// of returns the place of a sub-area named name in the document: the
// division of that name (full or short) under the document's own region,
// with its code valid in the document's year, when the gazetteer has one;
// else the name under the document's own place, so that a name that is
// not a known division of the region (新建, 资源) is never merged with
// another document's.
func (s *subPlaces) of(name string) place {
	if p, ok := s.found[name]; ok {
		return p
	}
	p := place{key: s.own.key + "/" + name, name: name, full: name}
	if s.own.code != "" {
		if pl, ok := subDivision(name, s.own.code); ok {
			code := fullCode(pl.Code)
			if s.year != 0 {
				ac := extract.DefaultAreaCodes()
				if _, ok := ac.At(code, s.year); !ok {
					if row, ok := ac.Lookup(pl.Name, s.year, pl.Level, s.own.code); ok {
						code = row.Code
					}
				}
			}
			p = place{key: "c:" + code, name: name, full: pl.Region, code: code, level: pl.Level.String()}
		}
	}
	if s.found == nil {
		s.found = map[string]place{}
	}
	s.found[name] = p
	return p
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
