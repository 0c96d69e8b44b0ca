package segment

import (
	"math"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// span is a half-open byte range and the dictionary entry it is (0 if
// it is no word of the dictionary).
type span struct {
	Start, End int
	ref        ref
	logFreq    float32
}

// router holds the buffers of route, reused from one block to the next.
type router struct {
	bounds []int
	best   []float64
	next   []int32
	slot   []slot // the slot of the word chosen at each position
}

// route returns the most probable way to cut s into dictionary words
// (jieba's DAG and dynamic programme): each word scores log(freq/total), a
// character that is no word scores log(1/total). Ties go to the longer word.
func (l *lexicon) route(s string, dst []span) []span {
	var rt router
	return rt.route(l, s, dst)
}

func (rt *router) route(l *lexicon, s string, dst []span) []span {
	bounds := rt.bounds[:0]
	for i := 0; i < len(s); {
		bounds = append(bounds, i)
		_, size := hanset.DecodeRune(s[i:])
		i += size
	}
	n := len(bounds)
	bounds = append(bounds, len(s))
	rt.bounds = bounds
	best := grow(&rt.best, n+1)
	next := grow(&rt.next, n+1)
	chosen := grow(&rt.slot, n+1)
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		start := bounds[i]
		// The character alone: its frequency, or 1 if it is no word.
		first := s[start:bounds[i+1]]
		c := l.slotOf(first)
		lf := float64(c.logFreq)
		if c.ref == 0 || math.IsInf(lf, -1) {
			lf = 0
		}
		best[i], next[i], chosen[i] = lf-l.logTotal+best[i+1], int32(i+1), c
		if c.ref == 0 {
			continue
		}
		h := hashString(first)
		for j := i + 2; j <= n && bounds[j]-start <= l.maxLen; j++ {
			h = hashMore(h, s[bounds[j-1]:bounds[j]])
			w, ok := l.probe(h)
			if !ok {
				break
			}
			if math.IsInf(float64(w.logFreq), -1) {
				continue
			}
			if score := float64(w.logFreq) - l.logTotal + best[j]; score >= best[i] {
				best[i], next[i], chosen[i] = score, int32(j), w
			}
		}
	}
	for i := 0; i < n; i = int(next[i]) {
		dst = append(dst, span{bounds[i], bounds[next[i]], chosen[i].ref, chosen[i].logFreq})
	}
	return dst
}

// grow returns (*buf)[:n], reallocating *buf if it is too short.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n, n+n/2)
	}
	return (*buf)[:n]
}

// gseSegmenter is the default backend: gse's dictionary and HMM model,
// compiled into compact tables, run by the dynamic programme above.
type gseSegmenter struct {
	lex    atomic.Pointer[lexicon]
	mu     sync.Mutex // serialises AddWords
	hmm    *hmmModel  // nil when new-word discovery is off
	search bool
}

func newGSE(c *config) (*gseSegmenter, error) {
	s := &gseSegmenter{search: c.search}
	if c.hmm {
		s.hmm = loadHMM()
	}
	var lex *lexicon
	if c.domain {
		lex = domainLexicon()
	} else {
		lex = newLexicon(loadBase())
	}
	if len(c.words) > 0 {
		var err error
		if lex, err = lex.with(c.words, false); err != nil {
			return nil, err
		}
	}
	s.lex.Store(lex)
	return s, nil
}

// domainLexicon is the general dictionary with the policy dictionary
// merged in, built once per process.
var domainLexicon = sync.OnceValue(func() *lexicon {
	lex, err := newLexicon(loadBase()).with(domainWords(), true)
	if err != nil {
		panic(err) // embedded data is constant; TestEmbeddedData checks it
	}
	return lex
})

// AddWords adds words to the dictionary. Cuts already running finish with
// the dictionary they started with.
func (s *gseSegmenter) AddWords(words ...Word) error {
	if err := checkWords(words); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lex, err := s.lex.Load().with(words, false)
	if err != nil {
		return err
	}
	s.lex.Store(lex)
	return nil
}

// Cut cuts text into tokens.
func (s *gseSegmenter) Cut(text string) []Token {
	lex := s.lex.Load()
	out := make([]Token, 0, len(text)/4+1)
	var spans []span
	var rt router
	for i := 0; i < len(text); {
		r, size := hanset.DecodeRune(text[i:])
		switch {
		case isBlockRune(r):
			j := i + size
			for j < len(text) {
				r, size := hanset.DecodeRune(text[j:])
				if !isBlockRune(r) {
					break
				}
				j += size
			}
			spans = rt.route(lex, text[i:j], spans[:0])
			out = s.emitBlock(out, lex, text, i, spans)
			i = j
		case unicode.IsSpace(r):
			j := i + size
			for j < len(text) {
				r, size := hanset.DecodeRune(text[j:])
				if !unicode.IsSpace(r) {
					break
				}
				j += size
			}
			out = append(out, Token{Text: text[i:j], Start: i, End: j, POS: "x"})
			i = j
		case isWideAlnum(r):
			// full-width digits and letters, one token as their ASCII
			// forms would be (１２．５ is a number, ＡＢＣ a word)
			j := wideEnd(text, i)
			pos := "eng"
			if r <= '９' {
				pos = "m"
			}
			out = append(out, Token{Text: text[i:j], Start: i, End: j, POS: pos})
			i = j
		default:
			out = append(out, Token{Text: text[i : i+size], Start: i, End: i + size, POS: "x"})
			i += size
		}
	}
	if s.search {
		out = searchTokens(lex, out)
	}
	return out
}

