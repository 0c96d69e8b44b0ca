package corpus

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for input that is not text (images, archives, office
// files renamed .txt).
var ErrBinary = errors.New("corpus: binary data, not text")

// ErrUnknownEncoding is returned when an encoding override names no known
// encoding.
var ErrUnknownEncoding = errors.New("corpus: unknown encoding")

// ErrDamaged is the cause of a *DecodeError for text that is in a known
// encoding but holds too many bytes that are not (see MaxInvalid).
var ErrDamaged = errors.New("corpus: damaged text")

// DecodeError reports input that no supported encoding turns into
// plausible Chinese text, or text damaged past MaxInvalid (Err is then
// ErrDamaged). Bad is never more than Total.
type DecodeError struct {
	Encoding string // the encoding the bytes are closest to
	Bad      int    // replacement or implausible characters in that decoding
	Total    int    // characters decoded (of the kinds counted, see Error)
	Err      error  // underlying cause, if any
}

func (e *DecodeError) Error() string {
	switch {
	case errors.Is(e.Err, ErrDamaged):
		return fmt.Sprintf("corpus: damaged %s text: %d of %d characters are not %s (more than 1%% of them)", e.Encoding, e.Bad, e.Total, e.Encoding)
	case e.Err != nil:
		return fmt.Sprintf("corpus: cannot decode text (%s): %v", e.Encoding, e.Err)
	}
	return fmt.Sprintf("corpus: text does not decode as %s: %d of %d characters are invalid or implausible", e.Encoding, e.Bad, e.Total)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// MaxInvalid returns how many characters of a text of n characters may be
// U+FFFD, the replacement for bytes the encoding does not read (an invalid
// byte, a character cut in half), before the text is damaged: 1% of them,
// and at least 4, so that one bad byte never costs a document its figures
// and text that is mostly broken is reported rather than read.
func MaxInvalid(n int) int { return max(4, n/100) }

// decoded is what decode makes of a document's bytes.
type decoded struct {
	text, enc string
	// invalid counts the U+FFFD in text: bytes the encoding could not
	// read, and any the input held already.
	invalid int
	// declared names the encoding the page declared or the caller forced,
	// when the bytes are not in it and enc was detected instead.
	declared string
}

// Decode turns raw bytes into UTF-8 text and names the encoding it used.
// With override == "" it detects: a byte-order mark first, then UTF-16
// without one, then a charset declared in an HTML head, then UTF-8, then
// whichever of GB18030 and Big5 yields the more plausible Chinese. A
// declared charset or an override is checked against the bytes: UTF-8
// with non-ASCII characters declared as another encoding, or bytes that
// decode in it to damaged or implausible text, are detected instead, and
// enc names what was used. Bytes that are not of the encoding (an invalid
// byte, a character cut in half) become U+FFFD: up to MaxInvalid of the
// characters, the text is returned without an error; past it the text is
// returned with a *DecodeError whose Err is ErrDamaged. Input with NUL
// bytes or control characters is ErrBinary; input that decodes to
// implausible text is a *DecodeError. A trailing character cut in half is
// dropped, not counted.
func Decode(b []byte, override string) (text, enc string, err error) {
	d, err := decode(b, override)
	return d.text, d.enc, err
}

// decode is Decode with the count of replacement characters and the
// encoding declared when it was not used.
func decode(b []byte, override string) (decoded, error) {
	if override != "" {
		e, name, err := lookupEncoding(override)
		if err != nil {
			return decoded{}, err
		}
		d, err := decodeDeclared(e, name, b)
		if err == nil {
			return d, nil
		}
		if dd, derr := detect(b); derr == nil {
			if dd.enc != name {
				dd.declared = name
			}
			return dd, nil
		}
		return d, err
	}
	return detect(b)
}

// decodeDeclared decodes b in e, named name, if b is in it: not valid UTF-8
// with non-ASCII characters when e is another encoding, and decoding to
// text neither damaged nor implausible.
func decodeDeclared(e encoding.Encoding, name string, b []byte) (decoded, error) {
	if name == "utf-8" {
		return decodeUTF8(b)
	}
	utf16 := name == "utf-16le" || name == "utf-16be"
	if t := trimPartialUTF8(b); !utf16 && utf8.Valid(t) && !asciiOnly(t) {
		return decoded{enc: name}, &DecodeError{Encoding: name, Err: errors.New("the bytes are UTF-8")}
	}
	var s string
	var err error
	if utf16 {
		if len(b)%2 == 1 { // a unit cut in half at the end
			b = b[:len(b)-1]
		}
		s, err = decodeWith(e, b)
		s = strings.TrimPrefix(s, "\uFEFF")
	} else {
		s, err = decodeWith(e, b)
	}
	if err != nil {
		return decoded{enc: name}, &DecodeError{Encoding: name, Err: err}
	}
	score, bad, total := plausibility(runeHead(s, 64<<10)) // a sample tells
	if score < 0.5 && total > 20 {
		return decoded{enc: name}, &DecodeError{Encoding: name, Bad: bad, Total: total}
	}
	s, n, err := checkText(s, name)
	return decoded{text: s, enc: name, invalid: n}, err
}

// runeHead returns the first n bytes of s or a few more, up to a rune's start.
func runeHead(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return s[:n]
}

// asciiOnly reports bytes all below 0x80.
func asciiOnly(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// detect is Decode without an override.
func detect(b []byte) (decoded, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, "utf-16be")
	}
	if le, be := utf16Guess(b); le {
		return decodeUTF16(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b, "utf-16le")
	} else if be {
		return decodeUTF16(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b, "utf-16be")
	}
	t := trimPartialUTF8(b)
	valid, counts := scanUTF8(t)
	if !valid {
		if d, ok := hanUTF16(b); ok {
			return d, nil
		}
	}
	if looksBinary(b) {
		return decoded{}, ErrBinary
	}
	if name := declaredCharset(b); name != "" {
		if e, canon, err := lookupEncoding(name); err == nil {
			if d, err := decodeDeclared(e, canon, b); err == nil {
				return d, nil
			}
			d, err := detectText(b, t, valid, counts)
			if d.enc != canon {
				d.declared = canon
			}
			return d, err
		}
	}
	return detectText(b, t, valid, counts)
}

// detectText tells UTF-8 (t is b without a trailing partial character,
// valid says whether it is valid UTF-8) from GB18030 and Big5.
func detectText(b, t []byte, valid bool, counts byteCounts) (decoded, error) {
	if valid {
		s, n, err := checkCounted(string(t), "utf-8", counts)
		return decoded{text: s, enc: "utf-8", invalid: n}, err
	}
	ubad, multi := utf8Counts(t)
	if multi >= 2*ubad { // UTF-8 with a few bad bytes: GBK read as UTF-8 has three or more bad bytes to a good character
		return decodeUTF8(b)
	}
	gb, gbErr := decodeWith(simplifiedchinese.GB18030, b)
	b5, b5Err := decodeWith(traditionalchinese.Big5, b)
	gbScore, gbBad, gbN := plausibility(gb)
	b5Score, b5Bad, b5N := plausibility(b5)
	// implausible names the encoding whose decoding is least bad, UTF-8
	// among them, and counts that decoding's bad characters among its
	// non-ASCII ones.
	implausible := func(name string, bad, n int) error {
		if multi > 0 && ubad*n < bad*(ubad+multi) { // UTF-8 is less bad
			return &DecodeError{Encoding: "utf-8", Bad: ubad, Total: ubad + multi}
		}
		return &DecodeError{Encoding: name, Bad: bad, Total: n}
	}
	if gbErr == nil && (b5Err != nil || gbScore >= b5Score) {
		if gbScore < 0.5 && gbN > 20 {
			return decoded{enc: "gb18030"}, implausible("gb18030", gbBad, gbN)
		}
		s, n, err := checkText(gb, "gb18030")
		return decoded{text: s, enc: "gb18030", invalid: n}, err
	}
	if b5Err == nil {
		if b5Score < 0.5 && b5N > 20 {
			return decoded{enc: "big5"}, implausible("big5", b5Bad, b5N)
		}
		s, n, err := checkText(b5, "big5")
		return decoded{text: s, enc: "big5", invalid: n}, err
	}
	return decoded{enc: "gb18030"}, &DecodeError{Encoding: "gb18030", Err: gbErr}
}

// utf8Counts counts, in b, the bytes that are no part of a UTF-8
// character and the multi-byte characters.
func utf8Counts(b []byte) (bad, multi int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return bad, multi
}

// decodeUTF8 decodes UTF-8 with a bad byte, or a run of them that starts
// a character, written as U+FFFD (as the WHATWG decoder does), and a
// character cut at the end dropped.
func decodeUTF8(b []byte) (decoded, error) {
	t := trimPartialUTF8(b)
	var s string
	if utf8.Valid(t) {
		s = string(t)
	} else {
		out, err := unicode.UTF8.NewDecoder().Bytes(t)
		if err != nil {
			return decoded{enc: "utf-8"}, &DecodeError{Encoding: "utf-8", Err: err}
		}
		s = string(out)
	}
	s, n, err := checkText(s, "utf-8")
	return decoded{text: s, enc: "utf-8", invalid: n}, err
}

// decodeUTF16 is decodeChecked's decoded.
func decodeUTF16(e encoding.Encoding, b []byte, name string) (decoded, error) {
	s, n, err := decodeChecked(e, b, name)
	return decoded{text: s, enc: name, invalid: n}, err
}

func lookupEncoding(name string) (encoding.Encoding, string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "utf8":
		n = "utf-8"
	case "gbk", "gb2312", "cp936":
		n = "gb18030" // a superset that decodes all of them
	}
	e, err := htmlindex.Get(n)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %q", ErrUnknownEncoding, name)
	}
	canon, _ := htmlindex.Name(e)
	if canon == "gbk" {
		canon = "gb18030"
		e = simplifiedchinese.GB18030
	}
	return e, canon, nil
}

