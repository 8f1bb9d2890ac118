-- Targets 目标任务 per region, year and indicator (data/indicators.toml defines the indicators and
-- how their actuals are computed from records), and the official figures a region may enter for
-- an indicator that allows it (the year-end count of out-of-province migrant workers from the
-- statistics bureau …) or that no records can compute (model cases selected …), with the source.

CREATE TABLE indicator_target (
  region_code TEXT NOT NULL REFERENCES region (code),
  year INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,  -- in the indicator's unit (a ratio as a fraction: 0.02)
  source TEXT,                      -- the document that set it
  set_by BIGINT,
  set_at TEXT NOT NULL,
  PRIMARY KEY (region_code, year, indicator_code)
);
CREATE INDEX indicator_target_year ON indicator_target (year, indicator_code, region_code);

CREATE TABLE indicator_figure (
  region_code TEXT NOT NULL REFERENCES region (code),
  year INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL,             -- where the figure comes from (required: it replaces records)
  set_by BIGINT,
  set_at TEXT NOT NULL,
  PRIMARY KEY (region_code, year, indicator_code)
);

-- Speeds the indicators read by date: a status reached in a year (employed at home), services of
-- a kind in a year (training referrals), stages entered (signed, landed) are already indexed.
CREATE INDEX person_status_history_status ON person_status_history (status, since, person_id);
CREATE INDEX person_service_kind ON person_service (kind, served_on, person_id);
CREATE INDEX venture_registered ON venture (registered_on, region_code);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'indicator:read' AS permission
  UNION ALL SELECT 'clerk', 'indicator:read'
  UNION ALL SELECT 'clerk', 'indicator:write'
) p ON p.k = r.key;
