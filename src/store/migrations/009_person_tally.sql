-- A running count of live people (not merged away) by township, status and funnel stage, kept by
-- triggers on person (009_person_tally.<dialect>.sql). Province, city and county statistics and
-- the counts of the unfiltered ledger read it instead of counting a million rows: a province has
-- about 1,300 townships, so the largest answer sums fewer than 20,000 rows. `unit` is the first
-- nine digits of the household region (the township), or the whole code of a county-level one.
CREATE TABLE person_tally (
  unit TEXT NOT NULL,
  status TEXT NOT NULL,
  funnel_stage TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (unit, status, funnel_stage)
);

INSERT INTO person_tally (unit, status, funnel_stage, n)
SELECT SUBSTR(region_code, 1, 9), status, funnel_stage, COUNT(*) FROM person
WHERE merged_into IS NULL GROUP BY SUBSTR(region_code, 1, 9), status, funnel_stage;
