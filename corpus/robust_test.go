package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestHTMLTextRobust holds the page text to what a reader sees: table
// cells apart, forms read, open controls closed by the next block.
func TestHTMLTextRobust(t *testing.T) {
	tests := []struct {
		name     string
		page     string
		want     []string // substrings of the text
		wantNot  []string // substrings it must not hold
		wantText string   // the whole text, when set
	}{
		{name: "cells", page: `<table><tr><td>2019</td><td>204亿元</td></tr><tr><td>88</td><td>10%</td></tr></table>`,
			wantText: "2019\t204亿元\n88\t10%\n"},
		{name: "header cells and spaces", page: "<table>\n<tr>\n <th>年份</th>\n <th>金额</th>\n</tr>\n<tr>\n <td>2019</td>\n <td>204亿元</td>\n</tr>\n</table>",
			want: []string{"年份\t金额\n", "2019\t204亿元"}, wantNot: []string{"2019204"}},
		{name: "blocks in cells", page: `<table><tr><td><p>2019</p></td><td><p>204亿元</p></td></tr></table>`,
			want: []string{"2019\n204亿元"}},
		{name: "form kept", page: `<body><form method="post" action="./a.aspx"><div>协议引资204亿元。</div><input type="hidden" value="x"></form></body>`,
			want: []string{"协议引资204亿元。"}},
		{name: "button closed", page: `<p>前文</p><button>搜索</button><p>协议引资204亿元。</p>`,
			want: []string{"前文", "协议引资204亿元。"}, wantNot: []string{"搜索"}},
		{name: "button left open", page: `<div><button type="submit">搜索<div>协议引资204亿元。</div><p>增长8%。</p></div>`,
			want: []string{"协议引资204亿元。", "增长8%。"}, wantNot: []string{"搜索"}},
		{name: "select left open", page: `<select><option>2019</option><option>2020</option><p>协议引资204亿元。</p>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"2019", "2020"}},
		{name: "source line break between digits", page: "<p>协议引资2019\n204亿元</p>",
			want: []string{"2019 204亿元"}},
		{name: "source line break between spans", page: "<p><span>2019</span>\n  <span>204亿元</span></p>",
			want: []string{"2019 204亿元"}},
		{name: "source line break in Chinese", page: "<p>今年全市新签约项目\n   89个，同比增长\n12.5%。</p>",
			want: []string{"今年全市新签约项目89个，同比增长12.5%。"}},
		{name: "nav still dropped", page: `<nav><a>首页</a></nav><p>协议引资204亿元。</p>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"首页"}},
		{name: "nav with blocks inside", page: `<div><nav><div><ul><li>首页<li>新闻</ul></div></nav><p>协议引资204亿元。</p></div>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"首页", "新闻"}},
		{name: "nav left open", page: `<body><div id="menu"><nav><a>首页</a></div><div><p>协议引资204亿元。</p></div></body>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"首页"}},
		{name: "aside left open", page: `<div class="main"><div><aside>相关链接</div><p>增长8%。</p></div><p>协议引资204亿元。</p>`,
			want: []string{"增长8%。", "协议引资204亿元。"}, wantNot: []string{"相关链接"}},
		{name: "title left open", page: `<html><head><title>在全市招商引资工作会议上的讲话</head><body><p>协议引资204亿元。</p></body></html>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"<p>", "</body>"}},
		{name: "textarea left open", page: `<p>留言：</p><textarea name="msg"><p>协议引资204亿元。</p>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"<p>"}},
		{name: "many titles left open", page: strings.Repeat("<title>协议引资204亿元", 5000), want: []string{"协议引资204亿元"}},
		{name: "script closed", page: `<script>document.write("<p>999亿元</p>")</script><p>协议引资204亿元。</p>`,
			want: []string{"协议引资204亿元。"}, wantNot: []string{"999"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, _, err := HTMLText(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("HTMLText took %s on %d bytes", d, len(tc.page))
			}
			if tc.wantText != "" && got != tc.wantText {
				t.Errorf("HTMLText(%q) = %q, want %q", tc.page, got, tc.wantText)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTMLText(%q) = %q, lacks %q", tc.page, got, w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("HTMLText(%q) = %q, holds %q", tc.page, got, w)
				}
			}
		})
	}
}

