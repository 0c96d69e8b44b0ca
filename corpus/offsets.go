package corpus

import (
	"sort"
	"unsafe"
)

// An anchor ties a clean-text byte offset to a raw-text byte offset. From a
// linear anchor on, the two offsets advance together until the next anchor.
// A replacement anchor stands for clean text that replaced the raw span
// [raw, rawEnd) with text of another length: every clean byte up to the next
// anchor maps to raw. A linear anchor has no span: its rawEnd is -1.
type anchor struct {
	clean, raw, rawEnd int
}

func (a anchor) linear() bool { return a.rawEnd < 0 }

// OffsetMap maps byte offsets in a document's clean text back to byte
// offsets in its raw decoded text, the way go/token maps file offsets to
// lines: sorted anchors and a binary search. It is immutable once built and
// safe for concurrent use.
//
// Law: for every rune starting at clean offset i, the raw text at Raw(i)
// holds the same rune or the one it was normalised from (a full-width form,
// a traditional character, another quote or dash style, a space that became
// a line break).
type OffsetMap struct {
	anchors  []anchor
	cleanLen int
	rawLen   int
}

// IdentityMap returns the map of a text of n bytes that cleaning left unchanged.
func IdentityMap(n int) *OffsetMap {
	return &OffsetMap{anchors: []anchor{{0, 0, -1}}, cleanLen: n, rawLen: n}
}

func (m *OffsetMap) find(i int) int {
	return sort.Search(len(m.anchors), func(k int) bool { return m.anchors[k].clean > i }) - 1
}

// Raw returns the raw offset of clean offset i. Offsets outside the clean
// text are clamped; CleanLen() maps to the end of the last clean byte's
// source.
func (m *OffsetMap) Raw(i int) int {
	if m == nil || len(m.anchors) == 0 {
		return i
	}
	if i >= m.cleanLen {
		if m.cleanLen == 0 {
			return 0
		}
		return m.rawAfter(m.cleanLen - 1)
	}
	if i < 0 {
		i = 0
	}
	k := m.find(i)
	if k < 0 {
		k = 0
	}
	a := m.anchors[k]
	if !a.linear() {
		return a.raw
	}
	return min(a.raw+(i-a.clean), m.rawLen)
}

// rawAfter returns the raw offset just after the source of clean byte i.
func (m *OffsetMap) rawAfter(i int) int {
	k := max(m.find(i), 0)
	a := m.anchors[k]
	if !a.linear() {
		return a.rawEnd
	}
	return min(a.raw+(i-a.clean)+1, m.rawLen)
}

// RawSpan maps the clean half-open span [start, end) to the raw span that
// holds its source: from the source of its first byte to the end of the
// source of its last byte.
func (m *OffsetMap) RawSpan(start, end int) (int, int) {
	rs := m.Raw(start)
	if end <= start || m == nil || len(m.anchors) == 0 || end > m.cleanLen {
		if m == nil || len(m.anchors) == 0 {
			return start, end
		}
		if end > start {
			return rs, max(rs, m.Raw(end))
		}
		return rs, rs
	}
	return rs, max(rs, m.rawAfter(end-1))
}

// CleanLen reports the length of the clean text the map starts from.
func (m *OffsetMap) CleanLen() int { return m.cleanLen }

// RawLen reports the length of the raw text the map points into.
func (m *OffsetMap) RawLen() int { return m.rawLen }

// builder assembles clean text and its OffsetMap in one pass.
type builder struct {
	buf     []byte
	anchors []anchor
	rawLen  int
}

func newBuilder(rawLen, capHint, anchorHint int) *builder {
	// The clean text may be longer than the raw (, → ，).
	return &builder{buf: make([]byte, 0, capHint+capHint/8), anchors: make([]anchor, 0, anchorHint), rawLen: rawLen}
}

// copy appends s, which stands unchanged in the raw text at rawStart.
func (b *builder) copy(rawStart int, s string) {
	if s == "" {
		return
	}
	if n := len(b.anchors); n > 0 {
		last := b.anchors[n-1]
		if last.linear() && last.raw+(len(b.buf)-last.clean) == rawStart {
			b.buf = append(b.buf, s...)
			return
		}
	}
	b.anchors = append(b.anchors, anchor{clean: len(b.buf), raw: rawStart, rawEnd: -1})
	b.buf = append(b.buf, s...)
}

// replace appends s in place of the raw span [rawStart, rawEnd).
func (b *builder) replace(rawStart, rawEnd int, s string) {
	if s == "" {
		return
	}
	b.anchors = append(b.anchors, anchor{clean: len(b.buf), raw: rawStart, rawEnd: max(rawEnd, rawStart, 0)})
	b.buf = append(b.buf, s...)
}

// builderMark is a state of a builder to go back to.
type builderMark struct{ buf, anchors int }

func (b *builder) mark() builderMark { return builderMark{len(b.buf), len(b.anchors)} }

// reset drops what was written since m.
func (b *builder) reset(m builderMark) {
	b.buf, b.anchors = b.buf[:m.buf], b.anchors[:m.anchors]
}

// lastByte returns the last byte written, or 0.
func (b *builder) lastByte() byte {
	if len(b.buf) == 0 {
		return 0
	}
	return b.buf[len(b.buf)-1]
}

func (b *builder) finish() (string, *OffsetMap) {
	m := &OffsetMap{anchors: b.anchors, cleanLen: len(b.buf), rawLen: b.rawLen}
	if len(m.anchors) == 0 {
		m.anchors = []anchor{{0, 0, -1}}
	}
	// The builder is done with: the clean text is its buffer, not a copy.
	return unsafe.String(unsafe.SliceData(b.buf), len(b.buf)), m
}