func decodeWith(e encoding.Encoding, b []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func decodeChecked(e encoding.Encoding, b []byte, name string) (string, int, error) {
	if len(b)%2 == 1 { // a unit cut in half at the end
		b = b[:len(b)-1]
	}
	s, err := decodeWith(e, b)
	if err != nil {
		return "", 0, &DecodeError{Encoding: name, Err: err}
	}
	return checkText(strings.TrimPrefix(s, "\uFEFF"), name)
}

// checkText rejects decoded text that is mostly replacement or control
// characters (more than one in ten: not text), and reports text with more
// replacement characters than MaxInvalid as damaged (the text is returned
// with the error). It returns the count of replacement characters in the
// text it returns. s is
// valid UTF-8 (every decoder here writes U+FFFD for what it cannot read),
// so its bytes tell: a rune starts at every byte that is no continuation
// byte, a control character is a byte below 0x20.
func checkText(s, name string) (string, int, error) {
	return checkCounted(s, name, countBytes(s))
}

// checkCounted is checkText given the countBytes of s.
func checkCounted(s, name string, c byteCounts) (string, int, error) {
	fffd := 0
	if c.cont > 0 { // U+FFFD is three bytes, two of them continuation bytes
		fffd = strings.Count(s, "\uFFFD")
	}
	bad, n := fffd+c.ctl, len(s)-c.cont
	if n > 20 && bad*10 > n {
		return "", 0, &DecodeError{Encoding: name, Bad: bad, Total: n}
	}
	if fffd > MaxInvalid(n) {
		return s, fffd, &DecodeError{Encoding: name, Bad: fffd, Total: n, Err: ErrDamaged}
	}
	return s, fffd, nil
}

// byteCounts are the counts of some kinds of bytes in a text.
type byteCounts struct {
	cont int // continuation bytes (10xxxxxx): the bytes that start no rune
	ctl  int // C0 control bytes but tab, line feed, form feed and return
	esc  int // of those, ESC (of terminal colour codes)
	nul  int // of those, NUL
}

// countBytes counts the kinds of bytes of s eight at a time: a text of
// ideographs is one continuation byte in three, so a byte-by-byte test
// of each would be a branch the processor mostly guesses wrong.
func countBytes[T string | []byte](s T) byteCounts {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var c byteCounts
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		c.cont += bits.OnesCount64(x &^ (x << 1) & highs) // high bit set, the next clear
		if (x-0x20*ones)&^x&highs != 0 {                  // a byte below 0x20 (exact for "any")
			addControls(&c, s[i:i+8])
		}
	}
	for j := i; j < len(s); j++ {
		if s[j]&0xC0 == 0x80 {
			c.cont++
		}
	}
	addControls(&c, s[i:])
	return c
}