// TestLoadHTMLTable holds the clean text of a table page: no two cells'
// figures run together.
func TestLoadHTMLTable(t *testing.T) {
	page := `<html><body><form id="form1"><table><tr><td>2019</td><td>204亿元</td></tr><tr><td>88</td><td>10%</td></tr></table></form></body></html>`
	doc, err := Load("t.html", []byte(page), KindHTML, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"2019 204亿元", "88 10%"} {
		if !strings.Contains(doc.Clean, w) {
			t.Errorf("clean %q lacks %q", doc.Clean, w)
		}
	}
	for _, w := range []string{"2019204", "8810"} {
		if strings.Contains(doc.Clean, w) {
			t.Errorf("clean %q holds %q", doc.Clean, w)
		}
	}
}

// FuzzHTMLText feeds HTMLText arbitrary pages: it must not fail on any,
// keep valid UTF-8 valid, and never write a tab or a line break twice in
// a row.
func FuzzHTMLText(f *testing.F) {
	f.Add(`<table><tr><td>2019</td><td>204亿元</td></tr></table>`)
	f.Add(`<form><button>搜索<p>协议引资204亿元</p></form>`)
	f.Add("<p><span>2019</span>\n<span>204</span></p><select><option>1")
	f.Add(`<td><p>1</p></td><th>2</th><caption>x</caption>`)
	f.Add(`<div><nav><a>首页</a></div><title>t<script>x`)
	f.Add(`<textarea><p>协议引资204亿元</p><style>`)
	f.Fuzz(func(t *testing.T, page string) {
		got, _, err := HTMLText(strings.NewReader(page))
		if err != nil {
			t.Fatalf("HTMLText(%q): %v", page, err)
		}
		if utf8.ValidString(page) && !utf8.ValidString(got) {
			t.Fatalf("HTMLText(%q) = %q: invalid UTF-8", page, got)
		}
		if strings.Contains(got, "\n\n") || strings.Contains(got, "\t\t") || strings.Contains(got, "\n\t") {
			t.Fatalf("HTMLText(%q) = %q: an empty line or cell", page, got)
		}
	})
}

// damaged returns UTF-8 text b with a byte 0xFF, which no UTF-8 or GBK
// text holds, put before a character every step bytes or so, and the
// count put.
func damaged(b []byte, step int) ([]byte, int) {
	var out []byte
	n, last := 0, 0
	for i := step; i < len(b); i += step {
		for i < len(b) && !utf8.RuneStart(b[i]) {
			i++
		}
		if i >= len(b) {
			break
		}
		out = append(append(out, b[last:i]...), 0xFF)
		last = i
		n++
	}
	return append(out, b[last:]...), n
}

