package metrics

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/extract"
	"github.com/policyfacts/policyfacts/internal/hanset"
)

//go:embed data/indicators.tsv
var indicatorsTSV string

// Indicator is an entry of the catalogue.
type Indicator struct {
	ID        string
	Dimension extract.Dimension // the dimension of its level: Money, Count, Percent, Physical
	Name      string
	Aliases   []string
	// ChangeOnly marks an indicator whose percentage growth is reported as
	// a change of its level (单位地区生产总值能耗下降3%: energy_intensity,
	// measure change, −3), the optional fifth column "change".
	ChangeOnly bool
	// Units, when set, are the only units a level of it is stated in
	// (urban_new_jobs: 人, not 个 or 人次), the fifth column's units=人/….
	Units []extract.Unit
}

// Catalogue maps metric phrases to indicator ids. It is immutable and safe
// for concurrent use.
type Catalogue struct {
	indicators []Indicator
	aliases    []alias             // longest first
	byFirst    hanset.Index[alias] // the aliases by their first rune, longest first
	byID       map[string]int      // index into indicators by id (the first "-")
}

type alias struct {
	text string
	ind  int
}

// ParseCatalogue reads a catalogue in the format of data/indicators.tsv.
func ParseCatalogue(r io.Reader) (*Catalogue, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	c := &Catalogue{byID: map[string]int{}}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 && len(f) != 5 {
			return nil, fmt.Errorf("metrics: catalogue line %d: want 4 or 5 tab-separated fields, got %d", n+1, len(f))
		}
		var dim extract.Dimension
		if err := dim.UnmarshalText([]byte(f[1])); err != nil {
			return nil, fmt.Errorf("metrics: catalogue line %d: %w", n+1, err)
		}
		ind := Indicator{ID: f[0], Dimension: dim, Name: f[2], Aliases: strings.Split(f[3], "|")}
		if len(f) == 5 {
			for _, flag := range strings.Split(f[4], ",") {
				switch units, ok := strings.CutPrefix(flag, "units="); {
				case flag == "change":
					ind.ChangeOnly = true
				case ok && units != "":
					for _, u := range strings.Split(units, "/") {
						ind.Units = append(ind.Units, extract.Unit(u))
					}
				default:
					return nil, fmt.Errorf("metrics: catalogue line %d: unknown flag %q (want change or units=U/V)", n+1, flag)
				}
			}
		}
		for _, a := range ind.Aliases {
			c.aliases = append(c.aliases, alias{a, len(c.indicators)})
		}
		if _, dup := c.byID[ind.ID]; !dup {
			c.byID[ind.ID] = len(c.indicators)
		}
		c.indicators = append(c.indicators, ind)
	}
	sort.SliceStable(c.aliases, func(i, j int) bool { return len(c.aliases[i].text) > len(c.aliases[j].text) })
	for _, a := range c.aliases {
		r, _ := utf8.DecodeRuneInString(a.text)
		c.byFirst.Add(r, a)
	}
	return c, nil
}

var defaultCatalogue = sync.OnceValue(func() *Catalogue {
	c, err := ParseCatalogue(strings.NewReader(indicatorsTSV))
	if err != nil {
		panic(err) // embedded data: a test parses it
	}
	return c
})

// DefaultCatalogue returns the embedded catalogue.
func DefaultCatalogue() *Catalogue { return defaultCatalogue() }

// Indicators returns the catalogue's indicators (ids of "-" excluded).
func (c *Catalogue) Indicators() []Indicator {
	var out []Indicator
	for _, ind := range c.indicators {
		if ind.ID != "-" {
			out = append(out, ind)
		}
	}
	return out
}

// Words returns every alias, for adding to a segmenter's dictionary.
func (c *Catalogue) Words() []string {
	out := make([]string, 0, len(c.aliases))
	for _, a := range c.aliases {
		out = append(out, a.text)
	}
	return out
}

// FindIndicator returns the indicator whose alias ends nearest the end of
// clause (the longest one where several end there), among those that fit a
// figure of dimension dim and measure m: a level needs the indicator's own
// dimension, a growth rate, share or completion fits any indicator. It
// returns the alias found and its byte offset in clause.
func (c *Catalogue) FindIndicator(clause string, dim extract.Dimension, m extract.Measure) (id, phrase string, at int, ok bool) {
	bestEnd, bestLen, best := -1, 0, -1
	bestAt := -1
	for k := 0; ; {
		i, r, list := c.byFirst.Next(clause[k:]) // the next character an alias begins with
		if i < 0 {
			break
		}
		k += i
		for _, a := range list {
			if !strings.HasPrefix(clause[k:], a.text) || !fits(c.indicators[a.ind], dim, m) {
				continue
			}
			if end := k + len(a.text); end > bestEnd || end == bestEnd && len(a.text) > bestLen {
				bestEnd, bestLen, best, bestAt = end, len(a.text), a.ind, k
			}
		}
		k += utf8.RuneLen(r)
	}
	if best < 0 || c.indicators[best].ID == "-" {
		return "", "", -1, false
	}
	return c.indicators[best].ID, clause[bestAt:bestEnd], bestAt, true
}

// indicator returns the entry of id ("-" and unknown ids: false).
func (c *Catalogue) indicator(id string) (*Indicator, bool) {
	i, ok := c.byID[id]
	if !ok || id == "-" {
		return nil, false
	}
	return &c.indicators[i], true
}

// Fits reports whether a figure of dimension dim and measure m can measure
// the indicator id (false for an id the catalogue lacks).
func (c *Catalogue) Fits(id string, dim extract.Dimension, m extract.Measure) bool {
	ind, ok := c.indicator(id)
	return ok && fits(*ind, dim, m)
}

// ChangeOnly reports an indicator whose growth is reported as a change
// (Indicator.ChangeOnly).
func (c *Catalogue) ChangeOnly(id string) bool {
	ind, ok := c.indicator(id)
	return ok && ind.ChangeOnly
}

// AcceptsUnit reports whether a level of the indicator id may be stated in
// unit u: any unit of its dimension unless the catalogue lists its units.
func (c *Catalogue) AcceptsUnit(id string, u extract.Unit) bool {
	ind, ok := c.indicator(id)
	return !ok || len(ind.Units) == 0 || slices.Contains(ind.Units, u)
}

// Rate reports an indicator whose level is itself a percentage (an
// unemployment rate, an R&D intensity): a share of it is its level.
func (c *Catalogue) Rate(id string) bool {
	ind, ok := c.indicator(id)
	return ok && ind.Dimension == extract.Percent
}

func fits(ind Indicator, dim extract.Dimension, m extract.Measure) bool {
	if ind.ID == "-" {
		return true
	}
	if m != extract.Level {
		// a growth, share or completion percentage (or pp change) of anything;
		// a change in the indicator's own unit
		return dim == extract.Percent || dim == extract.PP || dim == extract.Times || dim == ind.Dimension
	}
	switch ind.Dimension {
	case extract.Count:
		return dim == extract.Count || dim == extract.Physical
	}
	return dim == ind.Dimension
}
