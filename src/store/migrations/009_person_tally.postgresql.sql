-- PostgreSQL: one trigger function keeps person_tally in step with person.
CREATE FUNCTION person_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.merged_into IS NULL THEN
    UPDATE person_tally SET n = n - 1
    WHERE unit = SUBSTR(OLD.region_code, 1, 9) AND status = OLD.status
      AND funnel_stage = OLD.funnel_stage;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.merged_into IS NULL THEN
    INSERT INTO person_tally (unit, status, funnel_stage, n)
    VALUES (SUBSTR(NEW.region_code, 1, 9), NEW.status, NEW.funnel_stage, 1)
    ON CONFLICT (unit, status, funnel_stage) DO UPDATE SET n = person_tally.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER person_tally_change
AFTER INSERT OR DELETE OR UPDATE OF region_code, status, funnel_stage, merged_into ON person
FOR EACH ROW EXECUTE FUNCTION person_tally_change();