// TestDecodeDamagedAndDeclared decodes bytes with a few bad ones, bytes
// that are not in their declared encoding and UTF-16 without a BOM: each
// is read in its right encoding, the bad bytes are counted, and only text
// damaged past MaxInvalid is an error, which names the right encoding and
// counts no more bad characters than there are.
func TestDecodeDamagedAndDeclared(t *testing.T) {
	gbk := encodeWith(t, simplifiedchinese.GBK, speech)
	utf8Page := []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>` + speech + `</p></body></html>`)
	gbkPage := encodeWith(t, simplifiedchinese.GBK, `<html><head><meta charset="utf-8"></head><body><p>`+speech+`</p></body></html>`)
	oneBad := append([]byte("协议引资204亿元，"), 0xFF)
	oneBad = append(oneBad, speech...)
	cut := []byte("协议引资204亿元\xE4\xB8，新签约项目89个。" + speech) // 个 cut after two of its three bytes
	gbkBad := append(encodeWith(t, simplifiedchinese.GBK, "协议引资204亿元，"), 0xFF)
	gbkBad = append(gbkBad, gbk...)
	worse, worseN := damaged([]byte(speech), 40)
	tests := []struct {
		name     string
		in       []byte
		override string
		enc      string // encoding used
		declared string // declared or forced, and not used
		invalid  int
		damaged  bool
		has      string // a substring of the text
	}{
		{name: "utf-8, one bad byte", in: oneBad, enc: "utf-8", invalid: 1, has: "协议引资204亿元，\uFFFD"},
		{name: "utf-8, a character cut", in: cut, enc: "utf-8", invalid: 1, has: "新签约项目89个。"},
		{name: "utf-8 with a BOM, one bad byte", in: append([]byte{0xEF, 0xBB, 0xBF}, oneBad...), enc: "utf-8", invalid: 1, has: "协议引资204亿元"},
		{name: "gbk, one bad byte", in: gbkBad, enc: "gb18030", invalid: 1, has: "同志们"},
		{name: "utf-8, one byte in forty bad", in: worse, enc: "utf-8", invalid: worseN, damaged: true},
		{name: "utf-8 page declaring gb2312", in: utf8Page, enc: "utf-8", declared: "gb18030", has: speech},
		{name: "gbk page declaring utf-8", in: gbkPage, enc: "gb18030", declared: "utf-8", has: speech},
		{name: "gbk page declaring gbk", in: encodeWith(t, simplifiedchinese.GBK, `<meta charset="gbk">`+speech), enc: "gb18030", has: speech},
		{name: "utf-8 forced as gbk", in: []byte(speech), override: "gbk", enc: "utf-8", declared: "gb18030", has: speech},
		{name: "gbk forced as gbk", in: gbk, override: "gbk", enc: "gb18030", has: speech},
		{name: "gbk forced as big5", in: gbk, override: "big5", enc: "gb18030", declared: "big5", has: speech},
		{name: "gbk forced as utf-8", in: gbk, override: "utf-8", enc: "gb18030", declared: "utf-8", has: speech},
		{name: "utf-8 forced as utf-16le", in: []byte(speech), override: "utf-16le", enc: "utf-8", declared: "utf-16le", has: speech},
		{name: "utf-16le forced as utf-16le", in: encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), speech), override: "utf-16le", enc: "utf-16le", has: speech},
		{name: "utf-16le without BOM", in: encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), speech), enc: "utf-16le", has: speech},
		{name: "utf-16be without BOM", in: encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), speech), enc: "utf-16be", has: speech},
		{name: "utf-16le without BOM, Chinese only", in: encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "市长在全市招商引资工作会议上的讲话。今年要确保协议引资二百五十亿元以上，实际到位资金增长百分之二十。"), enc: "utf-16le", has: "协议引资二百五十亿元"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := decode(tc.in, tc.override)
			if d.enc != tc.enc || d.declared != tc.declared || d.invalid != tc.invalid {
				t.Errorf("decode = enc %q declared %q invalid %d, want %q %q %d (err %v)", d.enc, d.declared, d.invalid, tc.enc, tc.declared, tc.invalid, err)
			}
			if tc.damaged {
				var de *DecodeError
				if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) {
					t.Fatalf("err = %v, want a *DecodeError for damaged text", err)
				}
				if de.Encoding != tc.enc || de.Bad != tc.invalid || de.Bad > de.Total {
					t.Errorf("err = %v (%+v), want %d bad characters in %s", err, de, tc.invalid, tc.enc)
				}
				if d.text == "" {
					t.Errorf("damaged text not returned")
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(d.text, tc.has) {
				t.Errorf("text = %.80q…, lacks %q", d.text, tc.has)
			}
		})
	}
}

// TestDecodeErrorCounts checks that a text in no encoding is reported with
// no more bad characters than characters, under the encoding it comes
// closest to.
func TestDecodeErrorCounts(t *testing.T) {
	mostlyBad, _ := damaged([]byte(speech), 4)
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"junk", bytes.Repeat([]byte{0xFE, 0x80, 0xA1, 0xFF, 0x81, 0x30}, 40), ""},
		{"utf-8, one byte in four bad", mostlyBad, "utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode(tc.in, "")
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a *DecodeError", err)
			}
			if de.Bad > de.Total || de.Total == 0 {
				t.Errorf("err = %v: %d bad of %d", err, de.Bad, de.Total)
			}
			if tc.enc != "" && de.Encoding != tc.enc {
				t.Errorf("err = %v, want it to name %s", err, tc.enc)
			}
		})
	}
}

// TestLoadDamaged loads a document with one bad byte (read, counted, its
// figures kept) and one damaged past MaxInvalid (reported, with the text).
func TestLoadDamaged(t *testing.T) {
	b := []byte("全市协议引资204亿元，\xFF同比增长31.3%。" + speech)
	doc, err := Load("one.txt", b, KindText, Options{})
	if err != nil || doc.Invalid != 1 || !strings.Contains(doc.Clean, "协议引资204亿元") || !strings.Contains(doc.Clean, "同比增长31.3%") {
		t.Errorf("Load(one bad byte) = invalid %d, err %v, clean %.60q", doc.Invalid, err, doc.Clean)
	}
	bad, n := damaged([]byte(speech), 40)
	doc, err = Load("bad.txt", bad, KindText, Options{})
	if !errors.Is(err, ErrDamaged) || doc.Invalid != n || doc.Clean == "" {
		t.Errorf("Load(damaged) = invalid %d, err %v; want %d and ErrDamaged", doc.Invalid, err, n)
	}
	p := writeFile(t, t.TempDir(), "bad.txt", bad)
	for doc, err := range Walk([]string{p}, Options{}) {
		if !errors.Is(err, ErrDamaged) || doc.Invalid != n || doc.Clean == "" || doc.ID != "bad.txt" {
			t.Errorf("Walk(damaged) = %s, invalid %d, err %v; want the document and ErrDamaged", doc.ID, doc.Invalid, err)
		}
	}
}

// TestArchiveBadBytes reads CSV and JSONL archives with a bad byte in
// their first rows, and a row damaged past MaxInvalid: every row is read,
// the damaged one alone is reported.
func TestArchiveBadBytes(t *testing.T) {
	bad, _ := damaged([]byte(strings.NewReplacer("\n", "", `"`, "").Replace(speech)), 20)
	var csvText, jsonText bytes.Buffer
	csvText.WriteString("id,text\n")
	for i := range 50 {
		row := fmt.Sprintf("协议引资%d亿元，同比增长8%%。", i+1)
		switch i {
		case 0:
			row = "协议引资1亿元，\xFF同比增长8%。" // one bad byte, in the head
		case 30:
			row = string(bad)
		}
		fmt.Fprintf(&csvText, "r%d,\"%s\"\n", i+1, row)
		fmt.Fprintf(&jsonText, "{\"id\":\"r%d\",\"text\":\"%s\"}\n", i+1, row)
	}
	dir := t.TempDir()
	for _, name := range []string{"rows.csv", "rows.jsonl"} {
		t.Run(name, func(t *testing.T) {
			b := csvText.Bytes()
			if strings.HasSuffix(name, ".jsonl") {
				b = jsonText.Bytes()
			}
			p := writeFile(t, dir, name, b)
			docs, errs := collect(t, []string{p}, Options{IDColumn: "id"})
			if len(docs) != 49 || len(errs) != 1 {
				t.Fatalf("%d documents, errors %v; want 49 and one error", len(docs), errs)
			}
			if !errors.Is(errs[0], ErrDamaged) || !strings.Contains(errs[0].Error(), name+"#r31") {
				t.Errorf("error %v, want row r31 damaged", errs[0])
			}
			if d := docs[0]; d.ID != name+"#r1" || d.Invalid != 1 || !strings.Contains(d.Clean, "协议引资1亿元") {
				t.Errorf("first row = %s, invalid %d, clean %q", d.ID, d.Invalid, d.Clean)
			}
		})
	}
}

