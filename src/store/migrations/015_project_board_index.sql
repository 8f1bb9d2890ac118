-- The pipeline board reads one year of stage entries: lead the board index with the date, so a
-- province-wide board reads that year's range instead of every stage entry ever recorded, and let
-- the project index carry amount and creator so the current counts never touch the table.
DROP INDEX project_stage_board;
CREATE INDEX project_stage_board ON project_stage
  (entered_on, stage, region_code, amount_wan, left_on, left_to, created_by);
DROP INDEX project_region;
CREATE INDEX project_region ON project (region_code, stage, amount_wan, created_by);
