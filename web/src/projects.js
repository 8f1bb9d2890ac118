// The investment-project pipeline 招商项目全流程: its vocabulary (GET /projects/vocabulary), loaded
// once and shared by every page, and how stages, amounts, appeals and offers are shown. Every
// Chinese label of a key comes from the vocabulary; this file only knows the order and the colours.
import { reactive } from 'vue'
import { api } from './api.js'
import { afterToday, auditActionName, toIsoDate, todayIso } from './format.js'

export const projectVocabulary = reactive({
  loaded: false,
  stages: [], // the pipeline in order, then dropped
  milestone_kinds: [],
  appeal_categories: [],
  appeal_statuses: [],
  satisfactions: [],
  offer_statuses: []
})

let pending = null

// Loads the vocabulary once (its lists are fixed by the server); resolves to the object above.
export function loadProjectVocabulary() {
  if (!pending) {
    pending = api
      .projectVocabulary()
      .then((v) => {
        Object.assign(projectVocabulary, v, { loaded: true })
        return projectVocabulary
      })
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The label of `key` in the vocabulary list `list` (e.g. 'stages'); the key itself when unknown.
export function projectTerm(list, key) {
  if (key === null || key === undefined || key === '') return ''
  return (projectVocabulary[list] || []).find((t) => t.key === key)?.label || key
}

// A project that left the pipeline (终止) sits outside the stage order.
export const DROPPED = 'dropped'

// The stages of the pipeline in order (线索 … 投产), without 终止.
export function pipelineStages() {
  return projectVocabulary.stages.filter((s) => s.key !== DROPPED)
}

// A stage's place in the pipeline (0 for 线索), -1 for 终止 or an unknown key.
export function stageRank(key) {
  return pipelineStages().findIndex((s) => s.key === key)
}

// The stages strictly between `from` and `to`: those a move skips and must date.
export function stagesBetween(from, to) {
  const stages = pipelineStages()
  const a = stageRank(from)
  const b = stageRank(to)
  if (a < 0 || b < 0 || b <= a + 1) return []
  return stages.slice(a + 1, b)
}

// The stages a project at `from` may move to (forward only).
export function stagesAfter(from) {
  const a = stageRank(from)
  if (a < 0 && from) return []
  return pipelineStages().slice(a + 1)
}

// 签约, 落地 and 开工: the stages that call for the bi-monthly 十问十帮 visits (visit_overdue).
export const VISITED_STAGES = ['signed', 'landed', 'construction']

// Tag colours of the stages, by key.
const STAGE_TAGS = {
  lead: 'info',
  contact: 'info',
  inspection: 'primary',
  reception: 'primary',
  negotiation: 'primary',
  signed: 'warning',
  landed: 'success',
  construction: 'success',
  production: 'success',
  dropped: 'danger'
}

export function stageTag(key) {
  return STAGE_TAGS[key] || 'info'
}

// A project counts as 亿元以上 (major) from 10000 万元.
export const MAJOR_WAN = 10000

// 15000 → "15,000 万元"; null → "—".
export function wanText(wan) {
  if (wan === null || wan === undefined || wan === '') return '—'
  return `${Number(wan).toLocaleString('zh-CN')} 万元`
}

// A total in 万元 as leaders read it: "1.50 亿元" from 10000 万元 on, "3,000 万元" below.
export function amountText(wan) {
  if (wan === null || wan === undefined || wan === '') return '—'
  const n = Number(wan)
  if (Math.abs(n) >= MAJOR_WAN) return `${(n / MAJOR_WAN).toFixed(2)} 亿元`
  return wanText(n)
}

// A stage's date, or 日期不详 when it was recorded as not known.
export const UNKNOWN_DATE = '日期不详'

export function stageDate(on) {
  return on || UNKNOWN_DATE
}

// Appeals 诉求: tag colours by status.
const APPEAL_TAGS = { open: 'warning', answered: 'primary', closed: 'success' }

export function appealStatusTag(key) {
  return APPEAL_TAGS[key] || 'info'
}

const SATISFACTION_TAGS = { satisfied: 'success', basic: 'primary', unsatisfied: 'danger' }

export function satisfactionTag(key) {
  return SATISFACTION_TAGS[key] || 'info'
}

// The appeal time limit the server applies when none is given.
export const DEFAULT_APPEAL_DAYS = 15

// Offers 招商项目清单: tag colours by status.
const OFFER_TAGS = { open: 'success', taken: 'primary', withdrawn: 'info' }

export function offerStatusTag(key) {
  return OFFER_TAGS[key] || 'info'
}

// The actions of a project's audit trail beyond the common ones of format.js.
const PROJECT_ACTIONS = {
  create: '登记项目',
  update: '修改项目',
  move: '推进阶段',
  add_funding: '登记到资',
  add_milestone: '登记审批事项',
  update_milestone: '审批事项办结',
  add_visit: '记录走访'
}

export function projectActionName(key) {
  return PROJECT_ACTIONS[key] || auditActionName(key)
}

// The years offered by the year selects: this year and the five before it.
export function recentYears(count = 6) {
  const y = new Date().getFullYear()
  return Array.from({ length: count }, (_, i) => y - i)
}

// The date helpers the project pages import from here (format.js holds them).
export { afterToday, todayIso }

// What a project is called with its investor: "荆州光电产业园（深圳某某科技）".
export function projectTitle(p) {
  if (!p) return ''
  return p.investor ? `${p.name}（${p.investor}）` : p.name || `项目 ${p.id}`
}
