-- A large import writes every index of person once per row. Two of them only repeated a prefix of
-- another: person_region and person_status are served by person_live (region_code, status,
-- funnel_stage) for the live records every list and count reads, and region lookups that include
-- merged records are by id. Dropping them leaves five indexes on person.
DROP INDEX person_region;
DROP INDEX person_status;
