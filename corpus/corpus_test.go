package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/policyfacts/policyfacts/internal/testutil"
)

const speech = `市长在2024年全市招商引资工作会议上的讲话
发布时间：2024-03-02 09:15:00
当前位置：首页 > 政务公开 > 领导讲话
【字体：大 中 小】 浏览次数：1234
同志们：
今天召开全市招商引资工作会议，主要任务是总结去年工作，安排部署今年任务。下面，我讲三点意见。
一、2023年工作回顾
2023年，全市新签约项目89个，协议引资204亿元，实际到位市外资金165.02亿元，同比增长31.3%。
二、2024年目标任务
今年要确保协议引资250亿元以上，力争突破300亿元。
相关推荐
关于我们 | 联系我们 | 网站地图
Copyright 2024 某市人民政府 版权所有 滇ICP备12345678号
`

func encodeWith(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf8", []byte(speech), "utf-8"},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, speech...), "utf-8"},
		{"gbk", encodeWith(t, simplifiedchinese.GBK, speech), "gb18030"},
		{"gb18030", encodeWith(t, simplifiedchinese.GB18030, speech), "gb18030"},
		{"utf16le bom", encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), speech), "utf-16le"},
		{"utf16be bom", encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), speech), "utf-16be"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := Decode(tc.in, "")
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tc.enc {
				t.Errorf("encoding = %q, want %q", enc, tc.enc)
			}
			if got != speech {
				t.Errorf("Decode text differs from the original")
			}
		})
	}
}

func TestDecodeBig5(t *testing.T) {
	trad := "市長在全市招商引資工作會議上的講話。今年要確保協議引資二百五十億元以上，實際到位資金增長百分之二十。"
	got, enc, err := Decode(encodeWith(t, traditionalchinese.Big5, trad), "")
	if err != nil || enc != "big5" || got != trad {
		t.Fatalf("Decode(big5) = %q, %q, %v", got, enc, err)
	}
}

