-- The network the merchant library works through: chambers of commerce 商会, liaison stations
-- 楚商联络站 and outstations 驻外推介服务站 (one table, by kind) with the merchants linked to a
-- station, and investment ambassadors 招商大使 appointed from the library. Each belongs to the
-- Hubei region whose office keeps it (the data scope).

CREATE TABLE chamber (
  id {{ID_PK}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,               -- hometown_chamber | industry_association | alumni | overseas
  city TEXT,
  country TEXT,
  region_code TEXT NOT NULL REFERENCES region (code),
  contact_name TEXT,
  contact_phone TEXT,
  established_on TEXT,
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX chamber_region ON chamber (region_code);

CREATE TABLE station (
  id {{ID_PK}},
  kind TEXT NOT NULL,               -- liaison (楚商联络站) | outstation (驻外推介服务站)
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT,
  region_code TEXT NOT NULL REFERENCES region (code),
  host_chamber_id BIGINT REFERENCES chamber (id),
  contact_name TEXT,
  contact_phone TEXT,
  established_on TEXT,
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX station_region ON station (region_code, kind);

CREATE TABLE station_merchant (
  station_id BIGINT NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  merchant_id BIGINT NOT NULL REFERENCES merchant (id) ON DELETE CASCADE,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (station_id, merchant_id)
);
CREATE INDEX station_merchant_merchant ON station_merchant (merchant_id);

CREATE TABLE ambassador (
  id {{ID_PK}},
  merchant_id BIGINT NOT NULL REFERENCES merchant (id),
  region_code TEXT NOT NULL REFERENCES region (code),  -- the government that appointed them
  appointed_on TEXT NOT NULL,
  term_end TEXT,
  status TEXT NOT NULL,             -- active | ended
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ambassador_region ON ambassador (region_code, appointed_on);
CREATE INDEX ambassador_merchant ON ambassador (merchant_id);
