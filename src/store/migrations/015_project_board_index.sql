-- The pipeline board at province scale: each stage entry keeps the days it lasted (from its date
-- to the next stage's, both known), so the board sums integers instead of doing date arithmetic
-- on every entry; the board index carries them and is read one stage's year range at a time.
-- The project index for the current counts carries amount and creator, and the funds index the
-- project and amount, so neither touches its table.
ALTER TABLE project_stage ADD COLUMN days_in_stage INTEGER;
DROP INDEX project_stage_board;
CREATE INDEX project_stage_board ON project_stage
  (stage, entered_on, region_code, amount_wan, days_in_stage, left_to, created_by);
CREATE INDEX project_board ON project (stage, region_code, amount_wan, created_by);
DROP INDEX project_funding_arrived;
CREATE INDEX project_funding_arrived ON project_funding (arrived_on, project_id, amount_wan);
