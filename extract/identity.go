package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
	"github.com/policyfacts/policyfacts/internal/hanset"
)

// Identity is who and when a document is about: its title, delivery date,
// speaker, issuing body, region and working year. Empty or zero fields are
// unknown: a template with its years deleted has Year 0, a brief that names
// no place of its own has no Region.
type Identity struct {
	Title   string
	Date    string // YYYY-MM-DD: the dateline's date, else the page's
	Speaker string // a name if stated, else a role (市长)
	Issuer  string // the issuing body: 保定市人民政府, 国务院
	Region  Region
	// Year is the working year that 今年 and 去年 resolve against, and the
	// year of a report's targets; 0 when unknowable.
	Year int
	// YearFrom names the strongest evidence for Year: "targets" (the
	// 主要预期目标 paragraph or a tasks heading), "review" (the reviewed
	// year's heading, plus one), "dateline", "title", "text" (2022年是…,
	// 今年（2025年）) or "date" (a page date).
	YearFrom string
}

// Region is the administrative division a document is about.
type Region struct {
	Name   string     // as results print it: 山东省, 凉山州, 高阳县, 全国
	Code   string     // GB/T 2260 code valid in the document's year; NationalCode for 全国
	Level  AdminLevel // National, Province, Prefecture or County; 0 when Name is not in the tables
	Parent string     // the code of the division above; "" for a province or 全国
}

// National is the level of the whole country (region 全国).
const National AdminLevel = 4

var levelNames = [...]string{"", "province", "prefecture", "county", "national"}

// String spells the level as SCHEMA.md does (region_level); "" for 0.
func (l AdminLevel) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("AdminLevel(%d)", uint8(l))
}

// The identity's patterns: 2022年是…, 今年（2025年）, 我代表市人民政府….
var (
	yearIsRe        = regexp.MustCompile(`((?:19[4-9][0-9]|20[0-9][0-9]))年[，,]?是`)
	thisYearRe      = regexp.MustCompile(`(?:今年|本年度)[（(]((?:19[4-9][0-9]|20[0-9][0-9]))年?[）)]`)
	ownGovernmentRe = regexp.MustCompile(`代表(?:[\p{Han}]{0,8}?)(自治区|省|市|州|县|区|旗|盟)人民政府`)
)

// national words name the country's own bodies; in a title, dateline or
// issuer line they make the document national.
var nationalWords = []string{"国务院", "全国人民代表大会", "全国人大", "中华人民共和国", "全国政协", "中央经济工作会议"}

// headLines returns the lines of the document's head: up to the
// salutation (各位代表, 同志们) or the first heading, at most 12.
func headLines(text string) []string {
	var out []string
	for off := 0; off < len(text) && len(out) < 12; {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		l := trimSpace(text[off:end])
		off = end + 1
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "各位代表") || strings.HasPrefix(l, "同志们") || corpus.IsHeading(l) {
			break
		}
		out = append(out, l)
	}
	return out
}

// labelled returns the value of a "label：value" line, if l is one.
func labelled(l string, labels ...string) (string, bool) {
	for _, lb := range labels {
		if rest, ok := strings.CutPrefix(l, lb); ok {
			rest = strings.TrimLeft(rest, " \t")
			if r, size := hanset.DecodeRune(rest); r == '：' || r == ':' {
				return trimSpace(rest[size:]), true
			}
		}
	}
	return "", false
}

// sourceLine reports a reprint's label line that names another body (来源：
// 北京日报): its places are not the document's.
func sourceLine(l string) bool {
	_, ok := labelled(l, "来源", "文章来源", "来源URL", "URL", "原文链接", "发布时间", "发文时间", "责任编辑", "编辑")
	return ok
}

// identify reads the identity of a cleaned document.
func (r *reader) identify() {
	doc, id := r.doc, &r.d.Identity
	id.Title = doc.Meta.Title
	id.Date = doc.Meta.Date
	var lines []string
	for _, l := range r.head {
		if v, ok := labelled(l, "发文单位", "发文机关", "发布机构", "发布单位"); ok {
			id.Issuer = v
			continue
		}
		if !sourceLine(l) {
			lines = append(lines, l)
		}
	}
	if id.Issuer == "" {
		// the cleaner may drop a reprint's label lines as chrome
		for _, l := range headLines(doc.Raw[:min(len(doc.Raw), 2000)]) {
			if v, ok := labelled(l, "发文单位", "发文机关", "发布机构", "发布单位"); ok {
				id.Issuer = v
				break
			}
		}
	}
	dateKnown := doc.Meta.DateKind == "delivered"
	for _, l := range r.head {
		if d, ok := dateline(l); ok {
			id.Date, dateKnown = d, true
			break
		}
	}
	if !dateKnown {
		if d, ok := closingDate(r.d.Text); ok {
			id.Date, dateKnown = d, true
		}
	}
	r.dateline = dateKnown
	id.Speaker = docSpeaker(doc, r.head)
	id.Year, id.YearFrom = r.workingYear()
	id.Region = r.region(lines)
}

