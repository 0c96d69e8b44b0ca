// Package segment cuts Chinese text into words, with byte offsets, over a
// dictionary that knows the vocabulary of government work reports and
// investment promotion.
//
// Two backends share one interface, Segmenter:
//
//   - GSE, the default, is pure Go. It uses the Chinese dictionary, IDF
//     table and HMM model of github.com/go-ego/gse, compiled by
//     internal/gendict (go generate) into flat tables embedded in the
//     package, and cuts with jieba's algorithm: the most probable route
//     through the dictionary words of the text, then the HMM over runs of
//     characters the dictionary leaves single.
//   - Jieba is github.com/yanyiwu/gojieba (cgo), compiled in only with the
//     build tag jieba. Its dictionary files are written once, from the
//     same embedded data, to the user cache directory, because the C++
//     library reads files.
//
// Both merge the policy-domain dictionary (data/domain.txt, over 2,000
// terms: 招商引资, 协议引资, 市外到位资金, 营商环境, 专精特新 ...) and the
// words given with WithWords; the root package adds the indicator
// catalogue's aliases, sector names and place names that way, so each
// list has one source.
//
// # Why compiled tables
//
// Loading gse's own dictionary (gse.Segmenter.LoadDictEmbed("zh_s"))
// measured 1.7 s and 217 MB resident here, and its Cut ran at 1.7 MB/s.
// The compiled dictionary is read in place from the binary: New builds
// only a hash index over it, and the first segmenter is ready in tens of
// milliseconds (see BenchmarkStartup). The general dictionary keeps the
// words with a frequency of at least 4: the rest are the dictionary's
// floor value 3, mostly names and rare compounds that outweigh single
// characters but lose to almost any real route, and the HMM finds most of
// them as new words. Leaving them out halves the table (3.9 MB).
//
// # Offsets
//
// In accurate mode (the default) the tokens cover the text exactly:
// concatenated, they give back the input, and Token.Start and Token.End
// are byte offsets into it. Spaces and symbols are tokens of their own.
//
// Keywords ranks the terms of a document by TF-IDF with an IDF suited to
// policy text and speech stop words.
package segment

//go:generate go run ./internal/gendict -minfreq 4 -out data
