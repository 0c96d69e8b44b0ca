package extract

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// ErrSyntax is returned by ParseNumber for a string that is not a number.
var ErrSyntax = errors.New("invalid syntax")

// ErrVague is returned by ParseNumber for an indefinite number (几百, 数十,
// 十几): a real number word, but no value.
var ErrVague = errors.New("vague number")

// NumError records a failed conversion, like strconv.NumError.
type NumError struct {
	Num string // the input
	Err error  // ErrSyntax or ErrVague
}

func (e *NumError) Error() string {
	return "extract.ParseNumber: parsing " + strconv.Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// ParseNumber returns the value of a number written in Arabic digits,
// Chinese numerals or a mix of both: "204", "1,234.5", "116.78", "３５",
// "三千二百万", "十二亿", "一百零五", "三点五", "二〇二五", "3.5万亿", "1.2万",
// "两万". Scale characters multiply (万 = 1e4, 亿 = 1e8, 万亿 = 1e12). It
// reads the number only: no unit, no bound word.
func ParseNumber(s string) (float64, error) {
	s = simplifiedNumerals(trimSpace(s))
	if s == "" {
		return 0, &NumError{s, ErrSyntax}
	}
	if vague(s) {
		return 0, &NumError{s, ErrVague}
	}
	v, ok := parseBig(s)
	if !ok || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, &NumError{s, ErrSyntax}
	}
	return v, nil
}

// traditionalNumerals writes the traditional forms of the numerals and
// scales as simplified ones: 億, 萬, 兩 and 點 stand in simplified texts
// too (a table's cell, a quotation), where the cleaner keeps them.
var traditionalNumerals = strings.NewReplacer("億", "亿", "萬", "万", "兩", "两", "點", "点")

// simplifiedNumerals returns s with its traditional numerals simplified,
// s itself (no copy, no replacer run) when it has none, as most have.
func simplifiedNumerals(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// a numeral of Han characters: look for the traditional ones
			if strings.Contains(s, "億") || strings.Contains(s, "萬") || strings.Contains(s, "兩") || strings.Contains(s, "點") {
				return traditionalNumerals.Replace(s)
			}
			return s
		}
	}
	return s // Arabic digits only
}

// vague reports 几, 数 or 若 in s (几百, 数十, 若干): a count not given.
func vague(s string) bool {
	for _, r := range s {
		switch r {
		case '几', '数', '若':
			return true
		}
	}
	return false
}

// parseBig handles the big scales 亿 and 万, splitting at their first
// occurrence: 十二亿三千万 = 十二 × 1e8 + 三千万; 三万亿 = 三万 × 1e8.
func parseBig(s string) (float64, bool) {
	for _, big := range []struct {
		char string
		mult float64
	}{{"亿", 1e8}, {"万", 1e4}} {
		i := strings.Index(s, big.char)
		if i < 0 {
			continue
		}
		left, right := s[:i], s[i+len(big.char):]
		lv := 1.0
		if left != "" {
			var ok bool
			if lv, ok = parseBig(left); !ok {
				return 0, false
			}
		}
		// 亿 directly after 万 (三万亿): the whole left side is multiplied.
		for strings.HasPrefix(right, big.char) {
			lv *= big.mult
			right = right[len(big.char):]
		}
		rv := 0.0
		if right != "" {
			var ok bool
			// 三万五 = 35000: a lone digit after a scale counts in the next lower place.
			if d, ok2 := lonedigit(right); ok2 && !strings.HasPrefix(right, "零") {
				rv = float64(d) * big.mult / 10
			} else if rv, ok = parseBig(strings.TrimPrefix(right, "零")); !ok {
				return 0, false
			}
			if rv >= big.mult {
				return 0, false
			}
		}
		return lv*big.mult + rv, true
	}
	return parseSmall(s)
}

func lonedigit(s string) (int, bool) {
	r, size := hanset.DecodeRune(s)
	if size != len(s) {
		return 0, false
	}
	d, ok := digitValue(r)
	return d, ok && d > 0
}

