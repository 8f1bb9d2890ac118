-- SQLite: the triggers that fill person_placement (see 028_person_placement.sql).
CREATE TRIGGER person_placement_update AFTER UPDATE OF region_code, merged_into ON person
WHEN OLD.region_code IS NOT NEW.region_code OR OLD.merged_into IS NOT NEW.merged_into
BEGIN
  INSERT INTO person_placement (person_id) VALUES (NEW.id);
END;

CREATE TRIGGER person_placement_delete AFTER DELETE ON person
BEGIN
  INSERT INTO person_placement (person_id) VALUES (OLD.id);
END;

-- Only the newest entry is ever asked for: keep the last thousand.
CREATE TRIGGER person_placement_prune AFTER INSERT ON person_placement WHEN NEW.seq % 1000 = 0
BEGIN
  DELETE FROM person_placement WHERE seq <= NEW.seq - 1000;
END;
