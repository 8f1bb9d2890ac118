-- SQLite: full-text search over merchant.search_tokens (external content), kept in step by
-- triggers: merchants are written one at a time, never in the bulk the people import needs.
CREATE VIRTUAL TABLE merchant_fts USING fts5(
  search_tokens, content = 'merchant', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER merchant_fts_insert AFTER INSERT ON merchant BEGIN
  INSERT INTO merchant_fts (rowid, search_tokens) VALUES (new.id, new.search_tokens);
END;
CREATE TRIGGER merchant_fts_delete AFTER DELETE ON merchant BEGIN
  INSERT INTO merchant_fts (merchant_fts, rowid, search_tokens)
  VALUES ('delete', old.id, old.search_tokens);
END;
CREATE TRIGGER merchant_fts_update AFTER UPDATE OF search_tokens ON merchant BEGIN
  INSERT INTO merchant_fts (merchant_fts, rowid, search_tokens)
  VALUES ('delete', old.id, old.search_tokens);
  INSERT INTO merchant_fts (rowid, search_tokens) VALUES (new.id, new.search_tokens);
END;