// region finds the region: the metadata's, else the place the title, the
// issuer or the dateline names as the speaking government, else the
// country for national bodies, else the place the text calls itself (全市,
// 我县 …) by its names' counts.
func (r *reader) region(lines []string) Region {
	id := &r.d.Identity
	if name := r.doc.Meta.Region; name != "" {
		if reg, ok := r.resolve(name); ok {
			return reg
		}
		return Region{Name: name}
	}
	sources := append([]string{id.Title, id.Issuer}, lines...)
	for i, s := range sources {
		if s == "" || len(s) > 400 {
			continue // a long line is prose, no title or dateline
		}
		if isNational(s) {
			return Region{Name: "全国", Code: NationalCode, Level: National}
		}
		if reg, ok := r.ownPlace(s, i < 2 || strings.Contains(s, "人民代表大会") || strings.Contains(s, "人民政府")); ok {
			return reg
		}
	}
	return r.selfNamed()
}

// isNational reports a line that names a national body and no local
// government before it.
func isNational(s string) bool { return nationalSet.In(s) }

// nationalSet finds nationalWords in one pass.
var nationalSet = hanset.NewWords(nationalWords...)

// governmentWords follow the name of the government that speaks: 山东省人民
// 政府, 济南市第十八届人民代表大会, 济南市政府工作报告, 山东省省长.
var governmentWords = []string{"人民政府", "政府", "人民代表大会", "人大", "第", "省长", "市长", "州长", "县长", "区长", "旗长", "盟长", "主席", "代省长", "代市长", "代县长", "委", "党委"}

// ownPlace returns the place a head line names as its own: the one that
// a government word follows, else the last of a chain of places written
// together (山东省济南市), else the first named with its level suffix.
//
// Former names (the area-code table's) are looked for where former is set
// (the title, the issuer, the dateline) and the gazetteer finds no full
// name.
func (r *reader) ownPlace(s string, former bool) (Region, bool) {
	ms := r.g.Mentions(s)
	var hist []histMention
	full := false
	for _, m := range ms {
		full = full || !m.Short
	}
	if !full && former {
		hist = r.historical(s) // a former name (苍山县, 襄樊市) the gazetteer does not know
	}
	if len(ms) == 0 && len(hist) == 0 {
		return Region{}, false
	}
	pick := -1
	for i, m := range ms {
		after := s[m.End:]
		for _, w := range governmentWords {
			if strings.HasPrefix(after, w) {
				pick = i
				break
			}
		}
		if pick >= 0 {
			// a chain: 山东省济南市人民政府 names the city
			for pick+1 < len(ms) && ms[pick+1].Start == ms[pick].End {
				pick++
			}
			break
		}
	}
	if pick < 0 {
		for i, m := range ms {
			if !m.Short {
				pick = i
				for pick+1 < len(ms) && ms[pick+1].Start == ms[pick].End {
					pick++
				}
				break
			}
		}
	}
	if pick < 0 && len(ms) > 0 && len(ms) <= 2 && utf8.RuneCountInString(s) <= 40 {
		pick = 0 // a short title naming a province or city without its suffix: 2025年新疆政府工作报告
	}
	if pick >= 0 {
		m := ms[pick]
		// a former name written in full beats a present short name
		for _, h := range hist {
			if h.start <= m.Start && h.end >= m.End && h.end-h.start > m.End-m.Start {
				return r.regionOf(h.row), true
			}
		}
		return r.placeRegion(m.Place), true
	}
	if len(hist) > 0 {
		return r.regionOf(hist[0].row), true
	}
	return Region{}, false
}

// histMention is a division's official name found in a line by the area
// code table, with the row valid in the document's year.
type histMention struct {
	start, end int
	row        AreaCode
}

