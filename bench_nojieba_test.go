//go:build !jieba

package policyfacts

import "testing"

// segmentBaselines is empty without the jieba tag (no gojieba).
var segmentBaselines []struct {
	name  string
	setup func(b *testing.B) func(string) int
}
