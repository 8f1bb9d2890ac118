-- Ventures 返乡创业经营主体: the businesses returnees start (个体工商户, 企业, 农民专业合作社,
-- 家庭农场), their founders from the people registry, and the people they employ as dated counts.
-- Most policies and the main target (new returnee businesses) count them.

CREATE TABLE venture (
  id {{ID_PK}},
  type TEXT NOT NULL,               -- individual_business | enterprise | cooperative | family_farm
  name TEXT NOT NULL,
  credit_code TEXT UNIQUE,          -- GB 32100, normalised; NULL while not registered
  registered_on TEXT,               -- YYYY-MM-DD, the registration date
  first_registration INTEGER,       -- 1: the founder's first business registration 初次注册登记
  industry TEXT,                    -- GB/T 4754 section or division
  industry_section TEXT,
  region_code TEXT NOT NULL REFERENCES region (code),  -- where it operates: the data scope
  address TEXT,
  in_park INTEGER,                  -- 1: housed in a start-up park or incubator 创业园区/孵化基地
  status TEXT NOT NULL,             -- operating | suspended | closed
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX venture_region ON venture (region_code, status, type);

-- The founders 创办人 of a venture: people of the registry.
CREATE TABLE venture_founder (
  venture_id BIGINT NOT NULL REFERENCES venture (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (venture_id, person_id)
);
CREATE INDEX venture_founder_person ON venture_founder (person_id);

-- People employed 带动就业, founders included, counted on a date; a later count for the same date
-- replaces the earlier one.
CREATE TABLE venture_employment (
  venture_id BIGINT NOT NULL REFERENCES venture (id) ON DELETE CASCADE,
  counted_on TEXT NOT NULL,
  employees BIGINT NOT NULL CHECK (employees >= 1),
  source TEXT,                      -- where the count comes from (社保参保, 走访, 台账 …)
  notes TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (venture_id, counted_on)
);

-- The roles that read and write people read and write their ventures.
INSERT INTO role_permission (role_id, permission)
SELECT DISTINCT rp.role_id, CASE rp.permission WHEN 'person:read' THEN 'venture:read'
                                                 ELSE 'venture:write' END
FROM role_permission rp JOIN role r ON r.id = rp.role_id
WHERE r.builtin = 1 AND rp.permission IN ('person:read', 'person:write');
