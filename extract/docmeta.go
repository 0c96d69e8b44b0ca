package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policyfacts/policyfacts/corpus"
)

// DocMeta is what a text says about itself beyond title and date: the area
// it is about, who speaks, and the working year its relative years
// (今年, 去年) resolve against. Empty or zero fields are unknown.
type DocMeta struct {
	Region  string // with its level suffix: 昭通市, 凉山州
	Speaker string // a name if stated, else a role (市长)
	Year    int    // the working year; 0 when unknowable (e.g. redacted as ××年)
	// YearFrom says how Year was found: "title", "text" (今年是… / 2022年是…),
	// "date" (the delivery date), "review" (the latest reviewed year + 1).
	YearFrom string
	// Places are the gazetteer's Mentions of the clean text, when finding
	// the region needed them (nil otherwise): pass them on in
	// FactOptions.Places to spare a second scan.
	Places []Mention
}

var (
	yearRe       = regexp.MustCompile(`(?:19[4-9][0-9]|20[0-9][0-9])年`)
	yearIsRe     = regexp.MustCompile(`((?:19[4-9][0-9]|20[0-9][0-9]))年是`)
	roleRe       = regexp.MustCompile(`(副?(?:省长|市长|州长|县长|区长|旗长|盟长|主席|书记|主任|局长|秘书长|镇长|乡长|委员|部长|厅长))`)
	titleSpeaker = regexp.MustCompile(`^([^在于]{0,20}?)(?:同志)?(?:在|于)`)
	bylineRe     = regexp.MustCompile(`^([\p{Han}]{2,4}(?:[ 、，][\p{Han}]{2,4})*)\s*/\s*文$`)
	roleLineRe   = regexp.MustCompile(`^副?(?:省长|市长|州长|县长|区长|主席)$`)
	signRe       = regexp.MustCompile(`^(?:副?(?:省长|市长|州长|县长|区长|主席))\s*([\p{Han}]{2,3})$`)
)

// InferDocMeta infers region, speaker and working year of a cleaned
// document with the gazetteer g (nil: the embedded one).
func InferDocMeta(doc corpus.Document, g *Gazetteer) DocMeta {
	if g == nil {
		g = DefaultGazetteer()
	}
	var m DocMeta
	m.Year, m.YearFrom = docYear(doc)
	m.Speaker = docSpeaker(doc)
	m.Region = doc.Meta.Region
	if m.Region == "" {
		m.Places = g.Mentions(doc.Clean)
		m.Region = docRegion(doc, g, m.Places)
	}
	return m
}

func atoiYear(s string) int {
	y, _ := strconv.Atoi(strings.TrimSuffix(s, "年"))
	return y
}

// redactedYear reports a year whose digits a template replaced by marks:
// ××年, XXXX年, □□年 (two marks at least before 年).
func redactedYear(s string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], "年")
		if k < 0 {
			return false
		}
		k += off
		marks := 0
		for j := k; j > 0 && marks < 2; marks++ {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !strings.ContainsRune(redactionMarks, r) {
				break
			}
			j -= size
		}
		if marks == 2 {
			return true
		}
		off = k + len("年")
	}
}

// redactionMarks are the marks a template writes for a deleted figure
// (××亿元, X%) or the digits of a year (××年).
const redactionMarks = "×xX＊*□○Ｘｘ"

func docYear(doc corpus.Document) (int, string) {
	head := doc.Clean[:min(len(doc.Clean), 3000)]
	if redactedYear(doc.Meta.Title) || redactedYear(head) {
		return 0, ""
	}
	if y := yearRe.FindString(doc.Meta.Title); y != "" {
		return atoiYear(y), "title"
	}
	if strings.Contains(head, "年是") {
		if m := yearIsRe.FindStringSubmatch(head); m != nil {
			return atoiYear(m[1]), "text"
		}
	}
	if doc.Meta.DateKind == "delivered" && len(doc.Meta.Date) >= 4 {
		return atoiYear(doc.Meta.Date[:4]), "date"
	}
	// the latest year a review section names, plus one, when the text
	// speaks of 今年
	if strings.Contains(doc.Clean, "今年") {
		latest := 0
		for _, s := range corpus.Sections(doc.Clean) {
			if s.Kind != corpus.SectionReview {
				continue
			}
			for _, y := range yearRe.FindAllString(doc.Clean[s.Start:min(s.End, s.Start+400)], -1) {
				latest = max(latest, atoiYear(y))
			}
		}
		if latest > 0 {
			return latest + 1, "review"
		}
	}
	return 0, ""
}

