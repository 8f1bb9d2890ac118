-- SQLite: the full-text index reads its text from person.search_tokens (external content) instead
-- of keeping a second copy of every person's tokens. The index is rebuilt from person here;
-- afterwards src/store/person_repo.cpp keeps it in step ('delete' with the old tokens, then insert).
DROP TABLE person_fts;
CREATE VIRTUAL TABLE person_fts USING fts5(
  search_tokens, content = 'person', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO person_fts (person_fts) VALUES ('rebuild');
