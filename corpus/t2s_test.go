package corpus

import (
	"os"
	"strings"
	"testing"
)

// TestT2SData parses the embedded OpenCC tables.
func TestT2SData(t *testing.T) {
	tab, err := parseT2S(tsPhrasesData, tsCharactersData)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.chars) < 3000 || len(tab.phrases) < 200 {
		t.Errorf("tables too small: %d characters, %d phrases", len(tab.chars), len(tab.phrases))
	}
}

// TestT2SSentences pins the conversion to what OpenCC's Go port
// (github.com/longbridgeapp/opencc v0.3.13, "t2s") gave before it was
// replaced: testdata/t2s/sentences.tsv holds its input and output for 600
// sentences of reports turned traditional (s2t, s2tw, s2hk, s2twp), every
// character of TSCharacters and every phrase of TSPhrases in a context.
func TestT2SSentences(t *testing.T) {
	b, err := os.ReadFile("testdata/t2s/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) < 900 {
		t.Fatalf("%d lines, want 900 at least", len(lines))
	}
	bad := 0
	for i, l := range lines {
		in, want, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("line %d: no tab", i+1)
		}
		if got := t2s().convertString(in); got != want {
			if bad++; bad <= 10 {
				t.Errorf("line %d: convert(%q)\n = %q\nwant %q", i+1, in, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, len(lines))
	}
}

// TestT2SClean pins the cleaned text of two traditional documents (a
// report through OpenCC's s2tw and one through s2hk) to what the cleaner
// gave with OpenCC's Go port.
func TestT2SClean(t *testing.T) {
	for _, name := range []string{"tw", "hk"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile("testdata/t2s/" + name + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile("testdata/t2s/" + name + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			text, m, meta := NewCleaner().Clean(string(raw), Meta{})
			if !meta.Traditional {
				t.Error("Meta.Traditional = false")
			}
			if text != string(want) {
				t.Errorf("Clean(%s) differs from %s.golden", name, name)
			}
			if m == nil {
				t.Error("no offset map")
			}
		})
	}
}

func TestT2SPhraseWindow(t *testing.T) {
	tab, err := parseT2S("一二三四五六七八九十甲\tabcdefghijk\n乾坤\t乾坤\n", "乾\t干\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"乾坤大", "乾坤大"}, // the phrase before the character
		{"乾隆", "干隆"},   // the character
		{"一二三四五六七八九十甲", "一二三四五六七八九十甲"}, // longer than the window: never matched
	} {
		if got := tab.convertString(tc.in); got != tc.want {
			t.Errorf("convert(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkT2S(b *testing.B) {
	raw, err := os.ReadFile("testdata/t2s/tw.txt")
	if err != nil {
		b.Fatal(err)
	}
	tab := t2s()
	rs := []rune(string(raw))
	buf := make([]rune, len(rs))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		copy(buf, rs)
		tab.convert(buf)
	}
}