// TestCSVStrayQuoteAndLargeCell reads CSV archives with a stray quote and
// with a cell over the size limit: every other row is a document, and the
// error names the file and the line.
func TestCSVStrayQuoteAndLargeCell(t *testing.T) {
	rows := func(n int, row func(i int) string) []byte {
		var b strings.Builder
		b.WriteString("id,title,text\n")
		for i := range n {
			b.WriteString(row(i))
		}
		return []byte(b.String())
	}
	tests := []struct {
		name    string
		csv     []byte
		limit   int64
		docs    int
		errPart []string // each error holds one, in order
	}{
		{name: "stray quote, unquoted rows", csv: rows(1000, func(i int) string {
			if i == 5 {
				return fmt.Sprintf("%d,讲话,\"协议引资%d亿元\n", i, i)
			}
			return fmt.Sprintf("%d,讲话,协议引资%d亿元\n", i, i)
		}), docs: 1000, errPart: []string{"x.csv: line 7: corpus: a quote opens a field that is never closed"}},
		{name: "stray quote, quoted rows", csv: rows(1000, func(i int) string {
			if i == 5 {
				return fmt.Sprintf("%d,讲话,\"协议引资%d亿元\n", i, i)
			}
			return fmt.Sprintf("%d,讲话,\"协议引资%d亿元，增长8%%。\"\n", i, i)
		}), docs: 1000, errPart: []string{"x.csv: line 7:"}},
		{name: "cell over the limit", csv: rows(10, func(i int) string {
			if i == 4 {
				return fmt.Sprintf("%d,讲话,\"%s\"\n", i, strings.Repeat("协议引资204亿元。", 100))
			}
			return fmt.Sprintf("%d,讲话,协议引资%d亿元\n", i, i)
		}), limit: 1000, docs: 9, errPart: []string{"x.csv#5: line 6: corpus: record too large"}},
		{name: "cell over the limit among the first rows, no text column named", csv: bytes.Replace(rows(30, func(i int) string {
			if i == 0 {
				return fmt.Sprintf("%d,讲话,\"%s\"\n", i, strings.Repeat("协议引资204亿元。", 100))
			}
			return fmt.Sprintf("%d,讲话,协议引资%d亿元\n", i, i)
		}), []byte("text"), []byte("讲话全文"), 1), limit: 1000, docs: 29, errPart: []string{"x.csv#1: line 2: corpus: record too large"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "x.csv", tc.csv)
			var docs int
			var errs []error
			opts := Options{MaxFileSize: tc.limit}
			for src, err := range Sources([]string{p}, opts) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				if _, err := src.Load(); err != nil {
					t.Fatalf("%s: %v", src.ID, err)
				}
				docs++
			}
			if docs != tc.docs || len(errs) != len(tc.errPart) {
				t.Fatalf("%d documents, errors %v; want %d and %d", docs, errs, tc.docs, len(tc.errPart))
			}
			for i, e := range errs {
				var le *LineError
				if !strings.Contains(e.Error(), tc.errPart[i]) || !errors.As(e, &le) {
					t.Errorf("error %q, want a *LineError holding %q", e, tc.errPart[i])
				}
			}
		})
	}
}

