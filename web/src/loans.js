// Loans and financing 创业担保贷款与融资对接: the vocabulary (GET /loans/vocabulary), loaded once,
// and how money (元 and 分), rates (basis points) and statuses are shown.
import { reactive } from 'vue'
import { api } from './api.js'

export const loanVocabulary = reactive({
  loaded: false,
  borrower_kinds: [],
  statuses: [],
  financing_statuses: [],
  decision_days: 15
})

let pending = null

// Loads the vocabulary once; resolves to the object above.
export function loadLoanVocabulary() {
  if (!pending) {
    pending = api
      .loanVocabulary()
      .then((v) => Object.assign(loanVocabulary, v, { loaded: true }))
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The label of `key` in the list `list` ('borrower_kinds', 'statuses', 'financing_statuses').
export function loanTerm(list, key) {
  if (!key) return ''
  return (loanVocabulary[list] || []).find((t) => t.key === key)?.label || key
}

// 300000 → "300,000 元"; null → "—".
export function yuanText(yuan) {
  if (yuan === null || yuan === undefined || yuan === '') return '—'
  return `${Number(yuan).toLocaleString('zh-CN')} 元`
}

// 56250 → "562.50 元".
export function fenText(fen) {
  if (fen === null || fen === undefined || fen === '') return '—'
  const n = Number(fen)
  return `${(n / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`
}

// 450 → "4.50%".
export function bpText(bp) {
  if (bp === null || bp === undefined || bp === '') return '—'
  return `${(Number(bp) / 100).toFixed(2)}%`
}

const LOAN_TAGS = { active: 'primary', repaid: 'success', overdue: 'danger', compensated: 'warning' }
const FINANCING_TAGS = { submitted: 'info', accepted: 'primary', approved: 'success', disbursed: 'success', rejected: 'danger' }

export function loanStatusTag(key) {
  return LOAN_TAGS[key] || 'info'
}

export function financingStatusTag(key) {
  return FINANCING_TAGS[key] || 'info'
}

// The statuses a financing request may move to from `status`.
export function financingNext(status) {
  if (status === 'submitted') return ['accepted', 'rejected']
  if (status === 'accepted') return ['approved', 'rejected']
  if (status === 'approved') return ['disbursed']
  return []
}
