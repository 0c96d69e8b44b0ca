package segment

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/domain.txt
var domainData string

//go:embed data/stopwords.txt
var stopData string

// domainWords returns the policy-domain dictionary.
var domainWords = sync.OnceValue(func() []Word {
	words, err := ParseDict(domainData)
	if err != nil {
		panic(err) // embedded data is constant; TestEmbeddedData parses it
	}
	return words
})

// DomainWords returns a copy of the embedded policy-domain dictionary.
func DomainWords() []Word { return append([]Word(nil), domainWords()...) }

// ParseDict parses a dictionary in jieba's user-dictionary format: one
// word per line, optionally followed by its frequency and POS, separated
// by spaces; blank lines and lines starting with # are skipped.
func ParseDict(s string) ([]Word, error) {
	var words []Word
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		w := Word{Text: f[0]}
		if len(f) > 1 {
			freq, err := strconv.Atoi(f[1])
			if err != nil || freq < 0 {
				return nil, fmt.Errorf("segment: dictionary line %d: bad frequency %q", n+1, f[1])
			}
			w.Freq = freq
		}
		if len(f) > 2 {
			w.POS = f[2]
		}
		if len(f) > 3 {
			return nil, fmt.Errorf("segment: dictionary line %d: too many fields", n+1)
		}
		words = append(words, w)
	}
	return words, nil
}

// stopWords are the words Keywords passes over: function words and the
// set phrases of speeches (同志们, 进一步, 切实).
var stopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(stopData, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
})

// policyIDF is the inverse document frequency given to a word of the
// domain dictionary, from its frequency in reports: a word every report
// uses (2000 and up) weighs like 发展 in the general table, a rare term
// like an uncommon general word.
func policyIDF(freq int) float64 {
	if freq < 1 {
		freq = 1
	}
	return math.Max(3, math.Min(11, 12.5-math.Log(float64(freq))))
}
