-- 20,000 synthetic investment projects with their stage history, funds and approval milestones,
-- spread over every Hubei county, for bench/projects.sh (SQLite).
CREATE TEMP TABLE stage_rank (key TEXT PRIMARY KEY, rank INTEGER);
INSERT INTO stage_rank VALUES ('lead', 0), ('contact', 1), ('inspection', 2), ('reception', 3),
  ('negotiation', 4), ('signed', 5), ('landed', 6), ('construction', 7), ('production', 8);
CREATE TEMP TABLE county AS
  SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS n FROM region WHERE level = 3;
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 20000)
INSERT INTO project (name, investor, region_code, industry, industry_section, amount_wan, stage,
                     stage_on, created_at, updated_at)
SELECT '项目' || i, '投资方' || (i % 997),
       (SELECT code FROM county WHERE n = (i * 7919) % (SELECT COUNT(*) FROM county)),
       CASE i % 4 WHEN 0 THEN '36' WHEN 1 THEN '13' WHEN 2 THEN '65' ELSE '58' END,
       CASE i % 4 WHEN 0 THEN 'C' WHEN 1 THEN 'C' WHEN 2 THEN 'I' ELSE 'G' END,
       500 + (i * 37) % 30000,
       (SELECT key FROM stage_rank WHERE rank = (i * 31) % 9),
       date('2025-01-01', '+' || ((i * 13) % 600) || ' days'),
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM seq;
INSERT INTO project_stage (project_id, stage, entered_on, left_on, left_to, days_in_stage,
                           region_code, amount_wan, recorded_at)
SELECT p.id, s.key, date(p.stage_on, '-' || ((r.rank - s.rank) * 20) || ' days'),
       CASE WHEN s.rank < r.rank THEN date(p.stage_on, '-' || ((r.rank - s.rank - 1) * 20) || ' days') END,
       (SELECT n.key FROM stage_rank n WHERE n.rank = s.rank + 1 AND s.rank < r.rank),
       CASE WHEN s.rank < r.rank THEN 20 END,
       p.region_code, p.amount_wan, p.created_at
FROM project p JOIN stage_rank r ON r.key = p.stage JOIN stage_rank s ON s.rank <= r.rank
ORDER BY p.id, s.rank;
INSERT INTO project_funding (project_id, arrived_on, amount_wan, recorded_at)
SELECT p.id, date(p.stage_on, '+10 days'), p.amount_wan / 4, p.created_at
FROM project p JOIN stage_rank r ON r.key = p.stage WHERE r.rank >= 5;
INSERT INTO project_milestone (project_id, kind, started_on, finished_on, recorded_at)
SELECT p.id, 'filing', date(p.stage_on, '-60 days'), date(p.stage_on, '-' || (10 + p.id % 40) || ' days'),
       p.created_at
FROM project p JOIN stage_rank r ON r.key = p.stage WHERE r.rank >= 6;
INSERT INTO project_offer (name, region_code, industry, amount_wan, status, created_at, updated_at)
VALUES ('基准招商项目', '421022', '36', 8000, 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
