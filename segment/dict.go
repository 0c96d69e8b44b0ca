package segment

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// The general dictionary: gse's Chinese (simplified) dictionary, with its
// IDF values, compiled by internal/gendict into a flat table. DO NOT EDIT
// data/base.dict by hand: run go generate in this directory.
//
//go:embed data/base.dict
var baseDictData string

// entry is a dictionary word, or a proper prefix of one (Freq 0).
type entry struct {
	Freq float64
	POS  string
	IDF  float64 // 0 when the IDF table has no value for the word
}

// baseDict is the decoded general dictionary. It is immutable: the entries
// and words stay in the embedded string and are read in place; only the
// hash index is built at load time.
type baseDict struct {
	data    string // the entry records
	blob    string // the concatenated words
	pos     []string
	index   hashIndex
	total   float64
	maxLen  int // longest word, in bytes
	entries int
	logFreq []float32 // log of each entry's frequency; -Inf for a prefix
}

const recordSize = 12

var loadBase = sync.OnceValue(func() *baseDict {
	d, err := decodeDict(baseDictData)
	if err != nil {
		panic(err) // embedded data is constant; TestEmbeddedData parses it
	}
	return d
})

// errDict reports a malformed compiled dictionary.
type errDict string

func (e errDict) Error() string { return "segment: bad compiled dictionary: " + string(e) }

func decodeDict(s string) (*baseDict, error) {
	const magic = "PFDICT1\n"
	if !strings.HasPrefix(s, magic) || len(s) < len(magic)+17 {
		return nil, errDict("header")
	}
	s = s[len(magic):]
	n := int(u32(s, 0))
	blobLen := int(u32(s, 4))
	total := float64(binary.LittleEndian.Uint64([]byte(s[8:16])))
	npos := int(s[16])
	s = s[17:]
	d := &baseDict{total: total, entries: n}
	for i := 0; i < npos; i++ {
		if len(s) < 1 || len(s) < 1+int(s[0]) {
			return nil, errDict("POS table")
		}
		d.pos = append(d.pos, s[1:1+int(s[0])])
		s = s[1+int(s[0]):]
	}
	if len(s) != n*recordSize+blobLen {
		return nil, errDict("length")
	}
	d.data, d.blob = s[:n*recordSize], s[n*recordSize:]
	d.index = newHashIndex(n)
	d.logFreq = make([]float32, n)
	for i := 0; i < n; i++ {
		d.logFreq[i] = float32(math.Log(float64(u32(d.data, i*recordSize+4))))
		w := d.word(i)
		if int(d.data[i*recordSize+9]) >= npos || len(w) == 0 {
			return nil, errDict("entry")
		}
		if len(w) > d.maxLen {
			d.maxLen = len(w)
		}
		d.index.add(hashString(w), i)
	}
	return d, nil
}

// hashIndex is an open-addressing hash index of entry numbers. It keeps
// each slot's full hash, so most misses are decided without reading the
// word.
type hashIndex struct {
	slots []uint64 // hash<<32 | entry number + 1; 0 = empty
	mask  uint32
}

func newHashIndex(n int) hashIndex {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	return hashIndex{slots: make([]uint64, size), mask: uint32(size - 1)}
}

func (x *hashIndex) add(h uint32, i int) {
	j := h & x.mask
	for x.slots[j] != 0 {
		j = (j + 1) & x.mask
	}
	x.slots[j] = uint64(h)<<32 | uint64(i+1)
}

// probe calls match with each entry whose hash is h, until match
// returns true; it reports the entry matched.
func (x *hashIndex) probe(h uint32, match func(i int) bool) (int, bool) {
	for j := h & x.mask; ; j = (j + 1) & x.mask {
		s := x.slots[j]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) == h && match(int(uint32(s))-1) {
			return int(uint32(s)) - 1, true
		}
	}
}

func u32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (d *baseDict) word(i int) string {
	r := i * recordSize
	off := int(u32(d.data, r))
	return d.blob[off : off+int(d.data[r+8])]
}

// find looks w up; h must be hashString(w).
func (d *baseDict) find(w string, h uint32) (int, bool) {
	return d.index.probe(h, func(i int) bool { return d.word(i) == w })
}

func (d *baseDict) entry(i int) entry {
	r := i * recordSize
	e := entry{Freq: float64(u32(d.data, r+4)), POS: d.pos[d.data[r+9]]}
	if idf := uint16(d.data[r+10]) | uint16(d.data[r+11])<<8; idf != 0 {
		e.IDF = float64(idf) / 1000
	}
	return e
}

// FNV-1a, 32 bits; hashing can be extended one byte at a time.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashString(s string) uint32 { return hashMore(fnvOffset, s) }

