-- The secondary indexes of a policyfacts SQLite database, created when a
-- run ends (DB.Finish) rather than with the tables: built once over the
-- rows of a first run, they cost a fraction of what keeping them up to
-- date document by document does. Later runs keep them up to date.
CREATE INDEX IF NOT EXISTS documents_region ON documents (region_code, year);
CREATE INDEX IF NOT EXISTS quantities_unit ON quantities (unit, value);
CREATE INDEX IF NOT EXISTS facts_indicator ON facts (indicator, year, kind, measure);
CREATE INDEX IF NOT EXISTS sectors_name ON sectors (name);
CREATE INDEX IF NOT EXISTS slogans_text ON slogans (text);
CREATE INDEX IF NOT EXISTS keywords_text ON keywords (text);
CREATE INDEX IF NOT EXISTS records_cell ON records (region_code, year, indicator);
CREATE INDEX IF NOT EXISTS records_indicator ON records (indicator, year);
CREATE INDEX IF NOT EXISTS record_sources_doc ON record_sources (doc_id);
