package corpus

// Document is one text of a batch: a file, a row of a CSV/JSONL archive or
// an entry of a zip archive.
type Document struct {
	// ID is the file's base name, or "archive-base-name#key" for a row or an
	// entry of an archive.
	ID string
	// Path is where the document was read from (the archive for rows).
	Path string
	// Encoding is the encoding the raw bytes were decoded from.
	Encoding string
	// Declared is the encoding the page declared (an HTML charset) or the
	// caller forced (Options.Encoding) when the bytes were not in it and
	// Encoding was detected instead; empty otherwise.
	Declared string
	// Invalid counts the U+FFFD in Raw: bytes the encoding could not read
	// (an invalid byte, a character cut in half), each replaced. Past
	// MaxInvalid of the characters, Load reports the text as damaged.
	Invalid int
	// Raw is the decoded UTF-8 text before cleaning. For HTML it is the page
	// text (tags removed, entities decoded); for a Word document (.docx),
	// the text DocxText extracts (a paragraph a line, table cells separated
	// by tabs). Offsets shown to users point into Raw.
	Raw string
	// Clean is the text extraction reads: chrome removed, characters
	// normalised, one paragraph a line.
	Clean string
	// Map maps byte offsets in Clean to byte offsets in Raw.
	Map *OffsetMap
	// Meta holds what the page itself says about the document.
	Meta Meta
}

// Meta is document metadata taken from the page itself or from the columns
// of an archive row. Empty fields are unknown.
type Meta struct {
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"` // ISO 8601 date, YYYY-MM-DD
	Source string `json:"source,omitempty"`
	Author string `json:"author,omitempty"`
	Region string `json:"region,omitempty"`
	URL    string `json:"url,omitempty"`
	// DateKind says where Date came from: "delivered" (the date the speech
	// was given or the report presented), "published" (the page's date) or
	// "file" (the creation date in a Word document's properties, taken
	// when the text states no date).
	DateKind string `json:"date_kind,omitempty"`
	// Traditional is true when the raw text was in traditional characters
	// and Clean was converted to simplified ones.
	Traditional bool `json:"traditional,omitempty"`
	// Extra holds other archive columns by name.
	Extra map[string]string `json:"extra,omitempty"`
}
