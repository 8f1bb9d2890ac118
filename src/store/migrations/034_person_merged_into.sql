-- The records merged into a person: its file gathers them and its next step follows them.
-- Partial, as merges are few; without it each person file scanned the whole table (1.2 s cold
-- at a million people).
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;
