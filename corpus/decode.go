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

// DecodeError reports input that no supported encoding turns into
// plausible Chinese text.
type DecodeError struct {
	Encoding string // the best candidate tried
	Bad      int    // replacement or implausible characters in that decoding
	Total    int    // characters decoded
	Err      error  // underlying cause, if any
}

func (e *DecodeError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("corpus: cannot decode text (%s): %v", e.Encoding, e.Err)
	}
	return fmt.Sprintf("corpus: text does not decode as %s: %d of %d characters are invalid or implausible", e.Encoding, e.Bad, e.Total)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Decode turns raw bytes into UTF-8 text and names the encoding it used.
// With override == "" it detects: a byte-order mark first, then a charset
// declared in an HTML head, then valid UTF-8, then whichever of GB18030 and
// Big5 yields the more plausible Chinese. Input with NUL bytes or control
// characters is ErrBinary; input that decodes to implausible text is a
// *DecodeError. A trailing character cut in half is dropped, not an error.
func Decode(b []byte, override string) (text, enc string, err error) {
	if override != "" {
		e, name, err := lookupEncoding(override)
		if err != nil {
			return "", "", err
		}
		s, err := decodeWith(e, b)
		if err != nil {
			return "", name, &DecodeError{Encoding: name, Err: err}
		}
		return s, name, nil
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return checkText(strings.ToValidUTF8(string(b[3:]), "\uFFFD"), "utf-8")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeChecked(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeChecked(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, "utf-16be")
	}
	if le, be := utf16Guess(b); le {
		return decodeChecked(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b, "utf-16le")
	} else if be {
		return decodeChecked(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b, "utf-16be")
	}
	if looksBinary(b) {
		return "", "", ErrBinary
	}
	if name := declaredCharset(b); name != "" {
		if e, canon, err := lookupEncoding(name); err == nil {
			if canon == "utf-8" {
				if utf8.Valid(trimPartialUTF8(b)) {
					return checkText(string(trimPartialUTF8(b)), "utf-8")
				}
			} else if s, err := decodeWith(e, b); err == nil {
				if st, _, err := checkText(s, canon); err == nil {
					return st, canon, nil
				}
			}
		}
	}
	if t := trimPartialUTF8(b); utf8.Valid(t) {
		return checkText(string(t), "utf-8")
	}
	gb, gbErr := decodeWith(simplifiedchinese.GB18030, b)
	b5, b5Err := decodeWith(traditionalchinese.Big5, b)
	gbScore, gbBad, gbN := plausibility(gb)
	b5Score, b5Bad, b5N := plausibility(b5)
	if gbErr == nil && (b5Err != nil || gbScore >= b5Score) {
		if gbScore < 0.5 && gbN > 20 {
			return "", "gb18030", &DecodeError{Encoding: "gb18030", Bad: gbBad, Total: gbN}
		}
		return gb, "gb18030", nil
	}
	if b5Err == nil {
		if b5Score < 0.5 && b5N > 20 {
			return "", "big5", &DecodeError{Encoding: "big5", Bad: b5Bad, Total: b5N}
		}
		return b5, "big5", nil
	}
	return "", "gb18030", &DecodeError{Encoding: "gb18030", Err: gbErr}
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

func decodeChecked(e encoding.Encoding, b []byte, name string) (string, string, error) {
	if len(b)%2 == 1 { // a unit cut in half at the end
		b = b[:len(b)-1]
	}
	s, err := decodeWith(e, b)
	if err != nil {
		return "", name, &DecodeError{Encoding: name, Err: err}
	}
	return checkText(strings.TrimPrefix(s, "\uFEFF"), name)
}

// checkText rejects decoded text that is mostly replacement or control
// characters. s is valid UTF-8 (every decoder here writes U+FFFD for what
// it cannot read), so its bytes tell: a rune starts at every byte that is
// no continuation byte, a control character is a byte below 0x20.
func checkText(s, name string) (string, string, error) {
	c := countBytes(s)
	bad, n := strings.Count(s, "\uFFFD")+c.ctl, len(s)-c.cont
	if n > 20 && bad*10 > n {
		return "", name, &DecodeError{Encoding: name, Bad: bad, Total: n}
	}
	return s, name, nil
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
// either script, the count of replacement characters and the Han count. A
// right decoding of Chinese text scores high; GBK bytes read as Big5 (or the
// reverse) give rare characters and score low.
func plausibility(s string) (score float64, bad, han int) {
	common := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			bad++
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
	return float64(common) / float64(han+bad), bad, han
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
