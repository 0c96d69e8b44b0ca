-- The tables of a policyfacts SQLite database (package sqlitedb). Every
-- table of extraction results is keyed by (doc_id, seq) and joins the
-- documents table on doc_id; seq is the row's place in the document's
-- list, from 0. Lists (positions, codes) are JSON arrays, queried with
-- json_each. A JSON null of the output is NULL here. The secondary
-- indexes are in indexes.sql.
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS documents (
	doc_no       INTEGER PRIMARY KEY, -- the order documents were first stored in
	doc_id       TEXT NOT NULL UNIQUE,
	title        TEXT,
	date         TEXT,
	region       TEXT,
	region_code  TEXT,
	region_level TEXT,
	speaker      TEXT,
	year         INTEGER,
	source       TEXT,
	url          TEXT,
	encoding     TEXT,
	redacted     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS quantities (
	doc_id    TEXT NOT NULL REFERENCES documents (doc_id),
	seq       INTEGER NOT NULL,
	text      TEXT NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	value     REAL NOT NULL,
	unit      TEXT NOT NULL,
	bound     TEXT NOT NULL,
	dimension TEXT NOT NULL,
	scale     TEXT,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS facts (
	doc_id      TEXT NOT NULL REFERENCES documents (doc_id),
	seq         INTEGER NOT NULL,
	indicator   TEXT NOT NULL, -- '' when the catalogue has none
	metric      TEXT NOT NULL,
	measure     TEXT NOT NULL,
	kind        TEXT NOT NULL,
	year        INTEGER,
	value       REAL NOT NULL,
	unit        TEXT NOT NULL,
	bound       TEXT NOT NULL,
	region      TEXT,
	region_code TEXT,
	qualifier   TEXT,
	since       INTEGER,
	section     TEXT NOT NULL,
	evidence    TEXT NOT NULL,
	text        TEXT NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sectors (
	doc_id    TEXT NOT NULL REFERENCES documents (doc_id),
	seq       INTEGER NOT NULL,
	name      TEXT NOT NULL,
	category  TEXT NOT NULL,
	gbt4754   TEXT, -- JSON arrays of codes; NULL where none
	sei       TEXT,
	digital   TEXT,
	count     INTEGER NOT NULL,
	positions TEXT NOT NULL, -- JSON array of byte offsets
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS slogans (
	doc_id    TEXT NOT NULL REFERENCES documents (doc_id),
	seq       INTEGER NOT NULL,
	text      TEXT NOT NULL,
	count     INTEGER NOT NULL,
	positions TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS keywords (
	doc_id TEXT NOT NULL REFERENCES documents (doc_id),
	seq    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	weight REAL NOT NULL,
	count  INTEGER NOT NULL,
	PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

-- Annual records, rebuilt from the facts of every stored document at the
-- end of each complete run; record_id is the record's place in the
-- output, from 1.
CREATE TABLE IF NOT EXISTS records (
	record_id         INTEGER PRIMARY KEY,
	region            TEXT NOT NULL,
	region_name       TEXT NOT NULL,
	region_code       TEXT,
	region_level      TEXT,
	year              INTEGER NOT NULL,
	indicator         TEXT NOT NULL,
	kind              TEXT NOT NULL,
	measure           TEXT NOT NULL,
	since             INTEGER,
	value             REAL NOT NULL,
	unit              TEXT NOT NULL,
	bound             TEXT NOT NULL,
	low               REAL,
	high              REAL,
	qualifier         TEXT,
	stretch           REAL,
	stretch_qualifier TEXT,
	conflict          INTEGER NOT NULL, -- 0 or 1
	attainment        REAL,
	revised_from      REAL
);

-- The other values of a record's cell; alt numbers them from 1.
CREATE TABLE IF NOT EXISTS record_alternatives (
	record_id INTEGER NOT NULL REFERENCES records (record_id),
	alt       INTEGER NOT NULL,
	value     REAL NOT NULL,
	low       REAL,
	high      REAL,
	unit      TEXT NOT NULL,
	bound     TEXT NOT NULL,
	qualifier TEXT,
	PRIMARY KEY (record_id, alt)
) WITHOUT ROWID;

-- Where a record's values were read: role 'value' (its sources, alt 0),
-- 'stretch' (its higher tier's, alt 0) or 'alternative' (those of
-- alternative alt).
CREATE TABLE IF NOT EXISTS record_sources (
	record_id INTEGER NOT NULL REFERENCES records (record_id),
	role      TEXT NOT NULL,
	alt       INTEGER NOT NULL,
	seq       INTEGER NOT NULL,
	doc_id    TEXT NOT NULL REFERENCES documents (doc_id),
	text      TEXT NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	evidence  TEXT NOT NULL,
	section   TEXT NOT NULL,
	PRIMARY KEY (record_id, role, alt, seq)
) WITHOUT ROWID;
