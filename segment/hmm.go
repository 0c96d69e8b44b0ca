package segment

import (
	_ "embed"
	"errors"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// The HMM for words the dictionary lacks is jieba's character model (the
// one gse ships): four states B (begin), E (end), M (middle) and S (single),
// start and transition log-probabilities below, and per-character emission
// log-probabilities compiled by internal/gendict into data/hmm.bin.
//
//go:embed data/hmm.bin
var hmmData string

const (
	stB = iota
	stE
	stM
	stS
)

var minLogP = math.Inf(-1)

// hmmStart and hmmTrans are jieba's finalseg start_P and trans_P;
// transitions absent there are impossible.
var (
	hmmStart = [4]float64{stB: -0.26268660809250016, stE: minLogP, stM: minLogP, stS: -1.4652633398537678}
	hmmTrans = [4][4]float64{
		stB: {stB: minLogP, stE: -0.510825623765990, stM: -0.916290731874155, stS: minLogP},
		stE: {stB: -0.5897149736854513, stE: minLogP, stM: minLogP, stS: -0.8085250474669937},
		stM: {stB: minLogP, stE: -0.33344856811948514, stM: -1.2603623820268226, stS: minLogP},
		stS: {stB: -0.7211965654669841, stE: minLogP, stM: minLogP, stS: -0.6658631448798212},
	}
	// hmmPrev lists the states that may precede each state.
	hmmPrev = [4][2]int{stB: {stE, stS}, stE: {stB, stM}, stM: {stM, stB}, stS: {stS, stE}}
)

// hmmModel holds the emission table: runes sorted, four log-probabilities each.
type hmmModel struct {
	runes []rune
	emit  [][4]float32
}

var loadHMM = sync.OnceValue(func() *hmmModel {
	m, err := decodeHMM(hmmData)
	if err != nil {
		panic(err) // embedded data is constant; TestEmbeddedData parses it
	}
	return m
})

func decodeHMM(s string) (*hmmModel, error) {
	const magic = "PFHMM1\n"
	if !strings.HasPrefix(s, magic) || len(s) < len(magic)+4 {
		return nil, errors.New("segment: bad HMM table header")
	}
	s = s[len(magic):]
	n := int(u32(s, 0))
	s = s[4:]
	if len(s) != 20*n {
		return nil, errors.New("segment: bad HMM table length")
	}
	m := &hmmModel{runes: make([]rune, n), emit: make([][4]float32, n)}
	for i := 0; i < n; i++ {
		r := s[20*i:]
		m.runes[i] = rune(u32(r, 0))
		for st := 0; st < 4; st++ {
			m.emit[i][st] = math.Float32frombits(u32(r, 4+4*st))
		}
	}
	return m, nil
}

// emission returns log P(r | state) for the four states.
func (m *hmmModel) emission(r rune) [4]float64 {
	i := sort.Search(len(m.runes), func(i int) bool { return m.runes[i] >= r })
	if i == len(m.runes) || m.runes[i] != r {
		return [4]float64{minLogP, minLogP, minLogP, minLogP}
	}
	e := m.emit[i]
	return [4]float64{float64(e[0]), float64(e[1]), float64(e[2]), float64(e[3])}
}

// cut splits a run of Han characters into words by the most likely state
// sequence (Viterbi), calling emit with the byte span of each word.
func (m *hmmModel) cut(s string, emit func(start, end int)) {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return
	}
	// A character the model has never seen gets the same small emission
	// in every state, so the transitions decide.
	const unseen = -20.0
	v := make([][4]float64, n)
	back := make([][4]int8, n)
	bounds := make([]int, 0, n+1)
	t := 0
	for i, r := range s {
		bounds = append(bounds, i)
		e := m.emission(r)
		for st := range e {
			if math.IsInf(e[st], -1) {
				e[st] = unseen - 10
			}
		}
		if allUnseen(e, unseen-10) {
			e = [4]float64{unseen, unseen, unseen, unseen}
		}
		for y := 0; y < 4; y++ {
			if t == 0 {
				v[0][y] = hmmStart[y] + e[y]
				continue
			}
			best, arg := math.Inf(-1), int8(hmmPrev[y][0])
			for _, y0 := range hmmPrev[y] {
				if p := v[t-1][y0] + hmmTrans[y0][y]; p > best {
					best, arg = p, int8(y0)
				}
			}
			v[t][y] = best + e[y]
			back[t][y] = arg
		}
		t++
	}
	bounds = append(bounds, len(s))
	state := stE
	if v[n-1][stS] > v[n-1][stE] {
		state = stS
	}
	states := make([]int8, n)
	for t := n - 1; t >= 0; t-- {
		states[t] = int8(state)
		state = int(back[t][state])
	}
	begin := 0
	for t, st := range states {
		switch st {
		case stB:
			begin = t
		case stE:
			emit(bounds[begin], bounds[t+1])
			begin = t + 1
		case stS:
			emit(bounds[t], bounds[t+1])
			begin = t + 1
		}
	}
	if begin < n {
		emit(bounds[begin], len(s))
	}
}

func allUnseen(e [4]float64, floor float64) bool {
	for _, x := range e {
		if x != floor {
			return false
		}
	}
	return true
}
