package corpus

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// The traditional-to-simplified tables of OpenCC (Apache-2.0, see
// data/opencc/LICENSE and NOTICE), copied unchanged from the Go port
// github.com/longbridgeapp/opencc v0.3.13, whose "t2s" conversion they
// drive: one line per entry, "TRADITIONAL<TAB>SIMPLIFIED [ALTERNATIVES]".
//
//go:embed data/opencc/TSPhrases.txt
var tsPhrasesData string

//go:embed data/opencc/TSCharacters.txt
var tsCharactersData string

// t2sWindow is the longest phrase, in runes, that the conversion tries at
// a position: OpenCC's Go port looks at ten runes ahead, so its longer
// phrases never match; the same window keeps the output the same.
const t2sWindow = 10

// t2sTable converts traditional Chinese to simplified as OpenCC's "t2s"
// does: at each position the longest phrase of TSPhrases that starts
// there (within t2sWindow runes), else the character of TSCharacters,
// else the rune unchanged; a replacement is the first simplified form
// listed. Every entry has as many runes as its key, so conversion keeps
// the text's length in runes. A table is immutable.
type t2sTable struct {
	chars   map[rune]rune
	phrases map[string][]rune // key: the traditional phrase
	starts  map[rune]int      // first rune of a phrase → its longest phrase, in runes
}

// t2s returns the table, parsed on first use.
var t2s = sync.OnceValue(func() *t2sTable {
	t, err := parseT2S(tsPhrasesData, tsCharactersData)
	if err != nil {
		panic(err) // embedded data: TestT2SData parses it
	}
	return t
})

// parseT2S parses the phrase and character tables.
func parseT2S(phrases, chars string) (*t2sTable, error) {
	t := &t2sTable{chars: map[rune]rune{}, phrases: map[string][]rune{}, starts: map[rune]int{}}
	err := eachT2S(phrases, func(k, v string) error {
		n := utf8.RuneCountInString(k)
		if n < 2 {
			return fmt.Errorf("phrase %q: fewer than two characters", k)
		}
		if n > t2sWindow {
			return nil // never matched (t2sWindow)
		}
		t.phrases[k] = []rune(v)
		first, _ := hanset.DecodeRune(k)
		t.starts[first] = max(t.starts[first], n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: TSPhrases: %w", err)
	}
	err = eachT2S(chars, func(k, v string) error {
		if utf8.RuneCountInString(k) != 1 {
			return fmt.Errorf("character %q: not one character", k)
		}
		r, _ := hanset.DecodeRune(k)
		s, _ := hanset.DecodeRune(v)
		t.chars[r] = s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: TSCharacters: %w", err)
	}
	return t, nil
}

// eachT2S calls fn with each entry of an OpenCC table: the key and its
// first replacement, checked to have as many runes as the key.
func eachT2S(data string, fn func(k, v string) error) error {
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, vs, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("line %d: no tab", i+1)
		}
		v, _, _ := strings.Cut(vs, "\t") // more tab-separated fields: alternatives
		if f := strings.Fields(v); len(f) > 0 {
			v = f[0]
		}
		if !utf8.ValidString(k) || !utf8.ValidString(v) || utf8.RuneCountInString(k) != utf8.RuneCountInString(v) {
			return fmt.Errorf("line %d: %q → %q changes the length", i+1, k, v)
		}
		if err := fn(k, v); err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	return nil
}

// convert converts rs in place.
func (t *t2sTable) convert(rs []rune) {
	var key []byte
	for i := 0; i < len(rs); {
		if n := min(t.starts[rs[i]], len(rs)-i); n >= 2 {
			key = key[:0]
			ends := [t2sWindow + 1]int{}
			for j := range n {
				key = utf8.AppendRune(key, rs[i+j])
				ends[j+1] = len(key)
			}
			matched := false
			for m := n; m >= 2; m-- {
				if v, ok := t.phrases[string(key[:ends[m]])]; ok {
					copy(rs[i:], v)
					i += m
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if s, ok := t.chars[rs[i]]; ok {
			rs[i] = s
		}
		i++
	}
}

// convertString returns s converted.
func (t *t2sTable) convertString(s string) string {
	rs := []rune(s)
	t.convert(rs)
	return string(rs)
}
