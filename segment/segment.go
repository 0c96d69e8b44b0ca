package segment

import (
	"errors"
	"fmt"
	"strings"
)

// Token is a word of the text: Text is text[Start:End] (byte offsets).
// POS is the word's part of speech in jieba's tag set, from the dictionary
// where the word is in it; otherwise m for numbers, eng for Latin words,
// x for spaces and symbols and un for Han words found by the HMM.
type Token struct {
	Text       string
	Start, End int
	POS        string
}

// Segmenter cuts text into tokens. In the default (accurate) mode the
// tokens cover the text exactly, in order: concatenated, their texts give
// back the input. In search mode, the shorter dictionary words inside a
// long word come before it and overlap it.
//
// A Segmenter is safe for concurrent use; AddWords may run while other
// goroutines cut.
type Segmenter interface {
	Cut(text string) []Token
	// AddWords adds words to the dictionary of this segmenter only.
	AddWords(words ...Word) error
}

// Word is a dictionary entry. A Freq of 0 asks for the smallest frequency
// that keeps the word whole; POS may be empty (n is assumed).
type Word struct {
	Text string
	Freq int
	POS  string
}

// Backend names a segmentation engine.
type Backend string

const (
	// GSE is the default backend: pure Go, gse's dictionary and HMM model.
	GSE Backend = "gse"
	// Jieba is gojieba (cgo), available in builds with the tag jieba.
	Jieba Backend = "jieba"
)

// Errors returned by New.
var (
	ErrUnknownBackend = errors.New("segment: unknown backend")
	ErrNotBuilt       = errors.New("segment: backend not in this build (build with -tags jieba)")
)

// Option configures New.
type Option func(*config)

type config struct {
	backend Backend
	hmm     bool
	search  bool
	domain  bool
	words   []Word
}

// WithBackend chooses the engine (GSE by default).
func WithBackend(b Backend) Option { return func(c *config) { c.backend = b } }

// WithHMM turns new-word discovery by the HMM on (the default) or off.
// Off, characters the dictionary leaves single stay single (numbers and
// Latin words are still joined).
func WithHMM(on bool) Option { return func(c *config) { c.hmm = on } }

// WithSearch turns search-mode cutting on: long words are followed by the
// dictionary words inside them, for indexing.
func WithSearch(on bool) Option { return func(c *config) { c.search = on } }

// WithWords adds words to the dictionary.
func WithWords(words ...Word) Option {
	return func(c *config) { c.words = append(c.words, words...) }
}

// WithoutDomain leaves out the embedded policy-domain dictionary.
func WithoutDomain() Option { return func(c *config) { c.domain = false } }

// New returns a segmenter. The default is the GSE backend with the HMM on,
// accurate mode and the policy-domain dictionary.
func New(opts ...Option) (Segmenter, error) {
	c := &config{backend: GSE, hmm: true, domain: true}
	for _, o := range opts {
		o(c)
	}
	if err := checkWords(c.words); err != nil {
		return nil, err
	}
	switch c.backend {
	case GSE, "":
		return newGSE(c)
	case Jieba:
		return newJieba(c)
	}
	return nil, fmt.Errorf("%w %q (want %q or %q)", ErrUnknownBackend, c.backend, GSE, Jieba)
}

// checkWords rejects words a dictionary line cannot hold.
func checkWords(words []Word) error {
	for _, w := range words {
		if w.Text == "" || strings.ContainsAny(w.Text, " \t\r\n") || w.Freq < 0 ||
			strings.ContainsAny(w.POS, " \t\r\n") {
			return fmt.Errorf("segment: bad word %q (freq %d, POS %q)", w.Text, w.Freq, w.POS)
		}
	}
	return nil
}