// TestJSONLLongLine reads a JSONL archive with a line over the size limit
// and a line that is no JSON: each is reported by its line, the lines
// after them are read.
func TestJSONLLongLine(t *testing.T) {
	var b strings.Builder
	for i := range 10 {
		switch i {
		case 3:
			fmt.Fprintf(&b, "{\"text\":\"%s\"}\n", strings.Repeat("协议引资204亿元。", 2000)) // 46 KB
		case 6:
			b.WriteString("{not json\n\n") // and an empty line
		default:
			fmt.Fprintf(&b, "{\"text\":\"协议引资%d亿元\"}\n", i)
		}
	}
	p := writeFile(t, t.TempDir(), "x.jsonl", []byte(b.String()))
	var ids, errs []string
	for src, err := range Sources([]string{p}, Options{MaxFileSize: 4096}) {
		if err != nil {
			errs = append(errs, strings.TrimPrefix(err.Error(), p))
			continue
		}
		ids = append(ids, src.ID)
	}
	if want := "x.jsonl#1 x.jsonl#2 x.jsonl#3 x.jsonl#5 x.jsonl#6 x.jsonl#8 x.jsonl#9 x.jsonl#10"; strings.Join(ids, " ") != want {
		t.Errorf("ids %v, want %s", ids, want)
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0], "#4: line 4: corpus: record too large") || !strings.HasPrefix(errs[1], "#7: line 7: ") {
		t.Errorf("errors %q, want line 4 too large and line 7 no JSON", errs)
	}
}

