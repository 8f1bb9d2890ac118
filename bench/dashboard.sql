-- What the dashboard bench adds to a database holding 1,000,000 imported people (gen_people), the
-- merchant library (gen_merchants) and 20,000 projects (projects.sql), so that every indicator has
-- records to count (SQLite): where the people work away and since when (the 2% rule's denominator
-- reads the status history on 31 December), a venture per person who started a business,
-- guaranteed loans, training referrals, events at every level, ambassadors and stations.
UPDATE person SET work_province = CASE abs(random()) % 10
    WHEN 0 THEN '湖北省' WHEN 1 THEN '湖北省' WHEN 2 THEN '湖北省' WHEN 3 THEN '浙江省'
    WHEN 4 THEN '上海市' WHEN 5 THEN '江苏省' ELSE '广东省' END
  WHERE merged_into IS NULL;
INSERT INTO person_status_history (person_id, status, since, source, recorded_at)
SELECT id, 'away', date('2015-01-01', '+' || (abs(random()) % 3650) || ' days'), 'big_data',
       '2026-11-01T00:00:00Z'
FROM person WHERE merged_into IS NULL;
-- Those back home now came back over the last two years.
UPDATE person_status_history SET since = date('2025-01-01', '+' || (abs(random()) % 690) || ' days')
  WHERE status <> 'away' AND recorded_at > '2026-11-02';
INSERT INTO venture (type, name, registered_on, first_registration, industry, industry_section,
  region_code, in_park, status, created_at, updated_at)
SELECT CASE abs(random()) % 4 WHEN 0 THEN 'individual_business' WHEN 1 THEN 'enterprise'
         WHEN 2 THEN 'cooperative' ELSE 'family_farm' END, p.name || '的店',
       date('2023-01-01', '+' || (abs(random()) % 1400) || ' days'),
       abs(random()) % 10 < 8, '13', 'C', p.region_code, abs(random()) % 10 = 0,
       CASE WHEN abs(random()) % 10 = 0 THEN 'suspended' ELSE 'operating' END,
       '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'
FROM person p WHERE p.status = 'started_business' AND p.merged_into IS NULL ORDER BY p.id;
INSERT INTO loan (person_id, borrower_kind, bank, amount_yuan, rate_bp, contract_on, term_months,
  region_code, status, verdict, created_at, updated_at)
SELECT id, 'individual', '湖北银行', 100000 + (id % 20) * 10000, 400,
       date('2024-01-01', '+' || (abs(random()) % 1060) || ' days'), 24, region_code, 'active',
       'eligible', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'
FROM person WHERE status = 'started_business' AND merged_into IS NULL AND id % 3 = 0;
INSERT INTO person_service (person_id, kind, served_on, result, created_at)
SELECT id, 'training_referral', date('2024-01-01', '+' || (abs(random()) % 1060) || ' days'),
       '已推荐参加创业培训', '2026-11-01T00:00:00Z'
FROM person WHERE merged_into IS NULL AND id % 7 = 0;
-- Events: each city 8 a year, each county 10, one township in twenty 2, over 2024–2026.
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 29)
INSERT INTO event (region_code, level, type, title, held_on, status, created_at, updated_at)
SELECT r.code, CASE r.level WHEN 2 THEN 'city' WHEN 3 THEN 'county' ELSE 'township' END,
       'promotion', r.name || '楚商回乡推介会' || k.i,
       date('2024-01-01', '+' || ((k.i * 37 + length(r.code) * 11) % 1060) || ' days'),
       CASE WHEN k.i % 9 = 0 THEN 'cancelled' ELSE 'held' END,
       '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'
FROM region r JOIN k ON k.i < CASE r.level WHEN 2 THEN 24 WHEN 3 THEN 30 ELSE 6 END
WHERE r.level IN (2, 3) OR (r.level = 4 AND CAST(substr(r.code, 7, 3) AS INTEGER) % 20 = 0);
INSERT INTO ambassador (merchant_id, region_code, appointed_on, status, created_at, updated_at)
SELECT id, substr(hometown_code, 1, 6), date('2024-01-01', '+' || (abs(random()) % 1060) || ' days'),
       'active', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'
FROM merchant WHERE id % 100 = 0;
INSERT INTO station (kind, name, city, region_code, established_on, created_at, updated_at)
SELECT CASE WHEN id % 2 = 0 THEN 'liaison' ELSE 'outstation' END, '站点' || id, '深圳',
       substr(hometown_code, 1, 6), date('2023-01-01', '+' || (abs(random()) % 1400) || ' days'),
       '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'
FROM merchant WHERE id % 500 = 0;
ANALYZE;