// emitBlock turns the dictionary route of the block starting at off into
// tokens. Runs of single characters are rejoined: numbers and Latin words
// by pattern, Han characters by the HMM when it is on.
func (s *gseSegmenter) emitBlock(out []Token, lex *lexicon, text string, off int, spans []span) []Token {
	run := -1 // start of the current run of single characters
	flush := func(end int) {
		if run < 0 {
			return
		}
		out = s.emitRun(out, lex, text, run, end)
		run = -1
	}
	for _, sp := range spans {
		start, end := off+sp.Start, off+sp.End
		if _, size := hanset.DecodeRune(text[start:]); size == end-start || cutsDigits(text, start, end) {
			if run < 0 {
				run = start
			}
			continue
		}
		flush(start)
		out = append(out, lex.wordToken(text, start, end, sp))
	}
	flush(off + spans[len(spans)-1].End)
	return out
}

// emitRun tokenises text[start:end], a run of characters the dictionary
// route left single.
func (s *gseSegmenter) emitRun(out []Token, lex *lexicon, text string, start, end int) []Token {
	for i := start; i < end; {
		r, size := hanset.DecodeRune(text[i:])
		switch {
		case hanset.IsHan(r):
			j := i + size
			for j < end {
				r, size := hanset.DecodeRune(text[j:])
				if !hanset.IsHan(r) {
					break
				}
				j += size
			}
			if s.hmm == nil || j-i == size || lex.freq(text[i:j]) > 0 {
				for k, r := range text[i:j] {
					n := utf8.RuneLen(r)
					out = append(out, lex.token(text, i+k, i+k+n))
				}
			} else {
				s.hmm.cut(text[i:j], func(a, b int) {
					out = append(out, lex.token(text, i+a, i+b))
				})
			}
			i = j
		case isAlnum(r):
			j := latinEnd(text, i, end)
			out = append(out, lex.token(text, i, j))
			i = j
		default:
			out = append(out, lex.token(text, i, i+size))
			i += size
		}
	}
	return out
}

// token makes the token text[start:end], tagged from the dictionary or,
// for words it lacks, by shape: m for numbers, eng for Latin words, x for
// symbols, un for Han words found by the HMM.
func (l *lexicon) token(text string, start, end int) Token {
	s := l.slotOf(text[start:end])
	return l.wordToken(text, start, end, span{ref: s.ref, logFreq: s.logFreq})
}

// wordToken is token for a span whose dictionary entry is known.
func (l *lexicon) wordToken(text string, start, end int, sp span) Token {
	w := text[start:end]
	t := Token{Text: w, Start: start, End: end}
	if t.POS = l.pos(sp.ref, sp.logFreq); t.POS != "" {
		return t
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r >= '0' && r <= '9':
		t.POS = "m"
	case isAlnum(r):
		t.POS = "eng"
	case hanset.IsHan(r):
		t.POS = "un"
	default:
		t.POS = "x"
	}
	return t
}

// latinEnd returns the end of the Latin word or number starting at i:
// [A-Za-z0-9]+ with an optional decimal part (2.5). A per cent sign is a
// token of its own, as in cppjieba.
func latinEnd(s string, i, end int) int {
	j := i
	for j < end && isAlnum(rune(s[j])) {
		j++
	}
	if j+1 < end && s[j] == '.' && isDigit(s[j+1]) {
		j += 2
		for j < end && isDigit(s[j]) {
			j++
		}
	}
	return j
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// cutsDigits reports a dictionary word text[start:end] that starts or ends
// inside a run of digits (the 12345 of 0871-12345678): its characters are
// left single, and the run is read whole.
func cutsDigits(text string, start, end int) bool {
	return start > 0 && isDigit(text[start-1]) && isDigit(text[start]) ||
		end < len(text) && isDigit(text[end-1]) && isDigit(text[end])
}

// isWideAlnum reports a full-width digit or Latin letter.
func isWideAlnum(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// wideEnd returns the end of the run of full-width digits and letters at
// i, with a full-width point between digits (１２．５).
func wideEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isWideAlnum(r) {
			j += size
			continue
		}
		if r == '．' && j > i {
			if r2, _ := utf8.DecodeRuneInString(s[j+size:]); r2 >= '０' && r2 <= '９' {
				j += size
				continue
			}
		}
		break
	}
	return j
}

func isAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// isBlockRune reports whether r belongs in a block cut by the dictionary:
// Han characters, Latin letters, digits and the symbols that join them
// (jieba's re_han_default).
func isBlockRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(r) || r == '+' || r == '#' || r == '&' || r == '.' || r == '_' || r == '%' || r == '-'
	}
	return hanset.IsHan(r)
}

// searchTokens adds, before each word of three or more characters, the
// dictionary words of two and three characters inside it (jieba's
// cut_for_search), for indexing.
func searchTokens(lex *lexicon, tokens []Token) []Token {
	out := make([]Token, 0, len(tokens)+len(tokens)/4)
	for _, t := range tokens {
		n := utf8.RuneCountInString(t.Text)
		if n > 2 {
			for _, k := range []int{2, 3} {
				if n <= k {
					break
				}
				out = appendGrams(out, lex, t, k)
			}
		}
		out = append(out, t)
	}
	return out
}

func appendGrams(out []Token, lex *lexicon, t Token, k int) []Token {
	var bounds []int
	for i := range t.Text {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(t.Text))
	for i := 0; i+k < len(bounds); i++ {
		if lex.freq(t.Text[bounds[i]:bounds[i+k]]) > 0 {
			out = append(out, lex.token(t.Text, bounds[i], bounds[i+k]))
			out[len(out)-1].Start += t.Start
			out[len(out)-1].End += t.Start
		}
	}
	return out
}
