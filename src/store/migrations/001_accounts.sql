-- Reference tables, departments, accounts, roles, sessions and the audit log.
-- Times are ISO 8601 UTC text ("2026-11-22T04:34:00Z") on every backend, so they sort as text.

CREATE TABLE region (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5)
);
CREATE INDEX region_parent ON region (parent_code, code);

CREATE TABLE industry (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent TEXT
);

CREATE TABLE department (
  id {{ID_PK}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES region (code),
  created_at TEXT NOT NULL,
  UNIQUE (region_code, name)
);
CREATE INDEX department_region ON department (region_code);

CREATE TABLE role (
  id {{ID_PK}},
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  data_scope TEXT NOT NULL CHECK (data_scope IN
    ('all', 'regions', 'own_region', 'own_region_down', 'own_records', 'none'))
);

CREATE TABLE role_permission (
  role_id BIGINT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE role_region (
  role_id BIGINT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  region_code TEXT NOT NULL REFERENCES region (code),
  PRIMARY KEY (role_id, region_code)
);

CREATE TABLE app_user (
  id {{ID_PK}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  department_id BIGINT REFERENCES department (id),
  region_code TEXT NOT NULL REFERENCES region (code),
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  password_changed_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX app_user_region ON app_user (region_code);

CREATE TABLE user_role (
  user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role_id BIGINT NOT NULL REFERENCES role (id),
  PRIMARY KEY (user_id, role_id)
);

-- Only a hash of the session token is stored: a copy of the database gives no live session.
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL
);
CREATE INDEX session_by_user ON session (user_id);

CREATE TABLE audit_log (
  id {{ID_PK}},
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  region_code TEXT,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
