package segment_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/segment"
)

// backends lists the backends of this build: GSE always, Jieba with the
// build tag jieba.
func backends(t testing.TB) []segment.Backend {
	out := []segment.Backend{segment.GSE}
	if _, err := segment.New(segment.WithBackend(segment.Jieba)); err == nil {
		out = append(out, segment.Jieba)
	} else if !errors.Is(err, segment.ErrNotBuilt) {
		t.Fatalf("New(Jieba) = %v", err)
	}
	return out
}

func mustNew(t testing.TB, opts ...segment.Option) segment.Segmenter {
	t.Helper()
	s, err := segment.New(opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// joined renders tokens as |a|b|c|, skipping spaces.
func joined(tokens []segment.Token) string {
	var b strings.Builder
	b.WriteByte('|')
	for _, t := range tokens {
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		b.WriteString(t.Text)
		b.WriteByte('|')
	}
	return b.String()
}

// cutTests are real sentences of work reports and speeches, each with a
// run of tokens that must appear in the cut, bounded on both sides.
var cutTests = []struct {
	name, text string
	want       []string
}{
	{"agreed investment", "2019年，全市共包装项目179个，新签约项目89个，协议引资204亿元。",
		[]string{"协议引资|204|亿元", "签约项目|89|个"}},
	{"funds from outside", "实际利用省外到位资金达到116.78亿元，占市外到位资金的比重提高到70.8%。",
		[]string{"市外到位资金", "116.78|亿元", "70.8|%"}},
	{"industrial value added", "规模以上工业增加值增长8.5%，一般公共预算收入增长6%。",
		[]string{"|规模以上工业增加值|增长|8.5|%", "|一般公共预算收入|增长|6|%"}},
	{"unemployment target", "城镇调查失业率控制在5.5%左右，居民消费价格涨幅3%左右。",
		[]string{"|城镇调查失业率|", "5.5|%|左右"}},
	{"retail sales", "社会消费品零售总额达到1200亿元，同比增长9.2%。", []string{"|社会消费品零售总额|达到|1200|亿元"}},
	{"business environment", "持续优化营商环境，深化放管服改革，当好服务企业的店小二。",
		[]string{"|营商环境|", "|放管服|", "|店小二|"}},
	{"emerging industries", "培育专精特新企业23家，壮大战略性新兴产业。", []string{"|专精特新|", "|战略性新兴产业|"}},
	{"rates", "项目履约率达到85%，开工率72%，资金到位率60%。",
		[]string{"|履约率|", "|开工率|72|%", "|资金到位率|60|%"}},
	{"investment promotion", "坚持招商引资一号工程，开展产业链招商、以商招商和驻点招商。",
		[]string{"|招商引资|", "|产业链招商|", "|以商招商|", "|驻点招商|"}},
	{"county speech", "同志们，今年我县要确保固定资产投资增长12%以上，新增城镇就业5000人。",
		[]string{"|同志们|", "|固定资产投资|增长|12|%|以上", "|5000|人"}},
	{"rural", "巩固拓展脱贫攻坚成果同乡村振兴有效衔接，建设高标准农田3万亩。",
		[]string{"|脱贫攻坚|", "|乡村振兴|", "|有效衔接|", "|高标准农田|3|万亩|"}},
	{"fiscal", "全年一般公共预算支出中民生支出占比达到80%以上，化解隐性债务12亿元。",
		[]string{"|一般公共预算支出|", "|民生支出|", "|隐性债务|12|亿元"}},
	{"latin and numbers", "5G基站1200个，GDP增长6.5%，R&D投入强度2.1%。", []string{"|5G基站|1200|个", "6.5|%"}},
}

func TestCut(t *testing.T) {
	for _, b := range backends(t) {
		s := mustNew(t, segment.WithBackend(b))
		for _, tc := range cutTests {
			t.Run(string(b)+"/"+tc.name, func(t *testing.T) {
				got := joined(s.Cut(tc.text))
				for _, w := range tc.want {
					if !strings.HasPrefix(w, "|") {
						w = "|" + w
					}
					if !strings.HasSuffix(w, "|") {
						w += "|"
					}
					if !strings.Contains(got, w) {
						t.Errorf("Cut(%q) = %s, want the run %s", tc.text, got, w)
					}
				}
			})
		}
	}
}

// checkCover asserts the law of accurate mode: tokens are contiguous,
// in order, and their texts are the text's bytes.
func checkCover(t *testing.T, text string, tokens []segment.Token) {
	t.Helper()
	at := 0
	for _, tk := range tokens {
		if tk.Start != at || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("Cut(%q): token %+v at %d breaks the cover", text, tk, at)
		}
		at = tk.End
	}
	if at != len(text) {
		t.Fatalf("Cut(%q): tokens end at %d, text at %d", text, at, len(text))
	}
}

var coverTexts = []string{
	"",
	" ",
	"协议引资204亿元",
	"  全市 招商引资\n\n工作会议\t（2019年6月18日）\r\n",
	"ＧＤＰ增长６．５％，全年接待游客1,200万人次……",
	"中共昭通市委\u3000昭通市人民政府",
	"mixed English words and 中文, 3.5万亿元 and 2.5.",
	"bad \xff\xfe utf-8 协议\xe5引资",
	"蘄𠀀𪚥 rare and supplementary characters",
	"……——“”《》【】",
}

func TestCover(t *testing.T) {
	for _, b := range backends(t) {
		for _, hmm := range []bool{true, false} {
			s := mustNew(t, segment.WithBackend(b), segment.WithHMM(hmm))
			for _, text := range coverTexts {
				checkCover(t, text, s.Cut(text))
			}
		}
	}
}

func FuzzCut(f *testing.F) {
	for _, tc := range cutTests {
		f.Add(tc.text)
	}
	for _, text := range coverTexts {
		f.Add(text)
	}
	s := mustNew(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkCover(t, text, s.Cut(text))
	})
}

