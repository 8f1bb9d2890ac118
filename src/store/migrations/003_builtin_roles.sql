-- The built-in roles and their permissions (separation of duties 三员分立 for the first three).
INSERT INTO role (key, name, builtin, data_scope) VALUES
  ('sysadmin', '系统管理员', 1, 'own_region_down'),
  ('secadmin', '安全管理员', 1, 'own_region_down'),
  ('auditor', '审计管理员', 1, 'own_region_down'),
  ('leader', '领导', 1, 'own_region_down'),
  ('clerk', '业务经办', 1, 'own_region_down');

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission FROM role r JOIN (
            SELECT 'sysadmin' AS k, 'user:read' AS permission
  UNION ALL SELECT 'sysadmin', 'user:write'
  UNION ALL SELECT 'sysadmin', 'department:read'
  UNION ALL SELECT 'sysadmin', 'department:write'
  UNION ALL SELECT 'secadmin', 'user:read'
  UNION ALL SELECT 'secadmin', 'user:grant'
  UNION ALL SELECT 'secadmin', 'role:read'
  UNION ALL SELECT 'secadmin', 'role:write'
  UNION ALL SELECT 'auditor', 'audit:read'
  UNION ALL SELECT 'leader', 'department:read'
  UNION ALL SELECT 'clerk', 'department:read'
) p ON p.k = r.key;
