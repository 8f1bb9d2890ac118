// Labels and formatting shared by the pages.

export const LEVEL_NAMES = { 1: '省', 2: '市', 3: '县', 4: '乡镇街道', 5: '村社区' }

export function levelName(level) {
  return LEVEL_NAMES[level] || `第${level}级`
}

export const DATA_SCOPES = [
  { key: 'all', name: '全部数据' },
  { key: 'regions', name: '指定区域' },
  { key: 'own_region', name: '本区域' },
  { key: 'own_region_down', name: '本区域及下级' },
  { key: 'own_records', name: '仅本人' }
]

export function dataScopeName(key) {
  return DATA_SCOPES.find((s) => s.key === key)?.name || key || '—'
}

// Me.data_scope as a list of {kind, regions}: docs/api.md describes one object, and an
// account with several roles may be answered with one entry per role; both are accepted.
export function scopeList(scope) {
  if (!scope) return []
  return (Array.isArray(scope) ? scope : [scope]).filter((s) => s && s.kind)
}

function oneScopeText(scope, own, regionNames) {
  switch (scope.kind) {
    case 'all':
      return '全部数据'
    case 'regions': {
      const codes = scope.regions || []
      if (!codes.length) return '指定区域（未指定）'
      return codes.map((c) => regionNames[c] || c).join('、')
    }
    case 'own_region':
      return `仅${own}本级`
    case 'own_region_down':
      return `${own}及下辖区域`
    case 'own_records':
      return '仅本人经办的数据'
    default:
      return scope.name || scope.kind
  }
}

// The account's data scope in words, e.g. "荆州市及下辖区域".
// regionNames maps codes to names for the 'regions' kind (codes are shown when unknown).
export function dataScopeText(scope, region, regionNames = {}) {
  const list = scopeList(scope)
  if (!list.length) return '未设置'
  if (list.some((s) => s.kind === 'all')) return '全部数据'
  const own = region?.name || '本区域'
  const texts = [...new Set(list.map((s) => oneScopeText(s, own, regionNames)))]
  return texts.join('；')
}

// Region codes named by 'regions' scopes.
export function scopeRegionCodes(scope) {
  return [...new Set(scopeList(scope).flatMap((s) => (s.kind === 'regions' ? s.regions || [] : [])))]
}

export const USER_STATUS = {
  active: { name: '正常', type: 'success' },
  disabled: { name: '停用', type: 'info' },
  locked: { name: '锁定', type: 'danger' }
}

export const AUDIT_ACTIONS = [
  { key: 'create', name: '新增' },
  { key: 'update', name: '修改' },
  { key: 'delete', name: '删除' },
  { key: 'login', name: '登录' },
  { key: 'login_failed', name: '登录失败' },
  { key: 'logout', name: '退出登录' },
  { key: 'view_unmasked', name: '查看明文' },
  { key: 'export', name: '导出' },
  { key: 'import', name: '导入' },
  { key: 'merge', name: '合并' },
  { key: 'merge_undo', name: '撤销合并' },
  { key: 'dismiss', name: '排除重复' },
  { key: 'scan', name: '查找重复' },
  { key: 'link', name: '关联' },
  { key: 'unlink', name: '取消关联' },
  { key: 'link_station', name: '关联站点' },
  { key: 'unlink_station', name: '取消关联站点' },
  { key: 'invite', name: '邀请' },
  { key: 'uninvite', name: '移除受邀对象' },
  { key: 'check_in', name: '签到' },
  { key: 'undo_check_in', name: '撤销签到' },
  { key: 'add_outcome', name: '登记签约成果' },
  { key: 'remove_outcome', name: '删除签约成果' }
]

export function auditActionName(key) {
  return AUDIT_ACTIONS.find((a) => a.key === key)?.name || key
}

export const AUDIT_ENTITIES = [
  { key: 'user', name: '用户' },
  { key: 'role', name: '角色' },
  { key: 'department', name: '部门' },
  { key: 'session', name: '会话' },
  { key: 'person', name: '返乡人员' },
  { key: 'person_service', name: '服务记录' },
  { key: 'import_job', name: '批量导入' },
  { key: 'person_duplicate', name: '疑似重复' },
  { key: 'vocabulary_term', name: '字典词条' },
  { key: 'merchant', name: '楚商楚才' },
  { key: 'merchant_contact', name: '楚商联络' },
  { key: 'chamber', name: '商会' },
  { key: 'station', name: '联络站点' },
  { key: 'ambassador', name: '招商大使' },
  { key: 'project', name: '招商项目' },
  { key: 'appeal', name: '诉求' },
  { key: 'project_offer', name: '招商项目清单' },
  { key: 'event', name: '活动' }
]

export function auditEntityName(key) {
  return AUDIT_ENTITIES.find((a) => a.key === key)?.name || key
}

const pad = (n) => String(n).padStart(2, '0')

// ISO 8601 UTC time → local "YYYY-MM-DD HH:mm:ss".
export function formatTime(iso) {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

// A local Date → "YYYY-MM-DD" (the clerk's calendar day).
export function toIsoDate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

// Today's local date as YYYY-MM-DD.
export function todayIso() {
  return toIsoDate(new Date())
}

// Date pickers: no day after today (the server refuses them).
export function afterToday(d) {
  return toIsoDate(d) > todayIso()
}

// A local Date → ISO 8601 UTC without milliseconds ("2026-11-22T04:34:00Z").
export function toIsoUtc(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

// The password policy the server enforces; checked here only to help the clerk.
export const PASSWORD_HINT = '至少8位，包含大写字母、小写字母、数字、符号中的三类'

export function passwordProblem(pw) {
  if (!pw || pw.length < 8) return '密码至少8位'
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的三类'
  return ''
}

export const PERMISSION_GROUP_NAMES = {
  system: '系统管理',
  user: '用户管理',
  role: '角色管理',
  department: '部门管理',
  audit: '审计日志',
  business: '业务'
}

export function permissionGroupName(group) {
  return PERMISSION_GROUP_NAMES[group] || group || '其他'
}

// A village or community's name as people say it: 车家垱村村民委员会 → 车家垱村,
// 埠河社区居民委员会 → 埠河社区, 新建村民委员会 → 新建村; other names unchanged.
export function spokenPlaceName(name) {
  for (const [suffix, kind] of [
    ['村民委员会', '村'],
    ['村委会', '村'],
    ['居民委员会', '社区'],
    ['居委会', '社区']
  ]) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      const stem = name.slice(0, -suffix.length)
      return stem.endsWith(kind) ? stem : stem + kind
    }
  }
  return name
}

// A list cell's place: the last two names of the record's region path (town / village), spoken
// as people say them, or `name` when the list gave no path.
export function placeShort(path, name) {
  if (!path || !path.length) return name || '—'
  return path.slice(-2).map(spokenPlaceName).join(' / ')
}

// The whole path with the official names, 荆州市 / 公安县 / 埠河镇 / 埠河社区居民委员会.
export function placeFull(path, name) {
  return path && path.length ? path.join(' / ') : name || ''
}