// historical finds the official names of the area code table in a short
// head line that were valid in the working year (a former name such as
// 苍山县 in 2010, which the gazetteer of present names does not know).
func (r *reader) historical(s string) []histMention {
	if r.d.Identity.Year == 0 || r.d.Identity.Year > latestYear || len(s) > 300 {
		return nil
	}
	var out []histMention
	for i := 0; i < len(s); {
		best := histMention{start: -1}
		for j, n := i, 0; j < len(s) && n < 12; n++ {
			c, size := hanset.DecodeRune(s[j:])
			j += size
			if n < 1 || !divisionSuffix.Has(c) {
				continue // every name ends in its level: 省 市 县 区 州 旗 盟
			}
			if row, ok := r.ac.Lookup(s[i:j], r.d.Identity.Year, 0, ""); ok && row.Level != 0 {
				best = histMention{i, j, row}
			}
		}
		if best.start >= 0 {
			out = append(out, best)
			i = best.end
			continue
		}
		_, size := hanset.DecodeRune(s[i:])
		i += size
	}
	return out
}

// selfWords are the words a text calls its own area by, with the level
// and the suffix of the names they fit.
var selfWords = []struct {
	words  []string
	level  AdminLevel
	suffix string
}{
	{[]string{"全省", "我省", "本省"}, Province, "省"},
	{[]string{"全自治区", "全区", "我区", "本区"}, Province, "自治区"},
	{[]string{"全市", "我市", "本市"}, Prefecture, "市"},
	{[]string{"全市", "我市", "本市"}, County, "市"},
	{[]string{"全州", "我州", "本州"}, Prefecture, "州"},
	{[]string{"全盟", "我盟"}, Prefecture, "盟"},
	{[]string{"全地区", "我地区"}, Prefecture, "地区"},
	{[]string{"全县", "我县", "本县"}, County, "县"},
	{[]string{"全区", "我区", "本区"}, County, "区"},
	{[]string{"全旗", "我旗"}, County, "旗"},
}

// selfReach caps the text read for self words: the first 16 KB tell.
const selfReach = 16 << 10

// yearIs matches yearIsRe (2022年是…) in s, after a test for the words
// every match holds: most paragraphs hold none.
func yearIs(s string) []string {
	for off := 0; ; {
		k := hanset.IndexWord(s[off:], "是")
		if k < 0 {
			return nil
		}
		k += off
		if h := s[:k]; strings.HasSuffix(h, "年") || strings.HasSuffix(h, "年，") || strings.HasSuffix(h, "年,") {
			return yearIsRe.FindStringSubmatch(s)
		}
		off = k + len("是")
	}
}

// recentPrefix returns the first n bytes of s, cut at a rune boundary.
func recentPrefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// selfEnough is the count of one self word past which the text has told
// what it calls itself.
const selfEnough = 40

// divisionSuffix are the characters a division's official name ends in.
var divisionSuffix = hanset.New("省市县区州旗盟")

// selfPairs are the first two characters of the self words.
var selfPairs = func() *hanset.Pairs {
	p := new(hanset.Pairs)
	for _, sw := range selfWords {
		for _, w := range sw.words {
			p.AddWord(w)
		}
	}
	return p
}()

// selfCounts counts the self words of text, for each entry of selfWords,
// reading where their first two characters stand from src; 我市 and 本市
// count twice (全省第一 compares, 我市 is the speaker's own).
func selfCounts(text string, src pairSource) []int {
	counts := make([]int, len(selfWords))
	for i, most := 0, 0; most < selfEnough; {
		k, _, _ := src.next(text, i)
		if k < 0 {
			return counts
		}
		i = k
		for e, sw := range selfWords {
			for _, w := range sw.words {
				if strings.HasPrefix(text[i:], w) {
					n := 1
					if !strings.HasPrefix(w, "全") {
						n = 2
					}
					counts[e] += n
					most = max(most, counts[e])
				}
			}
		}
		i += len("全")
	}
	return counts
}

