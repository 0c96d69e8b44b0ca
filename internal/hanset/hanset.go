// Package hanset holds sets of Han characters as bitmaps, for the
// scanners of corpus and extract that test every character of a text:
// membership costs a shift and a mask instead of a search. It also holds
// the byte-level steps those scanners share: decoding a character
// (DecodeRune), skipping a run of ideographs (HanRun), searching for a
// word (IndexWord), for the next character of a set (Set.Index,
// Runes.Index, Index.Next), for the next pair of characters that may
// begin a word of a list (Pairs.Index) and for the last of some marks
// (Marks.LastIndex), and the one pass that finds the places of many such
// searches at once (Sweep), read back by cursors. The searches read
// ideographs on their bytes; each is fuzzed against the rune-by-rune loop
// it replaces.
package hanset

import (
	"math/bits"
	"slices"
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

// Index returns the offset in s of the first character that is in the
// set, and that character; -1 and 0 if there is none. It visits the
// characters a DecodeRune loop visits, but reads only the three-byte
// sequences that may hold a member (lead byte E4–E9) and steps over every
// other byte: a scan for a few characters costs a byte test per byte.
func (h *Set) Index(s string) (int, rune) {
	for i := 0; i+2 < len(s); {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		// a lead byte E4–E9 (U+4000–U+9FFF) followed by two continuation
		// bytes; anything else (ASCII, a continuation byte, the lead of
		// another range, a broken sequence) steps one byte, as DecodeRune
		// would. One test of both keeps the loop to one branch a byte.
		if uint(c0)-0xE4 > 0xE9-0xE4 || (uint16(c1)<<8|uint16(c2))&0xC0C0 != 0x8080 {
			i++
			continue
		}
		// the set's word is picked by the lead and second bytes, the bit
		// by the third: no need to assemble the rune unless it is there;
		// U+4000–U+4DFF fall below the set (k wraps past its length)
		if k := uint(c0&0x0F)<<6 | uint(c1&0x3F) - First>>6; k < uint(len(h)) && h[k]>>(c2&0x3F)&1 != 0 {
			return i, rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		}
		i += 3
	}
	return -1, 0
}

// Runes is a set of any characters, for a scan that searches a text for
// the next of them: ASCII and U+4E00–U+9FFF by bitmap, the few others by
// list. It is immutable and safe for concurrent use.
type Runes struct {
	ascii [2]uint64
	han   Set
	leads [4]uint64  // the lead bytes of other
	low   [16]uint64 // the low ten bits of other: most runes that share a lead byte fail here
	other []rune
}

// NewRunes returns the set of the characters of s.
func NewRunes(s string) *Runes {
	x := new(Runes)
	for _, r := range s {
		x.add(r)
	}
	return x
}

// add adds r to the set.
func (x *Runes) add(r rune) {
	switch {
	case r < utf8.RuneSelf:
		x.ascii[r/64] |= 1 << (r % 64)
	case r >= First && r <= Last:
		x.han[(r-First)/64] |= 1 << ((r - First) % 64)
	case !slices.Contains(x.other, r):
		x.other = append(x.other, r)
		c0 := string(r)[0]
		x.leads[c0/64] |= 1 << (c0 % 64)
		x.low[r>>6&15] |= 1 << (r & 63)
	}
}

// Has reports whether r is in the set.
func (x *Runes) Has(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 0 && x.ascii[r/64]&(1<<(r%64)) != 0
	case r >= First && r <= Last:
		return x.han.Has(r)
	}
	return x.low[r>>6&15]>>(r&63)&1 != 0 && slices.Contains(x.other, r)
}

// Index returns the offset in s of the first character that is in the
// set, and that character; -1 and 0 if there is none. Like Set.Index it
// visits the characters a DecodeRune loop visits, testing ASCII and
// ideographs on their bytes and decoding only the characters whose lead
// byte one of the others shares.
func (x *Runes) Index(s string) (int, rune) {
	for i := 0; i < len(s); i++ {
		c0 := s[i]
		if c0 < utf8.RuneSelf {
			if x.ascii[c0/64]>>(c0%64)&1 != 0 {
				return i, rune(c0)
			}
			continue
		}
		if uint(c0)-0xE4 <= 0xE9-0xE4 && i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			k := uint(c0&0x0F)<<6 | uint(c1&0x3F) - First>>6                         // wraps below U+4E00
			if k < uint(len(x.han)) && (uint16(c1)<<8|uint16(c2))&0xC0C0 == 0x8080 { // U+4E00–U+9FFF
				if x.han[k]>>(c2&0x3F)&1 != 0 {
					return i, rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
				}
				i += 2
				continue
			}
		}
		if x.leads[c0/64]>>(c0%64)&1 != 0 {
			r, size := DecodeRune(s[i:])
			if x.low[r>>6&15]>>(r&63)&1 != 0 && slices.Contains(x.other, r) {
				return i, r
			}
			i += size - 1
		}
	}
	return -1, 0
}

