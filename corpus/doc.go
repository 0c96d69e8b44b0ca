// Package corpus reads the documents of a batch and prepares their text.
//
// Sources walks files, directories, CSV/JSONL archives (one document a row)
// and zip archives (one a text or Word entry; entry names in GBK decoded)
// in a deterministic order, reading bytes only, and standard input for the
// path "-"; Source.Load decodes them (UTF-8, GBK/GB18030, Big5, UTF-16,
// detected or overridden), takes the text out of HTML pages and Word
// documents (.docx: DocxText, pure Go) and cleans it: site chrome,
// paywall notices and page markers removed, full-width characters and
// punctuation normalised, traditional characters made simplified. Walk does both, one document after another; a batch hands
// Sources to its workers instead, so that loading runs in parallel.
//
// A Document keeps the decoded Raw text beside the Clean text extraction
// reads, with an OffsetMap from clean offsets back to raw ones, so every
// figure found can be shown where it was written. For a .docx, Raw is the
// text extracted from it, and offsets point into that text, not into the
// file's XML. Split cuts clean text into sentences and sections
// (work-report parts: review, plan).
//
// Every failure is an error value naming its file, row or entry
// (*FileError): a bad file is reported and the walk goes on. What is not
// read is refused by its magic number with the conversion to make: legacy
// .doc/.wps (ErrLegacyDoc), password-protected Office files and encrypted
// zip entries (ErrEncrypted), PDF (ErrPDF), RTF (ErrRTF).
package corpus
