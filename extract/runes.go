package extract

import "unicode/utf8"

// firstRunes returns the first rune of each word, as one string.
func firstRunes(words []string) string {
	b := make([]byte, 0, 3*len(words))
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
