// Package tables lays the outputs of policyfacts out as relational
// tables, for databases and data lakes: extraction results as the tables
// documents, quantities, facts, sectors, slogans and keywords, joined by
// doc_id, and annual records (metrics.Record) as a records table whose
// sources and alternatives nest.
//
// Rows hold one document's rows of every table (FromResult); Result turns
// them back into the policyfacts.Result they came from, so that a result
// written to a table and read back prints the same JSON line. Record does
// the same for a metrics.Record.
//
// The row types carry parquet struct tags (read by the parquetfile
// subpackage); this package itself imports no storage library, so its
// users pull none. Two subpackages write and read the tables:
// tables/parquetfile (Apache Parquet files, one per table) and
// tables/sqlitedb (a SQLite database a batch adds documents to and resumes
// from).
//
// Nothing is lost between a result and its rows: a JSON null is a nil
// pointer (a null cell), a field the JSON leaves out when empty (scale,
// qualifier, since …) is nil too, and the enumerations are the strings
// SCHEMA.md spells. Offsets are the results' byte offsets into the raw
// text. A field added to the JSON output must be added to the rows too:
// the round-trip tests (here and in the subpackages and the command) fail
// until it is.
package tables
