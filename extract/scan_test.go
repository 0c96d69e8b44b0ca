package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// yearMarkRe is what yearMarks finds, as a regexp.
var yearMarkRe = regexp.MustCompile(`(19[4-9][0-9]|20[0-9][0-9])年|今年|本年|当年|去年|上年|明年|前年|过去一年`)

// FuzzYearMarks holds yearMarks to yearMarkRe.
func FuzzYearMarks(f *testing.F) {
	for _, s := range []string{
		"2019年全市协议引资204亿元，比上年增长8%。", "12019年", "1939年1940年", "去年年底", "过去一年，今年上半年",
		"提前年", "20192019年", "年", "2019", "明年2020年—2025年", "当年签约当年开工", "２０１９年",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []yearMark
		for _, m := range yearMarkRe.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, yearMark{m[0], m[1], m[2], m[3]})
		}
		if got := yearMarks(s, search("年")); !slices.Equal(got, want) {
			t.Fatalf("yearMarks(%q) = %v, want %v", s, got, want)
		}
		if got := yearMarks(s, swept(s).char("年")); !slices.Equal(got, want) {
			t.Fatalf("yearMarks(%q) on the hits of the sweep = %v, want %v", s, got, want)
		}
	})
}

// swept returns a document of text s whose scans read the hits of the
// one pass, as Read makes them.
func swept(s string) *Doc {
	d := &Doc{Text: s}
	h, _ := DefaultGazetteer().docSweep().Find(s)
	d.pairHits, d.charHits, d.startHits = h.Pairs, h.Chars, h.Sets[figureStarts]
	return d
}

// redactedByRune is Redacted as a test of every character of text: each
// place where a unit starts.
func redactedByRune(r *Recognizer, text string) int {
	n := 0
	for i := range text {
		for _, u := range redactedUnits {
			if strings.HasPrefix(text[i:], u) && r.unitDeleted(text, i, u) {
				n++
			}
		}
	}
	return n
}

// FuzzRedacted holds Redacted, which searches for the units' last
// characters, to a test of every character.
func FuzzRedacted(f *testing.F) {
	for _, u := range redactedUnits {
		last, _ := utf8.DecodeLastRuneInString(u)
		if !slices.Contains(redactedLast, string(last)) {
			f.Fatalf("redactedLast lacks the last character of %q", u)
		}
	}
	for _, s := range []string{
		"合同利用市外资金亿元，增长%，提高个百分点。", "××亿元、X%、＊个", "204亿元以上", "亿美元万美元亿元万元", "百分之亿元", "提高2个百分点",
	} {
		f.Add(s)
	}
	r := NewRecognizer()
	f.Fuzz(func(t *testing.T, s string) {
		want := redactedByRune(r, s)
		if got := r.Redacted(s); got != want {
			t.Fatalf("Redacted(%q) = %d, want %d", s, got, want)
		}
		if got := r.RedactedIn(swept(s)); got != want {
			t.Fatalf("RedactedIn(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestStartsFigure checks the scanner's start test against the numerals.
func TestStartsFigure(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		want := isNumeralRune(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '翻' || r == '半'
		if got := scanStarts.Has(r); got != want {
			t.Errorf("%q starts a figure: %v, want %v", r, got, want)
		}
	}
}

// FuzzTrimSpace holds trimSpace to strings.TrimSpace.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"全年增长", " 全年 ", "全年\u3000", "\u3000全年", "全\xe4\x80", "\xe4全年", "a", "", "，全年。", "5%", "\u00a0全年", "全年\u0085", "a\x7f", "\uFEFF全年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestBinderSingles checks that the binder's words of one character are
// the one the document's pass finds for them (binderStarts reads it).
func TestBinderSingles(t *testing.T) {
	if got := binderFinder.singles; len(got) != 3 || !strings.Contains(sweepChars, got) {
		t.Errorf("the binder's words of one character are %q, not one of the characters the document's pass finds, %q", got, sweepChars)
	}
}