// TestFigureAboveTitle keeps a sentence with a figure that stands above
// the title, and still drops the site's chrome there.
func TestFigureAboveTitle(t *testing.T) {
	body := "同志们：\n今年以来，全市上下认真贯彻落实市委市政府决策部署，招商引资工作取得了明显成效，新签约项目89个，同比增长12.5%。\n"
	tests := []struct {
		name    string
		raw     string
		want    []string
		wantNot []string
		title   string
	}{
		{name: "figure sentence", raw: "全市上半年到位资金204亿元。\n在全市招商引资工作会议上的讲话\n" + body,
			want: []string{"全市上半年到位资金204亿元。", "新签约项目89个"}, title: "在全市招商引资工作会议上的讲话"},
		{name: "site name and menu", raw: "某某市人民政府\n首页 > 领导讲话 > 正文\n在全市招商引资工作会议上的讲话\n" + body,
			want: []string{"新签约项目89个"}, wantNot: []string{"某某市人民政府", "首页"}, title: "在全市招商引资工作会议上的讲话"},
		{name: "an amount with no sentence end", raw: "全市上半年到位资金204亿元\n在全市招商引资工作会议上的讲话\n" + body,
			want: []string{"全市上半年到位资金204亿元"}, title: "在全市招商引资工作会议上的讲话"},
		{name: "an issue number", raw: "2024年第3期\n在全市招商引资工作会议上的讲话\n" + body,
			wantNot: []string{"第3期"}, title: "在全市招商引资工作会议上的讲话"},
		{name: "a page count and views", raw: "共3页 浏览次数：1234次\n在全市招商引资工作会议上的讲话\n" + body,
			wantNot: []string{"共3页", "1234"}, title: "在全市招商引资工作会议上的讲话"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clean, _, meta := NewCleaner().Clean(tc.raw, Meta{})
			if meta.Title != tc.title {
				t.Errorf("title %q, want %q", meta.Title, tc.title)
			}
			for _, w := range tc.want {
				if !strings.Contains(clean, w) {
					t.Errorf("clean %q lacks %q", clean, w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(clean, w) {
					t.Errorf("clean %q holds %q", clean, w)
				}
			}
		})
	}
}

// TestSourceMessages checks what errors say: a file name with a line
// break quoted, a zip inside a zip named, an encrypted archive said to
// be encrypted.
func TestSourceMessages(t *testing.T) {
	zipOf := func(flags uint16, entries ...string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, name := range entries {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Flags: flags})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("协议引资204亿元。"))
		}
		zw.Close()
		return b.Bytes()
	}
	encrypted := zipOf(1, "a.txt")
	tests := []struct {
		name    string
		file    string
		content []byte
		is      error
		msg     string // the message, after the directory
	}{
		{name: "line break in the name", file: "a\nb.txt", content: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), is: ErrBinary, msg: `a\nb.txt"`},
		{name: "zip inside a zip", file: "outer.zip", content: zipOf(0, "inner.zip", "ok.txt"), is: ErrNestedArchive, msg: "outer.zip#inner.zip: corpus: a zip archive inside a zip archive"},
		{name: "encrypted entry", file: "enc.zip", content: encrypted, is: ErrEncrypted, msg: "enc.zip#a.txt: corpus: encrypted"},
		{name: "encrypted archive, directory unreadable", file: "enc2.zip", content: encrypted[:len(encrypted)-30], is: ErrEncrypted, msg: "enc2.zip: corpus: encrypted, not read: an encrypted zip archive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, tc.file, tc.content)
			_, errs := collect(t, []string{p}, Options{})
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			msg := errs[0].Error()
			if !errors.Is(errs[0], tc.is) || !strings.Contains(msg, tc.msg) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want %v, holding %q, on one line", msg, tc.is, tc.msg)
			}
		})
	}
}

// TestTooLargeNotRead reports a file over the size limit without reading
// it: a sparse file of 1 GiB costs no 256 MiB buffer.
func TestTooLargeNotRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		f.Close()
		t.Skipf("no sparse file: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var errs []error
	for _, err := range Sources([]string{p}, Options{}) {
		errs = append(errs, err)
	}
	runtime.ReadMemStats(&after)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("errors %v, want ErrTooLarge", errs)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("rejecting a file of 1 GiB allocated %d bytes", alloc)
	}
}

