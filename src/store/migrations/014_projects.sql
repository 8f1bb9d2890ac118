-- Investment projects 招商项目: the pipeline from lead to production with every stage dated, the
-- funds that arrived, approval milestones, appeals 诉求 with their replies, on-site visits
-- 十问十帮, and the list of projects offered to merchants 招商项目清单.

CREATE TABLE project (
  id {{ID_PK}},
  name TEXT NOT NULL,
  investor TEXT,                    -- the investing enterprise or person, as written
  region_code TEXT NOT NULL REFERENCES region (code),  -- where it lands: the data scope
  industry TEXT,                    -- GB/T 4754 section or division
  industry_section TEXT,
  amount_wan BIGINT,                -- planned investment; a major project is >= 10000 (1亿)
  stage TEXT NOT NULL,              -- lead … production, or dropped
  stage_on TEXT,                    -- when the current stage began (NULL: not known)
  dropped_from TEXT,                -- the stage it was dropped from
  dropped_reason TEXT,
  ambassador_id BIGINT REFERENCES ambassador (id),  -- who referred it
  task_leader TEXT,                 -- task force 1+1+1: a leader, a department, a cadre
  task_department TEXT,
  task_cadre TEXT,
  description TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_region ON project (region_code, stage);

-- Every stage a project reached, with its date (NULL when recorded as not known).
CREATE TABLE project_stage (
  id {{ID_PK}},
  project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  entered_on TEXT,
  left_on TEXT,                     -- when the next stage was entered (NULL: not yet, or unknown)
  left_to TEXT,                     -- that next stage (dropped included)
  region_code TEXT NOT NULL,        -- the project's, copied (kept in step on change) so that the
  amount_wan BIGINT,                -- board counts from this table's index alone
  created_by BIGINT,
  note TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX project_stage_project ON project_stage (project_id, id);
-- The board reads this index only: stages reached in a year, their amounts and days spent.
CREATE INDEX project_stage_board ON project_stage
  (stage, entered_on, region_code, amount_wan, left_on, left_to, created_by);

CREATE TABLE project_merchant (
  project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  merchant_id BIGINT NOT NULL REFERENCES merchant (id),
  PRIMARY KEY (project_id, merchant_id)
);
CREATE INDEX project_merchant_merchant ON project_merchant (merchant_id);

-- Funds arrived 到资, dated entries.
CREATE TABLE project_funding (
  id {{ID_PK}},
  project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  arrived_on TEXT NOT NULL,
  amount_wan BIGINT NOT NULL,
  note TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX project_funding_project ON project_funding (project_id);
CREATE INDEX project_funding_arrived ON project_funding (arrived_on);

-- Approval milestones (备案, 用地, 规划, 施工许可 …) with their start and finish dates.
CREATE TABLE project_milestone (
  id {{ID_PK}},
  project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  started_on TEXT NOT NULL,
  finished_on TEXT,
  note TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX project_milestone_project ON project_milestone (project_id);

-- On-site visits 十问十帮 (every two months for a project being built).
CREATE TABLE project_visit (
  id {{ID_PK}},
  project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  visited_on TEXT NOT NULL,
  staff TEXT,
  findings TEXT NOT NULL,
  help TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX project_visit_project ON project_visit (project_id, visited_on);

-- Appeals 诉求 from merchants and projects, handled within a time limit.
CREATE TABLE appeal (
  id {{ID_PK}},
  project_id BIGINT REFERENCES project (id),
  merchant_id BIGINT REFERENCES merchant (id),
  region_code TEXT NOT NULL REFERENCES region (code),  -- the project's or merchant's region
  category TEXT NOT NULL,
  content TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  assigned_unit TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,             -- open | answered | closed
  closed_on TEXT,
  satisfaction TEXT,                -- satisfied | basic | unsatisfied
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appeal_region ON appeal (region_code, status);
CREATE INDEX appeal_project ON appeal (project_id);

CREATE TABLE appeal_reply (
  id {{ID_PK}},
  appeal_id BIGINT NOT NULL REFERENCES appeal (id) ON DELETE CASCADE,
  replied_on TEXT NOT NULL,
  unit TEXT,
  content TEXT NOT NULL,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX appeal_reply_appeal ON appeal_reply (appeal_id);

-- The investment project list 招商项目清单: projects offered to merchants.
CREATE TABLE project_offer (
  id {{ID_PK}},
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES region (code),  -- where it is offered
  industry TEXT NOT NULL,
  amount_wan BIGINT,
  land_mu BIGINT,                   -- land available, 亩
  building_sqm BIGINT,              -- buildings available, m²
  description TEXT,
  status TEXT NOT NULL,             -- open | taken | withdrawn
  published_on TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_offer_region ON project_offer (region_code, status);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'project:read' AS permission
  UNION ALL SELECT 'clerk', 'project:read'
  UNION ALL SELECT 'clerk', 'project:write'
) p ON p.k = r.key;