func docSpeaker(doc corpus.Document) string {
	if m := titleSpeaker.FindStringSubmatch(doc.Meta.Title); m != nil && m[1] != "" {
		who := m[1]
		if loc := roleRe.FindStringIndex(who); loc != nil {
			name := who[:loc[0]]
			if n := len([]rune(name)); n >= 2 && n <= 3 && !strings.ContainsAny(name, "市县州省区") {
				return name
			}
			return who[loc[0]:loc[1]]
		}
	}
	lines := strings.Split(doc.Clean, "\n")
	// authors split over two lines (刘广仁 / 李小刚/文)
	for i := len(lines) - 1; i >= max(1, len(lines)-4); i-- {
		if strings.HasSuffix(lines[i], "/文") {
			last := strings.TrimSuffix(lines[i], "/文")
			prev := strings.TrimSpace(lines[i-1])
			if isName(last) && isName(prev) {
				return prev + "、" + last
			}
			if isName(last) {
				return last
			}
		}
	}
	for _, l := range append(lines[:min(len(lines), 6)], lines[max(0, len(lines)-4):]...) {
		l = strings.TrimSpace(l)
		if m := signRe.FindStringSubmatch(l); m != nil {
			return m[1]
		}
		if roleLineRe.MatchString(l) {
			for i, x := range lines[:min(len(lines)-1, 6)] {
				if strings.TrimSpace(x) == l && isName(strings.TrimSpace(lines[i+1])) {
					return strings.TrimSpace(lines[i+1])
				}
			}
		}
		if m := bylineRe.FindStringSubmatch(l); m != nil {
			return strings.Join(strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == '、' || r == '，' }), "、")
		}
	}
	if m := roleRe.FindString(doc.Meta.Title); m != "" {
		return m
	}
	return ""
}

func isName(s string) bool {
	n := 0
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}

// docRegion votes for the area a text is about: names in the title weigh
// most, then prefecture and province names in the text, then the distinct
// counties it names (each a vote for its prefecture).
func docRegion(doc corpus.Document, g *Gazetteer, places []Mention) string {
	type vote struct {
		place Place
		score float64
	}
	votes := map[string]*vote{}
	add := func(p Place, s float64) {
		v, ok := votes[p.Code]
		if !ok {
			v = &vote{place: p}
			votes[p.Code] = v
		}
		v.score += s
	}
	for _, mt := range g.Mentions(doc.Meta.Title) {
		add(mt.Place, 10)
	}
	seenCounty := map[string]bool{}
	for _, mt := range places {
		switch mt.Place.Level {
		case Province, Prefecture:
			add(mt.Place, 2)
		case County:
			if !seenCounty[mt.Place.Code] {
				seenCounty[mt.Place.Code] = true
				if par, ok := g.Parent(mt.Place); ok {
					add(par, 1.5)
				}
				add(mt.Place, 1)
			}
		}
	}
	countyDoc := strings.Contains(doc.Meta.Title, "县") || strings.Contains(doc.Clean[:min(len(doc.Clean), 2000)], "全县")
	var best *vote
	for _, v := range votes {
		if v.place.Level == County && !countyDoc {
			continue
		}
		if best == nil || v.score > best.score || v.score == best.score && v.place.Code < best.place.Code {
			best = v
		}
	}
	if best == nil || best.score < 4 {
		return ""
	}
	return best.place.Region
}
