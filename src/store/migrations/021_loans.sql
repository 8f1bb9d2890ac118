-- Loans and financing 创业担保贷款与融资对接: the guaranteed-loan ledger with each loan's check
-- against the policy and the interest subsidies paid, partner banks' loan products, and financing
-- requests tracked by a code the applicant can look up without an account.

-- 创业担保贷款台账. Money in whole yuan, rates in basis points (4.50% = 450).
CREATE TABLE loan (
  id {{ID_PK}},
  person_id BIGINT NOT NULL REFERENCES person (id),  -- the borrower
  venture_id BIGINT,                -- the borrower's venture, when known (no key: built apart)
  borrower_kind TEXT NOT NULL,      -- individual 个人 | partnership 合伙创业 | small_firm 小微企业
  guarantor TEXT,                   -- the guarantee institution
  bank TEXT NOT NULL,               -- the lending bank
  amount_yuan BIGINT NOT NULL,
  rate_bp INTEGER NOT NULL,         -- the contract's annual rate
  contract_on TEXT NOT NULL,
  term_months INTEGER NOT NULL,
  region_code TEXT NOT NULL REFERENCES region (code),  -- where the loan is handled: data scope
  status TEXT NOT NULL,             -- active | repaid | overdue | compensated
  verdict TEXT NOT NULL,            -- eligible | unknown: the policy check at saving
  needs_review INTEGER NOT NULL DEFAULT 0,  -- 1 when the check could not decide (data missing)
  policy_id BIGINT REFERENCES policy (id),
  policy_version INTEGER,
  cap_bp INTEGER,                   -- the rate cap on the contract date the schedule uses
  share_bp INTEGER,                 -- the treasury's share of the interest
  trace TEXT,                       -- JSON: the check's conditions and their sentences
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX loan_person ON loan (person_id, contract_on);
CREATE INDEX loan_region ON loan (region_code, contract_on);

-- Interest subsidies paid 贴息拨付, each against one month of the schedule.
CREATE TABLE loan_subsidy (
  id {{ID_PK}},
  loan_id BIGINT NOT NULL REFERENCES loan (id) ON DELETE CASCADE,
  month INTEGER NOT NULL,           -- 1 … term_months
  amount_fen BIGINT NOT NULL,
  paid_on TEXT NOT NULL,
  reference TEXT,                   -- the payment's voucher or batch number
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX loan_subsidy_loan ON loan_subsidy (loan_id, month);

-- 合作银行贷款产品. Values the sources leave out stay NULL.
CREATE TABLE loan_product (
  id {{ID_PK}},
  bank TEXT,
  name TEXT NOT NULL,
  target_group TEXT,                -- 退役军人, 高校毕业生 …
  max_amount_wan BIGINT,
  rate_description TEXT,
  term_description TEXT,
  guarantee TEXT,
  region_code TEXT NOT NULL REFERENCES region (code),  -- offered there and below
  active INTEGER NOT NULL DEFAULT 1,
  source TEXT,                      -- where the product is described
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX loan_product_region ON loan_product (region_code);

-- 融资需求, tracked by a random code.
CREATE TABLE financing_request (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,        -- XXXX-XXXX-XXXX (core/tracking_code.h)
  applicant_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  phone_last4 TEXT NOT NULL,        -- what the public lookup compares
  person_id BIGINT REFERENCES person (id),
  amount_yuan BIGINT NOT NULL,
  purpose TEXT,
  product_id BIGINT REFERENCES loan_product (id),
  region_code TEXT NOT NULL REFERENCES region (code),
  status TEXT NOT NULL,             -- submitted | accepted | approved | disbursed | rejected
  submitted_on TEXT NOT NULL,
  accepted_on TEXT,
  approved_on TEXT,
  disbursed_on TEXT,
  rejected_on TEXT,
  due_on TEXT NOT NULL,             -- a decision is due: 15 working days after submission
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX financing_request_region ON financing_request (region_code, status);

CREATE TABLE financing_move (
  id {{ID_PK}},
  request_id BIGINT NOT NULL REFERENCES financing_request (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  moved_on TEXT NOT NULL,
  note TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX financing_move_request ON financing_move (request_id, id);

-- Failed public lookups, in the database so that every server counts the same tries.
CREATE TABLE financing_lookup_failure (
  id {{ID_PK}},
  at TEXT NOT NULL,                 -- UTC, second precision
  ip TEXT NOT NULL,
  code TEXT NOT NULL
);
CREATE INDEX financing_lookup_failure_code ON financing_lookup_failure (code, at);
CREATE INDEX financing_lookup_failure_ip ON financing_lookup_failure (ip, at);

-- Products the sources name (seeds 000, 001, 002); unknown values left empty.
INSERT INTO loan_product (bank, name, target_group, max_amount_wan, region_code, source,
                          created_at, updated_at) VALUES
  (NULL, '军创贷', '退役军人', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '青创贷', '高校毕业生', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '虾农贷', '返乡农民工', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '专利贷', '科技人才', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('中国建设银行', '善新贷', '初创企业', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('中国邮政储蓄银行', '楚商贷', '初创企业', NULL, '421000', '荆州市春风行动新闻（2026年1月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('中国银行', '稳岗扩岗专项贷款', '返乡创业企业；小微企业主、个体工商户等个人（个人最高授信1000万元）', 5000, '421000', '荆州市返乡创业工作方案（2025年3月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '青创贷', NULL, NULL, '421202', '咸安区返乡创业实施方案（2025年7月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '稳岗扩岗专项贷', NULL, NULL, '421202', '咸安区返乡创业实施方案（2025年7月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (NULL, '咸创贷', NULL, NULL, '421202', '咸安区返乡创业实施方案（2025年7月）', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'loan:read' AS permission
  UNION ALL SELECT 'clerk', 'loan:read'
  UNION ALL SELECT 'clerk', 'loan:write'
) p ON p.k = r.key;