// addControls adds the control bytes of s to c.
func addControls[T string | []byte](c *byteCounts, s T) {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0x20, b == '\n', b == '\r', b == '\t', b == '\f':
		case b == 0:
			c.ctl++
			c.nul++
		case b == 0x1b:
			c.ctl++
			c.esc++
		default:
			c.ctl++
		}
	}
}

// trimPartialUTF8 drops an incomplete multi-byte sequence at the end of b.
func trimPartialUTF8(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return b
		}
		if c >= 0xC0 { // a lead byte: is its sequence complete?
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// looksBinary reports NUL bytes or many C0 control bytes in the head of b.
func looksBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	c := countBytes(head)
	return c.nul > 0 || len(head) > 0 && (c.ctl-c.esc)*20 > len(head)
}

// utf16Guess detects BOM-less UTF-16 by the NUL bytes of ASCII characters.
func utf16Guess(b []byte) (le, be bool) {
	head := b[:min(len(b), 4096)]
	if len(head) < 8 {
		return false, false
	}
	var even, odd int
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	return odd*3 > half && even*20 < half, even*3 > half && odd*20 < half
}

// hanUTF16 detects UTF-16 without a byte-order mark whose text is mostly
// Chinese, with too few ASCII characters (NUL bytes) for utf16Guess: every
// other byte is the high byte of an ideograph (0x4E–0x9F), of CJK or
// general punctuation (0x30, 0x20), of a full-width form (0xFF) or of an
// ASCII character (0), the bytes between are not, and the decoded text is
// plausible Chinese.
func hanUTF16(b []byte) (decoded, bool) {
	head := b[:min(len(b), 4096)&^1]
	if len(head) < 8 {
		return decoded{}, false
	}
	var be, le int // pairs whose first (second) byte is such a high byte
	for i := 0; i+1 < len(head); i += 2 {
		if utf16High(head[i]) {
			be++
		}
		if utf16High(head[i+1]) {
			le++
		}
	}
	pairs := len(head) / 2
	var d decoded
	var err error
	switch {
	case le*10 >= pairs*9 && be*2 < pairs:
		d, err = decodeUTF16(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b, "utf-16le")
	case be*10 >= pairs*9 && le*2 < pairs:
		d, err = decodeUTF16(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b, "utf-16be")
	default:
		return decoded{}, false
	}
	if err != nil {
		return decoded{}, false
	}
	if score, _, han := plausibility(runeHead(d.text, 8192)); score < 0.5 || han < 4 {
		return decoded{}, false
	}
	return d, true
}

