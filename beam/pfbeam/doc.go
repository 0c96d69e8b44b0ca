// Package pfbeam runs policyfacts on Apache Beam: the extraction of many
// documents spread over the workers of a runner (Flink, Spark, Dataflow,
// or prism on one machine), and the annual records built from all of
// them.
//
// The pipeline, as Build assembles it:
//
//	globs ─ Match ─ Reshuffle ─ Extract ─┬─ results (JSON lines, as `policyfacts extract` prints them)
//	                                     ├─ failures (path TAB reason)
//	                                     └─ Docs ─ Records ─┬─ records (JSON lines, as `policyfacts records --format jsonl`)
//	                                                        └─ records as Parquet (as `policyfacts records --format parquet`)
//
// Extract reads each matched file in a DoFn and loads it with the corpus
// package, as corpus.Sources does: a text, HTML or Word file is one
// document; a CSV, JSONL or zip archive is many. One
// policyfacts.Extractor is built per DoFn instance, in Setup.
//
// Records groups the documents by the places their facts fall in (a
// region's code, or for a region with no code the document's own place)
// and runs metrics.Records over each group, sorted in input order (file
// path, then position in the file), so that every record is built from
// all the documents that state it, as one batch over the same files would
// build it: the records equal those of `policyfacts records` over the
// files in lexical order.
package pfbeam
