-- SQLite: the triggers that keep person_tally in step with person.
CREATE TRIGGER person_tally_insert AFTER INSERT ON person WHEN NEW.merged_into IS NULL
BEGIN
  INSERT INTO person_tally (unit, status, funnel_stage, n)
  VALUES (SUBSTR(NEW.region_code, 1, 9), NEW.status, NEW.funnel_stage, 1)
  ON CONFLICT (unit, status, funnel_stage) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER person_tally_update
AFTER UPDATE OF region_code, status, funnel_stage, merged_into ON person
BEGIN
  UPDATE person_tally SET n = n - 1
  WHERE OLD.merged_into IS NULL AND unit = SUBSTR(OLD.region_code, 1, 9)
    AND status = OLD.status AND funnel_stage = OLD.funnel_stage;
  INSERT INTO person_tally (unit, status, funnel_stage, n)
  SELECT SUBSTR(NEW.region_code, 1, 9), NEW.status, NEW.funnel_stage, 1
  WHERE NEW.merged_into IS NULL
  ON CONFLICT (unit, status, funnel_stage) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER person_tally_delete AFTER DELETE ON person WHEN OLD.merged_into IS NULL
BEGIN
  UPDATE person_tally SET n = n - 1
  WHERE unit = SUBSTR(OLD.region_code, 1, 9) AND status = OLD.status
    AND funnel_stage = OLD.funnel_stage;
END;
