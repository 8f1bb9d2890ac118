-- A log of the people whose household region or merge changed, or who were deleted (triggers in
-- the dialect files). The indicators counting status changes and service records per region
-- (service/indicator_records) ask its newest entry whether a figure they keep is still right,
-- instead of the newest person.updated_at, which every edit of a phone or a note moves. Other
-- edits leave those counts alone; a status change adds a history row, which they ask about too.
CREATE TABLE person_placement (
  seq {{ID_PK}},
  person_id BIGINT NOT NULL
);