// selfNamed finds the region of a text without a head that names it: the
// place of the level the text calls itself by (全市, 我县 …) that it names
// most, at least twice and more than any other of that level. A text that
// calls itself nothing falls back to the province or prefecture it names
// most (and the prefectures of the counties it names).
func (r *reader) selfNamed() Region {
	text := r.d.Text
	selfCount := selfCounts(text[:len(recentPrefix(text, selfReach))], r.d.pairs(selfPairsHits, selfPairs))
	// 我代表市人民政府向大会报告工作 says the level outright
	if head := text[:min(len(text), 3000)]; hanset.IndexWord(head, "人民政府") >= 0 { // ownGovernmentRe needs it
		if m := ownGovernmentRe.FindStringSubmatch(head); m != nil {
			for i, sw := range selfWords {
				if sw.suffix == m[1] {
					selfCount[i] += 1000
				}
			}
		}
	}
	type vote struct {
		place Place
		n     float64
	}
	// the places named, each once with its count, in the order first named
	var named []vote
	at := map[string]int{}
	for _, m := range r.d.Places {
		if k, ok := at[m.Place.Code]; ok {
			named[k].n++
			continue
		}
		at[m.Place.Code] = len(named)
		named = append(named, vote{m.Place, 1})
	}
	tally := func(fits func(Place) bool, parentsToo bool) (vote, vote) {
		counts := map[string]*vote{}
		var order []string
		add := func(p Place, n float64) {
			v, ok := counts[p.Code]
			if !ok {
				v = &vote{place: p}
				counts[p.Code] = v
				order = append(order, p.Code)
			}
			v.n += n
		}
		for _, p := range named {
			if fits(p.place) {
				add(p.place, p.n)
			} else if parentsToo && p.place.Level == County {
				if par, ok := r.g.Parent(p.place); ok && fits(par) {
					add(par, 0.5) // once for each county named
				}
			}
		}
		var best, second vote
		for _, c := range order {
			v := *counts[c]
			if v.n > best.n {
				best, second = v, best
			} else if v.n > second.n {
				second = v
			}
		}
		return best, second
	}
	bestSelf := -1
	for i, n := range selfCount {
		if n > 0 && (bestSelf < 0 || n > selfCount[bestSelf]) {
			bestSelf = i
		}
	}
	if bestSelf >= 0 {
		// every reading of the self word with the top count: 全市 may be a
		// prefecture or a county-level city
		var top vote
		for i, sw := range selfWords {
			if selfCount[i] != selfCount[bestSelf] {
				continue
			}
			best, second := tally(func(p Place) bool {
				return p.Level == sw.level && strings.HasSuffix(p.Region, sw.suffix)
			}, sw.level == Prefecture)
			if best.n >= 2 && best.n > second.n && best.n > top.n {
				top = best
			}
		}
		if top.n > 0 {
			return r.placeRegion(top.place)
		}
	}
	best, second := tally(func(p Place) bool { return p.Level == Province || p.Level == Prefecture }, true)
	if best.n >= 3 && best.n > 1.5*second.n {
		return r.placeRegion(best.place)
	}
	return Region{}
}

// resolve returns the region of a name written in metadata.
func (r *reader) resolve(name string) (Region, bool) {
	if name == "全国" || name == "中国" {
		return Region{Name: "全国", Code: NationalCode, Level: National}, true
	}
	for _, m := range r.g.Mentions(name) {
		if m.Start == 0 && m.End == len(name) {
			return r.placeRegion(m.Place), true
		}
	}
	if row, ok := r.ac.Lookup(name, r.d.Identity.Year, 0, ""); ok {
		return r.regionOf(row), true
	}
	return Region{}, false
}

// placeRegion gives a gazetteer place its code in the working year: the
// present code when it was in use then under the same name, else the code
// the name had then.
func (r *reader) placeRegion(p Place) Region {
	y := r.d.Identity.Year
	code, parent := fullCode(p.Code), fullCode(p.Parent)
	if row, ok := r.ac.At(code, y); ok && row.Name == p.Name {
		return Region{Name: p.Region, Code: row.Code, Level: p.Level, Parent: row.Parent()}
	}
	if row, ok := r.ac.Lookup(p.Name, y, p.Level, parent); ok {
		return Region{Name: p.Region, Code: row.Code, Level: p.Level, Parent: row.Parent()}
	}
	if row, ok := r.ac.Lookup(p.Name, y, 0, ""); ok {
		// the name was another level's that year: 巢湖市 was a prefecture until 2011
		return r.regionOf(row)
	}
	if p.Level == County && len(p.Parent) == 4 && strings.HasSuffix(p.Parent, "90") {
		parent = fullCode(p.Parent[:2]) // 省直辖县级行政区划 is no division
	}
	return Region{Name: p.Region, Code: code, Level: p.Level, Parent: parent}
}

