package hanset

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSet(t *testing.T) {
	s := New("一二两a們")
	for r, want := range map[rune]bool{'一': true, '二': true, '两': true, '們': true, '三': false, 'a': false, '𠀀': false, '\u9fff': false, '\u4dff': false} {
		if got := s.Has(r); got != want {
			t.Errorf("Has(%q) = %v, want %v", r, got, want)
		}
	}
	if New("").Has('一') {
		t.Error("empty set has 一")
	}
}

func TestIsHan(t *testing.T) {
	for r := rune(0); r < 0x40000; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}

// FuzzDecodeRune holds DecodeRune and DecodeLastRune to utf8's decoders.
func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"协议引资", "a", "", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf", "\xef\xbc\x91", "𠀀", "\xe4\xb8\xff", "\xb8\x80", "一\x80", "，"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []struct {
			name      string
			ours, std func(string) (rune, int)
		}{{"DecodeRune", DecodeRune, utf8.DecodeRuneInString}, {"DecodeLastRune", DecodeLastRune, utf8.DecodeLastRuneInString}} {
			r, n := d.ours(s)
			wr, wn := d.std(s)
			if r != wr || n != wn {
				t.Fatalf("%s(%q) = %U, %d; utf8 gives %U, %d", d.name, s, r, n, wr, wn)
			}
		}
	})
}

func TestDecodeRuneAll(t *testing.T) {
	var b [3]byte
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0; c1 < 256; c1++ {
			for _, c2 := range []byte{0x00, 0x7F, 0x80, 0xA5, 0xBF, 0xC0} {
				b = [3]byte{byte(c0), byte(c1), c2}
				s := string(b[:])
				r, n := DecodeRune(s)
				wr, wn := utf8.DecodeRuneInString(s)
				if r != wr || n != wn {
					t.Fatalf("DecodeRune(%q) = %U, %d; utf8 gives %U, %d", s, r, n, wr, wn)
				}
			}
		}
	}
}

func TestWords(t *testing.T) {
	w := NewWords("查看全文", "付费", "VIP", "全文", "")
	for _, c := range []struct {
		s          string
		index, end int // Index, LastEnd
	}{
		{"点击查看全文", len("点击"), len("点击查看全文")},
		{"查看", -1, -1},
		{"本文为付费内容", len("本文为"), len("本文为付费")},
		{"开通VIP会员", len("开通"), len("开通VIP")},
		{"全年完成投资120亿元。", -1, -1},
		{"", -1, -1},
		{"付", -1, -1},
		{"\xff付费", 1, 1 + len("付费")},
		{"付费查看全文，全文", 0, len("付费查看全文，全文")},
		{"查看全文付费", 0, len("查看全文付费")},
	} {
		if got := w.In(c.s); got != (c.index >= 0) {
			t.Errorf("In(%q) = %v, want %v", c.s, got, c.index >= 0)
		}
		if got := w.Index(c.s); got != c.index {
			t.Errorf("Index(%q) = %d, want %d", c.s, got, c.index)
		}
		if got := w.LastEnd(c.s); got != c.end {
			t.Errorf("LastEnd(%q) = %d, want %d", c.s, got, c.end)
		}
		for i, r := range c.s {
			if w.HasPrefix(c.s[i:], r) && (!w.MayStart(r) || w.Index(c.s[i:]) != 0) {
				t.Errorf("%q at %d: HasPrefix, but MayStart or Index disagree", c.s, i)
			}
		}
	}
}

func TestIndex(t *testing.T) {
	var x Index[string]
	if x.At('投') != nil {
		t.Error("At on an empty Index")
	}
	for _, w := range []string{"投资", "招商", "投产", "GDP", "“双招双引”"} {
		r, _ := utf8.DecodeRuneInString(w)
		x.Add(r, w)
	}
	if got := x.At('投'); len(got) != 2 || got[0] != "投资" || got[1] != "投产" {
		t.Errorf("At('投') = %v", got)
	}
	if got := x.At('G'); len(got) != 1 || got[0] != "GDP" {
		t.Errorf("At('G') = %v", got)
	}
	if got := x.At('“'); len(got) != 1 {
		t.Errorf("At('“') = %v", got)
	}
	if got := x.At('资'); got != nil {
		t.Errorf("At('资') = %v", got)
	}
	n := 0
	x.Lists(func(r rune, l []string) { n += len(l) })
	if n != 5 {
		t.Errorf("Lists saw %d values, want 5", n)
	}
}

