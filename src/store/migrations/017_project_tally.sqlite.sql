-- SQLite: the triggers that keep project_stage_tally in step with project_stage. An entry's
-- share is added on insert, taken away on delete, and moved on a change of what it counts by.
CREATE TRIGGER project_stage_tally_insert AFTER INSERT ON project_stage
WHEN NEW.entered_on IS NOT NULL
BEGIN
  INSERT INTO project_stage_tally
    (month, unit, stage, entries, amount_wan, timed, days, major, major_amount_wan)
  VALUES (SUBSTR(NEW.entered_on, 1, 7), SUBSTR(NEW.region_code, 1, 6), NEW.stage, 1,
    COALESCE(NEW.amount_wan, 0),
    CASE WHEN NEW.days_in_stage IS NOT NULL AND NEW.left_to <> 'dropped' THEN 1 ELSE 0 END,
    CASE WHEN NEW.days_in_stage IS NOT NULL AND NEW.left_to <> 'dropped'
      THEN NEW.days_in_stage ELSE 0 END,
    CASE WHEN NEW.amount_wan >= 10000 THEN 1 ELSE 0 END,
    CASE WHEN NEW.amount_wan >= 10000 THEN NEW.amount_wan ELSE 0 END)
  ON CONFLICT (stage, month, unit) DO UPDATE SET
    entries = entries + excluded.entries, amount_wan = amount_wan + excluded.amount_wan,
    timed = timed + excluded.timed, days = days + excluded.days, major = major + excluded.major,
    major_amount_wan = major_amount_wan + excluded.major_amount_wan;
END;

CREATE TRIGGER project_stage_tally_delete AFTER DELETE ON project_stage
WHEN OLD.entered_on IS NOT NULL
BEGIN
  UPDATE project_stage_tally SET
    entries = entries - 1, amount_wan = amount_wan - COALESCE(OLD.amount_wan, 0),
    timed = timed - CASE WHEN OLD.days_in_stage IS NOT NULL AND OLD.left_to <> 'dropped'
      THEN 1 ELSE 0 END,
    days = days - CASE WHEN OLD.days_in_stage IS NOT NULL AND OLD.left_to <> 'dropped'
      THEN OLD.days_in_stage ELSE 0 END,
    major = major - CASE WHEN OLD.amount_wan >= 10000 THEN 1 ELSE 0 END,
    major_amount_wan = major_amount_wan - CASE WHEN OLD.amount_wan >= 10000
      THEN OLD.amount_wan ELSE 0 END
  WHERE month = SUBSTR(OLD.entered_on, 1, 7) AND unit = SUBSTR(OLD.region_code, 1, 6)
    AND stage = OLD.stage;
END;

CREATE TRIGGER project_stage_tally_update
AFTER UPDATE OF stage, entered_on, region_code, amount_wan, days_in_stage, left_to
ON project_stage
BEGIN
  UPDATE project_stage_tally SET
    entries = entries - 1, amount_wan = amount_wan - COALESCE(OLD.amount_wan, 0),
    timed = timed - CASE WHEN OLD.days_in_stage IS NOT NULL AND OLD.left_to <> 'dropped'
      THEN 1 ELSE 0 END,
    days = days - CASE WHEN OLD.days_in_stage IS NOT NULL AND OLD.left_to <> 'dropped'
      THEN OLD.days_in_stage ELSE 0 END,
    major = major - CASE WHEN OLD.amount_wan >= 10000 THEN 1 ELSE 0 END,
    major_amount_wan = major_amount_wan - CASE WHEN OLD.amount_wan >= 10000
      THEN OLD.amount_wan ELSE 0 END
  WHERE OLD.entered_on IS NOT NULL AND month = SUBSTR(OLD.entered_on, 1, 7)
    AND unit = SUBSTR(OLD.region_code, 1, 6) AND stage = OLD.stage;
  INSERT INTO project_stage_tally
    (month, unit, stage, entries, amount_wan, timed, days, major, major_amount_wan)
  SELECT SUBSTR(NEW.entered_on, 1, 7), SUBSTR(NEW.region_code, 1, 6), NEW.stage, 1,
    COALESCE(NEW.amount_wan, 0),
    CASE WHEN NEW.days_in_stage IS NOT NULL AND NEW.left_to <> 'dropped' THEN 1 ELSE 0 END,
    CASE WHEN NEW.days_in_stage IS NOT NULL AND NEW.left_to <> 'dropped'
      THEN NEW.days_in_stage ELSE 0 END,
    CASE WHEN NEW.amount_wan >= 10000 THEN 1 ELSE 0 END,
    CASE WHEN NEW.amount_wan >= 10000 THEN NEW.amount_wan ELSE 0 END
  WHERE NEW.entered_on IS NOT NULL
  ON CONFLICT (stage, month, unit) DO UPDATE SET
    entries = entries + excluded.entries, amount_wan = amount_wan + excluded.amount_wan,
    timed = timed + excluded.timed, days = days + excluded.days, major = major + excluded.major,
    major_amount_wan = major_amount_wan + excluded.major_amount_wan;
END;