func TestDecodeOverride(t *testing.T) {
	b := encodeWith(t, simplifiedchinese.GBK, "协议引资204亿元")
	got, enc, err := Decode(b, "gbk")
	if err != nil || got != "协议引资204亿元" || enc != "gb18030" {
		t.Fatalf("Decode(gbk override) = %q, %q, %v", got, enc, err)
	}
	if _, _, err := Decode(b, "no-such-encoding"); !errors.Is(err, ErrUnknownEncoding) {
		t.Errorf("unknown encoding: err = %v, want ErrUnknownEncoding", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
	if _, _, err := Decode(png, ""); !errors.Is(err, ErrBinary) {
		t.Errorf("PNG: err = %v, want ErrBinary", err)
	}
	// bytes that are neither UTF-8 nor plausible GBK or Big5
	junk := bytes.Repeat([]byte{0xFE, 0x80, 0xA1, 0xFF, 0x81, 0x30}, 40)
	var de *DecodeError
	if _, _, err := Decode(junk, ""); !errors.As(err, &de) {
		t.Errorf("junk: err = %v, want *DecodeError", err)
	}
	// a GBK file cut in the middle of a character still decodes
	g := encodeWith(t, simplifiedchinese.GBK, "协议引资204亿元，同比增长31.3%。实际到位市外资金165.02亿元")
	if s, _, err := Decode(g[:len(g)-1], ""); err != nil || !strings.HasPrefix(s, "协议引资204亿元") {
		t.Errorf("truncated GBK: %q, %v", s, err)
	}
}

func TestCleanDropsChromeKeepsSpeech(t *testing.T) {
	doc := FromText("a.txt", speech, Meta{}, nil)
	for _, gone := range []string{"当前位置", "字体", "浏览次数", "相关推荐", "关于我们", "Copyright", "ICP备", "发布时间"} {
		if strings.Contains(doc.Clean, gone) {
			t.Errorf("clean text keeps chrome %q:\n%s", gone, doc.Clean)
		}
	}
	for _, kept := range []string{"同志们：", "下面，我讲三点意见。", "一、2023年工作回顾", "协议引资204亿元", "今年要确保协议引资250亿元以上，力争突破300亿元。"} {
		if !strings.Contains(doc.Clean, kept) {
			t.Errorf("clean text lost %q:\n%s", kept, doc.Clean)
		}
	}
	if doc.Meta.Title != "市长在2024年全市招商引资工作会议上的讲话" || doc.Meta.Date != "2024-03-02" {
		t.Errorf("meta = %+v", doc.Meta)
	}
	if strings.Count(doc.Clean, "市长在2024年全市招商引资工作会议上的讲话") != 1 {
		t.Errorf("title not kept exactly once:\n%s", doc.Clean)
	}
}

func TestCleanLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the clean text, or a fragment of it when wantPart
		absent   []string
		wantPart bool
	}{
		{name: "content mentioning 首页 stays",
			in:   "标题\n把招商引资作为全市工作的首页大事来抓，关于这一点，大家要有清醒认识，各级各部门要切实负起责任。\n",
			want: "把招商引资作为全市工作的首页大事来抓，关于这一点，大家要有清醒认识，各级各部门要切实负起责任。", wantPart: true},
		{name: "a heading about closing plants stays",
			in:   "正文开始了，全市经济运行总体平稳，主要指标好于预期，发展质量稳步提升。\n（三）关闭落后产能\n淘汰落后产能的工作要抓紧抓实，确保按期完成任务，不留死角不走过场。\n",
			want: "（三）关闭落后产能", wantPart: true},
		{name: "paywall line and glued notice",
			in:   "全市招商引资工作取得显著成绩，引进了一大批好项目，对经济发展发挥了重要作用。\n此处内容需要权限查看\n会员免费查看加强招商引资工作的调度考核。\n",
			want: "加强招商引资工作的调度考核。", wantPart: true,
			absent: []string{"权限", "会员"}},
		{name: "paywall notices with a share or page count",
			in:     "全市招商引资工作取得显著成绩，引进了一大批好项目，对经济发展发挥了重要作用。\n点击查看全文 剩余80%内容付费阅读\n加强招商引资工作的调度考核，剩余 12 页未读，继续阅读\n",
			absent: []string{"80%", "剩余", "12 页", "继续阅读"}, want: "加强招商引资工作的调度考核，", wantPart: true},
		{name: "a short text whose last line is a paywall notice: the notice is no title",
			in:   "全市完成招商引资到位资金120亿元，增长15%。\n此处内容需要权限查看\n",
			want: "全市完成招商引资到位资金120亿元，增长15%。"},
		{name: "a notice cut whole leaves no line break",
			in:   "标题\n全市完成招商引资到位资金120亿元，增长15%。\n点击查看全文 剩余80%内容付费阅读\n",
			want: "标题\n全市完成招商引资到位资金120亿元，增长15%。"},
		{name: "page footer",
			in:     "要强化招商引资督查，特别是对重大项目要建立跟踪检查机制，加快投资进度。 第10页 共10页",
			absent: []string{"第10页", "共10页"}, want: "加快投资进度。", wantPart: true},
		{name: "full-width digits and percent fold, Chinese punctuation stays",
			in:   "协议引资２０４亿元，增长１２．５％。",
			want: "协议引资204亿元，增长12.5%。"},
		{name: "ASCII punctuation in Chinese text",
			in:   "各县(市、区)要参照执行,确保完成任务;具体如下:",
			want: "各县（市、区）要参照执行，确保完成任务；具体如下："},
		{name: "digit separators stay ASCII",
			in:   "投资1,234.5亿元,会议于08:30召开",
			want: "投资1,234.5亿元，会议于08:30召开"},
		{name: "no-break and ideographic spaces",
			in:   "\u00a0\u3000同志们：\u00a0",
			want: "同志们："},
		{name: "stray space in a figure",
			in:   "占新签约项目总数的78 %；第 17 期",
			want: "占新签约项目总数的78%；第17期"},
		{name: "paragraphs collapsed into spaces",
			in:   "就是抓转型升级。 招商引资会带来鲶鱼效应 当前，我们要着力解决",
			want: "就是抓转型升级。\n招商引资会带来鲶鱼效应\n当前，我们要着力解决"},
		{name: "spaced-out title",
			in:   "政 府 工 作 报 告",
			want: "政府工作报告"},
		{name: "heading split across lines",
			in:   "全市经济运行总体平稳，主要指标好于预期，发展质量稳步提升，民生福祉持续增进。\n（\n三）深化改革开放\n",
			want: "（三）深化改革开放", wantPart: true},
		{name: "lost closing quote kept as is",
			in:   "抓经济发展无非是“两手,一手抓存量,一手抓增量。",
			want: "抓经济发展无非是“两手，一手抓存量，一手抓增量。"},
		{name: "scraper header",
			in:     "标题：在全县经济工作会议上的讲话\n来源URL：http://example.gov.cn/a.html\n责任编辑：张三\n同志们：今天的会议很重要，主要任务是总结去年工作，部署今年任务，动员全县上下奋发有为。\n",
			absent: []string{"来源URL", "责任编辑", "标题："}, want: "同志们：今天的会议很重要", wantPart: true},
		{name: "brackets become quotes",
			in:   "「一企一策」",
			want: "“一企一策”"},
		{name: "ellipsis line dropped",
			in:   "在招商引资表彰奖励大会上的讲话\n…\n这次会议是市委、市政府决定召开的。会议的主要任务是总结去年工作，表彰先进，部署今年任务。\n",
			want: "在招商引资表彰奖励大会上的讲话\n这次会议是市委、市政府决定召开的。会议的主要任务是总结去年工作，表彰先进，部署今年任务。"},
		{name: "repeated title at the end",
			in:   "县长在全县项目建设大会上的讲话\n同志们：今天召开全县项目建设大会，主要任务是总结去年工作，部署今年任务。\n县长在全县项目建设大会上的讲话\n",
			want: "县长在全县项目建设大会上的讲话\n同志们：今天召开全县项目建设大会，主要任务是总结去年工作，部署今年任务。"},
		{name: "title glued to the first sentence",
			in:   "某某副州长在全州投资促进工作会议上的讲话第 17 期(2014年3月25日)按照会议安排，我就去年全州投资促进工作作一简要回顾。",
			want: "某某副州长在全州投资促进工作会议上的讲话\n第17期（2014年3月25日）\n按照会议安排，我就去年全州投资促进工作作一简要回顾。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := FromText("t", tc.in, Meta{}, nil)
			if tc.wantPart {
				if !strings.Contains(doc.Clean, tc.want) {
					t.Errorf("Clean(%q) =\n%s\nwant it to contain %q", tc.in, doc.Clean, tc.want)
				}
			} else if doc.Clean != tc.want {
				t.Errorf("Clean(%q) =\n%q\nwant\n%q", tc.in, doc.Clean, tc.want)
			}
			for _, a := range tc.absent {
				if strings.Contains(doc.Clean, a) {
					t.Errorf("Clean(%q) keeps %q:\n%s", tc.in, a, doc.Clean)
				}
			}
			checkOffsets(t, doc)
		})
	}
}

