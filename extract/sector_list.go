package extract

import (
	"strings"

	"github.com/policyfacts/policyfacts/internal/hanset"
)

// listHeads are the nouns that close a coordinated list of sectors, after
// 等 or a count (A、B和C等产业, A、B、C 3个产业集群), longest first. A member
// inherits 产业 or 行业 (食品、纺织等产业 → 食品产业); with the others it is
// named bare. Lists closed by 企业 are left out: they name firms more often
// than trades (远景、明阳等龙头企业).
var listHeads = []struct {
	head, inherit string
	ye            int // the offset of 业 in head
}{
	{"产业集群", "产业", 3}, {"产业", "产业", 3}, {"行业", "行业", 3}, {"服务业", "", 6}, {"制造业", "", 6},
}

// listMaxModifier is how many runes may stand between 等 and the head:
// 等生活性服务业, 等多个辅助产业, 等土小企业.
const listMaxModifier = 5

// listClauseMarks end the clause a list is read back to.
const listClauseMarks = "，。；：！？“”（）《》,;:!?()\n "

// sectorList is one member of a coordinated list of sectors.
type sectorList struct {
	name       string
	start, end int // the member's span in the text
}

// sectorLists returns the members of the coordinated lists of sectors in
// text: 、-lists (the last pair maybe joined by 和/及/与) closed by 等 or
// by a count, then up to listMaxModifier runes, then one of listHeads. The
// scan goes from head to head (each holds 业; yeAt are the offsets of 业 in
// text), then back to the closer.
func sectorLists(text string, yeAt []int) []sectorList {
	var out []sectorList
	lastCloser := -1
	for _, ye := range yeAt {
		if ye < len("产") {
			continue
		}
		if r, _ := hanset.DecodeLastRune(text[:ye]); r != '产' && r != '行' && r != '务' && r != '造' {
			continue // 就业, 企业, 农业: no head of a list
		}
		hs, inherit := -1, ""
		for _, h := range listHeads {
			at := ye - h.ye
			if at >= 0 && strings.HasPrefix(text[at:], h.head) {
				hs, inherit = at, h.inherit
				break
			}
		}
		if hs < 0 {
			continue
		}
		// back over the modifier to 等 or a count
		for p, n := hs, 0; p > 0 && n <= listMaxModifier; n++ {
			r, size := hanset.DecodeLastRune(text[:p])
			if r == '等' {
				if p-size != lastCloser {
					lastCloser = p - size
					out = append(out, listMembers(text, p-size, inherit, false)...)
				}
				break
			}
			if r == '个' || r == '大' {
				start := p - size
				for start > 0 {
					q, qsize := hanset.DecodeLastRune(text[:start])
					if !(q >= '0' && q <= '9') && !isNumeralRune(q) {
						break
					}
					start -= qsize
				}
				if start < p-size && start != lastCloser {
					lastCloser = start
					out = append(out, listMembers(text, start, inherit, true)...)
					break
				}
			}
			if !isHanRune(r) || r == '的' || r == '和' || r == '与' || r == '及' {
				break
			}
			p -= size
		}
	}
	return out
}

// listMembers reads the members of the list that ends at end, back to the
// start of its clause. A count closes only a list of two or more.
func listMembers(text string, end int, inherit string, counted bool) []sectorList {
	start := end
	for start > 0 {
		r, size := hanset.DecodeLastRune(text[:start])
		if strings.ContainsRune(listClauseMarks, r) || end-start > 120 {
			break
		}
		start -= size
	}
	var parts [][2]int
	for i := start; i <= end; {
		k := strings.Index(text[i:end], "、")
		if k < 0 {
			parts = append(parts, [2]int{i, end})
			break
		}
		parts = append(parts, [2]int{i, i + k})
		i += k + len("、")
	}
	// the last pair may be joined by 和/及/与: A、B和C
	if last := parts[len(parts)-1]; len(parts) > 1 {
		for _, conj := range []string{"和", "及", "与"} {
			if k := strings.LastIndex(text[last[0]:last[1]], conj); k > 0 {
				parts = append(parts[:len(parts)-1], [2]int{last[0], last[0] + k}, [2]int{last[0] + k + len(conj), last[1]})
				break
			}
		}
	}
	// the first member begins after the clause's verbs: 推进水利 → 水利
	first := text[parts[0][0]:parts[0][1]]
	if e := sectorVerbs.LastEnd(first); e > 0 {
		parts[0][0] += e
	}
	for parts[0][0] < parts[0][1] {
		r, size := hanset.DecodeRune(text[parts[0][0]:])
		if !strings.ContainsRune("及其并或与和且", r) {
			break
		}
		parts[0][0] += size // 及科技: a conjunction before the list
	}
	if counted && len(parts) < 2 {
		return nil
	}
	var out []sectorList
	for _, p := range parts {
		m := text[p[0]:p[1]]
		if !listMember(m) {
			if len(out) == 0 && p == parts[0] {
				continue // a first member with words before it
			}
			return out
		}
		name := m
		if inherit != "" && !strings.HasSuffix(m, "业") {
			name = m + inherit
		}
		out = append(out, sectorList{name: name, start: p[0], end: p[1]})
	}
	return out
}

// listMember reports a plausible member of a list of sectors: two to ten
// Han characters, not a verb phrase or a look-alike (优势, 重点).
func listMember(m string) bool {
	n := 0
	for _, r := range m {
		if !isHanRune(r) || strings.ContainsRune("的了是在对把被为", r) {
			return false
		}
		n++
	}
	if n < 2 || n > 10 || sectorNoise.In(m) || sectorVerbs.LastEnd(m) > 0 || firmSuffix(m) {
		return false
	}
	if m == "产业" || m == "行业" || strings.HasSuffix(m, "区") {
		return false // a head alone; a place (高新区)
	}
	return !sectorStopSet()[m]
}

// firmSuffix reports the name of a firm: 昆钢控股有限公司, 国美电器集团.
func firmSuffix(m string) bool {
	for _, suf := range []string{"公司", "集团", "有限", "控股", "股份"} {
		if strings.HasSuffix(m, suf) {
			return true
		}
	}
	return false
}

// listHead reads the head after 等: up to listMaxModifier Han runes, then
// one of listHeads.
func listHead(s string) (string, bool) {
	for i, n := 0, 0; n <= listMaxModifier && i < len(s); n++ {
		for _, h := range listHeads {
			if strings.HasPrefix(s[i:], h.head) {
				return h.inherit, true
			}
		}
		r, size := hanset.DecodeRune(s[i:])
		if !isHanRune(r) || strings.ContainsRune("的和与及", r) {
			return "", false
		}
		i += size
	}
	return "", false
}
