UPDATE project_stage SET days_in_stage = CAST(left_on AS DATE) - CAST(entered_on AS DATE)
WHERE entered_on IS NOT NULL AND left_on IS NOT NULL;
