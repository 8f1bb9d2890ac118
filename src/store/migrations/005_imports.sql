-- Background imports: the uploaded file is kept in the database, so whichever server claims the
-- job can run it, and a job is claimed by one server only.
CREATE TABLE import_file (
  id {{ID_PK}},
  filename TEXT NOT NULL,
  content {{BLOB}} NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE import_job (
  id {{ID_PK}},
  kind TEXT NOT NULL,                 -- people
  file_id BIGINT NOT NULL REFERENCES import_file (id),
  filename TEXT NOT NULL,
  source TEXT NOT NULL,
  dry_run INTEGER NOT NULL,
  status TEXT NOT NULL,               -- queued | running | done | failed
  rows_read INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  issues_json TEXT,
  region_code TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  claimed_by TEXT,
  started_at TEXT,
  heartbeat_at TEXT,
  finished_at TEXT
);
CREATE INDEX import_job_status ON import_job (status, id);
CREATE INDEX import_job_creator ON import_job (created_by, id);
