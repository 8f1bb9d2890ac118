// The merchant and talent library 楚商楚才库: its vocabulary (GET /merchants/vocabulary), loaded
// once and shared by every page, and how each field is edited and shown. Every Chinese label of a
// field or of a key comes from the vocabulary; this file only knows which list a field draws on.
import { reactive } from 'vue'
import { api } from './api.js'
import { sectionsOf } from './people.js'

export const merchantVocabulary = reactive({
  loaded: false,
  fields: [], // [{name, label}]
  categories: [],
  enterprise_sizes: [],
  operating_statuses: [],
  revenue_bands: [],
  influence_levels: [],
  tags: [],
  intention_strengths: [],
  contact_kinds: [],
  festivals: [],
  chamber_kinds: [], // 商会类型
  station_kinds: [], // 联络站点类型
  ambassador_statuses: [] // 招商大使聘任状态
})

let pending = null

// Loads the vocabulary once (its lists are fixed by the server); resolves to the object above.
export function loadMerchantVocabulary() {
  if (!pending) {
    pending = api
      .merchantVocabulary()
      .then((v) => {
        Object.assign(merchantVocabulary, v, { loaded: true })
        return merchantVocabulary
      })
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The label of `key` in the vocabulary list `list` (e.g. 'categories'); the key itself when unknown.
export function merchantTerm(list, key) {
  if (key === null || key === undefined || key === '') return ''
  return (merchantVocabulary[list] || []).find((t) => t.key === key)?.label || key
}

export function merchantTerms(list, keys) {
  return (keys || []).map((k) => merchantTerm(list, k))
}

export function merchantFieldLabel(name) {
  return merchantVocabulary.fields.find((f) => f.name === name)?.label || name
}

// How a field is entered and shown. Fields the vocabulary lists but this table does not know
// are plain text, so a new server field still appears in the forms.
//   kind: text | textarea | phone | credit_code | region | region_list | vocab | vocab_list |
//         integer | industry | industry_list
export const MERCHANT_FIELD_KINDS = {
  name: { kind: 'text' },
  categories: { kind: 'vocab_list', list: 'categories' },
  position: { kind: 'text' },
  phone: { kind: 'phone' },
  enterprise_name: { kind: 'text' },
  credit_code: { kind: 'credit_code' },
  industry: { kind: 'industry' },
  enterprise_size: { kind: 'vocab', list: 'enterprise_sizes' },
  operating_status: { kind: 'vocab', list: 'operating_statuses' },
  revenue_band: { kind: 'vocab', list: 'revenue_bands' },
  hometown_code: { kind: 'region', required: true },
  location_city: { kind: 'text' },
  location_country: { kind: 'text' },
  chambers: { kind: 'text' },
  influence: { kind: 'vocab', list: 'influence_levels' },
  tags: { kind: 'vocab_list', list: 'tags' },
  intention_strength: { kind: 'vocab', list: 'intention_strengths' },
  intention_industries: { kind: 'industry_list' },
  intention_min_wan: { kind: 'integer' },
  intention_max_wan: { kind: 'integer' },
  intention_regions: { kind: 'region_list' },
  intention_note: { kind: 'textarea' },
  notes: { kind: 'textarea' }
}

export function merchantFieldKind(name) {
  return MERCHANT_FIELD_KINDS[name] || { kind: 'text' }
}

// Sections of the registration form and of the merchant file, in order; fields of the vocabulary
// not named here go to the last one.
export const MERCHANT_SECTIONS = [
  {
    title: '基本信息',
    fields: ['name', 'categories', 'position', 'phone', 'hometown_code', 'location_city', 'location_country', 'chambers', 'influence', 'tags']
  },
  { title: '企业信息', fields: ['enterprise_name', 'credit_code', 'industry', 'enterprise_size', 'operating_status', 'revenue_band'] },
  {
    title: '投资意向',
    fields: ['intention_strength', 'intention_industries', 'intention_min_wan', 'intention_max_wan', 'intention_regions', 'intention_note']
  },
  { title: '其他', fields: ['notes'] }
]

// The sections with the vocabulary's fields: [{title, fields: [{name, label, kind, list, required}]}].
export function merchantSections(fields) {
  return sectionsOf(fields, MERCHANT_SECTIONS, merchantFieldKind)
}

// What a record is called: the person's name, or the enterprise's when no person is named.
export function merchantTitle(m) {
  return m?.name || m?.enterprise_name || (m?.id ? `编号 ${m.id}` : '')
}

// "39 计算机、通信和其他电子设备制造业" (the code alone when the name is not loaded).
export function industryText(code, names) {
  if (!code) return ''
  return names?.[code] ? `${code} ${names[code]}` : code
}

// A field's value as the clerk reads it (— when empty). industryNames: code → name;
// regionNames: code → name (for the intention regions), both optional.
export function merchantValue(m, name, industryNames, regionNames) {
  const v = m?.[name]
  const { kind, list } = merchantFieldKind(name)
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return '—'
  switch (kind) {
    case 'region':
      return m.hometown_name || v
    case 'region_list':
      return v.map((c) => regionNames?.[c] || c).join('、')
    case 'vocab':
      if (name === 'intention_strength' && m.intention_label) return m.intention_label
      return merchantTerm(list, v)
    case 'vocab_list':
      if (name === 'categories' && m.category_labels?.length) return m.category_labels.join('、')
      if (name === 'tags' && m.tag_labels?.length) return m.tag_labels.join('、')
      return merchantTerms(list, v).join('、')
    case 'industry':
      return industryText(v, industryNames)
    case 'industry_list':
      return v.map((c) => industryText(c, industryNames)).join('、')
    case 'integer':
      return name.endsWith('_wan') ? `${v} 万元` : String(v)
    default:
      return Array.isArray(v) ? v.join('、') : String(v)
  }
}

// Where a merchant is now: the city, or the country or region abroad.
export function merchantLocation(m) {
  return m?.location_city || m?.location_country || ''
}

// Tag colours of the intention strengths, by key (labels come from the vocabulary).
const INTENTION_TAGS = { strong: 'success', possible: 'primary', none: 'info', unknown: 'info' }

export function intentionTag(key) {
  return INTENTION_TAGS[key] || 'info'
}

// The verification cycles of GET /merchants/freshness (and of the `stale` filter), default quarter.
export const CYCLES = [
  { key: 'month', label: '本月' },
  { key: 'quarter', label: '本季度' },
  { key: 'half', label: '本半年' },
  { key: 'year', label: '本年' }
]
export const DEFAULT_CYCLE = 'quarter'

export function cycleLabel(key) {
  return CYCLES.find((c) => c.key === (key || DEFAULT_CYCLE))?.label || key
}

// Tag colours of the appointment statuses of 招商大使, by key (labels come from the vocabulary's
// ambassador_statuses).
const AMBASSADOR_STATUS_TAGS = { active: 'success', ended: 'info' }

export function ambassadorStatusTag(key) {
  return AMBASSADOR_STATUS_TAGS[key] || 'info'
}

// Where a chamber or station is: the city, and the country when abroad ("新加坡 · 新加坡").
export function placeText(r) {
  const parts = [r?.city, r?.country].filter(Boolean)
  return parts.join(' · ')
}

// A masked phone (the account lacks merchant:unmask) is never sent back: the form leaves it empty.
export function isMasked(value) {
  return typeof value === 'string' && value.includes('*')
}

// The body of a create (non-empty values) or of a change (the values that differ from `initial`,
// emptied ones as null) of a form of plain values; strings are trimmed.
export function formBody(form, initial, editing, names = Object.keys(form)) {
  const out = {}
  const clean = (v) => (typeof v === 'string' ? v.trim() : v)
  const empty = (v) => v === null || v === undefined || v === ''
  for (const name of names) {
    const v = clean(form[name])
    if (!editing) {
      if (!empty(v)) out[name] = v
    } else if (clean(initial[name]) !== v && !(empty(v) && empty(clean(initial[name])))) {
      out[name] = empty(v) ? null : v
    }
  }
  return out
}
