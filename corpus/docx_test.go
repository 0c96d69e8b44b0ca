package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/policyfacts/policyfacts/internal/testutil"
)

// The namespaces declared on the fixtures' root elements.
const wmlNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docPart wraps body content in a main document part.
func docPart(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + wmlNS + `><w:body>` + body + `<w:sectPr><w:headerReference r:id="rId9"/></w:sectPr></w:body></w:document>`
}

// para is a paragraph of one run per argument.
func para(runs ...string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>`)
	for _, r := range runs {
		b.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// zipOf builds a zip archive of the given entries, in order.
func zipOf(t testing.TB, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.Create(e[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
	rootRels     = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
	docRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://www.gov.cn/" TargetMode="External"/>` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`
	footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + wmlNS + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>注：数据为初步统计数。</w:t></w:r></w:p></w:footnote></w:footnotes>`
	header = `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + wmlNS + `><w:p><w:r><w:t>青禾市人民政府办公室 页眉</w:t></w:r></w:p></w:hdr>`
)

// coreXML is a core-properties part with a title and dates.
func coreXML(title string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + title + `</dc:title><dc:creator>jianye</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-23T01:38:34Z</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-12T12:32:06Z</dcterms:modified></cp:coreProperties>`
}

// makeDocx builds a .docx of the given body: a full package with
// relationships, footnotes, a header and core properties titled title.
func makeDocx(t testing.TB, body, title string) []byte {
	t.Helper()
	return zipOf(t,
		[2]string{"[Content_Types].xml", contentTypes},
		[2]string{"_rels/.rels", rootRels},
		[2]string{"docProps/core.xml", coreXML(title)},
		[2]string{"word/document.xml", docPart(body)},
		[2]string{"word/_rels/document.xml.rels", docRels},
		[2]string{"word/footnotes.xml", footnotes},
		[2]string{"word/header1.xml", header},
	)
}

// bareDocx is a .docx of a main document part alone.
func bareDocx(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, [2]string{"word/document.xml", docPart(body)})
}

// textBox is a paragraph anchoring a text box, written twice as Word
// does: the drawing (mc:Choice) and its VML fallback.
const textBox = `<w:p><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><a:graphic><a:graphicData>` +
	`<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>专栏：主要指标</w:t></w:r></w:p><w:p><w:r><w:t>增长5%</w:t></w:r></w:p></w:txbxContent></wps:txbx>` +
	`<wps:bodyPr/></wps:wsp><a:txBody><a:p><a:r><a:t>形状文字</a:t></a:r></a:p></a:txBody></a:graphicData></a:graphic></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>专栏：主要指标</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
	`</mc:AlternateContent></w:r><w:r><w:t>正文后</w:t></w:r></w:p>`

func TestDocxText(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"paragraphs", para("2025年青禾市政府工作报告") + para("各位代表："), "2025年青禾市政府工作报告\n各位代表：\n"},
		{"runs joined", para("协议引资", "204", "亿元"), "协议引资204亿元\n"},
		{"empty paragraph", para("一") + `<w:p/>` + para("二"), "一\n\n二\n"},
		{"spaces kept", para("  现在，我代表市人民政府 "), "  现在，我代表市人民政府 \n"},
		{"entities", para("R&amp;D经费 &lt;3%&gt; &#x4E00;"), "R&D经费 <3%> 一\n"},
		{"tab and breaks", `<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>回顾</w:t><w:br/><w:t>续行</w:t><w:cr/><w:t>末</w:t></w:r></w:p>`, "一、\t回顾\n续行\n末\n"},
		{"page break", `<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>二、目标</w:t></w:r></w:p>`, "\n二、目标\n"},
		{"tab stops are no tabs", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>`, "甲\n"},
		{"hyphens", `<w:p><w:r><w:t>一</w:t><w:noBreakHyphen/><w:t>二</w:t><w:softHyphen/><w:t>三</w:t></w:r></w:p>`, "一-二三\n"},
		{"tracked changes", `<w:p><w:r><w:t>增长</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>6%</w:delText></w:r></w:del>` +
			`<w:ins w:id="2" w:author="a"><w:r><w:t>5%左右</w:t></w:r></w:ins></w:p>`, "增长5%左右\n"},
		{"moved text", `<w:p><w:moveFrom w:id="3"><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:r><w:t>甲</w:t></w:r><w:moveTo w:id="4"><w:r><w:t>新处</w:t></w:r></w:moveTo></w:p>`, "甲新处\n"},
		{"deleted paragraph", `<w:del w:id="5"><w:p><w:r><w:delText>删去的段落</w:delText></w:r></w:p></w:del>` + para("留下"), "留下\n"},
		{"fields", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
			`<w:r><w:t>链接文字</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`, "链接文字3\n"},
		{"hyperlink and content control", `<w:p><w:hyperlink r:id="rId8"><w:r><w:t>中国政府网</w:t></w:r></w:hyperlink></w:p>` +
			`<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>` + para("控件内段落") + `</w:sdtContent></w:sdt>`, "中国政府网\n控件内段落\n"},
		{"table", `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>` +
			`<w:tr><w:trPr/><w:tc><w:tcPr/>` + para("指标") + `</w:tc><w:tc>` + para("2024年") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + para("地区生产总值") + para("（亿元）") + `</w:tc><w:tc>` + `<w:p><w:r><w:t>5</w:t><w:tab/><w:t>万</w:t></w:r></w:p>` + `</w:tc></w:tr></w:tbl>` + para("表后"),
			"指标\t2024年\n地区生产总值 （亿元）\t5 万\n表后\n"},
		{"nested table", `<w:tbl><w:tr><w:tc>` + para("外") + `</w:tc><w:tc><w:tbl><w:tr><w:tc>` + para("内一") + `</w:tc><w:tc>` + para("内二") + `</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>`,
			"外\t内一 内二\n"},
		{"text box once, after its paragraph", textBox + para("下一段"), "正文前正文后\n专栏：主要指标\n增长5%\n下一段\n"},
		{"math", `<w:p><w:r><w:t>比重</w:t></w:r><m:oMath><m:r><m:t>2.7%</m:t></m:r></m:oMath></w:p>`, "比重2.7%\n"},
		{"unknown elements pass through", `<w:customXml><w:p><w:smartTag><w:r><w:t>甲</w:t></w:r></w:smartTag></w:p></w:customXml>`, "甲\n"},
		{"empty body", ``, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := bareDocx(t, tc.body)
			got, _, err := DocxText(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("DocxText: %v", err)
			}
			if got != tc.want {
				t.Errorf("DocxText(%s) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestDocxPackage reads a whole package: the main part named by the
// package's relationships, footnotes but not their separators, no header,
// and the core properties.
func TestDocxPackage(t *testing.T) {
	b := makeDocx(t, para("一年来，全市生产总值增长5%。")+para("特此报告。"), "Microsoft Word - 2025年青禾市政府工作报告.doc")
	text, meta, err := DocxText(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if want := "一年来，全市生产总值增长5%。\n特此报告。\n注：数据为初步统计数。\n"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	if meta.Title != "2025年青禾市政府工作报告" || meta.Date != "2025-01-23" {
		t.Errorf("meta = %+v, want the title without Microsoft Word - and .doc, and the creation date", meta)
	}

	// the main part where the relationships say, not word/document.xml
	rels := strings.Replace(rootRels, "word/document.xml", "/word/document2.xml", 1)
	b = zipOf(t, [2]string{"_rels/.rels", rels}, [2]string{"word/document2.xml", docPart(para("别处的正文"))}, [2]string{"word/document.xml", docPart(para("旧稿"))})
	if text, meta, err := DocxText(bytes.NewReader(b), int64(len(b))); err != nil || text != "别处的正文\n" || meta.Title != "" || meta.Date != "" {
		t.Errorf("main part from the relationships: %q, %+v, %v", text, meta, err)
	}

	for name, b := range map[string][]byte{
		"not a zip":        []byte("PK"),
		"no document part": zipOf(t, [2]string{"a.txt", "正文"}),
		"broken XML":       bareDocx(t, `<w:p><w:r><w:t>未闭合</w:r></w:p>`),
	} {
		if _, _, err := DocxText(bytes.NewReader(b), int64(len(b))); !errors.Is(err, ErrNotDocx) {
			t.Errorf("%s: err = %v, want ErrNotDocx", name, err)
		}
	}
}

// TestDocxPartLimit refuses a part over the size limit, and reads one of
// exactly the limit.
func TestDocxPartLimit(t *testing.T) {
	b := bareDocx(t, para(strings.Repeat("甲", 1000)))
	part := int64(len(docPart(para(strings.Repeat("甲", 1000)))))
	if _, _, err := docxText(bytes.NewReader(b), int64(len(b)), part); err != nil {
		t.Errorf("a part of exactly the limit: %v", err)
	}
	if _, _, err := docxText(bytes.NewReader(b), int64(len(b)), part/2); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a part over the limit: %v, want ErrTooLarge", err)
	}
}

// TestLoadDocx loads a .docx as a document: title and date from the text
// first, from the core properties when the text has none; offsets into
// the extracted text.
func TestLoadDocx(t *testing.T) {
	body := para("2025年青禾市人民政府工作报告") + para("——2025年1月16日在青禾市第十届人民代表大会第四次会议上") + para("各位代表：") +
		para("一年来，全市地区生产总值达到2156.3亿元，增长5.6%。") + textBox
	doc, err := Load("report.docx", makeDocx(t, body, "模板标题"), KindDocx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "2025年青禾市人民政府工作报告" || doc.Meta.Date != "2025-01-16" || doc.Meta.DateKind != "delivered" {
		t.Errorf("meta = %+v, want the text's title and dateline", doc.Meta)
	}
	if doc.Encoding != "utf-8" || !strings.Contains(doc.Clean, "2156.3亿元") || !strings.Contains(doc.Clean, "专栏：主要指标") || strings.Contains(doc.Clean, "页眉") {
		t.Errorf("doc = %q (%s)", doc.Clean, doc.Encoding)
	}
	checkOffsets(t, doc)
	k := strings.Index(doc.Clean, "2156.3亿元")
	if s, e := doc.Map.RawSpan(k, k+len("2156.3亿元")); doc.Raw[s:e] != "2156.3亿元" {
		t.Errorf("RawSpan = %q", doc.Raw[s:e])
	}

	doc, err = Load("notes.docx", makeDocx(t, para("同志们：今年协议引资120亿元以上，新签约项目50个。"), "全市招商引资工作会议讲话"), KindDocx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "全市招商引资工作会议讲话" || doc.Meta.Date != "2025-01-23" || doc.Meta.DateKind != "file" {
		t.Errorf("meta = %+v, want the properties' title and creation date", doc.Meta)
	}

	// by content, whatever the name says
	doc, err = Load("renamed.txt", bareDocx(t, para("协议引资204亿元")), KindText, Options{})
	if err != nil || doc.Clean != "协议引资204亿元" {
		t.Errorf("a .docx named .txt: %q, %v", doc.Clean, err)
	}
}

// oleFile is the head of an OLE compound file holding the named streams.
func oleFile(streams ...string) []byte {
	b := append([]byte{}, oleMagic...)
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		b = append(b, utf16Name(s)...)
		b = append(b, make([]byte, 64)...)
	}
	return b
}

// TestRefusals checks the errors for what is not read: each names the
// conversion to make.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		in   []byte
		want error
		hint string
	}{
		{"report.doc", KindDoc, oleFile("Root Entry", "WordDocument", "1Table"), ErrLegacyDoc, "libreoffice --headless --convert-to docx"},
		{"report.wps", KindDoc, oleFile("Root Entry", "WordDocument"), ErrLegacyDoc, "libreoffice --headless --convert-to docx"},
		{"truncated.doc", KindDoc, oleMagic, ErrLegacyDoc, "libreoffice --headless --convert-to docx"},
		{"renamed.docx", KindDocx, oleFile("Root Entry"), ErrLegacyDoc, "libreoffice --headless --convert-to docx"},
		{"doc named .txt", KindText, oleFile("WordDocument"), ErrLegacyDoc, "libreoffice"},
		{"protected.docx", KindDocx, oleFile("EncryptedInfo", "EncryptedPackage"), ErrEncrypted, "password"},
		{"table.xls", KindUnknown, oleFile("Workbook"), ErrBinary, "legacy Office"},
		{"report.pdf", KindPDF, []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), ErrPDF, "pdftotext"},
		{"pdf named .txt", KindText, []byte("\n%PDF-1.4\n"), ErrPDF, "pdftotext"},
		{"letter.rtf", KindUnknown, []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl}}`), ErrRTF, "libreoffice"},
		{"broken.docx", KindDocx, []byte("PK"), ErrNotDocx, ""},
		{"text.docx", KindDocx, []byte("协议引资204亿元"), ErrNotDocx, ""},
		{"zip named .txt", KindText, zipOf(t, [2]string{"a.txt", "正文"}), ErrBinary, "zip archive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.name, tc.in, tc.kind, Options{})
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.hint) {
				t.Errorf("Load(%s) = %v, want %v naming %q", tc.name, err, tc.want, tc.hint)
			}
		})
	}
	// a .doc that is a web page inside, as some sites serve
	doc, err := Load("page.doc", []byte(`<html><head><meta charset="utf-8"><title>讲话</title></head><body><p>协议引资204亿元</p></body></html>`), KindDoc, Options{})
	if err != nil || !strings.Contains(doc.Clean, "协议引资204亿元") {
		t.Errorf("an HTML .doc: %q, %v", doc.Clean, err)
	}
}