// hanRunByRune is HanRun rune by rune.
func hanRunByRune(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x4000 || r > 0x9FFF {
			break
		}
		n += 3
	}
	return n
}

// TestHanRunBytes changes each byte of the first nine characters of a
// run to every value.
func TestHanRunBytes(t *testing.T) {
	base := "\u4000\u9fff全市地区生产总值增长百分之五点五左右全市"
	for off := 0; off < 3; off++ {
		for p := 0; p < 27; p++ {
			for b := 0; b < 256; b++ {
				buf := []byte(base)
				buf[off+p] = byte(b)
				s := string(buf[off:])
				if got, want := HanRun(s), hanRunByRune(s); got != want {
					t.Fatalf("HanRun(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

// FuzzHanRun holds HanRun to a rune-by-rune reading of s.
func FuzzHanRun(f *testing.F) {
	for _, s := range []string{"协议引资204亿元", "㐀一鿿。", "", "\xe4\xb8", "一\xe4\xb8", "一\xe4\xb8\xff", "中a", "〇中", "中\uf900",
		// runs past the eight characters read a word at a time, and a
		// near miss at each place in them
		"全市地区生产总值增长百分之五点五左右", "\u4000\u9fff全市地区生产总值增长", "全市地区生产总值增长百分之五〇左右", "全市地区生产总值\ua000增长",
		"全市地区生产总值增长\u3fff左右", "全市地区生a总值增长百分之五", "全市地区生产总\xe4\xc0\x80值增长百分之五", "全市地区生产总值增长百分之五点五左右全市地区生产总值增长。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := HanRun(s), hanRunByRune(s); got != want {
			t.Fatalf("HanRun(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzIndexWord holds IndexWord to strings.Index and LastIndexWord to
// strings.LastIndex.
func FuzzIndexWord(f *testing.F) {
	for _, c := range [][2]string{{"协议引资204亿元", "元"}, {"产业行业产业", "产业"}, {"", ""}, {"a", ""}, {"元", "亿元"}, {"aaab", "ab"}, {"\xe5\x85", "元"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, word string) {
		if got, want := IndexWord(s, word), strings.Index(s, word); got != want {
			t.Fatalf("IndexWord(%q, %q) = %d, want %d", s, word, got, want)
		}
		if got, want := LastIndexWord(s, word), strings.LastIndex(s, word); got != want {
			t.Fatalf("LastIndexWord(%q, %q) = %d, want %d", s, word, got, want)
		}
	})
}

// FuzzSetIndex holds Set.Index, Runes.Index and Index.Next to a DecodeRune
// loop over s.
func FuzzSetIndex(f *testing.F) {
	for _, s := range []string{"协议引资204亿元", "一企一策", "", "\xe4\xb8", "\xe4\xb8一", "\xe4\xb8\xe4\xb8\x80", "中a投", "〇中", "\xf0\x9f\x98\x80投", "鿿投", "䷀一", "a㐀", "a0", "，〇", "\xe3\x80〇", "\xef\xbc９", "\xf0\x9f\x98"} {
		f.Add(s)
	}
	set := New("投资一")
	var han, mixed Index[int]
	for k, r := range "投资一" {
		han.Add(r, k)
		mixed.Add(r, k)
	}
	mixed.Add('a', 9)
	runes := NewRunes("投资一0〇９\U0001F600䷀㐀")
	f.Fuzz(func(t *testing.T, s string) {
		ri, rr := -1, rune(0)
		for i := 0; i < len(s); {
			r, size := DecodeRune(s[i:])
			if strings.ContainsRune("投资一0〇９\U0001F600䷀㐀", r) {
				ri, rr = i, r
				break
			}
			i += size
		}
		if got, r := runes.Index(s); got != ri || r != rr {
			t.Fatalf("Runes.Index(%q) = %d, %q; want %d, %q", s, got, r, ri, rr)
		}
		want, wantR := -1, rune(0)
		for i := 0; i < len(s); {
			r, size := DecodeRune(s[i:])
			if set.Has(r) {
				want, wantR = i, r
				break
			}
			i += size
		}
		if got, r := set.Index(s); got != want || r != wantR {
			t.Fatalf("Set.Index(%q) = %d, %q; want %d, %q", s, got, r, want, wantR)
		}
		if got, r, l := han.Next(s); got != want || r != wantR || (got >= 0) != (l != nil) {
			t.Fatalf("Index.Next(%q) = %d, %q, %v; want %d, %q", s, got, r, l, want, wantR)
		}
		wantM := -1
		for i := 0; i < len(s); {
			r, size := DecodeRune(s[i:])
			if mixed.At(r) != nil {
				wantM = i
				break
			}
			i += size
		}
		if got, _, _ := mixed.Next(s); got != wantM {
			t.Fatalf("Index.Next(%q) with a non-Han rune = %d, want %d", s, got, wantM)
		}
	})
}

// sweepChars are the single characters FuzzPairs sweeps for: a frequent
// one, one whose bytes end others' (一 is E4 B8 80), the last ideograph.
const sweepChars = "年一鿿"

// sweepStarts are the other characters FuzzPairs sweeps for: ASCII,
// ideographs, a character below U+4E00 of a lead byte of ideographs (㐀),
// others of three bytes (full-width digits, 〇) and of two and four.
var sweepStarts = NewRunes("0123456789０１２３４５６７８９一二万翻半〇㐀é😀")

// sweepEnds are a second set FuzzPairs sweeps for, of marks.
var sweepEnds = NewRunes("。！？；!?;\n")

// FuzzPairs holds Pairs.Index to a DecodeRune loop over s that tests
// every two neighbouring characters, for pairs of ideographs only (read
// on bytes, where only the filter's false positives among the pairs'
// characters count) and for pairs with another character.
func FuzzPairs(f *testing.F) {
	for _, s := range []string{"大力发展新能源产业", "2025年一企一策", "５万〇㐀é😀12", "\xef\xbc\x95\xef\xbc", "a1", "\xe4\x80\xe5\xb9\xb4年", "鿿一", "年年", "北京市", "", "\xe5\x8c", "\xe5\x8c北京", "北\xe4京", "北", "京北京", "a北京", "北京\xe4\xba", "北京a", "㐀北京", "鿿北京"} {
		f.Add(s)
	}
	var han, mixed Pairs
	for _, w := range []string{"北京", "新能", "京北", "鿿北"} {
		r1, n := utf8.DecodeRuneInString(w)
		r2, _ := utf8.DecodeRuneInString(w[n:])
		han.Add(r1, r2)
		mixed.Add(r1, r2)
	}
	mixed.Add('a', '北')
	var other Pairs // a second list, for the hits of a set
	for _, w := range []string{"能源", "产业", "京北", "大力"} {
		r1, n := utf8.DecodeRuneInString(w)
		r2, _ := utf8.DecodeRuneInString(w[n:])
		other.Add(r1, r2)
	}
	if !mixed.Has('a', '北') || !han.Has('北', '京') || !han.Has('鿿', '北') {
		f.Fatal("Has misses a pair added")
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []*Pairs{&han, &mixed} {
			want, w1, w2 := -1, rune(0), rune(0)
			for i := 0; i < len(s); {
				r1, size := DecodeRune(s[i:])
				r2, _ := DecodeRune(s[i+size:])
				if p.Has(r1, r2) && (p.other || p.first.Has(r1) && p.second.Has(r2)) {
					want, w1, w2 = i, r1, r2
					break
				}
				i += size
			}
			if got, r1, r2 := p.Index(s); got != want || r1 != w1 || r2 != w2 {
				t.Fatalf("Index(%q) = %d, %q, %q; want %d, %q, %q (other %v)", s, got, r1, r2, want, w1, w2, p.other)
			}
		}
		// the hits of one pass, read by cursors, are where Index stops
		// from every offset
		if _, ok := NewSweep("", nil, &han, &mixed).Find(s); ok {
			t.Fatal("Find reads a Pairs with other characters")
		}
		if _, ok := NewSweep("年a", nil, &han).Find(s); ok {
			t.Fatal("Find reads a character that is no ideograph")
		}
		h, ok := NewSweep(sweepChars, []*Runes{sweepStarts, sweepEnds}, &han, &other, &han).Find(s)
		hits, chars := h.Pairs, h.Chars
		if !ok || len(hits) != 3 || !slices.Equal(hits[0], hits[2]) || len(chars) != utf8.RuneCountInString(sweepChars) {
			t.Fatalf("Find(%q) = %v, %v", s, h, ok)
		}
		// a sweep of more Pairs than its table of which holds (eight)
		// finds the same
		h9, _ := NewSweep("", nil, &han, &other, &han, &han, &han, &han, &han, &han, &other).Find(s)
		if !slices.Equal(h9.Pairs[0], hits[0]) || !slices.Equal(h9.Pairs[8], hits[1]) {
			t.Fatalf("Find(%q) with nine Pairs = %v, want %v", s, h9.Pairs, hits)
		}
		// the hits of a character are where IndexWord stops, and a cursor
		// reads them so, in the text and in a prefix of it
		for j, c := range []rune(sweepChars) {
			w := string(c)
			for _, n := range []int{len(s), len(s) / 2} {
				cur := NewCursor(chars[j], len(w))
				for i := 0; i <= n; i++ {
					want := IndexWord(s[i:n], w)
					if want >= 0 {
						want += i
					}
					if got := cur.Next(s[:n], i); got != want {
						t.Fatalf("Cursor.Next(%q, %d) for %q = %d, want %d", s[:n], i, w, got, want)
					}
				}
			}
		}
		// the hits of a set are where the Runes' Index stops, from every
		// offset a scan may start at
		for j, set := range []*Runes{sweepStarts, sweepEnds} {
			cur := NewCursor(h.Sets[j], 1)
			for i := 0; i <= len(s); i++ {
				if i < len(s) && !utf8.RuneStart(s[i]) {
					continue
				}
				want, _ := set.Index(s[i:])
				if want >= 0 {
					want += i
				}
				if got := cur.Next(s, i); got != want {
					t.Fatalf("Cursor.Next(%q, %d) over set %d = %d, want %d (hits %v)", s, i, j, got, want, h.Sets[j])
				}
			}
		}
		for j, p := range []*Pairs{&han, &other} {
			var want []int32
			for i := 0; ; {
				k, _, _ := p.Index(s[i:])
				if k < 0 {
					break
				}
				want = append(want, int32(i+k))
				_, size := DecodeRune(s[i+k:])
				i += k + size
			}
			if !slices.Equal(hits[j], want) {
				t.Fatalf("Hits(%q)[%d] = %v, want %v (the stops of Index)", s, j, hits[j], want)
			}
		}
		// in the text, and in a prefix of it (its last half)
		for _, n := range []int{len(s), len(s) / 2} {
			c := NewPairCursor(hits[0])
			for i := 0; i <= n; i++ {
				want, w1, w2 := han.Index(s[i:n])
				if want >= 0 {
					want += i
				}
				if got, r1, r2 := c.Next(s[:n], i); got != want || r1 != w1 || r2 != w2 {
					t.Fatalf("PairCursor.Next(%q, %d) = %d, %q, %q; want %d, %q, %q", s[:n], i, got, r1, r2, want, w1, w2)
				}
			}
		}
	})
}

// FuzzWordsIndex holds Words.Index to a DecodeRune loop that tries every
// word at every character, for words of ideographs only (found with
// Set.Index) and for a list with another word.
func FuzzWordsIndex(f *testing.F) {
	for _, s := range []string{"点击查看全文", "\xff付费", "开通VIP会员", "", "查看\xe5\x85全文", "全全文"} {
		f.Add(s)
	}
	han := []string{"查看全文", "付费", "全文", "鿿"}
	mixed := append([]string{"VIP", "、全"}, han...)
	lists := [][]string{han, mixed}
	words := []*Words{NewWords(han...), NewWords(mixed...)}
	f.Fuzz(func(t *testing.T, s string) {
		for k, ws := range lists {
			want := -1
		scan:
			for i := 0; i < len(s); {
				for _, x := range ws {
					if strings.HasPrefix(s[i:], x) {
						want = i
						break scan
					}
				}
				_, size := DecodeRune(s[i:])
				i += size
			}
			if got := words[k].Index(s); got != want {
				t.Fatalf("Index(%q) = %d, want %d (words %q)", s, got, want, ws)
			}
		}
	})
}

// FuzzMarks holds Marks.LastIndex to strings.LastIndexAny.
func FuzzMarks(f *testing.F) {
	for _, s := range []string{"全年完成投资，增长5%；", "a,b", "", "\xbc\x8c", "\xef\xbc\x8c\x8c", "。\xe3\x80", "增长：:"} {
		f.Add(s)
	}
	const chars = "，,；;：:。！？!?\n、"
	m := NewMarks(chars)
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.LastIndexAny(s, chars)
		got, n := m.LastIndex(s)
		if got != want {
			t.Fatalf("LastIndex(%q) = %d, want %d", s, got, want)
		}
		if got >= 0 {
			if r, size := utf8.DecodeRuneInString(s[got:]); size != n || !strings.ContainsRune(chars, r) {
				t.Fatalf("LastIndex(%q) = %d, %d: %q is no mark", s, got, n, s[got:got+n])
			}
		}
	})
}
