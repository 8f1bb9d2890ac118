-- The duplicate scan after an import or a save pairs each person written with the people of the
-- same name who have no valid ID number (service/person_duplicates). Without this index a common
-- name means reading everyone of that name (a fifth of a million in the bench registry) to find
-- the few without one; the whole-registry scan reads the names from it too.
CREATE INDEX person_name_without_id ON person (name) WHERE id_number IS NULL AND merged_into IS NULL;
