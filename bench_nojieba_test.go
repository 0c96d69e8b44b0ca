//go:build !jieba

package policyfacts

// segmentBaselines is empty without the jieba tag (no gojieba).
var segmentBaselines []segmentBaseline
