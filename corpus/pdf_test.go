package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// textPDF makes a one-page PDF that shows lines of text the way report PDFs
// hold Chinese: a CID font with Identity-H encoding (two bytes a glyph, here
// the code point) and a ToUnicode map back to the characters. The font is
// not embedded: pdftotext reads the map, not the glyphs.
func textPDF(lines []string) []byte {
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for hi := 0; hi < 256; hi += 100 {
		n := min(100, 256-hi)
		fmt.Fprintf(&cmap, "%d beginbfrange\n", n)
		for k := hi; k < hi+n; k++ {
			fmt.Fprintf(&cmap, "<%02X00> <%02XFF> <%02X00>\n", k, k, k)
		}
		cmap.WriteString("endbfrange\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	var content strings.Builder
	content.WriteString("BT\n/F1 12 Tf\n14 TL\n50 780 Td\n")
	for _, l := range lines {
		content.WriteString("<")
		for _, r := range l {
			fmt.Fprintf(&content, "%04X", r)
		}
		content.WriteString("> Tj T*\n")
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// needPDFToText skips a test where poppler's pdftotext is not installed.
func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: PDFs are refused here, as TestPDFNoReader checks")
	}
}

// TestPDF reads the text layer of a PDF whose Chinese is set in a CID font,
// as report PDFs are, and cleans it as text.
func TestPDF(t *testing.T) {
	needPDFToText(t)
	pdf := textPDF([]string{"某市人民政府工作报告", "2024年全市地区生产总值增长5.2%，", "协议引资204亿元。"})
	for _, k := range []Kind{KindPDF, KindText, KindUnknown} { // by content, whatever the name says
		doc, err := Load("report.pdf", pdf, k, Options{})
		if err != nil {
			t.Fatalf("kind %v: %v", k, err)
		}
		if !strings.Contains(doc.Raw, "协议引资204亿元") || !strings.Contains(doc.Clean, "协议引资204亿元") {
			t.Errorf("kind %v: text %q, clean %q", k, doc.Raw, doc.Clean)
		}
		if doc.Meta.Title != "某市人民政府工作报告" {
			t.Errorf("kind %v: title %q", k, doc.Meta.Title)
		}
		i := strings.Index(doc.Clean, "204亿元")
		if lo, hi := doc.Map.RawSpan(i, i+len("204亿元")); doc.Raw[lo:hi] != "204亿元" {
			t.Errorf("kind %v: offsets map to %q", k, doc.Raw[lo:hi])
		}
	}
}

// TestPDFScanned reports a PDF with no text layer as such, not as an
// empty document.
func TestPDFScanned(t *testing.T) {
	needPDFToText(t)
	_, err := Load("scan.pdf", textPDF(nil), KindPDF, Options{})
	if !errors.Is(err, ErrScannedPDF) || !errors.Is(err, ErrPDF) {
		t.Errorf("err = %v, want ErrScannedPDF", err)
	}
}

// TestPDFNoReader refuses a PDF when pdftotext is missing, saying how to
// install it.
func TestPDFNoReader(t *testing.T) {
	_, err := Load("report.pdf", textPDF([]string{"协议引资204亿元"}), KindPDF, Options{PDFToText: "policyfacts-no-such-pdftotext"})
	if !errors.Is(err, ErrPDF) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("err = %v, want ErrPDF naming poppler-utils", err)
	}
}

// TestPDFBroken reports a damaged PDF as a PDF not read.
func TestPDFBroken(t *testing.T) {
	needPDFToText(t)
	_, err := Load("bad.pdf", []byte("%PDF-1.7\nnot a pdf at all"), KindPDF, Options{})
	if !errors.Is(err, ErrPDF) || errors.Is(err, ErrScannedPDF) {
		t.Errorf("err = %v, want ErrPDF from pdftotext", err)
	}
}

// TestPDFAsItsText holds the clean text of a PDF to that of the same
// lines given as text: the PDF gives the figures its text gives.
func TestPDFAsItsText(t *testing.T) {
	needPDFToText(t)
	lines := []string{"关于2024年全县经济运行情况的报告", "全县地区生产总值完成156.8亿元，同比增长6.2%。", "新签约项目38个，协议引资95亿元。"}
	doc, err := Load("r.pdf", textPDF(lines), KindPDF, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := FromText("r.txt", strings.Join(lines, "\n")+"\n", Meta{}, nil)
	if doc.Clean != want.Clean {
		t.Errorf("clean text of the PDF\n%q\nof its text\n%q", doc.Clean, want.Clean)
	}
}

// TestMissingColumnNamed lists the columns there are when the text column
// asked for is not among them.
func TestMissingColumnNamed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.csv", []byte("title,content\n讲话一,协议引资204亿元\n"))
	n := 0
	for _, err := range Sources([]string{dir + "/a.csv"}, Options{TextColumn: "正文"}) {
		n++
		if err == nil || !strings.Contains(err.Error(), `the columns are "title", "content"`) {
			t.Errorf("err = %v, want the columns listed", err)
		}
	}
	if n != 1 {
		t.Errorf("%d items, want the one error", n)
	}
}
