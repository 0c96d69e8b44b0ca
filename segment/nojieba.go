//go:build !jieba

package segment

func newJieba(*config) (Segmenter, error) { return nil, ErrNotBuilt }
