-- Applications for policies 政策申请 (submitted → reviewed → approved/rejected → paid, with the
-- engine's trace kept at submission and at decision), and the proactive-matching worklist
-- 政策找人: who qualifies for a policy in a region, and what staff did about it.

CREATE TABLE policy_application (
  id {{ID_PK}},
  policy_id BIGINT NOT NULL REFERENCES policy (id),
  policy_code TEXT NOT NULL,
  policy_version INTEGER NOT NULL,     -- the version evaluated at submission
  subject_kind TEXT NOT NULL,          -- person | venture
  subject_id BIGINT NOT NULL,
  subject_name TEXT NOT NULL,
  region_code TEXT NOT NULL,           -- the subject's region: the data scope
  period_key TEXT,                     -- once | the year; NULL for policies without a limit
  status TEXT NOT NULL,                -- submitted | reviewed | approved | rejected | paid
  channel TEXT NOT NULL,               -- staff | self | automatic (免申即享)
  submitted_on TEXT NOT NULL,
  submitted_by BIGINT,
  submission_verdict TEXT NOT NULL,
  submission_trace TEXT NOT NULL,      -- JSON: the evaluation at submission
  amount_requested_fen BIGINT,
  note TEXT,
  reviewed_on TEXT,
  reviewed_by BIGINT,
  review_note TEXT,
  decided_on TEXT,
  decided_by BIGINT,
  decision_verdict TEXT,
  decision_trace TEXT,                 -- JSON: the evaluation at decision
  decision_reason TEXT,
  amount_approved_fen BIGINT,
  payout_due_on TEXT,                  -- decided_on + the payout limit in working days
  paid_on TEXT,
  paid_fen BIGINT,
  payment_reference TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- No double award: one live application per policy, subject and period (a rejected one does
-- not count; NULL periods never collide).
CREATE UNIQUE INDEX policy_application_period ON policy_application
  (policy_code, subject_kind, subject_id, period_key) WHERE status <> 'rejected';
CREATE INDEX policy_application_queue ON policy_application (status, region_code);
CREATE INDEX policy_application_subject ON policy_application (subject_kind, subject_id);

-- The worklist of a policy: subjects found eligible (or undecided for missing data), kept up to
-- date by re-evaluating only the records changed since the last run.
CREATE TABLE policy_match (
  policy_id BIGINT NOT NULL REFERENCES policy (id),
  subject_kind TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  region_code TEXT NOT NULL,
  verdict TEXT NOT NULL,               -- eligible | unknown
  amount_fen BIGINT,
  summary TEXT NOT NULL,
  evaluated_on TEXT NOT NULL,
  work_status TEXT NOT NULL DEFAULT 'open',  -- open | contacted | declined
  work_note TEXT,
  work_by BIGINT,
  work_at TEXT,
  PRIMARY KEY (policy_id, subject_kind, subject_id)
);
CREATE INDEX policy_match_region ON policy_match (policy_id, region_code);

-- Each evaluation run of a policy over a region: a later request reuses it and re-evaluates only
-- what changed after `ran_at` (or everything when the policy's version or the day differ).
CREATE TABLE policy_match_run (
  policy_id BIGINT NOT NULL REFERENCES policy (id),
  region_code TEXT NOT NULL,
  policy_version INTEGER NOT NULL,
  run_on TEXT NOT NULL,                -- the evaluation date
  ran_at TEXT NOT NULL,                -- when it started (records changed after it are redone)
  evaluated INTEGER NOT NULL,
  PRIMARY KEY (policy_id, region_code)
);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'application:read' AS permission
  UNION ALL SELECT 'clerk', 'application:read'
  UNION ALL SELECT 'clerk', 'application:write'
  UNION ALL SELECT 'clerk', 'application:decide'
) p ON p.k = r.key;
CREATE INDEX person_updated ON person (updated_at);
