//go:build jieba

package segment

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// jiebaSegmenter wraps gojieba. cppjieba reads its dictionaries from
// files, so the embedded data is written once to the user cache directory
// (see jiebaFiles); the binary still needs nothing on disk beforehand.
type jiebaSegmenter struct {
	mu     sync.RWMutex // AddWords changes the C++ trie: it excludes Cut
	x      *gojieba.Jieba
	lex    *lexicon // for POS tags, shared with the GSE backend's data
	hmm    bool
	search bool
}

func newJieba(c *config) (Segmenter, error) {
	dir, err := jiebaFiles(c.domain)
	if err != nil {
		return nil, err
	}
	s := &jiebaSegmenter{hmm: c.hmm, search: c.search,
		x: gojieba.NewJieba(filepath.Join(dir, "jieba.dict.utf8"), filepath.Join(dir, "hmm_model.utf8"),
			filepath.Join(dir, "user.dict.utf8"), filepath.Join(dir, "idf.utf8"), filepath.Join(dir, "stop_words.utf8"))}
	if c.domain {
		s.lex = domainLexicon()
	} else {
		s.lex = newLexicon(loadBase())
	}
	if len(c.words) > 0 {
		if err := s.AddWords(c.words...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Cut cuts text into tokens. cppjieba rejects (and logs) a text that is
// not valid UTF-8, so each valid stretch is cut on its own and each
// invalid byte is a token.
func (s *jiebaSegmenter) Cut(text string) []Token {
	if utf8.ValidString(text) {
		return s.cut(text, 0, nil)
	}
	var out []Token
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		out = s.cut(text[start:i], start, out)
		out = append(out, Token{Text: text[i : i+1], Start: i, End: i + 1, POS: "x"})
		i++
		start = i
	}
	return s.cut(text[start:], start, out)
}

func (s *jiebaSegmenter) cut(text string, off int, out []Token) []Token {
	if text == "" {
		return out
	}
	mode := gojieba.DefaultMode
	if s.search {
		mode = gojieba.SearchMode
	}
	s.mu.RLock()
	words := s.x.Tokenize(text, mode, s.hmm)
	lex := s.lex
	s.mu.RUnlock()
	for _, w := range words {
		t := lex.token(text, w.Start, w.End)
		t.Start += off
		t.End += off
		out = append(out, t)
	}
	return out
}

// AddWords adds words to this segmenter's dictionary.
func (s *jiebaSegmenter) AddWords(words ...Word) error {
	if err := checkWords(words); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lex, err := s.lex.with(words, false)
	if err != nil {
		return err
	}
	s.lex = lex
	for _, w := range words {
		e, _ := s.lex.lookup(w.Text)
		s.x.AddWordEx(w.Text, int(e.Freq), e.POS)
	}
	return nil
}

// JiebaFiles writes (once) the dictionary files of the jieba backend and
// returns their paths in gojieba.NewJieba's order: dictionary, HMM model,
// user dictionary (the policy-domain words), IDF and stop words. It is
// for using gojieba directly with this package's data.
func JiebaFiles() ([]string, error) {
	dir, err := jiebaFiles(true)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"} {
		paths = append(paths, filepath.Join(dir, name))
	}
	return paths, nil
}

// jiebaFiles writes the five files cppjieba loads, generated from the
// embedded dictionary, HMM model, IDF and stop words, to a directory under
// the user cache directory named by a hash of their content, and returns
// it. Files are written to temporary names and renamed, so concurrent
// first uses and killed processes leave no partial file behind.
func jiebaFiles(domain bool) (string, error) {
	files := jiebaFileSet(domain)
	h := sha256.New()
	for _, data := range []string{baseDictData, hmmData, domainData, stopData, strconv.FormatBool(domain)} {
		io.WriteString(h, data)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "policyfacts", "jieba-"+hex.EncodeToString(h.Sum(nil))[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("segment: jieba dictionaries: %w", err)
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		if err := writeAtomic(path, f.write); err != nil {
			return "", fmt.Errorf("segment: jieba dictionaries: %w", err)
		}
	}
	return dir, nil
}

type jiebaFile struct {
	name  string
	write func(w io.Writer) error
}

func jiebaFileSet(domain bool) []jiebaFile {
	base := loadBase()
	return []jiebaFile{
		{"jieba.dict.utf8", func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			for i := 0; i < base.entries; i++ {
				if e := base.entry(i); e.Freq > 0 {
					pos := e.POS
					if pos == "" {
						pos = "x"
					}
					fmt.Fprintf(bw, "%s %d %s\n", base.word(i), int64(e.Freq), pos)
				}
			}
			return bw.Flush()
		}},
		{"user.dict.utf8", func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			if domain {
				lex := domainLexicon()
				for _, d := range domainWords() {
					e, _ := lex.lookup(d.Text)
					fmt.Fprintf(bw, "%s %d %s\n", d.Text, int64(e.Freq), e.POS)
				}
			}
			return bw.Flush()
		}},
		{"hmm_model.utf8", writeHMMModel},
		{"idf.utf8", func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			for i := 0; i < base.entries; i++ {
				if e := base.entry(i); e.IDF > 0 {
					fmt.Fprintf(bw, "%s %s\n", base.word(i), strconv.FormatFloat(e.IDF, 'f', 3, 64))
				}
			}
			return bw.Flush()
		}},
		{"stop_words.utf8", func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			for word := range stopWords() {
				fmt.Fprintln(bw, word)
			}
			return bw.Flush()
		}},
	}
}

// writeHMMModel writes the HMM in cppjieba's hmm_model.utf8 format.
func writeHMMModel(w io.Writer) error {
	bw := bufio.NewWriter(w)
	f := func(v float64) string {
		if math.IsInf(v, -1) {
			return "-3.14e+100"
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	fmt.Fprintln(bw, "# B E M S")
	fmt.Fprintln(bw, f(hmmStart[0]), f(hmmStart[1]), f(hmmStart[2]), f(hmmStart[3]))
	for _, row := range hmmTrans {
		fmt.Fprintln(bw, f(row[0]), f(row[1]), f(row[2]), f(row[3]))
	}
	m := loadHMM()
	for st := 0; st < 4; st++ {
		first := true
		for i, r := range m.runes {
			v := float64(m.emit[i][st])
			if math.IsInf(v, -1) {
				continue
			}
			if !first {
				bw.WriteByte(',')
			}
			first = false
			fmt.Fprintf(bw, "%c:%s", r, strconv.FormatFloat(v, 'f', 6, 64))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
