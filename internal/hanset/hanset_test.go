package hanset

import (
	"testing"
	"unicode"
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