// fullCode pads a gazetteer code (37, 3701, 370102) to six digits.
func fullCode(c string) string {
	if c == "" || len(c) >= 6 {
		return c
	}
	return c + "000000"[:6-len(c)]
}

// regionOf gives a row of the area code table as a Region, named as
// results name places (凉山州, 苍山县).
func (r *reader) regionOf(row AreaCode) Region {
	if i, ok := r.g.byCode[strings.TrimSuffix(strings.TrimSuffix(row.Code, "00"), "00")]; ok && r.g.places[i].Name == row.Name {
		return Region{Name: r.g.places[i].Region, Code: row.Code, Level: row.Level, Parent: row.Parent()}
	}
	_, keep := shortName(row.Name)
	return Region{Name: keep, Code: row.Code, Level: row.Level, Parent: row.Parent()}
}

// workingYear weighs the evidence for the working year: the structure
// first (the reviewed year's heading plus one, the year of the targets
// paragraph or of a tasks heading: 3 each), then the dateline and the
// title (2 each), then an opening "2022年是…" or the years a review names
// when the text speaks of 今年 (1), then a page date (0.5). The first year
// a text names is no evidence: a report may open on last year.
func (r *reader) workingYear() (int, string) {
	doc, d := r.doc, r.d
	head := d.Text[:min(len(d.Text), 3000)]
	if redactedYear(doc.Meta.Title) || redactedYear(head) {
		return 0, ""
	}
	type evidence struct {
		weight, best float64
		from         string
	}
	votes := map[int]*evidence{}
	var order []int
	add := func(y int, w float64, from string) {
		if y == 0 {
			return
		}
		e, ok := votes[y]
		if !ok {
			e = &evidence{}
			votes[y] = e
			order = append(order, y)
		}
		e.weight += w
		if w > e.best {
			e.best, e.from = w, from
		}
	}
	review, targets := false, false
	for _, p := range d.Parts {
		switch {
		case p.Level > 1 && p.Role != RoleTargets:
			// a sub-section's year is the year of its matter, not the report's
		case p.Role == RoleReview && !review && p.Year != 0:
			// a year's review (2024年工作回顾) is the year before the
			// working year; a review of the year so far (a mid-year
			// meeting's 2019年招商引资工作开局良好) is weaker evidence
			w := 1.5
			if containsAny(p.Heading, []string{"回顾", "过去一年", "工作总结", "一年来"}) {
				w = 3
			}
			add(p.Year+1, w, "review")
			review = true
		case (p.Role == RoleTargets || p.Role == RoleTasks) && !targets:
			y := p.Year
			if p.Role == RoleTargets {
				if k := firstYear(d.Text[p.Start:min(p.End, p.Start+600)]); k != 0 {
					y = k
				}
			} else if y == 0 {
				// 三、明确目标…\n2019年，是新一届…
				if m := yearIs(d.Text[p.Start:min(p.End, p.Start+600)]); m != nil {
					y = atoiYear(m[1])
				}
			}
			if y != 0 {
				add(y, 3, "targets")
				targets = true
			}
		}
	}
	if r.dateline && len(d.Identity.Date) >= 4 {
		add(firstYear(d.Identity.Date[:4]+"年"), 2, "dateline")
	}
	add(firstYear(doc.Meta.Title), 2, "title")
	if strings.Contains(head, "年是") {
		if m := yearIs(head); m != nil {
			add(atoiYear(m[1]), 1, "text")
		}
	}
	if !review && !targets {
		latest := 0
		for _, p := range d.Parts {
			if p.Role == RoleReview {
				latest = max(latest, firstYear(d.Text[p.Start:min(p.End, p.Start+400)]))
			}
		}
		if latest > 0 && hanset.IndexWord(d.Text, "今年") >= 0 {
			add(latest+1, 1, "review")
		}
	}
	if h := recentPrefix(d.Text, 8000); hanset.IndexWord(h, "年（") >= 0 || hanset.IndexWord(h, "年(") >= 0 {
		if m := thisYearRe.FindStringSubmatch(h); m != nil {
			add(atoiYear(m[1]), 2, "text") // 今年（2025年）
		}
	}
	if !r.dateline && len(doc.Meta.Date) >= 4 {
		add(firstYear(doc.Meta.Date[:4]+"年"), 0.5, "date")
	}
	best := 0
	for _, y := range order {
		if best == 0 || votes[y].weight > votes[best].weight {
			best = y
		}
	}
	if best == 0 {
		return 0, ""
	}
	return best, votes[best].from
}
