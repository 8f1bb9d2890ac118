-- PostgreSQL: one trigger function fills person_placement (see 028_person_placement.sql).
-- Only the newest entry is ever asked for: the last thousand are kept.
CREATE FUNCTION person_placement_log() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  logged BIGINT;
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO person_placement (person_id) VALUES (OLD.id) RETURNING seq INTO logged;
  ELSIF OLD.region_code IS DISTINCT FROM NEW.region_code
        OR OLD.merged_into IS DISTINCT FROM NEW.merged_into THEN
    INSERT INTO person_placement (person_id) VALUES (NEW.id) RETURNING seq INTO logged;
  END IF;
  IF logged % 1000 = 0 THEN
    DELETE FROM person_placement WHERE seq <= logged - 1000;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER person_placement_log
AFTER DELETE OR UPDATE OF region_code, merged_into ON person
FOR EACH ROW EXECUTE FUNCTION person_placement_log();
