package segment

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestEmbeddedData checks the embedded dictionaries: the general one
// decodes, every entry is found under its own word (no two words share a
// hash), the character table agrees with the index, and the policy
// dictionary merges in without error.
func TestEmbeddedData(t *testing.T) {
	d, err := decodeDict(baseDictData)
	if err != nil {
		t.Fatal(err)
	}
	if d.entries < 100000 {
		t.Fatalf("%d entries, want the full general dictionary", d.entries)
	}
	for i := 0; i < d.entries; i++ {
		w := d.word(i)
		s, ok := d.index.probe(hashString(w))
		if !ok || s.ref != baseRef(i) {
			t.Fatalf("entry %d (%q): probe = %v, %v", i, w, s, ok)
		}
		want := float32(math.Log(d.entry(i).Freq))
		if s.logFreq != want {
			t.Fatalf("%q: logFreq %v, want %v", w, s.logFreq, want)
		}
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && r >= charLo && r < charHi {
			if c := d.chars[r-charLo]; c.ref != s.ref || c.logFreq != s.logFreq {
				t.Fatalf("%q: chars table %v, index %v", w, c, s)
			}
		}
	}
	if _, err := decodeHMM(hmmData); err != nil {
		t.Fatal(err)
	}
	words, err := ParseDict(domainData)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := newLexicon(d).with(words, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if e, ok := lex.lookup(w.Text); !ok || e.Freq == 0 || e.IDF == 0 {
			t.Errorf("policy word %q: %+v, %v", w.Text, e, ok)
		}
	}
}

func TestHashIndex(t *testing.T) {
	x := newHashIndex(3)
	items := []slot{{hashString("投资"), 1, 1}, {hashString("招商"), 2, 2}, {hashString("引资"), 3, 3}}
	if dup, ok := x.addAll(items); !ok {
		t.Fatalf("addAll refused %v", dup)
	}
	for _, it := range items {
		if s, ok := x.probe(it.hash); !ok || s != it {
			t.Errorf("probe(%x) = %v, %v; want %v", it.hash, s, ok, it)
		}
	}
	if s, ok := x.probe(hashString("项目")); ok {
		t.Errorf("probe of a word not added = %v", s)
	}
	if x.add(hashString("招商"), 9, 9) {
		t.Error("add accepted a second entry with the same hash")
	}
}

// TestMaxIDF checks the bound Keywords uses to pass over terms without
// looking their IDF up: no word, known or not, weighs more than maxIDF.
func TestMaxIDF(t *testing.T) {
	lex := domainLexicon()
	words := []string{"招商引资", "市外到位资金", "的", "甲乙丙丁", "新质生产力引领", "协议引资额"}
	for _, w := range domainWords() {
		words = append(words, w.Text)
	}
	for _, w := range words {
		if idf := lex.idf(w); idf > lex.maxIDF || idf <= 0 {
			t.Errorf("idf(%q) = %v, bound %v", w, idf, lex.maxIDF)
		}
	}
	if lex.maxIDF < medianIDF || lex.maxIDF > 100 {
		t.Errorf("maxIDF = %v", lex.maxIDF)
	}
}
