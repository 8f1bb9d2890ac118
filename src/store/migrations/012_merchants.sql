-- The merchant and talent library 楚商楚才库: Hubei-linked entrepreneurs, alumni, talents, industry
-- leaders and overseas merchants, each a person and/or an enterprise, with the investment
-- intention (its changes kept as dated history), the date staff last verified the record
-- (freshness 动态更新率), and the contact log.

CREATE TABLE merchant (
  id {{ID_PK}},
  name TEXT,                        -- the person; a record has a name, an enterprise, or both
  categories TEXT,                  -- comma-separated keys: entrepreneur,alumnus,talent,…
  position TEXT,
  phone TEXT,
  enterprise_name TEXT,
  credit_code TEXT UNIQUE,          -- GB 32100, normalised
  industry TEXT,                    -- GB/T 4754 section letter or division
  industry_section TEXT,            -- the section of industry (core/industry.h), set on write
  enterprise_size TEXT,             -- large | medium | small | micro
  operating_status TEXT,            -- operating | expanding | struggling | closed
  revenue_band TEXT,
  hometown_code TEXT NOT NULL REFERENCES region (code),  -- 籍贯地 in Hubei: the data scope
  location_city TEXT,
  location_country TEXT,            -- empty or 中国 at home; a country for overseas merchants
  chambers TEXT,
  influence TEXT,                   -- national | provincial | city | local
  tags TEXT,                        -- comma-separated keys: ambassador,alumnus,overseas,…
  intention_strength TEXT NOT NULL, -- strong | possible | none | unknown
  intention_industries TEXT,        -- comma-separated GB/T 4754 codes
  intention_min_wan BIGINT,
  intention_max_wan BIGINT,
  intention_regions TEXT,           -- comma-separated region codes
  intention_note TEXT,
  notes TEXT,
  case_worker_id BIGINT REFERENCES app_user (id),
  verified_on TEXT,                 -- YYYY-MM-DD the record was last confirmed current by staff
  verified_by BIGINT,
  search_tokens TEXT NOT NULL,      -- tokens for full-text search (src/text)
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The columns lists count and classify by: their counts read this index alone, never the wide
-- rows (bench/merchants.sh).
CREATE INDEX merchant_facets ON merchant
  (hometown_code, industry_section, industry, intention_strength, verified_on);
CREATE INDEX merchant_case_worker ON merchant (case_worker_id, verified_on);
CREATE INDEX merchant_phone ON merchant (phone);
CREATE INDEX merchant_name ON merchant (name);

CREATE TABLE merchant_intention (
  id {{ID_PK}},
  merchant_id BIGINT NOT NULL REFERENCES merchant (id) ON DELETE CASCADE,
  strength TEXT NOT NULL,
  industries TEXT,
  min_wan BIGINT,
  max_wan BIGINT,
  regions TEXT,
  note TEXT,
  recorded_on TEXT NOT NULL,        -- the date the intention was learnt
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX merchant_intention_merchant ON merchant_intention (merchant_id, recorded_on);

CREATE TABLE merchant_contact (
  id {{ID_PK}},
  merchant_id BIGINT NOT NULL REFERENCES merchant (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,               -- visit | festival | reception | talk | call
  festival TEXT,                    -- for kind festival: spring_festival | qingming | …
  contacted_on TEXT NOT NULL,
  staff_id BIGINT REFERENCES app_user (id),
  staff_names TEXT,                 -- others who took part
  result TEXT NOT NULL,
  next_step TEXT,
  next_due TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX merchant_contact_merchant ON merchant_contact (merchant_id, contacted_on);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'merchant:read' AS permission
  UNION ALL SELECT 'clerk', 'merchant:read'
  UNION ALL SELECT 'clerk', 'merchant:write'
  UNION ALL SELECT 'clerk', 'merchant:unmask'
  UNION ALL SELECT 'clerk', 'merchant:import'
  UNION ALL SELECT 'clerk', 'merchant:export'
) p ON p.k = r.key;
