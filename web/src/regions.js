// Region helpers shared by RegionSelect, the region page and the home page.
import { api } from './api.js'
import { session } from './session.js'
import { scopeList, scopeRegionCodes } from './format.js'

const names = new Map() // code → name, filled as regions are seen
const details = new Map() // code → Promise of GET /regions/CODE

export function rememberRegion(region) {
  if (region?.code && region.name) names.set(region.code, region.name)
}

export function knownRegionName(code) {
  return names.get(code)
}

export function regionDetail(code) {
  if (!details.has(code)) {
    const p = api.region(code, { silent: true }).then((r) => {
      rememberRegion(r)
      for (const step of r.path || []) rememberRegion(step)
      return r
    })
    p.catch(() => details.delete(code))
    details.set(code, p)
  }
  return details.get(code)
}

// code → name for each code, asking the server for the ones not seen yet.
export async function regionNames(codes) {
  const out = {}
  await Promise.all(
    (codes || []).map(async (code) => {
      if (!names.has(code)) {
        try {
          await regionDetail(code)
        } catch (e) {
          // unknown or out of scope: keep the code
        }
      }
      out[code] = names.get(code) || code
    })
  )
  return out
}

// A region as a tree node: label name, value code, leaf when it has no children.
export function toNode(r) {
  rememberRegion(r)
  const leaf = r.has_children === undefined ? Number(r.level) >= 5 : !r.has_children
  return { code: r.code, name: r.name, level: Number(r.level), leaf }
}

export async function childNodes(parentCode) {
  const res = await api.regions(parentCode)
  return (res.items || []).map(toNode)
}

// Where the account's region trees start: its own region; the province for 'all';
// the own region plus the listed regions for 'regions'.
export async function regionRoots() {
  const me = session.me
  if (!me?.region?.code) return childNodes(undefined)
  const own = { ...me.region }
  const scopes = scopeList(me.data_scope)
  try {
    if (scopes.some((s) => s.kind === 'all') && Number(own.level) > 1) {
      const d = await regionDetail(own.code)
      const top = d.path?.[0]
      if (top) return [toNode(top)]
    }
    const listed = scopeRegionCodes(me.data_scope).filter((c) => c !== own.code)
    if (listed.length) {
      const details = await Promise.all(listed.map((c) => regionDetail(c).catch(() => null)))
      // Regions below the account's own region are already reachable from it.
      const outside = details.filter((d) => d && !(d.path || []).some((step) => step.code === own.code))
      return [toNode(own), ...outside.map(toNode)]
    }
  } catch (e) {
    // fall back to the account's own region
  }
  return [toNode(own)]
}