// Pairs is a set of pairs of characters, the first two characters of the
// words of a list, for a scan that compares words only where a pair
// stands in the text. Build it with Add, then only read it (Index and Has
// are safe for concurrent use).
type Pairs struct {
	first, second Set // the pairs' characters, when all are in U+4E00–U+9FFF
	filter        [1 << 10]uint64
	other         bool // a pair with another character was added
}

// pairBit returns the filter's word and bit for a pair.
func pairBit(r1, r2 rune) (int, uint64) {
	k, bit := pairSlot(r1, r2)
	return k, 1 << bit
}

// pairSlot returns the filter's word for a pair and the number of its bit.
func pairSlot(r1, r2 rune) (int, uint) {
	h := (uint32(r1)*0x9E3779B1 ^ uint32(r2)) * 0x85EBCA77
	return int(h >> 22), uint(h >> 16 & 63)
}

// Add adds the pair r1 r2.
func (p *Pairs) Add(r1, r2 rune) {
	k, b := pairBit(r1, r2)
	p.filter[k] |= b
	if r1 < First || r1 > Last || r2 < First || r2 > Last {
		p.other = true
		return
	}
	p.first[(r1-First)/64] |= 1 << ((r1 - First) % 64)
	p.second[(r2-First)/64] |= 1 << ((r2 - First) % 64)
}

// AddWord adds the pair of the first two characters of w, which has two
// or more.
func (p *Pairs) AddWord(w string) {
	r1, size := DecodeRune(w)
	r2, _ := DecodeRune(w[size:])
	p.Add(r1, r2)
}

// PairsOf returns the Pairs of the first two characters of each of words.
func PairsOf(words ...string) *Pairs {
	p := new(Pairs)
	for _, w := range words {
		p.AddWord(w)
	}
	return p
}

// Has reports whether r1 r2 may be a pair added: a pair added always is,
// one never added almost never (a bit filter).
func (p *Pairs) Has(r1, r2 rune) bool {
	k, b := pairBit(r1, r2)
	return p.filter[k]&b != 0
}

// Index returns the offset in s of the first character that, with the
// character after it, may be a pair added (Has), and the two characters;
// -1, 0, 0 if there is none. A pair added is never passed over. It visits
// the characters a DecodeRune loop visits. When every pair added is of
// ideographs of U+4E00–U+9FFF, it reads the text's bytes, and a pair
// must also have its first character among the pairs' first characters
// and its second among their second.
func (p *Pairs) Index(s string) (int, rune, rune) {
	if p.other {
		r1, size := DecodeRune(s)
		for i := 0; i < len(s); {
			r2, size2 := DecodeRune(s[i+size:])
			if p.Has(r1, r2) {
				return i, r1, r2
			}
			i += size
			r1, size = r2, size2
		}
		return -1, 0, 0
	}
	var prev rune // the ideograph before i, 0 if there is none
	for i := 0; i+2 < len(s); {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		if uint(c0)-0xE4 > 0xE9-0xE4 || (uint16(c1)<<8|uint16(c2))&0xC0C0 != 0x8080 {
			prev, i = 0, i+1 // not an ideograph of U+4000–U+9FFF (see Set.Index)
			continue
		}
		// The filter test comes first: it passes one pair in fifty or
		// so, where a test of the first and second characters alone
		// would pass one in ten, a branch the processor guesses wrong.
		r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if p.Has(prev, r) && p.first.Has(prev) && p.second.Has(r) {
			return i - 3, prev, r
		}
		prev = r
		i += 3
	}
	return -1, 0, 0
}

