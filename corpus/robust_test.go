package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := HTMLText(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
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
