// Package hanset holds sets of Han characters as bitmaps, for the
// scanners of corpus and extract that test every character of a text:
// membership costs a shift and a mask instead of a search.
package hanset

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The range of the common CJK ideographs that a Set covers.
const (
	First = 0x4E00
	Last  = 0x9FFF
)

// Set is a set of characters of U+4E00–U+9FFF, one bit each.
type Set [(Last-First)/64 + 1]uint64

// New returns the set of the characters of s in U+4E00–U+9FFF (others are
// left out).
func New(s string) *Set {
	h := new(Set)
	for _, r := range s {
		if r >= First && r <= Last {
			h[(r-First)/64] |= 1 << ((r - First) % 64)
		}
	}
	return h
}

// Has reports whether r is in the set.
func (h *Set) Has(r rune) bool {
	return r >= First && r <= Last && h[(r-First)/64]&(1<<((r-First)%64)) != 0
}

// IsHan reports whether r is a Han character, as unicode.Is(unicode.Han, r)
// does, testing the common range first.
func IsHan(r rune) bool {
	if r >= First && r <= Last {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// DecodeRune is utf8.DecodeRuneInString with the three-byte sequences of
// Han text decoded in line: the scanners call it for every character.
func DecodeRune(s string) (rune, int) {
	if len(s) >= 3 {
		// lead bytes whose second byte may be any continuation byte
		if c0 := s[0]; c0 >= 0xE1 && c0 <= 0xEC || c0 == 0xEE || c0 == 0xEF {
			if c1, c2 := s[1], s[2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
			}
		}
	}
	return utf8.DecodeRuneInString(s)
}

// Words is a list of words to look for in text, indexed by first
// character: a scan tests one bit per character and compares words only
// where one may start. It is immutable and safe for concurrent use.
type Words struct {
	words []string
	first *Set
	other []string // words whose first character is outside the Set's range
}

// NewWords returns the Words of ws (empty words are left out).
func NewWords(ws ...string) *Words {
	w := &Words{first: new(Set)}
	for _, s := range ws {
		if s == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s); r >= First && r <= Last {
			w.words = append(w.words, s)
			w.first[(r-First)/64] |= 1 << ((r - First) % 64)
		} else {
			w.other = append(w.other, s)
		}
	}
	return w
}

// In reports whether any of the words occurs in s.
func (w *Words) In(s string) bool {
	for _, o := range w.other {
		if strings.Contains(s, o) {
			return true
		}
	}
	for i := 0; i < len(s); {
		r, size := DecodeRune(s[i:])
		if w.first.Has(r) {
			for _, x := range w.words {
				if strings.HasPrefix(s[i:], x) {
					return true
				}
			}
		}
		i += size
	}
	return false
}