// gbkName returns s encoded in GBK, as a Chinese Windows zip tool writes
// entry names.
func gbkName(t *testing.T, s string) string {
	return string(encodeWith(t, simplifiedchinese.GBK, s))
}

// unicodePathExtra is an Info-ZIP Unicode Path extra field giving name for
// the raw name raw.
func unicodePathExtra(raw, name string) []byte {
	b := binary.LittleEndian.AppendUint16(nil, 0x7075)
	b = binary.LittleEndian.AppendUint16(b, uint16(5+len(name)))
	b = append(b, 1)
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(raw)))
	return append(b, name...)
}

// TestZipGBKNames reads a zip archive whose entry names are GBK without
// the UTF-8 flag, as the provinces' archive is, with a .docx and a text
// among them; an entry with a Unicode path field, one with a UTF-8 name
// and no flag, and an encrypted one.
func TestZipGBKNames(t *testing.T) {
	docx := makeDocx(t, para("2025年上海市政府工作报告")+para("全市生产总值增长5%。"), "")
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	add := func(h *zip.FileHeader, body []byte) {
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	add(&zip.FileHeader{Name: gbkName(t, "报告/2025年上海市政府工作报告.docx"), NonUTF8: true, Method: zip.Deflate}, docx)
	add(&zip.FileHeader{Name: gbkName(t, "说明.txt"), NonUTF8: true}, []byte("协议引资204亿元。"))
	raw := gbkName(t, "旧名.txt")
	add(&zip.FileHeader{Name: raw, NonUTF8: true, Extra: unicodePathExtra(raw, "新疆·正名.txt")}, []byte("到位资金165.02亿元。"))
	add(&zip.FileHeader{Name: "北京.txt", NonUTF8: true}, []byte("增长5.2%。")) // UTF-8, flag unset
	add(&zip.FileHeader{Name: gbkName(t, "加密.txt"), NonUTF8: true, Flags: 0x1}, []byte("\x00\x01密文"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, t.TempDir(), "省区市.zip", zb.Bytes())
	var ids []string
	var errs []error
	for doc, err := range Walk([]string{p}, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, doc.ID)
		if doc.ID == "省区市.zip#报告/2025年上海市政府工作报告.docx" && (doc.Meta.Title != "2025年上海市政府工作报告" || !strings.Contains(doc.Clean, "增长5%")) {
			t.Errorf("the .docx entry: %+v %q", doc.Meta, doc.Clean)
		}
	}
	want := "省区市.zip#报告/2025年上海市政府工作报告.docx 省区市.zip#说明.txt 省区市.zip#新疆·正名.txt 省区市.zip#北京.txt"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids = %q\nwant %q", strings.Join(ids, " "), want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrEncrypted) || !strings.Contains(errs[0].Error(), "省区市.zip#加密.txt") || !strings.Contains(errs[0].Error(), "unzip -P") {
		t.Errorf("errors = %v, want the encrypted entry, named, with how to extract it", errs)
	}
}