func TestChunkMarkers(t *testing.T) {
	long := strings.Repeat("招商引资是推动经济发展的重要抓手，各地要高度重视", 8)
	in := "1、" + long + "，围绕推\n2、动“三大转型，" + long + "现代物\n3、流业的发展要加快，" + long + "\n4、、一签了之的现象要杜绝，" + long + "。"
	doc := FromText("t", in, Meta{}, nil)
	for _, w := range []string{"围绕推动“三大转型", "现代物流业", "重视、一签了之"} {
		if !strings.Contains(doc.Clean, w) {
			t.Errorf("chunk halves not joined: want %q in\n%s", w, doc.Clean)
		}
	}
	if strings.Contains(doc.Clean, "2、") || strings.HasPrefix(doc.Clean, "1、") {
		t.Errorf("chunk markers kept:\n%s", doc.Clean)
	}
	// a real numbered list keeps its markers
	list := "工作要求如下，请各单位认真贯彻执行，确保各项任务落到实处，取得实效。\n1、加强领导。\n2、完善机制。\n3、强化考核。\n"
	if d := FromText("t", list, Meta{}, nil); !strings.Contains(d.Clean, "1、加强领导。\n2、完善机制。\n3、强化考核。") {
		t.Errorf("list markers lost:\n%s", d.Clean)
	}
}

func TestTraditional(t *testing.T) {
	in := "市長在全市招商引資工作會議上的講話。今年要確保協議引資250億元以上，實際到位資金增長20%，這是我們的目標。"
	doc := FromText("t", in, Meta{}, nil)
	if !doc.Meta.Traditional {
		t.Fatalf("traditional text not detected")
	}
	for _, w := range []string{"市长", "招商引资", "协议引资250亿元以上", "实际到位资金"} {
		if !strings.Contains(doc.Clean, w) {
			t.Errorf("Clean = %q, want %q", doc.Clean, w)
		}
	}
	checkOffsets(t, doc)
	// every clean rune maps to the raw rune it came from
	k := strings.Index(doc.Clean, "亿元")
	if r := doc.Map.Raw(k); !strings.HasPrefix(doc.Raw[r:], "億元") {
		t.Errorf("Raw(%d) = %d points at %q, want 億元", k, r, doc.Raw[r:min(r+6, len(doc.Raw))])
	}
}

// equivalent reports whether a clean rune may stand for a raw one.
func equivalent(c, r rune) bool {
	if c == r {
		return true
	}
	switch c {
	case '\n':
		return isSpace(r) || r == '\n' || r == '\r'
	case ' ':
		return isSpace(r)
	case '“', '”':
		return strings.ContainsRune("\"「」『』“”", r)
	case '，', '：', '；', '！', '？', '（', '）':
		return fullPunct(r) == c
	}
	if r >= 0xFF01 && r <= 0xFF5E && r-0xFEE0 == c {
		return true
	}
	return isHan(c) && isHan(r) // a traditional character and its simplified form
}

// checkOffsets asserts the OffsetMap law on a document.
func checkOffsets(t *testing.T, doc Document) {
	t.Helper()
	prev := -1
	for i, c := range doc.Clean {
		r0 := doc.Map.Raw(i)
		if r0 < 0 || r0 > len(doc.Raw) {
			t.Fatalf("Raw(%d) = %d out of range [0,%d]", i, r0, len(doc.Raw))
		}
		if r0 < prev {
			t.Fatalf("Raw not monotonic at %d: %d < %d", i, r0, prev)
		}
		prev = r0
		if c == '\n' {
			continue // line breaks are structure: they may stand for a dropped line
		}
		r, _ := utf8.DecodeRuneInString(doc.Raw[r0:])
		if !equivalent(c, r) {
			t.Fatalf("clean %q at %d maps to raw %q at %d", c, i, r, r0)
		}
	}
	s, e := doc.Map.RawSpan(0, len(doc.Clean))
	if s < 0 || e > len(doc.Raw) || s > e {
		t.Fatalf("RawSpan(0,%d) = %d,%d", len(doc.Clean), s, e)
	}
}

