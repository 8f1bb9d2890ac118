-- A case worker's own people (GET /people?case_worker_id=) and the next steps falling due
-- (GET /people?next_step=): both partial, so an import of people nobody is assigned to and
-- without service records maintains nothing more.
CREATE INDEX person_case_worker ON person (case_worker_id) WHERE case_worker_id IS NOT NULL;
CREATE INDEX person_service_due ON person_service (next_due) WHERE next_due IS NOT NULL;
