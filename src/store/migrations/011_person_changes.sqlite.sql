-- SQLite: a log of the people whose listed fields changed, in commit order (SQLite has one
-- writer at a time, so seq order is commit order). The server's in-memory list index
-- (service/person_facets) reads it to stay in step with every writer, other processes included.
-- The newest 200,000 entries are kept; a reader further behind reloads everything.
CREATE TABLE person_change (
  seq INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL
);

CREATE TRIGGER person_change_insert AFTER INSERT ON person
BEGIN
  INSERT INTO person_change (person_id) VALUES (NEW.id);
END;

CREATE TRIGGER person_change_update
AFTER UPDATE OF region_code, status, funnel_stage, help_wanted, labour_brand, source, birth_date,
  created_by, merged_into ON person
BEGIN
  INSERT INTO person_change (person_id) VALUES (NEW.id);
END;

CREATE TRIGGER person_change_delete AFTER DELETE ON person
BEGIN
  INSERT INTO person_change (person_id) VALUES (OLD.id);
END;

CREATE TRIGGER person_change_prune AFTER INSERT ON person_change WHEN NEW.seq % 10000 = 0
BEGIN
  DELETE FROM person_change WHERE seq <= NEW.seq - 200000;
END;
