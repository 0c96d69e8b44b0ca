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
// Reading is faithful and bounded. HTML table cells are kept apart by a
// tab, rows by a line break, so that the figures of two cells never run
// together; a page in a <form>, or with a button left open, is read
// whole. Bytes that are not of the encoding become U+FFFD and are counted
// (Document.Invalid): a document is damaged (ErrDamaged) only past
// MaxInvalid, 1% of its characters; a declared charset or a forced
// encoding is checked against the bytes. CSV rows are read by a reader
// that names lines and repairs a stray quote, which would otherwise make
// one row of all the rows after it (ErrUnclosedQuote, reported with its
// line). Options.MaxFileSize bounds a file, a zip entry, a CSV row and a
// JSON line alike; a row or line over it is reported by its line
// (ErrRecordTooLarge) and the rows after it are read. A FIFO or device
// found in a directory is reported (ErrNotRegular), never opened.
//
// Every failure is an error value naming its file, row or entry
// (*FileError): a bad file is reported and the walk goes on. A PDF is read
// by its text layer with poppler's pdftotext when it is installed (ErrPDF
// when it is not or fails, ErrScannedPDF when there is no text). What is
// not read is refused by its magic number with the conversion to make:
// legacy .doc/.wps (ErrLegacyDoc), password-protected Office files and
// encrypted zip entries (ErrEncrypted), RTF (ErrRTF).
package corpus
