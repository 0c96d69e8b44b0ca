package extract

import (
	"fmt"
)

// Unit is the canonical unit of a quantity (SCHEMA.md): CNY, USD and other
// ISO currency codes, "%", "pp", "times", "m2", "km", "mu", "ha", "t", "kW",
// "kWh", "m3", "person-times", or for counts the measure word itself (个, 家,
// 项 …).
type Unit string

// Bound says how a stated figure bounds the true value.
type Bound uint8

// Bounds, spelled in JSON as SCHEMA.md gives them.
const (
	Eq     Bound = iota // stated exactly
	Approx              // 约, 近, 左右, 接近, 大约, 上下
	GE                  // 以上, 不低于, 至少
	GT                  // 超, 超过, 突破, 逾, 余, 多
	LE                  // 以内, 以下, 不超过
	LT                  // 不到, 低于, 不足
)

var boundNames = [...]string{"eq", "approx", "ge", "gt", "le", "lt"}

func (b Bound) String() string { return enumName(boundNames[:], b, "Bound") }

// MarshalText spells the bound as in SCHEMA.md.
func (b Bound) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText reads a bound spelled as in SCHEMA.md.
func (b *Bound) UnmarshalText(t []byte) error { return parseEnum(boundNames[:], t, b, "bound") }

// Dimension is the kind of thing a quantity measures.
type Dimension uint8

// Dimensions.
const (
	Count    Dimension = iota // counted things: 个, 家, 项, 人 …
	Money                     // CNY, USD …
	Percent                   // %
	PP                        // percentage points
	Times                     // multiples (倍, 翻番)
	Physical                  // area, length, mass, energy, volume, person-times
)

var dimensionNames = [...]string{"count", "money", "percent", "pp", "times", "physical"}

func (d Dimension) String() string { return enumName(dimensionNames[:], d, "Dimension") }

// MarshalText spells the dimension in lower case.
func (d Dimension) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a dimension name.
func (d *Dimension) UnmarshalText(t []byte) error {
	return parseEnum(dimensionNames[:], t, d, "dimension")
}

// enumName returns the name of v, an enumerated value spelled by names,
// or Type(v) for a value without one.
func enumName[T ~uint8](names []string, v T, typ string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

// parseEnum sets *v to the value names spells t, or reports t unknown.
func parseEnum[T ~uint8](names []string, t []byte, v *T, what string) error {
	for i, n := range names {
		if n == string(t) {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("extract: unknown %s %q", what, t)
}

// Quantity is a figure stated in a text, in canonical units.
type Quantity struct {
	Text      string    `json:"text"`  // the surface string, bound words included
	Start     int       `json:"start"` // byte offsets of Text, [Start, End)
	End       int       `json:"end"`
	Value     float64   `json:"value"` // in Unit: whole yuan, percent, plain count
	Unit      Unit      `json:"unit"`
	Bound     Bound     `json:"bound"`
	Dimension Dimension `json:"dimension"`
	Scale     string    `json:"scale,omitempty"` // the multiplier as written: 万, 亿, 万亿
}
