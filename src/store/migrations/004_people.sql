-- The people registry 返乡人员信息库: one row per person, with dated history, case team, services
-- and the provenance of every value.

CREATE TABLE person (
  id {{ID_PK}},
  id_number TEXT UNIQUE,            -- GB 11643, normalised; NULL when unknown or invalid
  id_number_raw TEXT,               -- what a source gave when it was not a valid number
  name TEXT NOT NULL,
  gender TEXT,                      -- male | female, derived from the ID number
  birth_date TEXT,                  -- YYYY-MM-DD, derived from the ID number
  phone TEXT,
  phone2 TEXT,
  region_code TEXT NOT NULL REFERENCES region (code),  -- household region, down to the village
  address TEXT,
  work_province TEXT,               -- where they work away (province, or 境外)
  work_city TEXT,
  education TEXT,
  skills TEXT,                      -- dictionary skills joined by 、
  skills_note TEXT,
  labour_brand TEXT,
  willing INTEGER,                  -- the "三有" flags: 1 yes, 0 no, NULL unknown
  capable INTEGER,
  creditworthy INTEGER,
  status TEXT NOT NULL,             -- away | returned | employed_home | started_business | left_again
  status_since TEXT,
  funnel_stage TEXT NOT NULL,       -- identified | contacted | landed
  intention_industry TEXT,          -- GB/T 4754 code
  intention_investment_wan INTEGER,
  intention_funding_wan INTEGER,
  help_wanted TEXT,                 -- comma-separated keys: site,loan,training,mentor,policy,employees
  intention_note TEXT,
  case_worker_id BIGINT REFERENCES app_user (id),
  mentor_name TEXT,
  notes TEXT,
  source TEXT NOT NULL,             -- big_data | survey | self_report | manual (first source)
  search_tokens TEXT NOT NULL,      -- tokens for full-text search (src/text)
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX person_region ON person (region_code);
CREATE INDEX person_phone ON person (phone);
CREATE INDEX person_status ON person (region_code, status);

CREATE TABLE person_status_history (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  since TEXT NOT NULL,              -- date the status began
  source TEXT NOT NULL,
  note TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_status_history_person ON person_status_history (person_id, since);

CREATE TABLE person_funnel_history (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  reached_on TEXT NOT NULL,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_funnel_history_person ON person_funnel_history (person_id);

CREATE TABLE person_service (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,               -- 用工保障, 业务帮办, 创业陪跑, 政策咨询, 培训推荐, 贷款对接 …
  served_on TEXT NOT NULL,
  served_by BIGINT REFERENCES app_user (id),
  result TEXT NOT NULL,
  next_step TEXT,
  next_due TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX person_service_person ON person_service (person_id, served_on);

CREATE TABLE person_provenance (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  fields TEXT NOT NULL,             -- the fields this write set, comma-separated (values: audit log)
  source TEXT NOT NULL,
  source_file TEXT,
  source_row INTEGER,
  set_by BIGINT,
  set_at TEXT NOT NULL
);
CREATE INDEX person_provenance_person ON person_provenance (person_id);

-- The business permissions of the registry for the built-in business roles.
INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'person:read' AS permission
  UNION ALL SELECT 'clerk', 'person:read'
  UNION ALL SELECT 'clerk', 'person:write'
  UNION ALL SELECT 'clerk', 'person:unmask'
  UNION ALL SELECT 'clerk', 'person:import'
  UNION ALL SELECT 'clerk', 'person:export'
  UNION ALL SELECT 'clerk', 'person:merge'
) p ON p.k = r.key;

-- A value a less trusted (or older) source offered for a field that already had one: kept for
-- staff to review in the person file.
CREATE TABLE person_conflict (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  kept_value TEXT,
  offered_value TEXT,
  offered_source TEXT NOT NULL,
  source_file TEXT,
  source_row INTEGER,
  recorded_at TEXT NOT NULL
);
CREATE INDEX person_conflict_person ON person_conflict (person_id);
