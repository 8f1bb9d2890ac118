// The people registry 返乡人员信息库: its vocabulary (GET /people/vocabulary), loaded once and
// shared by every page, and how each field is edited and shown. Every Chinese label of a field or
// of a key comes from the vocabulary; this file only knows which list a field draws on.
import { reactive } from 'vue'
import { api } from './api.js'

export const vocabulary = reactive({
  loaded: false,
  fields: [], // [{name, label}]
  identity_fields: [], // gender and birth date: stated only for a person without a valid ID number
  genders: [],
  statuses: [],
  funnel_stages: [],
  sources: [],
  help_kinds: [],
  service_kinds: [],
  education_levels: [],
  skills: [],
  labour_brands: []
})

let pending = null

// Loads the vocabulary (once, or again with fresh: the skills and labour brands are edited while
// the console is open, on 字典管理); resolves to the reactive object above.
export function loadVocabulary({ fresh = false } = {}) {
  if (!pending || fresh) {
    pending = api
      .peopleVocabulary()
      .then((v) => {
        Object.assign(vocabulary, v, { loaded: true })
        return vocabulary
      })
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The label of `key` in the vocabulary list `list` (e.g. 'statuses'); the key itself when unknown.
export function termLabel(list, key) {
  if (key === null || key === undefined || key === '') return ''
  return (vocabulary[list] || []).find((t) => t.key === key)?.label || key
}

export function termLabels(list, keys) {
  return (keys || []).map((k) => termLabel(list, k))
}

// The options a form offers for the list: active terms, plus the retired ones the record already
// holds (`held`: a key or keys), which stay selectable there and are marked 已停用.
export function termOptions(list, held) {
  const keep = new Set(Array.isArray(held) ? held : held ? [held] : [])
  return (vocabulary[list] || [])
    .filter((t) => !t.retired || keep.has(t.key))
    .map((t) => (t.retired ? { ...t, label: `${t.label}（已停用）` } : t))
}

// The options a filter offers: every term, retired ones marked (records keep them).
export function filterOptions(list) {
  return (vocabulary[list] || []).map((t) => (t.retired ? { ...t, label: `${t.label}（已停用）` } : t))
}

// The editable vocabularies, as GET /vocabularies/NAME names them, with their page tab titles.
export const EDITABLE_VOCABULARIES = [
  { name: 'skills', title: '技能字典', list: 'skills' },
  { name: 'labour_brands', title: '劳务品牌', list: 'labour_brands' }
]

// Columns the server derives or keeps beside the vocabulary's fields (named, e.g., in what a merge
// took over).
const SYSTEM_FIELD_LABELS = { id_number_raw: '待核实号码', birth_date: '出生日期', gender: '性别' }

export function fieldLabel(name) {
  return vocabulary.fields.find((f) => f.name === name)?.label || SYSTEM_FIELD_LABELS[name] || name
}

// How a field is entered and shown. Fields the vocabulary lists but this table does not know
// are plain text, so a new server field still appears in the forms.
//   kind: text | textarea | id_number | phone | region | vocab | vocab_list | flag | date |
//         integer | industry
export const FIELD_KINDS = {
  id_number: { kind: 'id_number' },
  gender: { kind: 'vocab', list: 'genders' },
  birth_date: { kind: 'date' },
  name: { kind: 'text', required: true },
  phone: { kind: 'phone' },
  phone2: { kind: 'phone' },
  region_code: { kind: 'region', required: true },
  address: { kind: 'text' },
  work_province: { kind: 'text' },
  work_city: { kind: 'text' },
  education: { kind: 'vocab', list: 'education_levels' },
  skills: { kind: 'vocab_list', list: 'skills' },
  skills_note: { kind: 'text' },
  labour_brand: { kind: 'vocab', list: 'labour_brands' },
  willing: { kind: 'flag' },
  capable: { kind: 'flag' },
  creditworthy: { kind: 'flag' },
  status: { kind: 'vocab', list: 'statuses' },
  status_since: { kind: 'date' },
  funnel_stage: { kind: 'vocab', list: 'funnel_stages' },
  intention_industry: { kind: 'industry' },
  intention_investment_wan: { kind: 'integer' },
  intention_funding_wan: { kind: 'integer' },
  help_wanted: { kind: 'vocab_list', list: 'help_kinds' },
  help_wanted_note: { kind: 'text' },
  intention_note: { kind: 'textarea' },
  mentor_name: { kind: 'text' },
  notes: { kind: 'textarea' }
}

export function fieldKind(name) {
  return FIELD_KINDS[name] || { kind: 'text' }
}

// Sections of the registration form and of the person file, in order; fields of the vocabulary
// not named here go to the last one.
export const FIELD_SECTIONS = [
  { title: '基本信息', fields: ['name', 'id_number', 'gender', 'birth_date', 'phone', 'phone2', 'region_code', 'address', 'education'] },
  { title: '务工与技能', fields: ['work_province', 'work_city', 'work_employer', 'skills', 'skills_note', 'labour_brand'] },
  { title: '状态与进度', fields: ['status', 'status_since', 'funnel_stage'] },
  {
    title: '创业意向',
    fields: ['willing', 'capable', 'creditworthy', 'intention_industry', 'intention_investment_wan', 'intention_funding_wan', 'help_wanted', 'help_wanted_note', 'intention_note']
  },
  { title: '其他', fields: ['mentor_name', 'notes'] }
]

// The sections with the vocabulary's fields: [{title, fields: [{name, label, kind, list, required}]}].
// Another registry (the merchant library) passes its own sections and kinds.
export function sectionsOf(fields, sectionList = FIELD_SECTIONS, kindOf = fieldKind) {
  const known = new Set(sectionList.flatMap((s) => s.fields))
  const byName = new Map(fields.map((f) => [f.name, f]))
  const out = sectionList.map((s) => ({
    title: s.title,
    fields: s.fields.filter((n) => byName.has(n)).map((n) => ({ ...byName.get(n), ...kindOf(n) }))
  }))
  const rest = fields.filter((f) => !known.has(f.name)).map((f) => ({ ...f, ...kindOf(f.name) }))
  out[out.length - 1].fields.push(...rest)
  return out.filter((s) => s.fields.length)
}

// Tag colours of statuses and funnel stages, by key (labels come from the vocabulary).
const STATUS_TAGS = { away: 'info', returned: 'success', employed_home: 'primary', started_business: 'warning', left_again: 'danger' }
const FUNNEL_TAGS = { identified: 'info', contacted: 'primary', landed: 'success' }

export function statusTag(key) {
  return STATUS_TAGS[key] || 'info'
}

export function funnelTag(key) {
  return FUNNEL_TAGS[key] || 'info'
}

export const FLAG_TEXT = { true: '是', false: '否' }

// A field's value as the clerk reads it (— when empty). industries: code → name, optional.
export function displayValue(person, name, industries) {
  const v = person?.[name]
  const { kind, list } = fieldKind(name)
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return '—'
  switch (kind) {
    case 'region':
      return person.region_name || v
    case 'vocab':
      if (name === 'status' && person.status_label) return person.status_label
      if (name === 'funnel_stage' && person.funnel_label) return person.funnel_label
      if (name === 'labour_brand' && person.labour_brand_label) return person.labour_brand_label
      return termLabel(list, v)
    case 'vocab_list':
      return termLabels(list, v).join('、')
    case 'flag':
      return FLAG_TEXT[v] ?? String(v)
    case 'integer':
      return name.endsWith('_wan') ? `${v} 万元` : String(v)
    case 'industry':
      return industries?.[v] ? `${v} ${industries[v]}` : v
    default:
      return Array.isArray(v) ? v.join('、') : String(v)
  }
}

// Age in whole years on `today` (a Date, default now) from "YYYY-MM-DD"; '' when unknown.
export function ageFrom(birthDate, today = new Date()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate || '')
  if (!m) return ''
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1
  return age >= 0 ? age : ''
}

export const GENDER_TEXT = { male: '男', female: '女' }

export function genderText(g) {
  return GENDER_TEXT[g] || '—'
}

// 0.8333 → "83.3%"; null (no one to divide by) → "—".
export function percent(rate) {
  if (rate === null || rate === undefined || Number.isNaN(Number(rate))) return '—'
  return `${(Number(rate) * 100).toFixed(1)}%`
}

// GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2); '' when not 17 digits.
export function idCheckChar(first17) {
  if (!/^\d{17}$/.test(first17)) return ''
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]
  return '10X98765432'[sum % 11]
}

