package segment

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// Keyword is a term of a document and its TF-IDF weight.
type Keyword struct {
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
	Count  int     `json:"count"`
}

// Keywords returns the n terms of tokens with the highest TF-IDF weight,
// highest first (ties in text order). Terms are content words of two or
// more characters: nouns, verbs, set phrases and new words; stop words,
// numbers, symbols and function words are passed over.
//
// The IDF suits policy text: words of the policy-domain dictionary weigh
// by how common they are in reports (招商引资 is ordinary there, not rare
// as in general text); other words keep gse's general IDF. A compound
// neither table knows (an indicator name added with WithWords) weighs the
// mean of its parts; a new word of one part gets the general median. A
// word right after a number is its unit (万人, 亿元) and is passed over.
func Keywords(tokens []Token, n int) []Keyword {
	if n <= 0 {
		return nil
	}
	lex := domainLexicon()
	stop := stopWords()
	// Count the tokens of content words by text, then test each distinct
	// text once for the rest (stop word, length, script).
	index := make(map[string]int, len(tokens)/8) // a term's place in terms
	var terms []Keyword                          // in text order
	prevNumber := false
	for _, t := range tokens {
		afterNumber := prevNumber
		if strings.IndexFunc(t.Text, notSpace) >= 0 {
			prevNumber = t.POS == "m" && t.Text[0] >= '0' && t.Text[0] <= '9'
		}
		if afterNumber || !keywordPOS(t.POS) {
			continue
		}
		i, ok := index[t.Text]
		if !ok {
			i = len(terms)
			index[t.Text] = i
			terms = append(terms, Keyword{Text: t.Text})
		}
		terms[i].Count++
	}
	total := 0
	terms = slices.DeleteFunc(terms, func(k Keyword) bool { return !keywordText(k.Text, stop) })
	for _, k := range terms {
		total += k.Count
	}
	// The n heaviest, ties in text order: terms are in text order, and a
	// term goes in after every one at least as heavy.
	top := make([]Keyword, 0, min(n, len(terms))+1)
	for _, k := range terms {
		tf := float64(k.Count) / float64(total)
		if len(top) == n && tf*lex.maxIDF <= top[n-1].Weight {
			continue // it cannot weigh more: no need to look its IDF up
		}
		k.Weight = tf * lex.idf(k.Text)
		if len(top) == n && k.Weight <= top[n-1].Weight {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return top[i].Weight < k.Weight })
		top = slices.Insert(top, i, k)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

// medianIDF is the median of gse's general IDF table, jieba's value for
// words the table lacks.
const medianIDF = 11.9547675029

// keywordPOS reports whether pos is the tag of a content word.
func keywordPOS(pos string) bool {
	switch pos {
	case "n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "vn", "v", "l", "i", "j", "un", "an":
		return true
	}
	return false
}

// keywordText reports whether the text of a content word may be a
// keyword: two characters or more, one Han at least, no stop word.
func keywordText(text string, stop map[string]bool) bool {
	return hasTwoRunes(text) && !stop[text] && strings.IndexFunc(text, hanset.IsHan) >= 0
}

// hasTwoRunes reports whether s holds two characters or more.
func hasTwoRunes(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s)
}

// idf returns the IDF of w: its own, or the mean of its parts' (see Keywords).
func (l *lexicon) idf(w string) float64 {
	if e, _ := l.lookup(w); e.IDF > 0 {
		return e.IDF
	}
	parts := l.route(w, nil)
	if len(parts) < 2 {
		return medianIDF
	}
	sum := 0.0
	for _, p := range parts {
		if e := l.entry(p.ref); e.IDF > 0 {
			sum += e.IDF
		} else {
			sum += medianIDF
		}
	}
	return sum / float64(len(parts))
}
