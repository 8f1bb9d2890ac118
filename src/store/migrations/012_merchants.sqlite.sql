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

-- A log of the merchants whose counted fields changed, in commit order (one writer at a time),
-- read by the server's in-memory index (service/merchant_facets) to stay in step with every
-- writer; the newest 200,000 entries are kept, a reader further behind reloads everything.
CREATE TABLE merchant_change (
  seq INTEGER PRIMARY KEY,
  merchant_id INTEGER NOT NULL
);
CREATE TRIGGER merchant_change_insert AFTER INSERT ON merchant BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (NEW.id);
END;
CREATE TRIGGER merchant_change_update
AFTER UPDATE OF hometown_code, created_by, case_worker_id, verified_on, industry,
  industry_section, intention_strength, enterprise_size, operating_status, influence, categories,
  tags ON merchant
BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (NEW.id);
END;
CREATE TRIGGER merchant_change_delete AFTER DELETE ON merchant BEGIN
  INSERT INTO merchant_change (merchant_id) VALUES (OLD.id);
END;
CREATE TRIGGER merchant_change_prune AFTER INSERT ON merchant_change WHEN NEW.seq % 10000 = 0
BEGIN
  DELETE FROM merchant_change WHERE seq <= NEW.seq - 200000;
END;