// Sweep finds, in one pass over a text, where the pairs of some Pairs
// may stand, where some single ideographs stand, and where the characters
// of some Runes (any characters) stand: the scans of a document that each
// need one of them read their hits instead of the text (PairCursor,
// Cursor). It is immutable and safe for concurrent use.
type Sweep struct {
	ps  []*Pairs
	any [1 << 10]uint64 // the union of the filters: one test passes most pairs by
	// which holds, for each bit of the filters, the set of the Pairs
	// (the first eight) whose filter has it: a pair that passes any is
	// tested against those alone
	which [1 << 16]uint8
	chars Set
	marks Set    // chars and the ideographs of the sets
	list  []rune // the single characters, in the order given
	sets  []*Runes
	ascii [2]uint64 // the sets' ASCII characters
	leads [4]uint64 // the lead bytes of the sets' other characters
	other bool      // a pair or a single character outside U+4E00–U+9FFF was given
}

// NewSweep returns the sweep for the characters of chars (ideographs of
// U+4E00–U+9FFF, each once), the characters of each of sets and the pairs
// of ps. None of them may change after.
func NewSweep(chars string, sets []*Runes, ps ...*Pairs) *Sweep {
	x := &Sweep{ps: ps, sets: sets}
	for j, p := range ps {
		x.other = x.other || p.other
		for k, w := range p.filter {
			x.any[k] |= w
			for rest := w; j < 8 && rest != 0; rest &= rest - 1 {
				x.which[k<<6|bits.TrailingZeros64(rest)] |= 1 << j
			}
		}
	}
	x.chars = *New(chars)
	x.marks = x.chars
	for _, st := range sets {
		for k, w := range st.han {
			x.marks[k] |= w
		}
		for k := range x.ascii {
			x.ascii[k] |= st.ascii[k]
		}
		for k := range x.leads {
			x.leads[k] |= st.leads[k]
		}
	}
	for _, r := range chars {
		x.other = x.other || r < First || r > Last
		x.list = append(x.list, r)
	}
	return x
}

// Hits are what a Sweep found in a text, as offsets in text order.
type Hits struct {
	// Pairs holds, for the j-th Pairs, where its Index would stop: the
	// pairs that may be pairs added.
	Pairs [][]int32
	// Chars holds, for the j-th single character, where it stands.
	Chars [][]int32
	// Sets holds, for the j-th Runes, where a character of it stands.
	Sets [][]int32
}

// Find returns the hits of the sweep in s. It reports false, and finds
// nothing, when a pair or a single character of the sweep is not of
// ideographs of U+4E00–U+9FFF.
func (x *Sweep) Find(s string) (Hits, bool) {
	if x.other {
		return Hits{}, false
	}
	ps := x.ps
	h := Hits{Pairs: make([][]int32, len(ps)), Chars: make([][]int32, len(x.list)), Sets: make([][]int32, len(x.sets))}
	// Each list starts with room for the hits a text of Chinese prose
	// has of it, carved from one buffer (a list that needs more grows on
	// its own): a pair in 128 bytes, a character in 256, a character of a
	// set in 64.
	nPair, nChar, nSet := len(s)/128+1, len(s)/256+1, len(s)/64+1
	buf := make([]int32, len(ps)*nPair+len(x.list)*nChar+len(x.sets)*nSet)
	carve := func(lists [][]int32, n int) {
		for j := range lists {
			lists[j], buf = buf[:0:n], buf[n:]
		}
	}
	carve(h.Pairs, nPair)
	carve(h.Chars, nChar)
	carve(h.Sets, nSet)
	var prev rune // the ideograph before i, 0 if there is none
	i := 0
	for i+2 < len(s) {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		if uint(c0)-0xE4 > 0xE9-0xE4 || (uint16(c1)<<8|uint16(c2))&0xC0C0 != 0x8080 {
			prev = 0
			if c0 < utf8.RuneSelf {
				if x.ascii[c0/64]>>(c0%64)&1 != 0 {
					for j, st := range x.sets {
						if st.ascii[c0/64]>>(c0%64)&1 != 0 {
							h.Sets[j] = append(h.Sets[j], int32(i))
						}
					}
				}
				i++
				continue
			}
			if x.leads[c0/64]>>(c0%64)&1 != 0 {
				r, _ := DecodeRune(s[i:])
				for j, st := range x.sets {
					if st.leads[c0/64]>>(c0%64)&1 != 0 && st.Has(r) {
						h.Sets[j] = append(h.Sets[j], int32(i))
					}
				}
			}
			// on past the continuation bytes after it, which no scan
			// stops at
			for i++; i < len(s) && s[i]&0xC0 == 0x80; i++ {
			}
			continue
		}
		r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if k, bit := pairSlot(prev, r); x.any[k]>>bit&1 != 0 {
			if len(ps) <= 8 {
				for m := x.which[k<<6|int(bit)]; m != 0; m &= m - 1 {
					j := bits.TrailingZeros8(m)
					if p := ps[j]; p.first.Has(prev) && p.second.Has(r) {
						h.Pairs[j] = append(h.Pairs[j], int32(i-3))
					}
				}
			} else {
				for j, p := range ps {
					if p.filter[k]>>bit&1 != 0 && p.first.Has(prev) && p.second.Has(r) {
						h.Pairs[j] = append(h.Pairs[j], int32(i-3))
					}
				}
			}
		}
		switch {
		case r < First:
			for j, st := range x.sets {
				if st.Has(r) {
					h.Sets[j] = append(h.Sets[j], int32(i))
				}
			}
		case x.marks.Has(r): // one test rules out most ideographs
			if x.chars.Has(r) {
				j := slices.Index(x.list, r)
				h.Chars[j] = append(h.Chars[j], int32(i))
			}
			for j, st := range x.sets {
				if st.han.Has(r) {
					h.Sets[j] = append(h.Sets[j], int32(i))
				}
			}
		}
		prev = r
		i += 3
	}
	// the last two bytes or fewer: no ideograph, but a character of a set
	for ; i < len(s); i++ {
		for j, st := range x.sets {
			if k, _ := st.Index(s[i:]); k == 0 { // a scan from i stops at once
				h.Sets[j] = append(h.Sets[j], int32(i))
			}
		}
	}
	return h, true
}

