-- The vocabularies offices edit: the skills dictionary 技能字典 and the labour brands 劳务品牌.
-- Records store a term's key, so keys never change and are never reused: a term is retired, not
-- deleted. Seeded with the terms the program had built in (core/vocabulary_registry.cpp), so the
-- keys existing records hold keep their meaning.
CREATE TABLE vocabulary_term (
  vocabulary TEXT NOT NULL CHECK (vocabulary IN ('skills', 'labour_brands')),
  key TEXT NOT NULL,
  label TEXT NOT NULL,              -- what the interface, exports and search show
  synonyms TEXT NOT NULL,           -- JSON array of the other words sheets use for it
  retired INTEGER NOT NULL DEFAULT 0,  -- 1: kept on records, no longer offered or matched
  sort_order INTEGER NOT NULL,
  updated_at TEXT,                  -- NULL: as seeded
  updated_by BIGINT REFERENCES app_user (id),
  PRIMARY KEY (vocabulary, key)
);

-- One row, raised by every edit: a server compares it with the revision it has loaded before
-- using the vocabularies, so an edit made through another server is seen at once.
CREATE TABLE vocabulary_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL
);
INSERT INTO vocabulary_revision (id, revision) VALUES (1, 1);

INSERT INTO vocabulary_term (vocabulary, key, label, synonyms, sort_order) VALUES
  ('skills', 'electrician', '电工', '[]', 1),
  ('skills', 'welder', '焊工', '["电焊","电焊工"]', 2),
  ('skills', 'mason', '泥瓦工', '["瓦工"]', 3),
  ('skills', 'carpenter', '木工', '[]', 4),
  ('skills', 'driver', '驾驶员', '["司机"]', 5),
  ('skills', 'forklift', '叉车', '["叉车工"]', 6),
  ('skills', 'cook', '厨师', '[]', 7),
  ('skills', 'caregiver', '护工', '["护理","养老护理"]', 8),
  ('skills', 'sewing', '缝纫工', '["车工","缝纫"]', 9),
  ('skills', 'waterproofing', '防水工', '[]', 10),
  ('skills', 'ecommerce', '电商', '["网店","直播带货"]', 11),
  ('skills', 'farming', '种养殖', '["种植","养殖"]', 12),
  ('skills', 'mechanic', '机修', '["汽修","维修"]', 13),
  ('skills', 'housekeeping', '家政', '["保洁","月嫂"]', 14),
  ('labour_brands', 'honghu_lotus', '洪湖莲藕师', '[]', 1),
  ('labour_brands', 'shishou_waterproof', '石首防水工', '[]', 2),
  ('labour_brands', 'jianli_beryllium', '监利铍铝商', '[]', 3),
  ('labour_brands', 'xianning_carer', '咸宁护工', '[]', 4),
  ('labour_brands', 'ramie_textile', '苎麻纺织工', '[]', 5),
  ('labour_brands', 'bamboo_craft', '竹艺师', '[]', 6);

-- Maintaining the two vocabularies is a system setting (字典管理), granted to the system
-- administrators; the security administrator may add it to other roles.
INSERT INTO role_permission (role_id, permission)
SELECT id, 'vocabulary:write' FROM role WHERE key = 'sysadmin';
