-- SQLite: a person's case worker changing is logged in person_change too, so the people list
-- answers "a case worker's people" and "nobody assigned" from its in-memory index
-- (service/person_facets) as it does the other filters, instead of reading the table.
DROP TRIGGER person_change_update;

CREATE TRIGGER person_change_update
AFTER UPDATE OF region_code, status, funnel_stage, help_wanted, labour_brand, source, birth_date,
  created_by, merged_into, search_tokens, case_worker_id ON person
BEGIN
  INSERT INTO person_change (person_id) VALUES (NEW.id);
END;
