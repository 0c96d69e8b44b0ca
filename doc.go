// Package policyfacts turns Chinese government speeches and work reports
// into data: every amount, percentage, count, target and achieved figure,
// with offsets back to the text it came from.
//
// The pipeline is decode → clean (package corpus) → recognise quantities
// (package extract) → output. Each package can be used alone; this package
// wires them: Extract runs the pipeline on one document and Batch runs it on
// a stream of documents with a bounded pool of workers, delivering results
// in input order.
//
// Offsets in results are byte offsets into the document's raw decoded text
// (corpus.Document.Raw), so every figure can be found where it was written.
package policyfacts
