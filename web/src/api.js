// Client for the Guiyan JSON API (docs/api.md). Every call goes through request():
// the session cookie is sent (credentials 'same-origin'), a 401 sends the user to the
// login page, and any other error shows the server's Chinese error.message.
import { ElMessage } from 'element-plus'

const BASE = '/api/v1'

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message)
    this.status = status
    this.code = code
    this.field = field
  }
}

let onUnauthorized = () => {}

// Installed by main.js: called when an authenticated call answers 401.
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn
}

function buildQuery(query) {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

// options: query (object), body (JSON), raw (a Blob or File sent as application/octet-stream),
// silent (no ElMessage), noRedirect (do not leave on 401)
export async function request(method, path, options = {}) {
  const { query, body, raw, silent = false, noRedirect = false } = options
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } }
  if (raw !== undefined) {
    init.headers['Content-Type'] = 'application/octet-stream'
    init.body = raw
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let response
  try {
    response = await fetch(BASE + path + buildQuery(query), init)
  } catch (e) {
    const err = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
    if (!silent) ElMessage.error(err.message)
    throw err
  }
  let data = null
  const text = await response.text()
  if (text) {
    try {
      data = JSON.parse(text)
    } catch (e) {
      data = null
    }
  }
  if (response.ok) return data ?? {}
  throw failure(response.status, data, { silent, noRedirect })
}

// The ApiError of a failed response (data: its parsed JSON body or null), shown unless silent.
function failure(status, data, { silent = false, noRedirect = false } = {}) {
  const info = (data && data.error) || {}
  const err = new ApiError(status, info.code || `http_${status}`, info.message || defaultMessage(status), info.field)
  if (status === 401 && !noRedirect) {
    onUnauthorized(err)
    if (!silent) ElMessage.warning(err.message || '登录已失效，请重新登录')
    return err
  }
  if (!silent) ElMessage.error(err.message)
  return err
}

