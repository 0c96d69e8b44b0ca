package extract

import "unicode/utf8"

// The range of the common CJK ideographs.
const hanFirst, hanLast = 0x4E00, 0x9FFF

// hanSet is a set of characters of U+4E00–U+9FFF, one bit each: a scanner
// that tests every character of a text asks it without a search.
type hanSet [(hanLast-hanFirst)/64 + 1]uint64

// newHanSet returns the set of the Han characters of s (others are left out).
func newHanSet(s string) *hanSet {
	h := new(hanSet)
	for _, r := range s {
		if r >= hanFirst && r <= hanLast {
			h[(r-hanFirst)/64] |= 1 << ((r - hanFirst) % 64)
		}
	}
	return h
}

// firstRunes returns the first rune of each word, as one string.
func firstRunes(words []string) string {
	b := make([]byte, 0, 3*len(words))
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// has reports whether r is in the set.
func (h *hanSet) has(r rune) bool {
	return r >= hanFirst && r <= hanLast && h[(r-hanFirst)/64]&(1<<((r-hanFirst)%64)) != 0
}
