//go:build !jieba

package segment

import "testing"

// Without the jieba tag there is no gojieba baseline.
var (
	startupBaselines []struct {
		name string
		run  func(b *testing.B, sentence string) any
	}
	cutBaselines []struct {
		name  string
		setup func(b *testing.B) func(string) int
	}
)