// TestWalkWordAndPDF walks a folder: a .docx is a document, a .doc and a
// .pdf fail with their conversions named.
func TestWalkWordAndPDF(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.docx", bareDocx(t, para("协议引资204亿元。")))
	writeFile(t, dir, "b.doc", oleFile("WordDocument"))
	writeFile(t, dir, "c.pdf", []byte("%PDF-1.5\n"))
	writeFile(t, dir, "d.txt", []byte("到位资金165.02亿元。"))
	writeFile(t, dir, "e.jpg", []byte("\xFF\xD8\xFF"))
	var skipped []string
	docs, errs := collect(t, []string{dir}, Options{Skipped: func(p string) { skipped = append(skipped, filepath.Base(p)) }})
	if len(docs) != 2 || docs[0].ID != "a.docx" || docs[0].Clean != "协议引资204亿元。" || docs[1].ID != "d.txt" {
		t.Errorf("docs = %+v", docs)
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrLegacyDoc) || !errors.Is(errs[1], ErrPDF) {
		t.Errorf("errors = %v, want ErrLegacyDoc and ErrPDF", errs)
	}
	if strings.Join(skipped, " ") != "e.jpg" {
		t.Errorf("skipped = %v", skipped)
	}
}

// TestStdin reads the path "-": a document, JSON lines, CSV, a .docx, a zip
// of documents, each told by its content.
func TestStdin(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts Options
		want string // id: first line of the clean text, per document
	}{
		{"text", []byte("2025年政府工作报告\n协议引资204亿元。\n"), Options{}, "stdin: 2025年政府工作报告"},
		{"gbk text", encodeWith(t, simplifiedchinese.GBK, "协议引资204亿元，到位资金165.02亿元，同比增长31.3%。"), Options{}, "stdin: 协议引资204亿元，到位资金165.02亿元，同比增长31.3%。"},
		{"jsonl", []byte(`{"id":"a","text":"协议引资204亿元"}` + "\n\n" + ` {"id":"b","text":"增长8%"}` + "\n"), Options{IDColumn: "id"}, "stdin#a: 协议引资204亿元|stdin#b: 增长8%"},
		{"csv", []byte("id,title,full_text\n1,讲话,协议引资204亿元\n2,报告,\"增长8%，\n到位资金165亿元\"\n"), Options{}, "stdin#1: 协议引资204亿元|stdin#2: 增长8%，"},
		{"csv by its rows", []byte("编号,摘要,讲话\nx1,短,今年协议引资120亿元以上\n"), Options{}, "stdin#1: 今年协议引资120亿元以上"},
		{"gbk csv", encodeWith(t, simplifiedchinese.GBK, "标题,正文\n讲话,协议引资204亿元\n"), Options{}, "stdin#1: 协议引资204亿元"},
		{"html", []byte(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n" + `<meta a="1, 2"><html><body><p>协议引资204亿元</p></body></html>`), Options{}, "stdin: 协议引资204亿元"},
		{"text with a comma", []byte("Hello, world\n协议引资204亿元。\n"), Options{}, "stdin: Hello, world"},
		{"docx", makeDocx(t, para("协议引资204亿元。"), ""), Options{}, "stdin: 协议引资204亿元。"},
		{"zip", zipOf(t, [2]string{"a.txt", "增长8%"}, [2]string{"b.docx", string(bareDocx(t, para("增长9%")))}), Options{}, "stdin#a.txt: 增长8%|stdin#b.docx: 增长9%"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Stdin = bytes.NewReader(tc.in)
			docs, errs := collect(t, []string{"-"}, tc.opts)
			var got []string
			for _, d := range docs {
				first, _, _ := strings.Cut(d.Clean, "\n")
				got = append(got, d.ID+": "+first)
				if d.Path != "-" {
					t.Errorf("%s: Path = %q, want -", d.ID, d.Path)
				}
			}
			if strings.Join(got, "|") != tc.want || len(errs) > 0 {
				t.Errorf("got %q, %v\nwant %q", strings.Join(got, "|"), errs, tc.want)
			}
		})
	}
	// "-" twice: the second has nothing left to read; without Stdin, none
	_, errs := collect(t, []string{"-", "-"}, Options{Stdin: strings.NewReader("增长8%")})
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoStdin) {
		t.Errorf("- twice: errors %v, want one ErrNoStdin", errs)
	}
	if _, errs := collect(t, []string{"-"}, Options{}); len(errs) != 1 || !errors.Is(errs[0], ErrNoStdin) {
		t.Errorf("- without Stdin: errors %v, want ErrNoStdin", errs)
	}
	// a bad JSON line is reported with its line number and skipped
	docs, errs := collect(t, []string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"甲\"}\n{bad\n{\"text\":\"乙\"}\n")})
	if len(docs) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "-#2") {
		t.Errorf("JSONL with a bad line: %d docs, errors %v", len(docs), errs)
	}
}

