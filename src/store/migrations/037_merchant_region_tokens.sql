-- A search naming a place finds the merchants from there: every merchant's search tokens end with
-- their hometown at each level of its code (rg42 rg4210 rg421022 rg421022100 …), as
-- service/merchant_write.cpp (region_tokens) writes them from now on. SQLite's merchant_fts
-- follows the column by its update trigger; PostgreSQL recomputes search_vector by itself.
UPDATE merchant SET search_tokens = TRIM(search_tokens
  || ' rg' || SUBSTR(hometown_code, 1, 2)
  || ' rg' || SUBSTR(hometown_code, 1, 4)
  || ' rg' || SUBSTR(hometown_code, 1, 6)
  || CASE WHEN LENGTH(hometown_code) >= 9 THEN ' rg' || SUBSTR(hometown_code, 1, 9) ELSE '' END
  || CASE WHEN LENGTH(hometown_code) >= 12 THEN ' rg' || SUBSTR(hometown_code, 1, 12) ELSE '' END);
