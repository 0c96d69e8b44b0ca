package segment

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/internal/hanset"
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
	maxLen  int     // longest word, in bytes
	maxIDF  float64 // the highest IDF of an entry
	entries int
	chars   []charInfo // the single-character entries, by rune - charLo
	posOfs  []uint8    // each entry's part of speech, an index into pos
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
	d.chars = make([]charInfo, charHi-charLo)
	d.posOfs = make([]uint8, n)
	var logs logTable
	items := make([]slot, n)
	for i := range items {
		w := d.word(i)
		if int(d.data[i*recordSize+9]) >= npos || len(w) == 0 {
			return nil, errDict("entry")
		}
		d.posOfs[i] = d.data[i*recordSize+9]
		if len(w) > d.maxLen {
			d.maxLen = len(w)
		}
		d.maxIDF = max(d.maxIDF, d.entry(i).IDF)
		lf := logs.of(u32(d.data, i*recordSize+4))
		items[i] = slot{hashString(w), lf, baseRef(i)}
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && r >= charLo && r < charHi {
			d.chars[r-charLo] = charInfo{lf, baseRef(i)}
		}
	}
	if dup, ok := d.index.addAll(items); !ok {
		return nil, errDict("two words with one hash: " + d.word(int(dup.ref)-1))
	}
	return d, nil
}

// logTable computes logarithms of frequencies, the small ones (most of
// the dictionary's) once each.
type logTable [1024]float32

func (t *logTable) of(f uint32) float32 {
	if f >= uint32(len(t)) {
		return float32(math.Log(float64(f)))
	}
	if t[f] == 0 && f != 1 {
		t[f] = float32(math.Log(float64(f)))
	}
	return t[f]
}

// ref names a lexicon entry: entry i of the general dictionary is i+1,
// entry i of the overlay is -(i+1); 0 is no entry.
type ref int32

func baseRef(i int) ref    { return ref(i + 1) }
func overlayRef(i int) ref { return ref(-i - 1) }

// hashIndex is an open-addressing hash index of words by their 64-bit
// hash. A slot holds what the dynamic programme needs (the word's log
// frequency and its entry), so a lookup reads one slot and nothing else:
// the words themselves are not compared. Two words of a table never share
// a hash (add refuses it, and the embedded dictionary is checked by
// TestEmbeddedData); a text's non-word that shares a word's 64-bit hash
// is a chance of about one in 10¹⁴ per document, far below any other
// error of segmentation.
//
// In front of the slots stands a Bloom filter of the hashes, two bits in
// one 64-bit word per hash, at 16 bits per entry. Most strings a text
// asks for are no word nor prefix (about two probes in three while
// cutting ordinary text); the filter, small enough to stay in cache,
// answers them without touching the slots, which are too large to.
type hashIndex struct {
	slots  []slot
	mask   uint64
	shift  uint // a hash's home slot: home(h, shift)
	filter []uint64
	fshift uint // a hash's filter word: filterBits(h, fshift)
}

// mix returns h times 2⁶⁴/φ (Fibonacci hashing): its top bits depend on
// every bit of h. FNV's own top bits vary too little over short words
// such as single characters, so tables take their bits from mix(h).
func mix(h uint64) uint64 { return h * 0x9E3779B97F4A7C15 }

// home returns the first slot to probe for hash h.
func home(h uint64, shift uint) uint64 { return mix(h) >> shift }

// filterBits returns the filter word of hash h and its two bits in it,
// from bits of mix(h) that home does not use for tables of the
// dictionary's size.
func filterBits(h uint64, fshift uint) (uint64, uint64) {
	m := mix(h ^ h>>32)
	return m >> fshift, 1<<(m&63) | 1<<(m>>6&63)
}

type slot struct {
	hash    uint64
	logFreq float32 // -Inf for a prefix that is no word
	ref     ref     // 0: empty
}

