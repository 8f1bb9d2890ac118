-- The parameters several policies share (the loan prime rate LPR …) as versioned data, like the
-- policies: data/policies/parameters.toml is inserted as version 1 on start when the table is
-- empty, and every later save (a new dated value) is a new version. Past values never change.

CREATE TABLE policy_parameter_set (
  version INTEGER PRIMARY KEY,
  definition TEXT NOT NULL,         -- JSON: {"NAME": {"label","unit","values":[…]}}
  note TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