// TestProvincesZip reads the 31 provincial reports of 2025 from the zip
// archive they were published in (GBK entry names) and checks that each
// .docx gives the text of ../shared/dev/provinces-2025/texts/<省>.txt, up
// to whitespace at the end, and the same clean text.
func TestProvincesZip(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t), "dev", "provinces-2025")
	zipPath := filepath.Join(dir, "31省区市政府工作报告.zip")
	if _, err := os.Stat(zipPath); err != nil {
		t.Skipf("no provinces archive: %v", err)
	}
	n := 0
	for doc, err := range Walk([]string{zipPath}, Options{}) {
		if err != nil {
			t.Error(err)
			continue
		}
		n++
		name := strings.TrimPrefix(doc.ID, "31省区市政府工作报告.zip#")
		prov, ok := strings.CutPrefix(strings.TrimSuffix(name, "政府工作报告.docx"), "2025年")
		if !ok || !utf8.ValidString(name) {
			t.Errorf("id %q is not 31省区市政府工作报告.zip#2025年<省>政府工作报告.docx", doc.ID)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "texts", prov+".txt"))
		if err != nil {
			t.Error(err)
			continue
		}
		if strings.TrimRight(doc.Raw, "\n") != strings.TrimRight(string(b), "\n") {
			t.Errorf("%s: the text differs from texts/%s.txt", doc.ID, prov)
		}
		txt, err := Load(prov+".txt", b, KindText, Options{})
		if err != nil || txt.Clean != doc.Clean || txt.Meta.Title != doc.Meta.Title {
			t.Errorf("%s: the clean text or title differs from texts/%s.txt's (%v)", doc.ID, prov, err)
		}
	}
	if n != 31 {
		t.Errorf("%d documents, want 31", n)
	}
}