// utf16High reports a byte that is the high byte of a UTF-16 unit of
// Chinese text.
func utf16High(c byte) bool {
	return c == 0 || c == 0x20 || c == 0x30 || c >= 0x4E && c <= 0x9F || c == 0xFF
}

// declaredCharset finds <meta charset=...> or content="...charset=..." in
// the first kilobytes of an HTML page.
func declaredCharset(b []byte) string {
	head := b[:min(len(b), 4096)]
	if bytes.IndexByte(head, '<') < 0 {
		return "" // no markup, no <meta>
	}
	head = bytes.ToLower(head)
	i := bytes.Index(head, []byte("charset="))
	if i < 0 || !bytes.Contains(head, []byte("<meta")) {
		return ""
	}
	rest := head[i+len("charset="):]
	rest = bytes.TrimLeft(rest, `"' `)
	end := bytes.IndexAny(rest, "\"' ;>/\r\n")
	if end < 0 {
		return ""
	}
	return string(rest[:end])
}

// plausibility returns the share of Han characters that are common ones in
// either script, the count of bad characters (replacement characters and
// rare or private-use ones) and the count of characters scored (Han,
// rare, private-use and replacement characters), never less than bad. A
// right decoding of Chinese text scores high; GBK bytes read as Big5 (or
// the reverse) give rare characters and score low.
func plausibility(s string) (score float64, bad, total int) {
	common, han, fffd := 0, 0, 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			bad++
			fffd++
		case r >= 0x4E00 && r <= 0x9FFF:
			han++
			if isCommonHan(r) {
				common++
			}
		case r >= 0x3400 && r < 0x4E00, r >= 0xE000 && r <= 0xF8FF:
			han++ // rare extension or private-use: implausible
			bad++
		}
	}
	if han == 0 {
		if bad > 0 {
			return 0, bad, bad
		}
		return 1, 0, 0
	}
	return float64(common) / float64(han+bad), bad, han + fffd
}

//go:embed data/common_han.txt
var commonHanData string

// commonHanSet is built once from commonHanData and only read afterwards.
var commonHanSet = sync.OnceValue(func() map[rune]bool {
	set := make(map[rune]bool, 800)
	for _, line := range strings.Split(commonHanData, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			set[r] = true
		}
	}
	return set
})

func isCommonHan(r rune) bool { return commonHanSet()[r] }

// scanUTF8 is utf8.Valid with the three-byte sequences of Chinese text
// read without decoding; for a valid b it also counts its kinds of bytes,
// as countBytes does, in the same pass.
func scanUTF8(b []byte) (bool, byteCounts) {
	var c byteCounts
	for i := 0; i < len(b); {
		x := b[i]
		if x < utf8.RuneSelf {
			if x < 0x20 {
				addControls(&c, b[i:i+1])
			}
			i++
			continue
		}
		if i+2 < len(b) && (x-0xE1 <= 0xEC-0xE1 || x == 0xEE || x == 0xEF) && (uint16(b[i+1])<<8|uint16(b[i+2]))&0xC0C0 == 0x8080 {
			c.cont += 2
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false, byteCounts{}
		}
		c.cont += size - 1
		i += size
	}
	return true, c
}
