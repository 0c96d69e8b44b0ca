// Command gendict compiles gse's Chinese dictionary, IDF table and HMM
// emission model into the compact files that package segment embeds
// (data/base.dict and data/hmm.bin). Run it through go generate in the
// segment directory; it reads the gse module that go.mod pins.
//
// Usage:
//
//	go run ./internal/gendict [-minfreq 4] [-out data]
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

func main() {
	minFreq := flag.Float64("minfreq", 4, "drop general words rarer than this (the dictionary's floor value is 3)")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if err := run(*minFreq, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

type word struct {
	text string
	freq uint32
	pos  string
}

func run(minFreq float64, out string) error {
	dir, err := moduleDir("github.com/go-ego/gse")
	if err != nil {
		return err
	}
	words, err := readDict(filepath.Join(dir, "data/dict/zh/s_1.txt"), minFreq)
	if err != nil {
		return err
	}
	idf := readIDF(gse.ZhIdf)
	dict := encodeDict(words, idf)
	if err := os.WriteFile(filepath.Join(out, "base.dict"), dict, 0o644); err != nil {
		return err
	}
	src, err := os.ReadFile(filepath.Join(dir, "hmm/prob_emit.go"))
	if err != nil {
		return err
	}
	hmm, err := encodeEmit(src)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "hmm.bin"), hmm, 0o644)
}

func moduleDir(path string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %w", path, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// readDict reads "word freq pos" lines. Words longer than 255 bytes and
// words containing spaces are dropped.
func readDict(path string, minFreq float64) ([]word, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	var words []word
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || len(fields[0]) > 255 || seen[fields[0]] {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || freq < minFreq || freq > math.MaxUint32 {
			continue
		}
		pos := ""
		if len(fields) > 2 {
			pos = fields[2]
		}
		seen[fields[0]] = true
		words = append(words, word{fields[0], uint32(freq), pos})
	}
	return words, sc.Err()
}

func readIDF(s string) map[string]float64 {
	m := map[string]float64{}
	for _, line := range strings.Split(s, "\n") {
		w, v, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			m[w] = f
		}
	}
	return m
}

// encodeDict writes the format decoded by segment's loadDict:
//
//	"PFDICT1\n"
//	u32 entry count, u32 blob length, u64 total frequency,
//	u8 POS count, then each POS as u8 length + bytes,
//	entries: u32 blob offset, u32 freq, u8 byte length, u8 POS index, u16 IDF×1000,
//	blob: the words and proper prefixes, concatenated.
//
// Every proper prefix of a word is an entry too (freq 0), so that the
// segmenter can stop extending a match as soon as a prefix is missing.
// Entries are sorted by text.
func encodeDict(words []word, idf map[string]float64) []byte {
	type entry struct {
		text string
		freq uint32
		pos  string
	}
	all := map[string]*entry{}
	var total uint64
	for _, w := range words {
		all[w.text] = &entry{w.text, w.freq, w.pos}
		total += uint64(w.freq)
	}
	for _, w := range words {
		for i := range w.text {
			if i == 0 {
				continue
			}
			if p := w.text[:i]; utf8.ValidString(p) && all[p] == nil {
				all[p] = &entry{text: p}
			}
		}
	}
	list := make([]*entry, 0, len(all))
	posIndex := map[string]int{"": 0}
	posList := []string{""}
	for _, e := range all {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].text < list[j].text })
	for _, e := range list {
		if _, ok := posIndex[e.pos]; !ok {
			posIndex[e.pos] = len(posList)
			posList = append(posList, e.pos)
		}
	}
	var blob strings.Builder
	var buf bytes.Buffer
	le := binary.LittleEndian
	buf.WriteString("PFDICT1\n")
	var head [16]byte
	le.PutUint32(head[0:], uint32(len(list)))
	blobLen := 0
	for _, e := range list {
		blobLen += len(e.text)
	}
	le.PutUint32(head[4:], uint32(blobLen))
	le.PutUint64(head[8:], total)
	buf.Write(head[:])
	buf.WriteByte(byte(len(posList)))
	for _, p := range posList {
		buf.WriteByte(byte(len(p)))
		buf.WriteString(p)
	}
	for _, e := range list {
		var rec [12]byte
		le.PutUint32(rec[0:], uint32(blob.Len()))
		le.PutUint32(rec[4:], e.freq)
		rec[8] = byte(len(e.text))
		rec[9] = byte(posIndex[e.pos])
		if v, ok := idf[e.text]; ok && e.freq > 0 {
			le.PutUint16(rec[10:], uint16(math.Round(math.Min(v, 65)*1000)))
		}
		buf.Write(rec[:])
		blob.WriteString(e.text)
	}
	buf.WriteString(blob.String())
	return buf.Bytes()
}

var emitState = regexp.MustCompile(`probEmit\['([BEMS])'\]`)
var emitEntry = regexp.MustCompile(`'\\u([0-9a-f]{4})': (-?[0-9.e+-]+)`)

// encodeEmit turns gse's (jieba's) HMM emission table into
// "PFHMM1\n", u32 count, then per rune: u32 rune, 4×f32 log P(rune|state)
// for the states B, E, M, S (a missing value is -3.14e100 as float32 -Inf),
// sorted by rune.
func encodeEmit(src []byte) ([]byte, error) {
	emit := map[rune]*[4]float32{}
	state := -1
	for _, line := range bytes.Split(src, []byte("\n")) {
		if m := emitState.FindSubmatch(line); m != nil {
			state = strings.IndexByte("BEMS", m[1][0])
			continue
		}
		m := emitEntry.FindSubmatch(line)
		if m == nil || state < 0 {
			continue
		}
		r, err := strconv.ParseUint(string(m[1]), 16, 32)
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(string(m[2]), 64)
		if err != nil {
			return nil, err
		}
		p := emit[rune(r)]
		if p == nil {
			p = &[4]float32{float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
			emit[rune(r)] = p
		}
		p[state] = float32(v)
	}
	if len(emit) < 1000 {
		return nil, fmt.Errorf("emission table: found only %d characters; has gse's hmm/prob_emit.go changed format?", len(emit))
	}
	runes := make([]rune, 0, len(emit))
	for r := range emit {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	le := binary.LittleEndian
	var buf bytes.Buffer
	buf.WriteString("PFHMM1\n")
	var n [4]byte
	le.PutUint32(n[:], uint32(len(runes)))
	buf.Write(n[:])
	for _, r := range runes {
		var rec [20]byte
		le.PutUint32(rec[0:], uint32(r))
		for s, v := range emit[r] {
			le.PutUint32(rec[4+4*s:], math.Float32bits(v))
		}
		buf.Write(rec[:])
	}
	return buf.Bytes(), nil
}