func FuzzDocx(f *testing.F) {
	for _, body := range []string{para("协议引资", "204亿元"), textBox, `<w:tbl><w:tr><w:tc>` + para("甲") + `</w:tc></w:tr></w:tbl>`,
		`<w:p><w:r><w:t>` + "\xff\xfe" + `</w:t></w:r></w:p>`, `<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p>`} {
		f.Add([]byte(docPart(body)))
	}
	f.Add(bareDocx(f, para("整个文件")))
	f.Fuzz(func(t *testing.T, b []byte) {
		// a whole file when it is a zip archive, else the main document part
		if !isZip(b) {
			var zb bytes.Buffer
			zw := zip.NewWriter(&zb)
			w, _ := zw.Create("word/document.xml") // a bytes.Buffer does not fail
			w.Write(b)
			zw.Close()
			b = zb.Bytes()
		}
		text, meta, err := docxText(bytes.NewReader(b), int64(len(b)), 1<<20)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) || !utf8.ValidString(meta.Title) {
			t.Fatalf("DocxText gives invalid UTF-8: %q", text)
		}
	})
}

// BenchmarkLoadDocx loads a provincial report from its .docx and from its
// text, to compare the cost of reading WordprocessingML with that of the
// rest of loading.
func BenchmarkLoadDocx(b *testing.B) {
	dir := filepath.Join(testutil.SharedDir(b), "dev", "provinces-2025")
	var docx []byte
	zr, err := zip.OpenReader(filepath.Join(dir, "31省区市政府工作报告.zip"))
	if err != nil {
		b.Skip(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.Contains(entryName(f), "上海") {
			rc, _ := f.Open()
			var buf bytes.Buffer
			buf.ReadFrom(rc)
			rc.Close()
			docx = buf.Bytes()
		}
	}
	text, err := os.ReadFile(filepath.Join(dir, "texts", "上海市.txt"))
	if err != nil || docx == nil {
		b.Skip("no 上海 report")
	}
	c := NewCleaner()
	b.Run("docx", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if doc, err := Load("a.docx", docx, KindDocx, Options{Cleaner: c}); err != nil || len(doc.Raw) != len(text) {
				b.Fatal(err)
			}
		}
	})
	b.Run("text", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if doc, err := Load("a.txt", text, KindText, Options{Cleaner: c}); err != nil || len(doc.Raw) != len(text) {
				b.Fatal(err)
			}
		}
	})
	b.Run("docx-text-only", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if s, _, err := DocxText(bytes.NewReader(docx), int64(len(docx))); err != nil || len(s) != len(text) {
				b.Fatal(err)
			}
		}
	})
}

