//go:build !jieba

package segment

// Without the jieba tag there is no gojieba baseline.
var (
	startupBaselines []startupBaseline
	cutBaselines     []cutBaseline
)
