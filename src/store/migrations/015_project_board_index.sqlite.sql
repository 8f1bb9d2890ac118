UPDATE project_stage SET days_in_stage = CAST(julianday(left_on) - julianday(entered_on) AS INTEGER)
WHERE entered_on IS NOT NULL AND left_on IS NOT NULL;
