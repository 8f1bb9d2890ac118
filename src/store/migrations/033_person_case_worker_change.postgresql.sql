-- PostgreSQL: a person's case worker changing is logged in person_change too, so the people list
-- answers "a case worker's people" and "nobody assigned" from its in-memory index
-- (service/person_facets) as it does the other filters, instead of reading the table.
DROP TRIGGER person_change_log ON person;

CREATE TRIGGER person_change_log
AFTER INSERT OR DELETE OR UPDATE OF region_code, status, funnel_stage, help_wanted, labour_brand,
  source, birth_date, created_by, merged_into, search_tokens, case_worker_id ON person
FOR EACH ROW EXECUTE FUNCTION person_change_log();