func TestPOS(t *testing.T) {
	s := mustNew(t)
	pos := map[string]string{}
	for _, tk := range s.Cut("协议引资204亿元，GDP增长，鲶鱼效应。") {
		pos[tk.Text] = tk.POS
	}
	for word, want := range map[string]string{"协议引资": "n", "204": "m", "GDP": "eng", "，": "x", "增长": "v"} {
		if pos[word] != want {
			t.Errorf("POS of %s = %q, want %q (all: %v)", word, pos[word], want, pos)
		}
	}
}

func TestHMM(t *testing.T) {
	// 杭研 and 一窗 are in no dictionary: the HMM finds them as words;
	// without it their characters stay single.
	tests := []struct{ text, word string }{
		{"他来到了网易杭研大厦", "杭研"},
		{"全面推行一窗受理集成服务", "一窗"},
	}
	for _, b := range backends(t) {
		on := mustNew(t, segment.WithBackend(b))
		off := mustNew(t, segment.WithBackend(b), segment.WithHMM(false))
		for _, tc := range tests {
			w := "|" + tc.word + "|"
			if got := joined(on.Cut(tc.text)); !strings.Contains(got, w) {
				t.Errorf("%s: HMM on: Cut(%q) = %s, want %s", b, tc.text, got, w)
			}
			if got := joined(off.Cut(tc.text)); strings.Contains(got, w) {
				t.Errorf("%s: HMM off: Cut(%q) = %s, want no %s", b, tc.text, got, w)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	for _, b := range backends(t) {
		s := mustNew(t, segment.WithBackend(b), segment.WithSearch(true))
		got := joined(s.Cut("规模以上工业增加值增长8%"))
		for _, w := range []string{"|工业|", "|增加值|", "|规模以上工业增加值|"} {
			if !strings.Contains(got, w) {
				t.Errorf("%s search Cut = %s, want %s", b, got, w)
			}
		}
	}
}

func TestAddWords(t *testing.T) {
	const text = "打造合汽生材产业集群"
	for _, b := range backends(t) {
		s := mustNew(t, segment.WithBackend(b), segment.WithHMM(false))
		if got := joined(s.Cut(text)); strings.Contains(got, "|合汽生材|") {
			t.Fatalf("%s: before AddWords, Cut = %s", b, got)
		}
		if err := s.AddWords(segment.Word{Text: "合汽生材"}); err != nil {
			t.Fatal(err)
		}
		if got := joined(s.Cut(text)); !strings.Contains(got, "|合汽生材|") {
			t.Errorf("%s: after AddWords, Cut = %s", b, got)
		}
		other := mustNew(t, segment.WithBackend(b), segment.WithHMM(false))
		if got := joined(other.Cut(text)); strings.Contains(got, "|合汽生材|") {
			t.Errorf("%s: AddWords leaked into another segmenter: %s", b, got)
		}
		with := mustNew(t, segment.WithBackend(b), segment.WithHMM(false), segment.WithWords(segment.Word{Text: "合汽生材", POS: "nz"}))
		if got := joined(with.Cut(text)); !strings.Contains(got, "|合汽生材|") {
			t.Errorf("%s: WithWords: Cut = %s", b, got)
		}
		if err := s.AddWords(segment.Word{Text: "two words"}); err == nil {
			t.Errorf("%s: AddWords accepted a word with a space", b)
		}
	}
}

func TestConcurrent(t *testing.T) {
	for _, b := range backends(t) {
		s := mustNew(t, segment.WithBackend(b))
		want := joined(s.Cut(cutTests[0].text))
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 50; i++ {
					if g == 0 && i%10 == 0 {
						if err := s.AddWords(segment.Word{Text: "测试词" + string(rune('甲'+i))}); err != nil {
							t.Error(err)
						}
					}
					if got := joined(s.Cut(cutTests[0].text)); got != want {
						t.Errorf("%s: concurrent Cut = %s, want %s", b, got, want)
						return
					}
				}
			}(g)
		}
		wg.Wait()
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := segment.New(segment.WithBackend("ltp")); !errors.Is(err, segment.ErrUnknownBackend) {
		t.Errorf("New(ltp) = %v, want ErrUnknownBackend", err)
	}
	if _, err := segment.New(segment.WithWords(segment.Word{Text: ""})); err == nil {
		t.Error("New accepted an empty word")
	}
}

func TestDomainDictionary(t *testing.T) {
	words := segment.DomainWords()
	if len(words) < 2000 {
		t.Errorf("domain dictionary has %d words, want at least 2000", len(words))
	}
	seen := map[string]bool{}
	for _, w := range words {
		if w.Freq <= 0 || w.POS == "" || !utf8.ValidString(w.Text) {
			t.Errorf("domain word %+v lacks a frequency or POS", w)
		}
		if seen[w.Text] {
			t.Errorf("domain word %s listed twice", w.Text)
		}
		seen[w.Text] = true
	}
	// Every domain word stays whole when it stands alone.
	s := mustNew(t, segment.WithHMM(false))
	for _, w := range words {
		if got := s.Cut(w.Text); len(got) != 1 {
			t.Errorf("Cut(%q) = %s, want one token", w.Text, joined(got))
		}
	}
}

func TestParseDict(t *testing.T) {
	words, err := segment.ParseDict("# comment\n协议引资 300 n\n\n店小二\n放管服 12\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []segment.Word{{"协议引资", 300, "n"}, {"店小二", 0, ""}, {"放管服", 12, ""}}
	if len(words) != len(want) {
		t.Fatalf("ParseDict = %v, want %v", words, want)
	}
	for i := range want {
		if words[i] != want[i] {
			t.Errorf("ParseDict word %d = %v, want %v", i, words[i], want[i])
		}
	}
	for _, bad := range []string{"词 x n", "词 1 n extra", "词 -3"} {
		if _, err := segment.ParseDict(bad); err == nil {
			t.Errorf("ParseDict(%q) accepted a bad line", bad)
		}
	}
}

// TestDigitRunsAndWidth holds the default backend to two laws: a digit
// run is never cut by a dictionary word (12345 is a word of the domain
// dictionary, 0871-12345678 a number), and full-width digits and letters
// make one token as their ASCII forms do, with offsets into the text as
// written.
func TestDigitRunsAndWidth(t *testing.T) {
	s := mustNew(t)
	for _, tc := range []struct{ text, want string }{
		{"拨打0871-12345678咨询", "|拨打|0871|-|12345678|咨询|"},
		{"拨打12345热线", "|拨打|12345热线|"},
		{"投资１２３４５亿元", "|投资|１２３４５|亿元|"},
		{"增长１２．５％", "|增长|１２．５|％|"},
		{"ＡＢＣ公司", "|ＡＢＣ|公司|"},
		{"编号2025123456号", "|编号|2025123456|号|"},
	} {
		tokens := s.Cut(tc.text)
		checkCover(t, tc.text, tokens)
		if got := joined(tokens); got != tc.want {
			t.Errorf("Cut(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
	if tk := s.Cut("投资１２３４５亿元")[1]; tk.POS != "m" {
		t.Errorf("１２３４５ tagged %q, want m", tk.POS)
	}
}
