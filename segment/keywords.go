package segment

import (
	"cmp"
	"slices"
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
	counts := map[string]int{}
	var order []string
	total := 0
	prevNumber := false
	for _, t := range tokens {
		afterNumber := prevNumber
		if strings.IndexFunc(t.Text, notSpace) >= 0 {
			prevNumber = t.POS == "m" && t.Text[0] >= '0' && t.Text[0] <= '9'
		}
		if afterNumber || !keywordCandidate(t, stop) {
			continue
		}
		total++
		if counts[t.Text] == 0 {
			order = append(order, t.Text)
		}
		counts[t.Text]++
	}
	out := make([]Keyword, 0, len(order))
	for _, w := range order {
		idf := lex.idf(w)
		out = append(out, Keyword{Text: w, Count: counts[w], Weight: float64(counts[w]) / float64(total) * idf})
	}
	// by weight, ties in text order: out is in text order, so a stable
	// sort keeps it
	slices.SortStableFunc(out, func(a, b Keyword) int { return cmp.Compare(b.Weight, a.Weight) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

// medianIDF is the median of gse's general IDF table, jieba's value for
// words the table lacks.
const medianIDF = 11.9547675029

// keywordPOS lists the tags of content words.
var keywordPOS = map[string]bool{"n": true, "nr": true, "ns": true, "nt": true, "nz": true, "nrt": true,
	"nrfg": true, "ng": true, "vn": true, "v": true, "l": true, "i": true, "j": true, "un": true, "an": true}

func keywordCandidate(t Token, stop map[string]bool) bool {
	if utf8.RuneCountInString(t.Text) < 2 || stop[t.Text] || !keywordPOS[t.POS] {
		return false
	}
	return strings.IndexFunc(t.Text, func(r rune) bool { return hanset.IsHan(r) }) >= 0
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