// A hint about an ID number the clerk typed, checked before the server does; '' when it looks right.
export function idNumberProblem(value) {
  const s = (value || '').trim().toUpperCase()
  if (!s) return ''
  if (s.length !== 18) return `身份证号应为18位，当前为${s.length}位`
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号前17位应为数字，最后一位为数字或X'
  const expected = idCheckChar(s.slice(0, 17))
  if (expected !== s[17]) return `身份证号校验位应为${expected}，实际为${s[17]}`
  return ''
}

// Import jobs (POST /imports): their states.
export const IMPORT_STATUS = {
  queued: { name: '排队中', type: 'info' },
  running: { name: '处理中', type: 'warning' },
  done: { name: '已完成', type: 'success' },
  failed: { name: '失败', type: 'danger' }
}

export function importStatus(key) {
  return IMPORT_STATUS[key] || { name: key || '—', type: 'info' }
}

// The counts of an import, in the order the result shows them.
// 冲突 (a value another source gave differently) is kept for people only: see importCounts.
export const IMPORT_COUNTS = [
  { key: 'rows_read', name: '读取' },
  { key: 'accepted', name: '可导入' },
  { key: 'rejected', name: '有问题' },
  { key: 'new', name: '新增' },
  { key: 'updated', name: '更新' },
  { key: 'unchanged', name: '无变化' },
  { key: 'conflicts', name: '冲突' }
]

// The counts an import of `kind` reports.
export function importCounts(kind) {
  return kind === 'people' ? IMPORT_COUNTS : IMPORT_COUNTS.filter((c) => c.key !== 'conflicts')
}

// GB/T 4754-2017 sections and divisions (GET /industries), loaded once:
// {groups: [{code, name, children: [{code, name}]}], names: {code: name}}.
export const industries = reactive({ groups: [], names: {} })
let industriesPending = null

export function loadIndustries() {
  if (!industriesPending) {
    industriesPending = api
      .industries()
      .then((res) => {
        const items = res.items || []
        const names = {}
        for (const i of items) names[i.code] = i.name
        const groups = items.filter((i) => !i.parent).map((s) => ({ code: s.code, name: s.name, children: [] }))
        for (const i of items) {
          const g = i.parent && groups.find((s) => s.code === i.parent)
          if (g) g.children.push({ code: i.code, name: i.name })
        }
        Object.assign(industries, { groups, names })
        return industries
      })
      .catch((e) => {
        industriesPending = null
        throw e
      })
  }
  return industriesPending
}