// Cursor reads the offsets Sweep.Find found for a character as IndexWord
// would find it (or a Runes' Index, for Hits.Sets): Next(s, i) is where
// IndexWord(s[i:], c) stops, as an offset in s.
type Cursor struct {
	hits []int32
	size int
	k    int
}

// NewCursor returns a cursor over hits, the offsets Find found in a text
// for a character of size bytes (for Hits.Sets, of the least size of
// the characters of the set).
func NewCursor(hits []int32, size int) *Cursor { return &Cursor{hits: hits, size: size} }

// Next returns the first hit at or after offset i of s, the text the hits
// were found in or a prefix of it; -1 if there is none (in a prefix: none
// that ends in it). The offsets asked for must not decrease.
func (c *Cursor) Next(s string, i int) int {
	for c.k < len(c.hits) && int(c.hits[c.k]) < i {
		c.k++
	}
	if c.k == len(c.hits) || int(c.hits[c.k])+c.size > len(s) {
		return -1
	}
	return int(c.hits[c.k])
}

// PairCursor reads the hits Sweep.Find found for one Pairs as its Index
// would: Next(s, i) is where p.Index(s[i:]) stops, as an offset in s.
type PairCursor struct{ c Cursor }

// NewPairCursor returns a cursor over hits, the offsets Find found in
// a text for one Pairs.
func NewPairCursor(hits []int32) *PairCursor { return &PairCursor{Cursor{hits: hits, size: 6}} }

// Next returns the first hit at or after offset i of s, the text the hits
// were found in or a prefix of it, with its two characters; -1, 0, 0 if
// there is none (in a prefix: none whose pair ends in it). The offsets
// asked for must not decrease.
func (c *PairCursor) Next(s string, i int) (int, rune, rune) {
	at := c.c.Next(s, i) // both characters are of three bytes
	if at < 0 {
		return -1, 0, 0
	}
	r1, _ := DecodeRune(s[at:])
	r2, _ := DecodeRune(s[at+3:])
	return at, r1, r2
}

// Marks is a set of characters, mostly punctuation, for finding the last
// of them in a text: the clause a figure stands in begins after the last
// clause mark before it. It is immutable and safe for concurrent use.
type Marks struct {
	ends   [256]bool      // the marks' last bytes
	byLast [0x40][]string // the marks of more than one byte, by last byte - 0x80
}

// NewMarks returns the Marks of the characters of s.
func NewMarks(s string) *Marks {
	m := new(Marks)
	for _, r := range s {
		c := string(r)
		last := c[len(c)-1]
		m.ends[last] = true
		if len(c) > 1 {
			m.byLast[last-0x80] = append(m.byLast[last-0x80], c)
		}
	}
	return m
}

