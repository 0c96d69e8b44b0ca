package extract

import (
	"testing"

	"github.com/policyfacts/policyfacts/corpus"
)

func TestReadMeta(t *testing.T) {
	type want struct {
		region, speaker string
		year            int
		from            string
	}
	tests := []struct {
		name, text string
		want       want
	}{
		{"work report with signature",
			"2025年青禾县人民政府工作报告\n——2025年1月16日在县第十七届人民代表大会第四次会议上\n县长 林志远\n各位代表：现在，我代表县人民政府向大会报告工作。",
			want{speaker: "林志远", year: 2025, from: "dateline"}},
		{"prefecture named often",
			"在全市招商引资工作会议上的讲话\n同志们：今年曲靖经济运行平稳。曲靖要抓住机遇，曲靖各县区要加油，麒麟区、宣威市、陆良县都要行动起来。",
			want{region: "曲靖市"}},
		{"speaker name and role in title",
			"张三副市长在全市投资促进工作会议上的讲话\n（2016年3月2日）\n同志们：今年是“十三五”开局之年，要抓好投资促进。",
			want{speaker: "张三", year: 2016, from: "dateline"}},
		{"role only",
			"省长在全省经济工作会议上的讲话\n2023年是全面贯彻党的二十大精神的开局之年。四川省上下要奋发有为，四川要走在前列，四川省委省政府高度重视。",
			want{region: "四川省", speaker: "省长", year: 2023, from: "text"}},
		{"redacted year",
			"在招商引资表彰大会上的讲话\n一、××年全市招商引资工作的基本情况\n去年以来，全市工作保持良好势头。",
			want{}},
		{"autonomous prefecture",
			"在全州投资促进工作会议上的讲话\n凉山要开放，凉山要发展，凉山州各县市要努力。西昌市、会理市要争先。",
			want{region: "凉山州"}},
		{"reviewed year plus one",
			"在全区经济工作会议上的讲话\n一、2023年工作回顾\n2023年全区经济平稳。\n二、今年的主要任务\n今年要确保增长6%。",
			want{year: 2024, from: "review"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := corpus.FromText("t", tc.text, corpus.Meta{}, nil)
			d := Read(doc, ReadOptions{})
			if want := DefaultGazetteer().Mentions(doc.Clean); len(d.Places) != len(want) {
				t.Errorf("Places = %d mentions, want %d", len(d.Places), len(want))
			}
			id := d.Identity
			got := want{id.Region.Name, id.Speaker, id.Year, id.YearFrom}
			if got != tc.want {
				t.Errorf("Read(%q).Identity = %+v, want %+v", tc.name, got, tc.want)
			}
		})
	}
}

func TestGazetteer(t *testing.T) {
	g := DefaultGazetteer()
	var got []string
	for _, m := range g.Mentions("昭通市和凉山彝族自治州，宜宾、毕节等地区；兴业发展") {
		got = append(got, m.Place.Region)
	}
	want := "昭通市 凉山州 宜宾市 毕节市"
	if s := join(got); s != want {
		t.Errorf("Mentions = %q, want %q", s, want)
	}
	for _, tc := range [][2]string{{"凉山彝族自治州", "凉山"}, {"西双版纳傣族自治州", "西双版纳"}, {"广西壮族自治区", "广西"}, {"昭通市", "昭通"}} {
		if s, _ := shortName(tc[0]); s != tc[1] {
			t.Errorf("shortName(%q) = %q, want %q", tc[0], s, tc[1])
		}
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestRedactedYear(t *testing.T) {
	for s, want := range map[string]bool{
		"一、××年全市招商引资工作":  true,
		"XXXX年政府工作报告":    true,
		"□□年完成投资":        true,
		"ＸＸ年引进项目":        true,
		"2023年全市":        false,
		"X年":             false,
		"× ×年":           false,
		"引进××亿元项目，当年投产":  false,
		"年初以来，××年目标已完成。": true,
		"": false,
	} {
		if got := redactedYear(s); got != want {
			t.Errorf("redactedYear(%q) = %v, want %v", s, got, want)
		}
	}
}
