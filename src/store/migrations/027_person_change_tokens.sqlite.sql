-- SQLite: a person's search tokens changing is logged in person_change too, so that the search
-- hits the server keeps in memory for broad queries (service/person_search_hits) are brought up
-- to date from the log like the list index is.
DROP TRIGGER person_change_update;

CREATE TRIGGER person_change_update
AFTER UPDATE OF region_code, status, funnel_stage, help_wanted, labour_brand, source, birth_date,
  created_by, merged_into, search_tokens ON person
BEGIN
  INSERT INTO person_change (person_id) VALUES (NEW.id);
END;
