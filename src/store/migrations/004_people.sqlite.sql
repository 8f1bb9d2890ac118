-- SQLite: full-text search over the C++ tokens (src/text) in an FTS5 table keyed by person id.
-- remove_diacritics 0: café stays café, as PostgreSQL's 'simple' configuration keeps it.
CREATE VIRTUAL TABLE person_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