func newHashIndex(n int) hashIndex {
	size, bits := 8, uint(3)
	for size < 2*n {
		size, bits = size<<1, bits+1
	}
	words, fbits := 1, uint(0)
	for words*64 < 16*n {
		words, fbits = words<<1, fbits+1
	}
	return hashIndex{slots: make([]slot, size), mask: uint64(size - 1), shift: 64 - bits,
		filter: make([]uint64, words), fshift: 64 - fbits}
}

// add indexes the entry r with hash h. It reports false, and adds
// nothing, if another entry has that hash.
func (x *hashIndex) add(h uint64, logFreq float32, r ref) bool {
	j := home(h, x.shift)
	for ; x.slots[j].ref != 0; j = (j + 1) & x.mask {
		if x.slots[j].hash == h {
			return false
		}
	}
	x.slots[j] = slot{h, logFreq, r}
	k, bits := filterBits(h, x.fshift)
	x.filter[k] |= bits
	return true
}

// addAll adds items, in the order of their home slots so that the table
// is written from one end to the other rather than at random (which is
// several times faster for the general dictionary). It reports false and
// the item refused if two items have the same hash.
func (x *hashIndex) addAll(items []slot) (slot, bool) {
	const bucketBits = 8
	var start [1<<bucketBits + 1]int
	bucket := func(s slot) uint64 { return home(s.hash, x.shift) >> (64 - bucketBits - x.shift) }
	if 64-x.shift < bucketBits {
		bucket = func(slot) uint64 { return 0 }
	}
	for _, it := range items {
		start[bucket(it)+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sorted := make([]slot, len(items))
	for _, it := range items {
		b := bucket(it)
		sorted[start[b]] = it
		start[b]++
	}
	for _, it := range sorted {
		if !x.add(it.hash, it.logFreq, it.ref) {
			return it, false
		}
	}
	return slot{}, true
}

// probe returns the slot of the word with hash h, if there is one.
func (x *hashIndex) probe(h uint64) (slot, bool) {
	if k, bits := filterBits(h, x.fshift); x.filter[k]&bits != bits {
		return slot{}, false
	}
	for j := home(h, x.shift); ; j = (j + 1) & x.mask {
		s := x.slots[j]
		if s.ref == 0 || s.hash == h {
			return s, s.ref != 0
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

func (d *baseDict) entry(i int) entry {
	r := i * recordSize
	e := entry{Freq: float64(u32(d.data, r+4)), POS: d.posOf(i)}
	if idf := uint16(d.data[r+10]) | uint16(d.data[r+11])<<8; idf != 0 {
		e.IDF = float64(idf) / 1000
	}
	return e
}

// posOf returns the part of speech of entry i. Every token asks for one:
// the tags stand in an array of their own, a twelfth of the records' size,
// which stays in cache where the records do not.
func (d *baseDict) posOf(i int) string { return d.pos[d.posOfs[i]] }

// FNV-1a, 64 bits; hashing can be extended one byte at a time.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 { return hashMore(fnvOffset, s) }

func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
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
	maxIDF   float64    // no word weighs more (see idf)
	chars    []charInfo // by rune - charLo
}

func newLexicon(base *baseDict) *lexicon {
	l := &lexicon{base: base, total: base.total,
		logTotal: math.Log(base.total), maxLen: base.maxLen, maxIDF: max(base.maxIDF, medianIDF)}
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
// (-Inf if it is only a prefix) and its entry (0 if it is in the
// dictionary neither as a word nor as a prefix).
type charInfo struct {
	logFreq float32
	ref     ref
}

// fillChars builds l.chars: the general dictionary's characters, then
// the overlay's over them.
func (l *lexicon) fillChars() {
	l.chars = slices.Clone(l.base.chars)
	for i, w := range l.extra.words {
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && r >= charLo && r < charHi {
			l.chars[r-charLo] = charInfo{float32(math.Log(l.extra.entries[i].Freq)), overlayRef(i)}
		}
	}
}

// slotOf returns the slot of the word or prefix w (ref 0 if there is
// none), through the character table for a common Han character.
func (l *lexicon) slotOf(w string) slot {
	if r, size := hanset.DecodeRune(w); size == len(w) && r >= charLo && r < charHi {
		c := l.chars[r-charLo]
		return slot{logFreq: c.logFreq, ref: c.ref}
	}
	s, _ := l.probe(hashString(w))
	return s
}

// probe returns the slot of the word or prefix with hash h: the overlay's
// if it has one, else the general dictionary's.
func (l *lexicon) probe(h uint64) (slot, bool) {
	if s, ok := l.extra.probe(h); ok {
		return s, true
	}
	return l.base.index.probe(h)
}

// entry returns the entry r names.
func (l *lexicon) entry(r ref) entry {
	switch {
	case r > 0:
		return l.base.entry(int(r) - 1)
	case r < 0:
		return l.extra.entries[-r-1]
	}
	return entry{}
}

// pos returns the part of speech of the entry r names, "" for a prefix
// that is no word.
func (l *lexicon) pos(r ref, logFreq float32) string {
	switch {
	case math.IsInf(float64(logFreq), -1):
		return ""
	case r > 0:
		return l.base.posOf(int(r) - 1)
	case r < 0:
		return l.extra.entries[-r-1].POS
	}
	return ""
}

// lookup returns w's entry. ok is false when w is neither a word nor the
// prefix of one; a prefix has Freq 0.
func (l *lexicon) lookup(w string) (entry, bool) {
	s, ok := l.probe(hashString(w))
	return l.entry(s.ref), ok
}

// freq returns the frequency of w as a word (0 if it is not one).
func (l *lexicon) freq(w string) float64 {
	e, _ := l.lookup(w)
	return e.Freq
}

// with returns a copy of l with words added. A word's frequency is raised
// where needed so that the word is kept whole rather than cut into the
// dictionary words it contains (jieba's suggest_freq rule); Freq 0 asks
// for exactly that minimum. With policy set, the words are the domain
// dictionary and their frequencies give their IDF (policyIDF).
func (l *lexicon) with(words []Word, policy bool) (*lexicon, error) {
	n := &lexicon{base: l.base, total: l.total, maxLen: l.maxLen, maxIDF: l.maxIDF}
	set := make(map[string]entry, len(l.extra.words)+2*len(words))
	for i, w := range l.extra.words {
		set[w] = l.extra.entries[i]
	}
	for _, w := range words {
		old, ok := set[w.Text]
		if !ok {
			old, _ = l.lookup(w.Text)
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
				if _, ok := l.lookup(p); !ok {
					set[p] = entry{}
				}
			}
		}
		if len(w.Text) > n.maxLen {
			n.maxLen = len(w.Text)
		}
		n.maxIDF = max(n.maxIDF, idf)
	}
	var err error
	if n.extra, err = newOverlay(set); err != nil {
		return nil, err
	}
	n.logTotal = math.Log(n.total)
	n.fillChars()
	return n, nil
}

// overlay is a small immutable word table indexed like baseDict.
type overlay struct {
	words   []string
	entries []entry
	index   hashIndex
}

func newOverlay(set map[string]entry) (overlay, error) {
	o := overlay{words: make([]string, 0, len(set)), entries: make([]entry, 0, len(set)),
		index: newHashIndex(len(set))}
	for w := range set {
		o.words = append(o.words, w)
	}
	sort.Strings(o.words) // a deterministic layout
	for i, w := range o.words {
		e := set[w]
		o.entries = append(o.entries, e)
		h := hashString(w)
		if !o.index.add(h, float32(math.Log(e.Freq)), overlayRef(i)) {
			return overlay{}, fmt.Errorf("segment: %q shares its hash with another word; rename or leave out one", w)
		}
	}
	return o, nil
}

func (o *overlay) probe(h uint64) (slot, bool) {
	if len(o.words) == 0 {
		return slot{}, false
	}
	return o.index.probe(h)
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