func hashMore(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// lexicon is the dictionary a segmenter reads: the general dictionary
// under an overlay of domain and user words. A lexicon is never changed
// once built; adding words builds a new one.
type lexicon struct {
	base     *baseDict
	extra    overlay // words and their prefixes (Freq 0) not in base, or overriding it
	total    float64
	logTotal float64
	maxLen   int
	chars    []charInfo // by rune - charLo
}

func newLexicon(base *baseDict) *lexicon {
	l := &lexicon{base: base, total: base.total,
		logTotal: math.Log(base.total), maxLen: base.maxLen}
	l.fillChars()
	return l
}

// The common Han characters (U+4E00–U+9FFF) are looked up in an array,
// not the hash index: each position of a text starts with one.
const (
	charLo = 0x4E00
	charHi = 0xA000
)

// charInfo is a character's dictionary data: the log of its frequency
// (-Inf if it is only a prefix) and whether it is in the dictionary at all.
type charInfo struct {
	logFreq float32
	found   bool
}

func (l *lexicon) fillChars() {
	l.chars = make([]charInfo, charHi-charLo)
	var buf [4]byte
	for r := rune(charLo); r < charHi; r++ {
		w := string(buf[:utf8.EncodeRune(buf[:], r)])
		lf, found := l.logFreq(w, hashString(w))
		l.chars[r-charLo] = charInfo{float32(lf), found}
	}
}

// logFreq returns the log of w's frequency (-Inf for a prefix that is no
// word) and whether w is a word or prefix at all; h is hashString(w).
func (l *lexicon) logFreq(w string, h uint32) (float64, bool) {
	if e, ok := l.extra.find(w, h); ok {
		return math.Log(e.Freq), true
	}
	if i, ok := l.base.find(w, h); ok {
		return float64(l.base.logFreq[i]), true
	}
	return 0, false
}

// lookup returns w's entry. ok is false when w is neither a word nor the
// prefix of one; a prefix has Freq 0.
func (l *lexicon) lookup(w string, h uint32) (entry, bool) {
	if e, ok := l.extra.find(w, h); ok {
		return e, true
	}
	if i, ok := l.base.find(w, h); ok {
		return l.base.entry(i), true
	}
	return entry{}, false
}

// freq returns the frequency of w as a word (0 if it is not one).
func (l *lexicon) freq(w string) float64 {
	e, _ := l.lookup(w, hashString(w))
	return e.Freq
}

// with returns a copy of l with words added. A word's frequency is raised
// where needed so that the word is kept whole rather than cut into the
// dictionary words it contains (jieba's suggest_freq rule); Freq 0 asks
// for exactly that minimum. With policy set, the words are the domain
// dictionary and their frequencies give their IDF (policyIDF).
func (l *lexicon) with(words []Word, policy bool) *lexicon {
	n := &lexicon{base: l.base, total: l.total, maxLen: l.maxLen}
	set := make(map[string]entry, len(l.extra.words)+2*len(words))
	for i, w := range l.extra.words {
		set[w] = l.extra.entries[i]
	}
	for _, w := range words {
		old, ok := set[w.Text]
		if !ok {
			old, _ = l.lookup(w.Text, hashString(w.Text))
		}
		freq := math.Max(float64(w.Freq), old.Freq)
		if need := l.wholeFreq(w.Text); freq < need {
			freq = need
		}
		pos := w.POS
		if pos == "" {
			pos = old.POS
		}
		if pos == "" {
			pos = "n"
		}
		n.total += freq - old.Freq
		idf := old.IDF
		if policy {
			idf = policyIDF(w.Freq)
		}
		set[w.Text] = entry{Freq: freq, POS: pos, IDF: idf}
		for i := range w.Text {
			if p := w.Text[:i]; i > 0 {
				if _, ok := set[p]; ok {
					continue
				}
				if _, ok := l.lookup(p, hashString(p)); !ok {
					set[p] = entry{}
				}
			}
		}
		if len(w.Text) > n.maxLen {
			n.maxLen = len(w.Text)
		}
	}
	n.extra = newOverlay(set)
	n.logTotal = math.Log(n.total)
	n.fillChars()
	return n
}

// overlay is a small immutable word table indexed like baseDict, with a
// bit filter on the hashes that rules most misses out without a probe.
type overlay struct {
	words   []string
	entries []entry
	index   hashIndex
	filter  []uint64
}

const filterMask = 1<<16 - 1

func newOverlay(set map[string]entry) overlay {
	o := overlay{words: make([]string, 0, len(set)), entries: make([]entry, 0, len(set)),
		index: newHashIndex(len(set)), filter: make([]uint64, (filterMask+1)/64)}
	for w := range set {
		o.words = append(o.words, w)
	}
	sort.Strings(o.words) // a deterministic layout
	for i, w := range o.words {
		o.entries = append(o.entries, set[w])
		h := hashString(w)
		o.index.add(h, i)
		o.filter[h&filterMask/64] |= 1 << (h % 64)
	}
	return o
}

func (o *overlay) find(w string, h uint32) (entry, bool) {
	if len(o.words) == 0 || o.filter[h&filterMask/64]&(1<<(h%64)) == 0 {
		return entry{}, false
	}
	i, ok := o.index.probe(h, func(i int) bool { return o.words[i] == w })
	if !ok {
		return entry{}, false
	}
	return o.entries[i], true
}

// wholeFreq is the smallest frequency with which text, as one word, wins
// over the best route through the words it contains.
func (l *lexicon) wholeFreq(text string) float64 {
	p := 1.0
	for _, t := range l.route(text, nil) {
		f := l.freq(text[t.Start:t.End])
		if f == 0 {
			f = 1
		}
		p *= f / l.total
	}
	return math.Floor(p*l.total) + 1
}
