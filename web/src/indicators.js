// Indicators 目标指标: how their figures are written (a ratio as a percent, 万元 amounts, counts)
// and the colour of a completion. Light: pages that only show figures do not load ECharts (the
// map outlines are in regionMap.js).

// The figure in the indicator's unit: "2.35%", "1.2亿元" / "350万元", "12 户".
export function figureText(value, unit) {
  if (value === null || value === undefined) return '—'
  if (unit === '%') return `${(value * 100).toFixed(2)}%`
  if (unit === '万元') return value >= 10000 ? `${(value / 10000).toFixed(2)}亿元` : `${Math.round(value)}万元`
  const n = Number.isInteger(value) ? value : Math.round(value * 100) / 100
  return `${n.toLocaleString('zh-CN')} ${unit}`
}

// "85.3%" of a completion ratio, or "无目标".
export function completionText(c) {
  if (c === null || c === undefined) return '无目标'
  return `${(c * 100).toFixed(1)}%`
}

// Red below 60%, orange below 100%, green at or above.
export function completionColor(c) {
  if (c === null || c === undefined) return '#909399'
  return c >= 1 ? '#67c23a' : c >= 0.6 ? '#e6a23c' : '#f56c6c'
}
