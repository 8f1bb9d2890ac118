-- Policies 政策清单 as data (docs/rules.md): each policy's current definition, the columns the
-- catalogue filters on copied out of it, and every earlier version, kept when a policy changes.

CREATE TABLE policy (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,        -- stable key, also used by the shipped files and the tests
  version INTEGER NOT NULL,         -- the current version (1, 2, …)
  name TEXT NOT NULL,
  kind TEXT NOT NULL,               -- 场租补贴, 贷款贴息, 创业补贴 …
  region_code TEXT NOT NULL,        -- issuing region: applies there and below
  subject TEXT NOT NULL,            -- person | venture | loan
  award TEXT NOT NULL,              -- application | automatic | selection
  valid_from TEXT,
  valid_to TEXT,
  definition TEXT NOT NULL,         -- JSON, as read by rules/policy_reader.h
  shipped INTEGER NOT NULL DEFAULT 0,  -- 1 when it came from data/policies
  updated_by BIGINT,
  updated_at TEXT NOT NULL
);
CREATE INDEX policy_region ON policy (region_code, kind);

CREATE TABLE policy_version (
  policy_id BIGINT NOT NULL REFERENCES policy (id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  note TEXT,                        -- why it changed
  created_by BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (policy_id, version)
);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'policy:read' AS permission
  UNION ALL SELECT 'clerk', 'policy:read'
  UNION ALL SELECT 'clerk', 'policy:write'
) p ON p.k = r.key;
