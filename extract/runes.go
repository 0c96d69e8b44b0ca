package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// firstRunes returns the first rune of each word, as one string.
func firstRunes(words []string) string {
	b := make([]byte, 0, 3*len(words))
	for _, w := range words {
		r, _ := hanset.DecodeRune(w)
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// trimSpace is strings.TrimSpace, quicker for the text of a report: a
// string whose first and last characters are printable ASCII, ideographs
// (lead byte E4–E9) or full-width forms (EF), none of them a space, is
// returned at once instead of decoded at both ends.
func trimSpace(s string) string {
	n := len(s)
	if n > 0 && (printable(s[0]) || wideLead(s[0])) && (printable(s[n-1]) ||
		n >= 3 && wideLead(s[n-3]) && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80) {
		return s
	}
	return strings.TrimSpace(s)
}

// printable reports printable ASCII but the space.
func printable(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

// wideLead reports the lead byte of a character of U+4000–U+9FFF or of
// U+F000–U+FFFF, none of them a space.
func wideLead(c byte) bool { return c >= 0xE4 && c <= 0xE9 || c == 0xEF }

// cutFields cuts line at sep into f, the fields as substrings of line (the
// last one cut at the next sep too), and returns the number of fields line
// has: len(f)+1 when it has more than f holds. The embedded tables are
// read with it.
func cutFields(line string, sep byte, f []string) int {
	for k := range f {
		i := strings.IndexByte(line, sep)
		if i < 0 {
			f[k] = line
			return k + 1
		}
		f[k], line = line[:i], line[i+1:]
	}
	return len(f) + 1
}
