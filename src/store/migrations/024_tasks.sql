-- Task list 任务清单 and quarterly reports 信息报送 of a joint meeting 联席会议 (seed 001): the
-- year's tasks with their lead and responsible units, deadlines, progress notes, the done mark
-- and follow-up notices 督办; which member unit reports to which lead unit, the reports each
-- member unit files in the last week of every quarter, the lead units' compilations and the
-- reminders the joint-meeting office sends. Units are departments; a task's status is computed
-- on a date (core/task_status.h), a report's lateness too (core/report_window.h).

CREATE TABLE task (
  id {{ID_PK}},
  region_code TEXT NOT NULL REFERENCES region (code),  -- the joint meeting's region: data scope
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,          -- 序号 in the region's list of the year
  content TEXT NOT NULL,
  deadline TEXT NOT NULL,           -- YYYY-MM-DD; "2025年4月" is stored as 2025-04-30
  deadline_text TEXT,               -- the deadline as the list writes it (2025年4月)
  indicator_code TEXT,              -- a linked indicator (new_ventures …): progress comes from it
  indicator_target DOUBLE PRECISION,  -- the indicator's target for this task
  done_on TEXT,                     -- marked done on this day; NULL while not done
  done_note TEXT,
  done_by BIGINT,
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_code, year, number)
);

-- The units of a task: one lead unit 牵头单位 and any number of responsible units 责任单位.
CREATE TABLE task_unit (
  task_id BIGINT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  department_id BIGINT NOT NULL REFERENCES department (id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
  position INTEGER NOT NULL,        -- the order the list names them in
  PRIMARY KEY (task_id, department_id)
);
CREATE INDEX task_unit_department ON task_unit (department_id, task_id);

-- Progress notes 工作进展 a unit records on a task, dated.
CREATE TABLE task_note (
  id {{ID_PK}},
  task_id BIGINT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  department_id BIGINT NOT NULL REFERENCES department (id),
  noted_on TEXT NOT NULL,
  content TEXT NOT NULL,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX task_note_task ON task_note (task_id, noted_on);

-- Follow-up notices 督办通知 the joint-meeting office issues to a unit about a task, and the
-- unit's reply. Open until replied; overdue when unreplied after reply_due_on.
CREATE TABLE task_notice (
  id {{ID_PK}},
  task_id BIGINT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  department_id BIGINT NOT NULL REFERENCES department (id),  -- the unit asked
  content TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  reply_due_on TEXT NOT NULL,
  reply TEXT,
  replied_on TEXT,
  replied_by BIGINT,
  issued_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX task_notice_task ON task_notice (task_id, id);
CREATE INDEX task_notice_department ON task_notice (department_id, replied_on);

-- Reporting lines: the member units 成员单位 of a joint meeting and the lead unit each reports
-- to (by default the joint-meeting office of the region). Kept by the joint-meeting office.
CREATE TABLE report_line (
  department_id BIGINT PRIMARY KEY REFERENCES department (id),
  lead_department_id BIGINT NOT NULL REFERENCES department (id),
  region_code TEXT NOT NULL REFERENCES region (code),  -- the joint meeting's region
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX report_line_region ON report_line (region_code, lead_department_id);

-- Quarterly reports 信息报送: one per member unit per quarter, editable until its lead unit has
-- compiled the quarter.
CREATE TABLE quarterly_report (
  id {{ID_PK}},
  department_id BIGINT NOT NULL REFERENCES department (id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  progress TEXT NOT NULL,           -- 工作推进情况
  problems TEXT,                    -- 存在主要问题
  experience TEXT,                  -- 典型经验做法
  filed_on TEXT NOT NULL,           -- the day filed (lateness is counted from it)
  filed_at TEXT NOT NULL,
  filed_by BIGINT,
  updated_at TEXT NOT NULL,
  UNIQUE (department_id, year, quarter)
);
CREATE INDEX quarterly_report_quarter ON quarterly_report (year, quarter);

-- A lead unit's compilation 汇总 of its units' reports of a quarter, sent on to the office.
CREATE TABLE report_compilation (
  id {{ID_PK}},
  lead_department_id BIGINT NOT NULL REFERENCES department (id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  content TEXT NOT NULL,
  compiled_on TEXT NOT NULL,
  compiled_by BIGINT,
  compiled_at TEXT NOT NULL,
  UNIQUE (lead_department_id, year, quarter)
);

-- Reminders 催报 sent to member units that had not filed a quarter's report.
CREATE TABLE report_reminder (
  id {{ID_PK}},
  region_code TEXT NOT NULL REFERENCES region (code),
  department_id BIGINT NOT NULL REFERENCES department (id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  sent_on TEXT NOT NULL,
  message TEXT,
  sent_by BIGINT,
  sent_at TEXT NOT NULL
);
CREATE INDEX report_reminder_quarter ON report_reminder (year, quarter, department_id);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'task:read' AS permission
  UNION ALL SELECT 'leader', 'task:supervise'
  UNION ALL SELECT 'leader', 'report:read'
  UNION ALL SELECT 'clerk', 'task:read'
  UNION ALL SELECT 'clerk', 'task:write'
  UNION ALL SELECT 'clerk', 'task:supervise'
  UNION ALL SELECT 'clerk', 'report:read'
  UNION ALL SELECT 'clerk', 'report:write'
) p ON p.k = r.key;
