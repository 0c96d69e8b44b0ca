package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
	"unicode"
)

// ErrScannedPDF reports a PDF whose pages hold no text layer (a scan): its
// text would need OCR, which is not done. It is an ErrPDF.
var ErrScannedPDF = fmt.Errorf("%w: no text layer (scanned pages?): its text needs OCR", ErrPDF)

// pdfTimeout bounds the time pdftotext may take on one file.
const pdfTimeout = 2 * time.Minute

// pdfText returns the text layer of a PDF, read by poppler's pdftotext
// (the program named by opts.PDFToText, else the one on PATH). No pure-Go
// reader gets Chinese text out of the PDFs governments publish (CID fonts
// with ToUnicode maps, two-column pages) as well as pdftotext does. It
// returns an ErrPDF saying how to install the program when there is
// none, and ErrScannedPDF when the file has no text.
func pdfText(b []byte, opts Options) (string, error) {
	prog := opts.PDFToText
	if prog == "" {
		prog = "pdftotext"
	}
	prog, err := exec.LookPath(prog)
	if err != nil {
		return "", errPDFNoReader
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	// -enc UTF-8: the text as UTF-8 whatever the locale; -eol unix; the
	// file on standard input, the text on standard output
	cmd := exec.CommandContext(ctx, prog, "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("%w: pdftotext took more than %s", ErrPDF, pdfTimeout)
		}
		return "", fmt.Errorf("%w: pdftotext: %v: %s", ErrPDF, err, msg)
	}
	// pages end in a form feed; a page break is a paragraph break
	text := strings.ReplaceAll(out.String(), "\f", "\n")
	if strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) }) < 0 {
		return "", ErrScannedPDF
	}
	return text, nil
}

// loadPDF loads a PDF as the text pdftotext reads from it: Raw is that
// text, and offsets are into it.
func loadPDF(id string, b []byte, opts Options) (Document, error) {
	text, err := pdfText(b, opts)
	if err != nil {
		return Document{ID: id}, err
	}
	return FromText(id, text, Meta{}, opts.Cleaner), nil
}
