package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ErrLegacyDoc reports a legacy Word or WPS document: an OLE compound
// file, which is not read.
var ErrLegacyDoc = errors.New("corpus: a legacy Word or WPS document (.doc, .wps: an OLE compound file), not read: convert it to .docx first (libreoffice --headless --convert-to docx FILE)")

// ErrEncrypted reports a password-protected Office document or an
// encrypted zip entry.
var ErrEncrypted = errors.New("corpus: encrypted, not read")

// ErrPDF reports a PDF whose text could not be read: poppler's pdftotext,
// which reads it, is not installed (errPDFNoReader), failed on it, or
// found no text in it (ErrScannedPDF).
var ErrPDF = errors.New("corpus: a PDF not read")

// errPDFNoReader says how to read a PDF when pdftotext is missing.
var errPDFNoReader = fmt.Errorf("%w: its text is read with poppler's pdftotext, which is not installed: install poppler-utils (apt install poppler-utils; brew install poppler), or extract the text first (pdftotext FILE.pdf writes FILE.txt)", ErrPDF)

// ErrRTF reports a document in Rich Text Format, which is not read.
var ErrRTF = errors.New("corpus: an RTF document, not read: convert it to .docx first (libreoffice --headless --convert-to docx FILE)")

// errOfficeEncrypted and errZipEncrypted say how to read what ErrEncrypted
// refuses.
var (
	errOfficeEncrypted = fmt.Errorf("%w: a password-protected Office document; open it with its password and save a copy without one as .docx", ErrEncrypted)
	errZipEncrypted    = fmt.Errorf("%w: an encrypted zip entry; extract the archive with its password (unzip -P PASSWORD, or 7z x) and read the files", ErrEncrypted)
	// errZipArchiveEncrypted: an archive whose directory cannot be read
	// and whose first entry is encrypted (an encrypted directory, or a
	// damaged encrypted archive)
	errZipArchiveEncrypted = fmt.Errorf("%w: an encrypted zip archive; extract it with its password (unzip -P PASSWORD, or 7z x) and read the files", ErrEncrypted)
)

// zipHeadEncrypted reports a zip archive whose first entry's local header
// has the flag of encryption (bit 0) or of an encrypted directory (bit 13).
func zipHeadEncrypted(r io.ReaderAt) bool {
	var h [8]byte
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return false
	}
	flags := binary.LittleEndian.Uint16(h[6:])
	return bytes.HasPrefix(h[:], []byte("PK\x03\x04")) && flags&(1|1<<13) != 0
}

// format is the kind of a file told by its first bytes.
type format uint8

const (
	formatOther format = iota // text, HTML or an unknown binary
	formatZip                 // a zip archive (.docx, .zip)
	formatOLE                 // an OLE compound file (.doc, .wps, .xls, encrypted Office files)
	formatPDF
	formatRTF
)

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff tells the format of b by its magic number.
func sniff(b []byte) format {
	switch {
	case isZip(b):
		return formatZip
	case bytes.HasPrefix(b, oleMagic):
		return formatOLE
	}
	head := bytes.TrimLeft(b[:min(len(b), 1024)], "\xEF\xBB\xBF \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return formatPDF
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return formatRTF
	}
	return formatOther
}

// utf16Name is s in UTF-16LE, as an OLE directory stores stream names.
func utf16Name(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

var (
	oleEncrypted = utf16Name("EncryptedPackage")
	oleWord      = utf16Name("WordDocument")
)

// oleError says why an OLE compound file of kind k is not read: a
// password-protected Office document (.docx in an encrypted envelope), a
// legacy Word or WPS document (by its WordDocument stream, or its name),
// or another legacy Office file.
func oleError(b []byte, k Kind) error {
	switch {
	case bytes.Contains(b, oleEncrypted):
		return errOfficeEncrypted
	case bytes.Contains(b, oleWord), k == KindDoc, k == KindDocx:
		return ErrLegacyDoc
	}
	return fmt.Errorf("%w: a legacy Office file (an OLE compound file: .doc, .wps, .xls, .ppt); a Word or WPS document converts with libreoffice --headless --convert-to docx FILE", ErrBinary)
}

// entryName returns the name of a zip entry in UTF-8. Without the UTF-8
// flag (bit 11) a name is, in order: the Info-ZIP Unicode path of its
// extra field when that matches it; itself when it is valid UTF-8; else
// decoded as GB18030, the code page of the Chinese Windows tools that
// write such archives.
func entryName(zf *zip.File) string {
	name := zf.Name
	if zf.Flags&0x800 != 0 {
		return strings.ToValidUTF8(name, "\uFFFD")
	}
	if u, ok := unicodePath(zf.Extra, name); ok {
		return u
	}
	if utf8.ValidString(name) {
		return name
	}
	if s, err := decodeWith(simplifiedchinese.GB18030, []byte(name)); err == nil && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.ToValidUTF8(name, "\uFFFD")
}

// unicodePath finds the Info-ZIP Unicode Path extra field (0x7075) of an
// entry named name: version 1, the CRC-32 of the name it stands for, and
// the name in UTF-8.
func unicodePath(extra []byte, name string) (string, bool) {
	for len(extra) >= 4 {
		tag := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if n > len(extra) {
			return "", false
		}
		field := extra[:n]
		extra = extra[n:]
		if tag != 0x7075 || len(field) < 5 || field[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(field[1:]) != crc32.ChecksumIEEE([]byte(name)) {
			return "", false // the name was changed after the field was written
		}
		if u := string(field[5:]); u != "" && utf8.ValidString(u) {
			return u, true
		}
	}
	return "", false
}
