// Package tabletest gives the tests of the table writers their documents:
// the embedded sample, small documents written for the tests, and the
// seed documents and 2025 provincial reports of the shared folder when it
// is there.
package tabletest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

// Small are documents written for the table tests, each with something a
// table must keep: figures and targets, a range, a span of years, a
// sub-area, HTML-special characters, a sector with official codes,
// slogans, no figure at all, a redacted year (null), traditional script.
var Small = map[string]string{
	"small-1.txt": "2024年青禾市政府工作报告\n\n过去一年，全市地区生产总值达到2156.3亿元，同比增长5.6%。昭阳区完成投资120亿元。" +
		"五年来年均增长6.1%。新一代信息技术产业、现代物流、旅游业加快发展。\n\n今年的主要预期目标是：地区生产总值增长5%—5.5%，" +
		"力争增长6%；城镇新增就业5万人以上。深化“一企一策”“店小二”服务，坚持两手抓。",
	"small-2.txt": "会议纪要\n\n与会人员就<项目>&规划进行了讨论，没有数字。",
	"small-3.txt": "××年政府工作报告\n\n协议引资亿元，实际到位资金××%。新签约项目89个，协议引资204亿元。",
	"small-4.txt": "2023年某縣政府工作報告\n\n全縣生產總值108億元，增長12個百分點。",
	"small-5.txt": "",
}

// Docs returns the documents of the tests: the sample, Small (in name
// order), and with shared, the seeds and (but under the race detector)
// the provincial reports when the shared folder is there.
func Docs(t testing.TB, shared bool) []corpus.Document {
	t.Helper()
	docs := []corpus.Document{policyfacts.Sample()}
	for _, id := range []string{"small-1.txt", "small-2.txt", "small-3.txt", "small-4.txt", "small-5.txt"} {
		docs = append(docs, corpus.FromText(id, Small[id], corpus.Meta{}, nil))
	}
	if !shared {
		return docs
	}
	globs := []string{"seeds/*.txt", "dev/provinces-2025/texts/*.txt"}
	if Race {
		globs = globs[:1]
	}
	var paths []string
	for _, g := range globs {
		m, _ := filepath.Glob(filepath.Join(SharedDir(), g))
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Log("the shared folder is not there: the tests run on the sample and the small documents")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Load(filepath.Base(p), b, corpus.KindText, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// SharedDir is the shared folder beside the project (it may not exist).
func SharedDir() string {
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared")
		}
		if filepath.Dir(d) == d {
			return filepath.Join(wd, "shared")
		}
	}
}

// Results extracts docs with keywords on (so the keywords table has rows).
func Results(t testing.TB, docs []corpus.Document) []policyfacts.Result {
	t.Helper()
	ex := policyfacts.New(policyfacts.WithKeywords(5))
	out := make([]policyfacts.Result, len(docs))
	for i, d := range docs {
		r, err := ex.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = r
	}
	return out
}