// repeatReader yields s over and over, n bytes in all.
type repeatReader struct {
	s   string
	off int
	n   int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n)]
	for k := 0; k < len(p); {
		c := copy(p[k:], r.s[r.off:])
		r.off = (r.off + c) % len(r.s)
		k += c
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// TestLargeCellBoundedMemory streams a CSV with a cell of 64 MB and a
// JSONL with a line of 64 MB through a limit of 1 MB: each is reported,
// the rows after it read, and reading allocates a small part of it.
func TestLargeCellBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 128 MB")
	}
	const big = 64 << 20
	for _, tc := range []struct{ name, head, tail string }{
		{"csv", "id,text\n1,协议引资1亿元\n2,\"", "\"\n3,协议引资3亿元\n"},
		{"jsonl", "{\"id\":\"1\",\"text\":\"协议引资1亿元\"}\n{\"id\":\"2\",\"text\":\"", "\"}\n{\"id\":\"3\",\"text\":\"协议引资3亿元\"}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := io.MultiReader(strings.NewReader(tc.head), &repeatReader{s: "协议引资204亿元，", n: big}, strings.NewReader(tc.tail))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var ids []string
			var errs []error
			for src, err := range Sources([]string{"-"}, Options{Stdin: in, MaxFileSize: 1 << 20, IDColumn: "id"}) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				ids = append(ids, src.ID)
			}
			runtime.ReadMemStats(&after)
			if strings.Join(ids, " ") != "stdin#1 stdin#3" || len(errs) != 1 || !errors.Is(errs[0], ErrRecordTooLarge) {
				t.Fatalf("ids %v, errors %v; want rows 1 and 3 and row 2 too large", ids, errs)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("reading a %d MB cell through a 1 MB limit allocated %d MB", big>>20, alloc>>20)
			}
		})
	}
}

// jsonlLines is a reader of n JSON lines made as they are read, line 7 of
// them broken: a stream longer than any buffer, never held whole.
type jsonlLines struct {
	n, i int
	buf  []byte
}

func (r *jsonlLines) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		r.i++
		if r.i == 7 {
			r.buf = []byte("{broken\n")
			continue
		}
		r.buf = fmt.Appendf(nil, `{"id":"r%d","text":"第%d份报告：全年协议引资%d亿元。"}`+"\n", r.i, r.i, r.i%500+1)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestStdinStreamBounded reads 100,000 JSON lines from standard input:
// every row comes, in order, the broken line is reported with its line
// number and skipped, and the heap stays small however long the stream.
func TestStdinStreamBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 rows")
	}
	const n = 100_000
	var peak uint64
	var ms runtime.MemStats
	rows, bad := 0, 0
	for s, err := range Sources([]string{"-"}, Options{Stdin: &jsonlLines{n: n}}) {
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) || le.Line != 7 {
				t.Fatalf("error %v, want line 7", err)
			}
			bad++
			continue
		}
		rows++
		if want := fmt.Sprintf("stdin#%d", rows+bad); s.ID != want {
			t.Fatalf("row %d: id %s, want %s", rows, s.ID, want)
		}
		if rows%10_000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if rows != n-1 || bad != 1 {
		t.Errorf("%d rows and %d errors, want %d and 1", rows, bad, n-1)
	}
	if peak > 64<<20 {
		t.Errorf("heap in use reached %d MB over the stream", peak>>20)
	}
	t.Logf("%d rows, heap in use at most %.1f MB", rows, float64(peak)/(1<<20))
}

// TestUniqueIDs gives every document of a walk its own id: the first of a
// base name keeps it, a later one takes its path (the same file named
// twice too); the documents loaded carry the ids their sources do.
func TestUniqueIDs(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"site1", "site2"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, sub), "report.txt", []byte("协议引资204亿元。"))
	}
	one := filepath.Join(dir, "site1", "report.txt")
	var ids []string
	for s, err := range Sources([]string{dir, one}, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Load()
		if err != nil || d.ID != s.ID {
			t.Fatalf("%s loads as %s: %v", s.ID, d.ID, err)
		}
		ids = append(ids, s.ID)
	}
	if len(ids) != 3 || ids[0] != "report.txt" || !strings.HasSuffix(ids[1], "site2/report.txt") || !strings.HasSuffix(ids[2], "site1/report.txt") {
		t.Errorf("ids %q", ids)
	}
}