// parseSmall reads a number below 10000: Arabic digits (with a decimal
// part and thousands commas), Chinese digits with 十百千, a digit string
// (二〇二五), and 点 decimals (三点五).
func parseSmall(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if isArabic(s) {
		return parseArabic(s)
	}
	intPart, frac, hasPoint := strings.Cut(s, "点")
	v, ok := parseChineseInt(intPart)
	if !ok {
		return 0, false
	}
	if hasPoint {
		if frac == "" {
			return 0, false
		}
		scale := 0.1
		for _, r := range frac {
			d, ok := digitValue(r)
			if !ok || d > 9 {
				return 0, false
			}
			v += float64(d) * scale
			scale /= 10
		}
	}
	return v, true
}

func isArabic(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '.' || r == ',' || r == '，' || r == '．') {
			return false
		}
	}
	return true
}

// parseArabic reads 1234, 1,234.5 and full-width digits.
func parseArabic(s string) (float64, bool) {
	if plainDecimal(s) {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	var b strings.Builder
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
			digits++
		case r == '.' || r == '．':
			b.WriteByte('.')
		case r == ',' || r == '，':
			// a thousands separator: three digits must follow
			rest := s[i+utf8.RuneLen(r):]
			if len(rest) < 3 || !isASCIIDigits(rest[:3]) || (len(rest) > 3 && rest[3] >= '0' && rest[3] <= '9') {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil
}

// plainDecimal reports s made of ASCII digits and points only (204, 5.5):
// parseArabic's rewriting would leave it as it is.
func plainDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseChineseInt reads 一百零五, 三千二百, 十二, 两, 二〇二五 (a digit
// string), and the Arabic-digit form before a 千/百 (3千).
func parseChineseInt(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if isArabic(s) {
		return parseArabic(s)
	}
	rs := []rune(s)
	// a string of plain digits (二〇二五, 五六): only a digit string of
	// three or more reads as a number.
	allDigits := true
	for _, r := range rs {
		if d, ok := digitValue(r); !ok || d > 9 {
			allDigits = false
			break
		}
	}
	if allDigits {
		if len(rs) == 1 {
			d, _ := digitValue(rs[0])
			return float64(d), true
		}
		if len(rs) < 3 {
			return 0, false
		}
		v := 0.0
		for _, r := range rs {
			d, _ := digitValue(r)
			v = v*10 + float64(d)
		}
		return v, true
	}
	total, cur := 0.0, -1.0 // cur: the pending digit, -1 none
	lastUnit := 10000.0
	sawZero := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '.' {
			// Arabic digits before a Chinese unit: 3千, 2.5千
			j := i
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] >= '０' && rs[j] <= '９' || rs[j] == '.') {
				j++
			}
			v, ok := parseArabic(string(rs[i:j]))
			if !ok || cur >= 0 {
				return 0, false
			}
			cur = v
			i = j - 1
			continue
		}
		if d, ok := digitValue(r); ok && d <= 9 {
			if cur >= 0 {
				return 0, false // two digits in a row: 三一, 五六
			}
			if d == 0 {
				sawZero = true
				continue
			}
			cur = float64(d)
			continue
		}
		var unit float64
		switch r {
		case '十', '拾':
			unit = 10
		case '百', '佰':
			unit = 100
		case '千', '仟':
			unit = 1000
		default:
			return 0, false
		}
		if unit >= lastUnit {
			return 0, false // 十百, 百千 out of order
		}
		if cur < 0 {
			if unit != 10 && !(i == 0) {
				return 0, false
			}
			cur = 1 // 十二 = 12; a lone 百 or 千 at the start = 100, 1000
		}
		total += cur * unit
		cur = -1
		lastUnit = unit
		sawZero = false
	}
	if cur >= 0 {
		// 一百五 = 150: a trailing digit right after a unit counts in the next lower place
		if lastUnit < 10000 && lastUnit > 10 && !sawZero && len(rs) >= 2 {
			if _, isDigit := digitValue(rs[len(rs)-1]); isDigit {
				if prevIsUnit(rs[len(rs)-2]) {
					cur *= lastUnit / 10
				}
			}
		}
		total += cur
	}
	return total, true
}

func prevIsUnit(r rune) bool { return r == '百' || r == '千' || r == '佰' || r == '仟' }

// digitValue returns the value of a Chinese digit; 拾 gives 10.
func digitValue(r rune) (int, bool) {
	if r < utf8.RuneSelf {
		return 0, false // Arabic digits are read by parseArabic
	}
	for _, d := range digitTable {
		if d.char == r {
			return d.value, true
		}
	}
	return 0, false
}
