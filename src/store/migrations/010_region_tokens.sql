-- Search within a region: every person's search tokens end with their household region at each
-- level of its code (rg42 rg4210 rg421022 rg421022100 rg421022100001), as
-- service/person_write.cpp (region_tokens) writes them from now on. A search bounded to a region
-- asks the full-text index for that token too, so it walks the region's hits only, not the
-- province's. PostgreSQL recomputes search_vector from the column by itself.
UPDATE person SET search_tokens = TRIM(search_tokens
  || ' rg' || SUBSTR(region_code, 1, 2)
  || ' rg' || SUBSTR(region_code, 1, 4)
  || ' rg' || SUBSTR(region_code, 1, 6)
  || CASE WHEN LENGTH(region_code) >= 9 THEN ' rg' || SUBSTR(region_code, 1, 9) ELSE '' END
  || CASE WHEN LENGTH(region_code) >= 12 THEN ' rg' || SUBSTR(region_code, 1, 12) ELSE '' END);
