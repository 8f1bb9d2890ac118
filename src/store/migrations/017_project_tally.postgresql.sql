-- PostgreSQL: one trigger function keeps project_stage_tally in step with project_stage (the
-- same rules as 017_project_tally.sqlite.sql).
CREATE FUNCTION project_stage_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted INTEGER;  -- 1 when the entry's days count towards the average
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.entered_on IS NOT NULL THEN
    counted := CASE WHEN OLD.days_in_stage IS NOT NULL AND OLD.left_to <> 'dropped' THEN 1 ELSE 0 END;
    UPDATE project_stage_tally t SET
      entries = t.entries - 1, amount_wan = t.amount_wan - COALESCE(OLD.amount_wan, 0),
      timed = t.timed - counted, days = t.days - counted * COALESCE(OLD.days_in_stage, 0),
      major = t.major - CASE WHEN OLD.amount_wan >= 10000 THEN 1 ELSE 0 END,
      major_amount_wan = t.major_amount_wan - CASE WHEN OLD.amount_wan >= 10000
        THEN OLD.amount_wan ELSE 0 END
    WHERE t.month = SUBSTR(OLD.entered_on, 1, 7) AND t.unit = SUBSTR(OLD.region_code, 1, 6)
      AND t.stage = OLD.stage;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.entered_on IS NOT NULL THEN
    counted := CASE WHEN NEW.days_in_stage IS NOT NULL AND NEW.left_to <> 'dropped' THEN 1 ELSE 0 END;
    INSERT INTO project_stage_tally AS t
      (month, unit, stage, entries, amount_wan, timed, days, major, major_amount_wan)
    VALUES (SUBSTR(NEW.entered_on, 1, 7), SUBSTR(NEW.region_code, 1, 6), NEW.stage, 1,
      COALESCE(NEW.amount_wan, 0), counted, counted * COALESCE(NEW.days_in_stage, 0),
      CASE WHEN NEW.amount_wan >= 10000 THEN 1 ELSE 0 END,
      CASE WHEN NEW.amount_wan >= 10000 THEN NEW.amount_wan ELSE 0 END)
    ON CONFLICT (stage, month, unit) DO UPDATE SET
      entries = t.entries + 1, amount_wan = t.amount_wan + EXCLUDED.amount_wan,
      timed = t.timed + EXCLUDED.timed, days = t.days + EXCLUDED.days,
      major = t.major + EXCLUDED.major,
      major_amount_wan = t.major_amount_wan + EXCLUDED.major_amount_wan;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER project_stage_tally_change
AFTER INSERT OR DELETE OR UPDATE OF stage, entered_on, region_code, amount_wan, days_in_stage,
  left_to ON project_stage
FOR EACH ROW EXECUTE FUNCTION project_stage_tally_change();
