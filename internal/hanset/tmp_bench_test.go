package hanset

import (
	"os"
	"testing"
)

// wide set: U+4000–U+9FFF, indexed by (c0&0x0F)<<6|c1&0x3F - 256
type wset [384]uint64

func toWide(h *Set) *wset {
	w := new(wset)
	for r := rune(First); r <= Last; r++ {
		if h.Has(r) {
			k := int(r-0x4000) / 64
			w[k] |= 1 << ((r - 0x4000) % 64)
		}
	}
	return w
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (w *wset) index(s string) (int, rune) {
	for i := 0; i+2 < len(s); {
		c0 := s[i]
		if c0-0xE4 > 5 {
			i++
			continue
		}
		c1, c2 := s[i+1], s[i+2]
		if (uint16(c1)<<8|uint16(c2))&0xC0C0 != 0x8080 {
			i++
			continue
		}
		k := (int(c0&0x0F)<<6 | int(c1&0x3F)) - 256
		if w[k]>>(c2&0x3F)&1 != 0 {
			return i, rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		}
		i += 3
	}
	return -1, 0
}

func (w *wset) index2(s string) (int, rune) {
	i := 0
	for i+2 < len(s) {
		c0 := s[i]
		lead := uint(c0) - 0xE4
		c1, c2 := s[i+1], s[i+2]
		ok := lead <= 5 && (uint16(c1)<<8|uint16(c2))&0xC0C0 == 0x8080
		if ok {
			k := int(lead)<<6 | int(c1&0x3F)
			if w[k]>>(c2&0x3F)&1 != 0 {
				return i, rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			}
			i += 3
		} else {
			i++
		}
	}
	return -1, 0
}

func BenchmarkTmpScan(b *testing.B) {
	bs, _ := os.ReadFile("/work/shared/dev/provinces-2025/texts/河南省.txt")
	text := string(bs)
	for _, chars := range []string{"全我本", "一二三四五六七八九十两"} {
		self := New(chars)
		w := toWide(self)
		// check same
		for i := 0; ; {
			k, r := self.Index(text[i:])
			k2, r2 := w.index2(text[i:])
			k3, r3 := w.index(text[i:])
			if k != k2 || r != r2 || k != k3 || r != r3 {
				b.Fatal(i, k, k2, k3)
			}
			if k < 0 {
				break
			}
			i += k + 3
		}
		scan := func(f func(string) (int, rune)) func(*testing.B) {
			return func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					for i := 0; ; {
						k, _ := f(text[i:])
						if k < 0 {
							break
						}
						i += k + 3
					}
				}
			}
		}
		b.Run("set", scan(self.Index))
		b.Run("wide", scan(w.index))
		b.Run("wide2", scan(w.index2))
	}
}

func BenchmarkTmpSetNew(b *testing.B) {
	bs, _ := os.ReadFile("/work/shared/dev/provinces-2025/texts/河南省.txt")
	text := string(bs)
	self := New("全我本")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for i := 0; ; {
			k, _ := self.Index(text[i:])
			if k < 0 {
				break
			}
			i += k + 3
		}
	}
}