// wmlText reads the text of a main document part with the given tokens.
func wmlText(toks wmlTokens) (string, error) {
	var out strings.Builder
	err := (&wmlReader{d: toks}).part("body", &out)
	return out.String(), err
}

// FuzzXMLScanner checks the scanner against encoding/xml: on every part
// encoding/xml reads text from, the scanner gives the same text. (The
// scanner is laxer: it reads some documents encoding/xml refuses.)
func FuzzXMLScanner(f *testing.F) {
	for _, body := range []string{para("协议引资", "204亿元"), textBox, `<w:tbl><w:tr><w:tc>` + para("甲") + `</w:tc></w:tr></w:tbl>`,
		`<w:p><w:r><w:t>a&amp;b&#x4E00;&#20108;` + "\r\n" + `c<![CDATA[<d>]]></w:t></w:r></w:p><!-- note -->`,
		`<w:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>别名</x:t></x:r></w:p>`,
		`<w:p><w:r><w:t xmlns:w="urn:other">不是正文</w:t><w:t>正文</w:t></w:r></w:p>`} {
		f.Add([]byte(docPart(body)))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, err := wmlText(xml.NewDecoder(bytes.NewReader(b)))
		if err != nil {
			return
		}
		got, err := wmlText(newXMLScanner(b))
		if err != nil && want == "" {
			return // garbage around no text (a declaration cut short): refused
		}
		if err != nil || got != want {
			t.Fatalf("scanner: %q, %v\nencoding/xml: %q", got, err, want)
		}
	})
}