func TestOffsetsOnSpeech(t *testing.T) {
	doc := FromText("a.txt", speech, Meta{}, nil)
	checkOffsets(t, doc)
	k := strings.Index(doc.Clean, "204亿元")
	s, e := doc.Map.RawSpan(k, k+len("204亿元"))
	if doc.Raw[s:e] != "204亿元" {
		t.Errorf("RawSpan = %q", doc.Raw[s:e])
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="gbk"><title>在全县经济工作会议上的讲话_某某县人民政府</title>
<style>p{color:red}</style><script>var x = "协议引资999亿元";</script></head>
<body><nav><a href="/">首页</a> &gt; <a>领导讲话</a></nav>
<div class="article"><h1>在全县经济工作会议上的讲话</h1>
<p>同志们：</p><p>今年全县地区生产总值增长5.5%左右，协议引资<b>120亿元</b>以上。我们要坚定信心，真抓实干，奋力完成全年目标任务。</p>
<div>` + strings.Repeat("<div>", 10000) + `深层文字` + strings.Repeat("</div>", 10000) + `</div>
</div><footer>Copyright 某某县 滇ICP备000号</footer></body></html>`
	b := encodeWith(t, simplifiedchinese.GBK, page)
	doc, err := Load("page.html", b, KindHTML, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "gb18030" {
		t.Errorf("encoding = %q", doc.Encoding)
	}
	if doc.Meta.Title != "在全县经济工作会议上的讲话" {
		t.Errorf("title = %q", doc.Meta.Title)
	}
	for _, w := range []string{"同志们：", "协议引资120亿元以上", "深层文字"} {
		if !strings.Contains(doc.Clean, w) {
			t.Errorf("clean lacks %q:\n%s", w, doc.Clean)
		}
	}
	for _, w := range []string{"999", "color", "首页", "ICP"} {
		if strings.Contains(doc.Clean, w) {
			t.Errorf("clean keeps %q:\n%s", w, doc.Clean)
		}
	}
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func collect(t *testing.T, paths []string, opts Options) (docs []Document, errs []error) {
	t.Helper()
	for d, err := range Walk(paths, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func TestWalkArchives(t *testing.T) {
	dir := t.TempDir()
	csvText := "id,title,date,region,full_text\n" +
		"a1,县长讲话,2024/3/2,青禾县,\"同志们：今年协议引资120亿元以上，新签约项目50个。\"\n" +
		"a2,市长讲话,2023年5月6日,青禾市,\"去年到位资金增长12%，引进项目30个，招商引资工作取得新成效。\"\n"
	writeFile(t, dir, "rows.csv", encodeWith(t, simplifiedchinese.GBK, csvText))
	writeFile(t, dir, "rows.jsonl", []byte(`{"id":"x","content":"协议引资204亿元","title":"讲话一"}`+"\n"+`{"id":"y","content":"到位资金165.02亿元"}`+"\nnot json\n"))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, e := range [][2]string{{"a/one.txt", "第一篇讲话。协议引资10亿元。"}, {"../evil.txt", "越界"}, {"b/two.txt", "第二篇讲话。"}} {
		w, _ := zw.Create(e[0]) // stored in this order, which Walk keeps
		w.Write([]byte(e[1]))
	}
	zw.Close()
	writeFile(t, dir, "docs.zip", zb.Bytes())
	writeFile(t, dir, "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	writeFile(t, dir, "empty.txt", nil)
	writeFile(t, dir, "photo.jpg", []byte("\xFF\xD8\xFF\xE0"))

	docs, errs := collect(t, []string{dir}, Options{IDColumn: "id"})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	want := "docs.zip#a/one.txt docs.zip#b/two.txt empty.txt rows.csv#a1 rows.csv#a2 rows.jsonl#x rows.jsonl#y"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids = %v\nwant %v", ids, want)
	}
	if len(errs) != 3 {
		t.Errorf("errors = %v, want 3 (zip path traversal, binary file, bad JSON line)", errs)
	}
	var unsafe, binary bool
	for _, e := range errs {
		unsafe = unsafe || errors.Is(e, ErrUnsafePath)
		binary = binary || errors.Is(e, ErrBinary)
		var fe *FileError
		if !errors.As(e, &fe) || fe.Path == "" {
			t.Errorf("error %v does not name its file", e)
		}
	}
	if !unsafe || !binary {
		t.Errorf("errors = %v, want ErrUnsafePath and ErrBinary among them", errs)
	}
	for _, d := range docs {
		if d.ID == "rows.csv#a1" {
			if d.Meta.Title != "县长讲话" || d.Meta.Date != "2024-03-02" || d.Meta.Region != "青禾县" || !strings.Contains(d.Clean, "协议引资120亿元以上") {
				t.Errorf("csv row = %+v %q", d.Meta, d.Clean)
			}
		}
		if d.ID == "rows.csv#a2" && d.Meta.Date != "2023-05-06" {
			t.Errorf("csv date = %q", d.Meta.Date)
		}
	}
}

func TestCSVLongestColumnAndBrokenQuote(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "x.csv", []byte("编号,摘要,讲话全文\n1,短,\"今年协议引资120亿元以上，新签约项目50个，到位资金增长12%。\"\n2,\"broken,\"quote here,全市引进项目30个\n"))
	docs, errs := collect(t, []string{p}, Options{})
	if len(docs) == 0 || !strings.Contains(docs[0].Clean, "协议引资120亿元以上") {
		t.Fatalf("docs = %+v errs = %v", docs, errs)
	}
}

func TestGBKAndUTF16CopiesOfSeeds(t *testing.T) {
	for _, p := range testutil.Seeds(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := Load(filepath.Base(p), b, KindText, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for name, e := range map[string]encoding.Encoding{
			"gbk":   simplifiedchinese.GB18030,
			"utf16": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		} {
			d, err := Load(filepath.Base(p), encodeWith(t, e, string(b)), KindText, Options{})
			if err != nil {
				t.Fatalf("%s %s: %v", p, name, err)
			}
			if d.Clean != orig.Clean || d.Meta.Title != orig.Meta.Title {
				t.Errorf("%s: %s copy cleans differently", filepath.Base(p), name)
			}
		}
		checkOffsets(t, orig)
	}
}

// TestSeedMeta checks title and date of the seed documents against gold.
func TestSeedMeta(t *testing.T) {
	dir := testutil.SharedDir(t)
	for _, p := range testutil.Seeds(t) {
		base := filepath.Base(p)
		gb, err := os.ReadFile(filepath.Join(dir, "gold", strings.TrimSuffix(base, ".txt")+".json"))
		if err != nil {
			continue
		}
		var gold struct {
			Meta struct {
				Title, Date *string
			} `json:"meta"`
		}
		if err := json.Unmarshal(gb, &gold); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		doc, err := Load(base, b, KindText, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if gold.Meta.Title != nil && doc.Meta.Title != *gold.Meta.Title {
			t.Errorf("%s: title %q, want %q", base, doc.Meta.Title, *gold.Meta.Title)
		}
		wantDate := ""
		if gold.Meta.Date != nil {
			wantDate = *gold.Meta.Date
		}
		if doc.Meta.Date != wantDate {
			t.Errorf("%s: date %q, want %q", base, doc.Meta.Date, wantDate)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(speech))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'a'})
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Add([]byte{0xD0, 0xAD, 0xD2, 0xE9})
	f.Add(append([]byte("协议引资204亿元，"), 0xFF))
	f.Add([]byte(`<meta charset="gb2312">协议引资204亿元`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decode(b, "")
		if !utf8.ValidString(d.text) {
			t.Fatalf("decode returned invalid UTF-8")
		}
		if n := strings.Count(d.text, "\uFFFD"); n != d.invalid {
			t.Fatalf("decode counts %d replacement characters, the text holds %d", d.invalid, n)
		}
		var de *DecodeError
		if errors.As(err, &de) && (de.Bad > de.Total || de.Bad < 0) {
			t.Fatalf("%v: %d bad of %d", err, de.Bad, de.Total)
		}
		if err != nil && d.text != "" && !errors.Is(err, ErrDamaged) {
			t.Fatalf("text returned with error %v", err)
		}
	})
}

func FuzzClean(f *testing.F) {
	f.Add(speech)
	f.Add("1、abc\n2、def\n3、ghi")
	f.Add("政 府 工 作 报 告\n（\n三）改革")
	f.Add("市長在會議上的講話。這是我們的目標，實際到位資金增長20%。")
	c := NewCleaner()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		clean, m, _ := c.Clean(s, Meta{})
		prev := 0
		for i := range clean {
			r := m.Raw(i)
			if r < prev || r > len(s) {
				t.Fatalf("Raw(%d) = %d (prev %d, raw len %d)", i, r, prev, len(s))
			}
			prev = r
		}
	})
}

// TestPaywallHints checks that every paywall pattern contains one of the
// words that let a line skip the regular expression.
func TestPaywallHints(t *testing.T) {
	for _, p := range dataLines(paywallData) {
		if !paywallHints.In(p) {
			t.Errorf("paywall pattern %q contains no hint word; add one to paywallHints", p)
		}
	}
}

// TestSourcesDeferLoading checks that Sources only reads: a binary file
// fails on Load, not while walking, and the sources load on any goroutine
// to the documents Walk gives.
func TestSourcesDeferLoading(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("同志们：今年协议引资120亿元以上，新签约项目50个。"))
	writeFile(t, dir, "b.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	writeFile(t, dir, "c.jsonl", []byte(`{"id":"x","content":"去年到位资金增长12%"}`+"\n"))
	writeFile(t, dir, "photo.jpg", []byte("\xFF\xD8\xFF\xE0"))
	writeFile(t, dir, ".out.jsonl.tmp1", []byte(`{"text":"hidden"}`))
	var skipped []string
	var srcs []Source
	for s, err := range Sources([]string{dir}, Options{IDColumn: "id", Skipped: func(p string) { skipped = append(skipped, filepath.Base(p)) }}) {
		if err != nil {
			t.Fatalf("Sources: %v", err)
		}
		srcs = append(srcs, s)
	}
	walked, _ := collect(t, []string{dir}, Options{IDColumn: "id"})
	if strings.Join(skipped, " ") != "photo.jpg" {
		t.Errorf("skipped = %q, want photo.jpg (hidden files are not walked)", skipped)
	}
	if len(srcs) != 3 || len(walked) != 2 {
		t.Fatalf("%d sources, %d walked documents", len(srcs), len(walked))
	}
	type result struct {
		doc Document
		err error
	}
	results := make([]result, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Go(func() {
			d, err := s.Load()
			results[i] = result{d, err}
		})
	}
	wg.Wait()
	if !errors.Is(results[1].err, ErrBinary) || results[1].doc.ID != "b.txt" {
		t.Errorf("b.txt: %v, %q", results[1].err, results[1].doc.ID)
	}
	for i, k := range []int{0, 2} {
		if results[k].err != nil || results[k].doc.Clean != walked[i].Clean || results[k].doc.ID != walked[i].ID || results[k].doc.Path != walked[i].Path {
			t.Errorf("source %d loads to %+v, %v; Walk gave %+v", k, results[k].doc, results[k].err, walked[i])
		}
	}
	if _, err := (Source{ID: "z"}).Load(); err == nil {
		t.Error("zero Source loads")
	}
}

func TestLineTests(t *testing.T) {
	prose := "全年完成固定资产投资1240亿元，增长12.5%，其中工业投资完成420亿元。"
	for _, c := range []struct {
		s                   string
		prose               bool
		seps, runs, paywall int
	}{
		{prose, true, 0, 39, -1},
		{"首页 > 新闻中心 > 正文", false, 2, 14, -1},
		{"关于我们｜联系我们｜网站地图 » 帮助 · 隐私 › 更多 ＞ 返回", false, 6, 34, -1},
		{"全年完成固定资产投资一千二百四十亿元增长百分之十二点五其中工业投资", false, 0, 33, -1},
		{"short, text; in ASCII: not prose at all, as it has no Han", false, 0, 57, -1},
		{"", false, 0, 0, -1},
		{"\xff\xfe|>", false, 2, 4, -1},
		{"完成投资12亿元。阅读全文需要登录，本文共3页", false, 0, 23, len("完成投资12亿元。")},
	} {
		st := statLine(c.s)
		if st.prose != c.prose || isProse(c.s) != c.prose {
			t.Errorf("statLine(%q).prose = %v, want %v", c.s, st.prose, c.prose)
		}
		if st.seps != c.seps {
			t.Errorf("statLine(%q).seps = %d, want %d", c.s, st.seps, c.seps)
		}
		if st.runes != c.runs {
			t.Errorf("statLine(%q).runes = %d, want %d", c.s, st.runes, c.runs)
		}
		if st.paywall != c.paywall || paywallHints.Index(c.s) != c.paywall {
			t.Errorf("statLine(%q).paywall = %d, want %d", c.s, st.paywall, c.paywall)
		}
	}
}

func TestHeadingLevel(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		{"一、2013年工作回顾", 1},
		{"第二部分 2014年工作安排", 1},
		{"第三，强化项目落地。", 1},
		{"（一）招商引资成效明显", 2},
		{"(二)项目建设加快推进", 2},
		{"1.强化考核", 3},
		{"12、优化营商环境", 3},
		{"2013年全市完成投资120亿元。", 0},
		{"3.5亿元", 0},
		{"同志们：", 0},
		{"“一、二、三”", 0},
		{"", 0},
	} {
		if got := headingLevel(c.line); got != c.want {
			t.Errorf("headingLevel(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// FuzzValidUTF8 checks scanUTF8 against utf8.Valid, and its counts of a
// valid text against countBytes.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"协议引资204亿元", "", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "\xc2\xa0a", "\xff", "a\x00\x1b[0m\t\n一\x01"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, counts := scanUTF8(b)
		if want := utf8.Valid(b); got != want {
			t.Errorf("scanUTF8(%q) = %v, want %v", b, got, want)
		}
		if want := countBytes(b); got && counts != want {
			t.Errorf("scanUTF8(%q) counts %+v, want %+v", b, counts, want)
		}
	})
}

// headingSpec is the grammar of section markers that headingLevel reads by
// hand: the first group is level 1 (一、), the second level 1 (第一部分),
// the third level 2 (（一）), the fourth level 3 (1.).
var headingSpec = regexp.MustCompile(`^(?:([一二三四五六七八九十]{1,3})[、.．]|第([一二三四五六七八九十]{1,3})(?:部分|章|节|篇)?[、，,：:\s]|[（(]([一二三四五六七八九十]{1,3})[）)]|([0-9]{1,2})[.．、](?:[^0-9]|$))`)

// FuzzHeadingLevel checks headingLevel against headingSpec.
func FuzzHeadingLevel(f *testing.F) {
	for _, s := range []string{"一、回顾", "第二部分 安排", "第三章", "第十二、", "第一部分、", "（一）招商", "(二)", "1.强化", "12、", "123.", "3.5亿元", "一二三四、", "第一\t", "１.", "七．"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := 0
		if m := headingSpec.FindStringSubmatch(line); m != nil {
			switch {
			case m[1] != "" || m[2] != "":
				want = 1
			case m[3] != "":
				want = 2
			default:
				want = 3
			}
		}
		if got := headingLevel(line); got != want {
			t.Errorf("headingLevel(%q) = %d, want %d", line, got, want)
		}
	})
}

// FuzzLineFast checks the normaliser's fast path against its rune-by-rune
// path (which a cut that cuts nothing selects): the same clean text and
// the same offset map, or no output at all from the fast path.
func FuzzLineFast(f *testing.F) {
	for _, s := range []string{
		"全市实现地区生产总值1240亿元，增长7.5%。",
		"招商引资 到位资金", "（一）稳增长", "２０２３年", "「放管服」", `"三个一批"`, "总投资(亿元)",
		"GDP:100", "a,b", "1,000", "\u200b隐", "\xe4\xb8", "政\u3000府", "第1页", "——", "增长15%,居全省", "(一)", "项目;\u200b招商",
		"政 府 工 作 报 告", "2023 年", "增长 15 %", "完成。 下一步", `他说 "好" 的`, "a , b", "招商 \u200b 引资", "项目 (一)", "\u3000\u3000各位代表：",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n") {
			return
		}
		slow := newBuilder(len(s), len(s), 16)
		(&normaliser{b: slow, raw: s}).line(0, len(s), [][2]int{{len(s), len(s)}})
		fast := newBuilder(len(s), len(s), 16)
		(&normaliser{b: fast, raw: s}).lineFast(0, len(s))
		if string(fast.buf) != string(slow.buf) || !slices.Equal(fast.anchors, slow.anchors) {
			t.Errorf("lineFast(%q) = %q %v; rune by rune %q %v", s, fast.buf, fast.anchors, slow.buf, slow.anchors)
		}
		// a line statLine finds written as it stands is copied: so the
		// cleaner writes it without reading it again
		if statLine(s).asIs {
			copied := newBuilder(len(s), len(s), 16)
			copied.copy(0, s)
			if string(fast.buf) != string(copied.buf) || !slices.Equal(fast.anchors, copied.anchors) {
				t.Errorf("lineFast(%q) = %q %v; the line as it stands %q %v", s, fast.buf, fast.anchors, copied.buf, copied.anchors)
			}
		}
	})
}

func TestPageNumberHint(t *testing.T) {
	for s, want := range map[string]bool{
		"第3页 共10页":      true,
		"共 12 页 第 3 页":  true,
		"上一页 下一页":       true,
		"凉山州网首页 > 凉山资讯": false,
		"页岩气产量增长15%":    false,
		"2023年第1页":      true,
		"第三页":           false,
		"引进项目12个，详见附件页": false,
		"全文共3页，此为第2\t页，继续阅读请登录": true,
	} {
		if got := pageNumberHint(s); got != want {
			t.Errorf("pageNumberHint(%q) = %v, want %v", s, got, want)
		}
		// the hint may only rule out lines the footer pattern finds nothing in
		if !pageNumberHint(s) && pageFooterRe.MatchString(s) {
			t.Errorf("pageNumberHint(%q) is false but pageFooterRe matches", s)
		}
	}
	// lines that are footers without 页, which classify tests by first byte
	for _, s := range []string{"- 3 -", "-12-", "[3]/10", "3 / 10"} {
		if pageNumberHint(s) || !pageFooterRe.MatchString(s) || chromeClass(s, false) != chromeLine {
			t.Errorf("%q: want a footer line without a page-number hint", s)
		}
	}
}

// FuzzInlineCuts checks that running the patterns only around their hints
// cuts what running them over the whole line does.
func FuzzInlineCuts(f *testing.F) {
	for _, s := range []string{
		"资金到位。第10页 共10页",
		"共 12 页 第 3 页",
		"上一页 下一页",
		"全面推进。剩余 5 页未读，继续阅读。阅读全文需要登录会员账号",
		"第3页",
		"- 3 -",
		"引进项目12个，详见附件页。全文共 12,345 字",
		"以上内容仅供参考，第2页，共3页。点击查看全文",
		"[3]/10",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want [][2]int
		if paywallHints.In(s) {
			for _, m := range loadPaywall().FindAllStringIndex(s, -1) {
				want = append(want, [2]int{m[0], m[1]})
			}
		}
		if pageNumberHint(s) {
			for _, m := range pageFooterRe.FindAllStringIndex(s, -1) {
				want = append(want, [2]int{m[0], m[1]})
			}
		}
		if got := inlineCuts(s); !slices.Equal(got, want) {
			t.Errorf("inlineCuts(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzCheckText holds checkText's byte count to a count of decoded runes
// on valid UTF-8, which is all it is given: more than one in ten bad
// (replacement or control characters) is no text, more replacement
// characters than MaxInvalid is damaged text.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"全年完成投资\uFFFD\uFFFD亿元", "a\x01\x02b\n\t", "", "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		bad, fffd, n := 0, 0, 0
		for _, r := range s {
			n++
			if r == utf8.RuneError {
				fffd++
			}
			if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
				bad++
			}
		}
		text, got, err := checkText(s, "utf-8")
		notText := n > 20 && bad*10 > n
		if want := notText || fffd > MaxInvalid(n); (err != nil) != want {
			t.Errorf("checkText(%q): error %v, want one: %v (%d bad of %d)", s, err, want, bad, n)
		}
		if notText {
			fffd = 0 // no text returned
		}
		if got != fffd || strings.Count(text, "\uFFFD") != got {
			t.Errorf("checkText(%q) counts %d replacement characters, want %d", s, got, fffd)
		}
	})
}

// TestTitleWords checks that every genre word a title ends with (titleEnds,
// the alternatives of titleSpec) holds one of titleWords, which findTitle
// tests before titleMatch.
func TestTitleWords(t *testing.T) {
	src := titleSpec.String()
	alts := src[strings.LastIndex(src, "(?:")+len("(?:") : len(src)-1]
	if !slices.Equal(strings.Split(alts, "|"), titleEnds) {
		t.Errorf("titleEnds %q differ from titleSpec's %q", titleEnds, alts)
	}
	for _, w := range titleEnds {
		if !titleWords.In(w) {
			t.Errorf("title end %q holds none of titleWords", w)
		}
	}
	for _, l := range []string{"在全市招商引资工作会议上的讲话", "2023年政府工作报告", "关于进一步加强招商引资工作的意见"} {
		if !titleWords.In(l[:min(len(l), titleReach)]) || titleMatch(l) == "" {
			t.Errorf("%q: want a title that titleWords and titleMatch both find", l)
		}
	}
}

// statLineByRune is statLine read one rune at a time, the reference
// FuzzStatLine holds its byte-level runs of ideographs and ASCII to.
func statLineByRune(s string) lineStats {
	st := lineStats{paywall: -1, asIs: true}
	punct := false
	for i, r := range s {
		st.runes++
		st.asIs = st.asIs && keptAsIs(r)
		if st.paywall < 0 && paywallHints.HasPrefix(s[i:], r) {
			st.paywall = i
		}
		if st.count(r) {
			punct = true
		}
	}
	st.prose = st.runes >= 25 && st.han*10 >= st.runes*6 && punct
	return st
}

// FuzzStatLine holds statLine, which reads runs of ideographs on their
// bytes, to a rune-by-rune reading.
func FuzzStatLine(f *testing.F) {
	for _, s := range []string{"全市地区生产总值增长5.5%，查看全文", "首页 | 新闻 | 政務公開", "", "\xe4\xb8", "一\xe4\xb8", "㐀一鿿。", "本文剩余内容", "統計"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := statLine(s), statLineByRune(s); got != want {
			t.Fatalf("statLine(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// FuzzCountBytes holds countBytes, which reads eight bytes at a time, to
// a byte-by-byte count.
func FuzzCountBytes(f *testing.F) {
	for _, s := range []string{"全年完成投资\uFFFD亿元", "a\x01\x02b\n\t\x1b[0m", "", "\x00", "12345678\x1f", "\x7f\x80\xc0\xbf\xff\x20\x1f\x00\x0c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want byteCounts
		for i := 0; i < len(s); i++ {
			b := s[i]
			if b&0xC0 == 0x80 {
				want.cont++
			}
			if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
				want.ctl++
				if b == 0 {
					want.nul++
				}
				if b == 0x1b {
					want.esc++
				}
			}
		}
		if got := countBytes(s); got != want {
			t.Fatalf("countBytes(%q) = %+v, want %+v", s, got, want)
		}
		if got := countBytes([]byte(s)); got != want {
			t.Fatalf("countBytes([]byte(%q)) = %+v, want %+v", s, got, want)
		}
	})
}

// sentenceBounds cuts text at sentence ends the way Split did rune by
// rune: 。！？；!?; with the closing quotes and brackets after them, and
// line ends, which also start a paragraph. It is FuzzSplit's reference.
func sentenceBounds(text string) (ends []int, paras []int) {
	para := 0
	for i, size := 0, 0; i < len(text); i += size {
		var r rune
		r, size = utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			ends, paras = append(ends, i), append(paras, para)
			para++
		case strings.ContainsRune("。！？；!?;", r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune("”’）)」", r2) {
					break
				}
				j += s2
			}
			ends, paras = append(ends, j), append(paras, para)
			size = j - i
		}
	}
	return append(ends, len(text)), append(paras, para)
}

// FuzzSplit holds Split's sentences, found with runs of ideographs
// skipped, to sentenceBounds: each sentence ends at one of its ends, in
// its paragraph, and no end falls inside a sentence.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"全年增长5%。下一步，我们要“抓项目”！\n二、主要任务\n（一）稳增长；促投资?", "", "\n\n", "a。", "\xe3。\xe3\x80", "说：“好。”然后", "1;2!3?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents, _ := Split(text)
		ends, paras := sentenceBounds(text)
		k := 0 // the next end
		for _, s := range sents {
			for k < len(ends) && ends[k] < s.End {
				if ends[k] > s.Start {
					t.Fatalf("Split(%q): sentence %+v goes past the end at %d", text, s, ends[k])
				}
				k++
			}
			if k == len(ends) || ends[k] != s.End || paras[k] != s.Paragraph {
				t.Fatalf("Split(%q): sentence %+v does not stop at an end (ends %v, paragraphs %v)", text, s, ends, paras)
			}
		}
	})
}

// TestSourcesMaxFileSize reads a file of exactly MaxFileSize bytes and
// reports one a byte longer as too large.
func TestSourcesMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("协议引资204亿元。", 100)
	for name, n := range map[string]int{"a_fits.txt": len(text), "b_over.txt": len(text) + 1} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text+strings.Repeat("a", n-len(text))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for src, err := range Sources([]string{dir}, Options{MaxFileSize: int64(len(text))}) {
		switch {
		case err != nil && errors.Is(err, ErrTooLarge):
			got = append(got, src.ID+": too large")
		case err != nil:
			t.Fatalf("%s: %v", src.ID, err)
		default:
			doc, err := src.Load()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s: %d bytes", src.ID, len(doc.Raw)))
		}
	}
	if want := fmt.Sprintf("a_fits.txt: %d bytes|b_over.txt: too large", len(text)); strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestShortTraditional converts a short text in traditional characters (a
// CSV cell, a caption) and leaves a short simplified one alone.
func TestShortTraditional(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"12個百分點", "12个百分点"},
		{"108億元", "108亿元"},
		{"兩成", "两成"},
		{"提高12个百分点", "提高12个百分点"},
		{"这是一个简单的句子", "这是一个简单的句子"},
	} {
		if got := FromText("t", tc.in, Meta{}, nil).Clean; got != tc.want {
			t.Errorf("FromText(%q).Clean = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTruncRunes holds truncRunes to a count of every rune: it keeps the
// first n runes, and cuts s exactly when s has more.
func FuzzTruncRunes(f *testing.F) {
	for _, s := range []string{"", "a", "协议引资", "\xe4\xb8", strings.Repeat("一", 200)} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, n uint8) {
		got := truncRunes(s, int(n))
		want := s
		for i, k := 0, 0; k < len(s); i++ {
			if i == int(n) {
				want = s[:k]
				break
			}
			_, size := utf8.DecodeRuneInString(s[k:])
			k += size
		}
		if got != want {
			t.Errorf("truncRunes(%q, %d) = %q, want %q", s, n, got, want)
		}
		if cut, more := len(got) < len(s), utf8.RuneCountInString(s) > int(n); cut != more {
			t.Errorf("truncRunes(%q, %d) cuts: %v; more runes than %d: %v", s, n, cut, n, more)
		}
	})
}

// titleSpec is the pattern titleMatch reads by hand.
var titleSpec = regexp.MustCompile(`^[^，。；,;！？!?]{2,70}?(?:的讲话|上的讲话|讲话稿|讲话|工作报告|报告|致辞|发言|的思考|的意见|的通知|的决定|工作总结|总结|规划纲要|实施方案|公报)`)

// FuzzTitleMatch holds titleMatch to titleSpec.
func FuzzTitleMatch(f *testing.F) {
	for _, s := range []string{"在全市招商引资大会上的讲话", "市长在会上的讲话稿", "2025年政府工作报告", "讲话", "一，在大会上的讲话", "关于做好工作的通知（全文）", "\xff\xfe的讲话", strings.Repeat("很", 69) + "的讲话", strings.Repeat("很", 71) + "的讲话"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := titleMatch(s), titleSpec.FindString(s); got != want {
			t.Errorf("titleMatch(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzSpacedLine holds spacedLine, which steps over runs of ideographs, to
// a count of every rune.
func FuzzSpacedLine(f *testing.F) {
	for _, s := range []string{"全 市 地 区 生 产 总 值", "全市 地区生产总值", "", "一", " 一 二\u200b 三 ", "㐀 㐁 㐂", "全\xe4 市"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c spacing
		for _, r := range s {
			if !isInvisible(r) {
				c.add(r)
			}
		}
		if got, want := spacedLine(s), c.spaced(); got != want {
			t.Fatalf("spacedLine(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzSplitAt holds SplitAt, given where the sentence marks stand, to
// Split.
func FuzzSplitAt(f *testing.F) {
	for _, s := range []string{"全市增长5%。其中：“工业增长6%！”\n二、今年目标；主要是?", "", "。", "\n\n", "一\xe3。", "（一）改革。\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var marks []int32
		for i, r := range s {
			if strings.ContainsRune(SentenceMarks, r) {
				marks = append(marks, int32(i))
			}
		}
		gotS, gotSec := SplitAt(s, marks)
		wantS, wantSec := Split(s)
		if !reflect.DeepEqual(gotS, wantS) || !reflect.DeepEqual(gotSec, wantSec) {
			t.Fatalf("SplitAt(%q) = %v, %v; want %v, %v", s, gotS, gotSec, wantS, wantSec)
		}
	})
}
