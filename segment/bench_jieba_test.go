//go:build jieba

package segment

import (
	"path/filepath"
	"testing"

	"github.com/yanyiwu/gojieba"
)

func newGojieba(b *testing.B) *gojieba.Jieba {
	dir, err := jiebaFiles(true)
	if err != nil {
		b.Fatal(err)
	}
	return gojieba.NewJieba(filepath.Join(dir, "jieba.dict.utf8"), filepath.Join(dir, "hmm_model.utf8"),
		filepath.Join(dir, "user.dict.utf8"), filepath.Join(dir, "idf.utf8"), filepath.Join(dir, "stop_words.utf8"))
}

// The gojieba baselines: its own start-up (with the dictionary files
// already written) and its plain Cut with the HMM, the call most users make.
var (
	startupBaselines = []startupBaseline{
		{"gojieba", func(b *testing.B, sentence string) any {
			x := newGojieba(b)
			if len(x.Cut(sentence, true)) == 0 {
				b.Fatal("no tokens")
			}
			return x
		}},
		{"jieba-backend", func(b *testing.B, sentence string) any {
			s, err := New(WithBackend(Jieba))
			if err != nil {
				b.Fatal(err)
			}
			if len(s.Cut(sentence)) == 0 {
				b.Fatal("no tokens")
			}
			return s
		}},
	}
	cutBaselines = []cutBaseline{
		{"gojieba-Cut", func(b *testing.B) func(string) int {
			x := newGojieba(b)
			return func(s string) int { return len(x.Cut(s, true)) }
		}},
		{"jieba-backend", func(b *testing.B) func(string) int {
			s, err := New(WithBackend(Jieba))
			if err != nil {
				b.Fatal(err)
			}
			return func(t string) int { return len(s.Cut(t)) }
		}},
	}
)
