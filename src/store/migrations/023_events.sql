-- Events 活动: investment-promotion meetings, festival gatherings at 春节/清明/端午/中秋/国庆, job
-- fairs, bank-firm matchmaking … held by a city, a county or a township; the merchants and people
-- invited and who checked in; the projects signed there. The yearly targets count held events
-- per level (市级每年至少4场次, 各县市区每年至少6场次, seed 001 (四)).

CREATE TABLE event (
  id {{ID_PK}},
  region_code TEXT NOT NULL REFERENCES region (code),  -- who holds it: the data scope
  level TEXT NOT NULL,              -- city | county | township: the depth of region_code
  type TEXT NOT NULL,               -- promotion | dialogue | symposium | festival_gathering |
                                    -- job_fair | bank_matchmaking | contest | camp | other
  festival TEXT,                    -- spring_festival | qingming | dragon_boat | mid_autumn |
                                    -- national_day, or NULL
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,            -- YYYY-MM-DD; the year it counts in
  place TEXT,
  organiser TEXT,                   -- the organising unit, as written
  status TEXT NOT NULL,             -- planned | held | cancelled; only held events count
  notes TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX event_region ON event (region_code, held_on);

-- Who was invited: a merchant 楚商楚才 or a person 返乡人员, exactly one of the two, once each.
CREATE TABLE event_invitee (
  id {{ID_PK}},
  event_id BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  merchant_id BIGINT REFERENCES merchant (id),
  person_id BIGINT REFERENCES person (id),
  checked_in_at TEXT,               -- UTC, when they signed in at the event; NULL: not (yet)
  checked_in_by BIGINT,
  invited_by BIGINT,
  invited_at TEXT NOT NULL,
  CHECK ((merchant_id IS NULL) <> (person_id IS NULL)),
  UNIQUE (event_id, merchant_id),
  UNIQUE (event_id, person_id)
);
CREATE INDEX event_invitee_event ON event_invitee (event_id, id);
CREATE INDEX event_invitee_merchant ON event_invitee (merchant_id);
CREATE INDEX event_invitee_person ON event_invitee (person_id);

-- Projects of the pipeline signed at the event 签约成果, once each, with the amount signed there
-- (default the project's planned investment at the time).
CREATE TABLE event_outcome (
  id {{ID_PK}},
  event_id BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  project_id BIGINT NOT NULL REFERENCES project (id),
  signed_on TEXT NOT NULL,          -- YYYY-MM-DD, default the event's date
  amount_wan BIGINT,                -- 万元; NULL when neither given nor known from the project
  notes TEXT,
  recorded_by BIGINT,
  recorded_at TEXT NOT NULL,
  UNIQUE (event_id, project_id)
);
CREATE INDEX event_outcome_project ON event_outcome (project_id);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'leader' AS k, 'event:read' AS permission
  UNION ALL SELECT 'clerk', 'event:read'
  UNION ALL SELECT 'clerk', 'event:write'
) p ON p.k = r.key;
