// Labels and formatting shared by the policy pages.

export const VERDICT_TAGS = { eligible: 'success', not_eligible: 'info', unknown: 'warning' }
export const RESULT_ICONS = { eligible: '✓', not_eligible: '✗', unknown: '？' }
export const APPLICATION_STATUS_TAGS = {
  submitted: 'warning',
  reviewed: 'primary',
  approved: 'success',
  rejected: 'info',
  paid: ''
}

// An amount in fen as 元 ("5000元", "42.5元"); "金额待定" when unknown.
export function yuan(fen, cap = false) {
  if (fen === null || fen === undefined) return '金额待定'
  const text = (fen / 100).toFixed(2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1')
  return `${cap ? '最高' : ''}${text}元`
}

// Today as YYYY-MM-DD in the browser's time zone.
export function todayIso() {
  const d = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
