-- SQLite: the full-text index reads person.search_tokens (external content); rebuilt from it.
INSERT INTO person_fts (person_fts) VALUES ('rebuild');
