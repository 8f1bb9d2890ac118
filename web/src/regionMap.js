// The map outlines of Hubei (public/geo, made at build time by scripts/hubei-geo.mjs from an npm
// package), registered with ECharts on first use.
import * as echarts from 'echarts/core'

const maps = new Map() // code → Promise<boolean>

// Registers the outline of `code`'s children (420000: the cities; a city: its counties) under the
// map name `code`; resolves false when there is none (a county: its townships have no outline).
export function loadRegionMap(code) {
  if (!maps.has(code)) {
    const p = fetch(`/geo/${code}.json`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((geo) => {
        if (!geo || !geo.features?.length) return false
        echarts.registerMap(code, geo)
        return true
      })
      .catch(() => false)
    maps.set(code, p)
  }
  return maps.get(code)
}