// The file name of a download: Content-Disposition's filename* (RFC 5987) or filename.
function dispositionName(header) {
  if (!header) return ''
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch (e) {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : ''
}

// Downloads a file the API answers (an export, an import report) and saves it under the name
// the server gives (fallbackName otherwise). Errors show the server's message like any call.
export async function download(path, query, fallbackName) {
  let response
  try {
    response = await fetch(BASE + path + buildQuery(query), { credentials: 'same-origin' })
  } catch (e) {
    const err = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
    ElMessage.error(err.message)
    throw err
  }
  if (!response.ok) {
    let data = null
    try {
      data = JSON.parse(await response.text())
    } catch (e) {
      data = null
    }
    throw failure(response.status, data)
  }
  const blob = await response.blob()
  const name = dispositionName(response.headers.get('Content-Disposition')) || fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}

function defaultMessage(status) {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '没有执行此操作的权限'
  if (status === 404) return '记录不存在'
  if (status >= 500) return `服务器错误（HTTP ${status}），请稍后重试`
  return `请求失败（HTTP ${status}）`
}

export const get = (path, query, options = {}) => request('GET', path, { ...options, query })
export const post = (path, body, options = {}) => request('POST', path, { ...options, body: body ?? {} })
export const patch = (path, body, options = {}) => request('PATCH', path, { ...options, body })
export const del = (path, options = {}) => request('DELETE', path, options)

// Endpoint helpers, one per route of docs/api.md.
export const api = {
  health: () => get('/health', null, { silent: true }),
  login: (username, password) =>
    post('/auth/login', { username, password }, { silent: true, noRedirect: true }),
  logout: () => post('/auth/logout', {}, { silent: true, noRedirect: true }),
  me: () => get('/auth/me', null, { silent: true, noRedirect: true }),

  regions: (parent) => get('/regions', { parent }),
  region: (code, options) => get(`/regions/${encodeURIComponent(code)}`, null, options),

  users: (query) => get('/users', query),
  staff: (query) => get('/staff', query),
  user: (id) => get(`/users/${id}`),
  createUser: (body) => post('/users', body),
  updateUser: (id, body) => patch(`/users/${id}`, body),
  setPassword: (id, password) => post(`/users/${id}/password`, { password }),
  unlockUser: (id) => post(`/users/${id}/unlock`, {}),

  roles: () => get('/roles'),
  createRole: (body) => post('/roles', body),
  updateRole: (id, body) => patch(`/roles/${id}`, body),
  deleteRole: (id) => del(`/roles/${id}`),
  permissions: () => get('/permissions'),

  departments: (query) => get('/departments', query),
  departmentKinds: () => get('/departments/kinds'),
  createDepartment: (body) => post('/departments', body),
  updateDepartment: (id, body) => patch(`/departments/${id}`, body),

  audit: (query) => get('/audit', query),

  industries: () => get('/industries'),

  people: (query) => get('/people', query),
  person: (id, unmask = false) => get(`/people/${id}`, unmask ? { unmask: 'true' } : null),
  createPerson: (body) => post('/people', body),
  updatePerson: (id, body) => patch(`/people/${id}`, body),
  personFile: (id, options) => get(`/people/${id}/file`, null, options),
  addService: (id, body) => post(`/people/${id}/services`, body),
  peopleStats: (region) => get('/people/stats', { region }),
  peopleVocabulary: () => get('/people/vocabulary'),
  // The editable vocabularies: name is 'skills' or 'labour_brands'.
  vocabulary: (name) => get(`/vocabularies/${name}`),
  addTerm: (name, body) => post(`/vocabularies/${name}`, body),
  updateTerm: (name, key, body) => patch(`/vocabularies/${name}/${encodeURIComponent(key)}`, body),
  exportPeople: (query) => download('/people/export', query, `人员台账.${query.format || 'xlsx'}`),

  // Ventures 返乡创业经营主体.
  ventures: (query) => get('/ventures', query),
  venture: (id) => get(`/ventures/${id}`),
  createVenture: (body) => post('/ventures', body),
  updateVenture: (id, body) => patch(`/ventures/${id}`, body),
  addEmployment: (id, body) => post(`/ventures/${id}/employment`, body),
  ventureVocabulary: () => get('/ventures/vocabulary'),
  exportVentures: (query) => download('/ventures/export', query, `返乡创业主体台账.${query.format || 'xlsx'}`),

  merchants: (query) => get('/merchants', query),
  merchant: (id, unmask = false) => get(`/merchants/${id}`, unmask ? { unmask: 'true' } : null),
  createMerchant: (body) => post('/merchants', body),
  updateMerchant: (id, body) => patch(`/merchants/${id}`, body),
  merchantFile: (id, options) => get(`/merchants/${id}/file`, null, options),
  // verifiedOn: "YYYY-MM-DD", today when omitted.
  verifyMerchant: (id, verifiedOn) => post(`/merchants/${id}/verify`, verifiedOn ? { verified_on: verifiedOn } : {}),
  addContact: (id, body) => post(`/merchants/${id}/contacts`, body),
  // by: industry | region | intention, with the filters of GET /merchants.
  merchantClassification: (query) => get('/merchants/classification', query),
  merchantFreshness: (query) => get('/merchants/freshness', query),
  merchantVocabulary: () => get('/merchants/vocabulary'),

  // The merchant library's network: chambers 商会, stations 楚商联络站 / 驻外推介服务站, ambassadors.
  chambers: (query) => get('/chambers', query),
  chamber: (id) => get(`/chambers/${id}`),
  createChamber: (body) => post('/chambers', body),
  updateChamber: (id, body) => patch(`/chambers/${id}`, body),
  stations: (query) => get('/stations', query),
  station: (id) => get(`/stations/${id}`),
  createStation: (body) => post('/stations', body),
  updateStation: (id, body) => patch(`/stations/${id}`, body),
  // Both answer the station with its merchants.
  linkStationMerchant: (id, merchantId) => post(`/stations/${id}/merchants`, { merchant_id: merchantId }),
  unlinkStationMerchant: (id, merchantId) => del(`/stations/${id}/merchants/${merchantId}`),
  ambassadors: (query) => get('/ambassadors', query),
  ambassador: (id) => get(`/ambassadors/${id}`),
  createAmbassador: (body) => post('/ambassadors', body),
  updateAmbassador: (id, body) => patch(`/ambassadors/${id}`, body),

  duplicates: (query) => get('/people/duplicates', query),
  scanDuplicates: () => post('/people/duplicates/scan', {}),
  // keep: the id of the person whose record survives.
  mergeDuplicate: (id, keep) => post(`/people/duplicates/${id}/merge`, { keep }),
  dismissDuplicate: (id, note) => post(`/people/duplicates/${id}/dismiss`, note ? { note } : {}),
  undoMerge: (mergeId) => post(`/people/merges/${mergeId}/undo`, {}),

  // The investment-project pipeline 招商项目全流程 (projects, appeals 诉求, offers 招商项目清单).
  projects: (query) => get('/projects', query),
  project: (id, options) => get(`/projects/${id}`, null, options),
  createProject: (body) => post('/projects', body),
  updateProject: (id, body) => patch(`/projects/${id}`, body),
  // body: {stage, on, dates: {STAGE: "YYYY-MM-DD" | null (not known)}, reason, note}; answers the project.
  moveProject: (id, body) => post(`/projects/${id}/moves`, body),
  addFunding: (id, body) => post(`/projects/${id}/funding`, body),
  addMilestone: (id, body) => post(`/projects/${id}/milestones`, body),
  finishMilestone: (id, milestoneId, body) => patch(`/projects/${id}/milestones/${milestoneId}`, body),
  addVisit: (id, body) => post(`/projects/${id}/visits`, body),
  projectBoard: (query) => get('/projects/board', query),
  projectApprovals: (query) => get('/projects/approvals', query),
  projectVocabulary: () => get('/projects/vocabulary'),
  appeals: (query) => get('/appeals', query),
  appeal: (id, options) => get(`/appeals/${id}`, null, options),
  createAppeal: (body) => post('/appeals', body),
  // Both answer the appeal with its reply_list.
  replyAppeal: (id, body) => post(`/appeals/${id}/replies`, body),
  closeAppeal: (id, body) => post(`/appeals/${id}/close`, body),
  offers: (query) => get('/offers', query),
  offer: (id) => get(`/offers/${id}`),
  createOffer: (body) => post('/offers', body),
  updateOffer: (id, body) => patch(`/offers/${id}`, body),
  offerMatches: (id, query) => get(`/offers/${id}/matches`, query),

  // Events 活动: invitees with check-in, projects signed there, the yearly tally per level.
  eventVocabulary: () => get('/events/vocabulary'),
  events: (query) => get('/events', query),
  event: (id) => get(`/events/${id}`),
  createEvent: (body) => post('/events', body),
  updateEvent: (id, body) => patch(`/events/${id}`, body),
  inviteToEvent: (id, body) => post(`/events/${id}/invitees`, body),
  removeEventInvitee: (id, inviteeId) => del(`/events/${id}/invitees/${inviteeId}`),
  checkInEventInvitee: (id, inviteeId) => post(`/events/${id}/invitees/${inviteeId}/check-in`, {}),
  undoEventCheckIn: (id, inviteeId) => del(`/events/${id}/invitees/${inviteeId}/check-in`),
  addEventOutcome: (id, body) => post(`/events/${id}/outcomes`, body),
  removeEventOutcome: (id, outcomeId) => del(`/events/${id}/outcomes/${outcomeId}`),
  eventTally: (query) => get('/events/tally', query),
  // Loans and financing 创业担保贷款、合作银行贷款产品、融资需求.
  loanVocabulary: () => get('/loans/vocabulary'),
  loans: (query) => get('/loans', query),
  loan: (id) => get(`/loans/${id}`),
  createLoan: (body) => post('/loans', body),
  updateLoan: (id, body) => patch(`/loans/${id}`, body),
  addLoanSubsidy: (id, body) => post(`/loans/${id}/subsidies`, body),
  loanProducts: (query) => get('/loan-products', query),
  createLoanProduct: (body) => post('/loan-products', body),
  updateLoanProduct: (id, body) => patch(`/loan-products/${id}`, body),
  financingList: (query) => get('/financing', query),
  financing: (id, query) => get(`/financing/${id}`, query),
  createFinancing: (body) => post('/financing', body),
  moveFinancing: (id, body) => post(`/financing/${id}/moves`, body),

  // Task list 任务清单, follow-up notices 督办 and quarterly reports 信息报送.
  tasks: (query) => get('/tasks', query),
  task: (id, query) => get(`/tasks/${id}`, query),
  createTask: (body) => post('/tasks', body),
  updateTask: (id, body) => patch(`/tasks/${id}`, body),
  deleteTask: (id) => del(`/tasks/${id}`),
  addTaskNote: (id, body) => post(`/tasks/${id}/notes`, body),
  markTaskDone: (id, body) => post(`/tasks/${id}/done`, body),
  undoTaskDone: (id) => del(`/tasks/${id}/done`),
  issueTaskNotice: (id, body) => post(`/tasks/${id}/notices`, body),
  taskNotices: (query) => get('/task-notices', query),
  replyTaskNotice: (id, body) => post(`/task-notices/${id}/reply`, body),
  taskAlerts: (query, options) => get('/tasks/alerts', query, options),
  quarterReports: (query) => get('/quarterly-reports', query),
  unitReport: (query) => get('/quarterly-reports/unit', query),
  fileReport: (body) => post('/quarterly-reports', body),
  compileReports: (body) => post('/quarterly-reports/compilations', body),
  remindReports: (body) => post('/quarterly-reports/reminders', body),
  exportQuarterReports: (query) => download('/quarterly-reports/export', query, `${query.year}年第${query.quarter}季度信息报送汇总.xlsx`),
  reportLines: (query) => get('/report-lines', query),
  setReportLine: (id, body) => request('PUT', `/report-lines/${id}`, { body }),
  deleteReportLine: (id) => del(`/report-lines/${id}`),

  // Policies 政策清单, evaluation, 政策找人 and applications (docs/rules.md).
  policies: (query) => get('/policies', query),
  policy: (id) => get(`/policies/${id}`),
  policyVersion: (id, version) => get(`/policies/${id}/versions/${version}`),
  policyVocabulary: () => get('/policies/vocabulary'),
  sharedParameters: () => get('/policies/parameters'),
  createPolicy: (definition) => post('/policies', { definition }),
  savePolicy: (id, definition, note) => request('PUT', `/policies/${id}`, { body: { definition, note } }),
  // body: {person_id} or {subject, situation}; date and policy_ids optional.
  evaluatePolicies: (body) => post('/policies/evaluate', body),
  policyMatches: (id, query) => get(`/policies/${id}/matches`, query),
  exportPolicyMatches: (id, query) => download(`/policies/${id}/matches/export`, query, `政策找人名单.${query.format || 'xlsx'}`),
  setMatchWork: (id, personId, body) => request('PUT', `/policies/${id}/matches/${personId}`, { body }),
  confirmEntitlements: (id, body) => post(`/policies/${id}/entitlements`, body),
  applications: (query) => get('/applications', query),
  application: (id) => get(`/applications/${id}`),
  submitApplication: (body) => post('/applications', body),
  reviewApplication: (id, body) => post(`/applications/${id}/review`, body),
  decideApplication: (id, body) => post(`/applications/${id}/decision`, body),
  payApplication: (id, body) => post(`/applications/${id}/payment`, body),

  // Targets, indicators and the dashboard 驾驶舱 (docs/api.md "Targets and indicators").
  dashboard: (query) => get('/dashboard', query),
  indicators: (options) => get('/indicators', undefined, options),
  indicator: (code, query) => get(`/indicators/${code}`, query),
  indicatorRecords: (code, query) => get(`/indicators/${code}/records`, query),
  setIndicatorFigure: (code, body) => request('PUT', `/indicators/${code}/figures`, { body }),
  deleteIndicatorFigure: (code, query) => request('DELETE', `/indicators/${code}/figures`, { query }),
  targets: (query) => get('/targets', query),
  setTarget: (body) => request('PUT', '/targets', { body }),
  deleteTarget: (query) => request('DELETE', '/targets', { query }),
  // file: the .xlsx, .xls or .csv chosen by the clerk; dry_run true checks without storing.
  importTargets: (file, dryRun) => request('POST', '/targets/import', { query: { filename: file.name, dry_run: dryRun }, raw: file }),

  imports: (kind) => get('/imports', { kind }),
  importJob: (id, options) => get(`/imports/${id}`, null, options),
  // file: the File chosen by the clerk, sent as it is (up to 64 MiB).
  startImport: (kind, file, query) => request('POST', '/imports', { query: { kind, ...query }, raw: file }),
  commitImport: (id) => post(`/imports/${id}/commit`, {}),
  importReport: (id) => download(`/imports/${id}/report`, null, `导入问题清单-${id}.xlsx`),
  importRejected: (id) => download(`/imports/${id}/rejected`, null, `未导入的行-${id}.xlsx`),
  importTemplate: (kind) => download(`/imports/templates/${kind}`, null, '导入模板.xlsx')
}
