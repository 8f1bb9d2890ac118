-- A running tally of project stage entries by month of entry, county and stage, kept by triggers
-- on project_stage (017_project_tally.<dialect>.sql). The pipeline board of a year for the
-- province, a city or a county sums at most 12 × 10 stages × its counties' rows instead of reading
-- every entry of the year (~60,000 for 20,000 projects), and monthly series can come from it.
-- `unit` is the first six digits of the project's region (its county, or the city or province
-- itself for a project registered there); entries without a date are not counted in any month.
-- timed and days: the entries whose days in the stage are known, except those that ended in
-- dropping the project (the board's average days); major: entries of 1亿 (10000 万元) or more.
-- Keyed by stage first: the board reads each stage's months of a year as one range, grouped.
CREATE TABLE project_stage_tally (
  month TEXT NOT NULL,
  unit TEXT NOT NULL,
  stage TEXT NOT NULL,
  entries BIGINT NOT NULL,
  amount_wan BIGINT NOT NULL,
  timed BIGINT NOT NULL,
  days BIGINT NOT NULL,
  major BIGINT NOT NULL,
  major_amount_wan BIGINT NOT NULL,
  PRIMARY KEY (stage, month, unit)
){{CLUSTERED}};

INSERT INTO project_stage_tally
  (month, unit, stage, entries, amount_wan, timed, days, major, major_amount_wan)
SELECT SUBSTR(entered_on, 1, 7), SUBSTR(region_code, 1, 6), stage, COUNT(*),
  COALESCE(SUM(amount_wan), 0),
  SUM(CASE WHEN days_in_stage IS NOT NULL AND left_to <> 'dropped' THEN 1 ELSE 0 END),
  COALESCE(SUM(CASE WHEN days_in_stage IS NOT NULL AND left_to <> 'dropped'
    THEN days_in_stage END), 0),
  SUM(CASE WHEN amount_wan >= 10000 THEN 1 ELSE 0 END),
  COALESCE(SUM(CASE WHEN amount_wan >= 10000 THEN amount_wan END), 0)
FROM project_stage WHERE entered_on IS NOT NULL
GROUP BY SUBSTR(entered_on, 1, 7), SUBSTR(region_code, 1, 6), stage;
