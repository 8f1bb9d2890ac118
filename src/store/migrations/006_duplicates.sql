-- Probable duplicates among people without a (valid) ID number, the review queue staff work
-- through, and merges that can be undone.

-- The survivor a person was merged into; merged people leave lists, search, statistics and
-- exports but keep their rows, so a merge can be undone. No foreign key: a copy between
-- databases inserts people in id order, and a survivor may come later.
ALTER TABLE person ADD COLUMN merged_into BIGINT;
CREATE INDEX person_name ON person (name);
-- Re-importing a row with an unverified number finds its person by that number (few rows have
-- one; a name alone can match thousands).
CREATE INDEX person_id_raw ON person (id_number_raw) WHERE id_number_raw IS NOT NULL;
-- Counts by region, status and funnel stage of the people lists and statistics read this index
-- alone (merged people are never counted), not the wide person rows.
CREATE INDEX person_live ON person (region_code, status, funnel_stage) WHERE merged_into IS NULL;

-- A probable pair (person_a < person_b), its score (0–100) and reasons (comma-separated keys).
CREATE TABLE person_duplicate (
  id {{ID_PK}},
  person_a BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  person_b BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL,             -- open | merged | dismissed
  detected_at TEXT NOT NULL,
  decided_by BIGINT REFERENCES app_user (id),
  decided_at TEXT,
  note TEXT,
  UNIQUE (person_a, person_b)
);
CREATE INDEX person_duplicate_queue ON person_duplicate (status, score);
CREATE INDEX person_duplicate_b ON person_duplicate (person_b);

-- One merge: what the survivor took from the merged person (JSON field → {before, after}), so
-- undoing restores exactly that.
CREATE TABLE person_merge (
  id {{ID_PK}},
  duplicate_id BIGINT REFERENCES person_duplicate (id),
  survivor_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  merged_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  taken_json TEXT NOT NULL,
  merged_by BIGINT REFERENCES app_user (id),
  merged_at TEXT NOT NULL,
  undone_by BIGINT REFERENCES app_user (id),
  undone_at TEXT
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_id);
CREATE INDEX person_merge_merged ON person_merge (merged_id);
