// Package extract reads a document and finds its figures and what they
// mean.
//
// # The document model
//
// Read builds a Doc once per document (model.go): its identity (title,
// dateline, speaker, issuing body, region with its GB/T 2260 code valid in
// the document's year, working year: identity.go, dateline.go,
// areacode.go), its parts with their roles (review, targets, tasks, plan,
// other), its sentences and sections, the places it names and, when asked,
// the segmenter's words. All offsets are byte offsets into Doc.Text, the
// clean text. The recognisers read the model rather than scanning the text
// for context on their own: FactsOf takes a figure's kind and year from
// the part it stands in unless its clause says otherwise, and the identity
// gives the region and working year that 今年 and 去年 resolve against.
//
// Read also makes the one pass over the text (a hanset.Sweep, kept by the
// gazetteer) that finds what the scans after it look for: where the pairs
// of characters every name of the long lists begins with stand (place
// names, sector names, numbered formulas, self words such as 全市, the
// binder's words), where some single characters stand (年 of years, 业 of
// 产业, 一 of 一企一策, 均 and 都, the last characters of units), where a
// figure may start and where a sentence may end. The sentences
// (corpus.SplitAt), the quantities (Recognizer.QuantitiesIn), the facts,
// Doc.Sectors, Doc.Slogans and Recognizer.RedactedIn read those hits
// instead of scanning the text again; Quantities(text), Sectors(text),
// Slogans(text) and Redacted(text) scan a text that has no model, and
// find the same (FuzzSweep holds them to it).
//
// The model lives here, beside the recognisers, because the identity needs
// the gazetteer and the area-code table, which are this package's, and
// every reader of the model is in this package; corpus stays a loader.
//
// # Recognisers
//
// Quantities (a Recognizer) reads every amount, percentage, count and
// physical quantity: Arabic, Chinese and mixed numerals, scales (万, 亿,
// 万亿), units normalised to SI-like bases (3.5万亿元 = 3.5e12 CNY), bounds
// (以上, 左右, 近, 以内) and byte offsets. FactsOf binds each quantity to its
// indicator (through an IndicatorFinder, such as metrics.Catalogue), its
// measure (level, growth, share …), target or actual, year, sub-region and
// section, with respectively-lists (分别) paired member by member
// (respectively.go). Sectors and Slogans list the industries a text names
// and the coined formulas it uses.
//
// The word lists and tables are embedded data (data/) or small tables at
// the top of each file: data/areacodes.csv is the GB/T 2260 history of the
// CC0 project yescallop/areacodes. The tables are read on first use, once
// per process (LoadTables reads them ahead); the area code table keeps its
// text and reads a row when asked. Everything is safe for concurrent use.
package extract