// LastIndex returns the offset in s of the last of the marks and its
// length in bytes; -1 and 0 if there is none. It finds what
// strings.LastIndexAny finds, reading the bytes from the end with one
// table test each instead of decoding every character and looking it up
// in the list.
func (m *Marks) LastIndex(s string) (int, int) {
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !m.ends[c] {
			continue
		}
		if c < utf8.RuneSelf {
			return i, 1
		}
		for _, x := range m.byLast[c-0x80] { // c is a continuation byte
			if strings.HasSuffix(s[:i+1], x) {
				return i + 1 - len(x), len(x)
			}
		}
	}
	return -1, 0
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

// DecodeLastRune is utf8.DecodeLastRuneInString with a last three-byte
// sequence of Han text decoded in line.
func DecodeLastRune(s string) (rune, int) {
	if n := len(s); n >= 3 {
		if c0 := s[n-3]; c0 >= 0xE1 && c0 <= 0xEC || c0 == 0xEE || c0 == 0xEF {
			if c1, c2 := s[n-2], s[n-1]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
			}
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// Words is a list of words to look for in text, indexed by first
// character (an Index): a scan compares words only where one may start.
// It is immutable and safe for concurrent use.
type Words struct{ byFirst Index[string] }

// NewWords returns the Words of ws (empty words are left out).
func NewWords(ws ...string) *Words {
	w := new(Words)
	for _, s := range ws {
		if r, size := utf8.DecodeRuneInString(s); size > 0 {
			w.byFirst.Add(r, s)
		}
	}
	return w
}

// In reports whether any of the words occurs in s.
func (w *Words) In(s string) bool { return w.Index(s) >= 0 }

// Index returns the offset of the first occurrence in s of any of the
// words, or -1.
func (w *Words) Index(s string) int {
	for i := 0; ; {
		k, _, ws := w.byFirst.Next(s[i:])
		if k < 0 {
			return -1
		}
		i += k
		for _, x := range ws {
			if strings.HasPrefix(s[i:], x) {
				return i
			}
		}
		_, size := DecodeRune(s[i:])
		i += size
	}
}

// LastEnd returns the offset in s where the occurrence of a word that ends
// last ends, or -1 if none of the words occurs.
func (w *Words) LastEnd(s string) int {
	end := -1
	for i := 0; i < len(s); {
		r, size := DecodeRune(s[i:])
		for _, x := range w.byFirst.At(r) {
			if strings.HasPrefix(s[i:], x) {
				end = max(end, i+len(x))
			}
		}
		i += size
	}
	return end
}

// MayStart reports whether a word may start with r: a bit test for Han
// runes, a cheap filter for a scan to call before HasPrefix.
func (w *Words) MayStart(r rune) bool {
	if r >= First && r <= Last {
		return w.byFirst.first.Has(r)
	}
	return w.byFirst.other != nil
}

// HasPrefix reports whether s begins with one of the words; r is the
// first rune of s, which a scan has decoded already.
func (w *Words) HasPrefix(s string, r rune) bool {
	for _, x := range w.byFirst.At(r) {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

// Index holds lists of values by rune, for looking up the words that begin
// with a character of a text. Runes of U+4E00–U+9FFF go through direct
// tables, others through a map: a text's every character costs an array
// read, not a hash. The tables hold a page of 64 entries for each block
// of 64 ideographs that has a list, so a small Index is small. Build it
// with Add, then only read it (At is safe for concurrent use).
type Index[T any] struct {
	first Set                // the runes of U+4E00–U+9FFF with a list: a bit test rules most runes out
	page  [len(Set{})]uint16 // by block of 64 runes: its page's number + 1, 0 for none
	pages [][64]uint16       // by rune % 64: the list's number + 1, 0 for none
	lists [][]T
	other map[rune][]T
	runes *Runes // every rune with a list, for Next when there are others
}

// han returns the list number + 1 of a rune of U+4E00–U+9FFF whose block
// has a page.
func (x *Index[T]) han(r rune) uint16 {
	return x.pages[x.page[(r-First)/64]-1][(r-First)%64]
}

// Add appends v to the list of r.
func (x *Index[T]) Add(r rune, v T) {
	if r >= First && r <= Last {
		b := (r - First) / 64
		if x.page[b] == 0 {
			x.pages = append(x.pages, [64]uint16{})
			x.page[b] = uint16(len(x.pages))
		}
		slot := &x.pages[x.page[b]-1][(r-First)%64]
		k := *slot
		if k == 0 {
			x.lists = append(x.lists, nil)
			k = uint16(len(x.lists))
			*slot = k
			x.first[(r-First)/64] |= 1 << ((r - First) % 64)
			if x.runes != nil {
				x.runes.add(r)
			}
		}
		x.lists[k-1] = append(x.lists[k-1], v)
		return
	}
	if x.other == nil {
		x.other = map[rune][]T{}
		x.runes = NewRunes("")
		x.Lists(func(r rune, _ []T) { x.runes.add(r) })
	}
	x.other[r] = append(x.other[r], v)
	x.runes.add(r)
}

// Set makes list the list of r (which must have none yet), as if its
// values were added in order; the Index keeps list and the caller must
// not change it after.
func (x *Index[T]) Set(r rune, list []T) {
	if len(list) == 0 {
		return
	}
	if x.At(r) != nil {
		panic("hanset: Set of a rune with a list")
	}
	x.Add(r, list[0])
	if r >= First && r <= Last {
		x.lists[x.han(r)-1] = list
	} else {
		x.other[r] = list
	}
}

// At returns the list of r, in the order added (nil if there is none).
// The caller must not change it.
func (x *Index[T]) At(r rune) []T {
	if r >= First && r <= Last {
		if !x.first.Has(r) {
			return nil
		}
		return x.lists[x.han(r)-1]
	}
	if x.other == nil {
		return nil
	}
	return x.other[r]
}

// Next returns the offset in s of the first character that has a list,
// the character and its list; -1, 0 and nil if there is none. When every
// rune added is in U+4E00–U+9FFF it skips the others with Set.Index.
func (x *Index[T]) Next(s string) (int, rune, []T) {
	if x.other == nil {
		i, r := x.first.Index(s)
		if i < 0 {
			return -1, 0, nil
		}
		return i, r, x.lists[x.han(r)-1]
	}
	i, r := x.runes.Index(s)
	if i < 0 {
		return -1, 0, nil
	}
	return i, r, x.At(r)
}

// Lists calls f with each rune and its list, Han runes first in rune
// order, then the others in no particular order. f may change the list's
// order in place.
func (x *Index[T]) Lists(f func(r rune, list []T)) {
	for b, p := range x.page {
		if p == 0 {
			continue
		}
		for i, k := range x.pages[p-1] {
			if k > 0 {
				f(rune(First+b*64+i), x.lists[k-1])
			}
		}
	}
	for r, l := range x.other {
		f(r, l)
	}
}

// HanRun returns the length in bytes of the run of characters of
// U+4000–U+9FFF (the common ideographs and Extension A) that s starts
// with: three-byte sequences with lead byte E4–E9, which a scanner that
// has nothing to do for them may skip without decoding.
func HanRun(s string) int {
	i := 0
	for i+2 < len(s) {
		c0 := s[i]
		if c0 < 0xE4 || c0 > 0xE9 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			break
		}
		i += 3
	}
	return i
}

// LastIndexWord returns the index of the last instance of word in s, or
// -1, as strings.LastIndex does, searching from the end for the word's
// last byte as IndexWord searches for it from the start.
func LastIndexWord(s, word string) int {
	n := len(word)
	if n == 0 {
		return len(s)
	}
	last := word[n-1]
	for end := len(s); end >= n; {
		k := strings.LastIndexByte(s[:end], last)
		if k < n-1 {
			return -1
		}
		if s[k-n+1:k+1] == word {
			return k - n + 1
		}
		end = k
	}
	return -1
}

// IndexWord returns the index of the first instance of word in s, or -1, as
// strings.Index does. It searches for the word's last byte: for a Han
// word a continuation byte, several times rarer in Chinese text than the
// lead byte (E4–E9) strings.Index looks for first, so the byte search
// stops less often. On work reports it runs two to three times faster.
// A word whose first byte is not such a lead (“, ×, a Latin letter) goes
// to strings.Index, whose search for that rare byte stops less often still.
func IndexWord(s, word string) int {
	n := len(word)
	if n == 0 {
		return 0
	}
	if uint(word[0])-0xE4 > 0xE9-0xE4 {
		return strings.Index(s, word)
	}
	last := word[n-1]
	for i := n - 1; i < len(s); i++ {
		k := strings.IndexByte(s[i:], last)
		if k < 0 {
			return -1
		}
		i += k
		if s[i-n+1:i+1] == word {
			return i - n + 1
		}
	}
	return -1
}
