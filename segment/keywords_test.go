package segment_test

import (
	"strings"
	"testing"

	"github.com/policyfacts/policyfacts/segment"
)

// A county speech about new-energy vehicles that, like most such
// speeches, also says 招商引资 and 同志们 a lot.
const evSpeech = `同志们：今年全县招商引资工作的重点是新能源汽车。要围绕新能源汽车整车和动力电池，
开展产业链招商，进一步引进动力电池配套企业。招商引资要聚焦新能源汽车，招商引资要讲实效。
同志们，动力电池项目总投资120亿元，新增就业3000人，新能源汽车产值增长30%。`

func TestKeywords(t *testing.T) {
	s := mustNew(t)
	kws := segment.Keywords(s.Cut(evSpeech), 5)
	if len(kws) != 5 {
		t.Fatalf("Keywords = %v, want 5", kws)
	}
	rank := map[string]int{}
	for i, k := range kws {
		rank[k.Text] = i + 1
		if k.Weight <= 0 || k.Count <= 0 {
			t.Errorf("keyword %+v has no weight or count", k)
		}
		if i > 0 && kws[i-1].Weight < k.Weight {
			t.Errorf("Keywords not in weight order: %v", kws)
		}
	}
	if rank["新能源汽车"] != 1 || rank["动力电池"] == 0 {
		t.Errorf("Keywords = %v, want 新能源汽车 first and 动力电池 among them", kws)
	}
	// 招商引资 is said as often as 新能源汽车, but every report of the
	// genre says it: the policy IDF ranks it below.
	if r := rank["招商引资"]; r != 0 && r < rank["新能源汽车"] {
		t.Errorf("招商引资 ranked %d above 新能源汽车: %v", r, kws)
	}
	for _, k := range kws {
		switch k.Text {
		case "同志们", "进一步", "全县", "亿元", "万人", "120", "30%":
			t.Errorf("stop word, number or unit %q among keywords: %v", k.Text, kws)
		}
	}
}

func TestKeywordsEdges(t *testing.T) {
	s := mustNew(t)
	if got := segment.Keywords(s.Cut(evSpeech), 0); got != nil {
		t.Errorf("Keywords(n=0) = %v, want nil", got)
	}
	if got := segment.Keywords(nil, 5); len(got) != 0 {
		t.Errorf("Keywords(nil) = %v, want none", got)
	}
	if got := segment.Keywords(s.Cut("，。的了 123 abc"), 5); len(got) != 0 {
		t.Errorf("Keywords of function words and symbols = %v, want none", got)
	}
	a := segment.Keywords(s.Cut(evSpeech), 20)
	b := segment.Keywords(s.Cut(evSpeech), 20)
	if len(a) != len(b) {
		t.Fatal("Keywords not deterministic")
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Keywords not deterministic: %v vs %v", a, b)
		}
	}
	for _, k := range a {
		if strings.TrimSpace(k.Text) != k.Text {
			t.Errorf("keyword %q has spaces", k.Text)
		}
	}
}
